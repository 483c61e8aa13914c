"""Pricing rules of a show: the queries (writes go through ``store.records`` for the audit)."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import one, rows


def list_rules(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """A show's rules in the order a person reads them: by kind, then their own order."""
    return rows(
        db,
        "SELECT * FROM pricing_rules WHERE show_id = ? ORDER BY"
        " CASE kind WHEN 'shell_base' THEN 0 WHEN 'raw_base' THEN 1 WHEN 'area_band' THEN 2"
        " WHEN 'open_sides' THEN 3 WHEN 'early_bird' THEN 4 ELSE 5 END,"
        " sort_order, coalesce(area_from_m2, 0), coalesce(effective_from, ''), created_at, id",
        [show_id],
    )


def get_rule(db: sqlite_utils.Database, rule_id: str) -> dict | None:
    return one(db, "SELECT * FROM pricing_rules WHERE id = ?", [rule_id])


def booth_for_quote(db: sqlite_utils.Database, booth_id: str) -> dict | None:
    """A booth's size, type and place, with its hall's size (walls close sides too)."""
    return one(db, "SELECT b.id, b.show_id, b.hall_id, b.number, b.x_cm, b.y_cm, b.width_cm, b.depth_cm,"
                   " b.booth_type, h.width_cm AS hall_width_cm, h.depth_cm AS hall_depth_cm"
                   " FROM booths b JOIN halls h ON h.id = b.hall_id WHERE b.id = ?", [booth_id])


def hall_neighbours(db: sqlite_utils.Database, hall_id: str) -> list[dict]:
    """Every booth of a hall with its rectangle, for working out open sides."""
    return rows(db, "SELECT id, number, x_cm, y_cm, width_cm, depth_cm FROM booths WHERE hall_id = ?", [hall_id])
