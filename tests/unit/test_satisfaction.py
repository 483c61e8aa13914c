"""参展费用 / 期望值 = 参展满意度, with the seed's own worked examples."""

from __future__ import annotations

from fractions import Fraction

import pytest

from expo_desk.domain.satisfaction import EXPLANATION, FORMULA, NAME, satisfaction


def yuan(amount: int) -> int:
    return amount * 100


def test_the_seeds_first_example_cost_50000_expecting_100000_is_half():
    figure = satisfaction(yuan(50_000), yuan(100_000))
    assert figure.value == Fraction(1, 2)
    assert figure.shown == "0.50"
    assert figure.worked() == "¥50,000.00 / ¥100,000.00 = 0.50"


def test_the_seeds_second_example_cost_50000_expecting_10000_is_five():
    figure = satisfaction(yuan(50_000), yuan(10_000))
    assert figure.value == 5
    assert figure.shown == "5.00"
    assert "满意度达到或超过 1" in figure.reading[0]


def test_the_figure_is_exact_and_only_rounded_when_shown():
    figure = satisfaction(yuan(10_000), yuan(30_000))
    assert figure.value == Fraction(1, 3)  # not 0.333…
    assert figure.shown == "0.33"
    assert satisfaction(yuan(2), yuan(3)).shown == "0.67"
    assert satisfaction(1, 200).shown == "0.01"  # 0.005 rounds half up
    assert satisfaction(yuan(1_234_567), yuan(100)).shown == "12345.67"


def test_a_figure_under_one_is_read_with_the_outcomes_not_as_a_failure():
    zh, en = satisfaction(yuan(50_000), yuan(100_000)).reading
    assert "并不表示参展没有价值" in zh and "does not mean the show had no value" in en


def test_without_an_expected_value_there_is_no_figure_and_a_reason_in_both_languages():
    figure = satisfaction(yuan(50_000), None)
    assert figure.value is None and not figure.available
    assert figure.shown == "—"
    zh, en = figure.reason
    assert "期望值" in zh and "expected value" in en
    assert figure.worked() == "¥50,000.00 / — = —"


def test_an_expected_value_of_zero_is_never_divided_by():
    figure = satisfaction(yuan(50_000), 0)
    assert figure.value is None
    zh, en = figure.reading
    assert "不能除以零" in zh and "no division by zero" in en


def test_no_cost_reads_as_no_signed_contract():
    figure = satisfaction(0, yuan(10_000))
    assert figure.shown == "0.00"
    assert "没有已签约的合同" in figure.reading[0]


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError):
        satisfaction(-1, 100)
    with pytest.raises(ValueError):
        satisfaction(100, -1)


def test_the_formula_is_named_and_written_as_the_seed_defines_it():
    assert NAME[0] == "参展满意度"
    assert FORMULA[0] == "参展费用 / 期望值 = 参展满意度"
    zh, en = EXPLANATION
    assert "期望值的把握" in zh and "销售网络" in zh and "企业形象" in zh
    assert "expectation" in en and "brand image" in en
