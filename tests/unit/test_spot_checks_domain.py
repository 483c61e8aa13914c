"""Spot-check rules: a draw that can be repeated from its seed, and the checklist verdicts."""

from __future__ import annotations

import pytest

from expo_desk.domain import spot_checks as rules

POPULATION = [f"id-{k:03d}" for k in range(200)]


def test_the_same_seed_draws_the_same_sample():
    first = rules.draw(POPULATION, 12, seed=20260918)
    assert rules.draw(POPULATION, 12, seed=20260918) == first
    assert len(first) == len(set(first)) == 12 and set(first) <= set(POPULATION)
    assert rules.draw(POPULATION, 12, seed=20260919) != first


def test_a_sample_larger_than_the_population_takes_all_of_it():
    assert sorted(rules.draw(POPULATION[:5], 20, seed=1)) == POPULATION[:5]


def test_a_new_seed_is_a_short_whole_number():
    seeds = {rules.new_seed() for _ in range(50)}
    assert all(isinstance(s, int) and 0 <= s < rules.SEED_LIMIT for s in seeds)
    assert len(seeds) > 1


def test_comparing_draws_names_the_positions_that_differ():
    assert rules.compare_draws(["a", "b", "c"], ["a", "b", "c"]) == []
    assert rules.compare_draws(["a", "b", "c"], ["a", "x", "c", "d"]) == [
        {"position": 2, "was": "b", "now": "x"}, {"position": 4, "was": None, "now": "d"}]


def test_a_checklist_needs_every_verdict():
    checks = rules.new_checks("payments", {"proof_present": rules.CheckResult(False, "missing"),
                                           "refund_reason": rules.CheckResult(True)})
    assert list(checks) == ["proof_present", "signed_contract", "refund_reason"]
    assert checks["signed_contract"] == {"auto": None, "confirmed": None, "detail": ""}
    assert rules.unconfirmed(checks) == ["proof_present", "signed_contract", "refund_reason"]
    assert rules.failed(checks) == ["proof_present"]  # the computer's finding stands until someone decides
    agreed = rules.with_verdicts(checks, rules.agreeing_verdicts(checks))
    assert rules.unconfirmed(agreed) == ["signed_contract"]
    done = rules.with_verdicts(agreed, {"signed_contract": True, "proof_present": True})
    assert rules.unconfirmed(done) == [] and rules.failed(done) == []
    assert rules.parse_checks(rules.dump_checks(done)) == done
    with pytest.raises(KeyError):
        rules.with_verdicts(checks, {"no_such_check": True})


def test_price_check_lists_each_booth_that_differs():
    good = rules.BoothPricing("A-001", 980_000, (98_000,), 980_000, (98_000,))
    tampered = rules.BoothPricing("A-002", 900_000, (), 980_000, ())
    assert rules.price_check([good], "2026-06-01").auto is True
    result = rules.price_check([good, tampered], "2026-06-01")
    assert result.auto is False
    assert "A-002" in result.detail and "¥9,000.00" in result.detail and "¥9,800.00" in result.detail
    assert "A-001" not in result.detail
    assert rules.price_check([good], None).auto is None  # never signed: nothing to compare with


def test_discount_check_follows_the_threshold_and_the_approval():
    lines = [{"kind": "booth", "amount_fen": 1_000_000}, {"kind": "discount", "amount_fen": -50_000}]
    assert rules.discount_check(lines, 500, "").auto is True  # exactly 5 %: passes alone
    more = [{"kind": "booth", "amount_fen": 1_000_000}, {"kind": "discount", "amount_fen": -50_001}]
    assert rules.discount_check(more, 500, "").auto is False
    assert rules.discount_check(more, 500, "赵部长").auto is True
    assert rules.discount_check(lines[:1], 500, "").detail.startswith("无优惠")


def test_schedule_edit_and_payment_checks():
    signed = {"status": "paid", "total_fen": 1_000, "cancellation_fee_fen": 0, "edited_after_signing": 0,
              "signed_total_fen": 1_000}
    assert rules.schedule_check(signed, [300, 700]).auto is True
    assert rules.schedule_check(signed, [300, 600]).auto is False
    cancelled = {**signed, "status": "cancelled", "cancellation_fee_fen": 300}
    assert rules.schedule_check(cancelled, [300]).auto is True
    edited = rules.edit_check({**signed, "edited_after_signing": 1, "total_fen": 1_200})
    assert edited.auto is False and "¥10.00 → ¥12.00" in edited.detail
    assert rules.proof_check("", False).auto is False
    assert rules.proof_check("/x/receipt.pdf", False).auto is False
    assert rules.proof_check("/x/receipt.pdf", True).auto is True
    assert rules.signed_contract_check({"number": "N-1", "status": "draft", "signed_on": None}).auto is False
    assert rules.signed_contract_check({"number": "N-1", "status": "paid", "signed_on": "2026-06-01"}).auto is True
    assert rules.refund_reason_check(-100, " ").auto is False
    assert rules.refund_reason_check(-100, "展位调换 / booth swap").auto is True
    assert rules.refund_reason_check(100, "").auto is True
