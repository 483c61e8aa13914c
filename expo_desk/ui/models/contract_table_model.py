"""The contracts list and the receivables list: rows handed in by the page, no database calls.

Every amount arrives in fen from the services and is only formatted here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from expo_desk.domain.contracts import STATUS_NAMES
from expo_desk.domain.money import format_fen
from expo_desk.ui.models.paged_model import Index, PagedTableModel

OVERDUE_COLOUR = QColor("#b00020")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def status_text(status: str) -> str:
    """'已签约 signed': the status in Chinese and English, as everywhere on the page."""
    zh, en = STATUS_NAMES.get(status, (status, status))
    return f"{zh} {QCoreApplication.translate('ContractTableModel', en)}"


class _MoneyTableModel(PagedTableModel):
    """Shows ``*_fen`` columns as money, right-aligned; the row id as UserRole."""

    def text(self, row: dict, key: str) -> str:
        value = row.get(key)
        if key == "status":
            return status_text(value or "")
        if key.endswith("_fen"):
            return "" if value is None else format_fen(value)
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
        ("number", "Contract"),
        ("company_name", "Exhibitor"),
        ("booth_numbers", "Booths"),
        ("status", "Status"),
        ("total_fen", "Total"),
        ("paid_fen", "Paid"),
        ("balance_fen", "Balance"),
        ("manager_name", "Account manager"),
    ]


class ReceivableTableModel(_MoneyTableModel):
    """Receivables rows as ``payments.receivables`` gives them: overdue first, in red."""

    COLUMNS = [
        ("number", "Contract"),
        ("company_name", "Exhibitor"),
        ("manager_name", "Account manager"),
        ("status", "Status"),
        ("due_fen", "Due"),
        ("paid_fen", "Paid"),
        ("outstanding_fen", "Outstanding"),
        ("overdue_fen", "Overdue"),
        ("days_overdue", "Days overdue"),
        ("next_due_on", "Next due"),
    ]

    def text(self, row: dict, key: str) -> str:
        if key == "days_overdue":
            return str(row[key]) if row.get(key) else ""
        return super().text(row, key)
