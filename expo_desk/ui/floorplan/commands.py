"""Undo and redo of plan edits, each step written through the booth services.

Like the exhibitor commands, each is pushed after its change has been made (the first
``redo`` does nothing); undoing writes the inverse change, audited like any other.
"""

from __future__ import annotations

from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothType
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
    """Undo deletes the booths that were added; redo adds them again (they get new ids)."""

    def __init__(self, context, show_id: str, hall_id: str, drafts: list[BoothDraft], ids: list[str], text: str):
        super().__init__(context, text)
        self._show_id, self._hall_id = show_id, hall_id
        self._drafts, self._ids = list(drafts), list(ids)

    def _add(self) -> ChangeSet:
        changes = booth_service.add_booths(self._context.db, self._context.actor, self._show_id, self._hall_id,
                                           self._drafts)
        self._ids = list(changes.inserted.get("booths", []))
        return changes

    def _delete(self) -> ChangeSet:
        return booth_service.delete_booths(self._context.db, self._context.actor, self._ids)

    def forward(self) -> ChangeSet:
        return self._add()

    def backward(self) -> ChangeSet:
        return self._delete()


class DeleteBoothsCommand(AddBoothsCommand):
    """The mirror of adding: undo puts the booths back where they were, redo deletes them again."""

    def __init__(self, context, show_id: str, hall_id: str, records: list[dict], text: str):
        super().__init__(context, show_id, hall_id, [draft_of(r) for r in records], [r["id"] for r in records], text)

    def forward(self) -> ChangeSet:
        return self._delete()

    def backward(self) -> ChangeSet:
        return self._add()
