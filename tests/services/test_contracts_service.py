"""A sale from draft to paid (and cancelled), through the services, on a real file."""

from __future__ import annotations

import pytest

from expo_desk.errors import PermissionDenied, UserError, ValidationError
from expo_desk.services import contracts as svc
from expo_desk.services import leads, payments, sales_terms
from expo_desk.services.contract_signing import cancel_contract, cancellation_quote, sign_contract
from expo_desk.services.contract_view import contract_detail
from expo_desk.store import records
from expo_desk.store.queries import scalar

EARLY = "2026-04-01"  # before the early-bird end (120 days before 2026-09-18)
LATER = "2026-06-01"


def booth(db, sales, number):
    return records.get_row(db, "booths", sales["booths"][number])


def new_contract(db, sales, who="am1", exhibitor="steel", numbers=("A-001",), today=LATER):
    changes = svc.create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor],
                                  [sales["booths"][n] for n in numbers], today=today)
    return changes.inserted["contracts"][0]


def contract(db, contract_id):
    return records.get_row(db, "contracts", contract_id)


def add_power(db, actor, show):
    sales_terms.add_service(db, actor, show["id"], {"code": "POWER-10A", "name": "加电 10A", "name_en": "Power 10 A",
                                                    "unit": "处", "unit_price": "600"})
    return scalar(db, "SELECT id FROM service_items WHERE code = 'POWER-10A'")


def test_a_draft_is_numbered_priced_and_holds_its_booths(db, sales):
    first = new_contract(db, sales, numbers=("A-001", "A-002"))
    row = contract(db, first)
    assert row["number"] == "RZ2026-0001" and row["status"] == "draft"
    assert row["total_fen"] == 1_078_000 + 980_000  # corner +10 % and an inline booth
    held = booth(db, sales, "A-001")
    assert (held["status"], held["reserved_for"], held["reserved_until"]) == ("reserved", "日照钢铁集团有限公司",
                                                                              "2026-06-15")
    second = new_contract(db, sales, who="am2", exhibitor="fish", numbers=("A-003",))
    assert contract(db, second)["number"] == "RZ2026-0002"
    detail = contract_detail(db, first, LATER)
    assert [(ln["kind"], ln["amount_fen"]) for ln in detail["lines"]] == [
        ("booth", 980_000), ("premium", 98_000), ("booth", 980_000)]
    assert "角位加价" in detail["lines"][1]["description"] and "A-001" in detail["lines"][0]["description"]


def test_a_booth_cannot_go_on_two_contracts(db, sales):
    new_contract(db, sales)
    before = scalar(db, "SELECT count(*) FROM contracts")
    with pytest.raises(UserError, match="A-001"):
        new_contract(db, sales, who="am2", exhibitor="fish")
    assert scalar(db, "SELECT count(*) FROM contracts") == before  # the whole creation rolled back


def test_an_account_manager_works_only_on_their_own_contracts(db, sales):
    cid = new_contract(db, sales)
    with pytest.raises(PermissionDenied):
        svc.add_booth(db, sales["am2"], cid, sales["booths"]["A-002"])
    with pytest.raises(PermissionDenied):
        new_contract(db, sales, who="am2", exhibitor="steel", numbers=("A-002",))


def test_signing_freezes_the_price_makes_the_plan_and_sells_the_booth(db, actor, sales):
    cid = new_contract(db, sales, today=EARLY)
    assert contract(db, cid)["total_fen"] == 1_024_100  # early bird −5 % while a draft
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    row = contract(db, cid)
    assert (row["status"], row["signed_on"], row["total_fen"], row["signed_total_fen"]) == (
        "signed", LATER, 1_078_000, 1_078_000)  # priced on the signing day: the early bird has ended
    plan = scalar(db, "SELECT group_concat(due_on || '=' || amount_fen, ' ') FROM payment_schedule"
                      " WHERE contract_id = ? ORDER BY due_on", [cid])
    assert plan == "2026-06-15=323400 2026-08-19=754600"
    assert booth(db, sales, "A-001")["status"] == "sold"
    # later price changes do not reach a signed contract
    rule = scalar(db, "SELECT id FROM pricing_rules WHERE kind = 'shell_base'")
    from expo_desk.services import pricing
    pricing.update_rule(db, actor, rule, {"amount_fen": 1_200_000})
    assert contract(db, cid)["total_fen"] == 1_078_000
    with pytest.raises(UserError, match="frozen"):
        svc.reprice(db, sales["am1"], cid)


def test_signing_closes_the_exhibitors_open_leads(db, sales):
    leads.create_lead(db, sales["am1"], sales["show"]["id"], {"exhibitor_id": sales["steel"]})
    cid = new_contract(db, sales)
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    assert scalar(db, "SELECT group_concat(stage) FROM leads") == "signed"


def test_payments_move_the_status_to_paid_and_refunds_need_a_reason(db, sales):
    cid = new_contract(db, sales)
    with pytest.raises(UserError, match="not signed"):
        payments.record_payment(db, sales["am1"], cid, 100_000, paid_on=LATER)
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    payments.record_payment(db, sales["am1"], cid, 323_400, paid_on="2026-06-10", reference="BOC-001")
    assert contract(db, cid)["status"] == "part_paid"
    payments.record_payment(db, sales["am1"], cid, 754_600, paid_on="2026-08-01")
    assert contract(db, cid)["status"] == "paid"
    with pytest.raises(ValidationError, match="reason"):
        payments.record_payment(db, sales["am1"], cid, -10_000, paid_on="2026-08-02")
    with pytest.raises(ValidationError, match="more than"):
        payments.record_payment(db, sales["am1"], cid, -2_000_000, paid_on="2026-08-02", reason="overpaid")
    payments.record_payment(db, sales["am1"], cid, -10_000, paid_on="2026-08-02", reason="双重扣款 / charged twice")
    assert contract(db, cid)["status"] == "part_paid"
    detail = contract_detail(db, cid, "2026-09-01")
    assert detail["paid_fen"] == 1_068_000 and detail["balance_fen"] == 10_000
    assert [(i.outstanding_fen, i.overdue) for i in detail["schedule"].instalments] == [(0, False), (10_000, True)]


def test_a_zero_or_unknown_payment_is_refused_with_every_problem(db, sales):
    cid = new_contract(db, sales)
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    with pytest.raises(ValidationError) as info:
        payments.record_payment(db, sales["am1"], cid, 0, paid_on="2026-13-01", method="barter",
                                proof_path="/nowhere/proof.pdf")
    fields = {p.field for p in info.value.problems}
    assert fields == {"paid_on", "amount", "method", "proof_path"}
    assert scalar(db, "SELECT count(*) FROM payments") == 0


def test_a_big_discount_waits_for_the_department_manager(db, sales):
    cid = new_contract(db, sales)
    with pytest.raises(ValidationError, match="reason"):
        svc.set_discount(db, sales["am1"], cid, 50_000)
    svc.set_discount(db, sales["am1"], cid, 53_900, "老客户 / returning exhibitor")  # exactly 5 % of ¥10,780
    assert not svc.discount_waiting(db, contract(db, cid))
    svc.set_discount(db, sales["am1"], cid, 100_000, "老客户 / returning exhibitor")
    assert svc.discount_waiting(db, contract(db, cid))
    with pytest.raises(UserError, match="approve"):
        sign_contract(db, sales["am1"], cid, signed_on=LATER)
    with pytest.raises(PermissionDenied):
        svc.approve_discount(db, sales["am1"], cid)
    svc.approve_discount(db, sales["dm"], cid)
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    row = contract(db, cid)
    assert (row["total_fen"], row["discount_fen"], row["discount_approved_by"]) == (978_000, 100_000,
                                                                                   sales["dm"].user_id)


def test_services_and_edits_after_signing_are_marked_and_the_plan_still_adds_up(db, actor, sales):
    power = add_power(db, actor, sales["show"])
    cid = new_contract(db, sales)
    svc.add_service(db, sales["am1"], cid, power, 2)
    assert contract(db, cid)["total_fen"] == 1_078_000 + 120_000
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    assert contract(db, cid)["edited_after_signing"] == 0
    line = scalar(db, "SELECT id FROM contract_lines WHERE kind = 'service'")
    svc.set_service_quantity(db, sales["am1"], line, 3)
    row = contract(db, cid)
    assert (row["total_fen"], row["edited_after_signing"], row["signed_total_fen"]) == (1_258_000, 1, 1_198_000)
    assert scalar(db, "SELECT sum(amount_fen) FROM payment_schedule WHERE contract_id = ?", [cid]) == 1_258_000
    with pytest.raises(ValidationError):
        svc.add_service(db, sales["am1"], cid, power, 0)


def test_cancelling_charges_the_fee_and_frees_the_booths(db, sales):
    cid = new_contract(db, sales, numbers=("A-001", "A-002"))
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    payments.record_payment(db, sales["am1"], cid, 1_000_000, paid_on="2026-06-10")
    quote = cancellation_quote(db, cid, "2026-07-01")  # 79 days before the opening: 50 %
    assert quote == {"fee_fen": 1_029_000, "fee_bp": 5000, "paid_fen": 1_000_000, "refund_fen": 0,
                     "owed_fen": 29_000, "days_before_opening": 79}
    with pytest.raises(ValidationError):
        cancel_contract(db, sales["am1"], cid, "2026-07-01", "")
    cancel_contract(db, sales["am1"], cid, "2026-07-01", "预算取消 / budget cut")
    row = contract(db, cid)
    assert (row["status"], row["cancellation_fee_fen"]) == ("cancelled", 1_029_000)
    assert booth(db, sales, "A-001")["status"] == booth(db, sales, "A-002")["status"] == "available"
    assert contract_detail(db, cid, "2026-07-02")["balance_fen"] == 29_000
    # the booth can be sold again
    new_contract(db, sales, who="am2", exhibitor="fish", numbers=("A-001",))
    with pytest.raises(UserError, match="cancelled"):
        svc.add_booth(db, sales["am1"], cid, sales["booths"]["A-003"])


def test_booths_can_wait_for_the_deposit_before_they_are_sold(db, actor, sales):
    sales_terms.update_terms(db, actor, sales["show"]["id"], {"booth_sold_on": "deposit", "deposit_bp": "40%"})
    cid = new_contract(db, sales)
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    assert booth(db, sales, "A-001")["status"] == "reserved"
    payments.record_payment(db, sales["am1"], cid, 400_000, paid_on="2026-06-05")
    assert booth(db, sales, "A-001")["status"] == "reserved"  # 40 % of ¥10,780 is ¥4,312
    payments.record_payment(db, sales["am1"], cid, 31_200, paid_on="2026-06-06")
    assert booth(db, sales, "A-001")["status"] == "sold"


def test_receivables_by_manager_with_the_overdue_first(db, sales):
    a = new_contract(db, sales)
    b = new_contract(db, sales, who="am2", exhibitor="fish", numbers=("R-001",))
    sign_contract(db, sales["am1"], a, signed_on=LATER)
    sign_contract(db, sales["am2"], b, signed_on=LATER)
    payments.record_payment(db, sales["am1"], a, 323_400, paid_on="2026-06-10")
    found = payments.receivables(db, sales["show"]["id"], "2026-07-01")
    assert [r["number"] for r in found["rows"]] == ["RZ2026-0002", "RZ2026-0001"]
    assert found["rows"][0]["days_overdue"] == 16 and found["rows"][1]["overdue_fen"] == 0
    assert found["by_manager"]["李经理"]["overdue_fen"] == 3_292_800  # 30 % of ¥109,760
    assert found["total"]["outstanding_fen"] == 1_078_000 - 323_400 + 10_976_000
    assert [r["number"] for r in payments.receivables(db, sales["show"]["id"], "2026-07-01",
                                                      overdue_only=True)["rows"]] == ["RZ2026-0002"]


def test_terms_are_checked_and_every_problem_named(db, actor, sales):
    with pytest.raises(ValidationError) as info:
        sales_terms.update_terms(db, actor, sales["show"]["id"], {
            "deposit_bp": "130%", "balance_due_on": "soon", "booth_sold_on": "never",
            "cancellation_schedule": "[[10, 99999]]", "contract_prefix": "RZ 2026"})
    assert {p.field for p in info.value.problems} == {
        "deposit_bp", "balance_due_on", "booth_sold_on", "cancellation_schedule", "contract_prefix"}
    sales_terms.update_terms(db, actor, sales["show"]["id"], {"contract_prefix": "RZ26-S"})
    assert contract(db, new_contract(db, sales))["number"] == "RZ26-S-0001"


def test_a_draft_whose_hold_runs_out_lets_the_booth_go(db, actor, sales):
    from expo_desk.services.booths import release_expired_reservations

    cid = new_contract(db, sales, numbers=("A-001", "A-002"))  # held until 2026-06-15
    released = release_expired_reservations(db, actor, "2026-06-16", sales["show"]["id"])
    assert sorted(b["number"] for b in released) == ["A-001", "A-002"]
    assert contract(db, cid)["total_fen"] == 0 and contract(db, cid)["status"] == "draft"
    new_contract(db, sales, who="am2", exhibitor="fish", numbers=("A-001",), today="2026-06-16")
    with pytest.raises(UserError, match="no booth"):
        sign_contract(db, sales["am1"], cid, signed_on="2026-06-16")


def test_a_booth_named_on_a_cancelled_contract_keeps_its_history(db, actor, sales):
    from expo_desk.services.booths import delete_booths, merge_booths

    cid = new_contract(db, sales)
    sign_contract(db, sales["am1"], cid, signed_on=LATER)
    cancel_contract(db, sales["am1"], cid, "2026-07-01", "预算取消 / budget cut")
    with pytest.raises(ValidationError, match="A-001:status: .* on contract RZ2026-0001 and cannot be deleted"):
        delete_booths(db, actor, [sales["booths"]["A-001"]])
    with pytest.raises(ValidationError, match="cannot be merged"):
        merge_booths(db, actor, [sales["booths"]["A-001"], sales["booths"]["A-002"]])
    assert scalar(db, "SELECT count(*) FROM booths") == 4


def test_selling_from_the_plan_is_one_step_all_or_nothing(db, sales):
    from expo_desk.services.contract_signing import sell_booths

    changes = sell_booths(db, sales["am1"], sales["show"]["id"], sales["steel"],
                          [sales["booths"]["A-001"], sales["booths"]["A-002"]], signed_on=LATER, today=LATER)
    row = contract(db, changes.inserted["contracts"][0])
    assert (row["status"], row["total_fen"]) == ("signed", 2_058_000)
    assert booth(db, sales, "A-002")["status"] == "sold"
    before = scalar(db, "SELECT count(*) FROM contracts")
    with pytest.raises(UserError, match="A-002"):
        sell_booths(db, sales["am2"], sales["show"]["id"], sales["fish"],
                    [sales["booths"]["A-003"], sales["booths"]["A-002"]], signed_on=LATER)
    assert scalar(db, "SELECT count(*) FROM contracts") == before
    assert booth(db, sales, "A-003")["status"] == "available"


def test_the_signing_preview_is_the_arithmetic_of_signing_and_changes_nothing(db, sales):
    from expo_desk.services.contract_signing import signing_preview

    cid = new_contract(db, sales, today=EARLY)
    before = scalar(db, "SELECT count(*) FROM audit_log")
    early = signing_preview(db, sales["am1"], cid, EARLY)
    later = signing_preview(db, sales["am1"], cid, LATER)
    assert early["total_fen"] == 1_024_100 and later["total_fen"] == 1_078_000  # the early bird ends in between
    assert [i.amount_fen for i in later["plan"]] == [323_400, 754_600]
    assert scalar(db, "SELECT count(*) FROM audit_log") == before and contract(db, cid)["total_fen"] == 1_024_100
    sign_contract(db, sales["am1"], cid, LATER)
    assert scalar(db, "SELECT group_concat(amount_fen, ' ') FROM payment_schedule") == "323400 754600"


def test_the_revenue_target_is_set_with_the_terms(db, actor, sales):
    sales_terms.update_terms(db, actor, sales["show"]["id"], {"revenue_target": "880万"})
    assert scalar(db, "SELECT revenue_target_fen FROM shows") == 8_800_000_00
    with pytest.raises(ValidationError, match="revenue target"):
        sales_terms.update_terms(db, actor, sales["show"]["id"], {"revenue_target": "-5", "deposit_bp": "30"})
    assert scalar(db, "SELECT revenue_target_fen FROM shows") == 8_800_000_00


def test_the_booths_a_contract_may_take(db, actor, sales):
    from expo_desk.services.booths import reserve_booth

    reserve_booth(db, actor, sales["booths"]["A-003"], "黄海渔业有限公司", "2026-12-31", today=None)
    new_contract(db, sales, numbers=("A-001",))
    steel = [b["number"] for b in svc.booths_for_sale(db, sales["show"]["id"], "日照钢铁集团有限公司")]
    fish = [b["number"] for b in svc.booths_for_sale(db, sales["show"]["id"], "黄海渔业有限公司")]
    assert steel == ["A-002", "R-001"] and fish == ["A-002", "A-003", "R-001"]
    assert [b["number"] for b in svc.booths_for_sale(db, sales["show"]["id"], "", "R-")] == ["R-001"]
