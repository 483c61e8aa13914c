"""The exhibitors table: rows handed in by the page, fetched in pages, sorted in SQL."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal

from expo_desk.domain.enums import SECTORS
from expo_desk.ui.formats import ui_money
from expo_desk.ui.language import pick
from expo_desk.ui.models.paged_model import Index, PagedTableModel

# (key in the row dict and SQL sort key, header)
COLUMNS: list[tuple[str, str]] = [
    ("company_name", QT_TRANSLATE_NOOP("ExhibitorTableModel", "Company")),
    ("company_name_en", QT_TRANSLATE_NOOP("ExhibitorTableModel", "English name")),
    ("sector", QT_TRANSLATE_NOOP("ExhibitorTableModel", "Sector")),
    ("contact_name", QT_TRANSLATE_NOOP("ExhibitorTableModel", "Contact")),
    ("phone", QT_TRANSLATE_NOOP("ExhibitorTableModel", "Phone")),
    ("account_manager", QT_TRANSLATE_NOOP("ExhibitorTableModel", "Account manager")),
    ("booths", QT_TRANSLATE_NOOP("ExhibitorTableModel", "Booths")),
    ("expected_value_fen", QT_TRANSLATE_NOOP("ExhibitorTableModel", "Expected value")),
]


def sector_text(sector: str | None) -> str:
    """A known sector (stored in Chinese) in the window's language; any other as typed."""
    return pick(sector, SECTORS[sector]) if sector in SECTORS else sector or ""


def sector_key(text: str) -> str:
    """What to store for a sector typed or picked in either language: '钢铁' for 'steel'."""
    folded = (text or "").strip().casefold()
    return next((zh for zh, en in SECTORS.items() if folded == en.casefold()), text)


class ExhibitorTableModel(PagedTableModel):
    """Holds rows only; asks its owner for the next page when the view scrolls down.

    ``sort_requested(key, descending)`` lets the page re-query in SQL instead of sorting
    thousands of Python rows here.
    """

    COLUMNS = COLUMNS

    sort_requested = Signal(str, bool)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        found = self.cell(index)
        if found is None:
            return None
        row, key = found
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "contact_name":
                return row.get("primary_contact") or ""
            value = row.get(key)
            if key == "sector":
                return sector_text(value)
            if key == "expected_value_fen":
                return "" if value is None else ui_money(value)
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
