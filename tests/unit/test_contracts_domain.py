"""Contract arithmetic: totals, discounts, payment plans, allocation, cancellation fees."""

from __future__ import annotations

import pytest

from expo_desk.domain import contracts as c


def line(kind, amount):
    return {"kind": kind, "amount_fen": amount}


def test_totals_add_up_by_kind_and_in_all():
    sums = c.totals([line("booth", 980_000), line("premium", 98_000), line("premium", -53_900),
                     line("service", 60_000), line("discount", -50_000)])
    assert (sums.booth_fen, sums.premium_fen, sums.service_fen, sums.discount_fen) == (980_000, 44_100, 60_000, -50_000)
    assert sums.booth_price_fen == 1_024_100
    assert sums.total_fen == 1_034_100


@pytest.mark.parametrize("discount, needs", [(51_205, False), (51_206, True), (0, False)])
def test_the_discount_threshold_is_inclusive(discount, needs):
    # 5 % of ¥10,241.00 is ¥512.05: exactly that passes, one fen more needs approval
    assert c.discount_limit_fen(1_024_100, 500) == 51_205
    assert c.discount_needs_approval(discount, 1_024_100, 500) is needs
    assert c.discount_needs_approval(-discount, 1_024_100, 500) is needs


def test_a_plan_is_deposit_and_balance_that_add_up_to_the_fen():
    plan = c.payment_plan(1_000_001, "2026-03-01", 3000, 14, "2026-08-19")
    assert [(i.due_on, i.amount_fen) for i in plan] == [("2026-03-15", 300_000), ("2026-08-19", 700_001)]
    assert sum(i.amount_fen for i in plan) == 1_000_001
    # 30 % of 1,000,005 fen is 300,001.5: half up
    assert c.payment_plan(1_000_005, "2026-03-01", 3000, 14, "2026-08-19")[0].amount_fen == 300_002


def test_a_late_signing_pays_all_at_once():
    plan = c.payment_plan(980_000, "2026-08-10", 3000, 14, "2026-08-19")
    assert [(i.label, i.due_on, i.amount_fen) for i in plan] == [("全款 / full payment", "2026-08-24", 980_000)]
    assert c.payment_plan(0, "2026-03-01", 3000, 14, "2026-08-19") == []


def test_payments_fill_the_oldest_instalment_first_and_overdue_is_what_is_late():
    plan = c.payment_plan(1_000_000, "2026-03-01", 3000, 14, "2026-08-19")
    money = c.allocate(plan, [200_000], "2026-04-01")
    assert [(i.paid_fen, i.outstanding_fen, i.overdue, i.days_overdue) for i in money.instalments] == [
        (200_000, 100_000, True, 17), (0, 700_000, False, 0)]
    assert (money.paid_fen, money.outstanding_fen, money.overdue_fen, money.first_covered) == (
        200_000, 800_000, 100_000, False)
    money = c.allocate(plan, [300_000, 750_000, -20_000], "2026-09-01")
    assert (money.paid_fen, money.credit_fen, money.outstanding_fen, money.first_covered) == (1_030_000, 30_000, 0, True)


def test_a_refund_takes_money_back_from_the_newest_instalment():
    plan = c.payment_plan(1_000_000, "2026-03-01", 3000, 14, "2026-08-19")
    money = c.allocate(plan, [1_000_000, -100_000], "2026-09-01")
    assert [i.outstanding_fen for i in money.instalments] == [0, 100_000]
    assert money.overdue_fen == 100_000


@pytest.mark.parametrize("status, total, paid, expected", [
    ("signed", 100, 0, "signed"), ("signed", 100, 40, "part_paid"), ("part_paid", 100, 100, "paid"),
    ("paid", 100, 60, "part_paid"), ("paid", 100, 0, "signed"), ("draft", 100, 100, "draft"),
    ("cancelled", 100, 100, "cancelled"), ("signed", 100, 130, "paid"),
])
def test_status_follows_the_money(status, total, paid, expected):
    assert c.status_from_money(status, total, paid) == expected


@pytest.mark.parametrize("cancelled_on, fee, bp", [
    ("2026-05-01", 300_000, 3000),  # 140 days before: 30 %
    ("2026-06-20", 300_000, 3000),  # exactly 90 days: still 30 %
    ("2026-06-21", 500_000, 5000),  # 89 days: 50 %
    ("2026-08-19", 500_000, 5000),  # 30 days
    ("2026-08-20", 1_000_000, 10000),  # 29 days
    ("2026-09-25", 1_000_000, 10000),  # after the opening
])
def test_the_cancellation_fee_follows_the_schedule(cancelled_on, fee, bp):
    assert c.cancellation_fee(1_000_000, cancelled_on, "2026-09-18") == (fee, bp)


def test_a_cancellation_schedule_is_read_and_checked():
    assert c.parse_cancellation_schedule("[[30, 5000], [90, 2000]]") == ((90, 2000), (30, 5000))
    assert c.parse_cancellation_schedule("") == c.DEFAULT_CANCELLATION
    for bad in ("[[-1, 100]]", "[[10, 20000]]", "[]", "nonsense"):
        with pytest.raises(ValueError):
            c.parse_cancellation_schedule(bad)


def test_contract_numbers_continue_the_series():
    assert c.next_contract_number("RZ2026", []) == "RZ2026-0001"
    assert c.next_contract_number("RZ2026", ["RZ2026-0042", "RZ2026-0007", "XX-0999"]) == "RZ2026-0043"
    assert c.next_contract_number("RZ2026", ["RZ2026-12345"]) == "RZ2026-12346"


def test_an_edited_plan_puts_the_difference_on_the_balance():
    plan = c.payment_plan(1_000_000, "2026-03-01", 3000, 14, "2026-08-19")
    assert [i.amount_fen for i in c.replan_balance(plan, 1_060_000)] == [300_000, 760_000]
    assert [i.amount_fen for i in c.replan_balance(plan, 200_000)] == [200_000, 0]


def test_booths_sell_on_signing_or_on_the_deposit():
    assert c.booth_sold_now("signing", "signed", False)
    assert not c.booth_sold_now("deposit", "signed", False)
    assert c.booth_sold_now("deposit", "part_paid", True)
    assert not c.booth_sold_now("signing", "draft", True)
    assert not c.booth_sold_now("signing", "cancelled", True)
