"""File ▸ New: a new Expo Desk file holding one empty show."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.file_field import SAVE, FileField


class NewShowDialog(QDialog):
    """Collects the file name and the show's code, names and dates; creates nothing itself."""

    def __init__(self, start_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New show file"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.path_field = FileField(None, "", self.tr("New show file"), self.tr("Expo Desk files (*.sqlite)"),
                                    "browse", mode=SAVE, suffix=".sqlite")
        self.path_field.edit.setText(str(Path(start_folder) / "expo-desk.sqlite"))
        form.addRow(self.tr("File"), self.path_field)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. RZ2026"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 2026日照国际博览会"))
        self.name_en = QLineEdit()
        self.name_en.setPlaceholderText(self.tr("e.g. Rizhao International Expo 2026"))
        today = QDate.currentDate()
        self.start = QDateEdit(today.addMonths(6))
        self.end = QDateEdit(today.addMonths(6).addDays(2))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Show code"), self.code)
        form.addRow(self.tr("Show name (Chinese)"), self.name)
        form.addRow(self.tr("Show name (English)"), self.name_en)
        form.addRow(self.tr("Opening day"), self.start)
        form.addRow(self.tr("Last day"), self.end)
        self.errors = ErrorLabel()
        form.addRow(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def show_error(self, message: str) -> None:
        self.errors.show_message(message)

    def values(self) -> dict:
        return {
            "path": Path(self.path_field.value()),
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "name_en": self.name_en.text().strip(),
            "start_date": self.start.date().toString("yyyy-MM-dd"),
            "end_date": self.end.date().toString("yyyy-MM-dd"),
        }
