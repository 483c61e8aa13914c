"""``expo-desk import visitors`` and ``expo-desk import leads``: post-show data from other systems."""

from __future__ import annotations

import argparse
from pathlib import Path

from expo_desk.cli.common import EXIT_OK, _backup_dir_for, _out, add_import_arguments, refused_import, run_import
from expo_desk.domain.money import format_fen


def _run(args: argparse.Namespace, service):
    """Run an import service through the shared checks; (show, result) or an exit code when refused."""
    source = Path(args.src)
    show, result = run_import(args, lambda db, actor, show_id, src, progress: service(
        db, actor, show_id, src, dry_run=args.dry_run, progress=progress, backup_dir=_backup_dir_for(Path(args.db))))
    return show, result, refused_import(source, result.problems)


def _dry(result) -> str:
    return " (dry run: nothing written)" if result.dry_run else ""


def _cmd_import_visitors(args: argparse.Namespace) -> int:
    from expo_desk.services.post_show_import import PER_VISITOR, import_visitors

    show, result, refused = _run(args, import_visitors)
    if refused is not None:
        return refused
    read = "counted one row per visitor" if result.shape == PER_VISITOR else "read counts"
    verb = "would set" if result.dry_run else "set"
    _out(f"{args.src}: {read}; {verb} {result.created} day/sector count(s), {result.visitors:,} visitor(s), "
         f"in {show['code']}{_dry(result)}")
    return EXIT_OK


def _cmd_import_leads(args: argparse.Namespace) -> int:
    from expo_desk.services.post_show_import import import_exhibitor_leads

    show, result, refused = _run(args, import_exhibitor_leads)
    if refused is not None:
        return refused
    verb = "would add" if result.dry_run else "added"
    _out(f"{args.src}: {verb} {result.created} lead(s) for {result.exhibitors} exhibitor(s) in {show['code']}, "
         f"{result.agreements} agreement(s) signed worth {format_fen(result.agreement_value_fen)}; "
         f"skipped {len(result.skipped_duplicates)} already there{_dry(result)}")
    for lead in result.skipped_duplicates:
        _out(f"  skipped: {lead}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    kinds = commands.kinds  # set by build_parser: the ``import`` and ``export`` kind subparsers
    for kind, run, text in (
            ("visitors", _cmd_import_visitors,
             "visitors by day and sector from a registration system's .xlsx or .csv: counts (日期/day, 行业/sector, "
             "人数/visitors) or one row per registered visitor (a date and a sector), counted"),
            ("leads", _cmd_import_leads,
             "exhibitors' leads and agreements from a lead-scanning .xlsx or .csv (展商/exhibitor as company or "
             "booth number, 日期/captured_on, 姓名/visitor_name, 公司/visitor_company, 联系方式/contact, "
             "意向/interest, 签约/agreement_signed, 金额/agreement_value, 来源/source)")):
        parser = kinds["import"].add_parser(kind, help=text)
        add_import_arguments(parser)
        parser.set_defaults(run=run)
