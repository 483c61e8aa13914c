"""An honest page for an area that is not built yet: it says so and what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class NotYetPage(QWidget):
    def __init__(self, title: str, planned: str, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        notice = QLabel(self.tr("Not yet available in this version."))
        notice.setObjectName("notice")
        notice.setStyleSheet("color: #8a6d00;")
        body = QLabel(planned)
        body.setObjectName("planned")
        body.setWordWrap(True)
        body.setMaximumWidth(640)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (heading, notice, body):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
