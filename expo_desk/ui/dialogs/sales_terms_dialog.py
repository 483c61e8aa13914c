"""The show's sales terms (deposit, balance date, discount threshold, cancellation fees…) and
its service catalogue (extra power, furniture, badges, 会刊 …).

Terms are saved together with the Save button; catalogue entries are saved one by one as
they are added, changed or deleted. Only a department manager or an administrator edits.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.money import format_fen
from expo_desk.domain.permissions import Action, can
from expo_desk.domain.pricing import bp_text
from expo_desk.errors import Problem, UserError
from expo_desk.services import sales_terms
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.contract_dialogs import ContractForm
from expo_desk.ui.formats import ui_date, ui_money
from expo_desk.ui.widgets.contract_detail import fit_table_height
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table

_SCHEDULE_PROBLEM = "退订费率表：天数为不小于 0 的整数，费率为 0–100 / the cancellation schedule: whole days ≥ 0 and a fee of 0–100 %"


def _percent(bp: int) -> str:
    return bp_text(bp).rstrip("%")


class ServiceFormDialog(ContractForm):
    """Add (``item`` None) or change one catalogue entry; contracts keep their own prices."""

    def __init__(self, context: AppContext, item: dict | None = None, parent: QWidget | None = None):
        super().__init__(context, self.tr("Edit service") if item else self.tr("New service"), parent)
        self._item = item
        self.fields: dict[str, QLineEdit] = {}
        for key, label, placeholder in (
                ("code", self.tr("Code"), self.tr("e.g. POWER-10A")), ("name", self.tr("Name"), self.tr("e.g. 加电 10A")),
                ("name_en", self.tr("English name"), self.tr("e.g. Power 10 A")),
                ("unit", self.tr("Unit"), self.tr("e.g. 处, 个, 张")),
                ("unit_price", self.tr("Unit price (yuan)"), self.tr("e.g. 600"))):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            self.fields[key] = self.add_field(key, label, edit)
        if item:
            for key in ("code", "name", "name_en", "unit"):
                self.fields[key].setText(item[key] or "")
            self.fields["unit_price"].setText(format_fen(item["unit_price_fen"], symbol=""))
        self.finish_layout()

    def save(self) -> None:
        ctx = self._context
        values = {key: edit.text() for key, edit in self.fields.items()}
        if self._item is None:
            self.run(lambda: sales_terms.add_service(ctx.db, ctx.actor, ctx.show["id"], values))
        else:
            self.run(lambda: sales_terms.update_service(ctx.db, ctx.actor, self._item["id"], values))


class SalesTermsDialog(ContractForm):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        show = context.show or {}
        super().__init__(context, self.tr("Sales terms and services — %1").replace("%1", show.get("code", "")), parent)
        self.setMinimumWidth(700)
        self.resize(720, 600)
        self._show_id = show["id"]
        self._editor = can(context.actor, Action.EDIT_BOOTHS)
        self._services: list[dict] = []
        terms = sales_terms.terms(context.db, self._show_id)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, text, placeholder in (
                ("contract_prefix", self.tr("Contract number prefix"), terms["contract_prefix"], terms["prefix"]),
                ("deposit_bp", self.tr("Deposit (% of the total)"), _percent(terms["deposit_bp"]), "30"),
                ("deposit_due_days", self.tr("Deposit due (days after signing)"), str(terms["deposit_due_days"]), "14"),
                ("balance_due_on", self.tr("Balance due on (YYYY-MM-DD)"), terms["balance_due_on"] or "",
                 self.tr("empty: %1").replace("%1", ui_date(terms["balance_due"]) or self.tr("30 days before the opening"))),
                ("discount_threshold_bp", self.tr("Discount approval above (% of booths)"),
                 _percent(terms["discount_threshold_bp"]), "5"),
                ("draft_hold_days", self.tr("A draft holds its booths (days)"), str(terms["draft_hold_days"]), "14"),
                ("revenue_target", self.tr("Revenue target (yuan)"),
                 f"{terms['show']['revenue_target_fen'] / 100:.2f}" if terms["show"]["revenue_target_fen"] else "",
                 self.tr("e.g. 8,800,000"))):
            edit = QLineEdit(text)
            edit.setPlaceholderText(placeholder)
            self.fields[key] = self.add_field(key, label, edit)
        self.sold_on = QComboBox()
        self.sold_on.addItem(self.tr("on signing"), "signing")
        self.sold_on.addItem(self.tr("when the deposit is paid"), "deposit")
        self.sold_on.setCurrentIndex(max(self.sold_on.findData(terms["booth_sold_on"]), 0))
        self.add_field("booth_sold_on", self.tr("Booths count as sold"), self.sold_on)
        self.schedule = QTableWidget(0, 2)
        self.schedule.setHorizontalHeaderLabels([self.tr("Days before opening ≥"), self.tr("Fee % of the total")])
        self.schedule.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.schedule.verticalHeader().hide()
        self.schedule.verticalHeader().setDefaultSectionSize(24)
        for days, bp in terms["schedule"]:
            self._add_schedule_row(str(days), _percent(bp))
        schedule_box = QWidget()
        box = QVBoxLayout(schedule_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.schedule)
        row = QHBoxLayout()
        for text, slot in ((self.tr("Add row"), lambda: self._add_schedule_row("", "")),
                           (self.tr("Remove row"), self._remove_schedule_row)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(self._editor)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.add_field("cancellation_schedule", self.tr("Cancellation fees"), schedule_box)

        terms_page = QWidget()
        page = QVBoxLayout(terms_page)
        if not self._editor:
            page.addWidget(notice_label(self.tr("Only a department manager or an administrator changes the "
                                                "sales terms and the service catalogue.")))
        page.addLayout(self.form)
        page.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.addTab(terms_page, self.tr("Terms"))
        self.tabs.addTab(self._catalogue_page(), self.tr("Services"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        for widget in (*self.fields.values(), self.sold_on, self.schedule):
            widget.setEnabled(self._editor)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(self._editor)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Save terms"))
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Close"))
        self.refresh_services()

    # -- terms -------------------------------------------------------------------------
    def _add_schedule_row(self, days: str, percent: str) -> None:
        row = self.schedule.rowCount()
        self.schedule.insertRow(row)
        self.schedule.setItem(row, 0, QTableWidgetItem(days))
        self.schedule.setItem(row, 1, QTableWidgetItem(percent))
        fit_table_height(self.schedule, 3)

    def _remove_schedule_row(self) -> None:
        self.schedule.removeRow(self.schedule.currentRow())
        fit_table_height(self.schedule, 3)

    def schedule_rows(self) -> list[list[int]] | None:
        """The table as ``[[days, basis points], …]``; None when a cell is not a number."""
        rows = []
        for r in range(self.schedule.rowCount()):
            cells = [(self.schedule.item(r, c).text() if self.schedule.item(r, c) else "").strip().rstrip("%")
                     for c in (0, 1)]
            if not any(cells):
                continue
            try:
                days, percent = int(cells[0]), Decimal(cells[1]) * 100
            except (ValueError, InvalidOperation):
                return None
            if not percent.is_finite() or percent != percent.to_integral_value():
                return None
            rows.append([days, int(percent)])
        return rows

    def save(self) -> None:
        ctx = self._context
        values = {key: edit.text() for key, edit in self.fields.items()}
        values["booth_sold_on"] = self.sold_on.currentData()
        schedule = self.schedule_rows()
        problems: list[Problem] = []
        if not schedule:  # the other fields' problems are reported with it, all at once
            problems = [*sales_terms.clean_terms(values)[1], Problem("cancellation_schedule", _SCHEDULE_PROBLEM)]
        values["cancellation_schedule"] = schedule
        self.run(lambda: sales_terms.update_terms(ctx.db, ctx.actor, self._show_id, values), problems)
        if self.changes:
            ctx.announce(self.changes)

    # -- the service catalogue ---------------------------------------------------------
    def _catalogue_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.services_table = record_table([self.tr("Code"), self.tr("Name"), self.tr("English name"),
                                            self.tr("Unit"), self.tr("Unit price")], stretch=1, name="services")
        self.services_table.doubleClicked.connect(lambda _i: self.edit_service())
        layout.addWidget(self.services_table, 1)
        layout.addWidget(notice_label(self.tr("Each change to the catalogue is saved at once; contracts keep the "
                                              "price their lines were made with.")))
        row = QHBoxLayout()
        self.add_service_button = QPushButton(self.tr("&Add service…"))
        self.edit_service_button = QPushButton(self.tr("&Edit…"))
        self.delete_service_button = QPushButton(self.tr("&Delete"))
        for button, slot in ((self.add_service_button, self.add_service), (self.edit_service_button, self.edit_service),
                             (self.delete_service_button, self.delete_service)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def refresh_services(self) -> None:
        self._services = sales_terms.list_services(self._context.db, self._show_id)
        fill_table(self.services_table, [[s["code"], s["name"], s["name_en"], s["unit"], ui_money(s["unit_price_fen"])]
                                         for s in self._services], [s["id"] for s in self._services])
        for r in range(self.services_table.rowCount()):
            self.services_table.item(r, 4).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.add_service_button.setEnabled(self._editor)
        for button in (self.edit_service_button, self.delete_service_button):
            button.setEnabled(self._editor and bool(self._services))

    def selected_service(self) -> dict | None:
        row = self.services_table.currentRow()
        return self._services[row] if 0 <= row < len(self._services) else None

    def _changed(self, changes) -> None:
        self._context.announce(changes)
        self.refresh_services()

    def add_service(self) -> None:
        dialog = ServiceFormDialog(self._context, None, self)
        if dialog.exec() and dialog.changes:
            self._changed(dialog.changes)

    def edit_service(self) -> None:
        item = self.selected_service()
        if item is None or not self._editor:
            return
        dialog = ServiceFormDialog(self._context, item, self)
        if dialog.exec() and dialog.changes:
            self._changed(dialog.changes)

    def delete_service(self) -> None:
        item = self.selected_service()
        if item is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete service"),
                                      self.tr("Delete %1 from the catalogue?").replace("%1", item["name"]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._changed(sales_terms.delete_service(self._context.db, self._context.actor, item["id"]))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(exc))
