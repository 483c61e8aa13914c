"""What a use case changed, so a page refreshes only what it must (Anki's OpChanges idea)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from expo_desk.store import records

if TYPE_CHECKING:
    from expo_desk.domain.actors import Actor
    from expo_desk.store.db import Database


@dataclass
class ChangeSet:
    inserted: dict[str, list[str]] = field(default_factory=dict)
    updated: dict[str, list[str]] = field(default_factory=dict)
    deleted: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, table: str, row_id: str) -> None:
        getattr(self, kind).setdefault(table, []).append(row_id)

    def merge(self, other: ChangeSet) -> ChangeSet:
        for kind in ("inserted", "updated", "deleted"):
            for table, ids in getattr(other, kind).items():
                getattr(self, kind).setdefault(table, []).extend(ids)
        return self

    def touches(self, table: str) -> bool:
        return any(table in getattr(self, k) for k in ("inserted", "updated", "deleted"))

    def __bool__(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)


def record_update(db: Database, actor: Actor, changes: ChangeSet, table: str, row_id: str,
                  values: dict) -> dict:
    """Write ``values`` to one row (audited) and note the row in ``changes`` when a column really
    changed; returns the changed columns with their new values ({} when nothing changed)."""
    _, new = records.update(db, actor, table, row_id, values)
    if new:
        changes.add("updated", table, row_id)
    return new


def record_insert(db: Database, actor: Actor, changes: ChangeSet, table: str, values: dict) -> dict:
    """Insert one row (audited), note it in ``changes``; returns the stored row."""
    row = records.insert(db, actor, table, values)
    changes.add("inserted", table, row["id"])
    return row


def record_delete(db: Database, actor: Actor, changes: ChangeSet, table: str, row_id: str) -> None:
    """Delete one row (audited) and note it in ``changes``."""
    records.delete(db, actor, table, row_id)
    changes.add("deleted", table, row_id)
