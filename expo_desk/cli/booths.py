"""``expo-desk import booths`` and ``expo-desk export booths``: the booth list as a spreadsheet."""

from __future__ import annotations

import argparse
from pathlib import Path

from expo_desk.cli.common import (
    DRY_RUN_HELP,
    EXIT_OK,
    _backup_dir_for,
    _out,
    add_user_option,
    refused_import,
    run_export,
    run_import,
)


def _cmd_import_booths(args: argparse.Namespace) -> int:
    from expo_desk.services.booth_import import import_booths

    source = Path(args.src)
    show, result = run_import(args, lambda db, actor, show_id, src, progress: import_booths(
        db, actor, show_id, src, hall_code=args.hall, dry_run=args.dry_run, progress=progress,
        backup_dir=_backup_dir_for(Path(args.db))))
    refused = refused_import(source, result.problems)
    if refused is not None:
        return refused
    verb = "would create" if result.dry_run else "created"
    halls = ", ".join(f"{code} {n}" for code, n in result.per_hall.items()) or "-"
    summary = f"{source}: {verb} {result.created} booth(s) in {show['code']} ({halls})"
    if result.dry_run:
        summary += " (dry run: nothing written)"
    _out(summary)
    return EXIT_OK


def _cmd_export_booths(args: argparse.Namespace) -> int:
    from expo_desk.services.booth_export import export_booths

    return run_export(args, "booth", export_booths)


def register(commands: argparse._SubParsersAction) -> None:
    kinds = commands.kinds  # set by build_parser: the ``import`` and ``export`` kind subparsers
    imports = kinds["import"].add_parser("booths", help="booths from .xlsx or .csv (展位号/booth_no, 展馆/hall, "
                                                        "宽/width_m, 深/depth_m, 类型/type, X/x_m, Y/y_m, 行业/sector)")
    imports.add_argument("src", metavar="SRC")
    imports.add_argument("--db", required=True, metavar="FILE")
    imports.add_argument("--show", required=True, metavar="CODE")
    imports.add_argument("--hall", metavar="CODE", help="hall for rows without one (the hall column may be left out)")
    imports.add_argument("--dry-run", action="store_true", help=DRY_RUN_HELP)
    add_user_option(imports)
    imports.set_defaults(run=_cmd_import_booths)

    exports = kinds["export"].add_parser("booths", help="booths to .xlsx or .csv")
    exports.add_argument("--db", required=True, metavar="FILE")
    exports.add_argument("--show", required=True, metavar="CODE")
    exports.add_argument("-o", "--output", required=True, metavar="OUT")
    exports.set_defaults(run=_cmd_export_booths)
