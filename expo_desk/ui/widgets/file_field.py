"""A path typed in or chosen with "Choose…", the folder remembered between uses: a file to
read (a proof of payment, a photo of a problem on site), a file to write (a copy of the show
for a venue laptop), or a folder (the exchange folder on a USB stick)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

OPEN, SAVE, FOLDER = "open", "save", "folder"


class FileField(QWidget):
    """``edit`` holds the path; the chooser opens where the last one was chosen (the
    QSettings key ``folder_key``; nothing is remembered without ``settings``). ``mode``: ``open`` an existing file, ``save`` a new one
    (given ``suffix`` when typed without), or a ``folder``, which is itself remembered and
    shown again next time."""

    def __init__(self, settings: QSettings | None, folder_key: str, title: str, file_filter: str, button_name: str,
                 placeholder: str = "", parent: QWidget | None = None, mode: str = OPEN, suffix: str = ""):
        super().__init__(parent)
        self._settings, self._folder_key, self._title, self._filter = settings, folder_key, title, file_filter
        self._mode, self._suffix = mode, suffix
        self.edit = QLineEdit(self._remembered() if mode == FOLDER else "")
        self.edit.setPlaceholderText(placeholder)
        if mode == FOLDER:
            self.edit.editingFinished.connect(self._remember)
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName(button_name)
        browse.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def value(self) -> str:
        """The path as typed or chosen ('' for none); a file to save gets its suffix."""
        text = self.edit.text().strip()
        if text and self._mode == SAVE and self._suffix and not Path(text).suffix:
            text += self._suffix
        return text

    def set_value(self, path: str) -> None:
        self.edit.setText(path)
        self._remember()

    def choose(self) -> None:
        start = self._remembered() or str(Path.home())
        if self._mode == FOLDER:
            path = QFileDialog.getExistingDirectory(self, self._title, self.value() or start)
        elif self._mode == SAVE:
            path, _ = QFileDialog.getSaveFileName(self, self._title, self.value() or start, self._filter)
        else:
            path, _ = QFileDialog.getOpenFileName(self, self._title, start, self._filter)
        if path:
            self.edit.setText(path)
            if self._settings is not None:
                self._settings.setValue(self._folder_key, path if self._mode == FOLDER else str(Path(path).parent))

    def _remembered(self) -> str:
        return str(self._settings.value(self._folder_key, "") or "") if self._settings is not None else ""

    def _remember(self) -> None:
        if self._mode == FOLDER and self._settings is not None and self.value():
            self._settings.setValue(self._folder_key, self.value())
