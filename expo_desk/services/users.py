"""People in the file; the full sign-in and permission rules build on this."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.store import records
from expo_desk.store import users as user_store

if TYPE_CHECKING:
    import sqlite_utils


def _username_for(display_name: str, db: sqlite_utils.Database) -> str:
    base = re.sub(r"\s+", ".", display_name.strip().lower()) or "user"
    candidate, n = base, 1
    while user_store.user_by_name(db, candidate):
        n += 1
        candidate = f"{base}{n}"
    return candidate


def find_or_add_account_manager(db: sqlite_utils.Database, actor: Actor, name: str) -> tuple[dict, bool]:
    """The account manager called ``name``; added (without a password) if unknown.

    Returns the user row and whether it was added. A person added this way cannot sign
    in until an administrator sets a password.
    """
    found = user_store.user_by_name(db, name)
    if found:
        return found, False
    row = records.insert(db, actor, "users", {
        "username": _username_for(name, db),
        "display_name": name.strip(),
        "role": Role.ACCOUNT_MANAGER.value,
        "password_hash": None,
        "active": 1,
        "created_at": records.utc_now(),
    })
    return row, True


def list_account_managers(db: sqlite_utils.Database) -> list[dict]:
    """Active account managers, for pickers."""
    return [u for u in user_store.list_users(db, Role.ACCOUNT_MANAGER.value) if u["active"]]
