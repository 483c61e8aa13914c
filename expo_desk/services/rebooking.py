"""Rebooking: last edition's exhibitors offered their booths again in the next edition.

Each active contract of the last edition gets an offer with the booth of the same number
(or, after booths were merged, the booth that now covers the old one's place), held for
the exhibitor until the offer's deadline. Exhibitors who rebooked on site are served first
and get a draft contract at once, so when two want the same booth the on-site one wins;
the other gets an offer without a booth and is listed as a conflict. An offer is then
accepted (a draft contract), declined, or expires with its deadline; the booth held for
it is free again. The new edition itself is made by ``services.next_edition``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.booth_geometry import rect_of
from expo_desk.domain.enums import BoothStatus
from expo_desk.domain.permissions import Action, require, require_owner
from expo_desk.domain.pricing import date_or_problem
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services import booths as booth_service
from expo_desk.services.changes import ChangeSet
from expo_desk.services.contracts import add_booth, create_contract, today_text
from expo_desk.services.next_edition import (
    CopyResult,
    Progress,
    copy_exhibitor,
    copy_show_setup,
)
from expo_desk.services.shows import show_or_error
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import next_edition as store
from expo_desk.store import records
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database


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


# ---------------------------------------------------------------- making the offers


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
    until = date_or_problem(offered_until, "offered_until", problems)
    if until is not None and until < day:
        problems.append(Problem("offered_until", f"截止日期 {until} 已过 / the deadline {until} has already passed"))
    if problems:
        raise ValidationError(problems)
    on_site = set(on_site_exhibitor_ids)
    result = RebookingResult()
    with transaction(db):
        show = show_or_error(db, new_show_id)
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
                exhibitor_id = new_ids[first["company_key"]] = copy_exhibitor(
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
