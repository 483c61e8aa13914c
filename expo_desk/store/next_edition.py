"""SQL for the next edition: what last year's sales were, and the rebooking offers made from them."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import one, rows

_ACTIVE = "('signed', 'part_paid', 'paid')"


def active_contract_booths(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """One row per booth held by a signed, part-paid or paid contract of the show (a contract
    without a booth gives one row with ``booth_id`` NULL), by contract number then booth."""
    return rows(
        db,
        "SELECT k.id AS contract_id, k.number AS contract_number, k.exhibitor_id, e.company_name, e.company_key,"
        " b.id AS booth_id, b.number AS booth_number, h.code AS hall_code, b.x_cm, b.y_cm, b.width_cm, b.depth_cm"
        " FROM contracts k JOIN exhibitors e ON e.id = k.exhibitor_id"
        " LEFT JOIN contract_lines l ON l.contract_id = k.id AND l.kind = 'booth' AND l.holds_booth = 1"
        " LEFT JOIN booths b ON b.id = l.booth_id LEFT JOIN halls h ON h.id = b.hall_id"
        f" WHERE k.show_id = ? AND k.status IN {_ACTIVE} ORDER BY k.number, b.number",
        [show_id],
    )


def rebooking_candidates(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Exhibitors of the show with an active contract: their contracts, booths and manager."""
    return rows(
        db,
        "SELECT e.id, e.company_name, e.company_name_en, e.company_key, u.display_name AS manager_name,"
        " (SELECT group_concat(number, ' ') FROM (SELECT k.number FROM contracts k WHERE k.exhibitor_id = e.id"
        f"   AND k.status IN {_ACTIVE} ORDER BY k.number)) AS contract_numbers,"
        " (SELECT group_concat(number, ' ') FROM (SELECT b.number FROM contracts k"
        "   JOIN contract_lines l ON l.contract_id = k.id AND l.kind = 'booth' AND l.holds_booth = 1"
        f"   JOIN booths b ON b.id = l.booth_id WHERE k.exhibitor_id = e.id AND k.status IN {_ACTIVE}"
        "   ORDER BY b.number)) AS booth_numbers"
        " FROM exhibitors e LEFT JOIN users u ON u.id = e.account_manager_id"
        f" WHERE e.show_id = ? AND EXISTS (SELECT 1 FROM contracts k WHERE k.exhibitor_id = e.id"
        f"   AND k.status IN {_ACTIVE}) ORDER BY e.company_name",
        [show_id],
    )


def exhibitor_ids_by_key(db: sqlite_utils.Database, show_id: str) -> dict[str, str]:
    """company_key -> exhibitor id: how one company is found again in another edition."""
    return dict(db.execute("SELECT company_key, id FROM exhibitors WHERE show_id = ?", [show_id]).fetchall())


_OFFERS = ("SELECT o.*, e.company_name, e.company_name_en, e.account_manager_id, b.number AS booth_number,"
           " b.status AS booth_status, b.reserved_for, k.number AS previous_contract_number"
           " FROM rebooking_offers o JOIN exhibitors e ON e.id = o.exhibitor_id"
           " LEFT JOIN booths b ON b.id = o.booth_id LEFT JOIN contracts k ON k.id = o.previous_contract_id")


def list_offers(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    return rows(db, _OFFERS + " WHERE o.show_id = ? ORDER BY o.on_site DESC, e.company_name, b.number",
                [show_id])


def get_offer(db: sqlite_utils.Database, offer_id: str) -> dict | None:
    return one(db, _OFFERS + " WHERE o.id = ?", [offer_id])


def offered_previous_contracts(db: sqlite_utils.Database, show_id: str) -> set[str]:
    """Previous-edition contracts that already have an offer in this show (offers are made once)."""
    cursor = db.execute("SELECT DISTINCT previous_contract_id FROM rebooking_offers"
                        " WHERE show_id = ? AND previous_contract_id IS NOT NULL", [show_id])
    return {r[0] for r in cursor.fetchall()}


def lapsed_offers(db: sqlite_utils.Database, today: str, show_id: str | None = None) -> list[dict]:
    """Open offers whose deadline has passed (``offered_until`` before ``today``)."""
    sql, params = _OFFERS + " WHERE o.status = 'offered' AND o.offered_until IS NOT NULL AND o.offered_until < ?", [today]
    if show_id is not None:
        sql += " AND o.show_id = ?"
        params.append(show_id)
    return rows(db, sql + " ORDER BY e.company_name", params)


def rebooked_draft(db: sqlite_utils.Database, exhibitor_id: str, previous_contract_id: str) -> dict | None:
    """The draft contract already made for another booth of the same previous contract, if any."""
    return one(
        db,
        "SELECT k.* FROM rebooking_offers o JOIN contract_lines l ON l.booth_id = o.booth_id AND l.holds_booth = 1"
        " JOIN contracts k ON k.id = l.contract_id"
        " WHERE o.exhibitor_id = ? AND o.previous_contract_id = ? AND o.status = 'accepted'"
        " AND k.exhibitor_id = o.exhibitor_id AND k.status = 'draft' ORDER BY k.number LIMIT 1",
        [exhibitor_id, previous_contract_id],
    )
