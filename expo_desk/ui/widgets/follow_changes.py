"""Refresh a page shortly after the data changed, only while it is shown; a hidden page
catches up when it is shown again (a burst of changes costs one reading)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FollowChanges(QObject):
    """Calls ``refresh`` shortly after one of ``signals`` fires while ``page`` is visible (a
    burst of changes costs one reading); a hidden page catches up when it is shown. The
    page calls ``fresh()`` when it has read."""

    def __init__(self, page: QWidget, refresh: Callable[[], None], delay_ms: int, *signals):
        super().__init__(page)
        self._page, self._refresh = page, refresh
        self.stale = True
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._refresh)
        for signal in signals:
            signal.connect(self.changed)
        page.installEventFilter(self)

    def changed(self, *_what) -> None:
        """Note a change: read again soon (at once with a delay of 0) if shown, else when shown."""
        self.stale = True
        if not self._page.isVisible():
            return
        if self.timer.interval() == 0:
            self._refresh()
        else:
            self.timer.start()

    def fresh(self) -> None:
        self.stale = False
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self._refresh()
        return False
