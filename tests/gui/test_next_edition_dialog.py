"""Show ▸ Next edition…: the suggested form, last year's buyers with the on-site tick, the copy and its result."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from expo_desk.domain.actors import Actor
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import Role
from expo_desk.services import booths, contracts, pricing
from expo_desk.services.contract_signing import sign_contract
from expo_desk.store.queries import rows, scalar
from expo_desk.ui.dialogs.next_edition_dialog import NextEditionDialog, next_year_text


@pytest.fixture
def sold(window):
    """RZ2026 with prices, a hall of three booths (A-003 blocked), steel on A-001 and auto on A-002, signed."""
    ctx = window.context
    db, actor, show_id = ctx.db, ctx.actor, ctx.show["id"]
    pricing.add_default_rules(db, actor, show_id)
    hall = booths.create_hall(db, actor, show_id, "H1", "1号馆", 3000, 2000).inserted["halls"][0]
    booths.add_booths(db, actor, show_id, hall, [BoothDraft(f"A-00{k}", 300 * k, 0, 300, 300) for k in (1, 2, 3)])
    number = {n: scalar(db, "SELECT id FROM booths WHERE number = ?", [n]) for n in ("A-001", "A-002", "A-003")}
    booths.update_booth(db, actor, number["A-003"], blocked=True, blocked_reason="柱子 pillar")
    company = {r["company_name"]: r["id"] for r in rows(db, "SELECT id, company_name FROM exhibitors")}
    for name, booth in (("日照钢铁集团有限公司", "A-001"), ("山东汽车配件有限公司", "A-002")):
        cid = contracts.create_contract(db, actor, show_id, company[name], [number[booth]],
                                        today="2026-06-01").inserted["contracts"][0]
        sign_contract(db, actor, cid, signed_on="2026-06-01")
    return company


@pytest.fixture
def dialog(qtbot, window, sold):
    d = NextEditionDialog(window.context)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def cells(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_next_year_is_suggested():
    assert next_year_text("RZ2026") == "RZ2027"
    assert next_year_text("2026日照国际博览会") == "2027日照国际博览会"
    assert next_year_text("Expo") == "Expo"


def test_the_form_lists_last_years_buyers_and_what_will_be_copied(dialog):
    assert (dialog.code.text(), dialog.name.text(), dialog.name_en.text()) == (
        "RZ2027", "2027日照国际博览会", "Rizhao International Expo 2027")
    assert cells(dialog.exhibitors, 1) == ["山东汽车配件有限公司", "日照钢铁集团有限公司"]
    assert cells(dialog.exhibitors, 2) == ["A-002", "A-001"]
    assert cells(dialog.exhibitors, 3) == ["RZ2026-0002", "RZ2026-0001"]
    assert "1 hall(s), 3 booth(s) (1 blocked" in dialog.preview.text()
    assert "6 pricing rule(s)" in dialog.preview.text() and "2 exhibitor(s)" in dialog.preview.text()


def test_copying_with_an_on_site_rebooking(qtbot, window, dialog, sold):
    seen = []
    window.context.data_changed.connect(seen.append)
    dialog.exhibitors.item(1, 0).setCheckState(Qt.CheckState.Checked)  # steel rebooked at the show
    assert dialog.on_site_ids() == [sold["日照钢铁集团有限公司"]]
    assert not dialog.open_button.isVisible()
    dialog.copy_button.click()
    qtbot.waitUntil(lambda: dialog.result_data is not None or dialog.errors.isVisible(), timeout=15_000)
    assert dialog.result_data is not None, dialog.errors.text()
    text = dialog.summary.text()
    assert "RZ2027 2027日照国际博览会 made: 1 hall(s), 3 booth(s), 6 pricing rule(s), 0 service(s), 2 exhibitor(s)." in text
    assert dialog.open_button.isVisible() and not dialog.copy_button.isEnabled()
    assert "Rebooking offers made: 2" in text and "draft contracts for on-site rebookings: RZ2027-0001" in text
    assert seen and seen[-1].touches("shows")
    db = window.context.db
    new_id = scalar(db, "SELECT id FROM shows WHERE code = 'RZ2027'")
    assert scalar(db, "SELECT group_concat(number || '=' || status, ' ') FROM (SELECT number, status FROM booths"
                      " WHERE show_id = ? ORDER BY number)", [new_id]) == "A-001=reserved A-002=reserved A-003=blocked"
    assert scalar(db, "SELECT e.company_name FROM contracts k JOIN exhibitors e ON e.id = k.exhibitor_id"
                      " WHERE k.show_id = ?", [new_id]) == "日照钢铁集团有限公司"
    dialog.open_button.click()
    assert window.context.show["code"] == "RZ2027"


def test_a_taken_code_is_said_and_nothing_is_made(qtbot, window, dialog):
    dialog.code.setText("RZ2026")
    dialog.copy_button.click()
    qtbot.waitUntil(dialog.errors.isVisible, timeout=15_000)
    assert "RZ2026" in dialog.errors.text() and dialog.copy_button.isEnabled()
    assert scalar(window.context.db, "SELECT count(*) FROM shows") == 1


def test_an_account_manager_sees_why_they_cannot_copy(qtbot, window, sold):
    window.context.actor = Actor("u1", "王经理", Role.ACCOUNT_MANAGER)
    d = NextEditionDialog(window.context)
    qtbot.addWidget(d)
    assert not d.copy_button.isEnabled()
    assert "department manager" in d.findChild(type(d.preview), "notice").text()
