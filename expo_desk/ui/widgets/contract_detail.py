"""The pane beside the contracts list: one contract as ``contract_detail`` explains it.

Every figure is a value the service computed, formatted with ``format_fen``; nothing is
added up here, so the screen and the printed contract cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.contracts import LINE_KIND_NAMES, PAYMENT_METHODS
from expo_desk.domain.pricing import bp_text
from expo_desk.ui.formats import ui_date, ui_local_date, ui_money
from expo_desk.ui.language import pick, pick_pair
from expo_desk.ui.models.contract_table_model import OVERDUE_COLOUR, status_text
from expo_desk.ui.widgets.error_label import ERROR_STYLE
from expo_desk.ui.widgets.tables import NOTICE_STYLE, fill_table, notice_label, record_table

_TOTAL_KINDS = ("booth_fen", "premium_fen", "service_fen", "discount_fen", "fee_fen")


def _selectable(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _money_columns(table: QTableWidget, columns: tuple[int, ...]) -> None:
    for r in range(table.rowCount()):
        for c in columns:
            table.item(r, c).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def instalment_label(label: str) -> str:
    """'定金 / deposit' (as the plan stores it) in the window's language; other labels as they are."""
    zh, separator, en = label.partition(" / ")
    return pick(zh, en) if separator else label


def fit_table_height(table: QTableWidget, least_rows: int = 1) -> None:
    """Show every row: the pane (or dialog) scrolls as a whole instead of each table on its own."""
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = max(table.rowCount(), least_rows)
    height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height + 2 * table.frameWidth() + 2)


def _elided_table(headers: list[str], stretch: int, name: str) -> QTableWidget:
    table = record_table(headers, stretch=stretch, name=name)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setWordWrap(False)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class ContractDetail(QScrollArea):
    """Read-only; the page's actions use ``selected_line()`` to know which line is meant."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contract_detail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._lines: list[dict] = []
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 0, 6, 6)

        self.title = _selectable("detail_title")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(self.title)
        facts = QGridLayout()
        facts.setHorizontalSpacing(14)
        self.facts: dict[str, QLabel] = {}
        self._fact_captions: dict[str, QLabel] = {}
        for n, (key, text) in enumerate((
                ("status", self.tr("Status")), ("manager", self.tr("Account manager")),
                ("booths", self.tr("Booths")), ("signed_on", self.tr("Signed on")),
                ("fascia", self.tr("Fascia")), ("cancelled", self.tr("Cancelled")))):
            caption = QLabel(text)
            caption.setStyleSheet("color: #555;")
            self._fact_captions[key] = caption
            self.facts[key] = _selectable(f"detail_{key}")
            if n < 4:  # short facts side by side; the fascia and a cancellation may be long
                facts.addWidget(caption, n // 2, (n % 2) * 2, Qt.AlignmentFlag.AlignTop)
                facts.addWidget(self.facts[key], n // 2, (n % 2) * 2 + 1)
            else:
                facts.addWidget(caption, n - 2, 0, Qt.AlignmentFlag.AlignTop)
                facts.addWidget(self.facts[key], n - 2, 1, 1, 3)
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 1)
        layout.addLayout(facts)

        lines_box = QGroupBox(self.tr("Lines"))
        box = QVBoxLayout(lines_box)
        self.lines_table = _elided_table([self.tr("Description"), self.tr("Qty"), self.tr("Unit price"),
                                          self.tr("Amount")], 0, "lines")
        box.addWidget(self.lines_table)
        sums = QGridLayout()
        sums.setColumnStretch(0, 1)
        self.totals: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for n, key in enumerate((*_TOTAL_KINDS, "total_fen")):
            kind = key.removesuffix("_fen")
            caption = QLabel(pick_pair(LINE_KIND_NAMES[kind]) if kind in LINE_KIND_NAMES else self.tr("Total"))
            value = _selectable(f"total_{kind}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            if key == "total_fen":
                caption.setStyleSheet("font-weight: bold;")
                value.setStyleSheet("font-weight: bold;")
            sums.addWidget(caption, n, 1, Qt.AlignmentFlag.AlignRight)
            sums.addWidget(value, n, 2)
            self.totals[key] = value
            self._captions[key] = caption
        box.addLayout(sums)
        self.discount_label = notice_label("")
        self.discount_label.setObjectName("discount_state")
        box.addWidget(self.discount_label)
        layout.addWidget(lines_box)

        plan_box = QGroupBox(self.tr("Payment schedule"))
        box = QVBoxLayout(plan_box)
        self.schedule_table = _elided_table([self.tr("Instalment"), self.tr("Due on"), self.tr("Amount"),
                                             self.tr("Paid"), self.tr("Outstanding"), self.tr("Overdue")],
                                            0, "schedule")
        box.addWidget(self.schedule_table)
        self.no_schedule = QLabel(self.tr("The payment plan is made when the contract is signed."))
        self.no_schedule.setStyleSheet("color: #555;")
        box.addWidget(self.no_schedule)
        layout.addWidget(plan_box)

        pay_box = QGroupBox(self.tr("Payments"))
        box = QVBoxLayout(pay_box)
        self.payments_table = _elided_table([self.tr("Date"), self.tr("Amount"), self.tr("Method"),
                                             self.tr("Reference / reason"), self.tr("Proof"),
                                             self.tr("Recorded by")], 3, "payments")
        box.addWidget(self.payments_table)
        self.no_payments = QLabel(self.tr("No payment recorded yet."))
        self.no_payments.setStyleSheet("color: #555;")
        box.addWidget(self.no_payments)
        layout.addWidget(pay_box)

        balance_row = QGridLayout()
        caption = QLabel(self.tr("Balance"))
        caption.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.balance_value = _selectable("balance")
        self.balance_value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.balance_value.setStyleSheet("font-size: 12pt; font-weight: bold;")
        balance_row.addWidget(caption, 0, 0)
        balance_row.addWidget(self.balance_value, 0, 1)
        self.money_note = _selectable("money_note")
        balance_row.addWidget(self.money_note, 1, 0, 1, 2)
        layout.addLayout(balance_row)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_detail(None)

    # -- filling ----------------------------------------------------------------------
    def show_detail(self, detail: dict | None) -> None:
        self.setEnabled(detail is not None)
        detail = detail or {}
        contract = detail.get("contract") or {}
        exhibitor = detail.get("exhibitor") or {}
        self.title.setText(f"{contract.get('number', '')}  {exhibitor.get('company_name', '')}".strip()
                           or self.tr("No contract selected"))
        self._fill_facts(detail, contract)
        self._fill_lines(detail)
        self._fill_discount(detail)
        self._fill_schedule(detail)
        self._fill_payments(detail)
        self._fill_balance(detail, contract)

    def _fill_facts(self, detail: dict, contract: dict) -> None:
        self.facts["status"].setText(status_text(contract["status"]) if contract else "")
        self.facts["manager"].setText(detail.get("manager_name", ""))
        self.facts["booths"].setText(" ".join(b["number"] for b in detail.get("booths", [])))
        self.facts["signed_on"].setText(ui_date(contract.get("signed_on")))
        self.facts["fascia"].setText(contract.get("fascia_text") or "")
        cancelled = ""
        if contract.get("cancelled_on"):
            cancelled = f"{ui_date(contract['cancelled_on'])} · {contract.get('cancel_reason') or ''}"
        self.facts["cancelled"].setText(cancelled)
        for key, label in self.facts.items():
            shown = bool(label.text()) or key in ("status", "booths")
            label.setVisible(shown)
            self._fact_captions[key].setVisible(shown)

    def _fill_lines(self, detail: dict) -> None:
        self._lines = detail.get("lines", [])
        fill_table(self.lines_table, [
            [ln["description"], str(ln["quantity"]), ui_money(ln["unit_price_fen"]), ui_money(ln["amount_fen"])]
            for ln in self._lines], [ln["id"] for ln in self._lines])
        for r, line in enumerate(self._lines):
            self.lines_table.item(r, 0).setToolTip(line["description"])
        _money_columns(self.lines_table, (1, 2, 3))
        fit_table_height(self.lines_table)
        sums = detail.get("totals")
        for key, label in self.totals.items():
            label.setText(ui_money(getattr(sums, key)) if sums else "")
            hidden = key != "total_fen" and key != "booth_fen" and sums is not None and not getattr(sums, key)
            label.setVisible(not hidden)
            self._captions[key].setVisible(not hidden)

    def _fill_discount(self, detail: dict) -> None:
        sums, contract = detail.get("totals"), detail.get("contract") or {}
        limit = detail.get("discount_limit_fen")
        text, style = "", NOTICE_STYLE
        if sums is not None and sums.discount_fen:
            reason = contract.get("discount_reason") or ""
            text = self.tr("Discount %1 (%2).").replace("%1", ui_money(-sums.discount_fen)).replace("%2", reason)
            if detail.get("discount_waiting"):
                text += " " + self.tr("Waiting for approval by the department manager (above %1).").replace("%1", ui_money(limit))
                style = ERROR_STYLE
            elif detail.get("approved_by_name"):
                when = ui_local_date(contract.get("discount_approved_at"))
                text += " " + self.tr("Approved by %1 on %2.").replace(
                    "%1", detail["approved_by_name"]).replace("%2", when)
                style = "color: #1b5e20;"
            else:
                text += " " + self.tr("Within the limit of %1 an account manager may give.").replace(
                    "%1", ui_money(limit))
                style = "color: #555;"
        elif limit is not None:
            text = self.tr("No discount. Up to %1 needs no approval.").replace("%1", ui_money(limit))
            style = "color: #555;"
        self.discount_label.setText(text)
        self.discount_label.setStyleSheet(style)
        self.discount_label.setVisible(bool(text))

    def _fill_schedule(self, detail: dict) -> None:
        money = detail.get("schedule")
        instalments = list(money.instalments) if money else []
        fill_table(self.schedule_table, [
            [instalment_label(i.label), ui_date(i.due_on), ui_money(i.amount_fen), ui_money(i.paid_fen), ui_money(i.outstanding_fen),
             self.tr("%n day(s) overdue", "", i.days_overdue) if i.overdue else ""] for i in instalments])
        _money_columns(self.schedule_table, (2, 3, 4))
        for r, inst in enumerate(instalments):
            if inst.overdue:
                for c in range(self.schedule_table.columnCount()):
                    self.schedule_table.item(r, c).setForeground(QBrush(OVERDUE_COLOUR))
        fit_table_height(self.schedule_table)
        self.schedule_table.setVisible(bool(instalments))
        self.no_schedule.setVisible(not instalments)

    def _fill_payments(self, detail: dict) -> None:
        payments = detail.get("payments", [])
        rows = []
        for p in payments:
            method = pick_pair(PAYMENT_METHODS.get(p["method"], (p["method"], p["method"])))
            note = p["reference"] or ""
            if p["amount_fen"] < 0:
                note = self.tr("Refund: %1").replace("%1", p["reason"] or "") + (f" · {note}" if note else "")
            rows.append([ui_date(p["paid_on"]), ui_money(p["amount_fen"]), method, note,
                         Path(p["proof_path"]).name if p["proof_path"] else "", p.get("recorded_by_name") or ""])
        fill_table(self.payments_table, rows, [p["id"] for p in payments])
        _money_columns(self.payments_table, (1,))
        for r, p in enumerate(payments):
            self.payments_table.item(r, 3).setToolTip(self.payments_table.item(r, 3).text())
            if p["proof_path"]:
                self.payments_table.item(r, 4).setToolTip(p["proof_path"])
            if p["amount_fen"] < 0:
                for c in range(self.payments_table.columnCount()):
                    self.payments_table.item(r, c).setForeground(QBrush(OVERDUE_COLOUR))
        fit_table_height(self.payments_table)
        self.payments_table.setVisible(bool(payments))
        self.no_payments.setVisible(not payments)

    def _fill_balance(self, detail: dict, contract: dict) -> None:
        balance = detail.get("balance_fen")
        self.balance_value.setText("" if balance is None else ui_money(balance))
        notes = []
        money = detail.get("schedule")
        if balance is not None and balance < 0:
            notes.append(self.tr("Owed back to the exhibitor: %1").replace("%1", ui_money(-balance)))
        if money is not None and money.overdue_fen:
            notes.append(self.tr("Overdue: %1").replace("%1", ui_money(money.overdue_fen)))
        if contract.get("status") == "cancelled":
            notes.append(self.tr("Cancellation fee %1").replace("%1", ui_money(contract["cancellation_fee_fen"])))
        quote = detail.get("cancellation")
        if quote and contract.get("status") != "draft":
            notes.append(self.tr("Cancelling today would cost %1 (%2).").replace(
                "%1", ui_money(quote["fee_fen"])).replace("%2", bp_text(quote["fee_bp"])))
        self.money_note.setText("\n".join(notes))
        self.money_note.setStyleSheet(ERROR_STYLE if money is not None and money.overdue_fen else "color: #555;")

    # -- for the page's actions --------------------------------------------------------
    def selected_line(self) -> dict | None:
        row = self.lines_table.currentRow()
        return self._lines[row] if 0 <= row < len(self._lines) else None
