"""The legend beside the plan: one swatch per colour with its label and booth count."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget


class Legend(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(3)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addLayout(self._grid)
        column.addStretch(1)
        self.entries: list[tuple[str, QColor, int]] = []

    def set_entries(self, title: str, entries: list[tuple[str, QColor, int]]) -> None:
        self.title.setText(title)
        self.entries = list(entries)
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        for row, (label, colour, count) in enumerate(self.entries):
            swatch = QLabel()
            swatch.setFixedSize(16, 16)
            swatch.setStyleSheet(f"background: {colour.name()}; border: 1px solid #5f6b73;")
            text = QLabel(label)
            number = QLabel(f"{count:,}")
            number.setStyleSheet("color: #555;")
            self._grid.addWidget(swatch, row, 0)
            self._grid.addWidget(text, row, 1)
            self._grid.addWidget(number, row, 2)
