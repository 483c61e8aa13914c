"""The department manager's spot checks of orders and accounts: draw, check, sign off, replay.

Only the department manager draws, records verdicts and signs off
(``Action.SIGN_OFF_SPOT_CHECKS``); anyone may read a check and replay its draw. Every
write is audited; a signed-off check is read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain import spot_checks as rules
from expo_desk.domain.actors import Actor
from expo_desk.domain.money import format_fen
from expo_desk.domain.permissions import Action, require
from expo_desk.domain.pricing import OpenSides
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services import booths as booth_service
from expo_desk.services import pricing
from expo_desk.services.changes import ChangeSet, record_insert, record_update
from expo_desk.services.sales_terms import terms as show_terms
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import records
from expo_desk.store import spot_checks as store
from expo_desk.store import users as user_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

SEED_MAX = 2**63 - 1  # what SQLite's INTEGER holds
# The quote's terms that make up a contract's booth line; the others are its premium lines.
SPACE_TERMS = ("shell_base", "raw_base", "area_band")


def _clean_draw(kind: str, size: object, seed: object) -> list[Problem]:
    problems = []
    if kind not in rules.KINDS:
        problems.append(Problem("kind", f"抽查类型应为 contracts 或 payments / the kind must be contracts or payments:"
                                        f" {kind}"))
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        problems.append(Problem("size", f"样本数量应为正整数 / the sample size must be a whole number ≥ 1: {size!r}"))
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed <= SEED_MAX):
        problems.append(Problem("seed", f"种子应为不小于 0 的整数 / the seed must be a whole number ≥ 0: {seed!r}"))
    return problems


def draw_spot_check(db: Database, actor: Actor, show_id: str, kind: str = "contracts", size: int = 10,
                    seed: int | None = None) -> ChangeSet:
    """Draw a sample of the show's signed contracts (or of all its payments) and record it.

    The computer's checks are filled in at once. A sample larger than the population takes
    all of it. The new check's id is ``changes.inserted['spot_checks'][0]``.
    """
    require(actor, Action.SIGN_OFF_SPOT_CHECKS)
    problems = _clean_draw(kind, size, seed)
    if problems:
        raise ValidationError(problems)
    seed = rules.new_seed() if seed is None else seed
    changes = ChangeSet()
    with transaction(db):
        show_terms(db, show_id)  # the show exists
        everyone = store.population(db, show_id, kind)
        if not everyone:
            what = "已签约的合同 / signed contracts" if kind == "contracts" else "付款记录 / payments"
            raise UserError(f"没有可抽查的{what.split(' / ')[0]} / there are no {what.split(' / ')[1]} to draw from")
        drawn = rules.draw(everyone, size, seed)
        check = record_insert(db, actor, changes, "spot_checks", {
            "show_id": show_id, "kind": kind, "sample_size": len(drawn), "seed": seed, "population": len(everyone),
            "drawn_at": records.utc_now(), "drawn_by": actor.user_id, "drawn_by_name": actor.name})
        sides = HallSides(db)
        for position, row_id in enumerate(drawn, start=1):
            checks = rules.new_checks(kind, automatic_checks(db, kind, row_id, sides))
            record_insert(db, actor, changes, "spot_check_items", {
                "spot_check_id": check["id"], "position": position, "row_id": row_id,
                "checks": rules.dump_checks(checks)})
    return changes


# ---------------------------------------------------------------- what the computer can check


class HallSides:
    """Open sides of every booth of a hall, worked out once per hall for a whole draw (one
    booth at a time costs a pass over its hall: 3.5 s for 20 contracts of a 25,000-booth show)."""

    def __init__(self, db: Database):
        self._db = db
        self._halls: dict[str, dict[str, str]] = {}

    def of(self, booth_id: str) -> str | None:
        booth = booth_store.get_booth(self._db, booth_id)
        if booth is None:
            return None
        if booth["hall_id"] not in self._halls:
            found = booth_service.hall_open_sides(self._db, booth["hall_id"])
            self._halls[booth["hall_id"]] = {bid: str(o.kind) for bid, o in found.items()}
        kind = self._halls[booth["hall_id"]].get(booth_id)
        return kind if kind in set(OpenSides) else OpenSides.INLINE  # enclosed is priced as inline


def automatic_checks(db: Database, kind: str, row_id: str, sides: HallSides | None = None) -> dict[
        str, rules.CheckResult]:
    """The computer's result for each check of one contract or payment, as the data is now."""
    if kind == "contracts":
        return _contract_checks(db, row_id, sides or HallSides(db))
    return _payment_checks(db, row_id)


def _contract_checks(db: Database, contract_id: str, sides: HallSides) -> dict[str, rules.CheckResult]:
    contract = contract_store.get_contract(db, contract_id)
    if contract is None:
        gone = rules.CheckResult(None, "合同已不存在 / the contract no longer exists")
        return dict.fromkeys(rules.check_names("contracts"), gone)
    lines = contract_store.lines(db, contract_id)
    threshold = show_terms(db, contract["show_id"])["discount_threshold_bp"]
    approver = user_store.display_name(db, contract["discount_approved_by"]) if contract["discount_approved_by"] else ""
    schedule = [r["amount_fen"] for r in contract_store.schedule(db, contract_id)]
    return {
        "price_rules": rules.price_check(_booth_pricing(db, contract, lines, sides), contract["signed_on"]),
        "discount_approved": rules.discount_check(lines, threshold, approver or ""),
        "schedule_adds_up": rules.schedule_check(contract, schedule),
        "not_edited": rules.edit_check(contract),
    }


def _booth_pricing(db: Database, contract: dict, lines: list[dict], sides: HallSides) -> list[rules.BoothPricing]:
    """Each booth line beside a fresh quote of its booth on the signing date."""
    found = []
    for line in lines:
        if line["kind"] != "booth" or not line["booth_id"] or not contract["signed_on"]:
            continue
        premiums = tuple(x["amount_fen"] for x in lines if x["kind"] == "premium" and x["booth_id"] == line["booth_id"])
        number = line["booth_number"] or "?"
        try:
            quote = pricing.quote_booth(db, line["booth_id"], contract["signed_on"], sides.of(line["booth_id"]))
        except UserError as exc:
            found.append(rules.BoothPricing(number, line["amount_fen"], premiums, None, problem=str(exc)))
            continue
        space = sum(t.amount_fen for t in quote.terms if t.kind in SPACE_TERMS)
        adjustments = tuple(t.amount_fen for t in quote.terms if t.kind not in SPACE_TERMS)
        found.append(rules.BoothPricing(number, line["amount_fen"], premiums, space, adjustments))
    return found


def _payment_checks(db: Database, payment_id: str) -> dict[str, rules.CheckResult]:
    payment = store.payment_with_contract(db, payment_id)
    if payment is None:
        gone = rules.CheckResult(None, "付款记录已不存在 / the payment no longer exists")
        return dict.fromkeys(rules.check_names("payments"), gone)
    proof = payment["proof_path"] or ""
    contract = payment if payment["number"] is not None else None
    return {
        "proof_present": rules.proof_check(proof, bool(proof) and Path(proof).is_file()),
        "signed_contract": rules.signed_contract_check(contract),
        "refund_reason": rules.refund_reason_check(payment["amount_fen"], payment["reason"] or ""),
    }


# ---------------------------------------------------------------- reading


def spot_checks(db: Database, show_id: str) -> list[dict]:
    """The show's spot checks, newest first."""
    return store.list_checks(db, show_id)


def _check_or_error(db: Database, spot_check_id: str) -> dict:
    check = store.get_check(db, spot_check_id)
    if check is None:
        raise UserError("抽查记录不存在 / this spot check no longer exists")
    return check


def _item_label(kind: str, item: dict) -> str:
    if item.get("number") is None:
        return "（已删除）/ (deleted)"
    if kind == "contracts":
        return f"{item['number']} {item['company_name'] or ''}"
    return f"{item['paid_on']} {format_fen(item['amount_fen'])} · {item['number']} {item['company_name'] or ''}"


def spot_check_detail(db: Database, spot_check_id: str) -> dict:
    """One check with its items in drawing order.

    ``{"check": row, "items": [{"id", "position", "row_id", "label", "checks", "note",
    "unconfirmed", "failed", ...}], "unconfirmed": how many verdicts are missing,
    "signed_off": bool}``; each item also carries its contract's or payment's columns.
    """
    check = _check_or_error(db, spot_check_id)
    raw = store.contract_items(db, spot_check_id) if check["kind"] == "contracts" else store.payment_items(
        db, spot_check_id)
    items = []
    for row in raw:
        checks = rules.parse_checks(row["checks"])
        items.append({**row, "label": _item_label(check["kind"], row), "checks": checks,
                      "unconfirmed": rules.unconfirmed(checks), "failed": rules.failed(checks)})
    return {"check": check, "items": items, "unconfirmed": sum(len(i["unconfirmed"]) for i in items),
            "signed_off": bool(check["signed_off_at"])}


# ---------------------------------------------------------------- the manager's work


def _open_check(db: Database, actor: Actor, spot_check_id: str) -> dict:
    require(actor, Action.SIGN_OFF_SPOT_CHECKS)
    check = _check_or_error(db, spot_check_id)
    if check["signed_off_at"]:
        raise UserError(f"此抽查已于 {check['signed_off_at'][:10]} 签署，不能再修改 / this spot check was signed off on "
                        f"{check['signed_off_at'][:10]} and can no longer be changed")
    return check


def _item_or_error(db: Database, item_id: str) -> dict:
    item = store.get_item(db, item_id)
    if item is None:
        raise UserError("抽查项目不存在 / this spot-check item no longer exists")
    return item


def set_verdicts(db: Database, actor: Actor, item_id: str, verdicts: dict[str, bool | None]) -> ChangeSet:
    """Record the person's verdict on some checks of one item (True passes, False fails,
    None takes the verdict back)."""
    changes = ChangeSet()
    with transaction(db):
        item = _item_or_error(db, item_id)
        _open_check(db, actor, item["spot_check_id"])
        try:
            checks = rules.with_verdicts(rules.parse_checks(item["checks"]), verdicts)
        except KeyError as exc:
            raise ValidationError([Problem("checks", f"未知的检查项 / unknown check: {exc.args[0]}")]) from exc
        record_update(db, actor, changes, "spot_check_items", item_id, {"checks": rules.dump_checks(checks)})
    return changes


def set_item_note(db: Database, actor: Actor, item_id: str, note: str) -> ChangeSet:
    changes = ChangeSet()
    with transaction(db):
        item = _item_or_error(db, item_id)
        _open_check(db, actor, item["spot_check_id"])
        record_update(db, actor, changes, "spot_check_items", item_id, {"note": (note or "").strip()})
    return changes


def sign_off_spot_check(db: Database, actor: Actor, spot_check_id: str, note: str = "") -> ChangeSet:
    """Close the check with a note: refused while any item has a check without a verdict."""
    changes = ChangeSet()
    with transaction(db):
        _open_check(db, actor, spot_check_id)
        waiting = [i["position"] for i in spot_check_detail(db, spot_check_id)["items"] if i["unconfirmed"]]
        if waiting:
            shown = ", ".join(str(p) for p in waiting[:20]) + ("…" if len(waiting) > 20 else "")
            raise UserError(f"第 {shown} 项还有未核实的检查，不能签署 / item(s) {shown} still have checks without a verdict;"
                            " the spot check cannot be signed off yet")
        records.update(db, actor, "spot_checks", spot_check_id, {
            "note": (note or "").strip(), "signed_off_by": actor.user_id, "signed_off_at": records.utc_now()})
        changes.add("updated", "spot_checks", spot_check_id)
    return changes


def replay_spot_check(db: Database, spot_check_id: str) -> dict:
    """Draw again from the seed over the population as it is now.

    ``{"same": bool, "population_then", "population_now", "differences": [{"position",
    "was", "now", "was_label", "now_label"}]}`` — different when rows were added or
    removed since the draw.
    """
    check = _check_or_error(db, spot_check_id)
    everyone = store.population(db, check["show_id"], check["kind"])
    again = rules.draw(everyone, check["sample_size"], check["seed"])
    differences = rules.compare_draws(store.item_ids(db, spot_check_id), again)
    names = store.labels(db, check["kind"], [i for d in differences for i in (d["was"], d["now"]) if i])
    for d in differences:
        d["was_label"] = names.get(d["was"], "") if d["was"] else ""
        d["now_label"] = names.get(d["now"], "") if d["now"] else ""
    return {"same": not differences, "population_then": check["population"], "population_now": len(everyone),
            "differences": differences}
