"""The spot-check draw: which records, how many, and optionally the seed that repeats a draw."""

from __future__ import annotations

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from expo_desk.domain import spot_checks as rules
from expo_desk.ui.language import pick


class DrawDialog(QDialog):
    """Kind, sample size and (optionally) the seed of a new draw."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Draw a spot-check sample"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.windowTitle()) + 120)
        self.kind = QComboBox()
        self.kind.setObjectName("draw_kind")
        for kind, (zh, en) in rules.KINDS.items():
            self.kind.addItem(pick(zh, en), kind)
        self.size = QSpinBox()
        self.size.setObjectName("draw_size")
        self.size.setRange(1, 10_000)
        self.size.setValue(10)
        self.seed = QLineEdit()
        self.seed.setObjectName("draw_seed")
        self.seed.setValidator(QIntValidator(0, 2_147_483_647, self))
        self.seed.setPlaceholderText(self.tr("empty: chosen at random"))
        self.seed.setMinimumWidth(self.seed.fontMetrics().horizontalAdvance(self.seed.placeholderText()) + 24)
        self.seed.setToolTip(self.tr("The same seed over the same records draws the same sample"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("Sample &size"), self.size)
        form.addRow(self.tr("S&eed"), self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, int, int | None]:
        text = self.seed.text().strip()
        return self.kind.currentData(), self.size.value(), int(text) if text else None
