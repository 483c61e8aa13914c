"""A path typed in or chosen with "Choose…", the folder remembered between uses (a proof
of payment, a photo of a problem on site)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class FileField(QWidget):
    """``edit`` holds the path; the chooser opens where the last file was chosen
    (the QSettings key ``folder_key``)."""

    def __init__(self, settings: QSettings, folder_key: str, title: str, file_filter: str, button_name: str,
                 placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._settings, self._folder_key, self._title, self._filter = settings, folder_key, title, file_filter
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName(button_name)
        browse.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def choose(self) -> None:
        start = self._settings.value(self._folder_key, str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self._title, start, self._filter)
        if path:
            self._settings.setValue(self._folder_key, str(Path(path).parent))
            self.edit.setText(path)
