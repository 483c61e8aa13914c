"""SQL for contracts, their lines, payment plans, payments, the service catalogue and show terms."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import in_chunks, like_escaped, like_pattern, one, rows, rows_in, scalar


def get_contract(db: sqlite_utils.Database, contract_id: str) -> dict | None:
    return one(db, "SELECT * FROM contracts WHERE id = ?", [contract_id])


def contract_by_number(db: sqlite_utils.Database, show_id: str, number: str) -> dict | None:
    return one(db, "SELECT * FROM contracts WHERE show_id = ? AND number = ? COLLATE NOCASE", [show_id, number])


def contract_numbers(db: sqlite_utils.Database, show_id: str, prefix: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT number FROM contracts WHERE show_id = ? AND number LIKE ? ESCAPE '\\'",
                                     [show_id, like_escaped(prefix) + "-%"]).fetchall()]


def lines(db: sqlite_utils.Database, contract_id: str) -> list[dict]:
    """A contract's lines in reading order: booths with their adjustments, services, the rest."""
    return rows(db, "SELECT l.*, b.number AS booth_number, s.code AS service_code, s.name_en AS service_name_en"
                    " FROM contract_lines l LEFT JOIN booths b ON b.id = l.booth_id"
                    " LEFT JOIN service_items s ON s.id = l.service_item_id WHERE l.contract_id = ?"
                    " ORDER BY CASE l.kind WHEN 'booth' THEN 0 WHEN 'premium' THEN 0 WHEN 'service' THEN 1"
                    " WHEN 'discount' THEN 2 ELSE 3 END, coalesce(b.number, ''),"
                    " CASE l.kind WHEN 'booth' THEN 0 ELSE 1 END, l.rowid", [contract_id])


def contract_booths(db: sqlite_utils.Database, contract_id: str) -> list[dict]:
    """The booths a contract holds (its active booth lines) with the booth rows."""
    return rows(db, "SELECT b.*, l.id AS line_id FROM contract_lines l JOIN booths b ON b.id = l.booth_id"
                    " WHERE l.contract_id = ? AND l.kind = 'booth' AND l.holds_booth = 1 ORDER BY b.number",
                [contract_id])


def schedule(db: sqlite_utils.Database, contract_id: str) -> list[dict]:
    return rows(db, "SELECT * FROM payment_schedule WHERE contract_id = ? ORDER BY due_on, rowid", [contract_id])


def payments(db: sqlite_utils.Database, contract_id: str) -> list[dict]:
    return rows(db, "SELECT p.*, u.display_name AS recorded_by_name FROM payments p"
                    " LEFT JOIN users u ON u.id = p.recorded_by WHERE p.contract_id = ? ORDER BY p.paid_on, p.created_at",
                [contract_id])


def paid_fen(db: sqlite_utils.Database, contract_id: str) -> int:
    return int(scalar(db, "SELECT coalesce(sum(amount_fen), 0) FROM payments WHERE contract_id = ?", [contract_id]))


def get_payment(db: sqlite_utils.Database, payment_id: str) -> dict | None:
    return one(db, "SELECT * FROM payments WHERE id = ?", [payment_id])


def show_terms(db: sqlite_utils.Database, show_id: str) -> dict | None:
    return one(db, "SELECT * FROM show_terms WHERE id = ?", [show_id])


def service_items(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    return rows(db, "SELECT * FROM service_items WHERE show_id = ? ORDER BY code", [show_id])


def get_service_item(db: sqlite_utils.Database, item_id: str) -> dict | None:
    return one(db, "SELECT * FROM service_items WHERE id = ?", [item_id])


def service_item_by_code(db: sqlite_utils.Database, show_id: str, code: str) -> dict | None:
    return one(db, "SELECT * FROM service_items WHERE show_id = ? AND code = ? COLLATE NOCASE", [show_id, code])


def service_item_in_use(db: sqlite_utils.Database, item_id: str) -> bool:
    return scalar(db, "SELECT 1 FROM contract_lines WHERE service_item_id = ? LIMIT 1", [item_id]) is not None


_LIST = ("SELECT k.id, k.number, k.status, k.total_fen, k.signed_on, k.created_at, k.discount_fen,"
         " k.cancellation_fee_fen, k.edited_after_signing, k.account_manager_id, e.id AS exhibitor_id, e.company_name,"
         " e.company_name_en, e.sector, u.display_name AS manager_name,"
         " (SELECT coalesce(sum(p.amount_fen), 0) FROM payments p WHERE p.contract_id = k.id) AS paid_fen,"
         " (SELECT group_concat(b.number, ' ') FROM contract_lines l JOIN booths b ON b.id = l.booth_id"
         "   WHERE l.contract_id = k.id AND l.kind = 'booth' AND (l.holds_booth = 1 OR k.status = 'cancelled'))"
         "   AS booth_numbers"
         " FROM contracts k JOIN exhibitors e ON e.id = k.exhibitor_id"
         " LEFT JOIN users u ON u.id = k.account_manager_id")


def list_contracts(db: sqlite_utils.Database, show_id: str, *, status: str | None = None,
                   manager_id: str | None = None, exhibitor_id: str | None = None, search: str = "",
                   limit: int = 1000, offset: int = 0) -> list[dict]:
    sql, params = _LIST + " WHERE k.show_id = ?", [show_id]
    if status:
        sql += " AND k.status = ?"
        params.append(status)
    if manager_id:
        sql += " AND k.account_manager_id = ?"
        params.append(manager_id)
    if exhibitor_id:
        sql += " AND k.exhibitor_id = ?"
        params.append(exhibitor_id)
    if search.strip():
        pattern = like_pattern(search.strip())
        sql += (" AND (k.number LIKE ? ESCAPE '\\' OR e.company_name LIKE ? ESCAPE '\\'"
                " OR e.company_name_en LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM contract_lines l"
                " JOIN booths b ON b.id = l.booth_id WHERE l.contract_id = k.id AND b.number LIKE ? ESCAPE '\\'))")
        params += [pattern] * 4
    sql += " ORDER BY k.number LIMIT ? OFFSET ?"
    return rows(db, sql, params + [limit, offset])


def open_drafts_of(db: sqlite_utils.Database, exhibitor_id: str) -> list[dict]:
    return rows(db, "SELECT * FROM contracts WHERE exhibitor_id = ? AND status = 'draft' ORDER BY number",
                [exhibitor_id])


def draft_holds(db: sqlite_utils.Database, booth_ids: list[str]) -> list[dict]:
    """Active booth lines of draft contracts on these booths (a reservation that ends frees them)."""
    return rows_in(db, "SELECT l.id, l.booth_id, l.contract_id FROM contract_lines l"
                       " JOIN contracts k ON k.id = l.contract_id"
                       " WHERE l.holds_booth = 1 AND k.status = 'draft' AND l.booth_id IN ({marks})", booth_ids)


def schedules_and_payments(db: sqlite_utils.Database, contract_ids: list[str]) -> tuple[dict, dict]:
    """Instalments and payment amounts of many contracts at once (receivables of a whole show)."""
    plans: dict[str, list[dict]] = {}
    paid: dict[str, list[int]] = {}
    for chunk, marks in in_chunks(contract_ids):
        for r in rows(db, f"SELECT contract_id, label, due_on, amount_fen FROM payment_schedule"
                          f" WHERE contract_id IN ({marks}) ORDER BY due_on, rowid", chunk):
            plans.setdefault(r["contract_id"], []).append(r)
        for cid, amount in db.execute(f"SELECT contract_id, amount_fen FROM payments WHERE contract_id IN ({marks})"
                                      " ORDER BY paid_on", chunk).fetchall():
            paid.setdefault(cid, []).append(amount)
    return plans, paid


def booths_for_sale(db: sqlite_utils.Database, show_id: str, holder: str, text: str = "",
                    limit: int = 200) -> list[dict]:
    """Booths a contract for ``holder`` may take: available, or reserved for that name and not
    already on a contract; by number, those whose number contains ``text``."""
    return rows(db, "SELECT b.id, b.number, b.width_cm, b.depth_cm, b.booth_type, b.status, h.code AS hall_code"
                    " FROM booths b JOIN halls h ON h.id = b.hall_id WHERE b.show_id = ?"
                    " AND b.number LIKE ? ESCAPE '\\' AND (b.status = 'available' OR (b.status = 'reserved'"
                    " AND ? <> '' AND b.reserved_for = ? COLLATE NOCASE AND NOT EXISTS (SELECT 1 FROM contract_lines l"
                    " WHERE l.booth_id = b.id AND l.holds_booth = 1))) ORDER BY b.number LIMIT ?",
                [show_id, like_pattern(text), holder, holder, limit])
