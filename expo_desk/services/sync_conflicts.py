"""The review list of an exchange: what two copies changed differently, and the department
manager's choice, which travels to every copy with the next file sent.

Kinds: ``value`` (one field given two values), ``duplicate`` (a row in the way of another:
the same booth sold on two laptops), ``missing`` (changed on one copy, deleted on the
other) and ``refused`` (a change the sender's role may not make).
"""

from __future__ import annotations

import json

from expo_desk.domain import permissions
from expo_desk.domain import sync_rules as rules
from expo_desk.domain.actors import Actor
from expo_desk.errors import UserError
from expo_desk.services.changes import ChangeSet, record_delete, record_insert, record_update
from expo_desk.store import changesets, records
from expo_desk.store import sync as store
from expo_desk.store.transactions import transaction

KINDS = {
    "value": ("两边改成了不同的值", "changed differently on both copies"),
    "duplicate": ("与此副本已有的记录冲突", "in the way of a row this copy has"),
    "missing": ("一边修改、另一边删除", "changed on one copy, deleted on the other"),
    "refused": ("发送人无权做此修改", "the sender may not make this change"),
}
_LABEL_COLUMNS = ("number", "company_name", "display_name", "name", "prospect_name", "code", "title", "description",
                  "label", "username")


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _loads(text: str | None) -> object:
    return None if text is None else json.loads(text)


def settle_received(conn, exchange, applied: changesets.Applied) -> tuple[int, int]:
    """In the received file's transaction: merge what can be merged field by field, list
    the rest, then carry out the choices made on the sending copy. Returns the numbers of
    conflicts and refused changes listed."""
    settled = {(s["table"], s["row_id"], s["column"]) for s in exchange.settled if s["kind"] == "value"}
    added = 0
    for change in applied.conflicts:
        added += _settle_one(conn, exchange, change, {c for t, r, c in settled
                                                      if t == change.table and r == change.row_id})
    for change, why in applied.refused:
        if change.table == "audit_log":  # refused with the change it records, listed once there
            continue
        _add(conn, exchange, "refused", change.table, change.row_id, "", None, change.new or change.old, why)
    for item in exchange.settled:
        _carry_out(conn, exchange, item)
    return added, sum(1 for change, _ in applied.refused if change.table != "audit_log")


def _settle_one(conn, exchange, change: changesets.RowChange, settled_columns: set[str]) -> int:
    table, row_id = change.table, change.row_id
    if change.reason in ("data", "conflict") and change.op in ("UPDATE", "INSERT"):
        merge = rules.merge_update(list(change.new), change.old, change.new, change.current, settled_columns)
        store.set_columns(conn, table, row_id, merge.take)
        return sum(_add(conn, exchange, "value", table, row_id, column, ours, theirs)
                   for column, (ours, theirs) in merge.conflicts.items())
    if change.reason == "data" and change.op == "DELETE":
        return _add(conn, exchange, "missing", table, row_id, "", change.current, None,
                    "对方删除了此记录，此副本修改过 / deleted on the other copy, changed on this one")
    if change.reason == "notfound" and change.op == "UPDATE":
        return _add(conn, exchange, "missing", table, row_id, "", None, change.new,
                    "对方修改了此副本已删除的记录 / changed on the other copy, deleted on this one")
    if change.reason == "constraint":
        theirs = {**change.current, **change.new} if change.op == "UPDATE" else change.new
        holders = store.holders(conn, table, theirs)
        ours = holders[0] if holders else None
        return _add(conn, exchange, "duplicate", table, row_id, "", ours, theirs,
                    "与此副本已有的记录占用同一位置 / takes the same place as a row this copy has")
    return 0  # a deletion of a row already gone: nothing to do


def _add(conn, exchange, kind: str, table: str, row_id: str, column: str, ours: object, theirs: object,
         detail: str = "") -> int:
    ours_row = ours if isinstance(ours, dict) else None
    by, at = store.last_change_by(conn, table, ours_row["id"] if ours_row else row_id, column, ours)
    return int(store.add_conflict(conn, {
        "id": records.new_id(), "file_id": exchange.file_id, "kind": kind, "table_name": table, "row_id": row_id,
        "column_name": column, "ours": _json(ours), "theirs": _json(theirs), "ours_by": by, "ours_at": at,
        "theirs_by": exchange.made_by_name, "theirs_at": exchange.made_at, "theirs_copy": exchange.replica_name,
        "detail": detail}))


def _carry_out(conn, exchange, item: dict) -> None:
    """A choice made on the sending copy, made here too so every copy ends the same."""
    table, row_id, value = item["table"], item["row_id"], _loads(item.get("value"))
    touched = [row_id]
    if item["kind"] == "value" and store.row(conn, table, row_id) is not None:
        store.set_columns(conn, table, row_id, {item["column"]: value})
    elif item["kind"] == "duplicate" and isinstance(value, dict):
        keep, drop = value.get("keep"), value.get("drop")
        if drop and store.row(conn, table, drop) is not None:
            store.delete_row(conn, table, drop)
        if keep and store.row(conn, table, keep["id"]) is None:
            store.insert_row(conn, table, keep)
        touched = [r for r in (drop, keep and keep["id"]) if r]
    for touched_id in touched:
        column = item["column"] if item["kind"] == "value" else None
        for open_conflict in store.open_conflicts_on(conn, table, touched_id, column):
            store.close_conflict(conn, open_conflict["id"], item["chosen"], exchange.made_by_name,
                                 exchange.made_at, item.get("value"), sent=True)


# ---------------------------------------------------------------- the review list


def row_name(row: dict | None) -> str:
    """A row as a person knows it: its number, company or person's name, description… ('' when
    it has none of them)."""
    if not row:
        return ""
    return next((str(row[c]) for c in _LABEL_COLUMNS if row.get(c)), "")


def row_label(conflict: dict) -> str:
    """The row a conflict is about, from either side's values; the start of its id at worst."""
    for side in ("ours", "theirs"):
        values = _loads(conflict[side])
        if isinstance(values, dict) and row_name(values):
            return row_name(values)
    return conflict["row_id"][:8]


def list_conflicts(db, status: str | None = "open") -> list[dict]:
    """The review list with what a person needs to choose: the row, the field, both values,
    who made them and when."""
    found = []
    for conflict in store.conflicts(db, status):
        current = store.row(db, conflict["table_name"], conflict["row_id"])
        found.append({**conflict, "label": row_name(current) or row_label(conflict),
                      "ours_value": _loads(conflict["ours"]), "theirs_value": _loads(conflict["theirs"])})
    return found


def resolve_conflict(db, actor: Actor, conflict_id: str, choice: str) -> ChangeSet:
    """The department manager's choice for one conflict: ``ours`` keeps this copy's value,
    ``theirs`` takes the other copy's. Audited; every copy makes the same choice when it
    receives the next file sent from here."""
    permissions.require(actor, permissions.Action.RESOLVE_CONFLICTS)
    if choice not in ("ours", "theirs"):
        raise UserError(f"选择必须是 ours 或 theirs / the choice must be ours or theirs, not {choice!r}")
    changes = ChangeSet()
    with transaction(db):
        conflict = store.conflict(db, conflict_id)
        if conflict is None:
            raise UserError("冲突不存在 / no such conflict")
        if conflict["status"] != "open":
            raise UserError(f"此冲突已由 {conflict['resolved_by']} 处理 / already resolved by {conflict['resolved_by']}")
        settled_value = _choose(db, actor, conflict, choice, changes)
        now = records.utc_now()
        same = store.open_conflicts_on(db, conflict["table_name"], conflict["row_id"],
                                       conflict["column_name"] if conflict["kind"] == "value" else None)
        for each in same:
            store.close_conflict(db, each["id"], choice, actor.name, now, settled_value, sent=each["id"] != conflict_id)
        records.audit(db, actor, "update", "sync_conflicts", conflict_id, {"status": "open"},
                      {"status": "resolved", "chosen": choice, "table": conflict["table_name"],
                       "row_id": conflict["row_id"], "column": conflict["column_name"], "value": settled_value})
    return changes


def _choose(db, actor: Actor, conflict: dict, choice: str, changes: ChangeSet) -> str | None:
    table, row_id = conflict["table_name"], conflict["row_id"]
    ours, theirs = _loads(conflict["ours"]), _loads(conflict["theirs"])
    if conflict["kind"] == "value":
        if store.row(db, table, row_id) is None:
            raise UserError("此记录已不存在 / the row no longer exists")
        value = theirs if choice == "theirs" else store.row(db, table, row_id)[conflict["column_name"]]
        if choice == "theirs":
            record_update(db, actor, changes, table, row_id, {conflict["column_name"]: value})
        return _json(value)
    if conflict["kind"] == "duplicate":
        keep, drop = (theirs, ours) if choice == "theirs" else (ours, theirs)
        if choice == "theirs":
            if ours and store.row(db, table, ours["id"]) is not None:
                record_delete(db, actor, changes, table, ours["id"])
            record_insert(db, actor, changes, table, theirs)
        return _json({"keep": keep, "drop": drop["id"] if drop else None})
    if choice == "theirs":
        raise UserError("此类冲突只能确认保留此副本的数据 / for this kind only this copy's data can be kept")
    return None
