"""A table model over rows handed in by a page, one page at a time (no database calls here).

Subclasses name their columns and say how a row shows in each; the page passes a
``fetch_more(offset)`` callback that runs the next query when the view scrolls down.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    COLUMNS: list[tuple[str, str]] = []  # (key, header in English, translated in the subclass's context)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._total = 0
        self._fetch_more: Callable[[int], list[dict]] | None = None

    def tr_header(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    # -- feeding -----------------------------------------------------------------------
    def set_rows(self, rows: list[dict], total: int, fetch_more: Callable[[int], list[dict]] | None = None) -> None:
        self.beginResetModel()
        self._rows, self._total, self._fetch_more = list(rows), total, fetch_more
        self.endResetModel()

    def row_at(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: str) -> int:
        return next((number for number, row in enumerate(self._rows) if row["id"] == row_id), -1)

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._fetch_more is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more = self._fetch_more(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
                and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS)):
            return self.tr_header(self.COLUMNS[section][1])
        return None

    def cell(self, index: Index) -> tuple[dict, str] | None:
        """The row and column key at ``index``, or None outside the table."""
        if (not index.isValid() or not 0 <= index.row() < len(self._rows)
                or not 0 <= index.column() < len(self.COLUMNS)):
            return None
        return self._rows[index.row()], self.COLUMNS[index.column()][0]
