"""The sales pipeline per account manager: leads, stage moves, follow-ups, visits, the day's list.

An account manager sees and changes only their own leads; a department manager or an
administrator sees and changes all. A lead about an exhibitor hands its expected value to
the exhibitor in the same transaction (the post-show satisfaction figure reads it there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from expo_desk.domain import leads as rules
from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import LeadStage
from expo_desk.domain.exhibitors import normalise_company
from expo_desk.domain.permissions import Action, can, require, require_owner
from expo_desk.errors import PermissionDenied, Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_delete, record_insert, record_update
from expo_desk.services.users import list_account_managers
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import leads as lead_store
from expo_desk.store import records
from expo_desk.store import users as user_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

_GONE = "线索已被删除 / this lead no longer exists"


@dataclass
class TodayView:
    """Open leads to follow up, each list oldest date first."""

    overdue: list[dict] = field(default_factory=list)
    today: list[dict] = field(default_factory=list)
    this_week: list[dict] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.overdue) + len(self.today) + len(self.this_week)


# -- who sees what ------------------------------------------------------------------------

def visible_manager(actor: Actor, wanted: str | None = None) -> str | None:
    """Whose leads ``actor`` may list: their own, or (managers) ``wanted`` / everyone's (None)."""
    return wanted if can(actor, Action.EDIT_ANY_EXHIBITOR) else actor.user_id or ""


def _visible_lead(db: Database, actor: Actor, lead_id: str) -> dict:
    lead = lead_store.get(db, lead_id)
    if lead is None:
        raise UserError(_GONE)
    if not can(actor, Action.EDIT_ANY_EXHIBITOR) and lead["account_manager_id"] != actor.user_id:
        raise PermissionDenied(f"{lead['company_name']} 属于其他客户经理 / belongs to another account manager")
    return lead


def _owned_lead(db: Database, actor: Actor, lead_id: str) -> dict:
    """The lead, once the actor is allowed to change it."""
    require(actor, Action.EDIT_EXHIBITORS)
    lead = lead_store.get(db, lead_id)
    if lead is None:
        raise UserError(_GONE)
    require_owner(actor, lead["account_manager_id"], lead["company_name"])
    return lead


def _assignable_manager(db: Database, actor: Actor, manager_id: str | None, problems: list[Problem]) -> str | None:
    """An account manager keeps leads for themselves; managers give them to anyone who exists."""
    if not can(actor, Action.EDIT_ANY_EXHIBITOR):
        if manager_id not in (None, actor.user_id):
            raise PermissionDenied(f"{actor.name} 只能把线索分配给自己 / {actor.name} may only assign leads to themselves")
        return actor.user_id
    if manager_id and not user_store.user_exists(db, manager_id):
        problems.append(Problem("account_manager_id", "客户经理不存在 / no such account manager"))
    return manager_id


def _link_exhibitor(db: Database, actor: Actor, show_id: str, cleaned: dict, problems: list[Problem]) -> None:
    """Tie the lead to the show's exhibitor it names (chosen, or typed by name); keep the name."""
    exhibitor_id = cleaned.get("exhibitor_id")
    if not exhibitor_id and cleaned.get("prospect_name"):
        exhibitor_id = lead_store.exhibitor_by_key(db, show_id, normalise_company(cleaned["prospect_name"]))
    if not exhibitor_id:
        return
    exhibitor = exhibitor_store.get(db, exhibitor_id)
    if exhibitor is None or exhibitor["show_id"] != show_id:
        problems.append(Problem("exhibitor_id", "本届展会没有此展商 / no such exhibitor in this show"))
        return
    require_owner(actor, exhibitor["account_manager_id"], exhibitor["company_name"])
    cleaned["exhibitor_id"] = exhibitor_id
    cleaned["prospect_name"] = exhibitor["company_name"]  # the name survives if the exhibitor is deleted


def _duplicate_problems(db: Database, show_id: str, cleaned: dict, exclude_id: str | None) -> list[Problem]:
    key = normalise_company(cleaned.get("prospect_name", ""))
    for other in lead_store.lead_companies(db, show_id):
        if other["id"] == exclude_id:
            continue
        same = (cleaned.get("exhibitor_id") and other["exhibitor_id"] == cleaned["exhibitor_id"]) or (
            key and normalise_company(other["company_name"] or "") == key)
        if same:
            return [Problem("prospect_name", f"本届展会已有此公司的进行中线索 / this company already has an open lead "
                                             f"in this show: {other['company_name']}")]
    return []


def _copy_expected_value(db: Database, actor: Actor, lead: dict, changes: ChangeSet) -> None:
    """The exhibitor's expected value follows its lead's (the satisfaction figure reads it)."""
    if not lead["exhibitor_id"] or lead["expected_value_fen"] is None:
        return
    exhibitor = exhibitor_store.get(db, lead["exhibitor_id"])
    if exhibitor is None or exhibitor["expected_value_fen"] == lead["expected_value_fen"]:
        return
    require_owner(actor, exhibitor["account_manager_id"], exhibitor["company_name"])
    records.update(db, actor, "exhibitors", exhibitor["id"], {"expected_value_fen": lead["expected_value_fen"]})
    exhibitor_store.touch(db, exhibitor["id"], records.utc_now())
    changes.add("updated", "exhibitors", exhibitor["id"])


# -- writing --------------------------------------------------------------------------------

def create_lead(db: Database, actor: Actor, show_id: str, values: dict, *, stage: str = LeadStage.CONTACTED,
                lost_reason: str = "", check_duplicates: bool = True) -> ChangeSet:
    """Add a lead; a name matching an exhibitor of the show links it. Every problem at once.

    ``check_duplicates`` False is for an import that has already refused open-lead doubles.
    """
    require(actor, Action.EDIT_EXHIBITORS)
    cleaned, problems = rules.clean_lead(values)
    start, found = rules.stage_problems(stage, lost_reason)
    problems += found
    changes = ChangeSet()
    with transaction(db):
        cleaned["account_manager_id"] = _assignable_manager(db, actor, cleaned.get("account_manager_id"), problems)
        _link_exhibitor(db, actor, show_id, cleaned, problems)
        if check_duplicates and start in rules.OPEN_STAGES and not problems:
            problems += _duplicate_problems(db, show_id, cleaned, None)
        if problems:
            raise ValidationError(problems)
        row = record_insert(db, actor, changes, "leads", {
            "show_id": show_id, **cleaned, "stage": start.value,
            "lost_reason": lost_reason.strip() if start == LeadStage.LOST else "", "created_at": records.utc_now(),
        })
        _copy_expected_value(db, actor, row, changes)
    return changes


def update_lead(db: Database, actor: Actor, lead_id: str, values: dict, *, stage: str | None = None,
                lost_reason: str = "") -> ChangeSet:
    """Change some fields of a lead, and its stage when given (by the same rules as ``move_stage``)."""
    cleaned, problems = rules.clean_lead(values, partial=True)
    changes = ChangeSet()
    with transaction(db):
        current = _owned_lead(db, actor, lead_id)
        if "account_manager_id" in cleaned and cleaned["account_manager_id"] != current["account_manager_id"]:
            cleaned["account_manager_id"] = _assignable_manager(db, actor, cleaned["account_manager_id"], problems)
        if "exhibitor_id" in cleaned or "prospect_name" in cleaned:
            _relink(db, actor, current, cleaned, problems)
        target = LeadStage(stage) if stage else LeadStage(current["stage"])
        if stage:
            problems += rules.transition_problems(current["stage"], target, lost_reason)
            if target != current["stage"]:
                cleaned.update(_stage_columns(target, lost_reason))
        if not problems and target in rules.OPEN_STAGES and {"exhibitor_id", "prospect_name", "stage"} & set(cleaned):
            problems += _duplicate_problems(db, current["show_id"], {**current, **cleaned}, lead_id)
        if problems:
            raise ValidationError(problems)
        new = record_update(db, actor, changes, "leads", lead_id, cleaned)
        if {"expected_value_fen", "exhibitor_id"} & set(new):
            _copy_expected_value(db, actor, records.get_row(db, "leads", lead_id), changes)
    return changes


def _relink(db: Database, actor: Actor, current: dict, cleaned: dict, problems: list[Problem]) -> None:
    """After an edit of the company: the same exhibitor, another one, or a prospect by name."""
    merged = {"prospect_name": current["prospect_name"], "exhibitor_id": current["exhibitor_id"], **cleaned}
    renamed = "prospect_name" in cleaned and cleaned["prospect_name"] != current["company_name"]
    if renamed and "exhibitor_id" not in cleaned:
        merged["exhibitor_id"] = None  # a new name links by that name, not to the old exhibitor
    found = rules.company_problems(merged["prospect_name"], merged["exhibitor_id"])
    if not found and (renamed or merged["exhibitor_id"] != current["exhibitor_id"]):
        _link_exhibitor(db, actor, current["show_id"], merged, found)
    problems += found
    cleaned.update(exhibitor_id=merged["exhibitor_id"], prospect_name=merged["prospect_name"])


def _stage_columns(stage: LeadStage, lost_reason: str) -> dict:
    return {"stage": stage.value, "lost_reason": lost_reason.strip() if stage == LeadStage.LOST else ""}


def move_stage(db: Database, actor: Actor, lead_id: str, stage: str, lost_reason: str = "") -> ChangeSet:
    """One step along the pipeline, to lost (with a reason), or a lost lead back to contacted."""
    return update_lead(db, actor, lead_id, {}, stage=stage, lost_reason=lost_reason)


def delete_lead(db: Database, actor: Actor, lead_id: str) -> ChangeSet:
    """Remove a lead and its follow-ups, each one audited."""
    changes = ChangeSet()
    with transaction(db):
        _owned_lead(db, actor, lead_id)
        for follow_up_id in lead_store.follow_up_ids(db, lead_id):
            record_delete(db, actor, changes, "follow_ups", follow_up_id)
        record_delete(db, actor, changes, "leads", lead_id)
    return changes


def log_follow_up(db: Database, actor: Actor, lead_id: str, *, kind: str = "call", note: str = "",
                  next_follow_up: str | date | None, happened_at: str | None = None) -> ChangeSet:
    """Record a call, visit or message and set (or clear, with None) the next follow-up date."""
    problems: list[Problem] = []
    if kind not in rules.FOLLOW_UP_KINDS:
        known = "、".join(f"{zh}/{en}" for zh, en in rules.FOLLOW_UP_KINDS.values())
        problems.append(Problem("kind", f"不认识的跟进方式 / unknown kind of follow-up '{kind}' (known: {known})"))
    cleaned, found = rules.clean_lead({"next_follow_up": next_follow_up}, partial=True)
    problems += found
    changes = ChangeSet()
    with transaction(db):
        _owned_lead(db, actor, lead_id)
        if problems:
            raise ValidationError(problems)
        record_insert(db, actor, changes, "follow_ups", {
            "lead_id": lead_id, "happened_at": happened_at or records.utc_now(), "kind": kind,
            "note": (note or "").strip(), "user_id": actor.user_id,
        })
        record_update(db, actor, changes, "leads", lead_id, cleaned)
    return changes


def book_visit(db: Database, actor: Actor, lead_id: str, visit_at: str) -> ChangeSet:
    """Set the visit appointment; a contacted lead becomes visit booked, and the visit day
    becomes the next follow-up when none is set sooner."""
    cleaned, problems = rules.clean_lead({"visit_at": visit_at}, partial=True)
    if not problems and cleaned["visit_at"] is None:
        problems.append(Problem("visit_at", "请填写拜访时间 / the visit date and time are required"))
    changes = ChangeSet()
    with transaction(db):
        lead = _owned_lead(db, actor, lead_id)
        if lead["stage"] == LeadStage.LOST:
            raise UserError("线索已流失，请先重新打开 / this lead is lost; reopen it first")
        if problems:
            raise ValidationError(problems)
        if lead["stage"] == LeadStage.CONTACTED:
            cleaned["stage"] = LeadStage.VISIT_BOOKED.value
        visit_day = cleaned["visit_at"][:10]
        if not lead["next_follow_up"] or lead["next_follow_up"] > visit_day:
            cleaned["next_follow_up"] = visit_day
        record_update(db, actor, changes, "leads", lead_id, cleaned)
    return changes


def mark_exhibitor_signed(db: Database, actor: Actor, exhibitor_id: str) -> ChangeSet:
    """Move the exhibitor's open leads to signed: called inside the contract-signing
    transaction (``transaction`` nests as a savepoint there), which has already checked
    that the actor may sign this contract; the signed contract is what closes the leads,
    whoever's they are. Merge the returned changes so the pipeline page refreshes."""
    require(actor, Action.EDIT_CONTRACTS)
    changes = ChangeSet()
    with transaction(db):
        if exhibitor_store.get(db, exhibitor_id) is None:
            raise UserError("展商已被删除 / this exhibitor no longer exists")
        for lead_id in lead_store.open_lead_ids_of_exhibitor(db, exhibitor_id):
            records.update(db, actor, "leads", lead_id, _stage_columns(LeadStage.SIGNED, ""))
            changes.add("updated", "leads", lead_id)
    return changes


# -- reading --------------------------------------------------------------------------------

def search_leads(db: Database, actor: Actor, show_id: str, *, manager_id: str | None = None,
                 stage: str | None = None, text: str = "", sort: str = "next_follow_up", descending: bool = False,
                 limit: int = 200, offset: int = 0) -> tuple[list[dict], int]:
    """One page of the leads the actor may see, and how many match in all."""
    manager = visible_manager(actor, manager_id)
    found = lead_store.list_leads(db, show_id, manager_id=manager, stage=stage, text=text, sort=sort,
                                  descending=descending, limit=limit, offset=offset)
    return found, lead_store.count_leads(db, show_id, manager_id=manager, stage=stage, text=text)


def today_view(db: Database, actor: Actor, show_id: str, today: date, manager_id: str | None = None) -> TodayView:
    """The actor's open leads due by the end of this week: overdue, due today, later this week."""
    view = TodayView()
    due = lead_store.due_leads(db, show_id, rules.end_of_week(today).isoformat(), visible_manager(actor, manager_id))
    for lead in due:
        bucket = rules.follow_up_bucket(lead["next_follow_up"], today)
        getattr(view, bucket.value).append(lead)
    return view


def stage_counts(db: Database, actor: Actor, show_id: str, manager_id: str | None = None) -> list[dict]:
    """Leads and expected value per account manager and stage, over what the actor may see."""
    return lead_store.stage_counts(db, show_id, visible_manager(actor, manager_id))


def lead_detail(db: Database, actor: Actor, lead_id: str) -> dict:
    """The lead with its objections as a list and its follow-ups, newest first."""
    lead = _visible_lead(db, actor, lead_id)
    return {**lead, "objection_list": rules.load_objections(lead["objections"]),
            "follow_ups": lead_store.follow_ups(db, lead_id)}


def lead_managers(db: Database, actor: Actor) -> list[dict]:
    """Whom the actor may give a lead to: themselves, or (managers) any active account manager."""
    if can(actor, Action.EDIT_ANY_EXHIBITOR):
        return list_account_managers(db)
    own = user_store.get_user(db, actor.user_id) if actor.user_id else None
    return [own] if own else []


def exhibitor_names(db: Database, show_id: str) -> list[str]:
    """The show's exhibitor names, to complete a company typed into a lead."""
    return lead_store.exhibitor_names(db, show_id)
