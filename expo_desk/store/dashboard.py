"""SQL for the department manager's figures and exceptions: sums grouped in the database.

Signed revenue is what signed contracts are worth: the totals of signed, part-paid and
paid contracts plus the fees kept on cancelled ones. Drafts are not revenue yet.
"""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import rows

_REVENUE = ("count(*) AS contracts,"
            " coalesce(sum(CASE WHEN k.status IN ('signed','part_paid','paid') THEN k.total_fen ELSE 0 END), 0)"
            "   AS contract_fen,"
            " coalesce(sum(CASE WHEN k.status = 'cancelled' THEN k.cancellation_fee_fen ELSE 0 END), 0) AS fees_fen,"
            " coalesce(sum(CASE WHEN k.status = 'cancelled' THEN 1 ELSE 0 END), 0) AS cancelled")


def revenue_total(db: sqlite_utils.Database, show_id: str) -> dict:
    return rows(db, f"SELECT {_REVENUE} FROM contracts k WHERE k.show_id = ? AND k.status <> 'draft'", [show_id])[0]


def revenue_by_manager(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Per account manager (id and name; '' when the contract has none)."""
    return rows(db, f"SELECT coalesce(k.account_manager_id, '') AS key, coalesce(u.display_name, '') AS name,"
                    f" {_REVENUE} FROM contracts k LEFT JOIN users u ON u.id = k.account_manager_id"
                    " WHERE k.show_id = ? AND k.status <> 'draft' GROUP BY k.account_manager_id", [show_id])


def revenue_by_sector(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Per sector of the exhibitor ('' when none is recorded)."""
    return rows(db, f"SELECT e.sector AS key, e.sector AS name, {_REVENUE} FROM contracts k"
                    " JOIN exhibitors e ON e.id = k.exhibitor_id WHERE k.show_id = ? AND k.status <> 'draft'"
                    " GROUP BY e.sector", [show_id])


def contract_halls(db: sqlite_utils.Database, show_id: str) -> list[tuple[str, str, int]]:
    """(contract id, hall id, booth revenue) for every hall a signed or cancelled contract has
    booths in; the revenue is its booth and price-rule lines there (0 once cancelled).

    Services, discounts and fees belong to a contract, not to a hall, so they are left out.
    """
    return db.execute(
        "SELECT l.contract_id, b.hall_id, sum(CASE WHEN k.status IN ('signed','part_paid','paid')"
        " THEN l.amount_fen ELSE 0 END) FROM contract_lines l JOIN contracts k ON k.id = l.contract_id"
        " JOIN booths b ON b.id = l.booth_id WHERE k.show_id = ? AND k.status <> 'draft'"
        " AND l.kind IN ('booth','premium') GROUP BY l.contract_id, b.hall_id", [show_id]).fetchall()


# ---------------------------------------------------------------- exceptions


def discounted_contracts(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Contracts (not cancelled) with a discount line, with the booth price it is measured on."""
    return rows(db, "SELECT k.id, k.number, k.status, k.discount_reason, k.discount_approved_at,"
                    " e.company_name, m.display_name AS manager_name, a.display_name AS approved_by_name,"
                    " sum(CASE WHEN l.kind IN ('booth','premium') THEN l.amount_fen ELSE 0 END) AS booth_price_fen,"
                    " sum(CASE WHEN l.kind = 'discount' THEN l.amount_fen ELSE 0 END) AS discount_fen"
                    " FROM contracts k JOIN contract_lines l ON l.contract_id = k.id"
                    " JOIN exhibitors e ON e.id = k.exhibitor_id LEFT JOIN users m ON m.id = k.account_manager_id"
                    " LEFT JOIN users a ON a.id = k.discount_approved_by"
                    " WHERE k.show_id = ? AND k.status <> 'cancelled' GROUP BY k.id"
                    " HAVING sum(CASE WHEN l.kind = 'discount' THEN l.amount_fen ELSE 0 END) < 0"
                    " ORDER BY k.number", [show_id])


def reservations_ending_by(db: sqlite_utils.Database, show_id: str, last_day: str) -> list[dict]:
    """Reserved booths whose hold ends on or before ``last_day`` (ended ones included), with
    the draft contract holding each, if any."""
    return rows(db, "SELECT b.id, b.number, b.reserved_for, b.reserved_until, h.code AS hall_code,"
                    " k.number AS contract_number, u.display_name AS manager_name FROM booths b"
                    " JOIN halls h ON h.id = b.hall_id"
                    " LEFT JOIN contract_lines l ON l.booth_id = b.id AND l.holds_booth = 1"
                    " LEFT JOIN contracts k ON k.id = l.contract_id"
                    " LEFT JOIN users u ON u.id = k.account_manager_id"
                    " WHERE b.show_id = ? AND b.status = 'reserved' AND b.reserved_until IS NOT NULL"
                    " AND b.reserved_until <= ? ORDER BY b.reserved_until, b.number", [show_id, last_day])


def edited_contracts(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    return rows(db, "SELECT k.id, k.number, k.status, k.signed_on, k.signed_total_fen, k.total_fen,"
                    " e.company_name, u.display_name AS manager_name FROM contracts k"
                    " JOIN exhibitors e ON e.id = k.exhibitor_id LEFT JOIN users u ON u.id = k.account_manager_id"
                    " WHERE k.show_id = ? AND k.edited_after_signing = 1 ORDER BY k.number", [show_id])


def edits_after_signing(db: sqlite_utils.Database, contract_id: str) -> list[dict]:
    """Audit entries that changed the contract's lines or total after the entry that signed it."""
    signing = db.execute(
        "SELECT rowid FROM audit_log WHERE table_name = 'contracts' AND row_id = ?"
        " AND json_extract(new_values, '$.signed_on') IS NOT NULL ORDER BY rowid LIMIT 1", [contract_id]).fetchone()
    if signing is None:
        return []
    return rows(db, "SELECT at, user_name, action, table_name, row_id, old_values, new_values FROM audit_log"
                    " WHERE rowid > ? AND ("
                    "  (table_name = 'contracts' AND row_id = ? AND json_extract(new_values, '$.total_fen') IS NOT NULL)"
                    "  OR (table_name = 'contract_lines' AND (row_id IN (SELECT id FROM contract_lines"
                    "      WHERE contract_id = ?) OR json_extract(coalesce(new_values, old_values), '$.contract_id') = ?)))"
                    " ORDER BY rowid", [signing[0], contract_id, contract_id, contract_id])
