"""An honest page for an area that is not built yet: it says so and what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from expo_desk.ui.widgets.tables import notice_label


class NotYetPage(QWidget):
    def __init__(self, title: str, planned: str, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        notice = notice_label(self.tr("Not yet available in this version."))
        body = QLabel(planned)
        body.setObjectName("planned")
        body.setWordWrap(True)
        column = QVBoxLayout()
        column.addStretch(1)
        for widget in (heading, notice, body):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(widget)
        column.addStretch(2)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(640)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addWidget(holder, 4)
        row.addStretch(1)
