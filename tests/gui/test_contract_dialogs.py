"""The contract dialogs on their own: each problem under the field it names, nothing saved until
the services accept, and the figures they show before anyone confirms."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from test_contracts_page import TODAY, new_contract, ready_to_sell

from expo_desk.services import booths, payments, sales_terms
from expo_desk.services.contract_signing import sign_contract
from expo_desk.services.contract_view import contract_detail
from expo_desk.store import records
from expo_desk.store.queries import scalar
from expo_desk.ui.dialogs.contract_dialogs import AddServiceDialog, NewContractDialog, QuantityDialog
from expo_desk.ui.dialogs.payment_dialog import PaymentDialog, SignDialog
from expo_desk.ui.dialogs.sales_terms_dialog import SalesTermsDialog
from expo_desk.ui.formats import date_text

SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def sales(window):
    return ready_to_sell(window)


def opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def field_error(dialog, key: str) -> str:
    label = dialog.findChild(QLabel, f"{key}_error")
    return label.text() if label.isVisible() else ""


def test_the_terms_dialog_refuses_a_deposit_of_130_percent_naming_the_field(qtbot, window, sales):
    dialog = opened(qtbot, SalesTermsDialog(window.context))
    dialog.fields["deposit_bp"].setText("130")
    dialog.fields["draft_hold_days"].setText("0")
    dialog.buttons.button(SAVE).click()
    assert dialog.isVisible()
    assert "定金比例" in field_error(dialog, "deposit_bp") and "the deposit" in field_error(dialog, "deposit_bp")
    assert "days a draft holds its booths" in field_error(dialog, "draft_hold_days")  # every problem at once
    assert sales_terms.terms(window.context.db, window.context.show["id"])["deposit_bp"] == 3000


def test_the_terms_dialog_saves_the_terms_and_the_cancellation_schedule(qtbot, window, sales):
    show_id = window.context.show["id"]
    dialog = opened(qtbot, SalesTermsDialog(window.context))
    assert [dialog.schedule.item(r, 1).text() for r in range(dialog.schedule.rowCount())] == ["30", "50", "100"]
    dialog.schedule.item(0, 1).setText("abc")
    dialog.buttons.button(SAVE).click()
    assert "cancellation schedule" in field_error(dialog, "cancellation_schedule")
    dialog.schedule.item(0, 1).setText("20")
    dialog.fields["deposit_bp"].setText("40%")
    dialog.sold_on.setCurrentIndex(dialog.sold_on.findData("deposit"))
    dialog.buttons.button(SAVE).click()
    assert not dialog.isVisible() and dialog.changes
    terms = sales_terms.terms(window.context.db, show_id)
    assert (terms["deposit_bp"], terms["booth_sold_on"], terms["schedule"][0]) == (4000, "deposit", (90, 2000))


def test_the_catalogue_adds_a_service_that_a_contract_then_orders(qtbot, window, sales, on_modal):
    ctx = window.context
    dialog = opened(qtbot, SalesTermsDialog(ctx))
    problems = {}

    def fill(form):
        form.buttons.button(SAVE).click()
        problems.update({key: field_error(form, key) for key in ("code", "name", "unit_price")})
        for key, text in (("code", "POWER-10A"), ("name", "加电 10A"), ("name_en", "Power 10 A"), ("unit", "处"),
                          ("unit_price", "600")):
            form.fields[key].setText(text)
        form.buttons.button(SAVE).click()

    on_modal(fill)
    dialog.add_service_button.click()
    assert all(problems.values())  # code, name and price named at once
    assert dialog.services_table.item(0, 4).text() == "¥600.00"

    cid = new_contract(window, sales)
    add = opened(qtbot, AddServiceDialog(ctx, contract_detail(ctx.db, cid)))
    assert add.service.currentText().startswith("POWER-10A  加电 10A / Power 10 A — ¥600.00 / 处")
    add.quantity.setValue(2)
    add.buttons.button(SAVE).click()
    detail = contract_detail(ctx.db, cid)
    assert detail["totals"].service_fen == 120_000
    line = next(ln for ln in detail["lines"] if ln["kind"] == "service")
    change = opened(qtbot, QuantityDialog(ctx, detail, line["id"]))
    assert change.quantity.value() == 2
    change.quantity.setValue(0)
    change.buttons.button(SAVE).click()
    assert contract_detail(ctx.db, cid)["totals"].service_fen == 0


def test_the_new_contract_dialog_names_a_missing_exhibitor_and_offers_only_free_booths(qtbot, window, sales):
    ctx = window.context
    new_contract(window, sales, "steel", ("A-001",))
    booths.reserve_booth(ctx.db, ctx.actor, sales["booths"]["R-001"], "黄海渔业有限公司",
                         TODAY + dt.timedelta(days=7))
    dialog = opened(qtbot, NewContractDialog(ctx))
    offered = [dialog.booths.list.item(r).text().split()[0] for r in range(dialog.booths.list.count())]
    assert offered == ["A-002", "A-003"]  # A-001 is on a contract, R-001 held for someone else
    dialog.exhibitor.choose("黄海渔业有限公司")
    dialog.booths.reload()
    offered = [dialog.booths.list.item(r).text().split()[0] for r in range(dialog.booths.list.count())]
    assert offered == ["A-002", "A-003", "R-001"]

    empty = opened(qtbot, NewContractDialog(ctx))
    empty.booths.choose("A-002")
    empty.buttons.button(SAVE).click()
    assert empty.isVisible() and "choose the exhibitor" in field_error(empty, "exhibitor")
    assert scalar(ctx.db, "SELECT count(*) FROM contracts") == 1


def test_the_sign_dialog_shows_the_plan_it_will_make(qtbot, window, sales):
    ctx = window.context
    cid = new_contract(window, sales, "steel", ("A-002",))  # ¥9,800
    dialog = opened(qtbot, SignDialog(ctx, contract_detail(ctx.db, cid)))
    rows = [[dialog.plan.item(r, c).text() for c in range(3)] for r in range(dialog.plan.rowCount())]
    assert rows == [["deposit", date_text(TODAY + dt.timedelta(days=14), "en"), "¥2,940.00"],
                    ["balance", date_text(TODAY + dt.timedelta(days=90), "en"), "¥6,860.00"]]
    dialog.buttons.button(SAVE).click()
    plan = contract_detail(ctx.db, cid)["schedule"].instalments
    assert [(date_text(i.due_on, "en"), i.amount_fen) for i in plan] == [(rows[0][1], 294_000), (rows[1][1], 686_000)]


def test_the_payment_dialog_names_each_problem_and_records_nothing_until_right(qtbot, window, sales):
    ctx = window.context
    cid = new_contract(window, sales, "steel", ("A-002",))
    sign_contract(ctx.db, ctx.actor, cid)
    pay = opened(qtbot, PaymentDialog(ctx, contract_detail(ctx.db, cid)))
    pay.amount.setText("12.345")
    pay.proof.setText("/no/such/scan.png")
    pay.buttons.button(SAVE).click()
    assert "more than two decimals" in field_error(pay, "amount")
    pay.amount.setText("1000")
    pay.buttons.button(SAVE).click()
    assert "proof file does not exist" in field_error(pay, "proof_path") and not field_error(pay, "amount")
    assert scalar(ctx.db, "SELECT count(*) FROM payments") == 0
    pay.proof.clear()
    pay.method.setCurrentIndex(pay.method.findData("wechat"))
    pay.buttons.button(SAVE).click()
    assert not pay.isVisible()
    assert records.get_row(ctx.db, "payments", pay.changes.inserted["payments"][0])["method"] == "wechat"

    refund = opened(qtbot, PaymentDialog(ctx, contract_detail(ctx.db, cid), refund=True))
    assert "¥1,000.00" in refund.findChild(QLabel, "payment_facts").text()
    refund.amount.setText("2000")
    refund.buttons.button(SAVE).click()
    assert "a refund needs a reason" in field_error(refund, "reason")
    refund.reason.setText("退定 / cancelled order")
    refund.buttons.button(SAVE).click()
    assert "more than" in field_error(refund, "amount")
    assert payments.contract_money(ctx.db, records.get_row(ctx.db, "contracts", cid)).paid_fen == 100_000


def test_deleting_a_service_in_use_is_refused_with_a_message(qtbot, window, sales, monkeypatch):
    ctx = window.context
    sales_terms.add_service(ctx.db, ctx.actor, ctx.show["id"], {"code": "BADGE", "name": "参展证", "unit_price": "50"})
    item = sales_terms.list_services(ctx.db, ctx.show["id"])[0]
    cid = new_contract(window, sales)
    from expo_desk.services import contracts as contract_service

    contract_service.add_service(ctx.db, ctx.actor, cid, item["id"], 3)
    said = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    dialog = opened(qtbot, SalesTermsDialog(ctx))
    dialog.services_table.selectRow(0)
    dialog.delete_service_button.click()
    assert said and "cannot be deleted" in said[0]
    assert dialog.services_table.rowCount() == 1
