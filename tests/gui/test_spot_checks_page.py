"""The Spot checks page: draw a sample, give every verdict, sign off; replay; read-only; exceptions."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtWidgets import QInputDialog

from expo_desk.domain import spot_checks as rules
from expo_desk.domain.actors import Actor
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import Role
from expo_desk.services import booths, exhibitors, pricing, users
from expo_desk.services import contracts as contract_service
from expo_desk.services import spot_checks as svc
from expo_desk.services.contract_signing import sign_contract
from expo_desk.store import records
from expo_desk.store.queries import rows
from expo_desk.ui.pages.spot_checks_page import SpotChecksPage

SIGNED_ON = (_dt.date.today() - _dt.timedelta(days=60)).isoformat()  # the payments are late by now


@pytest.fixture
def signed(window):
    """Three signed contracts (one shell booth each) and a department manager, 赵部长."""
    ctx = window.context
    show_id = ctx.show["id"]
    pricing.add_default_rules(ctx.db, ctx.actor, show_id)
    hall = booths.create_hall(ctx.db, ctx.actor, show_id, "A", "A馆", 3000, 1000).inserted["halls"][0]
    booths.add_booths(ctx.db, ctx.actor, show_id, hall, [BoothDraft(f"A-{k}", 600 * k, 0, 300, 300) for k in range(4)])
    ids = []
    for firm, number in zip(exhibitors.search_exhibitors(ctx.db, show_id), ("A-0", "A-1", "A-2")):
        booth = rows(ctx.db, "SELECT id FROM booths WHERE number = ?", [number])[0]["id"]
        cid = contract_service.create_contract(ctx.db, ctx.actor, show_id, firm["id"], [booth],
                                               today=SIGNED_ON).inserted["contracts"][0]
        sign_contract(ctx.db, ctx.actor, cid, signed_on=SIGNED_ON)
        ids.append(cid)
    uid = users.create_user(ctx.db, ctx.actor, "dm", "赵部长", Role.DEPARTMENT_MANAGER).inserted["users"][0]
    return {"contracts": ids, "dm": Actor(uid, "赵部长", Role.DEPARTMENT_MANAGER)}


def open_page(qtbot, window):
    page = SpotChecksPage(window.context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def fill_draw_dialog(kind_index: int, size: int, seed: str):
    def fill(dialog):
        dialog.kind.setCurrentIndex(kind_index)
        dialog.size.setValue(size)
        dialog.seed.setText(seed)
        dialog.accept()
    return fill


def test_draw_confirm_everything_and_sign_off(qtbot, window, signed, on_modal, monkeypatch):
    window.context.set_actor(signed["dm"])
    page = open_page(qtbot, window)
    assert page.read_only_notice.isHidden() and page.draw_button.isEnabled()
    assert "No spot check yet" in page.check_title.text()

    on_modal(fill_draw_dialog(0, 2, "99"))
    page.draw_button.click()
    assert len(on_modal.calls) == 1
    assert page.check_table.rowCount() == 1 and page.item_table.rowCount() == 2
    assert "seed 99" in page.check_title.text() and "8 verdict(s) still to give" in page.check_title.text()
    drawn = [page.item_table.item(r, 1).text().split()[0] for r in range(2)]
    numbers = {records.get_row(window.context.db, "contracts", c)["number"] for c in signed["contracts"]}
    assert set(drawn) <= numbers
    assert page.item_box.title().startswith("Item 1 of 2")
    assert page._check_labels["price_rules"][0].text() == "✓"  # the computer found the price right

    # signing off too early is refused and says why
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("too early", True))
    page.sign_off_button.click()
    assert "without a verdict" in page.errors.text() and page.errors.isVisible()

    for step in range(2):
        for ok, _problem in page.verdict_buttons.values():
            ok.click()
        assert page.item_table.item(step, 3).text() == "4/4 ✓"
        page.note_edit.setPlainText(f"第 {step + 1} 项已核 / item {step + 1} checked")
        page.next_button.click() if step == 0 else page.save_note_button.click()
    assert "0 verdict(s) still to give" in page.check_title.text()

    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("抽查无误 / all in order", True))
    page.sign_off_button.click()
    assert page.errors.isHidden()
    check = svc.spot_checks(window.context.db, window.context.show["id"])[0]
    assert check["note"] == "抽查无误 / all in order" and check["signed_off_by_name"] == "赵部长"
    assert page.check_table.item(0, 6).text().startswith("赵部长 ")
    assert "Signed off by 赵部长" in page.check_title.text()
    notes = [i["note"] for i in svc.spot_check_detail(window.context.db, check["id"])["items"]]
    assert notes == ["第 1 项已核 / item 1 checked", "第 2 项已核 / item 2 checked"]
    # a signed-off check is read-only on screen too
    assert not page.sign_off_button.isEnabled()
    assert not any(ok.isEnabled() for ok, _problem in page.verdict_buttons.values())
    assert page.note_edit.isReadOnly()


def test_a_problem_verdict_and_agreeing_with_the_computer(qtbot, window, signed):
    window.context.set_actor(signed["dm"])
    db = window.context.db
    db.execute("UPDATE contract_lines SET amount_fen = 1 WHERE contract_id = ? AND kind = 'booth'",
               [signed["contracts"][0]])
    page = open_page(qtbot, window)
    assert page.draw("contracts", 3, seed=1)
    row = next(r for r, i in enumerate(page.detail["items"]) if i["row_id"] == signed["contracts"][0])
    page.item_table.selectRow(row)
    assert page._check_labels["price_rules"][0].text() == "✗"
    assert "A-" in page._check_labels["price_rules"][1].text()
    assert page.item_table.item(row, 2).text() == "✗ 1"
    page.agree_button.click()
    item = page.current_item()
    assert item["checks"]["price_rules"]["confirmed"] is False and not item["unconfirmed"]
    assert page.verdict_buttons["price_rules"][1].isChecked()
    page.verdict_buttons["price_rules"][0].click()  # the person overrules the computer
    assert page.current_item()["checks"]["price_rules"]["confirmed"] is True


def test_replay_shows_same_then_different(qtbot, window, signed):
    ctx = window.context
    ctx.set_actor(signed["dm"])
    # a fourth contract, still a draft (drafts are not drawn), that will be signed after the draw
    firm = exhibitors.search_exhibitors(ctx.db, ctx.show["id"])[3]
    booth = rows(ctx.db, "SELECT id FROM booths WHERE number = 'A-3'")[0]["id"]
    later = contract_service.create_contract(ctx.db, ctx.actor, ctx.show["id"], firm["id"], [booth],
                                             today=SIGNED_ON).inserted["contracts"][0]
    before, after = sorted(signed["contracts"]), sorted([*signed["contracts"], later])
    seed = next(s for s in range(100) if rules.draw(before, 2, s) != rules.draw(after, 2, s))
    page = open_page(qtbot, window)
    assert page.draw("contracts", 2, seed=seed)
    page.replay_button.click()
    assert page.replay_label.text().startswith("Same")
    sign_contract(ctx.db, ctx.actor, later, signed_on=SIGNED_ON)
    page.replay_button.click()
    text = page.replay_label.text()
    assert text.startswith("Different") and "population 3 then, 4 now" in text
    number = records.get_row(ctx.db, "contracts", later)["number"]
    assert (number in text) == (later in rules.draw(after, 2, seed))


def test_others_see_the_checks_read_only(qtbot, window, signed):
    svc.draw_spot_check(window.context.db, signed["dm"], window.context.show["id"], "contracts", 2, seed=3)
    page = open_page(qtbot, window)  # the administrator
    assert page.read_only_notice.isVisible()
    assert not page.draw_button.isEnabled() and not page.sign_off_button.isEnabled()
    assert page.item_table.rowCount() == 2 and page.replay_button.isEnabled()
    assert not any(ok.isEnabled() or problem.isEnabled() for ok, problem in page.verdict_buttons.values())
    assert not page.agree_button.isEnabled()


def test_the_exceptions_tab(qtbot, window, signed):
    window.context.set_actor(signed["dm"])
    page = open_page(qtbot, window)
    page.tabs.setCurrentWidget(page.exceptions)
    view = page.exceptions
    assert view.overdue.rowCount() == 3  # nothing paid sixty days after signing
    assert view.headings["overdue"].title() == "Overdue payments (3)"
    assert view.headings["edited"].title() == "Edited after signing (0)"
    assert view.overdue.item(0, 4).text() == "46"  # deposit due 14 days after signing


def test_a_note_goes_with_the_item_it_was_written_on(qtbot, window, signed):
    window.context.set_actor(signed["dm"])
    page = open_page(qtbot, window)
    assert page.draw("contracts", 3, seed=2)
    page.note_edit.setPlainText("发票待查 / invoice to check")
    page.item_table.selectRow(2)
    assert page.item_box.title().startswith("Item 3 of 3") and page.note_edit.toPlainText() == ""
    notes = [i["note"] for i in svc.spot_check_detail(window.context.db, page.detail["check"]["id"])["items"]]
    assert notes == ["发票待查 / invoice to check", "", ""]
    assert page.item_table.item(0, 4).text() == "发票待查 / invoice to check"
