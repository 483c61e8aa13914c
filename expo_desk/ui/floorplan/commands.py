"""Undo and redo of plan edits, each step written through the booth services.

Like the exhibitor commands, each is pushed after its change has been made (the first
``redo`` does nothing); undoing writes the inverse change, audited like any other.
"""

from __future__ import annotations

from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothStatus, BoothType
from expo_desk.services import booths as booth_service
from expo_desk.services.changes import ChangeSet
from expo_desk.ui.undo import _ServiceCommand


class MoveBoothsCommand(_ServiceCommand):
    def __init__(self, context, before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]], text: str):
        super().__init__(context, text)
        self._before, self._after = dict(before), dict(after)

    def forward(self) -> ChangeSet:
        return booth_service.move_booths(self._context.db, self._context.actor, self._after)

    def backward(self) -> ChangeSet:
        return booth_service.move_booths(self._context.db, self._context.actor, self._before)


class ResizeBoothCommand(_ServiceCommand):
    """``before``/``after``: (x_cm, y_cm, width_cm, depth_cm)."""

    def __init__(self, context, booth_id: str, before: tuple[int, int, int, int],
                 after: tuple[int, int, int, int], text: str):
        super().__init__(context, text)
        self._id, self._before, self._after = booth_id, before, after

    def _resize(self, geometry: tuple[int, int, int, int]) -> ChangeSet:
        x, y, w, d = geometry
        return booth_service.resize_booth(self._context.db, self._context.actor, self._id,
                                          x_cm=x, y_cm=y, width_cm=w, depth_cm=d)

    def forward(self) -> ChangeSet:
        return self._resize(self._after)

    def backward(self) -> ChangeSet:
        return self._resize(self._before)


def draft_of(record: dict) -> BoothDraft:
    return BoothDraft(number=record["number"], x_cm=int(record["x_cm"]), y_cm=int(record["y_cm"]),
                      width_cm=int(record["width_cm"]), depth_cm=int(record["depth_cm"]),
                      booth_type=BoothType(record["booth_type"]), sector=record.get("sector") or "")


class AddBoothsCommand(_ServiceCommand):
    """Undo deletes the booths that were added; redo adds them again with the same ids."""

    def __init__(self, context, show_id: str, hall_id: str, drafts: list[BoothDraft], ids: list[str], text: str):
        super().__init__(context, text)
        self._show_id, self._hall_id = show_id, hall_id
        self._drafts, self._ids = list(drafts), list(ids)

    def _add(self) -> ChangeSet:
        return booth_service.add_booths(self._context.db, self._context.actor, self._show_id, self._hall_id,
                                        self._drafts, ids=self._ids or None)

    def _delete(self) -> ChangeSet:
        return booth_service.delete_booths(self._context.db, self._context.actor, self._ids)

    def forward(self) -> ChangeSet:
        return self._add()

    def backward(self) -> ChangeSet:
        return self._delete()


class DeleteBoothsCommand(AddBoothsCommand):
    """The mirror of adding: undo puts the booths back where they were (blocked ones blocked
    again, with their reason), redo deletes them again."""

    def __init__(self, context, show_id: str, hall_id: str, records: list[dict], text: str):
        super().__init__(context, show_id, hall_id, [draft_of(r) for r in records], [r["id"] for r in records], text)
        self._blocked = {r["number"]: r["blocked_reason"] for r in records if r["status"] == BoothStatus.BLOCKED}

    def forward(self) -> ChangeSet:
        return self._delete()

    def backward(self) -> ChangeSet:
        changes = self._add()
        if self._blocked:
            ctx = self._context
            for booth_id, draft in zip(self._ids, self._drafts):
                if draft.number in self._blocked:
                    changes.merge(booth_service.update_booth(ctx.db, ctx.actor, booth_id, blocked=True,
                                                             blocked_reason=self._blocked[draft.number]))
        return changes


def _geometry(record: dict) -> dict:
    return {"x_cm": int(record["x_cm"]), "y_cm": int(record["y_cm"]),
            "width_cm": int(record["width_cm"]), "depth_cm": int(record["depth_cm"])}


class MergeBoothsCommand(_ServiceCommand):
    """Undo gives the kept booth its old size and puts the others back with their own ids."""

    def __init__(self, context, show_id: str, hall_id: str, records: list[dict], text: str):
        super().__init__(context, text)
        self._show_id, self._hall_id = show_id, hall_id
        keep, *rest = sorted(records, key=lambda r: r["number"])  # the service keeps the lowest number
        self._keep = dict(keep)
        self._rest = [draft_of(r) for r in rest]
        self._rest_ids = [r["id"] for r in rest]

    def forward(self) -> ChangeSet:
        ctx = self._context
        return booth_service.merge_booths(ctx.db, ctx.actor, [self._keep["id"], *self._rest_ids])

    def backward(self) -> ChangeSet:
        ctx, g = self._context, _geometry(self._keep)
        changes = booth_service.resize_booth(ctx.db, ctx.actor, self._keep["id"], g["width_cm"], g["depth_cm"],
                                             x_cm=g["x_cm"], y_cm=g["y_cm"])
        added = booth_service.add_booths(ctx.db, ctx.actor, self._show_id, self._hall_id, self._rest,
                                         ids=self._rest_ids)
        return changes.merge(added)


class SplitBoothCommand(_ServiceCommand):
    """Undo deletes the new parts and gives the booth back its size and number."""

    def __init__(self, context, record: dict, parts: int, direction: str, added_ids: list[str], text: str):
        super().__init__(context, text)
        self._record, self._parts, self._direction = dict(record), parts, direction
        self._added = list(added_ids)

    def forward(self) -> ChangeSet:
        ctx = self._context
        changes = booth_service.split_booth(ctx.db, ctx.actor, self._record["id"], self._parts, self._direction)
        self._added = list(changes.inserted.get("booths", []))
        return changes

    def backward(self) -> ChangeSet:
        ctx, g = self._context, _geometry(self._record)
        changes = booth_service.delete_booths(ctx.db, ctx.actor, self._added)
        changes.merge(booth_service.resize_booth(ctx.db, ctx.actor, self._record["id"], g["width_cm"], g["depth_cm"],
                                                 x_cm=g["x_cm"], y_cm=g["y_cm"]))
        changes.merge(booth_service.update_booth(ctx.db, ctx.actor, self._record["id"],
                                                 number=self._record["number"]))
        return changes


class ReserveBoothsCommand(_ServiceCommand):
    """Reserve booths for a name until a date; undo releases them (or restores a previous date)."""

    def __init__(self, context, records: list[dict], reserved_for: str, until: str, text: str):
        super().__init__(context, text)
        self._records = [dict(r) for r in records]
        self._name, self._until = reserved_for, until

    def forward(self) -> ChangeSet:
        holds = [(r["id"], self._name, self._until) for r in self._records]
        return booth_service.set_reservations(self._context.db, self._context.actor, holds)

    def backward(self) -> ChangeSet:
        # a booth held already goes back to its old name and date; the others are released
        holds = [(r["id"], r["reserved_for"], r["reserved_until"]) if r["status"] == BoothStatus.RESERVED
                 else (r["id"], None, None) for r in self._records]
        return booth_service.set_reservations(self._context.db, self._context.actor, holds)


class ReleaseBoothsCommand(_ServiceCommand):
    """Release reservations; undo reserves each booth again for the same name and date."""

    def __init__(self, context, records: list[dict], text: str):
        super().__init__(context, text)
        self._records = [dict(r) for r in records]

    def forward(self) -> ChangeSet:
        holds = [(r["id"], None, None) for r in self._records]
        return booth_service.set_reservations(self._context.db, self._context.actor, holds)

    def backward(self) -> ChangeSet:
        holds = [(r["id"], r["reserved_for"], r["reserved_until"]) for r in self._records]
        return booth_service.set_reservations(self._context.db, self._context.actor, holds)
