"""The open file, the current show and the signed-in person, shared by every page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from expo_desk.domain.actors import Actor
from expo_desk.paths import AppPaths
from expo_desk.services.changes import ChangeSet

if TYPE_CHECKING:
    from expo_desk.store.db import Database


class AppContext(QObject):
    """Pages read state from here and listen for what changed; nothing here is global."""

    data_changed = Signal(object)  # a ChangeSet
    database_changed = Signal()  # another file or show was opened
    undo_failed = Signal(str)  # why an undo or redo step could not be taken
    actor_changed = Signal()  # someone else signed in

    def __init__(self, paths: AppPaths, actor: Actor, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.paths = paths
        self.local_actor = actor  # who makes changes when the file does not require sign-in
        self.actor = actor
        self.settings = settings
        self.db: Database | None = None
        self.db_path: Path | None = None
        self.show: dict | None = None
        self.undo_stack = QUndoStack(self)

    def set_database(self, db: Database, path: Path, show: dict | None,
                     actor: Actor | None = None) -> None:
        """Switch to another file, with the person signed in to it (or the local user)."""
        if self.db is not None and self.db is not db:
            self.db.close()
        self.db, self.db_path, self.show = db, Path(path), show
        self.actor = actor or self.local_actor
        self.undo_stack.clear()  # steps belong to the file they were made in
        self.database_changed.emit()
        self.actor_changed.emit()

    def set_actor(self, actor: Actor) -> None:
        self.actor = actor
        self.undo_stack.clear()  # one person's steps are not another's to undo
        self.actor_changed.emit()

    def set_show(self, show: dict | None) -> None:
        self.show = show
        self.undo_stack.clear()
        self.database_changed.emit()

    def announce(self, changes: ChangeSet) -> None:
        """Tell every page what a use case changed."""
        if changes:
            self.data_changed.emit(changes)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
