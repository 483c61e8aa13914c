"""The progress of a batch of report PDFs, with Cancel: the work runs off the window's thread
(in worker processes), the count of documents written moves the bar, and the dialog says
what was written, what failed and whether it was cancelled."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from expo_desk.errors import UserError
from expo_desk.services.batch import BatchResult
from expo_desk.ui.widgets.error_label import ERROR_STYLE
from expo_desk.ui.worker import Job

# The batch itself: (progress(done, total), should_cancel()) -> BatchResult, run in a worker thread.
BatchWork = Callable[[Callable[[int, int], None], Callable[[], bool]], BatchResult]


class BatchDialog(QDialog):
    """Runs ``work`` with a progress bar and Cancel; ``result_data`` holds its BatchResult
    (None when the batch could not start, ``error`` then says why)."""

    def __init__(self, title: str, work: BatchWork, parent: QWidget | None = None):
        super().__init__(parent)
        self._work = work
        self._job: Job | None = None
        self._running = False
        self.result_data: BatchResult | None = None
        self.error = ""
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Starting …"))
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)

    @property
    def running(self) -> bool:
        return self._running

    def run(self) -> BatchResult | None:
        """Start the batch and wait with the window (Cancel stays live); the result, if any."""
        self.start()
        self.exec()
        return self.result_data

    def start(self) -> None:
        self._running = True
        self._job = Job(self._work)
        self._job.progressed.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        self._job.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("Written %1 of %2 …").replace("%1", f"{done:,}").replace("%2", f"{total:,}"))

    def _finish(self) -> None:
        self._job.wait()
        self._running = False
        self.progress.hide()
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("close")
        close.clicked.connect(self.accept)
        close.setDefault(True)

    def _on_finished(self, result: BatchResult) -> None:
        self._finish()
        self.result_data = result
        self.status.setText(self.summary(result))
        if result.failures or result.cancelled:
            self.status.setStyleSheet(ERROR_STYLE)

    def summary(self, result: BatchResult) -> str:
        """``12 file(s) written in 3.4 s; 1 failed.`` and, when cancelled, what that left."""
        lines = [self.tr("%n file(s) written in %1 s.", "", len(result.written)).replace("%1", f"{result.seconds:.1f}")]
        if result.failures:
            lines.append(self.tr("%n could not be made (see the list).", "", len(result.failures)))
        if result.cancelled:
            lines.append(self.tr("Cancelled: the files written stay; the rest were not made."))
        if result.merged is not None:
            lines.append(self.tr("All in one file: %1").replace("%1", result.merged.name))
        return "\n".join(lines)

    def _on_failed(self, exc: Exception) -> None:
        self._finish()
        self.error = str(exc) if isinstance(exc, UserError) else self.tr(
            "The batch failed unexpectedly.\n%1").replace("%1", repr(exc))
        self.status.setText(self.error)
        self.status.setStyleSheet(ERROR_STYLE)

    def _cancel(self) -> None:
        if self._running:
            self.status.setText(self.tr("Cancelling: the documents being written are finished first …"))
            self.cancel_button.setEnabled(False)
            self._job.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self._running:  # Escape or the window's close box cancel; the dialog closes when the work has stopped
            self._cancel()
            return
        super().reject()
