"""SQL for spot checks: the populations they draw from, the checks and their items."""

from __future__ import annotations

import sqlite_utils

from expo_desk.domain.spot_checks import SAMPLED_STATUSES
from expo_desk.store.queries import marks, one, rows, tuples_in

_MARKS = marks(SAMPLED_STATUSES)


def population(db: sqlite_utils.Database, show_id: str, kind: str) -> list[str]:
    """The ids a sample is drawn from, in a stable order (by id)."""
    if kind == "contracts":
        sql = f"SELECT id FROM contracts WHERE show_id = ? AND status IN ({_MARKS}) ORDER BY id"
        params = [show_id, *SAMPLED_STATUSES]
    else:
        sql = ("SELECT p.id FROM payments p JOIN contracts k ON k.id = p.contract_id"
               " WHERE k.show_id = ? ORDER BY p.id")
        params = [show_id]
    return [r[0] for r in db.execute(sql, params).fetchall()]


def list_checks(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """The show's spot checks, newest first, with who signed them off."""
    return rows(db, "SELECT s.*, u.display_name AS signed_off_by_name,"
                    " (SELECT count(*) FROM spot_check_items i WHERE i.spot_check_id = s.id) AS items"
                    " FROM spot_checks s LEFT JOIN users u ON u.id = s.signed_off_by"
                    " WHERE s.show_id = ? ORDER BY s.drawn_at DESC, s.rowid DESC", [show_id])


def get_check(db: sqlite_utils.Database, spot_check_id: str) -> dict | None:
    return one(db, "SELECT s.*, u.display_name AS signed_off_by_name FROM spot_checks s"
                   " LEFT JOIN users u ON u.id = s.signed_off_by WHERE s.id = ?", [spot_check_id])


def get_item(db: sqlite_utils.Database, item_id: str) -> dict | None:
    return one(db, "SELECT * FROM spot_check_items WHERE id = ?", [item_id])


def contract_items(db: sqlite_utils.Database, spot_check_id: str) -> list[dict]:
    """Items of a check of orders, with the contract each names (None fields when deleted)."""
    return rows(db, "SELECT i.*, k.number, k.status, k.total_fen, k.signed_on, e.company_name,"
                    " u.display_name AS manager_name FROM spot_check_items i"
                    " LEFT JOIN contracts k ON k.id = i.row_id LEFT JOIN exhibitors e ON e.id = k.exhibitor_id"
                    " LEFT JOIN users u ON u.id = k.account_manager_id"
                    " WHERE i.spot_check_id = ? ORDER BY i.position", [spot_check_id])


def payment_items(db: sqlite_utils.Database, spot_check_id: str) -> list[dict]:
    """Items of a check of accounts, with the payment and its contract."""
    return rows(db, "SELECT i.*, p.paid_on, p.amount_fen, p.method, p.reference, p.proof_path, p.reason,"
                    " k.number, k.status, e.company_name FROM spot_check_items i"
                    " LEFT JOIN payments p ON p.id = i.row_id LEFT JOIN contracts k ON k.id = p.contract_id"
                    " LEFT JOIN exhibitors e ON e.id = k.exhibitor_id"
                    " WHERE i.spot_check_id = ? ORDER BY i.position", [spot_check_id])


def item_ids(db: sqlite_utils.Database, spot_check_id: str) -> list[str]:
    """The drawn row ids in drawing order."""
    return [r[0] for r in db.execute("SELECT row_id FROM spot_check_items WHERE spot_check_id = ? ORDER BY position",
                                     [spot_check_id]).fetchall()]


def payment_with_contract(db: sqlite_utils.Database, payment_id: str) -> dict | None:
    return one(db, "SELECT p.*, k.number, k.status, k.signed_on FROM payments p"
                   " LEFT JOIN contracts k ON k.id = p.contract_id WHERE p.id = ?", [payment_id])


def labels(db: sqlite_utils.Database, kind: str, ids: list[str]) -> dict[str, str]:
    """A short human name per id (contract number and company, or payment date, amount and contract)."""
    if kind == "contracts":
        sql = ("SELECT k.id, k.number || ' ' || coalesce(e.company_name, '') FROM contracts k"
               " LEFT JOIN exhibitors e ON e.id = k.exhibitor_id WHERE k.id IN ({marks})")
    else:
        sql = ("SELECT p.id, p.paid_on || ' · ' || coalesce(k.number, '') FROM payments p"
               " LEFT JOIN contracts k ON k.id = p.contract_id WHERE p.id IN ({marks})")
    return dict(tuples_in(db, sql, ids))
