"""What the window calls a table, a field and a change of the file: one set of names for the
audit trail and the review of conflicts between copies, and a stored value as a person reads
it (money, dates and timestamps in the window's language)."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from expo_desk.services.audit import shown_value
from expo_desk.ui.formats import ui_date, ui_datetime, ui_money

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordNames", text)


ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("RecordNames", "added"),
    "update": QT_TRANSLATE_NOOP("RecordNames", "changed"),
    "delete": QT_TRANSLATE_NOOP("RecordNames", "deleted"),
}

TABLES = {
    "exhibitors": QT_TRANSLATE_NOOP("RecordNames", "Exhibitors"),
    "contacts": QT_TRANSLATE_NOOP("RecordNames", "Contacts"),
    "shows": QT_TRANSLATE_NOOP("RecordNames", "Shows"),
    "users": QT_TRANSLATE_NOOP("RecordNames", "Users"),
    "halls": QT_TRANSLATE_NOOP("RecordNames", "Halls"),
    "booths": QT_TRANSLATE_NOOP("RecordNames", "Booths"),
    "leads": QT_TRANSLATE_NOOP("RecordNames", "Leads"),
    "follow_ups": QT_TRANSLATE_NOOP("RecordNames", "Follow-ups"),
    "service_items": QT_TRANSLATE_NOOP("RecordNames", "Service items"),
    "contracts": QT_TRANSLATE_NOOP("RecordNames", "Contracts"),
    "contract_lines": QT_TRANSLATE_NOOP("RecordNames", "Contract lines"),
    "payment_schedule": QT_TRANSLATE_NOOP("RecordNames", "Payment schedule"),
    "payments": QT_TRANSLATE_NOOP("RecordNames", "Payments"),
    "tasks": QT_TRANSLATE_NOOP("RecordNames", "Build tasks"),
    "task_dependencies": QT_TRANSLATE_NOOP("RecordNames", "Task links"),
    "visitor_counts": QT_TRANSLATE_NOOP("RecordNames", "Visitor counts"),
    "exhibitor_leads": QT_TRANSLATE_NOOP("RecordNames", "Exhibitor leads"),
    "survey_answers": QT_TRANSLATE_NOOP("RecordNames", "Survey answers"),
    "settings": QT_TRANSLATE_NOOP("RecordNames", "Settings"),
    "pricing_rules": QT_TRANSLATE_NOOP("RecordNames", "Pricing rules"),
    "show_terms": QT_TRANSLATE_NOOP("RecordNames", "Sales terms"),
    "spot_checks": QT_TRANSLATE_NOOP("RecordNames", "Spot checks"),
    "spot_check_items": QT_TRANSLATE_NOOP("RecordNames", "Spot-check items"),
    "rebooking_offers": QT_TRANSLATE_NOOP("RecordNames", "Rebooking offers"),
    "task_templates": QT_TRANSLATE_NOOP("RecordNames", "Schedule templates"),
    "task_checklist_items": QT_TRANSLATE_NOOP("RecordNames", "Task checklist"),
    "punch_items": QT_TRANSLATE_NOOP("RecordNames", "Punch list"),
    "show_texts": QT_TRANSLATE_NOOP("RecordNames", "Pack texts"),
    "post_show_outcomes": QT_TRANSLATE_NOOP("RecordNames", "Post-show notes"),
}

FIELDS = {
    "company_name": QT_TRANSLATE_NOOP("RecordNames", "Company"),
    "company_name_en": QT_TRANSLATE_NOOP("RecordNames", "English name"),
    "sector": QT_TRANSLATE_NOOP("RecordNames", "Sector"),
    "account_manager_id": QT_TRANSLATE_NOOP("RecordNames", "Account manager"),
    "phone": QT_TRANSLATE_NOOP("RecordNames", "Phone"),
    "email": QT_TRANSLATE_NOOP("RecordNames", "E-mail"),
    "website": QT_TRANSLATE_NOOP("RecordNames", "Website"),
    "address": QT_TRANSLATE_NOOP("RecordNames", "Address"),
    "expected_value_fen": QT_TRANSLATE_NOOP("RecordNames", "Expected value"),
    "notes": QT_TRANSLATE_NOOP("RecordNames", "Notes"),
    "name": QT_TRANSLATE_NOOP("RecordNames", "Name"),
    "name_en": QT_TRANSLATE_NOOP("RecordNames", "English name"),
    "title": QT_TRANSLATE_NOOP("RecordNames", "Title"),
    "is_primary": QT_TRANSLATE_NOOP("RecordNames", "Main contact"),
    "display_name": QT_TRANSLATE_NOOP("RecordNames", "Name"),
    "username": QT_TRANSLATE_NOOP("RecordNames", "User name"),
    "role": QT_TRANSLATE_NOOP("RecordNames", "Role"),
    "active": QT_TRANSLATE_NOOP("RecordNames", "Active"),
    "status": QT_TRANSLATE_NOOP("RecordNames", "Status"),
    "number": QT_TRANSLATE_NOOP("RecordNames", "Number"),
    "code": QT_TRANSLATE_NOOP("RecordNames", "Code"),
    "owner_id": QT_TRANSLATE_NOOP("RecordNames", "Owner"),
    "recorded_by": QT_TRANSLATE_NOOP("RecordNames", "Recorded by"),
    "discount_approved_by": QT_TRANSLATE_NOOP("RecordNames", "Discount approved by"),
    "user_id": QT_TRANSLATE_NOOP("RecordNames", "Person"),
    "total_fen": QT_TRANSLATE_NOOP("RecordNames", "Total"),
    "discount_fen": QT_TRANSLATE_NOOP("RecordNames", "Discount"),
    "amount_fen": QT_TRANSLATE_NOOP("RecordNames", "Amount"),
    "unit_price_fen": QT_TRANSLATE_NOOP("RecordNames", "Unit price"),
    "paid_on": QT_TRANSLATE_NOOP("RecordNames", "Paid on"),
    "due_on": QT_TRANSLATE_NOOP("RecordNames", "Due on"),
    "reason": QT_TRANSLATE_NOOP("RecordNames", "Reason"),
    "start_date": QT_TRANSLATE_NOOP("RecordNames", "First day"),
    "end_date": QT_TRANSLATE_NOOP("RecordNames", "Last day"),
    "venue": QT_TRANSLATE_NOOP("RecordNames", "Venue"),
    "city": QT_TRANSLATE_NOOP("RecordNames", "City"),
    "show_id": QT_TRANSLATE_NOOP("RecordNames", "Show"),
    "exhibitor_id": QT_TRANSLATE_NOOP("RecordNames", "Exhibitor"),
    "booth_id": QT_TRANSLATE_NOOP("RecordNames", "Booth"),
    "hall_id": QT_TRANSLATE_NOOP("RecordNames", "Hall"),
    "contract_id": QT_TRANSLATE_NOOP("RecordNames", "Contract"),
    "task_id": QT_TRANSLATE_NOOP("RecordNames", "Task"),
    "parent_id": QT_TRANSLATE_NOOP("RecordNames", "Part of"),
    "level": QT_TRANSLATE_NOOP("RecordNames", "Level"),
    "planned_start": QT_TRANSLATE_NOOP("RecordNames", "Planned start"),
    "planned_finish": QT_TRANSLATE_NOOP("RecordNames", "Planned finish"),
    "baseline_start": QT_TRANSLATE_NOOP("RecordNames", "Baseline start"),
    "baseline_finish": QT_TRANSLATE_NOOP("RecordNames", "Baseline finish"),
    "actual_start": QT_TRANSLATE_NOOP("RecordNames", "Actual start"),
    "actual_finish": QT_TRANSLATE_NOOP("RecordNames", "Actual finish"),
    "blocked_reason": QT_TRANSLATE_NOOP("RecordNames", "Blocked because"),
    "percent_done": QT_TRANSLATE_NOOP("RecordNames", "Done (%)"),
    "sort_order": QT_TRANSLATE_NOOP("RecordNames", "Order"),
    "template_id": QT_TRANSLATE_NOOP("RecordNames", "Template"),
    "predecessor_id": QT_TRANSLATE_NOOP("RecordNames", "Predecessor"),
    "successor_id": QT_TRANSLATE_NOOP("RecordNames", "Successor"),
    "lag_days": QT_TRANSLATE_NOOP("RecordNames", "Lag (days)"),
    "severity": QT_TRANSLATE_NOOP("RecordNames", "Severity"),
    "description": QT_TRANSLATE_NOOP("RecordNames", "Description"),
    "photo_path": QT_TRANSLATE_NOOP("RecordNames", "Photo"),
    "reported_by": QT_TRANSLATE_NOOP("RecordNames", "Reported by"),
    "reported_at": QT_TRANSLATE_NOOP("RecordNames", "Reported at"),
    "fixed_at": QT_TRANSLATE_NOOP("RecordNames", "Fixed at"),
    "text": QT_TRANSLATE_NOOP("RecordNames", "Text"),
    "done": QT_TRANSLATE_NOOP("RecordNames", "Done"),
    "done_by": QT_TRANSLATE_NOOP("RecordNames", "Done by"),
    "done_at": QT_TRANSLATE_NOOP("RecordNames", "Done at"),
    "position": QT_TRANSLATE_NOOP("RecordNames", "Position"),
    "build_start": QT_TRANSLATE_NOOP("RecordNames", "Build-up starts"),
    "teardown_end": QT_TRANSLATE_NOOP("RecordNames", "Tear-down ends"),
    "day": QT_TRANSLATE_NOOP("RecordNames", "Day"),
    "visitors": QT_TRANSLATE_NOOP("RecordNames", "Visitors"),
    "kind": QT_TRANSLATE_NOOP("RecordNames", "Kind"),
    "quantity": QT_TRANSLATE_NOOP("RecordNames", "Quantity"),
    "signed_on": QT_TRANSLATE_NOOP("RecordNames", "Signed on"),
    "cancelled_on": QT_TRANSLATE_NOOP("RecordNames", "Cancelled on"),
    "booth_type": QT_TRANSLATE_NOOP("RecordNames", "Booth type"),
    "reserved_for": QT_TRANSLATE_NOOP("RecordNames", "Reserved for"),
    "reserved_until": QT_TRANSLATE_NOOP("RecordNames", "Reserved until"),
    "fascia_text": QT_TRANSLATE_NOOP("RecordNames", "Fascia text"),
    "method": QT_TRANSLATE_NOOP("RecordNames", "Method"),
    "reference": QT_TRANSLATE_NOOP("RecordNames", "Reference"),
    "label": QT_TRANSLATE_NOOP("RecordNames", "Label"),
    "stage": QT_TRANSLATE_NOOP("RecordNames", "Stage"),
    "next_follow_up": QT_TRANSLATE_NOOP("RecordNames", "Next follow-up"),
    "prospect_name": QT_TRANSLATE_NOOP("RecordNames", "Prospect"),
    "lost_reason": QT_TRANSLATE_NOOP("RecordNames", "Reason lost"),
    "revenue_target_fen": QT_TRANSLATE_NOOP("RecordNames", "Revenue target"),
    "width_cm": QT_TRANSLATE_NOOP("RecordNames", "Width"),
    "depth_cm": QT_TRANSLATE_NOOP("RecordNames", "Depth"),
}

# A field whose name says less than it should in its own table
TABLE_FIELDS = {
    ("tasks", "name"): QT_TRANSLATE_NOOP("RecordNames", "Task name"),
    ("contracts", "number"): QT_TRANSLATE_NOOP("RecordNames", "Contract number"),
    ("booths", "number"): QT_TRANSLATE_NOOP("RecordNames", "Booth number"),
}


def action_label(action: str) -> str:
    return _tr(ACTIONS[action]) if action in ACTIONS else action


def table_label(table: str) -> str:
    """A table as a person knows it ('Exhibitors' / '展商'); the stored name when not named here."""
    return _tr(TABLES[table]) if table in TABLES else table


def field_label(field: str, table: str = "") -> str:
    label = TABLE_FIELDS.get((table, field)) or FIELDS.get(field)
    return _tr(label) if label else field


def shown(field: str, value) -> str:
    """A stored value as the window writes it: money, dates and timestamps in its language."""
    if field.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
        return ui_money(value)
    if isinstance(value, str) and _ISO_DAY.match(value):
        return ui_date(value)
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        return ui_datetime(value)
    return shown_value(field, value)


