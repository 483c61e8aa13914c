"""The changeset work, done in a process of its own.

APSW carries its own SQLite library. Two SQLite libraries must never have the same file
open in one process: POSIX locks belong to the process, so one library closing the file
drops the other's locks (sqlite.org, "How To Corrupt An SQLite Database File", §2.2.1).
The window and the command line use Python's sqlite3; every APSW connection is opened
here, in a spawned worker, and the two talk only through arguments and results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path

from expo_desk.domain import sync_rules as rules
from expo_desk.domain.enums import Role
from expo_desk.errors import UserError
from expo_desk.services import sync_files
from expo_desk.services.sync_conflicts import settle_received
from expo_desk.store import changesets
from expo_desk.store import sync as store
from expo_desk.store.records import utc_now


@contextmanager
def worker() -> Iterator[Callable]:
    """``call(job, *args)`` runs a job of this module in the worker and returns its result;
    an error raised there (a ``UserError`` naming the file) is raised here."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        yield lambda job, *args: pool.submit(job, *args).result()


# ---------------------------------------------------------------- jobs (run in the worker)


def snapshot(source: Path, dest: Path) -> None:
    changesets.snapshot(source, dest)


def set_identity(path: Path, identity: dict) -> None:
    """Give a fresh copy its own identity; the review list stays with its origin."""
    conn = changesets.connect(path)
    try:
        with conn:
            store.set_state(conn, identity)
            store.forget_conflicts(conn)
    finally:
        conn.close()


def difference(base: Path, current: Path) -> tuple[bytes, int]:
    """The changeset from ``base`` to ``current`` and how many row changes it holds."""
    changeset = changesets.diff(base, current, rules.travels)
    return changeset, len(changesets.read(changeset, current)) if changeset else 0


def _refusals(changes: list[changesets.RowChange], roles: dict[str, str], sender: str | None,
               local_role: str | None) -> dict[tuple[str, str], str]:
    """Why each refused row change is refused, judged by the role of the person who made it
    (named by the audit entries travelling with it; the sender when none does) as this copy
    knows them. The audit entries of a refused change are refused with it."""
    roles = {**roles, **{c.row_id: c.new.get("role") for c in changes if c.table == "users" and c.op == "INSERT"}}
    authors: dict[tuple[str, str], set] = {}
    for change in changes:
        if change.table == "audit_log" and change.op == "INSERT":
            authors.setdefault((change.new.get("table_name"), change.new.get("row_id")), set()).add(
                change.new.get("user_id"))
    refused: dict[tuple[str, str], str] = {}
    for change in changes:
        if change.table == "audit_log":
            continue
        reasons = []
        for user_id in authors.get((change.table, change.row_id)) or {sender}:
            role = roles.get(user_id) if user_id else local_role
            reasons.append(rules.refusal(change.table, change.op, Role(role) if role else None))
        if all(reasons):
            refused[(change.table, change.row_id)] = reasons[0]
    for change in changes:
        if change.table == "audit_log":
            if change.op != "INSERT":
                refused[(change.table, change.row_id)] = rules.refusal(change.table, change.op, None)
            elif (change.new.get("table_name"), change.new.get("row_id")) in refused:
                refused[(change.table, change.row_id)] = "所记录的修改被拒绝 / the change it records was refused"
    return refused


def _explained(missing: changesets.MissingRows) -> UserError:
    """A file that cannot be applied because a row it adds is in the way of one here (the same
    company entered on both copies): say which, and how to let it through."""
    in_the_way = [c for c in missing.conflicts if c.reason == "constraint" and c.op == "INSERT"]
    if not in_the_way:
        return missing
    names = "、".join(sorted({str(c.new.get("company_name") or c.new.get("number") or c.new.get("name")
                                  or c.row_id[:8]) for c in in_the_way}))
    return UserError(
        f"另一副本新增的「{names}」与此副本已有的记录重复（同一名称或编号），该文件暂不能应用。"
        f"请在此副本把已有的记录改名（例如加上城市），再接收一次；之后可在两条记录中保留一条 / "
        f"'{names}' was added on the other copy and is here already (the same name or number), so the file "
        f"cannot be applied yet. Rename this copy's record (add the city, say) and receive again; then keep one "
        f"of the two")


def apply_file(path: Path, base: Path, exchange: sync_files.ExchangeFile, local_role: str | None
               ) -> tuple[int, int, int]:
    """Apply one received file to the copy and let the base follow. Returns the numbers of
    changes applied, conflicts listed and changes refused. ``local_role`` is the role of the
    one local user of a company without sign-in (None where sign-in is required)."""
    changeset = sync_files.read_changes(exchange)
    roles = changesets.user_roles(path)
    refused = _refusals(changesets.read(changeset, path), roles, exchange.made_by_id, local_role)
    counts = [0, 0, 0]

    def refuse(change: changesets.RowChange) -> str:
        return refused.get((change.table, change.row_id), "")

    def settle(conn, applied: changesets.Applied) -> None:
        conflicts, refused = settle_received(conn, exchange, applied)
        store.record_file(conn, {"id": exchange.file_id, "replica_id": exchange.replica_id,
                                 "replica_name": exchange.replica_name, "seq": exchange.seq, "direction": "applied",
                                 "made_at": exchange.made_at, "made_by": exchange.made_by_name,
                                 "file_name": exchange.path.name, "changes": applied.changes,
                                 "conflicts": conflicts, "refused": refused, "done_at": utc_now()})
        counts[:] = [applied.changes, conflicts, refused]

    travelling = [t for t in changesets.tables(path=path) if rules.travels(t)]
    try:
        captured = changesets.apply(path, changeset, refuse, settle, travelling)
    except changesets.MissingRows as exc:
        raise _explained(exc) from None
    changesets.follow(base, captured)
    return counts[0], counts[1], counts[2]
