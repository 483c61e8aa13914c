"""``write_demo``: the demo show into a new Expo Desk file, reporting progress as the tables fill."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from expo_desk.errors import UserError
from expo_desk.services.demo.columns import COLUMNS
from expo_desk.services.demo.generator import DemoShow
from expo_desk.services.demo.tiers import tier_of
from expo_desk.store import bulk
from expo_desk.store.db import open_database

Progress = Callable[[str, int, int], None]  # (step, done, total)


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise UserError(f"{path}: 文件已存在，不会覆盖 / the file already exists; it will not be overwritten")


def _remove_partial(partial: Path) -> None:
    """The temporary file and any SQLite side files it left."""
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
        leftover.unlink(missing_ok=True)


def write_demo(path: Path | str, size: str = "S", seed: int = 2026, progress: Progress | None = None) -> dict:
    """Create a new file at ``path`` holding the demo show of ``size`` (S, M, L, XL).

    Refuses a path that exists (``UserError``). The file is created with
    ``open_database`` (migrated and marked as ours), filled in one transaction inside a
    temporary file next to ``path`` and renamed into place when complete, so a failed
    or interrupted run leaves nothing at ``path``. No audit entries are written for the
    generated rows. ``progress(step, done, total)`` is called as the tables fill.
    Returns the number of rows written per table.
    """
    path = Path(path)
    tier = tier_of(size)
    _refuse_existing(path)
    if not path.parent.is_dir():
        raise UserError(f"{path.parent}: 文件夹不存在 / folder not found")
    report = progress or (lambda step, done, total: None)
    partial = path.with_name(path.name + ".partial")
    _remove_partial(partial)
    counts: dict[str, int] = {}
    try:
        report("generate", 0, 1)
        demo = DemoShow(tier, int(seed))
        report("generate", 1, 1)
        db = open_database(partial)
        try:
            with bulk.fresh_file_load(db):
                for table, rows in demo.small_tables():
                    report(table, 0, len(rows))
                    counts[table] = bulk.insert_rows(db, table, COLUMNS[table], rows)
                    report(table, counts[table], len(rows))
                counts["tasks"] = counts["task_dependencies"] = 0
                report("tasks", 0, demo.expected_tasks)
                for tasks, deps in demo.task_chunks():
                    counts["tasks"] += bulk.insert_rows(db, "tasks", COLUMNS["tasks"], tasks)
                    counts["task_dependencies"] += bulk.insert_rows(db, "task_dependencies",
                                                                    COLUMNS["task_dependencies"], deps)
                    report("tasks", counts["tasks"], max(demo.expected_tasks, counts["tasks"]))
                report("indexes", 0, 1)
            report("indexes", 1, 1)
        finally:
            db.close()
        _refuse_existing(path)  # it may have appeared while we were writing
        os.replace(partial, path)
    except BaseException:
        _remove_partial(partial)
        raise
    return counts
