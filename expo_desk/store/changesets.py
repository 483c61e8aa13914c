"""Changesets between copies of a show, made and applied by SQLite's session extension
(through APSW, whose SQLite has it built in).

A copy keeps a *base*: the state it last exchanged. What it sends is the difference
from the base to a consistent snapshot of the file (``Session.diff``), so edits made while
the file is being written are neither lost nor sent twice. What it receives is applied to
the file in one transaction, and exactly what that application changed is then applied
to the base too, so the base never takes in the copy's own unsent edits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import apsw

from expo_desk.errors import UserError

BUSY_TIMEOUT_MS = 10_000

_REASONS = {
    apsw.SQLITE_CHANGESET_DATA: "data",
    apsw.SQLITE_CHANGESET_NOTFOUND: "notfound",
    apsw.SQLITE_CHANGESET_CONFLICT: "conflict",
    apsw.SQLITE_CHANGESET_CONSTRAINT: "constraint",
    apsw.SQLITE_CHANGESET_FOREIGN_KEY: "foreign_key",
}


@dataclass(frozen=True)
class RowChange:
    """One change of a changeset, by column name: ``old``/``new`` hold only the columns the
    change carries (an update carries the key and the columns it changed)."""

    table: str
    op: str  # INSERT, UPDATE or DELETE
    row_id: str
    old: dict = field(default_factory=dict)
    new: dict = field(default_factory=dict)
    current: dict = field(default_factory=dict)  # the row here, for a change that met a conflict
    reason: str = ""


class MissingRows(UserError):
    """A received file refers to rows this copy does not have; nothing of it was applied.
    ``conflicts`` are the changes that met a conflict on the way (a row that could not be
    added because one like it is here already is the usual cause)."""

    def __init__(self, message: str, conflicts: list[RowChange]):
        super().__init__(message)
        self.conflicts = conflicts

    def __reduce__(self):  # raised in the worker process, caught in the window's
        return (type(self), (str(self), self.conflicts))


@dataclass
class Applied:
    """What applying one changeset did: how many changes, and those not applied as sent."""

    changes: int = 0
    conflicts: list[RowChange] = field(default_factory=list)
    refused: list[tuple[RowChange, str]] = field(default_factory=list)


def connect(path: Path | str) -> apsw.Connection:
    conn = apsw.Connection(str(path))
    conn.set_busy_timeout(BUSY_TIMEOUT_MS)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _columns(conn: apsw.Connection, table: str, cache: dict[str, list[str]]) -> list[str]:
    if table not in cache:
        cache[table] = [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]
    return cache[table]


def _values(names: list[str], values: tuple | None) -> dict:
    if values is None:
        return {}
    return {name: value for name, value in zip(names, values) if value is not apsw.no_change}


def _row_change(change: apsw.TableChange, names: list[str], reason: str = "") -> RowChange:
    old, new = _values(names, change.old), _values(names, change.new)
    key = (old or new).get("id", "")
    current = _values(names, change.conflict) if reason else {}
    return RowChange(change.name, change.op, str(key), old, new, current, reason)


def tables(conn: apsw.Connection | None = None, path: Path | str | None = None) -> list[str]:
    """The file's ordinary tables, parents before children (the order SQLite created them)."""
    own = conn or connect(path)
    try:
        return [row[0] for row in own.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    finally:
        if conn is None:
            own.close()


def snapshot(source: Path | str, dest: Path | str) -> None:
    """A consistent single-file copy of ``source`` (the committed state, WAL included), put
    in place by a rename so a crash leaves the old snapshot or the new one, never half."""
    dest = Path(dest)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        src = connect(source)
        target = apsw.Connection(str(tmp))
        try:
            with target.backup("main", src, "main") as backup:
                backup.step(-1)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            src.close()
        os.replace(tmp, dest)
    except (OSError, apsw.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"{dest}: 无法写入副本 / cannot write the copy: {exc}") from exc


def diff(base: Path | str, current: Path | str, travelling: Callable[[str], bool]) -> bytes:
    """The changeset that turns ``base`` into ``current`` for the tables that travel."""
    conn = connect(current)
    try:
        conn.execute("ATTACH ? AS base", (str(base),))
        session = apsw.Session(conn, "main")
        for table in tables(conn):
            if travelling(table):
                session.attach(table)
                session.diff("base", table)
        return session.changeset()
    finally:
        conn.close()


def read(changeset: bytes, path: Path | str) -> list[RowChange]:
    """The changes of a changeset by column name (the names of the file at ``path``)."""
    conn = connect(path)
    try:
        cache: dict[str, list[str]] = {}
        return [_row_change(c, _columns(conn, c.name, cache)) for c in apsw.Changeset.iter(changeset)]
    finally:
        conn.close()


def user_roles(path: Path | str) -> dict[str, str]:
    """The role of each active user of the file, by id."""
    conn = connect(path)
    try:
        return {uid: role for uid, role in conn.execute("SELECT id, role FROM users WHERE active = 1")}
    finally:
        conn.close()


def apply(path: Path | str, changeset: bytes, refuse: Callable[[RowChange], str],
          settle: Callable[[apsw.Connection, Applied], None], travelling: Iterable[str]) -> bytes:
    """Apply a received changeset to the file at ``path`` in one transaction.

    ``refuse(change)`` names why a change may not be applied ('' to apply it). Every change
    that meets a conflict is left out and handed to ``settle(conn, applied)``, which runs in
    the same transaction (field merges, the review list). A change referring to a row this
    file does not have rolls everything back. Returns what the application changed here, as
    a changeset, for the base.
    """
    conn = connect(path)
    cache: dict[str, list[str]] = {}
    applied = Applied()

    def keep(change: apsw.TableChange) -> bool:
        row = _row_change(change, _columns(conn, change.name, cache))
        why = refuse(row)
        if why:
            applied.refused.append((row, why))
            return False
        applied.changes += 1
        return True

    def conflict(reason: int, change: apsw.TableChange) -> int:
        if reason == apsw.SQLITE_CHANGESET_FOREIGN_KEY:
            return apsw.SQLITE_CHANGESET_OMIT  # checked below, by row
        applied.conflicts.append(_row_change(change, _columns(conn, change.name, cache), _REASONS[reason]))
        return apsw.SQLITE_CHANGESET_OMIT

    try:
        session = apsw.Session(conn, "main")
        for table in travelling:
            session.attach(table)
        with conn:
            apsw.Changeset.apply(changeset, conn, filter_change=keep, conflict=conflict)
            settle(conn, applied)
            orphans = list(conn.execute("PRAGMA foreign_key_check"))
            if orphans:
                table, rowid, parent, _ = orphans[0]
                raise MissingRows(
                    f"{len(orphans)} 条变更引用了此副本没有的记录（如 {table} → {parent}），请先接收更早的文件 / "
                    f"{len(orphans)} change(s) refer to rows this copy does not have (e.g. {table} → {parent}); "
                    "receive the earlier files first", applied.conflicts)
        return session.changeset()
    finally:
        conn.close()


def follow(base: Path | str, changes: bytes) -> None:
    """Apply to the base what an exchange changed in the file: the base just follows, so a
    difference it meets is settled in favour of the change."""

    def conflict(reason: int, _change: apsw.TableChange) -> int:
        if reason in (apsw.SQLITE_CHANGESET_DATA, apsw.SQLITE_CHANGESET_CONFLICT):
            return apsw.SQLITE_CHANGESET_REPLACE
        return apsw.SQLITE_CHANGESET_OMIT

    if not changes:
        return
    conn = connect(base)
    try:
        with conn:
            apsw.Changeset.apply(changes, conn, conflict=conflict)
    finally:
        conn.close()
