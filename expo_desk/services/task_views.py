"""What people look at in the build schedule: my tasks by when they are due, the board of a
role, the construction crew's load by day (with clashes), one task in full, the punch list.

Reading only; the changes are in ``services.tasks``.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role, TaskStatus
from expo_desk.domain.pricing import date_or_problem, parse_date
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.store import tasks as store

if TYPE_CHECKING:
    from expo_desk.store.db import Database

BUCKETS = ("overdue", "today", "this_week", "later")
WEEK_DAYS = 7  # "this week": today and the six days after it
MAX_CREW_DAYS = 62  # the crew's load is a planning view of weeks, not of the whole year


def _iso(value: str | _dt.date, field: str) -> str:
    text = parse_date(value)
    if text is None:
        raise ValidationError([Problem(field, f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{value}'")])
    return text


def _plus(day: str, days: int) -> str:
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()


def _bucket(row: dict, today: str, week_end: str) -> str:
    start, finish = row["planned_start"], row["planned_finish"]
    if finish and finish < today:
        return "overdue"
    if (start and start <= today) or row["status"] != TaskStatus.NOT_STARTED:
        return "today"
    if start and start <= week_end:
        return "this_week"
    return "later"


def my_tasks(db: Database, actor: Actor, show_id: str, today: str) -> dict[str, list[dict]]:
    """The signed-in person's open tasks: those they own, plus detailed tasks of their role
    that nobody owns, as ``{"overdue", "today", "this_week", "later"}``, soonest due first.

    overdue: planned finish before today; today: planned to have started, or already
    started or blocked; this_week: starting within the next six days; later: the rest.
    """
    day = _iso(today, "today")
    week_end = _plus(day, WEEK_DAYS - 1)
    found: dict[str, list[dict]] = {name: [] for name in BUCKETS}
    role = actor.role.value if actor.role in (Role.ACCOUNT_MANAGER, Role.DESIGN_SUPERVISOR,
                                              Role.CONSTRUCTION_EXECUTOR) else None
    for row in store.open_tasks_for(db, show_id, actor.user_id, role):
        found[_bucket(row, day, week_end)].append(row)
    return found


def board(db: Database, show_id: str, role: str, *, hall_id: str | None = None,
          limit_per_column: int = 500) -> dict[str, list[dict]]:
    """A role's detailed tasks in one column per status, soonest due first, at most
    ``limit_per_column`` each (``board_counts`` gives the full numbers)."""
    if role not in (Role.ACCOUNT_MANAGER, Role.DESIGN_SUPERVISOR, Role.CONSTRUCTION_EXECUTOR):
        raise ValidationError([Problem("role", f"角色无效 / unknown role: '{role}'")])
    return {status.value: store.board_column(db, show_id, role, status.value, hall_id=hall_id,
                                             limit=limit_per_column) for status in TaskStatus}


def board_counts(db: Database, show_id: str, role: str) -> dict[str, int]:
    """How many detailed tasks of the role are in each status (the board shows at most a page)."""
    counts = store.count_by_status(db, show_id, role)
    return {status.value: counts.get(status.value, 0) for status in TaskStatus}


def crew_load(db: Database, show_id: str, first_day: str, last_day: str) -> list[dict]:
    """Each construction executor's tasks day by day, and the days they are booked on two
    different booths at once (``clashes``: day → the ids of the tasks that collide).

    Finished tasks still show on their days but no longer clash.
    """
    problems: list[Problem] = []
    first = date_or_problem(first_day, "first_day", problems)
    last = date_or_problem(last_day, "last_day", problems)
    if first and last and last < first:
        problems.append(Problem("last_day", "结束日期早于开始日期 / the last day is before the first"))
    if problems:
        raise ValidationError(problems)
    span = (_dt.date.fromisoformat(last) - _dt.date.fromisoformat(first)).days + 1
    if span > MAX_CREW_DAYS:
        raise UserError(f"一次最多查看 {MAX_CREW_DAYS} 天 / show at most {MAX_CREW_DAYS} days at a time")
    days = [_plus(first, i) for i in range(span)]
    crew = store.active_users(db, Role.CONSTRUCTION_EXECUTOR.value)
    load = {person["id"]: {"user_id": person["id"], "name": person["display_name"],
                           "days": {d: [] for d in days}, "clashes": {}} for person in crew}
    for task in store.crew_tasks(db, show_id, list(load), first, last):
        booked = load[task["owner_id"]]["days"]
        for d in days[bisect_left(days, task["planned_start"]):bisect_right(days, task["planned_finish"])]:
            booked[d].append(task)
    for person in load.values():
        for d, tasks in person["days"].items():
            working = [t for t in tasks if t["booth_id"] and t["status"] != TaskStatus.DONE]
            if len({t["booth_id"] for t in working}) > 1:
                person["clashes"][d] = [t["id"] for t in working]
    return list(load.values())


def task_detail(db: Database, task_id: str) -> dict:
    """One task in full: ``{"task", "checklist", "predecessors", "successors", "punch_items"}``."""
    row = store.task_row(db, task_id)
    if row is None:
        raise UserError("任务不存在 / this task no longer exists")
    return {"task": row, "checklist": store.checklist(db, task_id), "predecessors": store.predecessors(db, task_id),
            "successors": store.successors(db, task_id), "punch_items": store.task_punch_items(db, task_id)}


def punch_list(db: Database, show_id: str, status: str | None = "open") -> list[dict]:
    """Problems found on site, most severe first (all of them when ``status`` is None)."""
    return store.punch_items(db, show_id, status)
