"""Receivables: money still due on the show's contracts, overdue first, with sums per account manager.

The rows, their order and every sum come from ``payments.receivables``; this view only shows them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from expo_desk.services import payments
from expo_desk.ui.formats import ui_date, ui_money
from expo_desk.ui.models.contract_table_model import ReceivableTableModel
from expo_desk.ui.widgets.list_page import paged_table, widen_for
from expo_desk.ui.widgets.tables import fill_table, record_table

_SUM_KEYS = ("contracts", "due_fen", "paid_fen", "outstanding_fen", "overdue_fen")


class ReceivablesView(QWidget):
    """``open_contract(id)`` asks the page to show a contract (double-click or Enter on a row)."""

    open_contract = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.overdue_only = QCheckBox(self.tr("&Overdue only"))
        self.overdue_only.setObjectName("overdue_only")
        self.total_label = QLabel()
        self.total_label.setObjectName("receivables_total")
        self.model = ReceivableTableModel(self)
        self.table = paged_table(self.model, "receivables", (100, 176, 84, 66, 88, 88, 88, 88, 70, 90), 0)
        widen_for(self.table, 9, ui_date("2026-12-28"))  # the next due date, in the window's language
        self.table.setSortingEnabled(False)  # the service's order: longest overdue first
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.by_manager = record_table([self.tr("Account manager"), self.tr("Contracts"), self.tr("Due"),
                                        self.tr("Paid"), self.tr("Outstanding"), self.tr("Overdue")],
                                       stretch=0, name="by_manager")
        self.by_manager.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.addWidget(self.overdue_only)
        top.addStretch(1)
        top.addWidget(self.total_label)
        managers = QWidget()
        box = QVBoxLayout(managers)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("By account manager")))
        box.addWidget(self.by_manager)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(managers)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 180])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def load(self, db, show_id: str | None, manager_id: str | None) -> None:
        """Ask the service again (today's date decides what is overdue)."""
        if db is None or show_id is None:
            self.model.set_rows([], 0)
            fill_table(self.by_manager, [])
            self.total_label.setText("")
            return
        found = payments.receivables(db, show_id, manager_id=manager_id, overdue_only=self.overdue_only.isChecked())
        self.model.set_rows(found["rows"], len(found["rows"]))
        fill_table(self.by_manager, [
            [name, *self._sums(figures)] for name, figures in found["by_manager"].items()])
        for r in range(self.by_manager.rowCount()):
            for c in range(1, self.by_manager.columnCount()):
                self.by_manager.item(r, c).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        total = found["total"]
        self.total_label.setText(
            self.tr("%n contract(s) · outstanding %1 · overdue %2", "", total["contracts"])
            .replace("%1", ui_money(total["outstanding_fen"])).replace("%2", ui_money(total["overdue_fen"])))

    @staticmethod
    def _sums(figures: dict) -> list[str]:
        return [str(figures["contracts"]), *(ui_money(figures[k]) for k in _SUM_KEYS[1:])]

    def _open(self, row: int) -> None:
        record = self.model.row_at(row)
        if record:
            self.open_contract.emit(record["id"])
