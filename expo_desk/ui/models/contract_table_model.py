"""The contracts list and the receivables list: rows handed in by the page, no database calls.

Every amount arrives in fen from the services and is only formatted here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from expo_desk.domain.contracts import STATUS_NAMES
from expo_desk.ui.formats import ui_date, ui_money
from expo_desk.ui.language import pick_pair
from expo_desk.ui.models.paged_model import Index, PagedTableModel

OVERDUE_COLOUR = QColor("#b00020")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def status_text(status: str) -> str:
    """The contract status in the window's language ('已签约' or 'signed')."""
    return pick_pair(STATUS_NAMES.get(status, (status, status)))


class _MoneyTableModel(PagedTableModel):
    """Shows ``*_fen`` columns as money, right-aligned; the row id as UserRole."""

    def text(self, row: dict, key: str) -> str:
        value = row.get(key)
        if key == "status":
            return status_text(value or "")
        if key.endswith("_fen"):
            return "" if value is None else ui_money(value)
        if key.endswith("_on"):
            return ui_date(value)
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        found = self.cell(index)
        if found is None:
            return None
        row, key = found
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and (key.endswith("_fen") or key == "days_overdue"):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and row.get("overdue_fen"):
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and key == "company_name":
            return f"{row.get('company_name', '')}\n{row.get('company_name_en') or ''}".strip()
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class ContractTableModel(_MoneyTableModel):
    """One row per contract; ``balance_fen`` is put on each row by the page from the services."""

    COLUMNS = [
        ("number", QT_TRANSLATE_NOOP("ContractTableModel", "Contract")),
        ("company_name", QT_TRANSLATE_NOOP("ContractTableModel", "Exhibitor")),
        ("booth_numbers", QT_TRANSLATE_NOOP("ContractTableModel", "Booths")),
        ("status", QT_TRANSLATE_NOOP("ContractTableModel", "Status")),
        ("total_fen", QT_TRANSLATE_NOOP("ContractTableModel", "Total")),
        ("paid_fen", QT_TRANSLATE_NOOP("ContractTableModel", "Paid")),
        ("balance_fen", QT_TRANSLATE_NOOP("ContractTableModel", "Balance")),
        ("manager_name", QT_TRANSLATE_NOOP("ContractTableModel", "Account manager")),
    ]


class ReceivableTableModel(_MoneyTableModel):
    """Receivables rows as ``payments.receivables`` gives them: overdue first, in red."""

    COLUMNS = [
        ("number", QT_TRANSLATE_NOOP("ReceivableTableModel", "Contract")),
        ("company_name", QT_TRANSLATE_NOOP("ReceivableTableModel", "Exhibitor")),
        ("manager_name", QT_TRANSLATE_NOOP("ReceivableTableModel", "Account manager")),
        ("status", QT_TRANSLATE_NOOP("ReceivableTableModel", "Status")),
        ("due_fen", QT_TRANSLATE_NOOP("ReceivableTableModel", "Due")),
        ("paid_fen", QT_TRANSLATE_NOOP("ReceivableTableModel", "Paid")),
        ("outstanding_fen", QT_TRANSLATE_NOOP("ReceivableTableModel", "Outstanding")),
        ("overdue_fen", QT_TRANSLATE_NOOP("ReceivableTableModel", "Overdue")),
        ("days_overdue", QT_TRANSLATE_NOOP("ReceivableTableModel", "Days overdue")),
        ("next_due_on", QT_TRANSLATE_NOOP("ReceivableTableModel", "Next due")),
    ]

    def text(self, row: dict, key: str) -> str:
        if key == "days_overdue":
            return str(row[key]) if row.get(key) else ""
        return super().text(row, key)
