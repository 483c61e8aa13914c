"""Halls and booths: reading the plan, laying it out, reserving and selling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expo_desk.store import booths as booth_store

if TYPE_CHECKING:
    import sqlite_utils


def list_halls(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """The show's halls with their size in cm and how many booths each holds."""
    return booth_store.list_halls(db, show_id)


def hall_booths(db: sqlite_utils.Database, hall_id: str) -> list[dict]:
    """Every booth of a hall, with the exhibitor holding it and the sector to colour by."""
    return booth_store.hall_booths(db, hall_id)
