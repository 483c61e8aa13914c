"""Write transactions that take the write lock up front.

sqlite-utils' ``atomic()`` starts a deferred transaction: when two Expo Desk processes
(or a sync job and the window) read and then write, SQLite must refuse one of them at
once with "database is locked" instead of waiting. ``BEGIN IMMEDIATE`` takes the write
lock first, so the other writer waits (``busy_timeout``) and no acknowledged row is lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import sqlite_utils

from expo_desk.errors import UserError

_BUSY = ("database is locked", "database table is locked")
_FULL = ("database or disk is full", "disk i/o error")


def explain(exc: sqlite3.Error) -> UserError | None:
    """A message a person can act on for the SQLite errors that are not bugs."""
    text = str(exc).lower()
    if any(part in text for part in _BUSY):
        return UserError("数据文件正被另一个程序写入，请稍后再试 / the file is busy in another program; try again in a moment")
    if "database or disk is full" in text:
        return UserError("磁盘已满，未保存任何更改 / the disk is full; nothing was saved. Free some space and try again")
    if "disk i/o error" in text:
        return UserError("读写磁盘出错，未保存任何更改 / the disk could not be written; nothing was saved")
    if "readonly" in text or "read-only" in text:
        return UserError("文件只读，未保存任何更改 / the file is read-only; nothing was saved")
    return None


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction (a savepoint when nested); rolled back whole on any error.

    SQLite errors a person can act on (busy, disk full, read-only) come out as
    ``UserError`` with nothing changed.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise (explain(exc) or exc) from exc
    try:
        yield db
    except sqlite3.Error as exc:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        friendly = explain(exc)
        if friendly is None:
            raise
        raise friendly from exc
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    try:
        db.execute("COMMIT")
    except sqlite3.Error as exc:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise (explain(exc) or exc) from exc


@contextmanager
def rolled_back(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Work whose writes are always undone (a preview of what a use case would do): a
    savepoint rolled back at the end, whatever happens inside."""
    db.execute("SAVEPOINT expo_desk_preview")
    try:
        yield db
    finally:
        db.execute("ROLLBACK TO expo_desk_preview")
        db.execute("RELEASE expo_desk_preview")
