"""Spot checks (抽查): drawing a sample that can be drawn again, and the checklist per item.

The department manager spot-checks orders (抽查订单) and accounts (抽查账务). A sample is
drawn with ``random.Random(seed).sample`` over the population in a stable order (by id),
so keeping the seed is enough to show anyone later that the items were not hand-picked.

Each item carries a checklist. The computer pre-fills what it can (``auto``: True passes,
False fails, None when it cannot tell) and the person records their own verdict
(``confirmed``: True passes, False fails, None not looked at yet). A check is signed off
only when every verdict is given. Pure: no database, no files, no clock.
"""

from __future__ import annotations

import json
import random
import secrets
from dataclasses import dataclass

from expo_desk.domain import contracts as rules
from expo_desk.domain.money import format_fen

KINDS: dict[str, tuple[str, str]] = {
    "contracts": ("抽查订单", "orders"),
    "payments": ("抽查账务", "accounts"),
}
# The contracts a spot check of orders draws from: everything that was signed.
SAMPLED_STATUSES = ("signed", "part_paid", "paid", "cancelled")
SEED_LIMIT = 1_000_000_000  # nine digits at most: short enough to read out and type back

CHECKS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "contracts": (
        ("price_rules", "金额符合价格规则", "amount matches the price rules"),
        ("discount_approved", "超线优惠已批准", "discount approved if above threshold"),
        ("schedule_adds_up", "付款计划合计等于合同金额", "payment schedule adds up to the total"),
        ("not_edited", "签约后未修改", "not edited after signing"),
    ),
    "payments": (
        ("proof_present", "有付款凭证", "proof of payment present"),
        ("signed_contract", "计入已签约合同", "allocated to a signed contract"),
        ("refund_reason", "退款有原因", "refund has a reason"),
    ),
}


def check_names(kind: str) -> list[str]:
    return [name for name, _zh, _en in CHECKS[kind]]


def check_label(kind: str, name: str) -> str:
    for key, zh, en in CHECKS[kind]:
        if key == name:
            return f"{zh} / {en}"
    return name


# ---------------------------------------------------------------- drawing


def new_seed() -> int:
    """A seed nobody chose: the sample cannot be steered towards the tidy files."""
    return secrets.randbelow(SEED_LIMIT)


def draw(population_ids: list[str], size: int, seed: int) -> list[str]:
    """``size`` ids (all of them when fewer) drawn from the population in the order given."""
    return random.Random(seed).sample(list(population_ids), min(size, len(population_ids)))


def compare_draws(recorded: list[str], again: list[str]) -> list[dict]:
    """Positions (1-based) where a second draw differs from the recorded one."""
    differences = []
    for position in range(1, max(len(recorded), len(again)) + 1):
        was = recorded[position - 1] if position <= len(recorded) else None
        now = again[position - 1] if position <= len(again) else None
        if was != now:
            differences.append({"position": position, "was": was, "now": now})
    return differences


# ---------------------------------------------------------------- one check's result


@dataclass(frozen=True)
class CheckResult:
    auto: bool | None
    detail: str = ""


def new_checks(kind: str, results: dict[str, CheckResult]) -> dict:
    """The stored checklist: every check of the kind, computer's result in, no verdict yet."""
    return {name: {"auto": results[name].auto if name in results else None, "confirmed": None,
                   "detail": results[name].detail if name in results else ""}
            for name in check_names(kind)}


def parse_checks(text: str | None) -> dict:
    return json.loads(text) if text else {}


def dump_checks(checks: dict) -> str:
    return json.dumps(checks, ensure_ascii=False, sort_keys=True)


def with_verdicts(checks: dict, verdicts: dict[str, bool | None]) -> dict:
    """The checklist with the person's verdicts set; unknown check names raise KeyError."""
    updated = {name: dict(values) for name, values in checks.items()}
    for name, confirmed in verdicts.items():
        if name not in updated:
            raise KeyError(name)
        updated[name]["confirmed"] = None if confirmed is None else bool(confirmed)
    return updated


def agreeing_verdicts(checks: dict) -> dict[str, bool]:
    """The verdicts that agree with the computer, for the checks it could decide."""
    return {name: values["auto"] for name, values in checks.items() if values.get("auto") is not None}


def unconfirmed(checks: dict) -> list[str]:
    return [name for name, values in checks.items() if values.get("confirmed") is None]


def failed(checks: dict) -> list[str]:
    """Checks that the person (or, before them, the computer) found wrong."""
    return [name for name, values in checks.items()
            if values.get("confirmed") is False or (values.get("confirmed") is None and values.get("auto") is False)]


# ---------------------------------------------------------------- contracts


@dataclass(frozen=True)
class BoothPricing:
    """One booth of a contract: what its lines say, and what the rules say on the signing date."""

    number: str
    line_fen: int  # the booth line (the space)
    premium_fens: tuple[int, ...]  # its price-rule adjustment lines
    rule_space_fen: int | None  # None when the rules could not price it
    rule_premium_fens: tuple[int, ...] = ()
    problem: str = ""


def price_check(booths: list[BoothPricing], signed_on: str | None) -> CheckResult:
    if not signed_on:
        return CheckResult(None, "未签约，无签约日价格可比 / never signed: no signing-date price to compare")
    if not booths:
        return CheckResult(None, "合同上没有展位 / no booth on the contract")
    differences, unknown = [], []
    for b in booths:
        if b.rule_space_fen is None:
            unknown.append(f"{b.number}: {b.problem}")
            continue
        if b.line_fen != b.rule_space_fen or sorted(b.premium_fens) != sorted(b.rule_premium_fens):
            lines, rule = b.line_fen + sum(b.premium_fens), b.rule_space_fen + sum(b.rule_premium_fens)
            differences.append(f"{b.number}: 合同 {format_fen(lines)}，规则 {format_fen(rule)} / contract "
                               f"{format_fen(lines)}, rules {format_fen(rule)}")
    if differences:
        return CheckResult(False, "；".join(differences + unknown))
    if unknown:
        return CheckResult(None, "；".join(unknown))
    return CheckResult(True, f"{len(booths)} 个展位按 {signed_on} 的规则核对一致 / {len(booths)} booth(s) match the "
                             f"rules of {signed_on}")


def discount_check(lines: list[dict], threshold_bp: int, approved_by_name: str) -> CheckResult:
    sums = rules.totals(lines)
    if not sums.discount_fen:
        return CheckResult(True, "无优惠 / no discount")
    amount = format_fen(-sums.discount_fen)
    if not rules.discount_needs_approval(sums.discount_fen, sums.booth_price_fen, threshold_bp):
        return CheckResult(True, f"优惠 {amount} 未超过审批线 / discount {amount} within the threshold")
    if approved_by_name:
        return CheckResult(True, f"优惠 {amount} 已由 {approved_by_name} 批准 / discount {amount} approved by "
                                 f"{approved_by_name}")
    return CheckResult(False, f"优惠 {amount} 超过审批线，未经批准 / discount {amount} is above the threshold and not"
                              " approved")


def schedule_check(contract: dict, schedule_fens: list[int]) -> CheckResult:
    """The plan adds up to what is owed: the total, or the fee of a cancelled contract."""
    owed = contract["cancellation_fee_fen"] if contract["status"] == "cancelled" else contract["total_fen"]
    planned = sum(schedule_fens)
    if planned == owed:
        return CheckResult(True, f"{len(schedule_fens)} 期合计 {format_fen(planned)} / {len(schedule_fens)} "
                                 f"instalment(s) add up to {format_fen(planned)}")
    return CheckResult(False, f"计划合计 {format_fen(planned)}，应为 {format_fen(owed)} / the plan adds up to "
                              f"{format_fen(planned)}, not {format_fen(owed)}")


def edit_check(contract: dict) -> CheckResult:
    if not contract["edited_after_signing"]:
        return CheckResult(True, "签约后未修改 / not edited after signing")
    signed_total = contract.get("signed_total_fen")
    change = f": {format_fen(signed_total)} → {format_fen(contract['total_fen'])}" if signed_total is not None else ""
    return CheckResult(False, f"签约后曾修改{change} / edited after signing{change}")


# ---------------------------------------------------------------- payments


def proof_check(proof_path: str, file_exists: bool) -> CheckResult:
    if not proof_path:
        return CheckResult(False, "未附付款凭证 / no proof of payment attached")
    if not file_exists:
        return CheckResult(False, f"凭证文件不存在 / the proof file is missing: {proof_path}")
    return CheckResult(True, proof_path)


def signed_contract_check(contract: dict | None) -> CheckResult:
    if contract is None:
        return CheckResult(False, "合同不存在 / the contract no longer exists")
    number = contract["number"]
    if contract["status"] == "draft" or not contract["signed_on"]:
        return CheckResult(False, f"合同 {number} 未签约 / contract {number} is not signed")
    zh, en = rules.STATUS_NAMES[contract["status"]]
    return CheckResult(True, f"合同 {number}（{zh}）/ contract {number} ({en})")


def refund_reason_check(amount_fen: int, reason: str) -> CheckResult:
    if amount_fen >= 0:
        return CheckResult(True, "不是退款 / not a refund")
    if reason.strip():
        return CheckResult(True, reason.strip())
    return CheckResult(False, "退款未填写原因 / the refund has no reason")
