"""The Contracts page driven as a user does: a sale from first call to fully paid, on a real file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from expo_desk.domain.actors import Actor
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothType, Role
from expo_desk.domain.money import format_fen
from expo_desk.services import booths, exhibitors, pricing, sales_terms, users
from expo_desk.services import contracts as contract_service
from expo_desk.services.contract_signing import cancellation_quote, sign_contract
from expo_desk.services.contract_view import contract_detail
from expo_desk.store import records
from expo_desk.ui.pages.contracts_page import ContractsPage

TODAY = dt.date.today()
SAVE = QDialogButtonBox.StandardButton.Save


def ready_to_sell(window) -> dict:
    """The window's show made ready to sell as the ``sales`` fixture does: default prices, a hall
    with shell booths A-001 (corner), A-002 (inline), A-003 (corner) and a raw island R-001, the
    balance due 90 days from today, and the people: 赵经理 (the account manager who owns every
    exhibitor of the show), another account manager 李经理 and the department manager 赵部长.

    Returns ids and ``Actor``s: ``am``, ``am2``, ``dm``, ``steel``, ``fish``, ``booths``, ``show``.
    """
    ctx = window.context
    db, admin, show = ctx.db, ctx.actor, ctx.show
    pricing.add_default_rules(db, admin, show["id"])
    hall = booths.create_hall(db, admin, show["id"], "H1", "1号馆", 3000, 2000).inserted["halls"][0]
    drafts = [BoothDraft(f"A-00{k}", 300 * k, 0, 300, 300) for k in (1, 2, 3)]
    drafts.append(BoothDraft("R-001", 1500, 1000, 1000, 1000, BoothType.RAW))
    booths.add_booths(db, admin, show["id"], hall, drafts)
    sales_terms.update_terms(db, admin, show["id"], {"balance_due_on": (TODAY + dt.timedelta(days=90)).isoformat()})
    zhao = users.list_account_managers(db)[0]
    people = {"am": Actor(zhao["id"], zhao["display_name"], Role.ACCOUNT_MANAGER)}
    for username, name, role in (("am2", "李经理", Role.ACCOUNT_MANAGER), ("dm", "赵部长", Role.DEPARTMENT_MANAGER)):
        people[username] = Actor(users.create_user(db, admin, username, name, role).inserted["users"][0], name, role)
    found = {e["company_name"]: e["id"] for e in exhibitors.search_exhibitors(db, show["id"])}
    numbers = {b["number"]: b["id"] for b in booths.hall_booths(db, hall)}
    return {**people, "steel": found["日照钢铁集团有限公司"], "fish": found["黄海渔业有限公司"],
            "booths": numbers, "show": show}


def new_contract(window, sales, exhibitor="steel", numbers=("A-001",)) -> str:
    ctx = window.context
    changes = contract_service.create_contract(ctx.db, ctx.actor, ctx.show["id"], sales[exhibitor],
                                               [sales["booths"][n] for n in numbers])
    ctx.announce(changes)
    return changes.inserted["contracts"][0]


@pytest.fixture
def sales(window):
    return ready_to_sell(window)


@pytest.fixture
def page(qtbot, window, sales):
    widget = ContractsPage(window.context)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    return widget


@pytest.fixture
def messages(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    return said


def save(dialog) -> None:
    """Click Save; a dialog that stays open (the service refused) fails the test with its reasons."""
    dialog.buttons.button(SAVE).click()
    if dialog.isVisible():
        shown = [label.text() for label in dialog.findChildren(QLabel)
                 if label.objectName().endswith("errors") or label.objectName().endswith("_error")]
        shown = [text for text in shown if text]
        dialog.reject()
        raise AssertionError(f"the dialog refused: {shown}")


def cell(page, number: str, column: str) -> str:
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r)["number"] == number)
    keys = [key for key, _header in page.model.COLUMNS]
    return page.model.data(page.model.index(row, keys.index(column)))


def listed(page) -> list[str]:
    return [page.model.row_at(r)["number"] for r in range(page.model.rowCount())]


def test_a_contract_made_in_the_new_contract_dialog_is_listed_with_its_total(qtbot, page, on_modal):
    def fill(dialog):
        dialog.exhibitor.search.setText("钢铁")
        dialog.exhibitor.reload()
        assert dialog.exhibitor.choose("日照钢铁集团有限公司")
        dialog.booths.search.setText("A-00")
        dialog.booths.reload()
        assert dialog.booths.choose("A-001") and dialog.booths.choose("A-002")
        save(dialog)

    on_modal(fill)
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New contract…
    assert on_modal.calls
    assert listed(page) == ["RZ2026-0001"]
    # a corner booth (¥9,800 + 10 %) and an inline one, at the default prices
    assert cell(page, "RZ2026-0001", "total_fen") == "¥20,580.00"
    assert cell(page, "RZ2026-0001", "status") == "draft"
    assert cell(page, "RZ2026-0001", "booth_numbers") == "A-001 A-002"
    assert page.detail.totals["total_fen"].text() == "¥20,580.00"
    assert page.count_label.text() == "1 contract(s)"


def test_sign_then_the_deposit_make_it_part_paid_and_the_pane_agrees_with_the_service(
        qtbot, window, page, sales, on_modal, monkeypatch, tmp_path):
    cid = new_contract(window, sales)
    page.open_contract(cid)
    plan = {}

    def sign(dialog):
        plan["rows"] = dialog.plan.rowCount()
        save(dialog)

    on_modal(sign)
    page.actions["sign"].trigger()
    assert plan["rows"] == 2  # a deposit and the balance
    assert cell(page, "RZ2026-0001", "status") == "signed"
    deposit = contract_detail(window.context.db, cid)["schedule"].instalments[0].amount_fen

    proof = tmp_path / "transfer.png"
    proof.write_bytes(b"scan")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(proof), ""))

    def pay(dialog):
        dialog.amount.setText(format_fen(deposit, symbol=""))
        dialog.reference.setText("BOC-0001")
        dialog.findChild(type(dialog.buttons.button(SAVE)), "choose_proof").click()
        save(dialog)

    on_modal(pay)
    page.actions["payment"].trigger()
    detail = contract_detail(window.context.db, cid)
    assert cell(page, "RZ2026-0001", "status") == "part-paid"
    assert page.detail.balance_value.text() == format_fen(detail["balance_fen"]) == cell(page, "RZ2026-0001",
                                                                                          "balance_fen")
    assert page.detail.payments_table.item(0, 1).text() == format_fen(deposit)
    assert page.detail.payments_table.item(0, 4).text() == "transfer.png"
    assert page.detail.schedule_table.item(0, 4).text() == "¥0.00"  # the deposit is covered


def test_a_discount_above_the_threshold_waits_and_signing_is_refused(qtbot, window, page, sales, on_modal):
    cid = new_contract(window, sales)
    page.open_contract(cid)

    def discount(dialog):
        assert "¥539.00" in dialog.limit.text()  # 5 % of the corner booth's ¥10,780
        dialog.amount.setText("2000")
        dialog.reason.setText("老客户 / returning exhibitor")
        assert dialog.hint.isVisible()
        save(dialog)

    on_modal(discount)
    page.actions["discount"].trigger()
    assert "Waiting for approval" in page.detail.discount_label.text()
    assert page.detail.totals["total_fen"].text() == "¥8,780.00"
    refusal = {}

    def sign(dialog):
        dialog.buttons.button(SAVE).click()
        refusal["open"] = dialog.isVisible()
        refusal["text"] = dialog.errors.text()
        dialog.reject()

    on_modal(sign)
    page.actions["sign"].trigger()
    assert refusal["open"] and "department manager must approve" in refusal["text"]
    assert records.get_row(window.context.db, "contracts", cid)["status"] == "draft"
    assert cell(page, "RZ2026-0001", "status") == "draft"


def test_only_the_department_manager_may_approve_and_an_account_manager_sees_their_own(
        qtbot, window, page, sales, messages):
    ctx = window.context
    cid = new_contract(window, sales)
    ctx.announce(contract_service.set_discount(ctx.db, ctx.actor, cid, 200_000, "老客户 / returning exhibitor"))
    other = exhibitors.create_exhibitor(ctx.db, ctx.actor, ctx.show["id"], {
        "company_name": "青岛海鲜有限公司", "account_manager_id": sales["am2"].user_id}).inserted["exhibitors"][0]
    ctx.announce(contract_service.create_contract(ctx.db, ctx.actor, ctx.show["id"], other, []))
    assert listed(page) == ["RZ2026-0001", "RZ2026-0002"]

    ctx.set_actor(sales["am"])
    assert page.mine_only.isChecked() and listed(page) == ["RZ2026-0001"]
    page.open_contract(cid)
    assert page.actions["discount"].isEnabled() and not page.actions["approve"].isEnabled()
    page.mine_only.setChecked(False)
    page.open_contract(page.model.row_at(1)["id"])
    assert not page.actions["discount"].isEnabled()  # another account manager's contract

    ctx.set_actor(sales["dm"])
    assert not page.mine_only.isChecked()
    page.open_contract(cid)
    assert page.actions["approve"].isEnabled()
    page.actions["approve"].trigger()
    assert messages == []
    assert "Approved by 赵部长" in page.detail.discount_label.text()
    assert not page.actions["approve"].isEnabled()


def test_cancel_shows_the_fee_before_confirming(qtbot, window, page, sales, on_modal):
    ctx = window.context
    cid = new_contract(window, sales)
    ctx.announce(sign_contract(ctx.db, ctx.actor, cid))
    page.open_contract(cid)
    quote = cancellation_quote(ctx.db, cid)
    seen = {}

    def cancel(dialog):
        seen["fee"] = dialog.quote.text()
        dialog.buttons.button(SAVE).click()
        seen["refused"] = dialog.isVisible() and "reason" in dialog.findChild(QLabel, "cancel_reason_error").text()
        dialog.reason.setText("展商预算取消 / budget withdrawn")
        save(dialog)

    on_modal(cancel)
    page.actions["cancel"].trigger()
    assert format_fen(quote["fee_fen"]) in seen["fee"] and "30%" in seen["fee"]
    assert seen["refused"]  # no reason: the dialog stayed open
    assert cell(page, "RZ2026-0001", "status") == "cancelled"
    assert records.get_row(ctx.db, "booths", sales["booths"]["A-001"])["status"] == "available"
    assert page.detail.balance_value.text() == format_fen(quote["fee_fen"])
    assert not page.actions["cancel"].isEnabled()


def test_receivables_list_the_overdue_contract_first(qtbot, window, page, sales):
    ctx = window.context
    on_time = new_contract(window, sales, "steel", ("A-001",))
    late = new_contract(window, sales, "fish", ("A-002",))
    ctx.announce(sign_contract(ctx.db, ctx.actor, on_time, TODAY))
    ctx.announce(sign_contract(ctx.db, ctx.actor, late, TODAY - dt.timedelta(days=60)))
    view = page.receivables
    page.tabs.setCurrentWidget(view)
    assert [view.model.row_at(r)["number"] for r in range(view.model.rowCount())] == ["RZ2026-0002", "RZ2026-0001"]
    assert view.model.data(view.model.index(0, 8)) == "46"  # days since the deposit fell due
    assert view.by_manager.item(0, 0).text() == "赵经理" and view.by_manager.item(0, 1).text() == "2"
    view.overdue_only.setChecked(True)
    assert view.model.rowCount() == 1 and view.model.row_at(0)["number"] == "RZ2026-0002"
    page.receivables.open_contract.emit(late)
    assert page.tabs.currentIndex() == 0 and page.detail.title.text().startswith("RZ2026-0002")
    assert page.detail.schedule_table.item(0, 5).text() == "46 day(s) overdue"


def test_a_refund_shows_negative_with_its_reason_and_search_finds_booths(qtbot, window, page, sales, on_modal):
    ctx = window.context
    cid = new_contract(window, sales, "fish", ("A-003",))
    ctx.announce(sign_contract(ctx.db, ctx.actor, cid))
    from expo_desk.services import payments

    ctx.announce(payments.record_payment(ctx.db, ctx.actor, cid, 500_000, reference="ICBC-7"))
    page.open_contract(cid)

    def refund(dialog):
        dialog.amount.setText("300")
        dialog.reason.setText("多付 / paid twice")
        save(dialog)

    on_modal(refund)
    page.actions["refund"].trigger()
    row = page.detail.payments_table.rowCount() - 1
    assert page.detail.payments_table.item(row, 1).text() == "-¥300.00"
    assert "多付 / paid twice" in page.detail.payments_table.item(row, 3).text()
    assert cell(page, "RZ2026-0001", "paid_fen") == "¥4,700.00"
    page.search_box.setText("A-003")
    qtbot.waitUntil(lambda: listed(page) == ["RZ2026-0001"])
    page.search_box.setText("A-002")
    qtbot.waitUntil(lambda: listed(page) == [])
    assert not page.detail.isEnabled() and not page.actions["payment"].isEnabled()


def test_the_documents_of_the_selected_contract_print_to_pdf(qtbot, window, sales, page, tmp_path, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    number = window.context.db.execute("SELECT number FROM contracts WHERE id = ?",
                                       [new_contract(window, sales)]).fetchone()[0]
    page.open_contract(window.context.db.execute("SELECT id FROM contracts").fetchone()[0])
    target = tmp_path / "docs.pdf"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("English", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF (*.pdf)"))
    assert page.actions["documents"].isEnabled()
    page.actions["documents"].trigger()
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert number in text and "Booth Confirmation" in text and "¥10,780.00" in text


def test_a_hidden_page_reads_the_contracts_when_it_is_shown(qtbot, window, sales, monkeypatch):
    page = ContractsPage(window.context)
    qtbot.addWidget(page)
    reads = []
    original = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: reads.append(1) or original())
    page.follow._refresh = page.refresh
    new_contract(window, sales)  # announced while the page is hidden: nothing read yet
    assert reads == [] and page.model.rowCount() == 0
    page.show()
    qtbot.waitExposed(page)
    assert reads == [1] and listed(page) == ["RZ2026-0001"]
    new_contract(window, sales, exhibitor="fish", numbers=("A-002",))  # shown: read at once
    assert reads == [1, 1] and listed(page) == ["RZ2026-0001", "RZ2026-0002"]
