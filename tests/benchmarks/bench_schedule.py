"""How fast the critical path and the progress roll-up run on a demo show's whole schedule,
against a same-run baseline.

Run on demand (not part of the normal test run):

    uv run python tests/benchmarks/bench_schedule.py            # tiers M and L
    uv run python tests/benchmarks/bench_schedule.py S M L XL   # chosen tiers
    uv run pytest tests/benchmarks/bench_schedule.py -s         # M and L (XL with EXPO_DESK_BENCH_XL=1)

For each tier it writes the demo file (``write_demo``; tier L holds ~750,000 tasks and
~720,000 links), reads every task and link with plain SQL, turns the ISO dates into day
ordinals and builds the ``TaskNode`` and ``Link`` lists, then times ``critical_path`` and
``roll_up`` on them (median of a few runs). The baseline, timed the same way on the same
lists, is the least any pass over the network has to do in Python: one dict of the tasks
by id and a look-up of both ends of every link.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from timing import median_s, run_tiers, tiers_for_pytest

from expo_desk.domain.schedule import Link, TaskNode, critical_path, roll_up
from expo_desk.services import demo

REPEAT = 3
TIER_NAMES = ("M", "L")
TASK_COLUMNS = ("id, parent_id, level, planned_start, planned_finish, status, actual_start, actual_finish,"
                " baseline_finish, percent_done")


def _median_s(call: Callable[[], object], repeat: int = REPEAT) -> float:
    return median_s(call, repeat, warm=False)


def read_schedule(path: Path) -> tuple[list[tuple], list[tuple]]:
    """Every task and link of the file, as plain rows."""
    conn = sqlite3.connect(path)
    try:
        tasks = conn.execute(f"SELECT {TASK_COLUMNS} FROM tasks ORDER BY sort_order").fetchall()
        links = conn.execute("SELECT predecessor_id, successor_id, lag_days FROM task_dependencies").fetchall()
    finally:
        conn.close()
    return tasks, links


def build(task_rows: list[tuple], link_rows: list[tuple]) -> tuple[list[TaskNode], list[Link]]:
    """ISO dates to ordinals (a show has a few hundred distinct dates: each is parsed once)."""
    ordinals: dict[str | None, int | None] = {None: None}

    def day(text: str | None) -> int | None:
        value = ordinals.get(text)
        if value is None and text is not None:
            value = ordinals[text] = date.fromisoformat(text).toordinal()
        return value

    tasks = [TaskNode(tid, parent, level, day(start), day(finish), status, day(a_start), day(a_finish),
                      day(baseline), percent or 0)
             for tid, parent, level, start, finish, status, a_start, a_finish, baseline, percent in task_rows]
    return tasks, [Link(p, s, lag) for p, s, lag in link_rows]


def baseline_pass(tasks: list[TaskNode], links: list[Link]) -> int:
    """One dict of the tasks by id, both ends of every link looked up: the floor of a pass."""
    finish = {t.id: t.finish or 0 for t in tasks}
    total = 0
    for link in links:
        total += finish[link.predecessor] + link.lag_days - finish[link.successor]
    return total


def measure(size: str, folder: Path) -> dict:
    path = folder / f"schedule_{size}.sqlite"
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    demo.write_demo(path, size)
    write_s = time.perf_counter() - started
    try:
        started = time.perf_counter()
        task_rows, link_rows = read_schedule(path)
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        tasks, links = build(task_rows, link_rows)
        build_s = time.perf_counter() - started
        del task_rows, link_rows
        today = demo.SNAPSHOT
        base = _median_s(lambda: baseline_pass(tasks, links))
        cpm_s = _median_s(lambda: critical_path(tasks, links))
        rollup_s = _median_s(lambda: roll_up(tasks, today))
        cpm = critical_path(tasks, links)
        rolled = roll_up(tasks, today)
    finally:
        path.unlink(missing_ok=True)
    milestones = [t.id for t in tasks if t.level == "milestone"]
    detailed = [rolled[t.id] for t in tasks if t.level == "task"]
    return {
        "size": size, "tasks": len(tasks), "links": len(links), "write_s": write_s, "read_s": read_s,
        "build_s": build_s, "baseline_s": base, "cpm_s": cpm_s, "rollup_s": rollup_s,
        "in_network": len(cpm.early_start), "critical": len(cpm.critical),
        "project_finish": date.fromordinal(cpm.project_finish).isoformat(),
        "late": sum(r.late for r in detailed), "blocked": sum(r.blocked for r in detailed),
        "milestones_at_risk": sum(rolled[m].at_risk for m in milestones), "milestones": len(milestones),
        "consistent": all(cpm.early_finish[t] <= cpm.late_finish[t] <= cpm.project_finish for t in cpm.early_finish),
    }


def report(m: dict) -> str:
    base = m["baseline_s"]
    return "\n".join([
        f"schedule {m['size']}: {m['tasks']:,} tasks, {m['links']:,} links | write_demo {m['write_s']:.1f} s, "
        f"read (SQL) {m['read_s']:.2f} s, build nodes {m['build_s']:.2f} s | median of {REPEAT} runs",
        f"  baseline (dict of tasks + look-up of both link ends): {base:6.3f} s",
        f"  critical_path: {m['cpm_s']:6.3f} s ({m['cpm_s'] / base:4.1f}x)   {m['in_network']:,} in the network, "
        f"{m['critical']:,} critical, project finish {m['project_finish']}",
        f"  roll_up:       {m['rollup_s']:6.3f} s ({m['rollup_s'] / base:4.1f}x)   {m['late']:,} late, "
        f"{m['blocked']:,} blocked, {m['milestones_at_risk']}/{m['milestones']} milestones at risk",
    ])


@pytest.mark.parametrize("size", tiers_for_pytest(TIER_NAMES))
def test_schedule_speed(size, tmp_path):
    m = measure(size, tmp_path)
    print("\n" + report(m))
    assert m["consistent"] and m["in_network"] > 0


def main(argv: list[str]) -> int:
    return run_tiers(argv, list(TIER_NAMES), "bench_schedule_", lambda size, folder: report(measure(size, folder)))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
