"""The department manager's figures and exceptions list, checked against the rows themselves."""

from __future__ import annotations

import datetime as _dt

import pytest

from expo_desk.domain.pricing import percent_of
from expo_desk.services import booths, payments, sales_terms
from expo_desk.services import contracts as contract_service
from expo_desk.services.contract_signing import cancel_contract, sign_contract
from expo_desk.services.dashboard import dashboard
from expo_desk.services.exceptions_list import exceptions_list
from expo_desk.store import records
from expo_desk.store.queries import rows, scalar

SIGNED_ON = "2026-06-01"
TODAY = "2026-07-01"  # the deposits (due 2026-06-15) are late, the balances (2026-08-19) not yet due
TARGET = 5_000_000  # ¥50,000


def new_contract(db, sales, number, who="am1", exhibitor="steel"):
    return contract_service.create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor],
                                            [sales["booths"][number]], today=SIGNED_ON).inserted["contracts"][0]


@pytest.fixture
def season(db, actor, sales):
    """am1: A-001 signed, ¥1,000 paid; R-001 a draft. am2: A-002 signed and paid in full,
    A-003 signed and cancelled with a fee nobody has paid."""
    records.update(db, actor, "shows", sales["show"]["id"], {"revenue_target_fen": TARGET})
    ids = {}
    for key, number, who, exhibitor in (("part", "A-001", "am1", "steel"), ("paid", "A-002", "am2", "fish"),
                                        ("gone", "A-003", "am2", "fish")):
        ids[key] = new_contract(db, sales, number, who, exhibitor)
        sign_contract(db, sales[who], ids[key], signed_on=SIGNED_ON)
    ids["draft"] = new_contract(db, sales, "R-001")
    payments.record_payment(db, sales["am1"], ids["part"], 100_000, paid_on="2026-06-05")
    total = records.get_row(db, "contracts", ids["paid"])["total_fen"]
    payments.record_payment(db, sales["am2"], ids["paid"], total, paid_on="2026-06-05")
    cancel_contract(db, sales["am2"], ids["gone"], cancelled_on="2026-06-10", reason="预算取消 / budget cut")
    return {**sales, **ids}


def test_figures_equal_the_sums_of_the_rows(db, season):
    figures = dashboard(db, season["show"]["id"], TODAY)
    contracts = rows(db, "SELECT * FROM contracts")
    booth_rows = rows(db, "SELECT * FROM booths")
    signed = [c for c in contracts if c["status"] in ("signed", "part_paid", "paid")]
    cancelled = [c for c in contracts if c["status"] == "cancelled"]
    revenue = sum(c["total_fen"] for c in signed) + sum(c["cancellation_fee_fen"] for c in cancelled)
    assert len(signed) == 2 and len(cancelled) == 1 and cancelled[0]["cancellation_fee_fen"] > 0

    def m2(status):
        return round(sum(b["width_cm"] * b["depth_cm"] for b in booth_rows if b["status"] == status) / 10_000, 2)

    b = figures["booths"]
    assert (b["sold_booths"], b["reserved_booths"], b["available_booths"], b["blocked_booths"]) == (2, 1, 1, 0)
    assert (b["sold_m2"], b["reserved_m2"], b["available_m2"]) == (m2("sold"), m2("reserved"), m2("available"))
    assert (b["sold_m2"], b["reserved_m2"]) == (18.0, 100.0)
    assert b["occupancy_percent"] == round(100 * 18 / 127, 1)
    assert b["taken_percent"] == round(100 * 118 / 127, 1)

    r = figures["revenue"]
    assert (r["signed_fen"], r["target_fen"]) == (revenue, TARGET)
    assert r["target_percent"] == round(100 * revenue / TARGET, 1)
    assert r["fees_fen"] == cancelled[0]["cancellation_fee_fen"]

    not_drafts = [c["id"] for c in contracts if c["status"] != "draft"]
    due = sum(s["amount_fen"] for s in rows(db, "SELECT * FROM payment_schedule") if s["contract_id"] in not_drafts)
    received = sum(p["amount_fen"] for p in rows(db, "SELECT * FROM payments"))
    part = next(c for c in contracts if c["id"] == season["part"])
    deposit = percent_of(part["total_fen"], 3000)
    overdue = (deposit - 100_000) + cancelled[0]["cancellation_fee_fen"]
    money = figures["money"]
    assert (money["due_fen"], money["paid_fen"], money["overdue_fen"]) == (due, received, overdue)
    assert money["outstanding_fen"] == due - received
    assert money["overdue_contracts"] == 2
    assert money["received_percent"] == round(100 * received / due, 1)

    by_manager = {row["name"]: row for row in figures["by_manager"]}
    assert set(by_manager) == {"王经理", "李经理"}
    assert by_manager["王经理"]["revenue_fen"] == part["total_fen"]
    assert by_manager["王经理"]["contracts"] == 1  # the draft is not revenue
    assert by_manager["王经理"]["paid_fen"] == 100_000
    assert by_manager["王经理"]["overdue_fen"] == deposit - 100_000
    assert by_manager["李经理"]["revenue_fen"] == revenue - part["total_fen"]
    assert by_manager["李经理"]["overdue_fen"] == cancelled[0]["cancellation_fee_fen"]
    assert sum(row["share_percent"] for row in figures["by_manager"]) == pytest.approx(100, abs=0.1)
    by_sector = {row["name"]: row for row in figures["by_sector"]}
    assert by_sector["钢铁"]["revenue_fen"] == part["total_fen"]
    assert by_sector["渔业"]["revenue_fen"] == revenue - part["total_fen"]
    assert sum(row["paid_fen"] for row in figures["by_sector"]) == received

    [hall] = figures["by_hall"]
    lines = rows(db, "SELECT l.amount_fen, k.status FROM contract_lines l JOIN contracts k ON k.id = l.contract_id"
                     " WHERE l.kind IN ('booth', 'premium')")
    assert hall["booth_revenue_fen"] == sum(x["amount_fen"] for x in lines if x["status"] in ("signed", "paid",
                                                                                              "part_paid"))
    assert (hall["code"], hall["sold_m2"], hall["booths"]) == ("H1", 18.0, 4)
    assert (hall["due_fen"], hall["paid_fen"], hall["overdue_fen"]) == (due, received, overdue)  # all in H1


def test_an_empty_show_divides_by_nothing(db, actor, sales):
    figures = dashboard(db, sales["show"]["id"], TODAY)
    assert figures["revenue"]["target_percent"] is None  # no target set
    assert figures["money"]["received_percent"] is None
    assert figures["by_manager"] == [] and figures["booths"]["occupancy_percent"] == 0.0


def test_the_exceptions_list(db, actor, season):
    db_show = season["show"]["id"]
    contract_service.set_discount(db, season["am1"], season["draft"], 600_000, "老客户 / loyal customer",
                                  today=SIGNED_ON)
    booths.reserve_booth(db, season["am2"], season["booths"]["A-003"], "青岛食品有限公司", "2026-07-02",
                         today=_dt.date.fromisoformat(TODAY))
    power = sales_terms.add_service(db, actor, db_show, {"code": "POWER", "name": "加电 10A", "unit_price": "600"})
    item = power.inserted["service_items"][0]
    contract_service.add_service(db, season["am1"], season["part"], item, 2, today="2026-06-20")

    found = exceptions_list(db, db_show, TODAY)
    [discount] = found["discounts"]
    assert (discount["id"], discount["waiting"], discount["discount_fen"]) == (season["draft"], True, 600_000)
    assert discount["limit_fen"] == percent_of(discount["booth_price_fen"], found["threshold_bp"])

    overdue = {r["id"]: r for r in found["overdue"]}
    assert set(overdue) == {season["part"], season["gone"]}
    assert overdue[season["part"]]["days_overdue"] == 16  # deposit due 2026-06-15

    by_number = {r["number"]: r for r in found["expiring"]}
    assert by_number["A-003"]["days_left"] == 1 and by_number["A-003"]["reserved_for"] == "青岛食品有限公司"
    assert by_number["R-001"]["days_left"] < 0  # the draft's hold ended on 2026-06-15 and nobody released it
    assert by_number["R-001"]["contract_number"] == records.get_row(db, "contracts", season["draft"])["number"]

    [edited] = found["edited"]
    assert edited["id"] == season["part"] and edited["total_fen"] == edited["signed_total_fen"] + 120_000
    summaries = [e["summary"] for e in edited["edits"]]
    assert summaries[0] == "+ 加电 10A (¥1,200.00)"
    assert "合同金额 / total: ¥10,780.00 → ¥11,980.00" in summaries
    assert {e["user_name"] for e in edited["edits"]} == {"王经理"}

    contract_service.approve_discount(db, season["dm"], season["draft"])
    [approved] = exceptions_list(db, db_show, TODAY)["discounts"]
    assert approved["waiting"] is False and approved["approved_by_name"] == "赵部长"


def test_a_discount_within_the_threshold_is_no_exception(db, season):
    contract_service.set_discount(db, season["am1"], season["draft"], 1_000, "零头 / round down", today=SIGNED_ON)
    assert exceptions_list(db, season["show"]["id"], TODAY)["discounts"] == []
    assert scalar(db, "SELECT count(*) FROM contract_lines WHERE kind = 'discount'") == 1
