"""The build schedule's templates and the tasks made from them.

A show keeps three templates (rows of ``task_templates``): ``show`` holds the milestones
(总进度控制) and main events (主进度控制); ``shell`` and ``raw`` hold the detailed steps
(详细进度控制) of one booth of that type, made when its contract is signed. A step is
dated from its anchor (the signing date or one of the show's dates) plus an offset, or
else from the step before it (``after_position``, finish-to-start with ``lag_days``).
``parent_position`` puts a main event under a milestone and a booth step under a main
event of the show template. An event whose name holds ``{hall}`` is made once per
hall and a booth's steps go under the one of the booth's hall. The default steps and the
check of a step are in ``task_template_defaults`` (re-exported here).
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role, TaskLevel, TaskStatus
from expo_desk.domain.permissions import Action, can, require
from expo_desk.errors import UserError
from expo_desk.services.changes import ChangeSet, record_delete, record_insert, record_update
from expo_desk.services.contracts import ACTIVE, contract_or_error
from expo_desk.services.shows import show_or_error
from expo_desk.services.task_template_defaults import (
    ANCHORS,
    HALL,
    LEVEL_ORDER,
    SCOPES,
    clean_template,
    default_templates,
    per_hall,
    stored_checklist,
    task_name,
)
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import tasks as store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

__all__ = ["ANCHORS", "HALL", "SCOPES", "add_default_templates", "add_template", "anchor_days", "clean_template",
           "create_booth_tasks", "create_show_tasks", "default_templates", "delete_template", "list_templates",
           "remove_contract_tasks", "update_template"]


def _template_or_error(db: Database, template_id: str) -> dict:
    template = store.get_template(db, template_id)
    if template is None:
        raise UserError("模板步骤不存在 / this template step no longer exists")
    return template


def _decoded(row: dict) -> dict:
    return {**row, "checklist": json.loads(row.get("checklist") or "[]")}


def list_templates(db: Database, show_id: str, scope: str | None = None) -> list[dict]:
    """The show's template steps (checklist as a list), show first, then shell, then raw."""
    return [_decoded(r) for r in store.templates(db, show_id, scope)]


def _insert_template(db: Database, actor: Actor, show_id: str, step: dict, changes: ChangeSet) -> None:
    values = {**step, "show_id": show_id, "checklist": stored_checklist(step.get("checklist"))}
    record_insert(db, actor, changes, "task_templates", values)


def _ensure_templates(db: Database, actor: Actor, show_id: str, changes: ChangeSet) -> None:
    """The default steps of every scope the show has none of yet."""
    present = {r["scope"] for r in store.templates(db, show_id)}
    for step in default_templates():
        if step["scope"] not in present:
            _insert_template(db, actor, show_id, step, changes)


def add_default_templates(db: Database, actor: Actor, show_id: str) -> ChangeSet:
    """Give the show the default templates for each scope it has no steps in yet."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        show_or_error(db, show_id)
        _ensure_templates(db, actor, show_id, changes)
    return changes


def add_template(db: Database, actor: Actor, show_id: str, values: dict) -> ChangeSet:
    """A new step; its position is the next free one of its scope unless given."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        show_or_error(db, show_id)
        scope = values.get("scope")
        siblings = store.templates(db, show_id, scope) if scope in SCOPES else []
        cleaned = clean_template(values, siblings, store.templates(db, show_id, "show"))
        _insert_template(db, actor, show_id, cleaned, changes)
    return changes


def update_template(db: Database, actor: Actor, template_id: str, values: dict) -> ChangeSet:
    """Change a step (not its scope or position); tasks already made keep their dates."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        current = _template_or_error(db, template_id)
        show_id, scope = current["show_id"], current["scope"]
        merged = {**_decoded(current), **values, "scope": scope, "position": current["position"]}
        siblings = [r for r in store.templates(db, show_id, scope) if r["id"] != template_id]
        shows = [r for r in store.templates(db, show_id, "show") if r["id"] != template_id]
        cleaned = clean_template(merged, siblings, shows if scope != "show" else siblings)
        cleaned["checklist"] = stored_checklist(cleaned["checklist"])
        record_update(db, actor, changes, "task_templates", template_id, cleaned)
    return changes


def delete_template(db: Database, actor: Actor, template_id: str) -> ChangeSet:
    """Remove a step no other step follows or sits under; tasks made from it stay."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        current = _template_or_error(db, template_id)
        users = store.template_users(db, current["show_id"], current["scope"], current["position"])
        if users:
            names = "、".join(u["name"] for u in users)
            raise UserError(f"{current['name']} 仍被其他步骤引用：{names} / other steps still follow it or sit "
                            f"under it: {names}")
        record_delete(db, actor, changes, "task_templates", template_id)
    return changes


# ---------------------------------------------------------------- dates


def _shift(day: str | None, days: int) -> str | None:
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat() if day else None


def anchor_days(show: dict, signed_on: str | None = None) -> dict[str, str | None]:
    """The dates the anchors stand for; build-up four days before the opening and tear-down
    the day after closing when the show does not say."""
    start, end = show.get("start_date"), show.get("end_date")
    return {"signed": signed_on, "build_start": show.get("build_start") or _shift(start, -4),
            "start_date": start, "end_date": end, "teardown_end": show.get("teardown_end") or _shift(end, 1)}


def _in_order(steps: list[dict]) -> list[dict]:
    """Steps so that each comes after the step it follows (and parents before children)."""
    by_position = {s["position"]: s for s in steps}
    done: dict[int, dict] = {}

    def visit(step: dict, path: tuple[int, ...] = ()) -> None:
        if step["position"] in done or step["position"] in path:
            return
        for ref in (step.get("after_position"), step.get("parent_position") if step["scope"] == "show" else None):
            if ref in by_position:
                visit(by_position[ref], (*path, step["position"]))
        done[step["position"]] = step

    for step in sorted(steps, key=lambda s: (LEVEL_ORDER.get(s["level"], 2), s["position"])):
        visit(step)
    return list(done.values())


def _step_dates(steps: list[dict], anchors: dict[str, str | None]) -> dict[int, tuple[str | None, str | None]]:
    """(planned start, planned finish) of each step by position."""
    dates: dict[int, tuple[str | None, str | None]] = {}
    for step in steps:
        start = _shift(anchors.get(step["anchor"]), step["anchor_offset_days"]) if step["anchor"] else None
        before = dates.get(step["after_position"]) if step["after_position"] is not None else None
        if start is None and before and before[1]:
            gap = step["lag_days"] if step["level"] == TaskLevel.MILESTONE else step["lag_days"] + 1
            start = _shift(before[1], gap)
        if step["level"] == TaskLevel.MILESTONE or start is None:
            dates[step["position"]] = (start, start)
        else:
            dates[step["position"]] = (start, _shift(start, max(step["duration_days"], 1) - 1))
    return dates


# ---------------------------------------------------------------- making tasks


def _add_task(db: Database, actor: Actor, values: dict, checklist: list[str], changes: ChangeSet) -> str:
    row = record_insert(db, actor, changes, "tasks", values)
    for position, text in enumerate(checklist, start=1):
        record_insert(db, actor, changes, "task_checklist_items", {"task_id": row["id"], "position": position,
                                                                   "text": text})
    return row["id"]


def _ensure_show_tasks(db: Database, actor: Actor, show: dict, changes: ChangeSet) -> dict[tuple, str]:
    """The show's milestones and main events, made from the show template where missing.

    Returns task ids by (template position, hall id) — hall id None for show-wide steps.
    """
    steps = _in_order([_decoded(r) for r in store.templates(db, show["id"], "show")])
    existing = {(t["template_id"], t["name"]): t["id"] for level in (TaskLevel.MILESTONE, TaskLevel.EVENT)
                for t in store.show_levels(db, show["id"], level.value) if t["template_id"]}
    halls = booth_store.list_halls(db, show["id"])
    dates = _step_dates(steps, anchor_days(show))
    ids: dict[tuple, str] = {}
    order = None
    for step in steps:
        for hall in halls if per_hall(step) else [None]:
            name = task_name(step, hall["code"] if hall else "")
            key = (step["position"], hall["id"] if hall else None)
            if (step["id"], name) in existing:
                ids[key] = existing[(step["id"], name)]
                continue
            parent = ids.get((step["parent_position"], key[1])) or ids.get((step["parent_position"], None))
            order = store.next_sort_order(db, show["id"]) if order is None else order + 1
            start, finish = dates[step["position"]]
            ids[key] = _add_task(db, actor, {
                "show_id": show["id"], "parent_id": parent, "level": step["level"], "role": step["role"],
                "name": name, "planned_start": start, "planned_finish": finish, "sort_order": order,
                "template_id": step["id"]}, step["checklist"], changes)
    return ids


def create_show_tasks(db: Database, actor: Actor, show_id: str) -> ChangeSet:
    """The show's milestones and main events from its template (defaults when it has none);
    what exists already is kept."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        show = show_or_error(db, show_id)
        _ensure_templates(db, actor, show_id, changes)
        _ensure_show_tasks(db, actor, show, changes)
    return changes


def _owners(db: Database, contract: dict) -> dict[str, str | None]:
    """Who a booth's steps belong to: the contract's account manager; a design supervisor or
    construction executor only when the file has exactly one active person in that role."""
    found: dict[str, str | None] = {Role.ACCOUNT_MANAGER.value: contract["account_manager_id"]}
    for role in (Role.DESIGN_SUPERVISOR, Role.CONSTRUCTION_EXECUTOR):
        people = store.active_users(db, role.value)
        found[role.value] = people[0]["id"] if len(people) == 1 else None
    return found


def create_booth_tasks(db: Database, actor: Actor, contract_id: str) -> ChangeSet:
    """The detailed tasks of every booth of a signed contract, from its booth type's template.

    Called inside ``sign_contract``'s transaction; a booth that already has its tasks
    gets nothing new, so calling again adds nothing.
    """
    if not can(actor, Action.EDIT_CONTRACTS):
        require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        contract = contract_or_error(db, contract_id)
        if contract["status"] not in ACTIVE:
            raise UserError(f"合同 {contract['number']} 未签约，不能安排搭建任务 / contract {contract['number']} is "
                            "not signed: its build tasks cannot be made")
        pending = [b for b in contract_store.contract_booths(db, contract_id)
                   if not store.booth_has_tasks(db, contract_id, b["id"])]
        if not pending:
            return changes
        show = show_or_error(db, contract["show_id"])
        _ensure_templates(db, actor, show["id"], changes)
        parents = _ensure_show_tasks(db, actor, show, changes)
        owners = _owners(db, contract)
        anchors = anchor_days(show, contract["signed_on"])
        order = store.next_sort_order(db, show["id"])
        for booth in pending:
            steps = _in_order([_decoded(r) for r in store.templates(db, show["id"], booth["booth_type"])])
            dates = _step_dates(steps, anchors)
            made: dict[int, str] = {}
            for step in steps:
                start, finish = dates[step["position"]]
                parent = (parents.get((step["parent_position"], booth["hall_id"]))
                          or parents.get((step["parent_position"], None)))
                made[step["position"]] = _add_task(db, actor, {
                    "show_id": show["id"], "parent_id": parent, "booth_id": booth["id"], "level": step["level"],
                    "role": step["role"], "owner_id": owners.get(step["role"] or ""),
                    "name": task_name(step), "planned_start": start,
                    "planned_finish": finish, "sort_order": order, "contract_id": contract_id,
                    "template_id": step["id"]}, step["checklist"], changes)
                order += 1
            for step in steps:
                if step["after_position"] in made:
                    record_insert(db, actor, changes, "task_dependencies", {
                        "predecessor_id": made[step["after_position"]], "successor_id": made[step["position"]],
                        "lag_days": step["lag_days"]})
    return changes


def remove_contract_tasks(db: Database, actor: Actor, contract_id: str) -> ChangeSet:
    """A cancelled contract's detailed tasks that have not started go (audited); started
    and finished ones stay as the record of work done. Called inside ``cancel_contract``."""
    if not can(actor, Action.EDIT_CONTRACTS):
        require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        for task in store.contract_tasks(db, contract_id):
            if task["status"] == TaskStatus.NOT_STARTED and task["level"] == TaskLevel.TASK:
                record_delete(db, actor, changes, "tasks", task["id"])
    return changes
