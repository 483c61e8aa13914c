"""The schedule as a whole: every task with the critical path and the roll-up of progress
(for the Gantt chart), and the summary management reads (for the progress report).

The arithmetic is ``domain.schedule``'s; this module loads the rows, turns ISO dates into
day ordinals for it and turns the answers back into rows.
"""

from __future__ import annotations

import datetime as _dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from expo_desk.domain.enums import Role, TaskLevel, TaskStatus
from expo_desk.domain.pricing import parse_date
from expo_desk.domain.schedule import Link, ScheduleCycle, TaskNode, critical_path, roll_up
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.store import tasks as store

if TYPE_CHECKING:
    from expo_desk.domain.schedule import Cpm, RollUp
    from expo_desk.store.db import Database

LEVELS = (TaskLevel.MILESTONE.value, TaskLevel.EVENT.value, TaskLevel.TASK.value)
ROLES = (Role.ACCOUNT_MANAGER.value, Role.DESIGN_SUPERVISOR.value, Role.CONSTRUCTION_EXECUTOR.value)
_TASK = TaskLevel.TASK.value


def _today(today: str | _dt.date) -> int:
    text = parse_date(today)
    if text is None:
        raise ValidationError([Problem("today", f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{today}'")])
    return _dt.date.fromisoformat(text).toordinal()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while millions of rows, nodes and dates are made: none of
    them forms a cycle, and its repeated passes over them doubled the time on 750,000 tasks."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class _Days(dict):
    """ISO date → day ordinal, each distinct date parsed once (a big show has a few hundred)."""

    def __missing__(self, text: str | None) -> int | None:
        value = None if text is None else _dt.date.fromisoformat(text).toordinal()
        self[text] = value
        return value


def _iso(ordinal: int | None) -> str | None:
    return None if ordinal is None else _dt.date.fromordinal(ordinal).isoformat()


def _with_ancestors(rows: list[dict], nodes: list[TaskNode]) -> tuple[list[dict], list[TaskNode]]:
    """The detailed tasks loaded and only those events and milestones above them."""
    parent_of = {n.id: n.parent_id for n in nodes}
    keep: set[str] = set()
    for node in nodes:
        if node.level == _TASK:
            current: str | None = node.id
            while current is not None and current not in keep:
                keep.add(current)
                current = parent_of.get(current)
    kept = [i for i, n in enumerate(nodes) if n.id in keep]
    return [rows[i] for i in kept], [nodes[i] for i in kept]


def _load(db: Database, show_id: str, hall_id: str | None) -> tuple[list[dict], list[TaskNode], list[tuple]]:
    """Rows, the nodes the arithmetic takes (the first ten columns) and the links among them."""
    names, table = store.schedule_table(db, show_id, hall_id)
    day = _Days()
    nodes = [TaskNode(r[0], r[1], r[2], day[r[3]], day[r[4]], r[5], day[r[6]], day[r[7]], day[r[8]], r[9])
             for r in table]
    rows = [dict(zip(names, r)) for r in table]
    if hall_id:
        rows, nodes = _with_ancestors(rows, nodes)
    ids = {n.id for n in nodes}
    links = [link for link in store.all_links(db) if link[1] in ids and link[0] in ids]
    return rows, nodes, links


def _critical_path(db: Database, nodes: list[TaskNode], links: list[tuple]):
    try:
        return critical_path(nodes, [Link(p, s, lag) for p, s, lag in links])
    except ScheduleCycle as exc:
        names = " → ".join((store.get_task(db, tid) or {"name": tid})["name"] for tid in exc.task_ids)
        raise UserError(f"任务之间存在循环依赖：{names} / the tasks depend on each other in a circle: {names}") from exc


def schedule_view(db: Database, show_id: str, today: str, *, hall_id: str | None = None,
                  levels: tuple[str, ...] = LEVELS) -> dict:
    """``{"tasks", "links", "cpm", "rollup", "today"}`` for the Gantt chart.

    ``tasks`` are row dicts (with booth_number, hall_code, owner_name) of the given levels;
    the critical path and roll-up are worked out over every task of the show (of the hall
    when ``hall_id`` is given: its tasks and the events and milestones above them).
    """
    today_day = _today(today)
    with _collector_paused():
        found, nodes, links = _load(db, show_id, hall_id)
        cpm = _critical_path(db, nodes, links)
        rollup = roll_up(nodes, today_day)
    shown = found if set(levels) >= set(LEVELS) else [r for r in found if r["level"] in levels]
    return {"tasks": shown, "links": [tuple(link) for link in links], "cpm": cpm, "rollup": rollup,
            "today": today_day}


# ---------------------------------------------------------------- the summary for management


def _figures(rolled: RollUp) -> dict:
    return {"percent": rolled.percent, "forecast_finish": _iso(rolled.forecast_finish), "late": rolled.late,
            "at_risk": rolled.at_risk, "tasks": rolled.tasks, "done": rolled.done, "late_tasks": rolled.late_tasks,
            "blocked": rolled.blocked}


def _group_row(row: dict, rolled: RollUp) -> dict:
    """An event or milestone with its roll-up; done once every task below it is."""
    done = rolled.tasks > 0 and rolled.done == rolled.tasks
    status = TaskStatus.DONE.value if done else row["status"]
    actual = _iso(rolled.forecast_finish) if done else row["actual_finish"]
    return {**row, **_figures(rolled), "status": status, "actual_finish": actual}


def _weight(node: TaskNode) -> int:
    """A detailed task's planned days (finish − start + 1), one when undated."""
    if node.start is None or node.finish is None:
        return 1
    return max(1, node.finish - node.start + 1)


def _by_role(rows: list[dict], nodes: list[TaskNode], rollup: dict[str, RollUp]) -> tuple[dict, list[dict]]:
    """The whole show's progress and each role's: counts, and percent weighed by planned days
    as an event's roll-up weighs its tasks."""
    sums = {role: [0, 0, 0, 0, 0, 0] for role in ("", *ROLES)}  # tasks, done, late, blocked, days, weighted days
    for row, node in zip(rows, nodes):
        if node.level != _TASK:
            continue
        rolled, weight = rollup[node.id], _weight(node)
        for key in ("", row["role"]):
            if key not in sums:
                continue
            total = sums[key]
            total[0] += 1
            total[1] += rolled.done
            total[2] += rolled.late_tasks
            total[3] += rolled.blocked
            total[4] += weight
            total[5] += weight * rolled.percent

    def figures(key: str) -> dict:
        tasks, done, late, blocked, days, weighted = sums[key]
        return {"tasks": tasks, "done": done, "late": late, "blocked": blocked,
                "percent": weighted / days if days else 0.0}

    overall = figures("")
    overall["late_tasks"] = overall.pop("late")
    return overall, [{"role": role, **figures(role)} for role in ROLES]


def progress_summary(db: Database, show_id: str, today: str) -> dict:
    """What management reads: ``overall`` progress; ``milestones`` and ``events`` with status,
    forecast and risk; ``issues`` (late or blocked tasks, late or at-risk events and
    milestones); the ``critical_path`` in working order; ``roles`` (tasks, done, late,
    percent per role); open ``punch`` items by severity; ``project_finish``; ``today``."""
    today_day = _today(today)
    with _collector_paused():
        found, nodes, links = _load(db, show_id, None)
        cpm = _critical_path(db, nodes, links)
        rollup = roll_up(nodes, today_day)
        return _summary(db, show_id, today_day, found, nodes, cpm, rollup)


def _summary(db: Database, show_id: str, today_day: int, found: list[dict], nodes: list[TaskNode], cpm: Cpm,
             rollup: dict[str, RollUp]) -> dict:
    by_id = {r["id"]: r for r in found}
    groups = {level: [_group_row(r, rollup[r["id"]]) for r in found if r["level"] == level]
              for level in (TaskLevel.MILESTONE.value, TaskLevel.EVENT.value)}
    for rows in groups.values():
        rows.sort(key=lambda r: (r["planned_finish"] or "9999", r["sort_order"]))
    issues = []
    for group in (*groups["milestone"], *groups["event"]):
        if group["status"] != TaskStatus.DONE and (group["late"] or group["at_risk"]):
            finish = _dt.date.fromisoformat(group["planned_finish"]).toordinal() if group["late"] else today_day
            issues.append({**group, "days_late": today_day - finish})
    for row, node in zip(found, nodes):
        rolled = rollup[node.id]
        if node.level == _TASK and (rolled.late or node.status == TaskStatus.BLOCKED):
            days_late = today_day - node.finish if rolled.late else 0
            issues.append({**row, **_figures(rolled), "days_late": days_late})
    issues.sort(key=lambda r: (r["planned_finish"] or "9999", r["sort_order"]))
    path = [{**by_id[tid], "early_start": _iso(cpm.early_start[tid]), "early_finish": _iso(cpm.early_finish[tid]),
             "late_start": _iso(cpm.late_start[tid]), "late_finish": _iso(cpm.late_finish[tid]),
             "total_float": cpm.total_float[tid]} for tid in cpm.ordered_critical()]
    overall, roles = _by_role(found, nodes, rollup)
    return {"today": _iso(today_day), "overall": overall, "milestones": groups["milestone"],
            "events": groups["event"], "issues": issues, "critical_path": path, "roles": roles,
            "punch": store.open_punch_counts(db, show_id),
            "project_finish": _iso(cpm.project_finish) if path or cpm.early_finish else None}
