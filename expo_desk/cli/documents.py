"""``expo-desk report pack|post-show|summary``: exhibitor packs and post-show reports, one PDF
per exhibitor (all of them across every core, or one found by name), and the show summary.

Kinds of ``report``: ``cli.report`` hands its kinds to ``register_report_kinds`` here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from expo_desk.cli.common import EXIT_OK, EXIT_PROBLEMS, _err, _open_for_reading, _out, _Progress, existing_file
from expo_desk.cli.report import _check_output

EXHIBITOR_DESCRIPTION = """\
Print the {title} of one exhibitor (--exhibitor: its exact Chinese or English name, or a
unique part of it) or of every exhibitor holding a booth (--all), one PDF each, named booth
first (e.g. "A1-012 日照钢铁集团有限公司-{kind}.pdf"), rendered on every core. -o is a folder,
or with --exhibitor also a .pdf file; --merged FILE also writes all of them in one file;
--lang zh, en or both. The file is only read; each PDF is written whole or not at all.
Exit 0 every file written; 1 some exhibitors could not be printed (listed with the reason,
the others are written); 2 an unknown show or exhibitor, a name matching several exhibitors
(listed), or a file or folder that cannot be used (nothing is written then).
"""

SUMMARY_DESCRIPTION = """\
Print the show summary (展会总结) of a whole show as one PDF. -o is a .pdf file, or a folder
(the file is then named after the show); --lang zh, en or both. The file is only read.
Exit 0 ok; 2 an unknown show, or a file that cannot be read or written (nothing is written then).
"""

KIND_HELP = {
    "pack": ("exhibitor pack (展商手册)", "exhibitor packs (展商手册): booth, plan, times, services, payments, rules"),
    "post-show": ("post-show report (展后报告)", "post-show reports (展后报告): visitors, leads, satisfaction, rebooking"),
}


def register_report_kinds(kinds: argparse._SubParsersAction) -> None:
    """Add ``pack``, ``post-show`` and ``summary`` to the kinds of ``report``."""
    for kind, (title, help_text) in KIND_HELP.items():
        parser = kinds.add_parser(kind, help=help_text, description=EXHIBITOR_DESCRIPTION.format(title=title, kind=kind),
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        _common_options(parser)
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--exhibitor", metavar="NAME", help="one exhibitor: its Chinese or English name, or a unique part")
        who.add_argument("--all", action="store_true", help="every exhibitor holding a booth, in booth order")
        parser.add_argument("--merged", metavar="FILE", help="also write every PDF into this one file, in booth order")
        parser.add_argument("--workers", type=int, metavar="N", help="processes to render with (default every core)")
        parser.add_argument("-o", "--output", required=True, metavar="DIR_OR_FILE",
                            help="the folder to write into (made if missing), or with --exhibitor a .pdf file")
        parser.set_defaults(run=_cmd_report_exhibitors, document_kind=kind)
    summary = kinds.add_parser("summary", help="the show summary (展会总结): one PDF for the whole show",
                               description=SUMMARY_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    _common_options(summary)
    summary.add_argument("-o", "--output", required=True, metavar="DIR_OR_FILE", help="the PDF to write, or a folder")
    summary.set_defaults(run=_cmd_report_summary)


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="FILE", help="the Expo Desk file")
    parser.add_argument("--show", required=True, metavar="CODE", help="the show's code, e.g. RZ2026")
    parser.add_argument("--lang", choices=("zh", "en", "both"), default="both", help="labels and texts (default both)")


def _is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def _check_folder(path: Path) -> None:
    from expo_desk.errors import UserError

    if path.exists() and not path.is_dir():
        raise UserError(f"-o {path}: 已有同名文件，不是文件夹 / a file of this name exists; give a folder")


def _read_show(db_path: Path, code: str, exhibitor_name: str | None) -> tuple[dict, dict | None]:
    """The show and (when named) the exhibitor, read from an up-to-date file."""
    from expo_desk.services.contract_documents import find_exhibitor
    from expo_desk.services.shows import require_show

    db = _open_for_reading(existing_file(db_path))
    try:
        show = require_show(db, code)
        exhibitor = find_exhibitor(db, show["id"], exhibitor_name) if exhibitor_name is not None else None
    finally:
        db.close()
    return show, exhibitor


def _cmd_report_exhibitors(args: argparse.Namespace) -> int:
    from expo_desk.errors import UserError
    from expo_desk.services.batch import run_batch

    kind, out = args.document_kind, Path(args.output)
    merged = Path(args.merged) if args.merged else None
    if merged is not None:
        _check_output(merged)
    to_file = args.exhibitor is not None and _is_pdf(out)
    if to_file:
        _check_output(out)
    elif _is_pdf(out):
        raise UserError(f"-o {out}: 与 --all 一起应给出文件夹，合并文件请用 --merged / with --all, -o is a folder; "
                        "use --merged FILE for one file of all")
    else:
        _check_folder(out)
    if args.workers is not None and args.workers < 1:
        raise UserError(f"--workers {args.workers}: 至少为 1 / at least 1")
    show, exhibitor = _read_show(Path(args.db), args.show, args.exhibitor)
    ids = [exhibitor["id"]] if exhibitor is not None else None
    names = {exhibitor["id"]: out.name} if to_file else None
    progress = _Progress(kind)
    try:
        result = run_batch(Path(args.db), show["id"], kind, ids, out.parent if to_file else out, language=args.lang,
                           merged=merged, workers=args.workers, progress=progress, names=names)
    finally:
        progress.close()
    return _report_result(result, kind, show, out)


def _report_result(result, kind: str, show: dict, out: Path) -> int:
    """What was written on stdout, each failure on stderr; exit 1 when any exhibitor failed."""
    for who, reason in result.failures:
        _err(f"{who}: {reason}")
    written = len(result.written)
    if not written and not result.failures:
        _err(f"{show['code']}: 没有占有展位的展商，未写入任何文件 / no exhibitor holds a booth; nothing was written")
        return EXIT_PROBLEMS
    where = result.written[0] if written == 1 else out
    line = f"{where}: {written} {kind} PDF(s) of {show['code']} written in {result.seconds:.1f} s"
    if result.failures:
        line += f", {len(result.failures)} failed (listed above)"
    _out(line)
    if result.merged is not None:
        _out(f"{result.merged}: all {written} in one file")
    return EXIT_PROBLEMS if result.failures else EXIT_OK


def _cmd_report_summary(args: argparse.Namespace) -> int:
    from expo_desk.errors import UserError
    from expo_desk.services.batch import report_file_name_of_show, run_show_report

    out = Path(args.output)
    if _is_pdf(out):
        _check_output(out)
    else:
        _check_folder(out)
    show, _ = _read_show(Path(args.db), args.show, None)
    if not _is_pdf(out):
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"-o {out}: 无法创建文件夹 / cannot make the folder: {exc.strerror or exc}") from exc
        out = out / report_file_name_of_show(show["code"], "summary")
    result = run_show_report(Path(args.db), show["id"], "summary", out, language=args.lang)
    _out(f"{out}: show summary of {show['code']} written in {result.seconds:.1f} s")
    return EXIT_OK
