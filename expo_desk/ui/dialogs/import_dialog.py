"""Import a spreadsheet (exhibitors unless told otherwise) from Excel or CSV: runs in the
background, can be cancelled, and lists every problem (file, row, column) when the file
is refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expo_desk.errors import UserError
from expo_desk.services.exhibitor_import import import_exhibitors
from expo_desk.services.tabular import ImportCancelled
from expo_desk.ui.context import AppContext
from expo_desk.ui.widgets.error_label import ERROR_STYLE
from expo_desk.ui.widgets.file_job import start_file_job
from expo_desk.ui.worker import Job

# An import of the services: (db, actor, show_id, path, *, progress, should_cancel, backup_dir) -> a result
# with created, skipped_duplicates, added_managers, problems and changes.
ImportRun = Callable[..., object]


class ImportDialog(QDialog):
    """Shows progress while importing, then the result or the list of problems.

    ``run_import`` is the service that imports the file (``import_exhibitors`` by default);
    a subclass words the result for its rows in ``summary_lines``.
    """

    imported = Signal(object)  # the ChangeSet of a successful import

    def __init__(self, context: AppContext, source: Path, parent: QWidget | None = None, *,
                 run_import: ImportRun = import_exhibitors):
        super().__init__(parent)
        self._context = context
        self._source = Path(source)
        self._run_import = run_import
        self.result_data = None
        self.setWindowTitle(self.tr("Import exhibitors"))
        self.setMinimumSize(640, 360)
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading %1 …").replace("%1", self._source.name))
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # not adrift mid-dialog
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("problems")
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problems.hide()
        layout.addWidget(self.problems, 1)
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)
        self._job: Job | None = None
        self._running = False

    def start(self) -> None:
        """Begin the import in a worker thread, on its own connection to the file."""
        run_import, actor, show_id = self._run_import, self._context.actor, self._context.show["id"]
        source, backup_dir = self._source, self._context.paths.backup_dir
        self._running = True
        self._job = start_file_job(
            self._context.db_path, lambda db, progress, should_cancel: run_import(
                db, actor, show_id, source, progress=progress, should_cancel=should_cancel, backup_dir=backup_dir),
            progressed=self._on_progress, finished=self._on_finished, failed=self._on_failed)

    def run(self) -> ImportDialog:
        """Import with the window waiting (Cancel stays live); what was imported is announced."""
        self.imported.connect(self._context.announce)
        self.start()
        self.exec()
        return self

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("Checked %1 of %2 rows …").replace("%1", f"{done:,}").replace("%2", f"{total:,}"))

    def _finish_buttons(self) -> None:
        self._running = False
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        close.setDefault(True)
        self.progress.hide()

    def _on_finished(self, result) -> None:
        self._job.wait()
        self.result_data = result
        self._finish_buttons()
        if result.problems:
            self.status.setText(self.tr("Nothing was imported: %1 problem(s) in %2. Fix them in the file and import again.")
                                .replace("%1", str(len(result.problems))).replace("%2", self._source.name))
            self.status.setStyleSheet(ERROR_STYLE)
            self.problems.setPlainText("\n".join(result.problems))
            self.problems.show()
            return
        self.status.setText("\n".join(self.summary_lines(result)))
        if result.skipped_duplicates:
            self.problems.setPlainText("\n".join(result.skipped_duplicates))
            self.problems.show()
        self.imported.emit(result.changes)

    def summary_lines(self, result) -> list[str]:
        """What the status says after the rows were imported."""
        lines = [self.tr("%1 exhibitor(s) imported from %2.").replace("%1", f"{result.created:,}").replace("%2", self._source.name)]
        if result.skipped_duplicates:
            lines.append(self.tr("%1 already in this show, not added again:").replace("%1", str(len(result.skipped_duplicates))))
        lines += self.new_managers_line(result)
        return lines

    def new_managers_line(self, result) -> list[str]:
        if not result.added_managers:
            return []
        return [self.tr("New account managers (no password yet): %1").replace("%1", ", ".join(result.added_managers))]

    def _on_failed(self, exc: Exception) -> None:
        self._job.wait()
        self._finish_buttons()
        if isinstance(exc, ImportCancelled):
            self.status.setText(self.tr("Import cancelled; nothing was changed."))
        elif isinstance(exc, UserError):
            self.status.setText(str(exc))
        else:
            self.status.setText(self.tr("The import failed unexpectedly; nothing was changed.\n%1").replace("%1", repr(exc)))
        self.status.setStyleSheet(ERROR_STYLE)

    def _cancel(self) -> None:
        if self._running:
            self.status.setText(self.tr("Cancelling …"))
            self._job.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self._running:
            self._cancel()
            return
        super().reject()
