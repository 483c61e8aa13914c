"""The next edition of a show: copy its setup, then offer last edition's exhibitors their booths again.

Copying makes the new show (``previous_show_id`` = the source) with the same halls and
booth layout — every booth available, blocked ones still blocked with their reason — the
price list and sales terms with their dates moved by the gap between the two openings,
the service catalogue, and the exhibitors who had a signed contract (same company key, so
one company is linked across editions). No sale, payment or reservation is copied, and
the contract numbers start again under the new show's code.

Rebooking: each active contract of the last edition gets an offer with the booth of the
same number (or, after booths were merged, the booth that now covers the old one's
place), held for the exhibitor until the offer's deadline. Exhibitors who rebooked on
site are served first and get a draft contract at once, so when two want the same booth
the on-site one wins; the other gets an offer without a booth and is listed as a conflict.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.booth_geometry import rect_of
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothStatus, BoothType
from expo_desk.domain.exhibitors import CONTACT_FIELDS, EXHIBITOR_FIELDS
from expo_desk.domain.permissions import Action, require, require_owner
from expo_desk.domain.pricing import RULE_FIELDS, parse_date
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services import booths as booth_service
from expo_desk.services import pricing, sales_terms
from expo_desk.services.changes import ChangeSet
from expo_desk.services.contracts import add_booth, create_contract, today_text
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.shows import create_show
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import next_edition as store
from expo_desk.store import pricing as pricing_store
from expo_desk.store import records
from expo_desk.store import shows as show_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

Progress = Callable[[int, int], None]
COPY_STEPS = ("show", "terms", "pricing_rules", "halls", "services", "exhibitors", "task_templates")
KEPT_BLOCK_REASON = "沿用上届 / as in the last edition"


class CopyCancelled(UserError):
    def __init__(self, message: str = "已取消，未创建新一届展会 / cancelled; no new edition was made"):
        super().__init__(message)


@dataclass
class CopyResult:
    show: dict
    counts: dict[str, int]
    shift_days: int | None  # None: the source show had no opening date, dates were kept
    changes: ChangeSet = field(default_factory=ChangeSet)


@dataclass(frozen=True)
class Conflict:
    """A booth an exhibitor wanted back and did not get, and why."""

    company_name: str
    booth_number: str
    reason: str

    def __str__(self) -> str:
        return f"{self.company_name}: {self.booth_number} — {self.reason}"


@dataclass
class RebookingResult:
    offers: int = 0
    reserved: int = 0
    on_site_contracts: list[str] = field(default_factory=list)  # numbers of the drafts made at once
    conflicts: list[Conflict] = field(default_factory=list)
    already_offered: int = 0
    changes: ChangeSet = field(default_factory=ChangeSet)


def _shift(day: str | None, days: int | None) -> str | None:
    if not day or not days:
        return day
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()


def _date(value: object, name: str, problems: list[Problem]) -> str | None:
    text = parse_date(value)
    if text is None:
        problems.append(Problem(name, f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{value or ''}'"))
    return text


def _show_or_error(db: Database, show_id: str) -> dict:
    show = show_store.show_by_id(db, show_id)
    if show is None:
        raise UserError("展会不存在 / this show no longer exists")
    return show


def _yuan_text(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


# ---------------------------------------------------------------- copying the setup


def copy_preview(db: Database, source_show_id: str) -> dict[str, int]:
    """What a copy of the show would take over, counted (the dialog shows it before copying)."""
    _show_or_error(db, source_show_id)
    booths = booth_store.show_booths(db, source_show_id)
    return {"halls": len(booth_store.list_halls(db, source_show_id)), "booths": len(booths),
            "blocked": sum(b["status"] == BoothStatus.BLOCKED for b in booths),
            "pricing_rules": len(pricing_store.list_rules(db, source_show_id)),
            "terms": int(contract_store.show_terms(db, source_show_id) is not None),
            "services": len(contract_store.service_items(db, source_show_id)),
            "exhibitors": len(store.rebooking_candidates(db, source_show_id)), "task_templates": 0}


def rebooking_candidates(db: Database, show_id: str) -> list[dict]:
    """The show's exhibitors with a signed (part-paid, paid) contract: who the next edition calls."""
    return store.rebooking_candidates(db, show_id)


def exhibitors_of_contracts(db: Database, show_id: str, numbers: Iterable[str]) -> list[str]:
    """The exhibitors holding these contract numbers in the show (who rebooked on site, as typed
    on a command line); every unknown number is reported at once."""
    found, problems = [], []
    for number in numbers:
        contract = contract_store.contract_by_number(db, show_id, number.strip())
        if contract is None:
            problems.append(Problem("on_site", f"没有合同 {number} / no contract {number}"))
        else:
            found.append(contract["exhibitor_id"])
    if problems:
        raise ValidationError(problems)
    return found


def _copy_terms(db: Database, actor: Actor, source: dict, show_id: str, gap: int | None, changes: ChangeSet) -> int:
    row = contract_store.show_terms(db, source["id"])
    if row is None:
        return 0
    values = {k: row[k] for k in sales_terms.DEFAULT_TERMS}
    values.update(contract_prefix="", balance_due_on=_shift(row["balance_due_on"], gap))
    records.insert(db, actor, "show_terms", {**values, "id": show_id})
    changes.add("inserted", "show_terms", show_id)
    return 1


def _copy_pricing(db: Database, actor: Actor, source: dict, show_id: str, gap: int | None, changes: ChangeSet) -> int:
    rules = pricing_store.list_rules(db, source["id"])
    for rule in rules:
        values = {k: rule[k] for k in RULE_FIELDS}
        values.update(effective_from=_shift(rule["effective_from"], gap), effective_to=_shift(rule["effective_to"], gap))
        changes.merge(pricing.add_rule(db, actor, show_id, values))
    return len(rules)


def _copy_halls(db: Database, actor: Actor, source: dict, show_id: str, gap: int | None, changes: ChangeSet) -> int:
    by_hall: dict[str, list[dict]] = {}
    for booth in booth_store.show_booths(db, source["id"]):
        by_hall.setdefault(booth["hall_id"], []).append(booth)
    halls = booth_store.list_halls(db, source["id"])
    for hall in halls:
        added = booth_service.create_hall(
            db, actor, show_id, hall["code"], hall["name"], hall["width_cm"], hall["depth_cm"],
            background_path=hall["background_path"], background_x_cm=hall["background_x_cm"],
            background_y_cm=hall["background_y_cm"], background_scale=hall["background_scale"])
        changes.merge(added)
        booths = by_hall.get(hall["id"], [])
        if not booths:
            continue
        drafts = [BoothDraft(b["number"], b["x_cm"], b["y_cm"], b["width_cm"], b["depth_cm"],
                             BoothType(b["booth_type"]), b["sector"]) for b in booths]
        laid = booth_service.add_booths(db, actor, show_id, added.inserted["halls"][0], drafts)
        changes.merge(laid)
        for old, new_id in zip(booths, laid.inserted["booths"]):
            if old["status"] == BoothStatus.BLOCKED:
                changes.merge(booth_service.update_booth(db, actor, new_id, blocked=True,
                                                         blocked_reason=old["blocked_reason"] or KEPT_BLOCK_REASON))
    return len(halls)


def _copy_services(db: Database, actor: Actor, source: dict, show_id: str, gap: int | None, changes: ChangeSet) -> int:
    items = contract_store.service_items(db, source["id"])
    for item in items:
        changes.merge(sales_terms.add_service(db, actor, show_id, {
            "code": item["code"], "name": item["name"], "name_en": item["name_en"], "unit": item["unit"],
            "unit_price": _yuan_text(item["unit_price_fen"])}))
    return len(items)


def _copy_exhibitor(db: Database, actor: Actor, exhibitor_id: str, show_id: str, changes: ChangeSet) -> str:
    """The company in the new show: same names, contacts and account manager (not last year's expectation)."""
    row = exhibitor_store.get(db, exhibitor_id)
    values = {k: row[k] for k in EXHIBITOR_FIELDS if k != "expected_value_fen"}
    contacts = [{k: c[k] for k in CONTACT_FIELDS} for c in exhibitor_store.contacts(db, exhibitor_id)]
    try:
        added = create_exhibitor(db, actor, show_id, values, contacts)
    except ValidationError as exc:
        raise ValidationError([Problem(p.field, p.message, where=p.where or row["company_name"])
                               for p in exc.problems]) from exc
    changes.merge(added)
    return added.inserted["exhibitors"][0]


def _copy_exhibitors(db: Database, actor: Actor, source: dict, show_id: str, gap: int | None,
                     changes: ChangeSet) -> int:
    candidates = store.rebooking_candidates(db, source["id"])
    for exhibitor in candidates:
        _copy_exhibitor(db, actor, exhibitor["id"], show_id, changes)
    return len(candidates)


def _copy_task_templates(db: Database, actor: Actor, source: dict, show_id: str, gap: int | None,
                         changes: ChangeSet) -> int:
    """The build schedule's templates (milestones, events, tasks per role) belong here, moved by
    ``gap`` days like the price list, once the schedule keeps them per show; nothing to copy yet."""
    return 0


_COPIERS = {"terms": _copy_terms, "pricing_rules": _copy_pricing, "halls": _copy_halls,
            "services": _copy_services, "exhibitors": _copy_exhibitors, "task_templates": _copy_task_templates}


def copy_show_setup(db: Database, actor: Actor, source_show_id: str, code: str, name: str, name_en: str = "",
                    start_date: str | _dt.date | None = None, *, end_date: str | _dt.date | None = None,
                    venue: str | None = None, city: str | None = None, progress: Progress | None = None,
                    should_cancel: Callable[[], bool] | None = None) -> CopyResult:
    """Make the next edition of a show from its setup, in one transaction (see the module text).

    ``end_date`` defaults to the new opening plus the source's length; venue and city to the
    source's. ``CopyCancelled`` when ``should_cancel()`` says so, with nothing made.
    """
    require(actor, Action.CREATE_SHOWS)
    problems: list[Problem] = []
    start = _date(start_date, "start_date", problems)
    end = _date(end_date, "end_date", problems) if end_date else None
    if problems:
        raise ValidationError(problems)
    changes = ChangeSet()
    counts: dict[str, int] = {}
    with transaction(db):
        source = _show_or_error(db, source_show_id)
        gap = None
        if source["start_date"]:
            gap = (_dt.date.fromisoformat(start) - _dt.date.fromisoformat(source["start_date"])).days
        if end is None and gap is not None:
            end = _shift(source["end_date"], gap)
        show = create_show(db, actor, code, name, name_en=name_en or "", start_date=start, end_date=end,
                           venue=source["venue"] if venue is None else venue,
                           city=source["city"] if city is None else city, currency=source["currency"])
        records.update(db, actor, "shows", show["id"], {
            "previous_show_id": source["id"], "revenue_target_fen": source["revenue_target_fen"],
            "build_start": _shift(source["build_start"], gap) if gap is not None else None,
            "teardown_end": _shift(source["teardown_end"], gap) if gap is not None else None})
        changes.add("inserted", "shows", show["id"])
        for step, name_of_step in enumerate(COPY_STEPS):
            if should_cancel is not None and should_cancel():
                raise CopyCancelled()
            if name_of_step in _COPIERS:
                counts[name_of_step] = _COPIERS[name_of_step](db, actor, source, show["id"], gap, changes)
            if progress is not None:
                progress(step + 1, len(COPY_STEPS))
        counts["booths"] = len(changes.inserted.get("booths", []))
        counts["blocked"] = sum(1 for b in booth_store.show_booths(db, show["id"]) if b["status"] == BoothStatus.BLOCKED)
        counts["contacts"] = len(changes.inserted.get("contacts", []))
        show = show_store.show_by_id(db, show["id"])
    return CopyResult(show, counts, gap, changes)


# ---------------------------------------------------------------- rebooking offers


def _new_booth_for(wanted: dict, by_number: dict[str, dict], by_hall: dict[str, list[dict]]) -> dict | None:
    """The booth of the same number, else the booth of the same hall now covering the old one's centre."""
    if wanted["booth_number"] in by_number:
        return by_number[wanted["booth_number"]]
    old = rect_of(wanted)
    x, y = old.x + old.width / 2, old.y + old.depth / 2
    return next((b for b in by_hall.get(wanted["hall_code"], []) if rect_of(b).contains_point(x, y)), None)


def _why_not(booth: dict | None, company: str, wanted: str, claimed: dict[str, tuple[str, str]],
             held: dict[str, str]) -> str:
    """Why the exhibitor cannot have this booth now; empty when they can."""
    if booth is None:
        return f"展位 {wanted} 在新一届中不存在 / booth {wanted} is not in the new edition"
    number = booth["number"]
    if booth["id"] in claimed:
        winner = claimed[booth["id"]][1]
        return f"展位 {number} 已给 {winner} / booth {number} went to {winner}"
    if booth["status"] == BoothStatus.BLOCKED:
        return f"展位 {number} 已封锁（{booth['blocked_reason']}）/ booth {number} is blocked ({booth['blocked_reason']})"
    if booth["id"] in held or booth["status"] == BoothStatus.SOLD:
        return f"展位 {number} 已售出 / booth {number} is already sold"
    if booth["status"] == BoothStatus.RESERVED and booth["reserved_for"].casefold() != company.casefold():
        return f"展位 {number} 已为 {booth['reserved_for']} 预留 / booth {number} is reserved for {booth['reserved_for']}"
    return ""


def offer_rebookings(db: Database, actor: Actor, new_show_id: str, offered_until: str | _dt.date,
                     on_site_exhibitor_ids: Iterable[str] = (), *, today: str | _dt.date | None = None
                     ) -> RebookingResult:
    """Offer every active contract of the previous edition its booths again (see the module text).

    ``on_site_exhibitor_ids`` are exhibitors (of either edition) who rebooked on site. A
    contract offered before is not offered again. One transaction; every row audited.
    """
    require(actor, Action.CREATE_SHOWS)
    day = today_text(today)
    problems: list[Problem] = []
    until = _date(offered_until, "offered_until", problems)
    if until is not None and until < day:
        problems.append(Problem("offered_until", f"截止日期 {until} 已过 / the deadline {until} has already passed"))
    if problems:
        raise ValidationError(problems)
    on_site = set(on_site_exhibitor_ids)
    result = RebookingResult()
    with transaction(db):
        show = _show_or_error(db, new_show_id)
        if not show["previous_show_id"]:
            raise UserError(f"{show['code']} 没有上一届 / {show['code']} has no previous edition")
        wanted_by_contract: dict[str, list[dict]] = {}
        for row in store.active_contract_booths(db, show["previous_show_id"]):
            wanted_by_contract.setdefault(row["contract_id"], []).append(row)
        new_booths = booth_store.show_booths(db, new_show_id)
        by_number = {b["number"]: b for b in new_booths}
        by_hall: dict[str, list[dict]] = {}
        for b in new_booths:
            by_hall.setdefault(b["hall_code"], []).append(b)
        held = booth_store.active_sales(db, [b["id"] for b in new_booths])
        new_ids = store.exhibitor_ids_by_key(db, new_show_id)
        done = store.offered_previous_contracts(db, new_show_id)
        claimed: dict[str, tuple[str, str]] = {}  # booth id -> (exhibitor id, company) in this round

        def served_first(rows: list[dict]) -> tuple[bool, str]:
            first = rows[0]
            return (first["exhibitor_id"] not in on_site and new_ids.get(first["company_key"]) not in on_site,
                    first["contract_number"])

        for contract_id, rows in sorted(wanted_by_contract.items(), key=lambda item: served_first(item[1])):
            if contract_id in done:
                result.already_offered += 1
                continue
            first = rows[0]
            company = first["company_name"]
            exhibitor_id = new_ids.get(first["company_key"])
            if exhibitor_id is None:
                exhibitor_id = new_ids[first["company_key"]] = _copy_exhibitor(
                    db, actor, first["exhibitor_id"], new_show_id, result.changes)
            booth_ids: list[str] = []
            missed = not any(r["booth_id"] for r in rows)
            for row in rows:
                if row["booth_id"] is None:
                    continue
                booth = _new_booth_for(row, by_number, by_hall)
                if booth is not None and claimed.get(booth["id"], ("",))[0] == exhibitor_id:
                    continue  # two old booths merged into one: offered once
                reason = _why_not(booth, company, row["booth_number"], claimed, held)
                if reason:
                    result.conflicts.append(Conflict(company, row["booth_number"], reason))
                    missed = True
                    continue
                claimed[booth["id"]] = (exhibitor_id, company)
                booth_ids.append(booth["id"])
            is_on_site = not served_first(rows)[0]
            if is_on_site:
                made = create_contract(db, actor, new_show_id, exhibitor_id, booth_ids, today=day)
                result.changes.merge(made)
                result.on_site_contracts.append(contract_store.get_contract(db, made.inserted["contracts"][0])["number"])
            else:
                for booth_id in booth_ids:
                    result.changes.merge(booth_service.reserve_booth(
                        db, actor, booth_id, company, until, today=_dt.date.fromisoformat(day)))
                    result.reserved += 1
            for booth_id in booth_ids + ([None] if missed else []):
                offer = records.insert(db, actor, "rebooking_offers", {
                    "show_id": new_show_id, "exhibitor_id": exhibitor_id, "booth_id": booth_id,
                    "previous_contract_id": contract_id, "offered_until": until, "on_site": int(is_on_site),
                    "status": "accepted" if is_on_site else "offered", "created_at": records.utc_now()})
                result.changes.add("inserted", "rebooking_offers", offer["id"])
                result.offers += 1
    return result


def start_next_edition(db: Database, actor: Actor, source_show_id: str, code: str, name: str, name_en: str = "",
                       start_date: str | _dt.date | None = None, *, end_date: str | _dt.date | None = None,
                       offered_until: str | _dt.date | None = None, on_site_exhibitor_ids: Iterable[str] = (),
                       today: str | _dt.date | None = None, progress: Progress | None = None,
                       should_cancel: Callable[[], bool] | None = None) -> tuple[CopyResult, RebookingResult | None]:
    """Copy the setup and (with a deadline) make the rebooking offers, all in one transaction."""
    with transaction(db):
        copied = copy_show_setup(db, actor, source_show_id, code, name, name_en, start_date, end_date=end_date,
                                 progress=progress, should_cancel=should_cancel)
        offers = None
        if offered_until:
            offers = offer_rebookings(db, actor, copied.show["id"], offered_until, on_site_exhibitor_ids, today=today)
            copied.changes.merge(offers.changes)
    return copied, offers


# ---------------------------------------------------------------- answering an offer


def list_offers(db: Database, show_id: str) -> list[dict]:
    """The show's offers (on-site first) with company, booth number and the previous contract's number."""
    return store.list_offers(db, show_id)


def _open_offer(db: Database, actor: Actor, offer_id: str) -> dict:
    offer = store.get_offer(db, offer_id)
    if offer is None:
        raise UserError("续约邀请不存在 / this rebooking offer no longer exists")
    require_owner(actor, offer["account_manager_id"], offer["company_name"])
    if offer["status"] != "offered":
        raise UserError(f"{offer['company_name']} 的续约邀请已处理（{offer['status']}）/ the offer to "
                        f"{offer['company_name']} is already {offer['status']}")
    return offer


def _release_offered_booth(db: Database, actor: Actor, offer: dict, changes: ChangeSet) -> None:
    """The booth held for the offer is free again, unless it has moved on (sold, or held for someone else)."""
    booth_id = offer["booth_id"]
    if booth_id is None or offer["booth_status"] != BoothStatus.RESERVED \
            or offer["reserved_for"].casefold() != offer["company_name"].casefold() \
            or booth_store.active_sales(db, [booth_id]):
        return
    records.update(db, actor, "booths", booth_id, {
        "status": BoothStatus.AVAILABLE.value, "reserved_for": "", "reserved_until": None})
    changes.add("updated", "booths", booth_id)


def accept_offer(db: Database, actor: Actor, offer_id: str, *, today: str | _dt.date | None = None) -> ChangeSet:
    """The exhibitor takes the offer: a draft contract with the booth, priced by the new show's rules.

    A second booth of the same previous contract joins the draft made for the first. The
    new contract's id (when one is made) is ``changes.inserted['contracts'][0]``.
    """
    require(actor, Action.EDIT_CONTRACTS)
    day = today_text(today)
    changes = ChangeSet()
    with transaction(db):
        offer = _open_offer(db, actor, offer_id)
        if offer["offered_until"] and offer["offered_until"] < day:
            raise UserError(f"给 {offer['company_name']} 的续约邀请已于 {offer['offered_until']} 到期 / the offer to "
                            f"{offer['company_name']} ended on {offer['offered_until']}")
        draft = None
        if offer["booth_id"] and offer["previous_contract_id"]:
            draft = store.rebooked_draft(db, offer["exhibitor_id"], offer["previous_contract_id"])
        if draft is not None:
            changes.merge(add_booth(db, actor, draft["id"], offer["booth_id"], today=day))
        else:
            changes.merge(create_contract(db, actor, offer["show_id"], offer["exhibitor_id"],
                                          [offer["booth_id"]] if offer["booth_id"] else [], today=day))
        records.update(db, actor, "rebooking_offers", offer_id, {"status": "accepted"})
        changes.add("updated", "rebooking_offers", offer_id)
    return changes


def decline_offer(db: Database, actor: Actor, offer_id: str) -> ChangeSet:
    """The exhibitor will not come back (this time): the offer is closed and its booth is free."""
    require(actor, Action.EDIT_CONTRACTS)
    changes = ChangeSet()
    with transaction(db):
        offer = _open_offer(db, actor, offer_id)
        _release_offered_booth(db, actor, offer, changes)
        records.update(db, actor, "rebooking_offers", offer_id, {"status": "declined"})
        changes.add("updated", "rebooking_offers", offer_id)
    return changes


def expire_offers(db: Database, actor: Actor, today: str | _dt.date, *, show_id: str | None = None) -> list[dict]:
    """Close every open offer whose deadline was before ``today`` and free its booth.

    The rule of the date, not a person's choice: any signed-in role triggers it (the audit
    names who). Returns the offers as they were.
    """
    day = today_text(today)
    changes = ChangeSet()
    with transaction(db):
        lapsed = store.lapsed_offers(db, day, show_id)
        for offer in lapsed:
            _release_offered_booth(db, actor, offer, changes)
            records.update(db, actor, "rebooking_offers", offer["id"], {"status": "expired"})
    return lapsed
