"""Choose a backup to restore: date, size and why each was made; or any other backup file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from expo_desk.services.backups import BackupInfo
from expo_desk.ui.formats import ui_datetime


def size_text(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


class RestoreDialog(QDialog):
    """Lists backups newest first; ``chosen()`` is the file to restore once accepted."""

    def __init__(self, backups: list[BackupInfo], message: str = "", preselect: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(760, 380)
        self._backups = list(backups)
        self._other: Path | None = None
        layout = QVBoxLayout(self)
        self.message = QLabel(message or self.tr(
            "Choose the backup to restore. The file open now is backed up first and kept beside itself."))
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = QTableWidget(len(self._backups), 4)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Size"), self.tr("Kind"), self.tr("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        kinds = {
            "auto": self.tr("automatic"),
            "manual": self.tr("by hand"),
            "before-import": self.tr("before an import"),
            "before-restore": self.tr("before a restore"),
        }
        select = 0
        for row, info in enumerate(self._backups):
            kind = kinds.get(info.reason) or (self.tr("before an upgrade") if info.reason.startswith("before-migration")
                                              else info.reason)
            for column, text in enumerate((ui_datetime(info.taken_at), size_text(info.size), kind,
                                           info.path.name)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
            if preselect is not None and info.path == preselect:
                select = row
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if self._backups:
            self.table.selectRow(select)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No backups found in this folder."))
        self.empty.setVisible(not self._backups)
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self._backups))
        self.restore_button.setDefault(True)
        self.other_button = QPushButton(self.tr("&Other file…"))
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self.choose_other)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))

    def choose_other(self) -> None:
        start = str(self._backups[0].path.parent) if self._backups else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), start,
                                              self.tr("Expo Desk files (*.sqlite);;All files (*)"))
        if path:
            self._other = Path(path)
            self.accept()

    def chosen(self) -> Path | None:
        if self._other is not None:
            return self._other
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()].path if rows else None
