"""The command line: the window by default, and batch commands for scripts and scheduled jobs.

The command names, options and exit codes are a public contract (add, never rename):

    0  ok
    1  problems found (``check``)
    2  bad input or a file that cannot be used; nothing was changed

Errors go to stderr, one line per problem (``FILE:ROW:COLUMN: message`` for imports).
Qt is loaded only when the window is started.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from expo_desk import __version__
from expo_desk.cli.common import (  # noqa: F401  (re-exported: tests and commands use them)
    DEMO_SIZES,
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXPORT_SUFFIXES,
    PASSWORD_ENV,
    _actor,
    _backup_dir_for,
    _err,
    _open_for_reading,
    _open_for_writing,
    _out,
    _Progress,
    add_import_arguments,
    refused_import,
    run_export,
    run_import,
    signed_in_actor,
)
from expo_desk.errors import DatabaseTooNew, UserError, ValidationError

# ---------------------------------------------------------------- commands


def _cmd_gui(args: argparse.Namespace) -> int:
    from expo_desk.app import run_gui  # Qt is imported only here

    return int(run_gui(data_dir=args.data_dir, db_path=args.gui_db, demo=args.demo) or 0)


def _cmd_demo(args: argparse.Namespace) -> int:
    from expo_desk.services.demo import write_demo

    path = Path(args.file)
    if path.exists():
        raise UserError(f"{path}: 文件已存在，不会覆盖 / the file already exists; it will not be overwritten")
    if not path.parent.is_dir():
        raise UserError(f"{path.parent}: 文件夹不存在 / folder not found")
    progress = _Progress(f"demo {args.size}")
    options = {"progress": progress} if args.seed is None else {"seed": args.seed, "progress": progress}
    try:
        result = write_demo(path, args.size, **options)
    finally:
        progress.close()
    seed = "" if args.seed is None else f", seed {args.seed}"
    _out(f"{path}: demo data, size {args.size}{seed}")
    for name, value in _demo_counts(path, result).items():
        _out(f"  {name}: {value:,}" if isinstance(value, int) else f"  {name}: {value}")
    return EXIT_OK


def _demo_counts(path: Path, result: object) -> dict:
    """What the demo file holds: the counts write_demo returned, or counted in the file."""
    if isinstance(result, dict) and result:
        return dict(result)
    from expo_desk.store.shows import list_shows, show_counts

    db = _open_for_reading(path)
    try:
        totals: dict[str, int] = {"shows": 0}
        for show in list_shows(db):
            totals["shows"] += 1
            for key, value in show_counts(db, show["id"]).items():
                totals[key] = totals.get(key, 0) + value
        return totals
    finally:
        db.close()


def _cmd_new(args: argparse.Namespace) -> int:
    from expo_desk.services.shows import new_show_file

    db, show = new_show_file(Path(args.file), _actor(), args.show, args.name, name_en=args.name_en or "",
                             start_date=args.start, end_date=args.end)
    db.close()
    dates = f" {show['start_date'] or '?'} – {show['end_date'] or '?'}" if (show["start_date"] or show["end_date"]) else ""
    _out(f"{args.file}: new show {show['code']} {show['name']}{dates}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from expo_desk.store.db import inspect_file

    path = Path(args.file)
    report = inspect_file(path)
    for problem in report.problems:
        _err(problem)
    if report.pending_migrations:
        names = ", ".join(report.pending_migrations)
        _out(f"{path}: 结构版本 {report.schema_version}，打开时将升级 / schema {report.schema_version}; "
             f"{len(report.pending_migrations)} upgrade step(s) pending, applied when Expo Desk opens it: {names}")
    if not report.ok:
        _out(f"{path}: 发现 {len(report.problems)} 个问题 / {len(report.problems)} problem(s) found")
        return EXIT_PROBLEMS
    _out(f"{path}: ok (schema {report.schema_version})")
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from expo_desk.store.backup import backup_to_folder, write_backup
    from expo_desk.store.db import check_compatible, open_read_only

    source, dest = Path(args.file), Path(args.dest)
    as_folder = dest.is_dir() or args.dest.endswith(("/", "\\"))
    if not as_folder and dest.exists():
        raise UserError(f"{dest}: 文件已存在，不会覆盖 / the file already exists; it will not be overwritten")
    if not as_folder and dest.resolve() == source.resolve():
        raise UserError(f"{dest}: 备份不能覆盖原文件 / the backup cannot replace the file itself")
    db = open_read_only(source)  # never migrates or writes the file being saved
    try:
        try:
            check_compatible(db, source)
        except DatabaseTooNew:
            pass  # a newer version's file can still be copied safely
        written = backup_to_folder(db, dest, source.stem) if as_folder else write_backup(db, dest)
    finally:
        db.close()
    _out(f"{written}: 备份已写入并校验 / backup written and verified")
    return EXIT_OK


def _cmd_import_exhibitors(args: argparse.Namespace) -> int:
    from expo_desk.services.exhibitor_import import import_exhibitors

    source = Path(args.src)
    show, result = run_import(args, lambda db, actor, show_id, src, progress: import_exhibitors(
        db, actor, show_id, src, dry_run=args.dry_run, progress=progress, should_cancel=None))
    refused = refused_import(source, result.problems)
    if refused is not None:
        return refused
    verb = "would create" if result.dry_run else "created"
    summary = (f"{source}: {verb} {result.created} exhibitor(s) in {show['code']}, "
               f"skipped {len(result.skipped_duplicates)} duplicate(s), "
               f"{'would add' if result.dry_run else 'added'} {len(result.added_managers)} account manager(s)")
    if result.dry_run:
        summary += " (dry run: nothing written)"
    _out(summary)
    for name in result.skipped_duplicates:
        _out(f"  skipped (already in the show): {name}")
    for name in result.added_managers:
        _out(f"  new account manager: {name}")
    return EXIT_OK


def _cmd_export_exhibitors(args: argparse.Namespace) -> int:
    from expo_desk.services.exhibitor_export import export_exhibitors

    return run_export(args, "exhibitor", export_exhibitors)


# ---------------------------------------------------------------- the parser

# Modules that add commands: each has ``register(commands)`` taking the subparsers.
COMMAND_MODULES: tuple[str, ...] = ("expo_desk.cli.audit", "expo_desk.cli.backups", "expo_desk.cli.report",
                                   "expo_desk.cli.booths", "expo_desk.cli.sales",
                                   "expo_desk.cli.post_show", "expo_desk.cli.sync")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="expo-desk",
        description="Expo Desk 展会管理: without a command, opens the window.",
        epilog="exit codes: 0 ok, 1 problems found, 2 bad input (nothing changed)",
    )
    parser.add_argument("--version", action="version", version=f"expo-desk {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="keep data, logs and backups in DIR")
    parser.add_argument("--db", dest="gui_db", type=Path, metavar="FILE", help="open this database file")
    parser.add_argument("--demo", action="store_true", help="open the window on demo data")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check this installation (database, report, translations, window offscreen) and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="write a demo database")
    demo.add_argument("file", metavar="FILE")
    demo.add_argument("--size", required=True, choices=DEMO_SIZES, type=str.upper,
                      help="S, M, L or XL (from a city show to a whole Canton Fair session)")
    demo.add_argument("--seed", type=int, metavar="N", help="random seed: the same seed gives the same file")
    demo.set_defaults(run=_cmd_demo)

    new = commands.add_parser("new", help="create a database holding one empty show")
    new.add_argument("file", metavar="FILE")
    new.add_argument("--show", required=True, metavar="CODE", help="show code, e.g. RZ2026")
    new.add_argument("--name", required=True, help="show name")
    new.add_argument("--name-en", metavar="X", help="English show name")
    new.add_argument("--start", metavar="DATE", help="first open day, YYYY-MM-DD")
    new.add_argument("--end", metavar="DATE", help="last open day, YYYY-MM-DD")
    new.set_defaults(run=_cmd_new)

    check = commands.add_parser(
        "check", help="check a database without changing it",
        description="Read-only check: SQLite integrity, broken references, and whether this version can open "
                    "the file. Pending upgrade steps are listed, not applied. Exit 0 sound, 1 problems found "
                    "(damage, broken references, written by a newer version), 2 not readable or not an Expo Desk file.")
    check.add_argument("file", metavar="FILE")
    check.set_defaults(run=_cmd_check)

    backup = commands.add_parser("backup", help="write a verified copy of a database")
    backup.add_argument("file", metavar="FILE")
    backup.add_argument("dest", metavar="DEST", help="a folder (timestamped name) or a new file")
    backup.set_defaults(run=_cmd_backup)

    imports = commands.add_parser("import", help="import data into a show")
    import_kinds = imports.add_subparsers(dest="kind", metavar="KIND", required=True)
    import_exhibitors = import_kinds.add_parser("exhibitors", help="exhibitors from .xlsx or .csv")
    add_import_arguments(import_exhibitors)
    import_exhibitors.set_defaults(run=_cmd_import_exhibitors)

    exports = commands.add_parser("export", help="export data of a show")
    export_kinds = exports.add_subparsers(dest="kind", metavar="KIND", required=True)
    export_exhibitors = export_kinds.add_parser("exhibitors", help="exhibitors to .xlsx or .csv")
    export_exhibitors.add_argument("--db", required=True, metavar="FILE")
    export_exhibitors.add_argument("--show", required=True, metavar="CODE")
    export_exhibitors.add_argument("-o", "--output", required=True, metavar="OUT")
    export_exhibitors.set_defaults(run=_cmd_export_exhibitors)

    commands.kinds = {"import": import_kinds, "export": export_kinds}  # modules add kinds to these
    for name in COMMAND_MODULES:
        import_module(name).register(commands)
    return parser


def _safe_streams() -> None:
    """Never die printing Chinese on a console whose code page lacks a character."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's batch workers start through here
    _safe_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (argparse exits 2)
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if args.smoke_test:
        from expo_desk.smoke import run_smoke_test

        if args.command is not None:
            _err("expo-desk: --smoke-test runs alone, without a command")
            return EXIT_BAD_INPUT
        return run_smoke_test(args.data_dir)
    if args.command is None:
        run = _cmd_gui
    else:
        if args.demo or args.gui_db is not None or args.data_dir is not None:
            _err("expo-desk: --data-dir, --db and --demo belong to the window, not to a command")
            return EXIT_BAD_INPUT
        run = args.run
    try:
        return run(args)
    except ValidationError as exc:
        for problem in exc.problems:
            _err(str(problem))
        return EXIT_BAD_INPUT
    except UserError as exc:
        for line in str(exc).splitlines() or ["error"]:
            _err(line)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("expo-desk: interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
