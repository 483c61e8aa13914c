"""``expo-desk report schedule``: the schedule progress report for management, as a PDF.

A kind of ``report``: ``cli.report`` hands its kinds to ``register_report_kinds`` here, and
the command shares its file checks and its all-or-nothing write.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from expo_desk.cli.common import EXIT_OK, _out
from expo_desk.cli.report import _read_report_data, _write_report

SCHEDULE_DESCRIPTION = """\
Print the build schedule's progress for management as an A4 PDF (项目进度报告): percent done
overall, the milestones (planned, forecast, on time / at risk / late) on a timeline, progress
per role (项目经理 / 项目主管 / 项目执行), the late and at-risk events and tasks with their
booth, owner and days late, and the critical path with its dates and float. --today sets
the as-of date (default today); --lang zh, en or both. The file is only read. Exit 0 ok;
2 an unknown show, a bad date, or a file that cannot be read or written (nothing is
written then).
"""


def register_report_kinds(kinds: argparse._SubParsersAction) -> None:
    """Add ``schedule`` to the kinds of ``report``."""
    schedule = kinds.add_parser("schedule", help="the schedule progress report: milestones, late items, critical path",
                                description=SCHEDULE_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    schedule.add_argument("--db", required=True, metavar="FILE", help="the Expo Desk file")
    schedule.add_argument("--show", required=True, metavar="CODE", help="the show's code, e.g. RZ2026")
    schedule.add_argument("--lang", choices=("zh", "en", "both"), default="both",
                          help="labels and texts (default both)")
    schedule.add_argument("--today", metavar="DATE", help="the as-of date, YYYY-MM-DD (default today)")
    schedule.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    schedule.set_defaults(run=_cmd_report_schedule)


def _as_of(text: str | None) -> str:
    from expo_desk.errors import UserError

    if not text:
        return date.today().isoformat()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserError(f"--today {text}: 日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD") from None


def _cmd_report_schedule(args: argparse.Namespace) -> int:
    from expo_desk.reports.schedule_report import render_schedule_report
    from expo_desk.services.schedule_report_data import schedule_report_data

    today = _as_of(args.today)
    out = Path(args.output)
    data = _read_report_data(args, lambda db, show: schedule_report_data(db, show["id"], today, language=args.lang))
    _write_report(out, lambda stream: render_schedule_report(data, stream))
    late = sum(1 for m in data.milestones if m.state == "late")
    _out(f"{out}: schedule progress of {data.show_code} as of {data.today}: {data.percent:.1f}% done, "
         f"{len(data.milestones)} milestone(s) ({late} late), {data.late_tasks:,} late task(s)")
    return EXIT_OK
