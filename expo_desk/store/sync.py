"""SQL of a copy's exchange bookkeeping: who this copy is, the files it has sent and
applied, and the conflicts waiting for review.

Every function takes ``conn``: the window's ``sqlite_utils.Database`` or the APSW
connection a changeset is being applied with (both run the same SQL with ``?``
parameters), so the bookkeeping of a received file is written in the file's own
transaction.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import apsw

from expo_desk.errors import UserError

Conn = Any  # sqlite_utils.Database or apsw.Connection: both have execute(sql, params)


def _rows(conn: Conn, sql: str, params: tuple | list = ()) -> list[dict]:
    cursor = conn.execute(sql, tuple(params))
    try:
        names = [d[0] for d in cursor.description]
    except apsw.ExecutionCompleteError:  # APSW: a statement that returned no row has no description left
        return []
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _one(conn: Conn, sql: str, params: tuple | list = ()) -> dict | None:
    rows = _rows(conn, sql, params)
    return rows[0] if rows else None


# ---------------------------------------------------------------- this copy


def state(conn: Conn) -> dict | None:
    return _one(conn, "SELECT * FROM sync_state LIMIT 1")


def copy_code(conn: Conn) -> str:
    """The short code of a prepared copy ('' for the first copy, the office's, or a file
    never set up): the series its contract numbers are in."""
    found = _one(conn, "SELECT code FROM sync_state LIMIT 1")
    return found["code"] if found else ""


def set_state(conn: Conn, values: dict) -> None:
    """This copy's identity: the one row of ``sync_state`` is replaced."""
    conn.execute("DELETE FROM sync_state")
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO sync_state ({names}) VALUES ({marks})", tuple(values.values()))


def update_state(conn: Conn, values: dict) -> None:
    assignments = ", ".join(f"{name} = ?" for name in values)
    conn.execute(f"UPDATE sync_state SET {assignments}", tuple(values.values()))


def forget_conflicts(conn: Conn) -> None:
    """A new copy starts with no review list: the conflicts found so far are its origin's."""
    conn.execute("DELETE FROM sync_conflicts")


# ---------------------------------------------------------------- files


def record_file(conn: Conn, values: dict) -> None:
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO sync_files ({names}) VALUES ({marks})", tuple(values.values()))


def known_file_ids(conn: Conn) -> set[str]:
    """Files sent from here or applied here (a copy inherits its origin's)."""
    return {row["id"] for row in _rows(conn, "SELECT id FROM sync_files")}


def files(conn: Conn, limit: int = 200) -> list[dict]:
    return _rows(conn, "SELECT * FROM sync_files ORDER BY done_at DESC, seq DESC LIMIT ?", (limit,))


# ---------------------------------------------------------------- rows being merged


def row(conn: Conn, table: str, row_id: str) -> dict | None:
    return _one(conn, f"SELECT * FROM [{table}] WHERE id = ?", (row_id,))


def set_columns(conn: Conn, table: str, row_id: str, values: dict) -> None:
    if values:
        assignments = ", ".join(f"[{name}] = ?" for name in values)
        conn.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?", (*values.values(), row_id))


def insert_row(conn: Conn, table: str, values: dict) -> None:
    names = ", ".join(f"[{name}]" for name in values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", tuple(values.values()))


def delete_row(conn: Conn, table: str, row_id: str) -> None:
    conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (row_id,))


_WHERE = re.compile(r"\bWHERE\b(.*)$", re.IGNORECASE | re.DOTALL)


def holders(conn: Conn, table: str, values: dict) -> list[dict]:
    """Rows here that hold a unique slot ``values`` would take (any unique index of the
    table, partial ones with their condition): who is already in the way of an insert."""
    found: dict[str, dict] = {}
    for index in _rows(conn, f"PRAGMA index_list([{table}])"):
        if not index["unique"] or index["origin"] == "pk":
            continue
        columns = [c["name"] for c in _rows(conn, f"PRAGMA index_info([{index['name']}])")]
        if not columns or any(c not in values for c in columns):
            continue
        where = " AND ".join(f"[{c}] IS ?" for c in columns)
        if index["partial"]:
            definition = _one(conn, "SELECT sql FROM sqlite_schema WHERE name = ?", (index["name"],))
            match = _WHERE.search(definition["sql"] or "") if definition else None
            if match:
                where += f" AND ({match.group(1)})"
        for holder in _rows(conn, f"SELECT * FROM [{table}] WHERE {where}", [values[c] for c in columns]):
            if holder["id"] != values.get("id"):
                found[holder["id"]] = holder
    return list(found.values())


def last_change_by(conn: Conn, table: str, row_id: str, column: str = "", value: object = None) -> tuple[str, str]:
    """Who gave a row's field its value here, and when, from the audit trail (who last
    changed the row when no entry names the field); ('', '') when the trail is silent."""
    entry = None
    if column:
        entry = _one(conn, "SELECT user_name, at FROM audit_log WHERE table_name = ? AND row_id = ?"
                           " AND json_extract(new_values, '$.' || ?) IS ? ORDER BY at DESC, rowid DESC LIMIT 1",
                     (table, row_id, column, value))
    if entry is None:
        entry = _one(conn, "SELECT user_name, at FROM audit_log WHERE table_name = ? AND row_id = ?"
                           " ORDER BY at DESC, rowid DESC LIMIT 1", (table, row_id))
    return (entry["user_name"], entry["at"]) if entry else ("", "")


# ---------------------------------------------------------------- the review list


def add_conflict(conn: Conn, values: dict) -> bool:
    """Add a conflict unless the same one (same row, field and received value) is open."""
    same = _one(conn, "SELECT id FROM sync_conflicts WHERE status = 'open' AND kind = ? AND table_name = ?"
                      " AND row_id = ? AND column_name = ? AND theirs IS ?",
                (values["kind"], values["table_name"], values["row_id"], values.get("column_name", ""),
                 values.get("theirs")))
    if same:
        return False
    insert_row(conn, "sync_conflicts", values)
    return True


def conflicts(conn: Conn, status: str | None = "open") -> list[dict]:
    if status is None:
        return _rows(conn, "SELECT * FROM sync_conflicts ORDER BY status DESC, theirs_at, table_name, row_id")
    return _rows(conn, "SELECT * FROM sync_conflicts WHERE status = ? ORDER BY theirs_at, table_name, row_id",
                 (status,))


def conflict(conn: Conn, conflict_id: str) -> dict | None:
    return row(conn, "sync_conflicts", conflict_id)


def open_conflicts_on(conn: Conn, table: str, row_id: str, column: str | None = None) -> list[dict]:
    sql = "SELECT * FROM sync_conflicts WHERE status = 'open' AND table_name = ? AND row_id = ?"
    params: list = [table, row_id]
    if column is not None:
        sql += " AND column_name = ?"
        params.append(column)
    return _rows(conn, sql, params)


def close_conflict(conn: Conn, conflict_id: str, chosen: str, by: str, at: str, settled_value: str | None,
                   sent: bool) -> None:
    conn.execute("UPDATE sync_conflicts SET status = 'resolved', chosen = ?, resolved_by = ?, resolved_at = ?,"
                 " settled_value = ?, sent = ? WHERE id = ?",
                 (chosen, by, at, settled_value, 1 if sent else 0, conflict_id))


def unsent_resolutions(conn: Conn) -> list[dict]:
    """Choices made here that the other copies have not been told yet."""
    return _rows(conn, "SELECT * FROM sync_conflicts WHERE status = 'resolved' AND sent = 0 ORDER BY resolved_at")


def mark_resolutions_sent(conn: Conn, ids: list[str]) -> None:
    for conflict_id in ids:
        conn.execute("UPDATE sync_conflicts SET sent = 1 WHERE id = ?", (conflict_id,))


# ---------------------------------------------------------------- files on disk


def database_file(db: Conn) -> Path:
    """The file the window's connection has open."""
    for entry in _rows(db, "PRAGMA database_list"):
        if entry["name"] == "main" and entry["file"]:
            return Path(entry["file"])
    raise UserError("内存中的数据库不能交换变更 / an in-memory database cannot exchange changes")


def bring_up_to_date(path: Path) -> None:
    """Migrate a base snapshot written by an older Expo Desk, as its copy was, so the two
    can still be compared."""
    from expo_desk.store.db import _open_raw, migrate

    base = _open_raw(path)
    try:
        migrate(base)
    finally:
        base.close()
