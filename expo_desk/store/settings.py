"""Business settings kept in the file (sign-in required, company header, …), audited."""

from __future__ import annotations

import sqlite_utils

from expo_desk.domain.actors import Actor
from expo_desk.store import records
from expo_desk.store.queries import scalar


def get_setting(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    value = scalar(db, "SELECT value FROM settings WHERE key = ?", [key])
    return default if value is None else value


def set_setting(db: sqlite_utils.Database, actor: Actor, key: str, value: str | None) -> bool:
    """Store a setting and audit the change; returns whether anything changed."""
    old = get_setting(db, key)
    if old == value:
        return False
    db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [key, value])
    records.audit(db, actor, "update" if old is not None else "insert", "settings", key,
                  None if old is None else {"value": old}, {"value": value})
    return True
