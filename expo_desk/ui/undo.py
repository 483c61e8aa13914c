"""Undo and redo of exhibitor changes (Ctrl+Z / Ctrl+Shift+Z), each step through the services.

Every command is pushed after its change has already been made, so its first ``redo``
does nothing. Undoing writes new audited changes; it never rewrites history.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from expo_desk.errors import UserError
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.changes import ChangeSet


class _ServiceCommand(QUndoCommand):
    def __init__(self, context, text: str):
        super().__init__(text)
        self._context = context
        self._done = True

    def _run(self, step: Callable[[], ChangeSet]) -> None:
        try:
            changes = step()
        except UserError as exc:
            self.setObsolete(True)  # the stack drops a step that can no longer be taken
            self._context.undo_failed.emit(str(exc))
            return
        self._context.announce(changes)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def forward(self) -> ChangeSet:
        raise NotImplementedError

    def backward(self) -> ChangeSet:
        raise NotImplementedError


class AddExhibitorCommand(_ServiceCommand):
    def __init__(self, context, exhibitor_id: str, name: str):
        super().__init__(context, QCoreApplication.translate("UndoCommand", "Add %1").replace("%1", name))
        self._id = exhibitor_id
        self._snapshot: dict | None = None

    def backward(self) -> ChangeSet:
        db = self._context.db
        self._snapshot = exhibitor_service.exhibitor_snapshot(db, self._id)
        return exhibitor_service.delete_exhibitor(db, self._context.actor, self._id)

    def forward(self) -> ChangeSet:
        return exhibitor_service.restore_exhibitor(self._context.db, self._context.actor, self._snapshot)


class DeleteExhibitorCommand(AddExhibitorCommand):
    """The mirror of adding: undo puts the exhibitor back, redo deletes it again."""

    def __init__(self, context, snapshot: dict):
        name = snapshot["exhibitor"]["company_name"]
        super().__init__(context, snapshot["exhibitor"]["id"], name)
        self.setText(QCoreApplication.translate("UndoCommand", "Delete %1").replace("%1", name))
        self._snapshot = snapshot

    def backward(self) -> ChangeSet:
        return AddExhibitorCommand.forward(self)

    def forward(self) -> ChangeSet:
        return AddExhibitorCommand.backward(self)


class EditExhibitorCommand(_ServiceCommand):
    def __init__(self, context, exhibitor_id: str, name: str, before: dict, after: dict):
        super().__init__(context, QCoreApplication.translate("UndoCommand", "Edit %1").replace("%1", name))
        self._id = exhibitor_id
        changed = [k for k in after if before.get(k) != after.get(k)]
        self._before = {k: before.get(k) for k in changed}
        self._after = {k: after.get(k) for k in changed}

    def backward(self) -> ChangeSet:
        return exhibitor_service.update_exhibitor(self._context.db, self._context.actor, self._id, self._before)

    def forward(self) -> ChangeSet:
        return exhibitor_service.update_exhibitor(self._context.db, self._context.actor, self._id, self._after)
