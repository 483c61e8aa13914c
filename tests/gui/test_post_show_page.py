"""The Post-show page: the visitor grid saves as it is typed; an exhibitor's leads, survey and notes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import post_show, users
from expo_desk.services.tabular import write_table
from expo_desk.store.queries import rows, scalar
from expo_desk.ui.pages import post_show_page
from expo_desk.ui.pages.post_show_page import PostShowPage

DAY = "2026-09-18"


@pytest.fixture
def page(qtbot, window):
    widget = PostShowPage(window.context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cell(grid, sector: str, day: str):
    """The grid's item for a sector ('' = not by sector, None = the total row) and a day (None = total)."""
    r = len(grid._sectors) if sector is None else grid._sectors.index(sector)
    c = len(grid._days) if day is None else grid._days.index(day)
    return grid.table.item(r, c)


def test_typing_a_visitor_count_saves_it_and_moves_the_totals(page, window, monkeypatch):
    grid = page.visitors
    assert grid.add_day_button.isVisible()  # the test show has no dates: days are added by hand
    monkeypatch.setattr(post_show_page.QInputDialog, "getText", lambda *_a, **_k: (DAY, True))
    grid.add_day_button.click()
    assert grid._days == [DAY] and "钢铁" in grid._sectors and grid._sectors[-1] == ""
    cell(grid, "钢铁", DAY).setText("1200")
    cell(grid, "", DAY).setText("300")
    assert cell(grid, None, DAY).text() == "1,500" and cell(grid, "钢铁", None).text() == "1,200"
    assert cell(grid, None, None).text() == "1,500" and cell(grid, "钢铁", DAY).text() == "1,200"
    assert "1,500 visitor(s) over 1 day(s)" in grid.summary.text()
    assert rows(window.context.db, "SELECT day, sector, visitors FROM visitor_counts ORDER BY sector") == [
        {"day": DAY, "sector": "", "visitors": 300}, {"day": DAY, "sector": "钢铁", "visitors": 1200}]
    cell(grid, "钢铁", DAY).setText("")  # cleared: the count goes
    assert cell(grid, None, None).text() == "300"
    assert scalar(window.context.db, "SELECT count(*) FROM visitor_counts") == 1


def test_a_bad_visitor_count_is_refused_and_the_cell_shows_what_is_stored(page, window):
    ctx = window.context
    post_show.set_visitors(ctx.db, ctx.actor, ctx.show["id"], DAY, "渔业", 40)
    page.visitors.refresh()
    grid = page.visitors
    cell(grid, "渔业", DAY).setText("lots")
    assert grid.errors.isVisible() and "visitors must be a whole number" in grid.errors.text()
    assert cell(grid, "渔业", DAY).text() == "40"
    assert scalar(ctx.db, "SELECT visitors FROM visitor_counts") == 40


def test_visitors_imported_through_the_page_fill_the_grid(page, window, monkeypatch, on_modal, import_closer,
                                                          tmp_path):
    source = tmp_path / "registrations.csv"
    write_table(source, ["姓名", "签到时间", "行业"], [["孙", f"{DAY} 09:00", "钢铁"], ["钱", f"{DAY} 10:00", "钢铁"]])
    monkeypatch.setattr(post_show_page.list_page, "spreadsheet_to_import", lambda *_a: source)
    on_modal(import_closer)
    page.visitors.import_button.click()
    assert "Counted one row per registered visitor" in import_closer.status
    assert cell(page.visitors, "钢铁", DAY).text() == "2"


def pick(page, name: str):
    page.tabs.setCurrentWidget(page.results)
    results = page.results
    results.picker.search.setText(name)
    results.picker.reload()
    assert results.picker.choose(name)
    assert results.title.text() == name
    return results


def test_outcome_notes_and_survey_are_saved_with_save(page, window):
    results = pick(page, "日照钢铁集团有限公司")
    results.outcome_edits["promotion"].setPlainText("微信推文两篇")
    results.outcome_edits["matchmaking"].setPlainText("配对会 3 场")
    assert results.survey.item(0, 0).text() == "Overall satisfaction with the show"
    results.survey.item(0, 1).setText("满意")
    results.survey.item(0, 2).setText("4")
    results.save_button.click()
    steel = results.exhibitor["id"]
    saved = post_show.outcomes(window.context.db, steel)
    assert (saved["promotion"], saved["matchmaking"], saved["competition"]) == ("微信推文两篇", "配对会 3 场", "")
    assert [(a["question"], a["answer"], a["score"]) for a in post_show.survey_answers(window.context.db, steel)] == [
        (post_show.SURVEY_QUESTIONS[0], "满意", 4)]  # kept under the question as stored, in both languages
    assert results.saved_label.text().startswith("Notes last saved")
    results.survey.item(1, 2).setText("9")
    results.outcome_edits["competition"].setPlainText("两家同行")
    results.save_button.click()
    assert "Survey row 2" in results.errors.text() and "from 1 to 5" in results.errors.text()
    assert post_show.outcomes(window.context.db, steel)["competition"] == ""  # nothing of a refused save


def test_a_lead_added_and_deleted_on_the_page(page, window, on_modal, monkeypatch):
    results = pick(page, "黄海渔业有限公司")

    def fill(dialog):
        dialog.fields["visitor_name"].setText("周先生")
        dialog.fields["captured_on"].setText(DAY)
        dialog.signed.setChecked(True)
        dialog.fields["agreement_value"].setText("5.5万")
        dialog.source.setCurrentText("business card")
        dialog.save()

    on_modal(fill)
    results.add_lead_button.click()
    assert results.leads_table.rowCount() == 1 and results.leads_table.item(0, 1).text() == "周先生"
    assert results.leads_table.item(0, 0).text() == "18 Sep 2026"  # the day in the window's language
    assert results.lead_summary.text() == "1 lead(s) · 1 agreement(s) signed · ¥55,000.00"
    assert results.leads_table.item(0, 7).text() == "business card"
    assert scalar(window.context.db, "SELECT source FROM exhibitor_leads") == "名片 business card"  # for the report
    results.leads_table.selectRow(0)
    monkeypatch.setattr(post_show_page.QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    results.delete_lead_button.click()
    assert results.leads_table.rowCount() == 0
    assert scalar(window.context.db, "SELECT count(*) FROM exhibitor_leads") == 0


def test_another_account_managers_exhibitor_is_read_only(page, window):
    ctx = window.context
    uid = users.create_user(ctx.db, ctx.actor, "am9", "钱经理", Role.ACCOUNT_MANAGER).inserted["users"][0]
    ctx.set_actor(Actor(uid, "钱经理", Role.ACCOUNT_MANAGER))
    results = pick(page, "日照钢铁集团有限公司")
    assert results.notice.isVisible() and "account manager" in results.notice.text()
    assert not results.save_button.isEnabled() and not results.add_lead_button.isEnabled()
    assert results.outcome_edits["promotion"].isReadOnly()
    page.tabs.setCurrentWidget(page.visitors)
    assert not page.visitors.add_sector_button.isEnabled() and page.visitors.notice.isVisible()


def test_unsaved_notes_are_offered_for_saving_when_picking_another_exhibitor(page, window, monkeypatch):
    results = pick(page, "日照钢铁集团有限公司")
    steel = results.exhibitor["id"]
    results.outcome_edits["brand_image"].setPlainText("品牌曝光")
    monkeypatch.setattr(post_show_page.QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Save)
    pick(page, "黄海渔业有限公司")
    assert post_show.outcomes(window.context.db, steel)["brand_image"] == "品牌曝光"

