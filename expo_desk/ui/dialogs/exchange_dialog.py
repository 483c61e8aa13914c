"""Show ▸ Exchange changes: this copy of the show, the folder the copies exchange files
through (a USB stick, a shared folder), sending and receiving, preparing a copy for another
PC, and what was exchanged so far.

Every step starts a worker process on the file (about a second), so it runs off the
window's thread on a connection of its own; the window is told afterwards what may have
changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain import sync_rules
from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.services import sync
from expo_desk.services.changes import ChangeSet
from expo_desk.services.sync_conflicts import list_conflicts
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.conflicts_dialog import ConflictsDialog
from expo_desk.ui.formats import ui_datetime
from expo_desk.ui.widgets.error_label import ERROR_STYLE
from expo_desk.ui.widgets.file_field import FOLDER, SAVE, FileField
from expo_desk.ui.widgets.file_job import start_file_job
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table
from expo_desk.ui.worker import Job

FOLDER_KEY = "sync/exchange_folder"
COPIES_FOLDER_KEY = "sync/copies_folder"


def everything_received() -> ChangeSet:
    """A received file may touch any table that travels: every page reads again."""
    changes = ChangeSet()
    for table in [*sync_rules.TABLE_ACTIONS, "audit_log", "sync_conflicts"]:
        changes.updated.setdefault(table, [])
    return changes


class PrepareCopyDialog(QDialog):
    """Where to save the copy for another PC, and what to call it."""

    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare a copy"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A full copy of this file for another PC (a venue laptop, a second office PC). "
                               "It works on its own and exchanges its changes with this one through the "
                               "exchange folder."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.path_field = FileField(settings, COPIES_FOLDER_KEY, self.tr("Save the copy as"),
                                    self.tr("Expo Desk show (*.sqlite)"), "choose_copy", mode=SAVE, suffix=".sqlite")
        self.path_field.edit.setObjectName("copy_path")
        form.addRow(self.tr("Save as:"), self.path_field)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("copy_name")
        self.name_edit.setPlaceholderText(self.tr("e.g. Venue laptop 1"))
        form.addRow(self.tr("Name of the copy:"), self.name_edit)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("copy_code")
        self.code_edit.setPlaceholderText(self.tr("optional, e.g. V1: its contract numbers carry it"))
        form.addRow(self.tr("Code:"), self.code_edit)
        layout.addLayout(form)
        self.errors = QLabel()
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()
        layout.addWidget(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Prepare"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[Path, str, str]:
        return Path(self.path_field.value()), self.name_edit.text().strip(), self.code_edit.text().strip()

    def accept(self) -> None:
        problems = []
        if not self.path_field.value():
            problems.append(self.tr("Save as: choose where to save the copy."))
        if not self.name_edit.text().strip():
            problems.append(self.tr("Name of the copy: required."))
        if problems:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            return
        super().accept()


class ExchangeDialog(QDialog):
    """One step at a time (``running`` while it works); ``summary`` says what the last one did."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._job: Job | None = None
        self._done: Callable[[object], None] = lambda _result: None
        self.setWindowTitle(self.tr("Exchange changes"))
        self.resize(980, 680)
        layout = QVBoxLayout(self)
        layout.addWidget(self._copy_box())
        folder_box = QGroupBox(self.tr("Exchange folder"))
        folder_layout = QVBoxLayout(folder_box)
        self.folder = FileField(context.settings, FOLDER_KEY, self.tr("Exchange folder"), "", "choose_folder",
                                self.tr("A USB stick or a shared folder"), mode=FOLDER)
        self.folder.edit.setObjectName("folder")
        folder_layout.addWidget(self.folder)
        hint = QLabel(self.tr("Every copy sends its changes to this folder and receives the other copies' "
                              "changes from it."))
        hint.setWordWrap(True)
        folder_layout.addWidget(hint)
        layout.addWidget(folder_box)
        layout.addLayout(self._action_row())
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop after the file being applied; the rest wait for the next receive"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Files exchanged")))
        self.history = record_table([self.tr("Done"), self.tr("Direction"), self.tr("Copy"), self.tr("No."),
                                     self.tr("Made by"), self.tr("Changes"), self.tr("Conflicts"),
                                     self.tr("Refused"), self.tr("File")], name="history")
        layout.addWidget(self.history, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh()

    # -- layout -------------------------------------------------------------------------
    def _copy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This copy"))
        layout = QVBoxLayout(box)
        self.state_form = QWidget()
        form = QFormLayout(self.state_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.state_labels: dict[str, QLabel] = {}
        for key, text in (("name", self.tr("Name:")), ("code", self.tr("Code:")), ("origin", self.tr("Made from:")),
                          ("last_sent", self.tr("Last sent:")), ("last_received", self.tr("Last received:"))):
            label = QLabel()
            label.setObjectName(f"copy_{key}")
            self.state_labels[key] = label
            form.addRow(text, label)
        layout.addWidget(self.state_form)
        self.setup_panel = QWidget()
        setup = QVBoxLayout(self.setup_panel)
        setup.setContentsMargins(0, 0, 0, 0)
        self.setup_notice = notice_label(self.tr("This file is not set up to exchange changes yet. Set it up as "
                                                 "the office copy, then prepare copies for the other PCs."))
        setup.addWidget(self.setup_notice)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Name of this copy:")))
        self.setup_name = QLineEdit(self.tr("Office"))
        self.setup_name.setObjectName("setup_name")
        row.addWidget(self.setup_name, 1)
        self.setup_button = QPushButton(self.tr("Set up as the office copy"))
        self.setup_button.setObjectName("setup")
        self.setup_button.clicked.connect(self.set_up)
        row.addWidget(self.setup_button)
        setup.addLayout(row)
        layout.addWidget(self.setup_panel)
        return box

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.send_button = QPushButton(self.tr("&Send my changes"))
        self.send_button.setObjectName("send")
        self.send_button.clicked.connect(self.send)
        self.receive_button = QPushButton(self.tr("&Receive changes"))
        self.receive_button.setObjectName("receive")
        self.receive_button.clicked.connect(self.receive)
        self.prepare_button = QPushButton(self.tr("&Prepare a copy…"))
        self.prepare_button.setObjectName("prepare")
        self.prepare_button.clicked.connect(self.prepare_copy)
        self.rebase_button = QPushButton(self.tr("Take a &new base…"))
        self.rebase_button.setObjectName("rebase")
        self.rebase_button.setToolTip(self.tr("The base of the last exchange is missing (was this file restored from "
                                              "a backup?): start exchanging again from the file as it is now"))
        self.rebase_button.clicked.connect(self.take_new_base)
        self.review_button = QPushButton()
        self.review_button.setObjectName("review")
        self.review_button.clicked.connect(self.review_conflicts)
        for button in (self.send_button, self.receive_button, self.prepare_button, self.rebase_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.review_button)
        return row

    # -- reading ------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        db, actor = self._context.db, self._context.actor
        state = sync.copy_state(db)
        self.state_form.setVisible(state is not None)
        self.setup_panel.setVisible(state is None)
        if state:
            never = self.tr("never")
            values = {"name": state["name"], "code": state["code"] or self.tr("(the office copy)"),
                      "origin": state["origin_name"] or self.tr("(the first copy)"),
                      "last_sent": ui_datetime(state["last_sent_at"]) or never,
                      "last_received": ui_datetime(state["last_received_at"]) or never}
            for key, value in values.items():
                self.state_labels[key].setText(value)
        may_prepare = can(actor, Action.PREPARE_COPIES)
        if not may_prepare:
            self.setup_notice.setText(self.tr("This file is not set up to exchange changes yet. A department "
                                              "manager or an administrator sets it up and prepares the copies."))
        idle = not self.running
        self.setup_button.setEnabled(idle and may_prepare)
        self.setup_name.setEnabled(may_prepare)
        self.send_button.setEnabled(idle and state is not None)
        self.receive_button.setEnabled(idle and state is not None)
        self.prepare_button.setEnabled(idle and may_prepare)
        self.rebase_button.setVisible(sync.base_missing(db))
        self.rebase_button.setEnabled(idle and may_prepare)
        self.prepare_button.setToolTip("" if may_prepare else self.tr(
            "Only a department manager or an administrator prepares copies."))
        waiting = len(list_conflicts(db))
        self.review_button.setText(self.tr("Review conflicts (%1)…").replace("%1", str(waiting)))
        self.buttons.setEnabled(idle)
        fill_table(self.history, [self._history_row(f) for f in sync.exchange_history(db)])

    def _history_row(self, entry: dict) -> list[str]:
        direction = self.tr("Sent") if entry["direction"] == "sent" else self.tr("Received")
        return [ui_datetime(entry["done_at"]), direction, entry["replica_name"], str(entry["seq"]), entry["made_by"],
                str(entry["changes"]), str(entry["conflicts"]), str(entry["refused"]), entry["file_name"]]

    # -- steps --------------------------------------------------------------------------
    def _folder_or_say(self) -> Path | None:
        folder = self.folder.value()
        if not folder:
            self._say(self.tr("Choose the exchange folder first."), error=True)
            return None
        self.folder.set_value(folder)
        return Path(folder)

    def _run(self, busy: str, work: Callable, done: Callable[[object], None]) -> None:
        """``work(db, actor, progress, should_cancel)`` on a connection of its own; ``done(result)``
        back here."""
        actor = self._context.actor
        self._done = done
        self._say(busy)
        self.progress.setRange(0, 0)
        self.progress.show()
        # bound methods of this dialog, so the results come back on the window's thread
        self._job = start_file_job(self._context.db_path,
                                   lambda db, progress, should_cancel: work(db, actor, progress, should_cancel),
                                   progressed=self._progressed, finished=self._finished, failed=self._failed)
        self.refresh()

    def _finished(self, result: object) -> None:
        self._end()
        self._done(result)

    def _failed(self, exc: Exception) -> None:
        self._end()
        text = str(exc) if isinstance(exc, UserError) else self.tr(
            "The exchange failed unexpectedly.\n%1").replace("%1", repr(exc))
        self._say(text, error=True)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)

    def _end(self) -> None:
        self._job.wait()
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._say(self.tr("Applied %1 of %2 files …").replace("%1", str(done)).replace("%2", str(total)))

    def _say(self, text: str, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(ERROR_STYLE if error else "")

    def set_up(self) -> None:
        name = self.setup_name.text().strip()
        self._run(self.tr("Setting up this copy …"), lambda db, actor, _p, _c: sync.start_exchange(db, actor, name),
                  lambda state: self._say(self.tr("This file is now the office copy “%1”. Prepare a copy for "
                                                  "each other PC.").replace("%1", state["name"])))

    def send(self) -> None:
        folder = self._folder_or_say()
        if folder is not None:
            self._run(self.tr("Sending …"), lambda db, actor, _p, _c: sync.send_changes(db, actor, folder), self._sent)

    def _sent(self, exchange) -> None:
        if exchange is None:
            self._say(self.tr("Nothing to send: nothing has changed here since the last exchange."))
            return
        self._say("\n".join([self.tr("Changes sent: %1").replace("%1", str(exchange.changes)),
                             self.tr("File: %1").replace("%1", str(exchange.path))]))

    def receive(self) -> None:
        folder = self._folder_or_say()
        if folder is not None:
            self._run(self.tr("Receiving …"),
                      lambda db, actor, progress, should_cancel: sync.receive_changes(
                          db, actor, folder, progress, should_cancel), self._received)
            self.cancel_button.setEnabled(True)
            self.cancel_button.show()

    def _received(self, report: sync.Received) -> None:
        self._say(self.received_text(report), error=bool(report.refused))
        if report.applied:
            self._context.announce(everything_received())
        if report.conflicts or report.refused_changes:
            self.review_button.setDefault(True)
            self.review_button.setFocus()

    def received_text(self, report: sync.Received) -> str:
        """What a receive did, a line per kind of outcome, the reasons for refused files."""
        if not (report.applied or report.already or report.waiting or report.refused):
            return self.tr("Nothing to receive: no changes files from other copies in this folder.")
        lines = [self.tr("Files applied: %1").replace("%1", str(len(report.applied)))]
        if report.applied:
            lines.append(self.tr("Changes made here: %1").replace("%1", str(report.changes)))
        if report.already:
            lines.append(self.tr("Already applied before (skipped): %1").replace("%1", str(report.already)))
        if report.waiting:
            names = ", ".join(sorted({f.replica_name for f in report.waiting}))
            lines.append(self.tr("Waiting for earlier files from %1: %2 (receive again when they are in the "
                                 "folder)").replace("%1", names).replace("%2", str(len(report.waiting))))
        if report.refused:
            lines.append(self.tr("Files refused: %1").replace("%1", str(len(report.refused))))
            lines.extend(f"  • {reason}" for reason in report.refused)
        if report.refused_changes:
            lines.append(self.tr("Changes refused (the sender may not make them): %1").replace(
                "%1", str(report.refused_changes)))
        if report.conflicts:
            lines.append(self.tr("Conflicts waiting for review: %1").replace("%1", str(report.conflicts)))
        if report.cancelled:
            lines.append(self.tr("Cancelled: the files not applied yet wait for the next receive."))
        return "\n".join(lines)

    def take_new_base(self) -> None:
        answer = QMessageBox.question(self, self.tr("Take a new base"), self.tr(
            "This copy will exchange again from the file as it is now. Changes made here since the last "
            "exchange will not be sent to the other copies. Go on?"))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.tr("Taking a new base …"), lambda db, actor, _p, _c: sync.take_new_base(db, actor),
                      lambda _state: self._say(self.tr("New base taken: this copy can send and receive again.")))

    def prepare_copy(self) -> None:
        form = PrepareCopyDialog(self._context.settings, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        path, name, code = form.values()
        self._run(self.tr("Preparing the copy …"),
                  lambda db, actor, _p, _c: sync.prepare_copy(db, actor, path, name, code), self._prepared)

    def _prepared(self, made: dict) -> None:
        self._say("\n".join([
            self.tr("Copy prepared: “%1”, code %2").replace("%1", made["name"]).replace("%2", made["code"]),
            self.tr("File: %1").replace("%1", str(made["path"])),
            self.tr("Open it on the other PC; it exchanges its changes through the same folder.")]))

    def review_conflicts(self) -> None:
        ConflictsDialog(self._context, self).exec()
        self.refresh()

    def reject(self) -> None:
        if self.running:  # the step finishes first: a file half received is never left behind
            return
        super().reject()


def open_exchange_dialog(window) -> None:
    """Show ▸ Exchange changes… on the window's open file."""
    if window.context.db is not None:
        ExchangeDialog(window.context, window).exec()
