"""How far the build has come: each detailed task from its own status and dates, each event
and milestone from the detailed tasks below it (children via ``parent_id``, at any depth).

Re-exported by ``expo_desk.domain.schedule``; dates are day ordinals, inclusive.

- percent: done 100, in progress its ``percent_done`` (50 when nobody entered one),
  otherwise 0; a group weighs its tasks by their planned duration in days;
- late: the planned finish is before ``today`` and the work is not done;
- forecast finish: a done task's actual finish (its planned finish when none was
  recorded); a late task's ``today + remaining days`` (today's work is already in its
  percent, so what is left starts tomorrow at the earliest: a late task not started
  forecasts ``today + duration``); any other task its planned finish. A group forecasts
  the latest forecast of the tasks below it;
- at risk: not done and late, blocked, or forecast past the own planned finish; a group
  is at risk as soon as one task below it is late or blocked. A finished task is not at
  risk any more; that it finished late shows in its slip and in its group's forecast;
- a group is done when every detailed task below it is; a group with no detailed task
  below it is counted from its own status and dates, as a task would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from expo_desk.domain.enums import TaskLevel, TaskStatus

if TYPE_CHECKING:
    from expo_desk.domain.schedule import TaskNode

_TASK = TaskLevel.TASK.value
_MILESTONE = TaskLevel.MILESTONE.value
_DONE = TaskStatus.DONE.value
_IN_PROGRESS = TaskStatus.IN_PROGRESS.value
_BLOCKED = TaskStatus.BLOCKED.value
UNSTATED_PROGRESS = 50  # an in-progress task without a percent counts as half done


@dataclass(frozen=True, slots=True)
class RollUp:
    """Progress of one task, or of the detailed tasks below an event or milestone."""

    percent: float  # 0–100, duration-weighted over the detailed tasks below
    forecast_finish: int | None
    late: bool  # planned finish passed and not done
    at_risk: bool  # a task below is late or blocked, or the forecast is past the planned finish
    tasks: int
    done: int
    late_tasks: int
    blocked: int


def slip_days(task: TaskNode) -> int | None:
    """Days the finish (actual, else planned) lies after the baseline finish; None without both."""
    finish = task.actual_finish if task.actual_finish is not None else task.finish
    if finish is None or task.baseline_finish is None:
        return None
    return finish - task.baseline_finish


class _Below:
    """Sums over the detailed tasks below a group."""

    __slots__ = ("weight", "weighted", "forecast", "tasks", "done", "late", "blocked")

    def __init__(self) -> None:
        self.weight = self.weighted = 0
        self.forecast: int | None = None
        self.tasks = self.done = self.late = self.blocked = 0

    def add(self, other: _Below) -> None:
        self.weight += other.weight
        self.weighted += other.weighted
        if other.forecast is not None and (self.forecast is None or other.forecast > self.forecast):
            self.forecast = other.forecast
        self.tasks += other.tasks
        self.done += other.done
        self.late += other.late
        self.blocked += other.blocked


def _own(node: TaskNode, today: int) -> tuple[int, int, int | None, bool, bool]:
    """(weight in days, percent, forecast finish, late, at risk) of one row from its own fields."""
    start, finish, status = node.start, node.finish, node.status
    if node.level == _MILESTONE:
        weight = 0
    else:
        weight = max(1, finish - start + 1) if start is not None and finish is not None else 1
    if status == _DONE:
        actual = node.actual_finish
        return weight, 100, actual if actual is not None else finish, False, False
    if status == _IN_PROGRESS:
        percent = min(100, max(0, node.percent_done)) or UNSTATED_PROGRESS
    else:
        percent = 0
    if finish is not None and finish < today:
        remaining = -(-weight * (100 - percent) // 100)  # whole days, rounded up
        return weight, percent, today + max(remaining, 1 if weight else 0), True, True
    return weight, percent, finish, False, status == _BLOCKED


def roll_up(tasks: list[TaskNode], today: int) -> dict[str, RollUp]:
    """A ``RollUp`` for every row: detailed tasks from their own status and dates, events and
    milestones from the detailed tasks below them."""
    result: dict[str, RollUp] = {}
    shared: dict[tuple, RollUp] = {}  # frozen, so equal results can share one object
    direct: dict[str, _Below] = {}  # sums over the detailed tasks right under a row
    groups: list[TaskNode] = []
    own = _own
    for node in tasks:
        if node.level != _TASK:
            groups.append(node)
            continue
        weight, percent, forecast, late, at_risk = own(node, today)
        status = node.status
        key = (percent, forecast, late, at_risk, status)
        rolled = shared.get(key)
        if rolled is None:
            rolled = shared[key] = RollUp(float(percent), forecast, late, at_risk, 1, int(status == _DONE),
                                          int(late), int(status == _BLOCKED))
        result[node.id] = rolled
        parent = node.parent_id
        if parent is None:
            continue
        sums = direct.get(parent)
        if sums is None:
            sums = direct[parent] = _Below()
        sums.weight += weight
        sums.weighted += weight * percent
        if forecast is not None and (sums.forecast is None or forecast > sums.forecast):
            sums.forecast = forecast
        sums.tasks += 1
        sums.done += status == _DONE
        sums.late += late
        sums.blocked += status == _BLOCKED
    below = _carry_up(tasks, direct)
    for node in groups:
        result[node.id] = _group(node, below.get(node.id), today)
    return result


def _carry_up(tasks: list[TaskNode], direct: dict[str, _Below]) -> dict[str, _Below]:
    """Sums over every detailed task below each row: each row's direct sums added to it and
    to all its ancestors (few rows have detailed tasks right under them: events, mostly)."""
    parent_of = {t.id: t.parent_id for t in tasks}
    totals: dict[str, _Below] = {}
    for tid, sums in direct.items():
        seen: set[str] = set()
        row: str | None = tid
        while row is not None and row not in seen:  # a parent loop in bad data ends here
            seen.add(row)
            total = totals.get(row)
            if total is None:
                total = totals[row] = _Below()
            total.add(sums)
            row = parent_of.get(row)
    return totals


def _group(node: TaskNode, sums: _Below | None, today: int) -> RollUp:
    """An event or milestone: from the detailed tasks below it, or from itself when there are none."""
    if sums is None or not sums.tasks:
        _, percent, forecast, late, at_risk = _own(node, today)
        return RollUp(float(percent), forecast, late, at_risk, 0, 0, 0, 0)
    percent = sums.weighted / sums.weight if sums.weight else 100.0 * sums.done / sums.tasks
    forecast = sums.forecast if sums.forecast is not None else node.finish
    done = sums.done == sums.tasks
    late = not done and node.finish is not None and node.finish < today
    at_risk = not done and (late or sums.late > 0 or sums.blocked > 0
                            or (forecast is not None and node.finish is not None and forecast > node.finish))
    return RollUp(percent, forecast, late, at_risk, sums.tasks, sums.done, sums.late, sums.blocked)
