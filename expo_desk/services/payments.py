"""Payments and refunds against a contract, and what is still owed (receivables).

Payments are append-only: a mistake is put right with a refund (a negative payment with a
reason), so the accounts the department manager spot-checks never change behind them.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain import contracts as rules
from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import ContractStatus
from expo_desk.domain.money import format_fen
from expo_desk.domain.permissions import Action, require, require_owner
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_insert
from expo_desk.services.contract_signing import refresh_booth_status
from expo_desk.services.contracts import contract_or_error, today_text
from expo_desk.store import contracts as store
from expo_desk.store import records
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database


def _clean_payment(paid_on: str | _dt.date | None, amount_fen: object, method: str, reason: str,
                   proof_path: str) -> tuple[str, list[Problem]]:
    problems = []
    day = today_text(paid_on)
    try:
        day = _dt.date.fromisoformat(day).isoformat()
    except ValueError:
        problems.append(Problem("paid_on", f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{day}'"))
    if not isinstance(amount_fen, int) or isinstance(amount_fen, bool) or amount_fen == 0:
        problems.append(Problem("amount", "金额不能为零 / the amount cannot be zero"))
    elif amount_fen < 0 and not reason.strip():
        problems.append(Problem("reason", "退款须填写原因 / a refund needs a reason"))
    if method not in rules.PAYMENT_METHODS:
        problems.append(Problem("method", f"未知的付款方式 / unknown payment method: {method}"))
    if proof_path and not Path(proof_path).is_file():
        problems.append(Problem("proof_path", f"找不到付款凭证文件 / the proof file does not exist: {proof_path}"))
    return day, problems


def record_payment(db: Database, actor: Actor, contract_id: str, amount_fen: int, *,
                   paid_on: str | _dt.date | None = None, method: str = "bank_transfer", reference: str = "",
                   proof_path: str = "", reason: str = "") -> ChangeSet:
    """Record money received (positive) or paid back (negative, with a reason).

    The contract's status follows the money (part-paid, paid); with the show's "sold on
    deposit" setting its booths become sold when the deposit is covered. A refund may not
    take back more than was paid. The new payment's id is ``changes.inserted['payments'][0]``.
    """
    require(actor, Action.EDIT_CONTRACTS)
    day, problems = _clean_payment(paid_on, amount_fen, method, reason, proof_path)
    if problems:
        raise ValidationError(problems)
    changes = ChangeSet()
    with transaction(db):
        contract = contract_or_error(db, contract_id)
        number = contract["number"]
        require_owner(actor, contract["account_manager_id"], f"合同 {number} / contract {number}")
        if contract["status"] == ContractStatus.DRAFT:
            raise UserError(f"合同 {number} 尚未签约，不能收款 / contract {number} is not signed yet")
        paid = store.paid_fen(db, contract_id)
        if amount_fen < 0 and paid + amount_fen < 0:
            raise ValidationError([Problem("amount", f"退款超过已收金额 {format_fen(paid)} / the refund is more than the"
                                                     f" {format_fen(paid)} received")])
        record_insert(db, actor, changes, "payments", {
            "contract_id": contract_id, "paid_on": day, "amount_fen": amount_fen, "method": method,
            "reference": reference.strip(), "proof_path": proof_path, "reason": reason.strip(),
            "recorded_by": actor.user_id, "created_at": records.utc_now()})
        if contract["status"] != ContractStatus.CANCELLED:
            status = rules.status_from_money(contract["status"], contract["total_fen"], paid + amount_fen)
            records.update(db, actor, "contracts", contract_id, {"status": status})
            changes.add("updated", "contracts", contract_id)
            refresh_booth_status(db, actor, store.get_contract(db, contract_id), changes)
    return changes


def contract_money(db: Database, contract: dict, today: str | _dt.date | None = None) -> rules.Allocation:
    """The contract's plan with the payments applied on a date (today by default)."""
    plan = [rules.Instalment(r["label"], r["due_on"], r["amount_fen"]) for r in store.schedule(db, contract["id"])]
    return rules.allocate(plan, [p["amount_fen"] for p in store.payments(db, contract["id"])], today_text(today))


def receivables(db: Database, show_id: str, today: str | _dt.date | None = None, *,
                manager_id: str | None = None, exhibitor_id: str | None = None, overdue_only: bool = False) -> dict:
    """Money still due on the show's signed (and cancelled-with-fee) contracts.

    ``{"rows": [{number, exhibitor, manager_name, total_fen, paid_fen, outstanding_fen,
    overdue_fen, days_overdue, next_due_on, ...}], "by_manager": {name: {...}},
    "by_exhibitor": {...}, "total": {...}}``; sums in fen.
    """
    day = today_text(today)
    contracts = [c for c in store.list_contracts(db, show_id, manager_id=manager_id, exhibitor_id=exhibitor_id,
                                                 limit=10_000_000)
                 if c["status"] != ContractStatus.DRAFT]
    plans, paid = store.schedules_and_payments(db, [c["id"] for c in contracts])
    rows = []
    for c in contracts:
        plan = [rules.Instalment(r["label"], r["due_on"], r["amount_fen"]) for r in plans.get(c["id"], [])]
        money = rules.allocate(plan, paid.get(c["id"], []), day)
        if not plan and not money.paid_fen:
            continue
        open_items = [i for i in money.instalments if i.outstanding_fen > 0]
        row = {**c, "due_fen": sum(i.amount_fen for i in plan), "paid_fen": money.paid_fen,
               "outstanding_fen": money.outstanding_fen, "overdue_fen": money.overdue_fen,
               "credit_fen": money.credit_fen,
               "days_overdue": max((i.days_overdue for i in money.instalments), default=0),
               "next_due_on": min((i.due_on for i in open_items), default=None)}
        if overdue_only and not row["overdue_fen"]:
            continue
        rows.append(row)
    rows.sort(key=lambda r: (-r["days_overdue"], r["number"]))
    return {"rows": rows, "by_manager": _group(rows, "manager_name"), "by_exhibitor": _group(rows, "company_name"),
            "total": _sum(rows)}


_SUMS = ("due_fen", "paid_fen", "outstanding_fen", "overdue_fen", "credit_fen")


def _sum(rows: list[dict]) -> dict:
    return {"contracts": len(rows), **{k: sum(r[k] for r in rows) for k in _SUMS}}


def _group(rows: list[dict], key: str) -> dict[str, dict]:
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r[key] or "—", []).append(r)
    return {name: _sum(items) for name, items in sorted(groups.items())}
