"""The pipeline page driven as a user does: fill the lead dialog, see it due today, act on it."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import leads as lead_service
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.ui.dialogs.lead_dialog import FollowUpDialog, LeadDialog
from expo_desk.ui.language import set_ui_language
from expo_desk.ui.models.lead_table_model import LeadTableModel
from expo_desk.ui.pages.pipeline_page import PipelinePage


@pytest.fixture
def pipeline(qtbot, window):
    page = PipelinePage(window.context)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def today_groups(page) -> dict[str, list[str]]:
    """Group title (without the count) -> company names listed under it."""
    tree = page.today_tree
    groups = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        groups[group.text(0).split(" (")[0]] = [group.child(j).text(2) for j in range(group.childCount())]
    return groups


def table_names(page) -> list[str]:
    return [page.model.index(r, 1).data() for r in range(page.model.rowCount())]


def add_lead(window, name, due: date | None, **values) -> str:
    ctx = window.context
    return lead_service.create_lead(ctx.db, ctx.actor, ctx.show["id"], {
        "prospect_name": name, "next_follow_up": due.isoformat() if due else None, **values}).inserted["leads"][0]


def test_a_lead_created_through_the_dialog_appears_in_today_when_due(qtbot, pipeline, on_modal):
    assert today_groups(pipeline) == {"Overdue": [], "Today": [], "This week": []}

    def fill(dialog):
        assert isinstance(dialog, LeadDialog)
        dialog.company.setText("日照港集团有限公司")  # QTest types ASCII only
        dialog.expected.setText("8万")
        dialog.picks["没有预算"].setChecked(True)
        dialog.other_objections.setText("老板出差；下月再谈")
        assert dialog.next_follow_up.value() == date.today().isoformat()  # a new lead is due today
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    on_modal(fill)
    qtbot.keyClick(pipeline, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert on_modal.calls, "Ctrl+N opened no dialog"
    assert today_groups(pipeline)["Today"] == ["日照港集团有限公司"]
    assert table_names(pipeline) == ["日照港集团有限公司"]
    assert pipeline.model.index(0, 3).data() == "¥80,000.00"
    assert pipeline.model.index(0, 6).data() == "no budget; 老板出差; 下月再谈"
    assert "contacted: 1" in pipeline.summary.text()


def test_stages_and_quick_picks_show_in_chinese_when_the_window_speaks_it(qtbot, pipeline, window):
    add_lead(window, "日照港集团有限公司", date.today(), objections=["没有预算", "老板出差"])
    set_ui_language("zh")
    try:
        pipeline.refresh()
        assert pipeline.model.index(0, 0).data() == "已联系"
        assert pipeline.model.index(0, 6).data() == "没有预算; 老板出差"
        assert pipeline.today_tree.topLevelItem(1).child(0).text(1) == "已联系"
        assert "已联系: 1" in pipeline.summary.text()
    finally:
        set_ui_language("en")


def test_a_bad_lead_form_shows_each_problem_next_to_its_field(qtbot, pipeline, on_modal):
    seen = {}

    def fill(dialog):
        dialog.expected.setText("很多")
        dialog.stage.setCurrentIndex(dialog.stage.findData("lost"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        for key in ("prospect_name", "expected_value", "lost_reason", "next_follow_up"):
            label = dialog.findChild(QLabel, f"{key}_error")
            seen[key] = label.text() if label.isVisible() else ""
        dialog.reject()

    on_modal(fill)
    pipeline.new_button.click()
    assert "company name or an exhibitor is required" in seen["prospect_name"]
    assert "not an amount" in seen["expected_value"]
    assert "needs a reason" in seen["lost_reason"]
    assert seen["next_follow_up"] == ""
    assert table_names(pipeline) == []


def test_today_panel_buckets_and_overdue_is_red(window, pipeline):
    today = date.today()
    add_lead(window, "逾期公司", today - timedelta(days=3))
    add_lead(window, "今天公司", today)
    add_lead(window, "以后公司", today + timedelta(days=30))
    pipeline.refresh()
    groups = today_groups(pipeline)
    assert groups["Overdue"] == ["逾期公司"] and groups["Today"] == ["今天公司"]
    assert "以后公司" not in sum(groups.values(), [])
    overdue = pipeline.today_tree.topLevelItem(0).child(0)
    assert overdue.foreground(2).color().name() == "#b00020"
    row = table_names(pipeline).index("逾期公司")
    assert pipeline.model.index(row, 2).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"


def test_log_follow_up_moves_the_lead_out_of_today(qtbot, window, pipeline, on_modal):
    add_lead(window, "今天公司", date.today())
    pipeline.refresh()
    pipeline._today_clicked(pipeline.today_tree.topLevelItem(1).child(0))

    def fill(dialog):
        assert isinstance(dialog, FollowUpDialog)
        dialog.note.setPlainText("电话沟通参展意向")
        dialog.next_follow_up.edit.setDate(QDate(date.today() + timedelta(days=40)))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    on_modal(fill)
    pipeline.follow_up_button.click()
    assert today_groups(pipeline)["Today"] == []
    detail = pipeline.current_lead()
    assert detail["follow_ups"][0]["note"] == "电话沟通参展意向"


def test_mark_lost_asks_the_reason_and_filters_follow(qtbot, window, pipeline, monkeypatch):
    add_lead(window, "甲公司", date.today())
    add_lead(window, "乙公司", None)
    pipeline.refresh()
    pipeline.table.selectRow(table_names(pipeline).index("甲公司"))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: ("同类展会太多 / too many similar shows", True))
    pipeline.lost_button.click()
    assert today_groups(pipeline)["Today"] == []
    pipeline.stage_filter.setCurrentIndex(pipeline.stage_filter.findData("lost"))
    assert table_names(pipeline) == ["甲公司"]
    assert not pipeline.lost_button.isEnabled()
    pipeline.stage_filter.setCurrentIndex(pipeline.stage_filter.findData("open"))
    assert table_names(pipeline) == ["乙公司"]
    pipeline.search_box.setText("甲")
    qtbot.waitUntil(lambda: table_names(pipeline) == [])


def test_mark_lost_without_a_reason_is_refused(window, pipeline, monkeypatch):
    add_lead(window, "甲公司", date.today())
    pipeline.refresh()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: ("  ", True))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    pipeline.lost_button.click()
    assert warnings and "needs a reason" in warnings[0]
    assert today_groups(pipeline)["Today"] == ["甲公司"]


def test_import_through_the_dialog(qtbot, pipeline, on_modal, import_closer, tmp_path):
    source = tmp_path / "leads.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["公司", "客户经理", "阶段", "下次跟进", "期望值"])
    book.active.append(["日照钢铁集团有限公司", "赵经理", "已约拜访", date.today().isoformat(), "100000"])
    book.active.append(["新客户有限公司", "", "", "", ""])
    book.save(source)
    on_modal(import_closer)
    pipeline.import_file(source)
    assert "2 lead(s) imported" in import_closer.status
    assert sorted(table_names(pipeline)) == sorted(["日照钢铁集团有限公司", "新客户有限公司"])
    assert today_groups(pipeline)["Today"] == ["日照钢铁集团有限公司"]


def test_a_bad_import_lists_file_row_column_and_adds_nothing(qtbot, pipeline, on_modal, import_closer, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("公司,期望值\n好公司,100\n坏公司,abc\n", encoding="utf-8")
    on_modal(import_closer)
    pipeline.import_file(source)
    assert import_closer.status.startswith("Nothing was imported")
    assert import_closer.problems.startswith(f"{source}:3:期望值:")
    assert table_names(pipeline) == []


def test_an_account_manager_sees_only_their_own_leads(qtbot, window, pipeline):
    ctx = window.context
    add_lead(window, "别人的公司", date.today())
    me, _ = find_or_add_account_manager(ctx.db, ctx.actor, "钱经理")
    add_lead(window, "我的公司", date.today(), account_manager_id=me["id"])
    ctx.set_actor(Actor(me["id"], "钱经理", Role.ACCOUNT_MANAGER))
    assert table_names(pipeline) == ["我的公司"]
    assert today_groups(pipeline)["Today"] == ["我的公司"]
    assert pipeline.manager_filter.currentText() == "钱经理" and not pipeline.manager_filter.isEnabled()
    assert pipeline.edit_button.isEnabled()


def _rows(start: int, count: int) -> list[dict]:
    return [{"id": f"id-{n}", "stage": "contacted", "company_name": f"公司{n:04d}", "company_name_en": "",
             "account_manager": None, "next_follow_up": "2026-05-04", "visit_at": None, "notes": "", "lost_reason": "",
             "expected_value_fen": n * 100, "objections": '["没有预算"]'} for n in range(start, start + count)]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = LeadTableModel()
    model.set_rows(_rows(0, 50), 120, lambda offset: _rows(offset, min(50, 120 - offset)))
    qtmodeltester.check(model, force_py=True)
