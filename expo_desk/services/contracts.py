"""Contracts: a draft priced by the show's rules, services, discounts, signing, cancelling.

Each use case is one transaction, checks who may do it, audits every row it writes and
returns a ChangeSet. The booth lines hold their booths from the draft on (the unique index
``one_active_sale_per_booth`` makes a double sale impossible, also across processes);
prices follow the rules while the contract is a draft and are frozen when it is signed.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from expo_desk.domain import contracts as rules
from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import BoothStatus, ContractStatus
from expo_desk.domain.permissions import Action, can, require, require_owner
from expo_desk.domain.sync_rules import contract_prefix
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services import pricing
from expo_desk.services.changes import ChangeSet, record_delete, record_insert
from expo_desk.services.sales_terms import terms as show_terms
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as store
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import records
from expo_desk.store.sync import copy_code
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

ACTIVE = (ContractStatus.SIGNED, ContractStatus.PART_PAID, ContractStatus.PAID)


def today_text(today: str | _dt.date | None) -> str:
    return today.isoformat() if isinstance(today, _dt.date) else (today or _dt.date.today().isoformat())


def contract_or_error(db: Database, contract_id: str) -> dict:
    contract = store.get_contract(db, contract_id)
    if contract is None:
        raise UserError("合同不存在 / this contract no longer exists")
    return contract


def editable_contract(db: Database, actor: Actor, contract_id: str) -> dict:
    """The contract, once the actor may change it (their own, or a manager) and it is not cancelled."""
    require(actor, Action.EDIT_CONTRACTS)
    contract = contract_or_error(db, contract_id)
    require_owner(actor, contract["account_manager_id"], f"合同 {contract['number']} / contract {contract['number']}")
    if contract["status"] == ContractStatus.CANCELLED:
        raise UserError(f"合同 {contract['number']} 已取消 / contract {contract['number']} is cancelled")
    return contract


def exhibitor_name(db: Database, contract: dict) -> str:
    exhibitor = exhibitor_store.get(db, contract["exhibitor_id"])
    return exhibitor["company_name"] if exhibitor else ""


def refresh_total(db: Database, actor: Actor, contract: dict, today: str) -> None:
    """Store the new total; a signed contract records the edit and its plan takes the difference."""
    sums = rules.totals(store.lines(db, contract["id"]))
    change = {"total_fen": sums.total_fen, "discount_fen": -sums.discount_fen}
    if contract["status"] in ACTIVE and sums.total_fen != contract["total_fen"]:
        change["edited_after_signing"] = 1
        plan = [rules.Instalment(r["label"], r["due_on"], r["amount_fen"]) for r in store.schedule(db, contract["id"])]
        for row, new in zip(store.schedule(db, contract["id"]), rules.replan_balance(plan, sums.total_fen)):
            records.update(db, actor, "payment_schedule", row["id"], {"amount_fen": new.amount_fen})
        change["status"] = rules.status_from_money(contract["status"], sums.total_fen,
                                                   store.paid_fen(db, contract["id"]))
    records.update(db, actor, "contracts", contract["id"], change)


# ---------------------------------------------------------------- booths on a contract


def _booth_lines(db: Database, actor: Actor, contract: dict, booth: dict, on_date: str,
                 changes: ChangeSet) -> None:
    """The booth line (holding the booth) and one line per price-rule adjustment."""
    quote = pricing.quote_booth(db, booth["id"], on_date)
    number = booth["number"]
    space = [t for t in quote.terms if t.kind in ("shell_base", "raw_base", "area_band")]
    adjustments = [t for t in quote.terms if t not in space]
    type_zh, type_en = ("标准展位", "shell scheme") if booth["booth_type"] == "shell" else ("光地", "raw space")
    basis = "；".join(t.basis for t in space)
    basis_en = "; ".join(t.basis_en for t in space)
    space_fen = sum(t.amount_fen for t in space)
    line = booth_store.hold_booth(
        db, actor, contract["id"], booth["id"], number=number, amount_fen=space_fen, unit_price_fen=space_fen,
        description=f"{number} {type_zh} {quote.area_m2_text} m²（{basis}）/ {type_en} ({basis_en})")
    changes.add("inserted", "contract_lines", line["id"])
    for term in adjustments:
        record_insert(db, actor, changes, "contract_lines", {
            "contract_id": contract["id"], "kind": "premium", "booth_id": booth["id"],
            "description": f"{number} {term.label}（{term.basis}）/ {term.label_en} ({term.basis_en})",
            "quantity": 1, "unit_price_fen": term.amount_fen, "amount_fen": term.amount_fen})


def _claim_booth(db: Database, actor: Actor, contract: dict, booth_id: str, on_date: str, today: str,
                 changes: ChangeSet) -> None:
    booth = booth_store.get_booth(db, booth_id)
    if booth is None:
        raise UserError("展位不存在 / this booth no longer exists")
    number, name = booth["number"], exhibitor_name(db, contract)
    if booth["show_id"] != contract["show_id"]:
        raise UserError(f"展位 {number} 不属于本届展会 / booth {number} belongs to another show")
    if booth["status"] == BoothStatus.BLOCKED:
        raise UserError(f"展位 {number} 已封锁（{booth['blocked_reason']}）/ booth {number} is blocked "
                        f"({booth['blocked_reason']})")
    if booth["status"] == BoothStatus.RESERVED and booth["reserved_for"].casefold() != name.casefold() \
            and not booth_store.active_sales(db, [booth_id]):
        raise UserError(f"展位 {number} 已为 {booth['reserved_for']} 预留 / booth {number} is reserved for "
                        f"{booth['reserved_for']}")
    _booth_lines(db, actor, contract, booth, on_date, changes)
    terms = show_terms(db, contract["show_id"])
    if contract["status"] == ContractStatus.DRAFT:
        until = (_dt.date.fromisoformat(today) + _dt.timedelta(days=terms["draft_hold_days"])).isoformat()
        status = {"status": BoothStatus.RESERVED.value, "reserved_for": name, "reserved_until": until}
    else:
        status = signed_booth_status(db, contract, terms, name)
    records.update(db, actor, "booths", booth_id, status)
    changes.add("updated", "booths", booth_id)


def signed_booth_status(db: Database, contract: dict, terms: dict, name: str) -> dict:
    plan = [rules.Instalment(r["label"], r["due_on"], r["amount_fen"]) for r in store.schedule(db, contract["id"])]
    paid = [p["amount_fen"] for p in store.payments(db, contract["id"])]
    deposit_paid = rules.allocate(plan, paid, "9999-12-31").first_covered if plan else True
    if rules.booth_sold_now(terms["booth_sold_on"], contract["status"], deposit_paid):
        return {"status": BoothStatus.SOLD.value, "reserved_for": "", "reserved_until": None}
    return {"status": BoothStatus.RESERVED.value, "reserved_for": name, "reserved_until": None}


def _release_booth_lines(db: Database, actor: Actor, contract_id: str, booth_id: str, changes: ChangeSet) -> None:
    for line in store.lines(db, contract_id):
        if line["booth_id"] == booth_id and line["kind"] in ("booth", "premium"):
            record_delete(db, actor, changes, "contract_lines", line["id"])
    records.update(db, actor, "booths", booth_id, {
        "status": BoothStatus.AVAILABLE.value, "reserved_for": "", "reserved_until": None})
    changes.add("updated", "booths", booth_id)


def end_draft_hold(db: Database, actor: Actor, contract_id: str, booth_id: str, changes: ChangeSet) -> None:
    """A draft's hold on a booth ran out with the booth's reservation: the booth's lines leave
    the draft (whose total follows) and the booth is available again."""
    contract = contract_or_error(db, contract_id)
    _release_booth_lines(db, actor, contract_id, booth_id, changes)
    refresh_total(db, actor, contract, today_text(None))


def booths_for_sale(db: Database, show_id: str, holder: str = "", text: str = "", limit: int = 200) -> list[dict]:
    """The booths a contract for the exhibitor named ``holder`` may take (what ``create_contract``
    and ``add_booth`` accept): available, or reserved for that exhibitor and on no contract."""
    return store.booths_for_sale(db, show_id, (holder or "").strip(), text.strip(), limit)


def create_contract(db: Database, actor: Actor, show_id: str, exhibitor_id: str, booth_ids: list[str] = (),
                    *, today: str | _dt.date | None = None, fascia_text: str = "", notes: str = "") -> ChangeSet:
    """A draft contract, numbered in the show's series, with its booths priced and held.

    The new contract's id is ``changes.inserted['contracts'][0]``.
    """
    require(actor, Action.EDIT_CONTRACTS)
    day = today_text(today)
    changes = ChangeSet()
    with transaction(db):
        exhibitor = exhibitor_store.get(db, exhibitor_id)
        if exhibitor is None or exhibitor["show_id"] != show_id:
            raise UserError("展商不存在 / this exhibitor no longer exists")
        require_owner(actor, exhibitor["account_manager_id"], exhibitor["company_name"])
        terms = show_terms(db, show_id)
        prefix = contract_prefix(terms["prefix"], copy_code(db))
        number = rules.next_contract_number(prefix, store.contract_numbers(db, show_id, prefix))
        contract = record_insert(db, actor, changes, "contracts", {
            "show_id": show_id, "exhibitor_id": exhibitor_id, "number": number, "status": ContractStatus.DRAFT.value,
            "account_manager_id": exhibitor["account_manager_id"] or actor.user_id, "total_fen": 0,
            "fascia_text": (fascia_text or exhibitor["company_name"]).strip(), "notes": notes.strip(),
            "created_at": records.utc_now()})
        for booth_id in booth_ids:
            _claim_booth(db, actor, contract, booth_id, day, day, changes)
        refresh_total(db, actor, contract, day)
    return changes


def add_booth(db: Database, actor: Actor, contract_id: str, booth_id: str, *,
              today: str | _dt.date | None = None) -> ChangeSet:
    """Put one more booth on the contract, priced today (a signed contract records the edit)."""
    day = today_text(today)
    changes = ChangeSet()
    with transaction(db):
        contract = editable_contract(db, actor, contract_id)
        _claim_booth(db, actor, contract, booth_id, day, day, changes)
        refresh_total(db, actor, contract, day)
        changes.add("updated", "contracts", contract_id)
    return changes


def remove_booth(db: Database, actor: Actor, contract_id: str, booth_id: str, *,
                 today: str | _dt.date | None = None) -> ChangeSet:
    """Take a booth (and its adjustments) off the contract; the booth is available again."""
    changes = ChangeSet()
    with transaction(db):
        contract = editable_contract(db, actor, contract_id)
        if booth_id not in {b["id"] for b in store.contract_booths(db, contract_id)}:
            raise UserError("此展位不在合同上 / this booth is not on the contract")
        _release_booth_lines(db, actor, contract_id, booth_id, changes)
        refresh_total(db, actor, contract, today_text(today))
        changes.add("updated", "contracts", contract_id)
    return changes


def reprice(db: Database, actor: Actor, contract_id: str, on_date: str | _dt.date | None = None) -> ChangeSet:
    """Price a draft's booths again by today's rules (signing does this on the signing date)."""
    day = today_text(on_date)
    changes = ChangeSet()
    with transaction(db):
        contract = editable_contract(db, actor, contract_id)
        if contract["status"] != ContractStatus.DRAFT:
            raise UserError(f"合同 {contract['number']} 已签约，价格已锁定 / contract {contract['number']} is signed; its"
                            " prices are frozen")
        reprice_booths(db, actor, contract, day, changes)
        refresh_total(db, actor, contract, day)
    return changes


def reprice_booths(db: Database, actor: Actor, contract: dict, day: str, changes: ChangeSet) -> None:
    for booth in store.contract_booths(db, contract["id"]):
        for line in store.lines(db, contract["id"]):
            if line["booth_id"] == booth["id"] and line["kind"] in ("booth", "premium"):
                record_delete(db, actor, changes, "contract_lines", line["id"])
        _booth_lines(db, actor, contract, booth, day, changes)


# ---------------------------------------------------------------- services and discounts


def add_service(db: Database, actor: Actor, contract_id: str, service_item_id: str, quantity: int = 1, *,
                booth_id: str | None = None, today: str | _dt.date | None = None) -> ChangeSet:
    """Order a catalogue service at its current price (kept on the line: later catalogue changes
    do not touch the contract)."""
    if not isinstance(quantity, int) or quantity < 1 or quantity > 100_000:
        raise ValidationError([Problem("quantity", f"数量应为正整数 / the quantity must be a whole number ≥ 1: {quantity}")])
    changes = ChangeSet()
    with transaction(db):
        contract = editable_contract(db, actor, contract_id)
        item = store.get_service_item(db, service_item_id)
        if item is None or item["show_id"] != contract["show_id"]:
            raise UserError("服务项目不存在 / this service is not in the show's catalogue")
        record_insert(db, actor, changes, "contract_lines", {
            "contract_id": contract_id, "kind": "service", "booth_id": booth_id, "service_item_id": item["id"],
            "description": item["name"] + (f" / {item['name_en']}" if item["name_en"] else ""),
            "quantity": quantity, "unit_price_fen": item["unit_price_fen"],
            "amount_fen": quantity * item["unit_price_fen"]})
        refresh_total(db, actor, contract, today_text(today))
        changes.add("updated", "contracts", contract_id)
    return changes


def set_service_quantity(db: Database, actor: Actor, line_id: str, quantity: int, *,
                         today: str | _dt.date | None = None) -> ChangeSet:
    """Change how many of a service are ordered; 0 removes the line."""
    if not isinstance(quantity, int) or quantity < 0:
        raise ValidationError([Problem("quantity", f"数量应为不小于 0 的整数 / the quantity must be 0 or more: {quantity}")])
    changes = ChangeSet()
    with transaction(db):
        line = records.get_row(db, "contract_lines", line_id)
        if line is None or line["kind"] != "service":
            raise UserError("服务行不存在 / this service line no longer exists")
        contract = editable_contract(db, actor, line["contract_id"])
        if quantity == 0:
            record_delete(db, actor, changes, "contract_lines", line_id)
        else:
            records.update(db, actor, "contract_lines", line_id, {
                "quantity": quantity, "amount_fen": quantity * line["unit_price_fen"]})
            changes.add("updated", "contract_lines", line_id)
        refresh_total(db, actor, contract, today_text(today))
        changes.add("updated", "contracts", contract["id"])
    return changes


def set_discount(db: Database, actor: Actor, contract_id: str, amount_fen: int, reason: str = "", *,
                 today: str | _dt.date | None = None) -> ChangeSet:
    """Give (or, with 0, take back) the contract's discount, in fen.

    Above the show's threshold it waits for the department manager's approval; a discount
    the department manager gives is approved by that act.
    """
    reason = (reason or "").strip()
    problems = []
    if not isinstance(amount_fen, int) or amount_fen < 0:
        problems.append(Problem("discount", "优惠金额应为不小于 0 的金额 / the discount must be 0 or more"))
    if amount_fen and not reason:
        problems.append(Problem("discount_reason", "请填写优惠原因 / give the reason for the discount"))
    if problems:
        raise ValidationError(problems)
    changes = ChangeSet()
    with transaction(db):
        contract = editable_contract(db, actor, contract_id)
        lines = store.lines(db, contract_id)
        sums = rules.totals(lines)
        if amount_fen > sums.booth_price_fen + sums.service_fen:
            raise ValidationError([Problem("discount", "优惠不能超过合同金额 / the discount cannot exceed the contract's"
                                                       " amount")])
        for line in lines:
            if line["kind"] == "discount":
                record_delete(db, actor, changes, "contract_lines", line["id"])
        if amount_fen:
            record_insert(db, actor, changes, "contract_lines", {
                "contract_id": contract_id, "kind": "discount", "description": f"优惠 / discount: {reason}",
                "quantity": 1, "unit_price_fen": -amount_fen, "amount_fen": -amount_fen})
        needs = rules.discount_needs_approval(amount_fen, sums.booth_price_fen,
                                              show_terms(db, contract["show_id"])["discount_threshold_bp"])
        approved = can(actor, Action.APPROVE_DISCOUNTS) and needs
        records.update(db, actor, "contracts", contract_id, {
            "discount_reason": reason, "discount_approved_by": actor.user_id if approved else None,
            "discount_approved_at": records.utc_now() if approved else None})
        refresh_total(db, actor, contract, today_text(today))
        changes.add("updated", "contracts", contract_id)
    return changes


def discount_waiting(db: Database, contract: dict) -> bool:
    """A discount above the threshold that no department manager has approved yet."""
    sums = rules.totals(store.lines(db, contract["id"]))
    threshold = show_terms(db, contract["show_id"])["discount_threshold_bp"]
    return rules.discount_needs_approval(sums.discount_fen, sums.booth_price_fen, threshold) \
        and not contract["discount_approved_by"]


def approve_discount(db: Database, actor: Actor, contract_id: str) -> ChangeSet:
    """The department manager approves the contract's discount (recorded with who and when)."""
    require(actor, Action.APPROVE_DISCOUNTS)
    changes = ChangeSet()
    with transaction(db):
        contract = contract_or_error(db, contract_id)
        if not rules.totals(store.lines(db, contract_id)).discount_fen:
            raise UserError(f"合同 {contract['number']} 没有优惠 / contract {contract['number']} has no discount")
        records.update(db, actor, "contracts", contract_id, {
            "discount_approved_by": actor.user_id, "discount_approved_at": records.utc_now()})
        changes.add("updated", "contracts", contract_id)
    return changes
