"""Working on build tasks: start, finish, block, tick the checklist, report problems on site,
and the planner's changes (dates, baseline).

Who may change a task: department managers and administrators any; an account manager,
design supervisor or construction executor the tasks they own and the detailed tasks of
their role that nobody owns (the same tasks "my tasks" lists for them).
Planning (dates, baseline) is for department managers and administrators. Each change is
one transaction, audited, and returns a ChangeSet. The read-only lists live in
``services.task_views`` and are re-exported here.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import TaskLevel, TaskStatus
from expo_desk.domain.permissions import ROLE_NAMES, Action, can, require
from expo_desk.domain.pricing import date_or_problem, parse_date
from expo_desk.errors import PermissionDenied, Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_insert, record_update
from expo_desk.services.task_views import board, crew_load, my_tasks, punch_list, task_detail
from expo_desk.store import records
from expo_desk.store import tasks as store
from expo_desk.store import users as user_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

__all__ = ["assign_owner", "block_task", "board", "close_problem", "crew_load", "finish_task", "my_tasks", "punch_list",
           "report_problem", "reschedule_task", "save_baseline", "set_checklist_item", "start_task", "task_detail",
           "unblock_task"]

SEVERITIES = ("low", "medium", "high", "critical")
PUNCH_CLOSING = ("fixed", "closed")


def _day(value: str | _dt.date | None, field: str) -> str:
    """An ISO date (today when empty), or a ValidationError naming the field."""
    if value is None or value == "":
        return _dt.date.today().isoformat()
    text = parse_date(value)
    if text is None:
        raise ValidationError([Problem(field, f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{value}'")])
    return text


def _task_or_error(db: Database, task_id: str) -> dict:
    task = store.get_task(db, task_id)
    if task is None:
        raise UserError("任务不存在 / this task no longer exists")
    return task


def may_update(actor: Actor, task: dict) -> bool:
    """Managers any task; the three build roles what they own, and the detailed tasks of their
    role nobody owns yet (events and milestones roll up from their tasks: the planners')."""
    if not can(actor, Action.UPDATE_BUILD_TASKS):
        return False
    if can(actor, Action.PLAN_SCHEDULE):
        return True
    if task["owner_id"] is not None:
        return task["owner_id"] == actor.user_id
    return task["level"] == TaskLevel.TASK and task["role"] == actor.role.value


def _updatable(db: Database, actor: Actor, task_id: str) -> dict:
    """The task, once the actor may change it."""
    require(actor, Action.UPDATE_BUILD_TASKS)
    task = _task_or_error(db, task_id)
    if not may_update(actor, task):
        owner = user_store.display_name(db, task["owner_id"]) if task["owner_id"] else None
        whose = owner or ROLE_NAMES.get(task["role"], "-").split()[0]
        whose_en = owner or ("the " + ROLE_NAMES[task["role"]].split(" ", 1)[1] if task["role"] else "the planners")
        raise PermissionDenied(f"「{task['name']}」属于{whose}，{actor.name} 无权修改 / '{task['name']}' belongs to "
                               f"{whose_en}; {actor.name} may not change it")
    return task


def _write(db: Database, actor: Actor, task_id: str, values: dict) -> ChangeSet:
    changes = ChangeSet()
    record_update(db, actor, changes, "tasks", task_id, values)
    return changes


def start_task(db: Database, actor: Actor, task_id: str, on: str | None = None) -> ChangeSet:
    """In progress from ``on`` (default today)."""
    day = _day(on, "actual_start")
    with transaction(db):
        task = _updatable(db, actor, task_id)
        if task["status"] == TaskStatus.DONE:
            raise UserError(f"「{task['name']}」已完成 / '{task['name']}' is already done")
        if task["status"] == TaskStatus.BLOCKED:
            raise UserError(f"「{task['name']}」受阻：{task['blocked_reason']}；请先解除 / '{task['name']}' is "
                            "blocked: unblock it first")
        return _write(db, actor, task_id, {"status": TaskStatus.IN_PROGRESS.value,
                                           "actual_start": task["actual_start"] or day})


def finish_task(db: Database, actor: Actor, task_id: str, on: str | None = None) -> ChangeSet:
    """Done on ``on`` (default today), at 100 %; a task never started starts that day too."""
    day = _day(on, "actual_finish")
    with transaction(db):
        task = _updatable(db, actor, task_id)
        started = task["actual_start"] or day
        if day < started:
            raise ValidationError([Problem("actual_finish", f"完成日期 {day} 早于开始日期 {started} / the finish "
                                                            f"{day} is before the start {started}")])
        return _write(db, actor, task_id, {"status": TaskStatus.DONE.value, "actual_start": started,
                                           "actual_finish": day, "percent_done": 100, "blocked_reason": ""})


def block_task(db: Database, actor: Actor, task_id: str, reason: str) -> ChangeSet:
    """Blocked, with the reason everyone sees (required)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError([Problem("blocked_reason", "请填写受阻原因 / give the reason it is blocked")])
    with transaction(db):
        task = _updatable(db, actor, task_id)
        if task["status"] == TaskStatus.DONE:
            raise UserError(f"「{task['name']}」已完成 / '{task['name']}' is already done")
        return _write(db, actor, task_id, {"status": TaskStatus.BLOCKED.value, "blocked_reason": reason})


def unblock_task(db: Database, actor: Actor, task_id: str) -> ChangeSet:
    """Back to in progress (when it had started) or not started; the reason is cleared."""
    with transaction(db):
        task = _updatable(db, actor, task_id)
        if task["status"] != TaskStatus.BLOCKED:
            return ChangeSet()
        status = TaskStatus.IN_PROGRESS if task["actual_start"] else TaskStatus.NOT_STARTED
        return _write(db, actor, task_id, {"status": status.value, "blocked_reason": ""})


def set_checklist_item(db: Database, actor: Actor, item_id: str, done: bool) -> ChangeSet:
    """Tick (or untick) an item; an unfinished task's percent done follows its checklist."""
    with transaction(db):
        item = store.get_checklist_item(db, item_id)
        if item is None:
            raise UserError("清单项不存在 / this checklist item no longer exists")
        task = _updatable(db, actor, item["task_id"])
        changes = ChangeSet()
        _, new = records.update(db, actor, "task_checklist_items", item_id, {
            "done": int(bool(done)), "done_by": actor.user_id if done else None,
            "done_at": records.utc_now() if done else None})
        if not new:
            return changes
        changes.add("updated", "task_checklist_items", item_id)
        if task["status"] != TaskStatus.DONE:
            ticked, total = store.checklist_counts(db, task["id"])
            changes.merge(_write(db, actor, task["id"], {"percent_done": min(99, 100 * ticked // total)}))
    return changes


# ---------------------------------------------------------------- the punch list


def report_problem(db: Database, actor: Actor, show_id: str, *, description: str, severity: str,
                   task_id: str | None = None, booth_id: str | None = None, photo_path: str = "") -> ChangeSet:
    """A problem found on site (punch list), optionally on a task or booth, with a photo."""
    require(actor, Action.UPDATE_BUILD_TASKS)
    problems: list[Problem] = []
    description = (description or "").strip()
    photo_path = str(photo_path or "").strip()
    if not description:
        problems.append(Problem("description", "请描述问题 / describe the problem"))
    if severity not in SEVERITIES:
        problems.append(Problem("severity", f"严重程度应为 {'/'.join(SEVERITIES)} / severity must be one of "
                                            f"{', '.join(SEVERITIES)}: '{severity}'"))
    if photo_path and not Path(photo_path).is_file():
        problems.append(Problem("photo_path", f"照片文件不存在 / the photo file does not exist: {photo_path}"))
    changes = ChangeSet()
    with transaction(db):
        task = store.get_task(db, task_id) if task_id else None
        if task_id and (task is None or task["show_id"] != show_id):
            problems.append(Problem("task_id", "任务不属于此展会 / the task is not in this show"))
        booth_id = booth_id or (task["booth_id"] if task else None)
        if booth_id and not store.booth_in_show(db, booth_id, show_id):
            problems.append(Problem("booth_id", "展位不属于此展会 / the booth is not in this show"))
        if problems:
            raise ValidationError(problems)
        record_insert(db, actor, changes, "punch_items", {
            "show_id": show_id, "task_id": task_id or None, "booth_id": booth_id, "severity": severity,
            "description": description, "photo_path": photo_path, "reported_by": actor.user_id,
            "reported_at": records.utc_now()})
    return changes


def close_problem(db: Database, actor: Actor, punch_id: str, status: str) -> ChangeSet:
    """``fixed`` by whoever repaired it; ``closed`` (checked and done with) by the person who
    reported it or a manager."""
    require(actor, Action.UPDATE_BUILD_TASKS)
    if status not in PUNCH_CLOSING:
        raise ValidationError([Problem("status", f"状态应为 fixed 或 closed / status must be fixed or closed: "
                                                 f"'{status}'")])
    with transaction(db):
        item = store.get_punch_item(db, punch_id)
        if item is None:
            raise UserError("问题记录不存在 / this problem record no longer exists")
        if status == "closed" and not can(actor, Action.PLAN_SCHEDULE) and item["reported_by"] != actor.user_id:
            raise PermissionDenied(f"只有报告人或经理可以关闭问题 / only the person who reported it or a manager may "
                                   f"close it; {actor.name} may mark it fixed")
        values = {"status": status}
        if not item["fixed_at"]:
            values["fixed_at"] = records.utc_now()
        changes = ChangeSet()
        record_update(db, actor, changes, "punch_items", punch_id, values)
    return changes


# ---------------------------------------------------------------- planning


def reschedule_task(db: Database, actor: Actor, task_id: str, planned_start: str, planned_finish: str) -> ChangeSet:
    """New planned dates (planners only); the finish may not come before the start, and a
    milestone is one day."""
    require(actor, Action.PLAN_SCHEDULE)
    problems: list[Problem] = []
    start = date_or_problem(planned_start, "planned_start", problems)
    finish = date_or_problem(planned_finish, "planned_finish", problems)
    if start and finish and finish < start:
        problems.append(Problem("planned_finish", f"完成日期 {finish} 早于开始日期 {start} / the finish {finish} is "
                                                  f"before the start {start}"))
    with transaction(db):
        task = _task_or_error(db, task_id)
        if start and finish and task["level"] == TaskLevel.MILESTONE and start != finish:
            problems.append(Problem("planned_finish", "里程碑的开始与完成须为同一天 / a milestone starts and finishes "
                                                      "on the same day"))
        if problems:
            raise ValidationError(problems)
        return _write(db, actor, task_id, {"planned_start": start, "planned_finish": finish})


def assign_owner(db: Database, actor: Actor, task_id: str, owner_id: str | None) -> ChangeSet:
    """Give a task to a person of its role (planners only); ``None`` leaves it to the role."""
    require(actor, Action.PLAN_SCHEDULE)
    with transaction(db):
        task = _task_or_error(db, task_id)
        if owner_id:
            person = user_store.get_user(db, owner_id)
            if person is None or not person["active"] or (task["role"] and person["role"] != task["role"]):
                whose = ROLE_NAMES.get(task["role"], "-")
                raise ValidationError([Problem("owner_id", f"负责人须为在职的{whose.split()[0]} / the owner must be an "
                                                           f"active {whose.split(' ', 1)[-1]}")])
        return _write(db, actor, task_id, {"owner_id": owner_id or None})


def save_baseline(db: Database, actor: Actor, show_id: str) -> ChangeSet:
    """The plan as it stands becomes the baseline that slips are measured against."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        differing = store.baseline_changes(db, show_id)
        store.copy_plan_to_baseline(db, [r["id"] for r in differing])
        for row in differing:
            records.audit(db, actor, "update", "tasks", row["id"],
                          {"baseline_start": row["baseline_start"], "baseline_finish": row["baseline_finish"]},
                          {"baseline_start": row["planned_start"], "baseline_finish": row["planned_finish"]})
            changes.add("updated", "tasks", row["id"])
    return changes
