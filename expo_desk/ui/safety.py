"""Keeping the user's file safe from the window: opening, restoring, automatic backups.

``install(window)`` adds File ▸ Restore from backup…, a daily backup timer and the
close-time backup; ``guard.open_database(path)`` is the window's way to open a file:
a file open in another Expo Desk, a damaged file (moved aside, the newest good backup
offered) and a file on a network share each get a clear message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QProgressDialog

from expo_desk.domain.permissions import Action, require
from expo_desk.errors import UserError
from expo_desk.services.backups import (
    DatabaseDamaged,
    FileInUse,
    automatic_backup,
    automatic_backup_of_file,
    backup_due,
    list_backups,
    newest_good_backup,
    restore_backup,
)
from expo_desk.store.db import open_database
from expo_desk.store.safety import break_lock
from expo_desk.ui.dialogs.restore_dialog import RestoreDialog
from expo_desk.ui.formats import ui_datetime
from expo_desk.ui.worker import Job

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60 * 60 * 1000  # look once an hour whether the daily backup is due


class _Waiter(QObject):
    """Receives a job's signals on the main thread and ends a local event loop."""

    def __init__(self, progress: QProgressDialog):
        super().__init__()
        self.loop = QEventLoop()
        self.progress = progress
        self.result = None
        self.error: BaseException | None = None

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    @Slot(object)
    def finished(self, result) -> None:
        self.result = result
        self.loop.quit()

    @Slot(object)
    def failed(self, error) -> None:
        self.error = error
        self.loop.quit()


class SafetyGuard(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.context = window.context
        self._job: Job | None = None
        self.restore_action = QAction(self.tr("&Restore from backup…"), window)
        self.restore_action.setObjectName("restore_action")
        self.restore_action.triggered.connect(self.restore_from_backup)
        self._add_to_file_menu()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_daily)
        self.timer.start()
        self.context.database_changed.connect(self._update)
        self._update()

    @property
    def backup_dir(self) -> Path:
        return self.context.paths.backup_dir

    def _add_to_file_menu(self) -> None:
        anchor = self.window.backup_action
        menus = [o for o in anchor.associatedObjects() if isinstance(o, QMenu)]
        if not menus:
            return
        actions = menus[0].actions()
        index = actions.index(anchor)
        before = actions[index + 1] if index + 1 < len(actions) else None
        menus[0].insertAction(before, self.restore_action)

    def _update(self) -> None:
        self.restore_action.setEnabled(self.context.db is not None)

    # -- opening -----------------------------------------------------------------------
    def open_database(self, path: Path, _retry: bool = True):
        """The file opened for changes, or None when refused (the user was told why).

        Other ``UserError``s (too new, not a database, read-only, disk full) are left to
        the caller, which shows them.
        """
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = open_database(path, create=False, backup_dir=self.backup_dir)
        except FileInUse as exc:
            QApplication.restoreOverrideCursor()
            if exc.other_host and _retry:
                answer = QMessageBox.question(
                    self.window, self.tr("File open on another computer"),
                    str(exc) + "\n\n" + self.tr("Open it anyway? Only do this if Expo Desk is surely closed on "
                                                "that computer: two people changing one file on a share can "
                                                "damage it."),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer == QMessageBox.StandardButton.Yes:
                    break_lock(path)
                    return self.open_database(path, _retry=False)
                return None
            QMessageBox.critical(self.window, self.tr("File already open"), str(exc))
            return None
        except DatabaseDamaged as exc:
            QApplication.restoreOverrideCursor()
            return self.offer_restore(path, exc)
        except BaseException:
            QApplication.restoreOverrideCursor()
            raise
        QApplication.restoreOverrideCursor()
        for warning in getattr(db, "warnings", []):
            QMessageBox.warning(self.window, self.tr("File on a network share"), warning)
        return db

    def offer_restore(self, path: Path, damage: DatabaseDamaged):
        """Say the file was moved aside and offer its backups, the newest good one chosen."""
        backups = list_backups(self.backup_dir, path.stem)
        moved = damage.moved_to.name if damage.moved_to else "-"
        text = self.tr("%1 is damaged and was moved aside as %2.").replace("%1", path.name).replace("%2", moved)
        if not backups:
            QMessageBox.critical(self.window, self.tr("File damaged"), text + "\n\n" + self.tr(
                "No backup of it was found in %1.").replace("%1", str(self.backup_dir)) + "\n\n" + str(damage))
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            good = newest_good_backup(self.backup_dir, path.stem)
        finally:
            QApplication.restoreOverrideCursor()
        if good is not None:
            text += " " + self.tr("The newest good backup is from %1; restore it, or choose another.").replace(
                "%1", ui_datetime(good.taken_at))
        else:
            text += " " + self.tr("None of the newest backups passed its check; choose one to try.")
        dialog = RestoreDialog(backups, text, preselect=good.path if good else None, parent=self.window)
        dialog.setObjectName("damaged_restore_dialog")
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return None
        if not self.run_restore(dialog.chosen(), path):
            return None
        return self.open_database(path)

    # -- restoring ---------------------------------------------------------------------
    def restore_from_backup(self) -> None:
        """File ▸ Restore from backup…: choose, confirm, close the file, restore, open it again."""
        ctx = self.context
        if ctx.db is None or ctx.db_path is None:
            return
        try:
            require(ctx.actor, Action.RESTORE_BACKUPS)
        except UserError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot restore"), str(exc))
            return
        path = ctx.db_path
        dialog = RestoreDialog(list_backups(self.backup_dir, path.stem), parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        answer = QMessageBox.question(
            self.window, self.tr("Restore from backup"),
            self.tr("Replace %1 with the backup %2?\n\nThe file as it is now is backed up first and kept "
                    "beside itself as %3.").replace("%1", path.name).replace("%2", chosen.name)
            .replace("%3", f"{path.stem}.replaced-….sqlite"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx.close()  # the lock goes with the last connection
        self.run_restore(chosen, path)
        self.window.open_file(path)  # the restored file, or the old one when the restore was refused

    def run_restore(self, backup: Path, target: Path) -> bool:
        actor, folder = self.context.actor, self.backup_dir

        def work(progress, _should_cancel):
            return restore_backup(actor, backup, target, folder, progress=progress)

        try:
            result = self.run_with_progress(self.tr("Restoring %1 …").replace("%1", backup.name), work)
        except UserError as exc:
            QMessageBox.critical(self.window, self.tr("Restore failed"), str(exc))
            return False
        kept = result.replaced_kept_as.name if result.replaced_kept_as else "-"
        self.window.statusBar().showMessage(self.tr("Restored from %1; the replaced file is kept as %2")
                                            .replace("%1", backup.name).replace("%2", kept), 15000)
        return True

    def run_with_progress(self, label: str, fn: Callable):
        """``fn(progress, should_cancel)`` in a worker thread, with a progress dialog; its result or its error."""
        dialog = QProgressDialog(label, "", 0, 0, self.window)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        waiter = _Waiter(dialog)
        job = Job(fn)
        job.progressed.connect(waiter.progressed)
        job.finished.connect(waiter.finished)
        job.failed.connect(waiter.failed)
        job.start()
        waiter.loop.exec()
        job.wait()
        dialog.close()
        dialog.deleteLater()
        if waiter.error is not None:
            raise waiter.error
        return waiter.result

    # -- automatic backups -------------------------------------------------------------
    def check_daily(self) -> None:
        """Back the open file up in the background when its last automatic backup is a day old."""
        path = self.context.db_path
        if self._job is not None or self.context.db is None or path is None:
            return
        if not backup_due(self.backup_dir, path.stem):
            return
        folder = self.backup_dir
        self._job = Job(lambda _progress, _cancel: automatic_backup_of_file(path, folder))
        self._job.finished.connect(self._daily_done)
        self._job.failed.connect(self._daily_failed)
        self._job.start()

    def wait_for_backup(self) -> None:
        if self._job is not None:
            self._job.wait()

    @Slot(object)
    def _daily_done(self, written) -> None:
        self.wait_for_backup()
        self._job = None
        self.window.statusBar().showMessage(self.tr("Backed up and verified: %1").replace("%1", str(written)), 10000)

    @Slot(object)
    def _daily_failed(self, exc) -> None:
        self.wait_for_backup()
        self._job = None
        log.warning("daily backup failed: %s", exc)
        self.window.statusBar().showMessage(self.tr("Automatic backup failed: %1").replace("%1", str(exc)), 30000)

    def on_close(self) -> None:
        """The close-time backup, into the data folder's backups (old ones pruned)."""
        self.timer.stop()
        self.wait_for_backup()
        ctx = self.context
        if ctx.db is None or ctx.db_path is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            automatic_backup(ctx.db, self.backup_dir, ctx.db_path.stem)
        except UserError as exc:
            QApplication.restoreOverrideCursor()
            log.warning("backup on close failed: %s", exc)
            QMessageBox.warning(self.window, self.tr("Backup failed"), str(exc))
            return
        QApplication.restoreOverrideCursor()


def install(window) -> SafetyGuard:
    """Hook the guard into a main window (which has ``context`` and ``backup_action``)."""
    return SafetyGuard(window)
