"""Small helpers shared by the query modules."""

from __future__ import annotations

import sqlite_utils


def rows(db: sqlite_utils.Database, sql: str, params: list | tuple = ()) -> list[dict]:
    cursor = db.execute(sql, list(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def one(db: sqlite_utils.Database, sql: str, params: list | tuple = ()) -> dict | None:
    found = rows(db, sql, params)
    return found[0] if found else None


def scalar(db: sqlite_utils.Database, sql: str, params: list | tuple = ()):
    row = db.execute(sql, list(params)).fetchone()
    return None if row is None else row[0]


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
