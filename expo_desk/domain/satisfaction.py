"""参展满意度 — the satisfaction figure the seed's sales manager quantifies a show with:

    参展费用 / 期望值 = 参展满意度   (participation cost / expected value = satisfaction)

Cost 50,000 against an expected value of 100,000 gives 0.5; against 10,000 it gives 5. The
figure is worked out exactly (a Fraction of the two fen amounts) and only rounded, to two
decimals, when it is shown. Without an expected value, or with an expected value of 0,
there is no figure, only the reason why: nothing is ever divided by zero.

The seed's point goes with the number on paper: how a show turns out depends on how the
exhibitor's expectation is managed, and its value is not only the sales made on the spot.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from expo_desk.domain.money import format_fen

Pair = tuple[str, str]  # (Chinese, English)

NAME: Pair = ("参展满意度", "Satisfaction")
COST: Pair = ("参展费用", "Participation cost")
EXPECTED: Pair = ("期望值", "Expected value")
FORMULA: Pair = ("参展费用 / 期望值 = 参展满意度", "participation cost / expected value = satisfaction")

EXPLANATION: Pair = (
    "会展行业用这个公式把参展效果量化：参展满意度 = 参展费用 ÷ 期望值。同样花 50,000 元参展，"
    "期望带来 100,000 元的效益，满意度只有 0.5；期望带来 10,000 元的效益，满意度就是 5。"
    "参展效果的好坏，真正在于对期望值的把握：不要指望参展立即带来很高的经济效益。"
    "参展还能扩大销售网络、树立企业形象、了解客户需求、了解行业竞争状况，"
    "这些后续效应更强烈也更重要，应一并考虑在内（见本报告的参展成果部分）。",
    "The exhibition trade quantifies what a show did with this formula: satisfaction = participation cost "
    "÷ expected value. With the same 50,000 spent, an exhibitor who expects the show to bring 100,000 of value "
    "scores only 0.5; one who expects 10,000 scores 5. Whether a show works out depends above all on how the "
    "expectation is set: do not expect the show to bring large immediate sales. A show also widens the sales "
    "network, builds the brand image, shows what customers need and where the competition stands; these "
    "effects last longer and matter more, and belong in the judgement too (see the outcomes in this report).",
)

NO_EXPECTED_VALUE: Pair = ("尚未记录展商的期望值，无法计算参展满意度",
                           "No expected value has been recorded for the exhibitor, so there is no satisfaction figure")
ZERO_EXPECTED_VALUE: Pair = ("期望值为 0，参展满意度无法计算（不能除以零）",
                             "The expected value is 0, so there is no satisfaction figure (no division by zero)")

NO_COST: Pair = ("尚无参展费用：展商没有已签约的合同", "No participation cost: the exhibitor has no signed contract")
AT_LEAST_ONE: Pair = ("期望值不高于参展费用：满意度达到或超过 1。",
                      "The expectation was no higher than the cost: satisfaction is 1 or more.")
BELOW_ONE: Pair = ("期望值高于参展费用，满意度低于 1；这并不表示参展没有价值，请结合下面的参展成果一并衡量。",
                   "The expectation was above the cost, so satisfaction is under 1; that does not mean the show had "
                   "no value: weigh it together with the outcomes below.")


@dataclass(frozen=True)
class Satisfaction:
    """The figure (exact), what it was worked out from, and, when there is none, why."""

    cost_fen: int
    expected_value_fen: int | None
    value: Fraction | None
    reason: Pair = ("", "")

    @property
    def available(self) -> bool:
        return self.value is not None

    @property
    def shown(self) -> str:
        """The figure rounded half up to two decimals ("0.50", "5.00"); "—" when there is none."""
        if self.value is None:
            return "—"
        hundredths = self.value * 100
        whole, rest = divmod(hundredths.numerator, hundredths.denominator)
        if 2 * rest >= hundredths.denominator:
            whole += 1
        return f"{whole // 100}.{whole % 100:02d}"

    def worked(self, symbol: str = "¥") -> str:
        """The sum with this exhibitor's amounts: "¥50,000.00 / ¥100,000.00 = 0.50"."""
        expected = "—" if self.expected_value_fen is None else format_fen(self.expected_value_fen, symbol)
        return f"{format_fen(self.cost_fen, symbol)} / {expected} = {self.shown}"

    @property
    def reading(self) -> Pair:
        """One sentence on what this figure says, or the reason there is none."""
        if self.value is None:
            return self.reason
        if self.cost_fen == 0:
            return NO_COST
        return AT_LEAST_ONE if self.value >= 1 else BELOW_ONE


def satisfaction(cost_fen: int, expected_value_fen: int | None) -> Satisfaction:
    """参展费用 / 期望值 = 参展满意度, exactly; no figure (with the reason) for a missing or zero expectation."""
    if cost_fen < 0:
        raise ValueError(f"participation cost cannot be negative: {cost_fen}")
    if expected_value_fen is None:
        return Satisfaction(cost_fen, None, None, NO_EXPECTED_VALUE)
    if expected_value_fen < 0:
        raise ValueError(f"expected value cannot be negative: {expected_value_fen}")
    if expected_value_fen == 0:
        return Satisfaction(cost_fen, 0, None, ZERO_EXPECTED_VALUE)
    return Satisfaction(cost_fen, expected_value_fen, Fraction(cost_fen, expected_value_fen))


__all__ = ["EXPLANATION", "FORMULA", "NAME", "Satisfaction", "satisfaction"]
