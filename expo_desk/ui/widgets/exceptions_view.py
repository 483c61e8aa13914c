"""The department manager's exceptions list as four tables: discounts above the threshold,
overdue money, reservations about to end, contracts edited after signing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.contracts import STATUS_NAMES
from expo_desk.services.exceptions_list import exceptions_list
from expo_desk.ui.formats import ui_date, ui_local_date, ui_money
from expo_desk.ui.language import pick_pair
from expo_desk.ui.widgets.tables import fill_table, record_table

ROW_HEIGHT = 24
_SHOWN_ROWS = 500  # per table: the list is for reading, not for scrolling thousands


class ExceptionsView(QWidget):
    """The exceptions list (``services.exceptions_list``) as four tables."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        who = [self.tr("Contract"), self.tr("Exhibitor"), self.tr("Account manager")]
        self.discounts = record_table([*who, self.tr("Discount"), self.tr("Limit"), self.tr("Of booth price"),
                                       self.tr("State"), self.tr("Reason")], stretch=7, name="exceptions_discounts")
        # Company names and who holds a booth are read whole: the table scrolls sideways instead.
        self.overdue = record_table([*who, self.tr("Overdue"), self.tr("Days late"), self.tr("Outstanding"),
                                     self.tr("Status")], name="exceptions_overdue")
        self.expiring = record_table([self.tr("Booth"), self.tr("Hall"), self.tr("Reserved for"), self.tr("Until"),
                                      self.tr("Days left"), self.tr("Draft contract"), self.tr("Account manager")],
                                     name="exceptions_expiring")
        self.edited = record_table([*who, self.tr("Signed on"), self.tr("Signed total"), self.tr("Total now"),
                                    self.tr("Changes after signing")], stretch=6, name="exceptions_edited")
        self.headings: dict[str, QGroupBox] = {}
        grid = QGridLayout(self)
        for n, (key, table) in enumerate((("discounts", self.discounts), ("overdue", self.overdue),
                                          ("expiring", self.expiring), ("edited", self.edited))):
            table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
            box = QGroupBox()
            box.setObjectName(f"heading_{key}")
            QVBoxLayout(box).addWidget(table)
            self.headings[key] = box
            grid.addWidget(box, n // 2, n % 2)
        self.data: dict | None = None

    def refresh(self, db, show_id: str) -> None:
        self.data = found = exceptions_list(db, show_id)
        threshold = f"{found['threshold_bp'] / 100:g} %"
        self._fill("discounts", self.tr("Discounts above %1").replace("%1", threshold), [[
            r["number"], r["company_name"], r["manager_name"] or "", ui_money(r["discount_fen"]),
            ui_money(r["limit_fen"]), "—" if r["percent"] is None else f"{r['percent']:.1f} %",
            self.tr("waiting") if r["waiting"] else self.tr("approved by %1").replace(
                "%1", r["approved_by_name"] or ""), r["discount_reason"]] for r in found["discounts"]])
        self._fill("overdue", self.tr("Overdue payments"), [[
            r["number"], r["company_name"], r["manager_name"] or "", ui_money(r["overdue_fen"]),
            str(r["days_overdue"]), ui_money(r["outstanding_fen"]), pick_pair(STATUS_NAMES[r["status"]])]
            for r in found["overdue"]])
        self._fill("expiring", self.tr("Reservations ending within %n day(s)", "", found["warning_days"]), [[
            r["number"], r["hall_code"], r["reserved_for"], ui_date(r["reserved_until"][:10]),
            str(r["days_left"]) if r["days_left"] >= 0 else self.tr("ended %n day(s) ago", "", -r["days_left"]),
            r["contract_number"] or "", r["manager_name"] or ""] for r in found["expiring"]])
        self._fill("edited", self.tr("Edited after signing"), [[
            r["number"], r["company_name"], r["manager_name"] or "", ui_date(r["signed_on"]),
            ui_money(r["signed_total_fen"]) if r["signed_total_fen"] is not None else "", ui_money(r["total_fen"]),
            "; ".join(f"{ui_local_date(e['at'])} {e['user_name']}: {e['summary']}" for e in r["edits"])]
            for r in found["edited"]])

    def _fill(self, key: str, title: str, rows: list[list[str]]) -> None:
        shown = rows[:_SHOWN_ROWS]
        count = f"{len(rows):,}" if len(shown) == len(rows) else self.tr("first %1 of %2").replace(
            "%1", f"{len(shown):,}").replace("%2", f"{len(rows):,}")
        self.headings[key].setTitle(f"{title} ({count})")
        fill_table(getattr(self, key), shown)
