"""``expo-desk sync``: copies of a show exchanging their changes by file, from scripts.

    sync prepare --db FILE -o COPY --name NAME [--code CODE]   a copy for another PC
    sync export  --db FILE -o DIR     write this copy's changes since the last exchange
    sync apply   --db FILE DIR        apply the other copies' files found in DIR
    sync conflicts --db FILE [--all] [--keep ours|theirs --id ID]   the review list
    sync rebase  --db FILE            exchange again from the file as it is (after a restore)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from expo_desk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEMS,
    _err,
    _open_for_writing,
    _out,
    add_user_option,
    signed_in_actor,
)


def _on_file(args: argparse.Namespace, work):
    """``work(db, actor)`` on the file named by ``--db``, signed in as ``--user``; closed after."""
    db = _open_for_writing(Path(args.db))
    try:
        return work(db, signed_in_actor(db, args.user))
    finally:
        db.close()


def _cmd_prepare(args: argparse.Namespace) -> int:
    from expo_desk.services.sync import prepare_copy

    made = _on_file(args, lambda db, actor: prepare_copy(db, actor, Path(args.output), args.name, args.code or ""))
    _out(f"{made['path']}: copy '{made['name']}' prepared; its contracts are numbered in the series {made['code']}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from expo_desk.services.sync import send_changes

    sent = _on_file(args, lambda db, actor: send_changes(db, actor, Path(args.output)))
    if sent is None:
        _out("nothing changed since the last exchange; no file written")
    else:
        _out(f"{sent.path}: {sent.changes} change(s), {len(sent.settled)} conflict choice(s)")
    return EXIT_OK


def _cmd_apply(args: argparse.Namespace) -> int:
    from expo_desk.services.sync import receive_changes

    report = _on_file(args, lambda db, actor: receive_changes(db, actor, Path(args.folder)))
    for exchange in report.applied:
        _out(f"applied {exchange.path.name} ({exchange.replica_name}, {exchange.made_by_name}, {exchange.made_at})")
    for exchange in report.waiting:
        _err(f"{exchange.path.name}: waits for an earlier file of another copy that is not in {args.folder}")
    for line in report.refused:
        _err(line)
    _out(f"{len(report.applied)} file(s) applied, {report.already} already applied or our own, "
         f"{len(report.waiting)} waiting; {report.changes} change(s), {report.conflicts} conflict(s) to review, "
         f"{report.refused_changes} change(s) refused")
    return EXIT_PROBLEMS if report.refused or report.waiting else EXIT_OK


def _cmd_rebase(args: argparse.Namespace) -> int:
    from expo_desk.services.sync import take_new_base

    state = _on_file(args, take_new_base)
    _out(f"{args.db}: copy '{state['name']}' exchanges again from the file as it is now")
    return EXIT_OK


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if k != "id" and v not in (None, ""))[:120]
    return "—" if value is None else str(value)


def _settle(db, actor, args: argparse.Namespace) -> int:
    from expo_desk.services.sync_conflicts import list_conflicts, resolve_conflict

    if not args.id:
        _err("expo-desk sync conflicts: --keep needs --id ID")
        return EXIT_BAD_INPUT
    matches = [c for c in list_conflicts(db) if c["id"].startswith(args.id)]
    if len(matches) != 1:
        _err(f"{args.id}: {'no open conflict' if not matches else 'more than one open conflict'} with this id")
        return EXIT_BAD_INPUT
    resolve_conflict(db, actor, matches[0]["id"], args.keep)
    _out(f"{matches[0]['id'][:8]}: kept {args.keep}")
    return EXIT_OK


def _cmd_conflicts(args: argparse.Namespace) -> int:
    from expo_desk.services.sync_conflicts import list_conflicts

    if args.keep:
        return _on_file(args, lambda db, actor: _settle(db, actor, args))
    found = _on_file(args, lambda db, _actor: list_conflicts(db, None if args.all else "open"))
    for c in found:
        where = f"{c['table_name']} {c['label']}" + (f" .{c['column_name']}" if c["column_name"] else "")
        _out(f"{c['id'][:8]}  {c['status']:8}  {c['kind']:9}  {where}")
        _out(f"          here:  {_shown(c['ours_value'])}  ({c['ours_by'] or '?'} {c['ours_at'][:16]})")
        _out(f"          there: {_shown(c['theirs_value'])}  ({c['theirs_by']} {c['theirs_at'][:16]}, "
             f"copy {c['theirs_copy']})")
        if c["status"] == "resolved":
            _out(f"          chose {c['chosen']} ({c['resolved_by']} {c['resolved_at'][:16]})")
    if not found:
        _out("no conflicts waiting for review")
    return EXIT_PROBLEMS if any(c["status"] == "open" for c in found) else EXIT_OK


def register(commands) -> None:
    sync = commands.add_parser("sync", help="exchange changes between copies of a show (office PCs, venue laptops)")
    kinds = sync.add_subparsers(dest="sync_command", required=True, metavar="ACTION")

    prepare = kinds.add_parser("prepare", help="make a copy of FILE for another PC, with its own identity")
    prepare.add_argument("--db", required=True, metavar="FILE")
    prepare.add_argument("-o", "--output", required=True, metavar="COPY", help="the copy to write (must not exist)")
    prepare.add_argument("--name", required=True, help="what to call the copy, e.g. 'Venue laptop 1'")
    prepare.add_argument("--code", help="its contract number series (default C1, C2, …)")
    add_user_option(prepare)
    prepare.set_defaults(run=_cmd_prepare)

    export = kinds.add_parser("export", help="write this copy's changes since the last exchange into DIR")
    export.add_argument("--db", required=True, metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="DIR", help="the exchange folder")
    add_user_option(export)
    export.set_defaults(run=_cmd_export)

    apply = kinds.add_parser("apply", help="apply the other copies' changes files found in DIR",
                             description="Each file is applied in one transaction, after the files it was made on; "
                                         "a file already applied is skipped. Exit 1 when a file is refused or waits.")
    apply.add_argument("--db", required=True, metavar="FILE")
    apply.add_argument("folder", metavar="DIR")
    add_user_option(apply)
    apply.set_defaults(run=_cmd_apply)

    rebase = kinds.add_parser("rebase", help="take a new base (after a restore): exchange again from FILE as it is",
                              description="Changes made in FILE since its last exchange are then never sent.")
    rebase.add_argument("--db", required=True, metavar="FILE")
    add_user_option(rebase)
    rebase.set_defaults(run=_cmd_rebase)

    conflicts = kinds.add_parser("conflicts", help="list the conflicts waiting for review (exit 1 when any)",
                                 description="Lists what two copies changed differently. With --keep and --id, "
                                             "the department manager settles one.")
    conflicts.add_argument("--db", required=True, metavar="FILE")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    conflicts.add_argument("--keep", choices=("ours", "theirs"), help="settle the conflict --id")
    conflicts.add_argument("--id", help="the conflict (the first characters of its id are enough)")
    add_user_option(conflicts)
    conflicts.set_defaults(run=_cmd_conflicts)
