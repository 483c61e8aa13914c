"""Contract arithmetic: totals, the payment plan, allocation of payments, cancellation fees.

Pure and exact to the fen. The rules, and the decisions behind them:

* A contract's **lines** carry their own amounts: ``booth`` lines (the space), ``premium``
  lines (the price rules' adjustments: open sides, early bird, late surcharge — an early
  bird is a negative premium, not a discount, because no one approves it), ``service``
  lines (quantity × unit price), ``discount`` lines (negative: a person's decision, which
  above the show's threshold needs the department manager) and ``fee`` lines. The total is
  the plain sum of the lines, so the printed lines always add up to the printed total.
* The **discount threshold** is a percentage of the booth price (booth + premium lines):
  a discount of exactly the threshold passes; one fen more needs approval.
* The **payment plan** made at signing: a deposit of ``deposit_bp`` of the total, rounded
  half up to the fen, due ``deposit_due_days`` after signing, and the balance (total −
  deposit, so the two always add up) due on the show's balance date. A contract signed so
  late that the deposit would fall due on or after the balance date has one instalment:
  the full amount, due on the deposit date.
* **Allocation**: payments are applied to the instalments oldest due date first (refunds,
  which are negative, take money back from the newest instalment first). An instalment
  whose due date has passed and which is not fully paid is overdue. Money beyond the
  total is a credit, shown, never hidden.
* **Cancellation**: the fee is a percentage of the total chosen by how many days before
  the opening the contract is cancelled. The schedule is a list of ``(days, bp)``: the
  first entry, from the largest ``days`` down, with ``days_before >= days`` applies; after
  the opening, the last entry. Money paid beyond the fee is owed back (a refund).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field

from expo_desk.domain.pricing import BP, percent_of

LINE_KINDS = ("booth", "premium", "service", "discount", "fee")
LINE_KIND_NAMES: dict[str, tuple[str, str]] = {
    "booth": ("展位", "Booth"),
    "premium": ("价格调整", "Price rule"),
    "service": ("服务", "Service"),
    "discount": ("优惠", "Discount"),
    "fee": ("费用", "Fee"),
}
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "draft": ("草稿", "draft"),
    "signed": ("已签约", "signed"),
    "part_paid": ("部分付款", "part-paid"),
    "paid": ("已付清", "paid"),
    "cancelled": ("已取消", "cancelled"),
}
PAYMENT_METHODS: dict[str, tuple[str, str]] = {
    "bank_transfer": ("银行转账", "bank transfer"),
    "cash": ("现金", "cash"),
    "card": ("刷卡", "card"),
    "wechat": ("微信支付", "WeChat Pay"),
    "alipay": ("支付宝", "Alipay"),
    "cheque": ("支票", "cheque"),
}
DEFAULT_CANCELLATION = ((90, 3000), (30, 5000), (0, 10000))


@dataclass(frozen=True)
class Totals:
    booth_fen: int = 0
    premium_fen: int = 0
    service_fen: int = 0
    discount_fen: int = 0  # negative or zero
    fee_fen: int = 0

    @property
    def booth_price_fen(self) -> int:
        """The booths' price after the price rules: what the discount threshold is measured on."""
        return self.booth_fen + self.premium_fen

    @property
    def total_fen(self) -> int:
        return self.booth_fen + self.premium_fen + self.service_fen + self.discount_fen + self.fee_fen


def totals(lines: list[dict]) -> Totals:
    """Sum the lines by kind (each line a mapping with ``kind`` and ``amount_fen``)."""
    sums = dict.fromkeys(LINE_KINDS, 0)
    for line in lines:
        sums[line["kind"]] += int(line["amount_fen"])
    return Totals(sums["booth"], sums["premium"], sums["service"], sums["discount"], sums["fee"])


def discount_limit_fen(booth_price_fen: int, threshold_bp: int) -> int:
    """The largest discount an account manager may give alone."""
    return percent_of(max(booth_price_fen, 0), threshold_bp)


def discount_needs_approval(discount_fen: int, booth_price_fen: int, threshold_bp: int) -> bool:
    """True when the discount (its size, positive) is above the threshold."""
    return abs(discount_fen) > discount_limit_fen(booth_price_fen, threshold_bp)


@dataclass(frozen=True)
class Instalment:
    label: str
    due_on: str
    amount_fen: int


def _add_days(day: str, days: int) -> str:
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()


def payment_plan(total_fen: int, signed_on: str, deposit_bp: int, deposit_due_days: int,
                 balance_due_on: str | None) -> list[Instalment]:
    """Deposit and balance (or one full payment when signed late), adding up to the total."""
    deposit_due = _add_days(signed_on, deposit_due_days)
    if total_fen <= 0:
        return []
    if balance_due_on is None or deposit_due >= balance_due_on or deposit_bp >= BP:
        return [Instalment("全款 / full payment", deposit_due, total_fen)]
    deposit = percent_of(total_fen, deposit_bp)
    if deposit <= 0:
        return [Instalment("全款 / full payment", balance_due_on, total_fen)]
    return [Instalment("定金 / deposit", deposit_due, deposit),
            Instalment("尾款 / balance", balance_due_on, total_fen - deposit)]


def replan_balance(instalments: list[Instalment], total_fen: int) -> list[Instalment]:
    """After an edit to a signed contract: the last instalment takes up the difference.

    Earlier instalments keep their amounts (they may already be paid); when the new total is
    below what they ask, they are cut from the newest back so the plan still adds up.
    """
    if not instalments:
        return []
    amounts = [i.amount_fen for i in instalments]
    amounts[-1] += total_fen - sum(amounts)
    for k in range(len(amounts) - 1, 0, -1):
        if amounts[k] < 0:
            amounts[k - 1] += amounts[k]
            amounts[k] = 0
    amounts[0] = max(amounts[0], 0)
    return [Instalment(i.label, i.due_on, a) for i, a in zip(instalments, amounts)]


@dataclass(frozen=True)
class AllocatedInstalment:
    label: str
    due_on: str
    amount_fen: int
    paid_fen: int
    outstanding_fen: int
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class Allocation:
    instalments: tuple[AllocatedInstalment, ...]
    paid_fen: int  # net of refunds
    credit_fen: int  # paid beyond the plan
    outstanding_fen: int
    overdue_fen: int
    first_covered: bool = False  # the first instalment (the deposit) is fully paid
    notes: tuple[str, ...] = field(default=())


def allocate(instalments: list[Instalment], payments: list[int], today: str) -> Allocation:
    """Apply payments (amounts in fen, refunds negative) to the instalments, oldest due first."""
    net = sum(payments)
    ordered = sorted(range(len(instalments)), key=lambda k: (instalments[k].due_on, k))
    remaining = max(net, 0)
    paid = [0] * len(instalments)
    for k in ordered:
        take = min(remaining, instalments[k].amount_fen)
        paid[k] = take
        remaining -= take
    rows = []
    overdue_fen = 0
    for k, inst in enumerate(instalments):
        outstanding = inst.amount_fen - paid[k]
        late = outstanding > 0 and inst.due_on < today
        days = (_dt.date.fromisoformat(today) - _dt.date.fromisoformat(inst.due_on)).days if late else 0
        if late:
            overdue_fen += outstanding
        rows.append(AllocatedInstalment(inst.label, inst.due_on, inst.amount_fen, paid[k], outstanding, late, days))
    outstanding_total = sum(r.outstanding_fen for r in rows)
    first = bool(rows) and rows[ordered[0]].outstanding_fen == 0
    return Allocation(tuple(rows), net, remaining, outstanding_total, overdue_fen, first)


def balance_fen(status: str, total_fen: int, cancellation_fee_fen: int, paid_fen: int) -> int:
    """What is still to pay: the total (a cancelled contract: its fee) less what was paid;
    negative when money is owed back to the exhibitor."""
    due = cancellation_fee_fen if status == "cancelled" else total_fen
    return due - paid_fen


def status_from_money(current: str, total_fen: int, paid_fen: int) -> str:
    """Signed, part-paid or paid from the money in; drafts and cancelled contracts stay so."""
    if current in ("draft", "cancelled"):
        return current
    if paid_fen <= 0:
        return "signed"
    if paid_fen >= total_fen:
        return "paid"
    return "part_paid"


def parse_cancellation_schedule(text: str | None) -> tuple[tuple[int, int], ...]:
    """The stored JSON ``[[days, bp], …]``; the default when empty. Raises ValueError if bad."""
    if not text:
        return DEFAULT_CANCELLATION
    rows = json.loads(text)
    schedule = tuple(sorted(((int(d), int(bp)) for d, bp in rows), reverse=True))
    if not schedule or any(d < 0 or not 0 <= bp <= BP for d, bp in schedule):
        raise ValueError("cancellation schedule: days ≥ 0 and 0–100 %")
    return schedule


def cancellation_fee(total_fen: int, cancelled_on: str, opening_on: str | None,
                     schedule: tuple[tuple[int, int], ...] = DEFAULT_CANCELLATION) -> tuple[int, int]:
    """(fee in fen, the percentage in bp applied) for cancelling on ``cancelled_on``."""
    if total_fen <= 0 or not schedule:
        return 0, 0
    ordered = sorted(schedule, reverse=True)
    if opening_on is None:
        bp = ordered[0][1]
    else:
        days_before = (_dt.date.fromisoformat(opening_on) - _dt.date.fromisoformat(cancelled_on)).days
        bp = next((p for d, p in ordered if days_before >= d), ordered[-1][1])
    return percent_of(total_fen, bp), bp


_NUMBER_TAIL = re.compile(r"(\d+)")


def next_contract_number(prefix: str, existing: list[str]) -> str:
    """``PREFIX-0043``: one more than the largest number in the series, at least four digits."""
    highest = 0
    width = 4
    for number in existing:
        if not number.startswith(prefix + "-"):
            continue
        match = _NUMBER_TAIL.fullmatch(number[len(prefix) + 1:])  # not another copy's series
        if match:
            highest = max(highest, int(match.group(1)))
            width = max(width, len(match.group(1)))
    return f"{prefix}-{highest + 1:0{width}d}"


def booth_sold_now(sold_on: str, status: str, deposit_paid: bool) -> bool:
    """Whether a contract's booths count as sold (the show's setting: on signing or on deposit)."""
    if status in ("draft", "cancelled"):
        return False
    if sold_on == "deposit":
        return deposit_paid or status == "paid"
    return True
