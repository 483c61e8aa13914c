"""``expo-desk import payments``, ``export contracts|receivables`` and ``next-edition``: sales in batch."""

from __future__ import annotations

import argparse
from pathlib import Path

from expo_desk.cli.common import (
    EXIT_OK,
    _backup_dir_for,
    _open_for_writing,
    _out,
    _Progress,
    add_import_arguments,
    add_user_option,
    existing_file,
    refused_import,
    run_export,
    run_import,
    signed_in_actor,
)
from expo_desk.domain.money import format_fen
from expo_desk.errors import UserError

NEXT_EDITION_DESCRIPTION = """\
Make the next edition of a show in the same file: the halls and booth layout (all booths
available, blocked ones kept blocked), the pricing rules and sales terms with their dates
moved by the gap between the two openings, the service catalogue and the exhibitors who
signed a contract (with contacts and account manager). No sale is copied. With
--offer-until, every signed contract of the show is offered its booths again until that
date (the booth is held for the exhibitor); --on-site CONTRACT_NO (repeatable) names
contracts whose exhibitors rebooked at the show: they are served first and get a draft
contract at once. Booths two exhibitors want go to the first served; the others are
listed. All or nothing. Exit 0 done; 2 an unknown show or contract, a code already used,
a bad date (nothing is changed then).
"""


def _cmd_import_payments(args: argparse.Namespace) -> int:
    from expo_desk.services.payment_import import import_payments

    source = Path(args.src)
    show, result = run_import(args, lambda db, actor, show_id, src, progress: import_payments(
        db, actor, show_id, src, dry_run=args.dry_run, progress=progress, backup_dir=_backup_dir_for(Path(args.db))))
    refused = refused_import(source, result.problems)
    if refused is not None:
        return refused
    verb = "would record" if result.dry_run else "recorded"
    summary = (f"{source}: {verb} {result.created} payment(s), {format_fen(result.recorded_fen)} net, in "
               f"{show['code']}; skipped {len(result.skipped_duplicates)} already recorded")
    if result.dry_run:
        summary += " (dry run: nothing written)"
    _out(summary)
    for payment in result.skipped_duplicates:
        _out(f"  already recorded: {payment}")
    return EXIT_OK


def _cmd_export_contracts(args: argparse.Namespace) -> int:
    from expo_desk.services.contract_export import export_contracts

    return run_export(args, "contract", lambda db, show_id, out: export_contracts(db, show_id, out, lang=args.lang))


def _cmd_export_receivables(args: argparse.Namespace) -> int:
    from expo_desk.services.contract_export import export_receivables

    return run_export(args, "receivable",
                      lambda db, show_id, out: export_receivables(db, show_id, out, lang=args.lang))


def _cmd_next_edition(args: argparse.Namespace) -> int:
    from expo_desk.services import rebooking
    from expo_desk.services.shows import require_show

    db = _open_for_writing(existing_file(Path(args.db)))
    progress = _Progress("next edition")
    try:
        actor = signed_in_actor(db, args.user)
        source = require_show(db, args.show)
        on_site = rebooking.exhibitors_of_contracts(db, source["id"], args.on_site or [])
        if on_site and not args.offer_until:
            raise UserError("--on-site 需要 --offer-until / --on-site needs --offer-until")
        copied, offered = rebooking.start_next_edition(
            db, actor, source["id"], args.code, args.name, args.name_en or "", args.start, end_date=args.end,
            offered_until=args.offer_until, on_site_exhibitor_ids=on_site, progress=progress)
    finally:
        progress.close()
        db.close()
    show, counts = copied.show, copied.counts
    moved = f"dates moved {copied.shift_days} day(s)" if copied.shift_days is not None else "dates kept"
    _out(f"{args.db}: new show {show['code']} {show['name']} {show['start_date']} – {show['end_date'] or '?'}, "
         f"copied from {source['code']} ({moved})")
    _out(f"  halls {counts['halls']}, booths {counts['booths']} ({counts['blocked']} blocked), "
         f"pricing rules {counts['pricing_rules']}, services {counts['services']}, "
         f"exhibitors {counts['exhibitors']} (contacts {counts['contacts']})")
    if offered is not None:
        drafts = ", ".join(offered.on_site_contracts) or "-"
        _out(f"  rebooking offers {offered.offers} until {args.offer_until}: {offered.reserved} booth(s) held, "
             f"draft contract(s) for on-site rebookings: {drafts}")
        for conflict in offered.conflicts:
            _out(f"  no booth: {conflict}")
    return EXIT_OK


def _show_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="FILE")
    parser.add_argument("--show", required=True, metavar="CODE")


def register(commands: argparse._SubParsersAction) -> None:
    kinds = commands.kinds  # set by build_parser: the ``import`` and ``export`` kind subparsers
    imports = kinds["import"].add_parser("payments", help="payments and refunds from .xlsx or .csv (合同号/contract_no, "
                                                          "日期/paid_on, 金额/amount, 方式/method, 流水号/reference, "
                                                          "原因/reason)")
    add_import_arguments(imports, dry_run_help="check every row against the payment rules, write nothing")
    imports.set_defaults(run=_cmd_import_payments)

    for kind, run, text in (("contracts", _cmd_export_contracts, "contracts with totals, paid and balance"),
                            ("receivables", _cmd_export_receivables, "money still due, longest overdue first")):
        exports = kinds["export"].add_parser(kind, help=f"{text}, to .xlsx or .csv")
        _show_options(exports)
        exports.add_argument("-o", "--output", required=True, metavar="OUT")
        exports.add_argument("--lang", choices=("zh", "en"), default="zh", help="headers and names (default zh)")
        exports.set_defaults(run=run)

    edition = commands.add_parser("next-edition", help="copy a show's setup into its next edition and offer "
                                                       "rebookings", description=NEXT_EDITION_DESCRIPTION,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    _show_options(edition)
    edition.add_argument("--code", required=True, metavar="NEW", help="the new show's code, e.g. RZ2027")
    edition.add_argument("--name", required=True, help="the new show's name")
    edition.add_argument("--name-en", metavar="X", help="English name")
    edition.add_argument("--start", required=True, metavar="DATE", help="first open day, YYYY-MM-DD")
    edition.add_argument("--end", metavar="DATE", help="last open day (default: as long as the source show)")
    edition.add_argument("--offer-until", metavar="DATE", help="offer last edition's exhibitors their booths "
                                                               "until DATE")
    edition.add_argument("--on-site", action="append", metavar="CONTRACT_NO",
                         help="a contract of the source show whose exhibitor rebooked on site (repeatable)")
    add_user_option(edition)
    edition.set_defaults(run=_cmd_next_edition)
