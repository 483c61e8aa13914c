"""The exhibitors table: rows handed in by the page, fetched in pages, sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from expo_desk.domain.money import format_fen

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExhibitorTableModel", text)


# (key in the row dict and SQL sort key, header)
COLUMNS: list[tuple[str, str]] = [
    ("company_name", "Company"),
    ("company_name_en", "English name"),
    ("sector", "Sector"),
    ("contact_name", "Contact"),
    ("phone", "Phone"),
    ("account_manager", "Account manager"),
    ("booths", "Booths"),
    ("expected_value_fen", "Expected value"),
]


class ExhibitorTableModel(QAbstractTableModel):
    """Holds rows only; asks its owner for the next page when the view scrolls down.

    ``sort_requested(key, descending)`` lets the page re-query in SQL instead of sorting
    thousands of Python rows here.
    """

    sort_requested = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._total = 0
        self._fetch_more: Callable[[int], list[dict]] | None = None

    # -- feeding -----------------------------------------------------------------------
    def set_rows(self, rows: list[dict], total: int, fetch_more: Callable[[int], list[dict]] | None = None) -> None:
        self.beginResetModel()
        self._rows, self._total, self._fetch_more = list(rows), total, fetch_more
        self.endResetModel()

    def row_at(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, exhibitor_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row["id"] == exhibitor_id:
                return number
        return -1

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
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "contact_name":
                return row.get("primary_contact") or ""
            value = row.get(key)
            if key == "expected_value_fen":
                return "" if value is None else format_fen(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "expected_value_fen":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key == "company_name":
            return f"{row.get('company_name', '')}\n{row.get('company_name_en', '')}".strip()
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sort_requested.emit(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
