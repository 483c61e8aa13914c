"""Audited writes: every insert, update and delete leaves who, when, old and new."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime

import sqlite_utils

from expo_desk.domain.actors import Actor
from expo_desk.errors import UserError


class RowInUse(UserError):
    """A row other rows still point at (a foreign key with ON DELETE RESTRICT)."""


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# Columns the database derives itself (by trigger); recording them would only repeat the rest.
DERIVED_COLUMNS = frozenset({"search_text"})


def _json(values: dict | None) -> str | None:
    if values is None:
        return None
    kept = {k: v for k, v in values.items() if k not in DERIVED_COLUMNS}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True, default=str)


def audit(db: sqlite_utils.Database, actor: Actor, action: str, table: str, row_id: str,
          old: dict | None, new: dict | None) -> None:
    db.execute(
        "INSERT INTO audit_log (id, at, user_id, user_name, action, table_name, row_id, old_values, new_values)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new_id(), utc_now(), actor.user_id, actor.name, action, table, row_id, _json(old), _json(new)],
    )


def get_row(db: sqlite_utils.Database, table: str, row_id: str) -> dict | None:
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row))


def insert(db: sqlite_utils.Database, actor: Actor, table: str, values: dict) -> dict:
    """Insert one row (a new UUID unless given) and audit it; returns the stored row."""
    row = {"id": new_id(), **values}
    columns = ", ".join(f"[{c}]" for c in row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({marks})", list(row.values()))
    stored = get_row(db, table, row["id"])
    audit(db, actor, "insert", table, row["id"], None, stored)
    return stored


def update(db: sqlite_utils.Database, actor: Actor, table: str, row_id: str, changes: dict) -> tuple[dict, dict]:
    """Change the given columns and audit only those that really changed.

    Returns (old, new) limited to the changed columns; both empty when nothing changed.
    Raises KeyError when the row does not exist.
    """
    current = get_row(db, table, row_id)
    if current is None:
        raise KeyError(f"{table} {row_id} not found")
    changed = {k: v for k, v in changes.items() if current.get(k) != v}
    if not changed:
        return {}, {}
    assignments = ", ".join(f"[{c}] = ?" for c in changed)
    db.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?", [*changed.values(), row_id])
    old = {k: current[k] for k in changed}
    audit(db, actor, "update", table, row_id, old, changed)
    return old, changed


def delete(db: sqlite_utils.Database, actor: Actor, table: str, row_id: str) -> dict:
    """Delete one row, auditing its last values; returns them.

    Raises KeyError when the row does not exist, ``RowInUse`` when others refer to it.
    """
    current = get_row(db, table, row_id)
    if current is None:
        raise KeyError(f"{table} {row_id} not found")
    try:
        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
    except sqlite3.IntegrityError as exc:
        raise RowInUse(f"{table} {row_id}: 仍有关联记录，不能删除 / still referenced elsewhere: {exc}") from exc
    audit(db, actor, "delete", table, row_id, current, None)
    return current


def audit_entries(db: sqlite_utils.Database, table: str | None = None, row_id: str | None = None,
                  limit: int = 500) -> list[dict]:
    """Newest first; filtered by table and row when given."""
    where, params = [], []
    if table:
        where.append("table_name = ?")
        params.append(table)
    if row_id:
        where.append("row_id = ?")
        params.append(row_id)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    cursor = db.execute(f"SELECT * FROM audit_log {clause} ORDER BY at DESC, rowid DESC LIMIT ?", [*params, limit])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]
