"""Copies of a show that work apart and exchange their changes by file.

Each PC keeps its own file (SQLite's WAL does not work on a network share). "Prepare a
copy" makes a full copy plus its base; "send" writes the difference between the base and
the file as a changeset file into a folder (a USB stick, a shared folder); "receive"
applies the files found there, one transaction each, in an order that never lets a change
arrive before what it was made on. What both sides changed goes to the review list
(``services.sync_conflicts``); nothing is overwritten silently. The changeset work itself
runs in ``services.sync_worker``'s process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from expo_desk.domain import permissions
from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.errors import UserError
from expo_desk.services import sync_files, sync_worker
from expo_desk.services.shows import list_shows
from expo_desk.services.task_templates import create_show_tasks
from expo_desk.services.users import sign_in_required
from expo_desk.store import sync as store
from expo_desk.store.db import schema_version
from expo_desk.store.records import new_id, utc_now
from expo_desk.store.transactions import transaction

base_file = sync_files.base_file


def copy_state(db) -> dict | None:
    """This copy's identity and last exchanges, or None for a file never set up."""
    return store.state(db)


def _identity(name: str, code: str, origin: dict | None) -> dict:
    return {"id": new_id(), "name": name, "code": code, "origin_id": origin["id"] if origin else None,
            "origin_name": origin["name"] if origin else "", "created_at": utc_now(), "next_seq": 1,
            "copies_made": 0}


def start_exchange(db, actor: Actor, name: str) -> dict:
    """Make this file the first copy of the show (the office's), with its base."""
    permissions.require(actor, permissions.Action.PREPARE_COPIES)
    state = store.state(db)
    if state:
        return state
    if not name.strip():
        raise UserError("必须填写此副本的名称 / a name for this copy is required")
    path = store.database_file(db)
    with transaction(db):
        store.set_state(db, _identity(name.strip(), "", None))
    with sync_worker.worker() as call:
        call(sync_worker.snapshot, path, base_file(path))
    return store.state(db)


def prepare_copy(db, actor: Actor, dest: Path, name: str, code: str = "") -> dict:
    """A full copy of this file for another PC (a venue laptop, a second office PC), with
    its own identity, its base, and a contract number series of its own."""
    permissions.require(actor, permissions.Action.PREPARE_COPIES)
    dest = Path(dest)
    problems = []
    if not name.strip():
        problems.append("必须填写副本的名称 / a name for the copy is required")
    if dest.exists():
        problems.append(f"{dest}: 文件已存在，不会覆盖 / the file already exists; it will not be overwritten")
    elif not dest.parent.is_dir():
        problems.append(f"{dest.parent}: 文件夹不存在 / folder not found")
    if problems:
        raise UserError("\n".join(problems))
    origin = store.state(db) or start_exchange(db, actor, "办公室 Office")
    _settle_shared_rows(db, actor)
    number = origin["copies_made"] + 1
    code = (code.strip() or f"{origin['code']}{'.' if origin['code'] else 'C'}{number}").upper()
    with sync_worker.worker() as call:
        call(sync_worker.snapshot, store.database_file(db), dest)
        call(sync_worker.set_identity, dest, _identity(name.strip(), code, origin))
        call(sync_worker.snapshot, dest, base_file(dest))
    with transaction(db):
        store.update_state(db, {"copies_made": number})
    return {"path": dest, "name": name.strip(), "code": code}


def _settle_shared_rows(db, actor: Actor) -> None:
    """Rows a show makes for itself on first use (its schedule templates, milestones and
    main events) are made before the copy, so two copies never each make their own."""
    for show in list_shows(db):
        create_show_tasks(db, actor, show["id"])


def _ready(db, actor: Actor) -> tuple[dict, Path, Path]:
    permissions.require(actor, permissions.Action.EXCHANGE_CHANGES)
    state = store.state(db)
    if state is None:
        raise UserError("此文件尚未设置为可交换的副本；请先准备副本 / this file is not set up to exchange changes; "
                        "prepare a copy first")
    path = store.database_file(db)
    base = base_file(path)
    if not base.exists():
        raise UserError(f"{base}: 找不到上次交换时的基准（文件是否从备份恢复过？）；请部门经理重新设定基准 / the base of "
                        "the last exchange is missing (was the file restored from a backup?); a department manager "
                        "can take a new base")
    return state, path, base


def base_missing(db) -> bool:
    """Whether this copy (set up to exchange) has lost its base, e.g. after a restore."""
    return store.state(db) is not None and not base_file(store.database_file(db)).exists()


def take_new_base(db, actor: Actor) -> dict:
    """Start exchanging again from the file as it is now (after a restore, or a lost base).
    What was changed here since the last exchange is then never sent: the copy's own
    earlier edits and a restored file's older state never travel as changes."""
    permissions.require(actor, permissions.Action.PREPARE_COPIES)
    state = store.state(db)
    if state is None:
        raise UserError("此文件尚未设置为可交换的副本 / this file is not set up to exchange changes")
    path = store.database_file(db)
    with sync_worker.worker() as call:
        call(sync_worker.snapshot, path, base_file(path))
    return state


def _last_known(db) -> dict[str, str]:
    """For each copy heard from, the last of its files known here."""
    last: dict[str, str] = {}
    for entry in reversed(store.files(db, limit=-1)):
        last[entry["replica_id"]] = entry["id"]
    return last


def _settlement(conflict: dict) -> dict:
    return {"kind": conflict["kind"], "table": conflict["table_name"], "row_id": conflict["row_id"],
            "column": conflict["column_name"], "chosen": conflict["chosen"], "value": conflict["settled_value"]}


def send_changes(db, actor: Actor, folder: Path) -> sync_files.ExchangeFile | None:
    """Write what changed here since the last exchange into ``folder``; None when nothing did."""
    state, path, base = _ready(db, actor)
    if not Path(folder).is_dir():
        raise UserError(f"{folder}: 文件夹不存在 / folder not found")
    store.bring_up_to_date(base)
    following = base.with_name(base.name + ".next")
    try:
        with sync_worker.worker() as call:
            call(sync_worker.snapshot, path, following)
            changeset, count = call(sync_worker.difference, base, following)
        settled = store.unsent_resolutions(db)
        if not changeset and not settled:
            return None
        exchange = sync_files.ExchangeFile(
            file_id=new_id(), replica_id=state["id"], replica_name=state["name"], seq=state["next_seq"],
            previous=state["last_sent_id"], made_at=utc_now(), made_by_id=actor.user_id, made_by_name=actor.name,
            schema_version=schema_version(db), after=_last_known(db),
            settled=[_settlement(c) for c in settled], changes=count)
        sync_files.write(Path(folder), exchange, changeset)
        with transaction(db):
            store.record_file(db, {"id": exchange.file_id, "replica_id": state["id"], "replica_name": state["name"],
                                   "seq": exchange.seq, "direction": "sent", "made_at": exchange.made_at,
                                   "made_by": actor.name, "file_name": exchange.path.name,
                                   "changes": exchange.changes, "done_at": utc_now()})
            store.update_state(db, {"next_seq": exchange.seq + 1, "last_sent_id": exchange.file_id,
                                    "last_sent_at": exchange.made_at})
            store.mark_resolutions_sent(db, [c["id"] for c in settled])
        following.replace(base)
        return exchange
    finally:
        following.unlink(missing_ok=True)


@dataclass
class Received:
    """What one "receive" did."""

    applied: list[sync_files.ExchangeFile] = field(default_factory=list)
    already: int = 0
    waiting: list[sync_files.ExchangeFile] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # a line per file that cannot be used
    changes: int = 0
    conflicts: int = 0
    refused_changes: int = 0
    cancelled: bool = False


def _local_role(db) -> str | None:
    """The role of changes made by the one local user of a company without sign-in; where
    this copy requires sign-in, such changes are no one's and are refused."""
    return None if sign_in_required(db) else Role.ADMINISTRATOR.value


def _pending(db, state: dict, found: list[sync_files.ExchangeFile], report: Received) -> list:
    known = store.known_file_ids(db)
    version = schema_version(db)
    pending = []
    for exchange in found:
        if exchange.replica_id == state["id"] or exchange.file_id in known:
            report.already += 1
        elif exchange.schema_version != version:
            report.refused.append(
                f"{exchange.path.name}: 结构版本 {exchange.schema_version} 与本副本的 {version} 不同，"
                f"请两边使用同一版本的 Expo Desk / schema version {exchange.schema_version} differs from this "
                f"copy's {version}; use the same Expo Desk version on both")
        else:
            pending.append(exchange)
    return pending


def _can_apply(exchange: sync_files.ExchangeFile, known: set[str], own_id: str) -> bool:
    if exchange.previous and exchange.previous not in known:
        return False
    return all(file_id in known for replica, file_id in exchange.after.items() if replica != own_id)


def receive_changes(db, actor: Actor, folder: Path, progress: Callable[[int, int], None] | None = None,
                    should_cancel: Callable[[], bool] | None = None) -> Received:
    """Apply the other copies' files found in ``folder``, each in one transaction, each only
    after the files it was made on. A cancel stops between two files: those applied stay
    applied (each whole), the rest wait for the next receive."""
    state, path, base = _ready(db, actor)
    found, problems = sync_files.found_in(Path(folder))
    report = Received(refused=problems)
    pending = _pending(db, state, found, report)
    known = store.known_file_ids(db)
    total = len(pending)
    with sync_worker.worker() as call:
        progressing = True
        while pending and progressing and not report.cancelled:
            progressing = False
            for exchange in list(pending):
                if should_cancel is not None and should_cancel():
                    report.cancelled = True
                    break
                if not _can_apply(exchange, known, state["id"]):
                    continue
                pending.remove(exchange)
                try:
                    changes, conflicts, refused = call(sync_worker.apply_file, path, base, exchange,
                                                       _local_role(db))
                except UserError as exc:
                    report.refused.append(f"{exchange.path.name}: {exc}")
                    continue
                known.add(exchange.file_id)
                report.applied.append(exchange)
                report.changes += changes
                report.conflicts += conflicts
                report.refused_changes += refused
                progressing = True
                if progress:
                    progress(len(report.applied), total)
    report.waiting = pending
    if report.applied:
        with transaction(db):
            store.update_state(db, {"last_received_at": utc_now()})
    return report


def exchange_history(db, limit: int = 200) -> list[dict]:
    """The files sent from here and applied here, newest first."""
    return store.files(db, limit)
