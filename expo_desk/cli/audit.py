"""``expo-desk audit``: the audit trail of a file, filtered, as text or CSV on stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from expo_desk.cli.common import EXIT_OK, _open_for_reading, _out, add_user_option, existing_file, signed_in_actor

DESCRIPTION = """\
Print the audit trail of FILE: who changed what, when, and from what to what.
Entries come oldest first (like a log: the newest is the last line), one per line:
local time with its UTC offset, person, action, table:row id, the record's name and the
changes "field: old → new". --since and --until take local dates (YYYY-MM-DD, both days
included) or a local date and time (YYYY-MM-DD HH:MM). The file is only read.
Exit 0 ok; 2 a bad date or a file that cannot be read.
"""


def register(commands: argparse._SubParsersAction) -> None:
    audit = commands.add_parser("audit", help="print the audit trail (who changed what, when)",
                                description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    audit.add_argument("--db", required=True, metavar="FILE", help="the Expo Desk file")
    audit.add_argument("--since", metavar="DATE", help="from this local day (or date and time) on")
    audit.add_argument("--until", metavar="DATE", help="up to and including this local day")
    audit.add_argument("--table", metavar="T", help="only this table, e.g. exhibitors, contacts")
    audit.add_argument("--person", metavar="NAME", help="only this person (login or display name, any case)")
    add_user_option(audit)
    audit.add_argument("--row", metavar="ID", help="only this record (its id)")
    audit.add_argument("--text", metavar="WORDS", help="only entries whose old or new values contain every word")
    audit.add_argument("--newest-first", action="store_true", help="newest entry first instead of last")
    audit.add_argument("--format", choices=("text", "csv"), default="text",
                       help="text (default): one readable line per entry; csv: a header row, then one row each")
    audit.set_defaults(run=_cmd_audit)


def _cmd_audit(args: argparse.Namespace) -> int:
    from expo_desk.domain.audit import AuditFilter
    from expo_desk.errors import UserError
    from expo_desk.services import audit as audit_service

    since = audit_service.parse_moment(args.since, "--since") if args.since else None
    until = audit_service.parse_moment(args.until, "--until", end=True) if args.until else None
    if since and until and since >= until:
        raise UserError(f"--since {args.since} 晚于 --until {args.until} / --since is after --until")
    db = _open_for_reading(existing_file(Path(args.db)))
    try:
        actor = signed_in_actor(db, args.user)
        user_ids, user_names = audit_service.person_filter(db, actor, args.person) if args.person else ((), ())
        f = AuditFilter(user_ids=user_ids, user_names=user_names, since=since, until=until,
                        table=args.table or None, row_id=args.row or None, text=args.text or "")
        oldest_first = not args.newest_first
        if args.format == "csv":
            audit_service.write_audit_csv(db, actor, f, sys.stdout, oldest_first=oldest_first)
        else:
            for entry in audit_service.iter_audit_entries(db, actor, f, oldest_first=oldest_first):
                _out(_line(entry))
    finally:
        db.close()
    return EXIT_OK


def _line(entry: dict) -> str:
    """``local time  person  action  table:row  record  changes`` for one decoded entry."""
    from expo_desk.services import audit as audit_service

    record = f"  {entry['record']}" if entry.get("record") else ""
    changes = audit_service.describe_changes(entry)
    return (f"{audit_service.local_time(entry['at'])}  {entry['user_name']}  {entry['action']}  "
            f"{entry['table_name']}:{entry['row_id']}{record}" + (f"  {changes}" if changes else ""))
