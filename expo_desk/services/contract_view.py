"""One contract as the screen and the documents show it: every figure explained, to the fen.

The window, the booth confirmation and the payment statement all read this one structure,
so what is on screen and what is on paper cannot disagree.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from expo_desk.domain import contracts as rules
from expo_desk.services.contract_signing import cancellation_quote
from expo_desk.services.contracts import contract_or_error, discount_waiting, today_text
from expo_desk.services.payments import contract_money
from expo_desk.services.sales_terms import terms as show_terms
from expo_desk.store import contracts as store
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import users as user_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database


def contract_detail(db: Database, contract_id: str, today: str | _dt.date | None = None) -> dict:
    """Everything about one contract.

    Keys: ``contract`` (the row), ``exhibitor``, ``manager_name``, ``approved_by_name``,
    ``lines`` (rows in reading order), ``totals`` (domain Totals), ``booths``,
    ``schedule`` (Allocation: instalments with paid/outstanding/overdue), ``payments``,
    ``discount_limit_fen``, ``discount_waiting``, ``terms``, ``cancellation`` (what a
    cancellation today would cost, for an active contract), ``balance_fen`` (still to pay;
    negative when money is owed back).
    """
    day = today_text(today)
    contract = contract_or_error(db, contract_id)
    lines = store.lines(db, contract_id)
    sums = rules.totals(lines)
    terms = show_terms(db, contract["show_id"])
    money = contract_money(db, contract, day)
    payments = store.payments(db, contract_id)
    manager = user_store.get_user(db, contract["account_manager_id"]) if contract["account_manager_id"] else None
    approver = user_store.get_user(db, contract["discount_approved_by"]) if contract["discount_approved_by"] else None
    return {
        "contract": contract,
        "exhibitor": exhibitor_store.get(db, contract["exhibitor_id"]),
        "manager_name": manager["display_name"] if manager else "",
        "approved_by_name": approver["display_name"] if approver else "",
        "lines": lines,
        "totals": sums,
        "booths": store.contract_booths(db, contract_id),
        "schedule": money,
        "payments": payments,
        "paid_fen": money.paid_fen,
        "balance_fen": rules.balance_fen(contract["status"], sums.total_fen if contract["status"] == "draft"
                                         else contract["total_fen"], contract["cancellation_fee_fen"], money.paid_fen),
        "discount_limit_fen": rules.discount_limit_fen(sums.booth_price_fen, terms["discount_threshold_bp"]),
        "discount_waiting": discount_waiting(db, contract),
        "terms": terms,
        "cancellation": cancellation_quote(db, contract_id, day) if contract["status"] != "cancelled" else None,
        "today": day,
    }


def list_contracts(db: Database, show_id: str, *, status: str | None = None, manager_id: str | None = None,
                   exhibitor_id: str | None = None, search: str = "", limit: int = 1_000_000) -> list[dict]:
    """The show's contracts by number, each with ``paid_fen`` and ``balance_fen`` worked out the
    way the contract's own detail does (the list, the export and the detail agree)."""
    found = store.list_contracts(db, show_id, status=status, manager_id=manager_id, exhibitor_id=exhibitor_id,
                                 search=search, limit=limit)
    for row in found:
        row["balance_fen"] = rules.balance_fen(row["status"], row["total_fen"], row["cancellation_fee_fen"],
                                               row["paid_fen"])
    return found
