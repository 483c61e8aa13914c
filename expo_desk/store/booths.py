"""Halls and booths: queries for the plan, the lists and the sale rules."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from expo_desk.domain.actors import Actor
from expo_desk.errors import UserError
from expo_desk.store import records
from expo_desk.store.queries import like_pattern, one, rows, rows_in, tuples_in


def list_halls(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    return rows(db, "SELECT h.*, (SELECT count(*) FROM booths b WHERE b.hall_id = h.id) AS booth_count"
                    " FROM halls h WHERE h.show_id = ? ORDER BY h.code", [show_id])


def hall_booths(db: sqlite_utils.Database, hall_id: str) -> list[dict]:
    """Every booth of a hall with who holds it (the exhibitor of its active sale)."""
    return rows(
        db,
        "SELECT b.*, e.id AS exhibitor_id, e.company_name AS exhibitor, e.company_name_en AS exhibitor_en,"
        " coalesce(nullif(b.sector, ''), e.sector, '') AS plan_sector, k.number AS contract_number"
        " FROM booths b"
        " LEFT JOIN contract_lines l ON l.booth_id = b.id AND l.holds_booth = 1"
        " LEFT JOIN contracts k ON k.id = l.contract_id"
        " LEFT JOIN exhibitors e ON e.id = k.exhibitor_id"
        " WHERE b.hall_id = ? ORDER BY b.number",
        [hall_id],
    )


# ---------------------------------------------------------------- single rows and look-ups


class BoothAlreadySold(UserError):
    """The booth already has an active sale (the unique index one_active_sale_per_booth said so)."""


def get_hall(db: sqlite_utils.Database, hall_id: str) -> dict | None:
    return one(db, "SELECT * FROM halls WHERE id = ?", [hall_id])


def hall_by_code(db: sqlite_utils.Database, show_id: str, code: str) -> dict | None:
    """A hall of the show by its code, or else by its name (case folded)."""
    return one(db, "SELECT * FROM halls WHERE show_id = ? AND (code = ? COLLATE NOCASE OR name = ? COLLATE NOCASE)"
                   " ORDER BY code = ? COLLATE NOCASE DESC LIMIT 1", [show_id, code, code, code])


def get_booth(db: sqlite_utils.Database, booth_id: str) -> dict | None:
    return one(db, "SELECT * FROM booths WHERE id = ?", [booth_id])


def booths_by_ids(db: sqlite_utils.Database, booth_ids: list[str]) -> list[dict]:
    return rows_in(db, "SELECT * FROM booths WHERE id IN ({marks})", booth_ids)


def show_booth_numbers(db: sqlite_utils.Database, show_id: str) -> dict[str, str]:
    """Booth number -> id, for every booth of the show."""
    return dict(db.execute("SELECT number, id FROM booths WHERE show_id = ?", [show_id]).fetchall())


def hall_layout(db: sqlite_utils.Database, hall_id: str) -> list[dict]:
    """The booths of a hall with just what geometry needs (fast for 25,000 booths)."""
    return rows(db, "SELECT id, number, x_cm, y_cm, width_cm, depth_cm, status FROM booths WHERE hall_id = ?",
                [hall_id])


def active_sales(db: sqlite_utils.Database, booth_ids: list[str]) -> dict[str, str]:
    """Booth id -> the number of the contract holding it, for booths with an active sale."""
    return dict(tuples_in(db, "SELECT l.booth_id, k.number FROM contract_lines l JOIN contracts k ON k.id = l.contract_id"
                              " WHERE l.holds_booth = 1 AND l.booth_id IN ({marks})", booth_ids))


def contracts_naming(db: sqlite_utils.Database, booth_ids: list[str]) -> dict[str, str]:
    """Booth id -> the number of a contract whose lines name the booth (also cancelled ones)."""
    return dict(tuples_in(db, "SELECT l.booth_id, min(k.number) FROM contract_lines l"
                              " JOIN contracts k ON k.id = l.contract_id"
                              " WHERE l.booth_id IN ({marks}) GROUP BY l.booth_id", booth_ids))


def get_contract(db: sqlite_utils.Database, contract_id: str) -> dict | None:
    return one(db, "SELECT * FROM contracts WHERE id = ?", [contract_id])


def expired_reservations(db: sqlite_utils.Database, today: str, show_id: str | None = None) -> list[dict]:
    """Reserved booths whose date has passed (``reserved_until`` before ``today``)."""
    sql = "SELECT * FROM booths WHERE status = 'reserved' AND reserved_until IS NOT NULL AND reserved_until < ?"
    params: list = [today]
    if show_id is not None:
        sql += " AND show_id = ?"
        params.append(show_id)
    return rows(db, sql + " ORDER BY number", params)


def occupancy_rows(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Per hall and status: booth count and area in cm² (halls without booths included)."""
    return rows(
        db,
        "SELECT h.id AS hall_id, h.code, h.name, b.status, count(b.id) AS booths,"
        " coalesce(sum(b.width_cm * b.depth_cm), 0) AS area_cm2"
        " FROM halls h LEFT JOIN booths b ON b.hall_id = h.id"
        " WHERE h.show_id = ? GROUP BY h.id, b.status ORDER BY h.code, b.status",
        [show_id],
    )


def booth_at(db: sqlite_utils.Database, hall_id: str, x_cm: float, y_cm: float) -> dict | None:
    return one(db, "SELECT * FROM booths WHERE hall_id = ? AND x_cm <= ? AND ? < x_cm + width_cm"
                   " AND y_cm <= ? AND ? < y_cm + depth_cm LIMIT 1", [hall_id, x_cm, x_cm, y_cm, y_cm])


_FIND_COLUMNS = ("SELECT b.id, b.hall_id, h.code AS hall_code, b.number, b.x_cm, b.y_cm, b.width_cm, b.depth_cm,"
                 " b.status, e.company_name AS exhibitor, e.company_name_en AS exhibitor_en"
                 " FROM booths b JOIN halls h ON h.id = b.hall_id"
                 " LEFT JOIN contract_lines l ON l.booth_id = b.id AND l.holds_booth = 1"
                 " LEFT JOIN contracts k ON k.id = l.contract_id"
                 " LEFT JOIN exhibitors e ON e.id = k.exhibitor_id")


def find_booths(db: sqlite_utils.Database, show_id: str, text: str, limit: int = 50) -> list[dict]:
    """Booths whose number is ``text`` (first), starts with it, or whose exhibitor (or the
    name a booth is reserved for) contains it."""
    pattern = like_pattern(text)
    cursor = db.execute(
        f"{_FIND_COLUMNS} WHERE b.show_id = :s AND (b.number = :t COLLATE NOCASE"
        " OR b.number LIKE :p ESCAPE '\\' OR e.company_name LIKE :c ESCAPE '\\'"
        " OR e.company_name_en LIKE :c ESCAPE '\\' OR b.reserved_for LIKE :c ESCAPE '\\')"
        " ORDER BY b.number = :t COLLATE NOCASE DESC, b.number LIKE :p ESCAPE '\\' DESC, b.number LIMIT :n",
        {"s": show_id, "t": text, "p": like_pattern(text)[1:], "c": pattern, "n": limit},
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def show_booths(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Every booth of a show with its hall code, by hall and number (for the export)."""
    return rows(db, "SELECT b.*, h.code AS hall_code FROM booths b JOIN halls h ON h.id = b.hall_id"
                    " WHERE b.show_id = ? ORDER BY h.code, b.number", [show_id])


# ---------------------------------------------------------------- the sale


def hold_booth(db: sqlite_utils.Database, actor: Actor, contract_id: str, booth_id: str, number: str = "",
               amount_fen: int = 0, unit_price_fen: int = 0, description: str = "") -> dict:
    """Insert the contract line that holds the booth (``holds_booth = 1``); audited.

    The unique index ``one_active_sale_per_booth`` makes a second active sale of the same
    booth fail inside SQLite, whichever process tries; that failure comes out as
    ``BoothAlreadySold`` and the caller's transaction is rolled back by it.
    """
    try:
        return records.insert(db, actor, "contract_lines", {
            "contract_id": contract_id, "kind": "booth", "booth_id": booth_id, "description": description,
            "quantity": 1, "unit_price_fen": unit_price_fen, "amount_fen": amount_fen, "holds_booth": 1,
        })
    except sqlite3.IntegrityError as exc:
        if "contract_lines.booth_id" not in str(exc):
            raise
        label = number or booth_id
        raise BoothAlreadySold(f"展位 {label} 已售出 / booth {label} is already sold") from exc
