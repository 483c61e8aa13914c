"""The audit trail table: decoded entries handed in by the page, fetched a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, Qt

from expo_desk.services.audit import changed_fields
from expo_desk.services.audit import shown_value as shown
from expo_desk.ui.models.paged_model import Index, PagedTableModel


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
    "settings": "Settings", "pricing_rules": "Pricing rules", "show_terms": "Sales terms",
    "spot_checks": "Spot checks", "spot_check_items": "Spot-check items", "rebooking_offers": "Rebooking offers",
    "task_templates": "Schedule templates", "task_checklist_items": "Task checklist", "punch_items": "Punch list",
    "show_texts": "Pack texts", "post_show_outcomes": "Post-show notes",
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


def describe(entry: dict) -> str:
    """'Sector: — → 钢铁; Phone: 1 → 2' in field labels."""
    return "; ".join(f"{field_label(k)}: {shown(k, entry['old'].get(k))} → {shown(k, entry['new'].get(k))}"
                     for k in changed_fields(entry))


def local_time(iso: str) -> str:
    """A stored UTC timestamp in the user's time zone, to the second."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm:ss") if moment.isValid() else iso


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
            if key == "at":
                return row["at"]
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None
