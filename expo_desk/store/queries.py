"""Small helpers shared by the query modules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import sqlite_utils

IN_LIST_SIZE = 500  # ids per IN (...) list, well under SQLite's variable limit


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


def like_escaped(text: str) -> str:
    """``text`` for a LIKE pattern with ``ESCAPE '\\'``: %, _ and \\ taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with % and _ taken literally."""
    return f"%{like_escaped(text)}%"


def marks(values: Iterable) -> str:
    """``?, ?, ?``: one parameter mark per value, for an ``IN (...)`` list."""
    return ", ".join("?" for _ in values)


def in_chunks(ids: Sequence) -> Iterator[tuple[list, str]]:
    """The ids in slices short enough for one ``IN (...)`` list, each with its marks."""
    for start in range(0, len(ids), IN_LIST_SIZE):
        chunk = list(ids[start:start + IN_LIST_SIZE])
        yield chunk, marks(chunk)


def rows_in(db: sqlite_utils.Database, sql: str, ids: Sequence) -> list[dict]:
    """The rows of ``sql`` whose ``{marks}`` is an ``IN`` list of ``ids``, asked a chunk at a time."""
    found: list[dict] = []
    for chunk, chunk_marks in in_chunks(ids):
        found += rows(db, sql.format(marks=chunk_marks), chunk)
    return found


def tuples_in(db: sqlite_utils.Database, sql: str, ids: Sequence) -> list[tuple]:
    """As ``rows_in``, as plain tuples (for a dict or a set of them)."""
    found: list[tuple] = []
    for chunk, chunk_marks in in_chunks(ids):
        found += db.execute(sql.format(marks=chunk_marks), chunk).fetchall()
    return found
