"""The leads table: rows handed in by the pipeline page, fetched in pages, sorted in SQL."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from expo_desk.domain.enums import LeadStage
from expo_desk.domain.leads import (
    OBJECTION_PICKS,
    OPEN_STAGES,
    STAGE_LABELS,
    FollowUpBucket,
    follow_up_bucket,
    load_objections,
)
from expo_desk.ui.formats import ui_date, ui_money
from expo_desk.ui.language import pick_pair
from expo_desk.ui.models.paged_model import Index, PagedTableModel

OVERDUE_COLOR = QColor("#b00020")

# What an account manager acts on first comes first; objections, often long, take the room left.
COLUMNS: list[tuple[str, str]] = [
    ("stage", QT_TRANSLATE_NOOP("LeadTableModel", "Stage")),
    ("company_name", QT_TRANSLATE_NOOP("LeadTableModel", "Company / prospect")),
    ("next_follow_up", QT_TRANSLATE_NOOP("LeadTableModel", "Next follow-up")),
    ("expected_value_fen", QT_TRANSLATE_NOOP("LeadTableModel", "Expected value")),
    ("visit_at", QT_TRANSLATE_NOOP("LeadTableModel", "Visit")),
    ("account_manager", QT_TRANSLATE_NOOP("LeadTableModel", "Account manager")),
    ("objections", QT_TRANSLATE_NOOP("LeadTableModel", "Objections")),
]
_PICK_NAMES = {zh: (zh, en) for zh, en in OBJECTION_PICKS.values()}


def stage_text(stage: str) -> str:
    """A lead's stage in the window's language ('已约拜访' or 'visit booked')."""
    return pick_pair(STAGE_LABELS[LeadStage(stage)])


def objection_text(objection: str) -> str:
    """A quick-pick objection (stored under its Chinese label) in the window's language; typed text as it is."""
    return pick_pair(_PICK_NAMES[objection]) if objection in _PICK_NAMES else objection


def objections_text(stored: str | None) -> str:
    return "; ".join(objection_text(o) for o in load_objections(stored))


class LeadTableModel(PagedTableModel):
    """Holds rows only; an open lead whose follow-up date has passed shows it in red.

    ``sort_requested(key, descending)`` lets the page re-query in SQL.
    """

    COLUMNS = COLUMNS

    sort_requested = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = date.today()

    def _overdue(self, row: dict) -> bool:
        return row["stage"] in OPEN_STAGES and follow_up_bucket(row["next_follow_up"], self.today) == \
            FollowUpBucket.OVERDUE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        found = self.cell(index)
        if found is None:
            return None
        row, key = found
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(key)
            if key == "stage":
                return stage_text(value)
            if key == "expected_value_fen":
                return "" if value is None else ui_money(value)
            if key == "visit_at":
                return "" if not value else f"{ui_date(value[:10])} {value[11:16]}".strip()
            if key == "next_follow_up":
                return ui_date(value)
            if key == "objections":
                return objections_text(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and key == "next_follow_up" and self._overdue(row):
            return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "expected_value_fen":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def _tooltip(self, row: dict, key: str) -> str | None:
        if key == "company_name":
            lines = [row.get("company_name") or "", row.get("company_name_en") or "", row.get("notes") or ""]
            if row.get("lost_reason"):
                lines.append(row["lost_reason"])
            return "\n".join(line for line in lines if line) or None
        if key == "objections":
            return "\n".join(objection_text(o) for o in load_objections(row.get("objections"))) or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sort_requested.emit(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
