"""The pane beside the exhibitors table: the record, its contacts, contracts and history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.contracts import STATUS_NAMES
from expo_desk.ui.formats import ui_date, ui_datetime, ui_money
from expo_desk.ui.language import pick_pair
from expo_desk.ui.models.audit_table_model import action_label, describe, table_label
from expo_desk.ui.models.exhibitor_table_model import sector_text
from expo_desk.ui.widgets.tables import fill_table, record_table


class ExhibitorDetail(QTabWidget):
    """Read-only views of one exhibitor; contact edits go through signals to the page."""

    add_contact = Signal()
    edit_contact = Signal(dict)
    delete_contact = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._contacts: list[dict] = []
        summary = QWidget()
        self.form = QFormLayout(summary)
        self.labels: dict[str, QLabel] = {}
        for key, label in (
            ("company_name", self.tr("Company")), ("company_name_en", self.tr("English name")),
            ("sector", self.tr("Sector")), ("account_manager", self.tr("Account manager")),
            ("phone", self.tr("Phone")), ("email", self.tr("E-mail")), ("website", self.tr("Website")),
            ("address", self.tr("Address")), ("expected_value", self.tr("Expected value")), ("notes", self.tr("Notes")),
        ):
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = value
            self.form.addRow(label, value)
        self.addTab(summary, self.tr("Details"))

        contacts = QWidget()
        box = QVBoxLayout(contacts)
        self.contacts_table = record_table([self.tr("Name"), self.tr("Title"), self.tr("Mobile"), self.tr("E-mail")])
        self.contacts_table.doubleClicked.connect(self._edit_selected)
        box.addWidget(self.contacts_table)
        row = QHBoxLayout()
        for text, slot in ((self.tr("Add contact…"), self.add_contact.emit),
                           (self.tr("Edit…"), self._edit_selected), (self.tr("Delete"), self._delete_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.addTab(contacts, self.tr("Contacts"))

        self.contracts_table = record_table([self.tr("Contract"), self.tr("Status"), self.tr("Booths"),
                                       self.tr("Total"), self.tr("Paid"), self.tr("Signed")])
        self.addTab(self.contracts_table, self.tr("Contracts"))
        self.history_table = record_table([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Change")])
        self.addTab(self.history_table, self.tr("History"))
        self.show_detail(None)

    def show_detail(self, detail: dict | None) -> None:
        self.setEnabled(detail is not None)
        record = (detail or {}).get("exhibitor") or {}
        for key, label in self.labels.items():
            if key == "expected_value":
                value = record.get("expected_value_fen")
                label.setText("" if value is None else ui_money(value))
            elif key == "sector":
                label.setText(sector_text(record.get(key)))
            else:
                label.setText(str(record.get(key) or ""))
        self._contacts = (detail or {}).get("contacts", [])
        fill_table(self.contacts_table, [[c["name"], c["title"], c["phone"], c["email"]] for c in self._contacts])
        fill_table(self.contracts_table, [
            [k["number"], pick_pair(STATUS_NAMES.get(k["status"], (k["status"], k["status"]))), k["booths"] or "",
             ui_money(k["total_fen"]), ui_money(k["paid_fen"]), ui_date(k["signed_on"])]
            for k in (detail or {}).get("contracts", [])
        ])
        fill_table(self.history_table, [
            [ui_datetime(h["at"]), h["user_name"], f"{table_label(h['table_name'])} · {action_label(h['action'])}",
             describe(h)]
            for h in (detail or {}).get("history", [])
        ])

    def _selected_contact(self) -> dict | None:
        row = self.contacts_table.currentRow()
        return self._contacts[row] if 0 <= row < len(self._contacts) else None

    def _edit_selected(self, *_args) -> None:
        contact = self._selected_contact()
        if contact:
            self.edit_contact.emit(contact)

    def _delete_selected(self) -> None:
        contact = self._selected_contact()
        if contact:
            self.delete_contact.emit(contact)
