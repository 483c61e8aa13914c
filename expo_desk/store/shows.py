"""Shows (editions) and their halls."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import one, rows


def list_shows(db: sqlite_utils.Database) -> list[dict]:
    return rows(db, "SELECT * FROM shows ORDER BY start_date DESC, code")


def show_by_code(db: sqlite_utils.Database, code: str) -> dict | None:
    return one(db, "SELECT * FROM shows WHERE code = ? COLLATE NOCASE", [code])


def show_by_id(db: sqlite_utils.Database, show_id: str) -> dict | None:
    return one(db, "SELECT * FROM shows WHERE id = ?", [show_id])


def show_counts(db: sqlite_utils.Database, show_id: str) -> dict:
    """Exhibitors, booths and build tasks of one show, for the status bar and checks."""
    return one(
        db,
        "SELECT (SELECT count(*) FROM exhibitors WHERE show_id = :s) AS exhibitors,"
        " (SELECT count(*) FROM booths WHERE show_id = :s) AS booths,"
        " (SELECT count(*) FROM halls WHERE show_id = :s) AS halls,"
        " (SELECT count(*) FROM contracts WHERE show_id = :s) AS contracts,"
        " (SELECT count(*) FROM tasks WHERE show_id = :s) AS tasks",
        {"s": show_id},
    )
