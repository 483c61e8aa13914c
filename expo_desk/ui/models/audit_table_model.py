"""The audit trail table: decoded entries handed in by the page, fetched a page at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDateTime, QModelIndex, QPersistentModelIndex, Qt

from expo_desk.domain.money import format_fen
from expo_desk.services.audit import changed_fields

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


# (key, header)
COLUMNS: list[tuple[str, str]] = [
    ("at", "When"),
    ("user_name", "Who"),
    ("action", "Action"),
    ("table_name", "Table"),
    ("record", "Record"),
    ("changes", "Changes"),
]

ACTIONS = {"insert": "added", "update": "changed", "delete": "deleted"}

TABLES = {
    "exhibitors": "Exhibitors", "contacts": "Contacts", "shows": "Shows", "users": "Users", "halls": "Halls",
    "booths": "Booths", "leads": "Leads", "follow_ups": "Follow-ups", "service_items": "Service items",
    "contracts": "Contracts", "contract_lines": "Contract lines", "payment_schedule": "Payment schedule",
    "payments": "Payments", "tasks": "Build tasks", "task_dependencies": "Task links",
    "visitor_counts": "Visitor counts", "exhibitor_leads": "Exhibitor leads", "survey_answers": "Survey answers",
    "settings": "Settings",
}

FIELDS = {
    "company_name": "Company", "company_name_en": "English name", "sector": "Sector",
    "account_manager_id": "Account manager", "phone": "Phone", "email": "E-mail", "website": "Website",
    "address": "Address", "expected_value_fen": "Expected value", "notes": "Notes", "name": "Name",
    "name_en": "English name", "title": "Title", "is_primary": "Main contact", "display_name": "Name",
    "username": "User name", "role": "Role", "active": "Active", "status": "Status", "number": "Number",
    "code": "Code", "owner_id": "Owner", "recorded_by": "Recorded by", "discount_approved_by": "Discount approved by",
    "user_id": "Person", "total_fen": "Total", "discount_fen": "Discount", "amount_fen": "Amount",
    "unit_price_fen": "Unit price", "paid_on": "Paid on", "due_on": "Due on", "reason": "Reason",
    "start_date": "First day", "end_date": "Last day", "venue": "Venue", "city": "City",
}


def action_label(action: str) -> str:
    return _tr(ACTIONS[action]) if action in ACTIONS else action


def table_label(table: str) -> str:
    return _tr(TABLES[table]) if table in TABLES else table


def field_label(field: str) -> str:
    return _tr(FIELDS[field]) if field in FIELDS else field


def shown(field: str, value) -> str:
    """A stored value as a person reads it: money in yuan, '—' for nothing."""
    if value is None or value == "":
        return "—"
    if field.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
        return format_fen(value)
    return str(value)


def describe(entry: dict) -> str:
    """'Sector: — → 钢铁; Phone: 1 → 2' in field labels."""
    return "; ".join(f"{field_label(k)}: {shown(k, entry['old'].get(k))} → {shown(k, entry['new'].get(k))}"
                     for k in changed_fields(entry))


def local_time(iso: str) -> str:
    """A stored UTC timestamp in the user's time zone, to the second."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm:ss") if moment.isValid() else iso


class AuditTableModel(QAbstractTableModel):
    """Holds decoded audit entries only; asks its owner for the next page when the view scrolls."""

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

    def _text(self, row: dict, key: str) -> str:
        if key == "at":
            return local_time(row["at"])
        if key == "action":
            return action_label(row["action"])
        if key == "table_name":
            return table_label(row["table_name"])
        if key == "record":
            return row.get("record") or row["row_id"][:8]
        if key == "changes":
            if "_changes" not in row:
                row["_changes"] = describe(row)
            return row["_changes"]
        return str(row.get(key) or "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "record":
                return f"{row.get('record') or ''}\n{row['table_name']} {row['row_id']}".strip()
            if key == "changes":
                return self._text(row, key).replace("; ", "\n")
            if key == "at":
                return row["at"]
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None
