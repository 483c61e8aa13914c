"""Signing and cancelling a contract: the moments its prices, plan and booths change hands."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from expo_desk.domain import contracts as rules
from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import BoothStatus, ContractStatus
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services import leads as lead_service
from expo_desk.services.changes import ChangeSet, record_insert, record_update
from expo_desk.services.contracts import (
    create_contract,
    discount_waiting,
    editable_contract,
    exhibitor_name,
    refresh_total,
    reprice_booths,
    signed_booth_status,
    today_text,
)
from expo_desk.services.sales_terms import terms as show_terms
from expo_desk.services.task_templates import create_booth_tasks, remove_contract_tasks
from expo_desk.store import contracts as store
from expo_desk.store import records
from expo_desk.store.transactions import rolled_back, transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database


def _iso(value: str | _dt.date | None, field: str) -> str:
    text = today_text(value)
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise ValidationError([Problem(field, f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{text}'")]) from exc


def sign_contract(db: Database, actor: Actor, contract_id: str, signed_on: str | _dt.date | None = None) -> ChangeSet:
    """Sign a draft: price its booths on the signing date and freeze them, make the payment
    plan, sell (or keep holding) the booths, close the exhibitor's open leads and put the
    booths' build tasks on the schedule."""
    day = _iso(signed_on, "signed_on")
    changes = ChangeSet()
    with transaction(db):
        contract = editable_contract(db, actor, contract_id)
        number = contract["number"]
        if contract["status"] != ContractStatus.DRAFT:
            raise UserError(f"合同 {number} 已签约 / contract {number} is already signed")
        if not store.contract_booths(db, contract_id):
            raise UserError(f"合同 {number} 还没有展位 / contract {number} has no booth yet")
        reprice_booths(db, actor, contract, day, changes)
        refresh_total(db, actor, contract, day)
        contract = store.get_contract(db, contract_id)
        if discount_waiting(db, contract):
            raise UserError(f"合同 {number} 的优惠超过审批线，须部门经理批准后才能签约 / the discount on contract {number} is"
                            " above the threshold: the department manager must approve it before signing")
        terms = show_terms(db, contract["show_id"])
        plan = rules.payment_plan(contract["total_fen"], day, terms["deposit_bp"], terms["deposit_due_days"],
                                  terms["balance_due"])
        for row in store.schedule(db, contract_id):
            records.delete(db, actor, "payment_schedule", row["id"])
        for inst in plan:
            row = record_insert(db, actor, changes, "payment_schedule", {
                "contract_id": contract_id, "label": inst.label, "due_on": inst.due_on, "amount_fen": inst.amount_fen})
        paid = store.paid_fen(db, contract_id)
        status = rules.status_from_money(ContractStatus.SIGNED.value, contract["total_fen"], paid)
        records.update(db, actor, "contracts", contract_id, {
            "status": status, "signed_on": day, "signed_total_fen": contract["total_fen"]})
        changes.add("updated", "contracts", contract_id)
        contract = store.get_contract(db, contract_id)
        refresh_booth_status(db, actor, contract, changes)
        changes.merge(lead_service.mark_exhibitor_signed(db, actor, contract["exhibitor_id"]))
        changes.merge(create_booth_tasks(db, actor, contract_id))
    return changes


def refresh_booth_status(db: Database, actor: Actor, contract: dict, changes: ChangeSet) -> None:
    """Booths of a signed contract: sold, or held until the deposit when the show says so."""
    terms = show_terms(db, contract["show_id"])
    status = signed_booth_status(db, contract, terms, exhibitor_name(db, contract))
    for booth in store.contract_booths(db, contract["id"]):
        record_update(db, actor, changes, "booths", booth["id"], status)


def cancellation_quote(db: Database, contract_id: str, cancelled_on: str | _dt.date | None = None) -> dict:
    """What cancelling on a date would cost: ``{"fee_fen", "fee_bp", "paid_fen", "refund_fen", "owed_fen"}``."""
    contract = store.get_contract(db, contract_id)
    if contract is None:
        raise UserError("合同不存在 / this contract no longer exists")
    day = _iso(cancelled_on, "cancelled_on")
    terms = show_terms(db, contract["show_id"])
    if contract["status"] == ContractStatus.DRAFT:
        fee, bp = 0, 0
    else:
        fee, bp = rules.cancellation_fee(contract["total_fen"], day, terms["opening"], terms["schedule"])
    paid = store.paid_fen(db, contract_id)
    return {"fee_fen": fee, "fee_bp": bp, "paid_fen": paid, "refund_fen": max(paid - fee, 0),
            "owed_fen": max(fee - paid, 0), "days_before_opening": (
                (_dt.date.fromisoformat(terms["opening"]) - _dt.date.fromisoformat(day)).days
                if terms["opening"] else None)}


def cancel_contract(db: Database, actor: Actor, contract_id: str, cancelled_on: str | _dt.date | None = None,
                    reason: str = "") -> ChangeSet:
    """Cancel: the booths are free again, the fee comes from the show's cancellation schedule,
    the plan becomes one instalment for the fee (money paid beyond it is owed back); its
    build tasks not started yet leave the schedule, work already begun stays."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError([Problem("cancel_reason", "请填写取消原因 / give the reason for cancelling")])
    day = _iso(cancelled_on, "cancelled_on")
    changes = ChangeSet()
    with transaction(db):
        editable_contract(db, actor, contract_id)
        quote = cancellation_quote(db, contract_id, day)
        for booth in store.contract_booths(db, contract_id):
            records.update(db, actor, "contract_lines", booth["line_id"], {"holds_booth": 0})
            records.update(db, actor, "booths", booth["id"], {
                "status": BoothStatus.AVAILABLE.value, "reserved_for": "", "reserved_until": None})
            changes.add("updated", "booths", booth["id"])
        for row in store.schedule(db, contract_id):
            records.delete(db, actor, "payment_schedule", row["id"])
        if quote["fee_fen"]:
            row = record_insert(db, actor, changes, "payment_schedule", {
                "contract_id": contract_id, "label": "退订费 / cancellation fee", "due_on": day,
                "amount_fen": quote["fee_fen"]})
        records.update(db, actor, "contracts", contract_id, {
            "status": ContractStatus.CANCELLED.value, "cancelled_on": day, "cancel_reason": reason,
            "cancellation_fee_fen": quote["fee_fen"]})
        changes.add("updated", "contracts", contract_id)
        changes.merge(remove_contract_tasks(db, actor, contract_id))
    return changes




def sell_booths(db: Database, actor: Actor, show_id: str, exhibitor_id: str, booth_ids: list[str], *,
                signed_on: str | _dt.date | None = None, today: str | _dt.date | None = None) -> ChangeSet:
    """Sell booths from the plan in one step: a contract for the exhibitor with the booths,
    signed on ``signed_on`` when given (else left a draft holding them). All or nothing."""
    if not booth_ids:
        raise UserError("请先选择展位 / select the booths to sell first")
    with transaction(db):
        changes = create_contract(db, actor, show_id, exhibitor_id, booth_ids, today=today)
        if signed_on is not None:
            changes.merge(sign_contract(db, actor, changes.inserted["contracts"][0], signed_on))
    return changes


def signing_preview(db: Database, actor: Actor, contract_id: str, signed_on: str | _dt.date | None = None) -> dict:
    """What signing on a date would make, without signing: ``{"total_fen", "plan"
    (Instalments), "discount_waiting"}``. The booths are priced on that date inside a
    savepoint that is rolled back, so the preview is the very arithmetic of signing."""
    day = _iso(signed_on, "signed_on")
    with rolled_back(db):
        contract = editable_contract(db, actor, contract_id)
        if contract["status"] != ContractStatus.DRAFT:
            raise UserError(f"合同 {contract['number']} 已签约 / contract {contract['number']} is already signed")
        reprice_booths(db, actor, contract, day, ChangeSet())
        refresh_total(db, actor, contract, day)
        contract = store.get_contract(db, contract_id)
        terms = show_terms(db, contract["show_id"])
        plan = rules.payment_plan(contract["total_fen"], day, terms["deposit_bp"], terms["deposit_due_days"],
                                  terms["balance_due"])
        return {"total_fen": contract["total_fen"], "plan": plan, "discount_waiting": discount_waiting(db, contract)}
