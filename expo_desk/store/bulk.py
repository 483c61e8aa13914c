"""Fast bulk writes into a brand-new file: one transaction, ``executemany``, no fsync.

This is for files that nobody else has open yet and that can simply be deleted when
the load fails (the demo generator writes into a temporary file and renames it into
place at the end). Normal edits go through ``records`` with an audit entry each.

While loading, ``fresh_file_load`` turns off what costs time and only protects against
a crash half-way (journal, fsync), uses a large page cache, defers the foreign-key
checks to one ``foreign_key_check`` at the end and builds the secondary indexes once
after the rows are in instead of updating them row by row. Unique constraints and the
one-active-sale-per-booth index stay enforced: a unique index rebuilt over duplicate
rows fails, so the load fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import sqlite_utils

from expo_desk.store.migrations import refresh_derived_columns
from expo_desk.store.queries import scalar

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IN_LIST_CHECK = re.compile(r"\bCHECK\s*\([^;]*\bIN\s*\(", re.IGNORECASE)


class BulkLoadError(RuntimeError):
    """The loaded rows broke a rule of the schema (a bug in whatever produced them)."""


def _name(text: str) -> str:
    if not _NAME.match(text):
        raise ValueError(f"not a table or column name: {text!r}")
    return text


def _pragma(db: sqlite_utils.Database, name: str):
    return db.conn.execute(f"PRAGMA {_name(name)}").fetchone()[0]


def _secondary_indexes(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(name, CREATE statement) of every index declared with CREATE INDEX.

    Indexes behind PRIMARY KEY / UNIQUE constraints have no SQL and stay in place.
    """
    cursor = db.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
    )
    return list(cursor.fetchall())


@contextmanager
def fresh_file_load(db: sqlite_utils.Database, *, cache_mib: int = 256,
                    rebuild_indexes: bool = True) -> Iterator[None]:
    """Run the body as one fast transaction on a new, not yet shared file.

    On success the secondary indexes are rebuilt, the columns triggers maintain are
    computed once and the triggers restored, the transaction is committed, the
    foreign keys are checked (``BulkLoadError`` lists what is broken) and the usual
    settings are restored (WAL journal, ``synchronous=NORMAL``, foreign keys on).
    On failure nothing is committed; the file should be deleted by the caller, as a
    file written without a journal is not guaranteed to roll back cleanly.
    """
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("fresh_file_load needs a connection outside any transaction")
    journal = _pragma(db, "journal_mode")
    synchronous = _pragma(db, "synchronous")
    cache_size = _pragma(db, "cache_size")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"PRAGMA cache_size = {-int(cache_mib) * 1024}")
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        conn.execute("BEGIN")
        try:
            indexes = _secondary_indexes(db) if rebuild_indexes else []
            for name, _sql in indexes:
                conn.execute(f"DROP INDEX [{_name(name)}]")
            # Triggers would recompute derived columns row by row (and without the
            # dropped indexes); they are set aside and the columns computed once.
            triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
            for name, _sql in triggers:
                conn.execute(f"DROP TRIGGER [{_name(name)}]")
            yield
            for _index, sql in indexes:
                conn.execute(sql)
            refresh_derived_columns(db)
            for _trigger, sql in triggers:
                conn.execute(sql)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        broken = foreign_key_problems(db)
        if broken:
            shown = "; ".join(broken[:10])
            raise BulkLoadError(f"{len(broken)} rows refer to missing rows: {shown}")
    finally:
        conn.execute(f"PRAGMA journal_mode = {_name(journal)}")
        conn.execute(f"PRAGMA synchronous = {int(synchronous)}")
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
        conn.execute("PRAGMA temp_store = DEFAULT")
        conn.execute("PRAGMA foreign_keys = ON")


def _has_in_list_check(db: sqlite_utils.Database, table: str) -> bool:
    sql = scalar(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]) or ""
    return bool(_IN_LIST_CHECK.search(sql))


def insert_rows(db: sqlite_utils.Database, table: str, columns: Sequence[str],
                rows: Iterable[Sequence]) -> int:
    """Insert tuples (in ``columns`` order) with one ``executemany``; returns the count.

    Runs inside the caller's transaction (``fresh_file_load``), so it neither commits
    nor splits the rows into separately committed batches.

    SQLite rebuilds the constant lists of ``CHECK (x IN (...))`` constraints each time
    a prepared INSERT runs, which made such tables (tasks) about twice as slow to load
    row by row; their rows go into a temporary table first and are copied over with
    one ``INSERT ... SELECT``, which checks every row against lists built once.
    """
    names = ", ".join(f"[{_name(c)}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn = db.conn
    # rowcount counts this statement's rows only, not what triggers wrote elsewhere.
    if not _has_in_list_check(db, table):
        return conn.executemany(f"INSERT INTO [{_name(table)}] ({names}) VALUES ({marks})", rows).rowcount
    staging = f"temp.[_bulk_{_name(table)}]"
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS [_bulk_{table}] ({names})")
    conn.executemany(f"INSERT INTO {staging} ({names}) VALUES ({marks})", rows)
    inserted = conn.execute(f"INSERT INTO main.[{table}] ({names}) SELECT {names} FROM {staging}").rowcount
    conn.execute(f"DELETE FROM {staging}")
    return inserted


def foreign_key_problems(db: sqlite_utils.Database) -> list[str]:
    """One line per row that refers to a missing row; empty when all references hold."""
    return [
        f"{table} row {rowid}: missing {parent}"
        for table, rowid, parent, _ in db.conn.execute("PRAGMA foreign_key_check").fetchall()
    ]


def count_rows(db: sqlite_utils.Database, table: str) -> int:
    """``SELECT count(*)`` of one table."""
    return scalar(db, f"SELECT count(*) FROM [{_name(table)}]")


def table_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Rows in every table of the file (SQLite's own tables left out)."""
    return {t: count_rows(db, t) for t in db.table_names() if not t.startswith("sqlite_")}
