"""``expo-desk report …``: PDF reports of a show (the hall plan, the contract documents)."""

from __future__ import annotations

import argparse
from importlib import import_module
from pathlib import Path

from expo_desk.cli.common import EXIT_OK, _open_for_reading, _out, existing_file

DOCUMENT_KINDS = ("confirmation", "summary", "statement", "all")
# Modules that add kinds of report: each has ``register_report_kinds(kinds)`` taking the subparsers.
REPORT_KIND_MODULES: tuple[str, ...] = ("expo_desk.cli.schedule", "expo_desk.cli.documents")

PLAN_DESCRIPTION = """\
Draw the halls of a show as a PDF, one hall per page (A3 landscape, vector): booths to
scale with their numbers and exhibitor names, coloured by status, with a legend, a scale
bar and a title block. --hall prints one hall; --highlight marks one booth (thick red
outline and a note). --lang chooses the labels and names: zh, en or both (default).
The file is only read. Exit 0 ok; 2 an unknown show, hall or booth, or a file that cannot
be read or written (nothing is written then).
"""

CONTRACT_DESCRIPTION = """\
Print an exhibitor's contract documents as an A4 PDF: the booth confirmation (展位确认书:
booths, prices, fascia text, a small plan with the booth marked, signature blocks), the
contract summary (every line, the total, the payment schedule, the cancellation terms) and
the payment statement (instalments with what is paid and overdue, payments and refunds,
the balance). --kind chooses one (default all three in one file); --lang zh, en or both.
The exhibitor is found by its exact name or a unique part of it; --contract picks one of
several contracts. The file is only read. Exit 0 ok; 2 an unknown show, exhibitor or
contract, a name that matches several exhibitors (they are listed), or a file that cannot
be read or written (nothing is written then).
"""


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser("report", help="PDF reports of a show (hall plan, …)",
                                 description="PDF reports of a show.")
    kinds = report.add_subparsers(dest="report_kind", metavar="REPORT", required=True)
    plan = kinds.add_parser("plan", help="the hall plan: booths with numbers and exhibitors, by status",
                            description=PLAN_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    plan.add_argument("--db", required=True, metavar="FILE", help="the Expo Desk file")
    plan.add_argument("--show", required=True, metavar="CODE", help="the show's code, e.g. RZ2026")
    plan.add_argument("--hall", metavar="H", help="only this hall (its code, e.g. A1)")
    plan.add_argument("--highlight", metavar="BOOTH", help="mark this booth (its number, e.g. A1-012)")
    plan.add_argument("--lang", choices=("zh", "en", "both"), default="both", help="labels and names (default both)")
    plan.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    plan.set_defaults(run=_cmd_report_plan)

    contract = kinds.add_parser("contract", help="an exhibitor's contract documents: confirmation, summary, statement",
                                description=CONTRACT_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    contract.add_argument("--db", required=True, metavar="FILE", help="the Expo Desk file")
    contract.add_argument("--show", required=True, metavar="CODE", help="the show's code, e.g. RZ2026")
    contract.add_argument("--exhibitor", required=True, metavar="NAME",
                          help="the exhibitor's Chinese or English name, or a unique part of it")
    contract.add_argument("--contract", metavar="NUMBER", help="the contract's number, when the exhibitor has several")
    contract.add_argument("--kind", choices=DOCUMENT_KINDS, default="all",
                          help="which document (default all three, one after the other)")
    contract.add_argument("--lang", choices=("zh", "en", "both"), default="both", help="labels and texts (default both)")
    contract.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    contract.set_defaults(run=_cmd_report_contract)
    for name in REPORT_KIND_MODULES:
        import_module(name).register_report_kinds(kinds)


def _check_output(out: Path) -> None:
    from expo_desk.errors import UserError

    if out.suffix.lower() != ".pdf":
        raise UserError(f"{out}: 报告文件应以 .pdf 结尾 / the report file must end in .pdf")
    if not out.parent.is_dir():
        raise UserError(f"{out.parent}: 文件夹不存在 / folder not found")
    if out.is_dir():
        raise UserError(f"{out}: 这是一个文件夹 / this is a folder")


def _read_report_data(args: argparse.Namespace, assemble):
    """Check the file and the output path, then return ``assemble(db, show)`` read from the file."""
    from expo_desk.services.shows import require_show

    path = existing_file(Path(args.db))
    _check_output(Path(args.output))
    db = _open_for_reading(path)
    try:
        return assemble(db, require_show(db, args.show))
    finally:
        db.close()


def _write_report(out: Path, render) -> None:
    from expo_desk.errors import UserError
    from expo_desk.services.batch import write_atomically

    try:
        write_atomically(out, render)
    except OSError as exc:
        raise UserError(f"{out}: 无法写入 / cannot write: {exc.strerror or exc}") from exc


def _cmd_report_plan(args: argparse.Namespace) -> int:
    from expo_desk.reports.plan import render_plan
    from expo_desk.services.plan_report import plan_report_data

    out = Path(args.output)
    data = _read_report_data(args, lambda db, show: plan_report_data(
        db, show["id"], hall_code=args.hall, highlight_booth=args.highlight, language=args.lang))
    _write_report(out, lambda stream: render_plan(data, stream))
    booths = sum(len(h.booths) for h in data.halls)
    marked = f", booth {data.highlight} marked" if data.highlight else ""
    _out(f"{out}: hall plan of {data.show_code}, {len(data.halls)} hall(s), {booths:,} booth(s){marked}")
    return EXIT_OK


def _cmd_report_contract(args: argparse.Namespace) -> int:
    from expo_desk.domain.money import format_fen
    from expo_desk.reports.contract_docs import KINDS, render_contract_documents
    from expo_desk.services.contract_documents import contract_documents, exhibitor_contract, find_exhibitor

    def assemble(db, show):
        exhibitor = find_exhibitor(db, show["id"], args.exhibitor)
        contract = exhibitor_contract(db, exhibitor, args.contract)
        return exhibitor, contract_documents(db, contract["id"], language=args.lang)

    out = Path(args.output)
    exhibitor, data = _read_report_data(args, assemble)
    kinds = KINDS if args.kind == "all" else (args.kind,)
    _write_report(out, lambda stream: render_contract_documents(data, stream, kinds))
    _out(f"{out}: {', '.join(kinds)} of contract {data.number} ({exhibitor['company_name']}), "
         f"total {format_fen(data.total_fen, data.currency_symbol)}")
    return EXIT_OK
