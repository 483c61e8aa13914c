"""SQL for the show summary's breakdowns the dashboard does not give: who exhibits where,
visitors per day and sector, and the exhibitors' leads and agreements per sector.

An exhibitor exhibits with the booths their contracts hold that are sold, so the sold m²
split by sector or hall adds up to the sold m² of the occupancy figures. Everything is
grouped in the database: a large show has tens of thousands of booths.
"""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import rows

# A sold booth with the exhibitor of the contract holding it (none when no contract does).
_SOLD_BOOTHS = (" FROM booths b LEFT JOIN contract_lines l ON l.booth_id = b.id AND l.holds_booth = 1"
                " LEFT JOIN contracts k ON k.id = l.contract_id"
                " LEFT JOIN exhibitors e ON e.id = k.exhibitor_id"
                " WHERE b.show_id = ? AND b.status = 'sold'")


def sold_space_by_sector(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Per exhibitor sector ('' when none is recorded or no contract holds the booth):
    ``exhibitors``, ``booths`` and ``area_cm2`` of the sold booths."""
    return rows(db, "SELECT coalesce(e.sector, '') AS sector, count(DISTINCT e.id) AS exhibitors,"
                    " count(*) AS booths, sum(b.width_cm * b.depth_cm) AS area_cm2"
                    f"{_SOLD_BOOTHS} GROUP BY coalesce(e.sector, '')", [show_id])


def exhibitors_by_hall(db: sqlite_utils.Database, show_id: str) -> dict[str, int]:
    """Hall id → exhibitors with a sold booth there (one exhibitor in two halls counts in both)."""
    found = db.execute(f"SELECT b.hall_id, count(DISTINCT e.id){_SOLD_BOOTHS} GROUP BY b.hall_id", [show_id])
    return dict(found.fetchall())


def visitors_by_day(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Per day: every count of the day added up (by sector and, sector '', not broken down by
    sector), and whether some were counted without a sector."""
    return rows(db, "SELECT day, sum(visitors) AS visitors, max(sector = '') AS counted_overall"
                    " FROM visitor_counts WHERE show_id = ? GROUP BY day ORDER BY day", [show_id])


def visitors_by_sector(db: sqlite_utils.Database, show_id: str) -> dict[str, int]:
    """Sector → visitors over all days (the counts not broken down by sector left out)."""
    found = db.execute("SELECT sector, sum(visitors) FROM visitor_counts WHERE show_id = ? AND sector <> ''"
                       " GROUP BY sector", [show_id])
    return dict(found.fetchall())


def leads_by_sector(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Per exhibitor sector: ``leads`` collected, ``exhibitors`` who collected any,
    ``agreements`` signed and their ``agreement_fen`` (the values recorded)."""
    return rows(db, "SELECT e.sector AS sector, count(*) AS leads, count(DISTINCT e.id) AS exhibitors,"
                    " sum(l.agreement_signed) AS agreements,"
                    " coalesce(sum(CASE WHEN l.agreement_signed = 1 THEN l.agreement_value_fen END), 0)"
                    "   AS agreement_fen"
                    " FROM exhibitors e JOIN exhibitor_leads l ON l.exhibitor_id = e.id"
                    " WHERE e.show_id = ? GROUP BY e.sector", [show_id])
