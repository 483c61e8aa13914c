"""The build schedule's arithmetic: the critical path of the detailed tasks and the roll-up
of progress to events and milestones (the roll-up lives in ``schedule_rollup``).

Dates are day ordinals (``date.toordinal()``), inclusive, calendar days: a task planned
from day 10 to day 12 takes three days. Links are finish-to-start with a lag in days,
which may be negative (the successor may start before its predecessor finishes).

How the days are counted, so that a zero-duration milestone works out. Internally every
node is placed by two instants, both "the end of day N": it starts at the end of day
``S`` and finishes at the end of day ``F = S + duration``. A detailed task therefore
works on days ``S + 1 .. F`` and is reported with early start ``S + 1`` and early finish
``F``; a milestone (duration 0) starts and finishes at the end of its day ``F`` and is
reported with start = finish = ``F``. A link ``P → Q`` with lag ``L`` asks ``Q`` to
start no earlier than ``P``'s finish instant plus ``L``:

- task after task: ``Q`` works from day ``P.finish + L + 1`` (lag 0: the next day);
- milestone after task: the milestone's early finish is ``P.finish + L`` (the same day
  at lag 0: the milestone is reached when the task ends);
- task after milestone: the task works from the day after the milestone (+ ``L``).

Each node's own planned start is a "start no earlier than" constraint (a milestone's
date is a "finish no earlier than"). A node without planned dates takes one day (a
milestone: zero) and is held at ``project_start``, otherwise its predecessors decide.
The pass works on the plan: status and actual dates move nothing here (the roll-up's
forecast is where they count). Events are summary rows and stay out of the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate
from operator import attrgetter

from expo_desk.domain.enums import TaskLevel
from expo_desk.domain.schedule_rollup import RollUp, roll_up, slip_days

__all__ = ["Cpm", "Link", "RollUp", "ScheduleCycle", "TaskNode", "critical_path", "roll_up", "slip_days"]

_TASK = TaskLevel.TASK.value
_MILESTONE = TaskLevel.MILESTONE.value


@dataclass(frozen=True, slots=True)
class TaskNode:
    """One row of the schedule as the arithmetic needs it (dates as ordinals)."""

    id: str
    parent_id: str | None
    level: str  # 'milestone' | 'event' | 'task'
    start: int | None  # planned start
    finish: int | None  # planned finish (inclusive)
    status: str  # not_started | in_progress | blocked | done
    actual_start: int | None = None
    actual_finish: int | None = None
    baseline_finish: int | None = None
    percent_done: int = 0  # 0–100, used for in-progress tasks


@dataclass(frozen=True, slots=True)
class Link:
    """Finish-to-start: ``successor`` starts ``lag_days`` after ``predecessor`` finishes."""

    predecessor: str
    successor: str
    lag_days: int = 0


@dataclass
class Cpm:
    """The critical path method's result, by task id (dates as ordinals, inclusive)."""

    early_start: dict[str, int] = field(default_factory=dict)
    early_finish: dict[str, int] = field(default_factory=dict)
    late_start: dict[str, int] = field(default_factory=dict)
    late_finish: dict[str, int] = field(default_factory=dict)
    total_float: dict[str, int] = field(default_factory=dict)
    critical: set[str] = field(default_factory=set)  # total float <= 0
    project_finish: int = 0

    def ordered_critical(self) -> list[str]:
        """The critical tasks in the order they are worked (early start, then early finish)."""
        es, ef = self.early_start, self.early_finish
        return sorted(self.critical, key=lambda tid: (es[tid], ef[tid], tid))


class ScheduleCycle(ValueError):
    """The links go round in a circle, so no order of work exists; ``task_ids`` name the circle."""

    def __init__(self, task_ids: list[str]):
        self.task_ids = tuple(task_ids)
        ring = " → ".join([*self.task_ids, self.task_ids[0]]) if self.task_ids else ""
        super().__init__(f"任务之间存在循环依赖：{ring} / the tasks depend on each other in a circle: {ring}")


_PREDECESSOR = attrgetter("predecessor")
_SUCCESSOR = attrgetter("successor")
_LAG = attrgetter("lag_days")
_START = attrgetter("start")
_FINISH = attrgetter("finish")


def _network(tasks: list[TaskNode], links: list[Link]):
    """The nodes (detailed tasks, then milestones that have links) and the links between them
    as int positions. Links touching anything else (events, unknown ids) are left out."""
    nodes = [t for t in tasks if t.level == _TASK]
    index = {t.id: i for i, t in enumerate(nodes)}
    pred_ids = list(map(_PREDECESSOR, links))
    succ_ids = list(map(_SUCCESSOR, links))
    preds = list(map(index.get, pred_ids))
    succs = list(map(index.get, succ_ids))
    lags = list(map(_LAG, links))
    if None in preds or None in succs:  # milestones, events or strangers at one end
        milestones = {t.id: t for t in tasks if t.level == _MILESTONE}
        for tid in (*pred_ids, *succ_ids):
            if tid not in index and tid in milestones:
                index[tid] = len(nodes)
                nodes.append(milestones[tid])
        preds = list(map(index.get, pred_ids))
        succs = list(map(index.get, succ_ids))
        kept = [k for k, (p, s) in enumerate(zip(preds, succs)) if p is not None and s is not None]
        preds = [preds[k] for k in kept]
        succs = [succs[k] for k in kept]
        lags = [lags[k] for k in kept]
    return nodes, preds, succs, lags


def _durations_and_starts(nodes: list[TaskNode], project_start: int) -> tuple[list[int], list[int]]:
    """Days of work (finish − start + 1, at least 1; 1 undated; 0 for a milestone) and the
    start instant each node may not precede (its own planned start, else ``project_start``)."""
    starts = list(map(_START, nodes))
    finishes = list(map(_FINISH, nodes))
    duration = [f - s + 1 if s is not None and f is not None and f > s else 1 for s, f in zip(starts, finishes)]
    start = [(s if s is not None else f if f is not None else project_start) - 1 for s, f in zip(starts, finishes)]
    for i, t in enumerate(nodes):
        if t.level == _MILESTONE:  # zero days, held to its date: the end of that day
            day = t.finish if t.finish is not None else t.start
            duration[i] = 0
            start[i] = project_start if day is None else day
    return duration, start


def _default_start(tasks: list[TaskNode], nodes: list[TaskNode]) -> int | None:
    """The earliest planned date of the network, else of anything in the schedule (ordinals are > 0)."""
    for group in (nodes, tasks):
        earliest = min((*filter(None, map(_START, group)), *filter(None, map(_FINISH, group))), default=None)
        if earliest is not None:
            return earliest
    return None


def _successors(n: int, preds: list[int], succs: list[int], lags: list[int]):
    """Links grouped by predecessor (compressed rows): node ``v``'s successors and lags are
    ``next_node[first[v]:first[v + 1]]`` and ``next_lag[...]`` — no list per node."""
    by_pred = sorted(range(len(preds)), key=preds.__getitem__)
    next_node = list(map(succs.__getitem__, by_pred))
    next_lag = list(map(lags.__getitem__, by_pred))
    count = [0] * (n + 1)
    for p in preds:
        count[p + 1] += 1
    return list(accumulate(count)), next_node, next_lag


def critical_path(tasks: list[TaskNode], links: list[Link], *, project_start: int | None = None) -> Cpm:
    """Forward and backward pass over the detailed tasks and the milestones that have links.

    Events are summary rows (their dates come from their children) and are left out.
    Late dates are measured from the latest early finish (``project_finish``). A task
    without dates is held at ``project_start`` (default: the earliest planned date given).
    Raises ``ScheduleCycle`` when the links go round in a circle.
    """
    nodes, preds, succs, lags = _network(tasks, links)
    n = len(nodes)
    if project_start is None:
        project_start = _default_start(tasks, nodes)
    if not n:
        return Cpm(project_finish=project_start or 0)
    if project_start is None:
        raise ValueError("critical_path needs project_start when no task has a planned date")
    duration, start = _durations_and_starts(nodes, project_start)
    first, next_node, next_lag = _successors(n, preds, succs, lags)
    indegree = [0] * n
    for s in succs:
        indegree[s] += 1

    # forward pass fused with Kahn's order: a node is final once its last predecessor is
    finish = [0] * n
    order = [i for i in range(n) if not indegree[i]]
    for v in order:  # the list grows while it is read
        f = start[v] + duration[v]
        finish[v] = f
        a, b = first[v], first[v + 1]
        if a == b:
            continue
        for k in range(a, b):
            s = next_node[k]
            candidate = f + next_lag[k]
            if candidate > start[s]:
                start[s] = candidate
            left = indegree[s] - 1
            indegree[s] = left
            if not left:
                order.append(s)
    if len(order) < n:
        raise ScheduleCycle([nodes[i].id for i in _find_cycle(indegree, preds, succs)])

    # backward pass over the same order, reversed
    project_finish = max(finish)
    late_finish = [project_finish] * n
    late_start = [0] * n  # late start instant
    for v in reversed(order):
        a, b = first[v], first[v + 1]
        if a != b:
            lf = project_finish
            for k in range(a, b):
                candidate = late_start[next_node[k]] - next_lag[k]
                if candidate < lf:
                    lf = candidate
            late_finish[v] = lf
        late_start[v] = late_finish[v] - duration[v]
    return _result(nodes, duration, start, finish, late_start, late_finish, project_finish)


def _result(nodes, duration, start, finish, late_start, late_finish, project_finish) -> Cpm:
    """Instants to reported days: a task's first working day is the day after its start instant."""
    ids = [t.id for t in nodes]
    worked = [1 if d else 0 for d in duration]
    floats = [lf - f for lf, f in zip(late_finish, finish)]
    return Cpm(
        early_start=dict(zip(ids, map(int.__add__, start, worked))),
        early_finish=dict(zip(ids, finish)),
        late_start=dict(zip(ids, map(int.__add__, late_start, worked))),
        late_finish=dict(zip(ids, late_finish)),
        total_float=dict(zip(ids, floats)),
        critical={tid for tid, slack in zip(ids, floats) if slack <= 0},
        project_finish=project_finish,
    )


def _find_cycle(indegree: list[int], preds: list[int], succs: list[int]) -> list[int]:
    """One circle among the nodes Kahn's order could not reach, in link order.

    Every such node still has a predecessor that was not reached either, so walking from
    one of them to such a predecessor, again and again, must come back to a node seen.
    """
    back: dict[int, int] = {}
    for p, s in zip(preds, succs):
        if indegree[s] and indegree[p] and s not in back:
            back[s] = p
    v = min(back)
    seen: dict[int, int] = {}
    walk: list[int] = []
    while v not in seen:
        seen[v] = len(walk)
        walk.append(v)
        v = back[v]
    ring = walk[seen[v]:]
    ring.reverse()  # the walk went against the links
    first = ring.index(min(ring))  # begin with the task given first, whatever node the walk began at
    return ring[first:] + ring[:first]
