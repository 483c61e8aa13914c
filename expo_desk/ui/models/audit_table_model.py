"""The audit trail table: decoded entries handed in by the page, fetched a page at a time."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt

from expo_desk.services.audit import changed_fields
from expo_desk.ui.formats import datetime_text, ui_local_date
from expo_desk.ui.language import ui_language
from expo_desk.ui.models.paged_model import Index, PagedTableModel
from expo_desk.ui.record_names import action_label, field_label, shown, table_label

# (key, header); every English label is translated in the table's context when shown
COLUMNS: list[tuple[str, str]] = [
    ("at", QT_TRANSLATE_NOOP("AuditTableModel", "When")),
    ("user_name", QT_TRANSLATE_NOOP("AuditTableModel", "Who")),
    ("action", QT_TRANSLATE_NOOP("AuditTableModel", "Action")),
    ("table_name", QT_TRANSLATE_NOOP("AuditTableModel", "Table")),
    ("record", QT_TRANSLATE_NOOP("AuditTableModel", "Record")),
    ("changes", QT_TRANSLATE_NOOP("AuditTableModel", "Changes")),
]

def describe(entry: dict) -> str:
    """'Sector: — → 钢铁; Phone: 1 → 2' in field labels."""
    return "; ".join(f"{field_label(k)}: {shown(k, entry['old'].get(k))} → {shown(k, entry['new'].get(k))}"
                     for k in changed_fields(entry))


def local_time(iso: str) -> str:
    """A stored UTC timestamp in the user's time zone, to the second: '1 Mar 2026 10:00:00'."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return f"{ui_local_date(iso)} {moment.toLocalTime().toString('HH:mm:ss')}"


class AuditTableModel(PagedTableModel):
    """Holds decoded audit entries only; asks its owner for the next page when the view scrolls."""

    COLUMNS = COLUMNS

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
        found = self.cell(index)
        if found is None:
            return None
        row, key = found
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "record":
                return f"{row.get('record') or ''}\n{row['table_name']} {row['row_id']}".strip()
            if key == "changes":
                return self._text(row, key).replace("; ", "\n")
            if key == "at":  # as stored: the same moment in UTC
                return f"{datetime_text(row['at'], ui_language(), UTC)} UTC"
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None
