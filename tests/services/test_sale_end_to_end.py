"""One sale from the first call to fully paid: every figure on screen (the contract detail
the page shows) and on paper (the contract documents) agrees to the fen."""

from __future__ import annotations

from pypdf import PdfReader

from expo_desk.domain.money import format_fen
from expo_desk.reports.contract_docs import render_contract_documents
from expo_desk.services import contracts, leads, payments, sales_terms
from expo_desk.services.contract_documents import contract_documents
from expo_desk.services.contract_signing import sign_contract
from expo_desk.services.contract_view import contract_detail
from expo_desk.store.queries import scalar


def pdf_text(db, contract_id, tmp_path, today):
    target = tmp_path / "contract.pdf"
    render_contract_documents(contract_documents(db, contract_id, "en", today=today), target)
    return "\n".join(page.extract_text() for page in PdfReader(target).pages)


def test_from_first_call_to_fully_paid(db, actor, sales, tmp_path):
    am, dm, show = sales["am1"], sales["dm"], sales["show"]
    # first call, a visit, a proposal
    lead = leads.create_lead(db, am, show["id"], {
        "exhibitor_id": sales["steel"], "expected_value": "8万", "objections": ["没有预算"],
        "next_follow_up": "2026-05-20"}).inserted["leads"][0]
    leads.book_visit(db, am, lead, "2026-05-22 10:00")
    leads.move_stage(db, am, lead, "proposal")
    # the contract: two booths, power, a discount above the threshold
    sales_terms.add_service(db, actor, show["id"], {"code": "POWER-10A", "name": "加电 10A", "unit_price": "600"})
    power = scalar(db, "SELECT id FROM service_items WHERE code = 'POWER-10A'")
    cid = contracts.create_contract(db, am, show["id"], sales["steel"],
                                    [sales["booths"]["A-001"], sales["booths"]["A-002"]],
                                    today="2026-05-25").inserted["contracts"][0]
    contracts.add_service(db, am, cid, power, 3)
    contracts.set_discount(db, am, cid, 123_457, "两个展位 / two booths")  # ¥1,234.57: above 5 % of ¥20,580
    contracts.approve_discount(db, dm, cid)
    sign_contract(db, am, cid, "2026-06-01")
    detail = contract_detail(db, cid, "2026-06-02")
    total = 1_078_000 + 980_000 + 180_000 - 123_457
    assert detail["totals"].total_fen == detail["contract"]["total_fen"] == total == 2_114_543
    deposit, balance = (i.amount_fen for i in detail["schedule"].instalments)
    assert (deposit, balance) == (634_363, 1_480_180)  # 30 % of 2,114,543 is 634,362.9: half up
    assert scalar(db, "SELECT stage FROM leads WHERE id = ?", [lead]) == "signed"
    assert scalar(db, "SELECT expected_value_fen FROM exhibitors WHERE id = ?", [sales["steel"]]) == 8_000_000
    # paid in three parts, one refunded in part
    payments.record_payment(db, am, cid, deposit, paid_on="2026-06-10", reference="BOC-1")
    payments.record_payment(db, am, cid, 1_000_000, paid_on="2026-07-01", reference="BOC-2")
    payments.record_payment(db, am, cid, 500_000, paid_on="2026-08-01", reference="BOC-3")
    payments.record_payment(db, am, cid, -19_820, paid_on="2026-08-02", reason="多付 / paid too much")
    detail = contract_detail(db, cid, "2026-09-01")
    assert detail["contract"]["status"] == "paid" and detail["balance_fen"] == 0
    assert detail["paid_fen"] == total
    text = pdf_text(db, cid, tmp_path, "2026-09-01")
    for fen in (total, deposit, balance, 123_457, 180_000, 19_820):
        assert format_fen(fen) in text, format_fen(fen)
    found = payments.receivables(db, show["id"], "2026-09-01")
    assert found["total"]["outstanding_fen"] == 0 and found["total"]["paid_fen"] == total
