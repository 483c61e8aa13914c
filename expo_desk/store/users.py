"""People who use Expo Desk, and the account managers exhibitors belong to."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import one, rows, scalar


def list_users(db: sqlite_utils.Database, role: str | None = None) -> list[dict]:
    if role:
        return rows(db, "SELECT * FROM users WHERE role = ? ORDER BY display_name", [role])
    return rows(db, "SELECT * FROM users ORDER BY display_name")


def user_by_name(db: sqlite_utils.Database, name: str) -> dict | None:
    """Match a person by login or display name, ignoring case and spaces around."""
    name = name.strip()
    return one(
        db,
        "SELECT * FROM users WHERE username = ? COLLATE NOCASE OR display_name = ? COLLATE NOCASE"
        " ORDER BY active DESC LIMIT 1",
        [name, name],
    )


def user_exists(db: sqlite_utils.Database, user_id: str) -> bool:
    return one(db, "SELECT id FROM users WHERE id = ?", [user_id]) is not None


def display_name(db: sqlite_utils.Database, user_id: str) -> str | None:
    return scalar(db, "SELECT display_name FROM users WHERE id = ?", [user_id])


def get_user(db: sqlite_utils.Database, user_id: str) -> dict | None:
    return one(db, "SELECT * FROM users WHERE id = ?", [user_id])


def user_by_username(db: sqlite_utils.Database, username: str) -> dict | None:
    return one(db, "SELECT * FROM users WHERE username = ? COLLATE NOCASE", [username.strip()])


def count_administrators_who_can_sign_in(db: sqlite_utils.Database, excluding: str | None = None) -> int:
    return scalar(
        db, "SELECT count(*) FROM users WHERE role = 'administrator' AND active = 1 AND password_hash IS NOT NULL"
        " AND id IS NOT ?", [excluding])
