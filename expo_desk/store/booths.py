"""Halls and booths: queries for the plan, the lists and the sale rules."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import rows


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
