"""The next edition of a show: copy its setup into a new show.

Copying makes the new show (``previous_show_id`` = the source) with the same halls and
booth layout — every booth available, blocked ones still blocked with their reason — the
price list and sales terms with their dates moved by the gap between the two openings,
the service catalogue, and the exhibitors who had a signed contract (same company key, so
one company is linked across editions). No sale, payment or reservation is copied, and
the contract numbers start again under the new show's code. Offering last edition's
exhibitors their booths again is ``services.rebooking`` (which also makes both in one go).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothStatus, BoothType
from expo_desk.domain.exhibitors import CONTACT_FIELDS, EXHIBITOR_FIELDS
from expo_desk.domain.permissions import Action, require
from expo_desk.domain.pricing import RULE_FIELDS, date_or_problem
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services import booths as booth_service
from expo_desk.services import pricing, sales_terms
from expo_desk.services.changes import ChangeSet, record_insert
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.shows import create_show, show_or_error
from expo_desk.services.task_template_defaults import STEP_FIELDS
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import next_edition as store
from expo_desk.store import pricing as pricing_store
from expo_desk.store import records
from expo_desk.store import shows as show_store
from expo_desk.store import tasks as task_store
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


def _shift(day: str | None, days: int | None) -> str | None:
    if not day or not days:
        return day
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()


def _yuan_text(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


# ---------------------------------------------------------------- copying the setup


def copy_preview(db: Database, source_show_id: str) -> dict[str, int]:
    """What a copy of the show would take over, counted (the dialog shows it before copying)."""
    show_or_error(db, source_show_id)
    booths = booth_store.show_booths(db, source_show_id)
    return {"halls": len(booth_store.list_halls(db, source_show_id)), "booths": len(booths),
            "blocked": sum(b["status"] == BoothStatus.BLOCKED for b in booths),
            "pricing_rules": len(pricing_store.list_rules(db, source_show_id)),
            "terms": int(contract_store.show_terms(db, source_show_id) is not None),
            "services": len(contract_store.service_items(db, source_show_id)),
            "exhibitors": len(store.rebooking_candidates(db, source_show_id)), "task_templates": len(task_store.templates(db, source_show_id))}


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


def copy_exhibitor(db: Database, actor: Actor, exhibitor_id: str, show_id: str, changes: ChangeSet) -> str:
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
        copy_exhibitor(db, actor, exhibitor["id"], show_id, changes)
    return len(candidates)


def _copy_task_templates(db: Database, actor: Actor, source: dict, show_id: str, gap: int | None,
                         changes: ChangeSet) -> int:
    """The build schedule's templates (milestones, main events, the steps of a shell and of a
    raw-space booth) as they are, edits included; their dates are anchored to the show's own
    dates (or the signing), so nothing is moved."""
    steps = task_store.templates(db, source["id"])
    for step in steps:
        record_insert(db, actor, changes, "task_templates", {k: step[k] for k in STEP_FIELDS} | {"show_id": show_id})
    return len(steps)


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
    start = date_or_problem(start_date, "start_date", problems)
    end = date_or_problem(end_date, "end_date", problems) if end_date else None
    if problems:
        raise ValidationError(problems)
    changes = ChangeSet()
    counts: dict[str, int] = {}
    with transaction(db):
        source = show_or_error(db, source_show_id)
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
