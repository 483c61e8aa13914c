"""The audit trail table: decoded entries handed in by the page, fetched a page at a time."""

from __future__ import annotations

import re
from datetime import UTC

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, Qt

from expo_desk.services.audit import changed_fields, shown_value
from expo_desk.ui.formats import datetime_text, ui_date, ui_datetime, ui_local_date, ui_money
from expo_desk.ui.language import ui_language
from expo_desk.ui.models.paged_model import Index, PagedTableModel

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


# (key, header); every English label is translated in the table's context when shown
COLUMNS: list[tuple[str, str]] = [
    ("at", QT_TRANSLATE_NOOP("AuditTableModel", "When")),
    ("user_name", QT_TRANSLATE_NOOP("AuditTableModel", "Who")),
    ("action", QT_TRANSLATE_NOOP("AuditTableModel", "Action")),
    ("table_name", QT_TRANSLATE_NOOP("AuditTableModel", "Table")),
    ("record", QT_TRANSLATE_NOOP("AuditTableModel", "Record")),
    ("changes", QT_TRANSLATE_NOOP("AuditTableModel", "Changes")),
]

ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("AuditTableModel", "added"),
    "update": QT_TRANSLATE_NOOP("AuditTableModel", "changed"),
    "delete": QT_TRANSLATE_NOOP("AuditTableModel", "deleted"),
}

TABLES = {
    "exhibitors": QT_TRANSLATE_NOOP("AuditTableModel", "Exhibitors"),
    "contacts": QT_TRANSLATE_NOOP("AuditTableModel", "Contacts"),
    "shows": QT_TRANSLATE_NOOP("AuditTableModel", "Shows"),
    "users": QT_TRANSLATE_NOOP("AuditTableModel", "Users"),
    "halls": QT_TRANSLATE_NOOP("AuditTableModel", "Halls"),
    "booths": QT_TRANSLATE_NOOP("AuditTableModel", "Booths"),
    "leads": QT_TRANSLATE_NOOP("AuditTableModel", "Leads"),
    "follow_ups": QT_TRANSLATE_NOOP("AuditTableModel", "Follow-ups"),
    "service_items": QT_TRANSLATE_NOOP("AuditTableModel", "Service items"),
    "contracts": QT_TRANSLATE_NOOP("AuditTableModel", "Contracts"),
    "contract_lines": QT_TRANSLATE_NOOP("AuditTableModel", "Contract lines"),
    "payment_schedule": QT_TRANSLATE_NOOP("AuditTableModel", "Payment schedule"),
    "payments": QT_TRANSLATE_NOOP("AuditTableModel", "Payments"),
    "tasks": QT_TRANSLATE_NOOP("AuditTableModel", "Build tasks"),
    "task_dependencies": QT_TRANSLATE_NOOP("AuditTableModel", "Task links"),
    "visitor_counts": QT_TRANSLATE_NOOP("AuditTableModel", "Visitor counts"),
    "exhibitor_leads": QT_TRANSLATE_NOOP("AuditTableModel", "Exhibitor leads"),
    "survey_answers": QT_TRANSLATE_NOOP("AuditTableModel", "Survey answers"),
    "settings": QT_TRANSLATE_NOOP("AuditTableModel", "Settings"),
    "pricing_rules": QT_TRANSLATE_NOOP("AuditTableModel", "Pricing rules"),
    "show_terms": QT_TRANSLATE_NOOP("AuditTableModel", "Sales terms"),
    "spot_checks": QT_TRANSLATE_NOOP("AuditTableModel", "Spot checks"),
    "spot_check_items": QT_TRANSLATE_NOOP("AuditTableModel", "Spot-check items"),
    "rebooking_offers": QT_TRANSLATE_NOOP("AuditTableModel", "Rebooking offers"),
    "task_templates": QT_TRANSLATE_NOOP("AuditTableModel", "Schedule templates"),
    "task_checklist_items": QT_TRANSLATE_NOOP("AuditTableModel", "Task checklist"),
    "punch_items": QT_TRANSLATE_NOOP("AuditTableModel", "Punch list"),
    "show_texts": QT_TRANSLATE_NOOP("AuditTableModel", "Pack texts"),
    "post_show_outcomes": QT_TRANSLATE_NOOP("AuditTableModel", "Post-show notes"),
}

FIELDS = {
    "company_name": QT_TRANSLATE_NOOP("AuditTableModel", "Company"),
    "company_name_en": QT_TRANSLATE_NOOP("AuditTableModel", "English name"),
    "sector": QT_TRANSLATE_NOOP("AuditTableModel", "Sector"),
    "account_manager_id": QT_TRANSLATE_NOOP("AuditTableModel", "Account manager"),
    "phone": QT_TRANSLATE_NOOP("AuditTableModel", "Phone"),
    "email": QT_TRANSLATE_NOOP("AuditTableModel", "E-mail"),
    "website": QT_TRANSLATE_NOOP("AuditTableModel", "Website"),
    "address": QT_TRANSLATE_NOOP("AuditTableModel", "Address"),
    "expected_value_fen": QT_TRANSLATE_NOOP("AuditTableModel", "Expected value"),
    "notes": QT_TRANSLATE_NOOP("AuditTableModel", "Notes"),
    "name": QT_TRANSLATE_NOOP("AuditTableModel", "Name"),
    "name_en": QT_TRANSLATE_NOOP("AuditTableModel", "English name"),
    "title": QT_TRANSLATE_NOOP("AuditTableModel", "Title"),
    "is_primary": QT_TRANSLATE_NOOP("AuditTableModel", "Main contact"),
    "display_name": QT_TRANSLATE_NOOP("AuditTableModel", "Name"),
    "username": QT_TRANSLATE_NOOP("AuditTableModel", "User name"),
    "role": QT_TRANSLATE_NOOP("AuditTableModel", "Role"),
    "active": QT_TRANSLATE_NOOP("AuditTableModel", "Active"),
    "status": QT_TRANSLATE_NOOP("AuditTableModel", "Status"),
    "number": QT_TRANSLATE_NOOP("AuditTableModel", "Number"),
    "code": QT_TRANSLATE_NOOP("AuditTableModel", "Code"),
    "owner_id": QT_TRANSLATE_NOOP("AuditTableModel", "Owner"),
    "recorded_by": QT_TRANSLATE_NOOP("AuditTableModel", "Recorded by"),
    "discount_approved_by": QT_TRANSLATE_NOOP("AuditTableModel", "Discount approved by"),
    "user_id": QT_TRANSLATE_NOOP("AuditTableModel", "Person"),
    "total_fen": QT_TRANSLATE_NOOP("AuditTableModel", "Total"),
    "discount_fen": QT_TRANSLATE_NOOP("AuditTableModel", "Discount"),
    "amount_fen": QT_TRANSLATE_NOOP("AuditTableModel", "Amount"),
    "unit_price_fen": QT_TRANSLATE_NOOP("AuditTableModel", "Unit price"),
    "paid_on": QT_TRANSLATE_NOOP("AuditTableModel", "Paid on"),
    "due_on": QT_TRANSLATE_NOOP("AuditTableModel", "Due on"),
    "reason": QT_TRANSLATE_NOOP("AuditTableModel", "Reason"),
    "start_date": QT_TRANSLATE_NOOP("AuditTableModel", "First day"),
    "end_date": QT_TRANSLATE_NOOP("AuditTableModel", "Last day"),
    "venue": QT_TRANSLATE_NOOP("AuditTableModel", "Venue"),
    "city": QT_TRANSLATE_NOOP("AuditTableModel", "City"),
    "show_id": QT_TRANSLATE_NOOP("AuditTableModel", "Show"),
    "exhibitor_id": QT_TRANSLATE_NOOP("AuditTableModel", "Exhibitor"),
    "booth_id": QT_TRANSLATE_NOOP("AuditTableModel", "Booth"),
    "hall_id": QT_TRANSLATE_NOOP("AuditTableModel", "Hall"),
    "contract_id": QT_TRANSLATE_NOOP("AuditTableModel", "Contract"),
    "task_id": QT_TRANSLATE_NOOP("AuditTableModel", "Task"),
    "parent_id": QT_TRANSLATE_NOOP("AuditTableModel", "Part of"),
    "level": QT_TRANSLATE_NOOP("AuditTableModel", "Level"),
    "planned_start": QT_TRANSLATE_NOOP("AuditTableModel", "Planned start"),
    "planned_finish": QT_TRANSLATE_NOOP("AuditTableModel", "Planned finish"),
    "baseline_start": QT_TRANSLATE_NOOP("AuditTableModel", "Baseline start"),
    "baseline_finish": QT_TRANSLATE_NOOP("AuditTableModel", "Baseline finish"),
    "actual_start": QT_TRANSLATE_NOOP("AuditTableModel", "Actual start"),
    "actual_finish": QT_TRANSLATE_NOOP("AuditTableModel", "Actual finish"),
    "blocked_reason": QT_TRANSLATE_NOOP("AuditTableModel", "Blocked because"),
    "percent_done": QT_TRANSLATE_NOOP("AuditTableModel", "Done (%)"),
    "sort_order": QT_TRANSLATE_NOOP("AuditTableModel", "Order"),
    "template_id": QT_TRANSLATE_NOOP("AuditTableModel", "Template"),
    "predecessor_id": QT_TRANSLATE_NOOP("AuditTableModel", "Predecessor"),
    "successor_id": QT_TRANSLATE_NOOP("AuditTableModel", "Successor"),
    "lag_days": QT_TRANSLATE_NOOP("AuditTableModel", "Lag (days)"),
    "severity": QT_TRANSLATE_NOOP("AuditTableModel", "Severity"),
    "description": QT_TRANSLATE_NOOP("AuditTableModel", "Description"),
    "photo_path": QT_TRANSLATE_NOOP("AuditTableModel", "Photo"),
    "reported_by": QT_TRANSLATE_NOOP("AuditTableModel", "Reported by"),
    "reported_at": QT_TRANSLATE_NOOP("AuditTableModel", "Reported at"),
    "fixed_at": QT_TRANSLATE_NOOP("AuditTableModel", "Fixed at"),
    "text": QT_TRANSLATE_NOOP("AuditTableModel", "Text"),
    "done": QT_TRANSLATE_NOOP("AuditTableModel", "Done"),
    "done_by": QT_TRANSLATE_NOOP("AuditTableModel", "Done by"),
    "done_at": QT_TRANSLATE_NOOP("AuditTableModel", "Done at"),
    "position": QT_TRANSLATE_NOOP("AuditTableModel", "Position"),
    "build_start": QT_TRANSLATE_NOOP("AuditTableModel", "Build-up starts"),
    "teardown_end": QT_TRANSLATE_NOOP("AuditTableModel", "Tear-down ends"),
    "day": QT_TRANSLATE_NOOP("AuditTableModel", "Day"),
    "visitors": QT_TRANSLATE_NOOP("AuditTableModel", "Visitors"),
    "kind": QT_TRANSLATE_NOOP("AuditTableModel", "Kind"),
    "quantity": QT_TRANSLATE_NOOP("AuditTableModel", "Quantity"),
    "signed_on": QT_TRANSLATE_NOOP("AuditTableModel", "Signed on"),
    "cancelled_on": QT_TRANSLATE_NOOP("AuditTableModel", "Cancelled on"),
}

def action_label(action: str) -> str:
    return _tr(ACTIONS[action]) if action in ACTIONS else action


def table_label(table: str) -> str:
    return _tr(TABLES[table]) if table in TABLES else table


def field_label(field: str) -> str:
    return _tr(FIELDS[field]) if field in FIELDS else field


def describe(entry: dict) -> str:
    """'Sector: — → 钢铁; Phone: 1 → 2' in field labels."""
    return "; ".join(f"{field_label(k)}: {shown(k, entry['old'].get(k))} → {shown(k, entry['new'].get(k))}"
                     for k in changed_fields(entry))


def shown(field: str, value) -> str:
    """A stored value as the window writes it: money, dates and timestamps in its language."""
    if field.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
        return ui_money(value)
    if isinstance(value, str) and _ISO_DAY.match(value):
        return ui_date(value)
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        return ui_datetime(value)
    return shown_value(field, value)


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
