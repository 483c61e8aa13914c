"""Slow work off the UI thread, with progress, Cancel and the result back on the main thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger(__name__)


class Job(QObject):
    """Runs ``fn(progress, should_cancel)`` in a thread; emits ``finished(result)`` or ``failed(exc)``."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self._thread = QThread()
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._thread.wait(msecs)

    def _run(self) -> None:
        try:
            result = self._fn(lambda done, total: self.progressed.emit(done, total), self._cancel.is_set)
        except Exception as exc:  # reported to the user by the caller
            log.info("background job ended with %r", exc)
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            self._thread.quit()
