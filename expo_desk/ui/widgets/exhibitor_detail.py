"""The pane beside the exhibitors table: the record, its contacts, contracts and history."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.money import format_fen


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if ids:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)


def local_time(iso: str) -> str:
    """A stored UTC timestamp in the user's time zone."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm") if moment.isValid() else iso


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
        self.contacts_table = _table([self.tr("Name"), self.tr("Title"), self.tr("Mobile"), self.tr("E-mail")])
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

        self.contracts_table = _table([self.tr("Contract"), self.tr("Status"), self.tr("Booths"),
                                       self.tr("Total"), self.tr("Paid"), self.tr("Signed")])
        self.addTab(self.contracts_table, self.tr("Contracts"))
        self.history_table = _table([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Change")])
        self.addTab(self.history_table, self.tr("History"))
        self.show_detail(None)

    def show_detail(self, detail: dict | None) -> None:
        self.setEnabled(detail is not None)
        record = (detail or {}).get("exhibitor") or {}
        for key, label in self.labels.items():
            if key == "expected_value":
                value = record.get("expected_value_fen")
                label.setText("" if value is None else format_fen(value))
            else:
                label.setText(str(record.get(key) or ""))
        self._contacts = (detail or {}).get("contacts", [])
        _fill(self.contacts_table, [[c["name"], c["title"], c["phone"], c["email"]] for c in self._contacts])
        status_names = {"draft": self.tr("draft"), "signed": self.tr("signed"), "part_paid": self.tr("part-paid"),
                        "paid": self.tr("paid"), "cancelled": self.tr("cancelled")}
        _fill(self.contracts_table, [
            [k["number"], status_names.get(k["status"], k["status"]), k["booths"] or "", format_fen(k["total_fen"]),
             format_fen(k["paid_fen"]), k["signed_on"] or ""] for k in (detail or {}).get("contracts", [])
        ])
        _fill(self.history_table, [
            [local_time(h["at"]), h["user_name"], self._what(h), self._describe(h)]
            for h in (detail or {}).get("history", [])
        ])

    def _what(self, entry: dict) -> str:
        what = {
            ("insert", "exhibitors"): self.tr("exhibitor added"), ("update", "exhibitors"): self.tr("exhibitor changed"),
            ("delete", "exhibitors"): self.tr("exhibitor deleted"), ("insert", "contacts"): self.tr("contact added"),
            ("update", "contacts"): self.tr("contact changed"), ("delete", "contacts"): self.tr("contact deleted"),
        }
        return what.get((entry["action"], entry["table_name"]), f"{entry['action']} {entry['table_name']}")

    def _field_label(self, field: str) -> str:
        labels = {
            "company_name": self.tr("Company"), "company_name_en": self.tr("English name"),
            "sector": self.tr("Sector"), "account_manager_id": self.tr("Account manager"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"), "website": self.tr("Website"),
            "address": self.tr("Address"), "expected_value_fen": self.tr("Expected value"),
            "notes": self.tr("Notes"), "name": self.tr("Name"), "title": self.tr("Title"),
            "is_primary": self.tr("Main contact"),
        }
        return labels.get(field, field)

    def _describe(self, entry: dict) -> str:
        """'English name: A → B' for changes; the name for additions and deletions."""
        old, new = entry["old"], entry["new"]

        def shown(field: str, value) -> str:
            if value is None or value == "":
                return "—"
            return format_fen(value) if field.endswith("_fen") and isinstance(value, int) else str(value)

        if entry["action"] == "update":
            changed = [k for k in new if k not in ("updated_at", "company_key")]
            return "; ".join(f"{self._field_label(k)}: {shown(k, old.get(k))} → {shown(k, new.get(k))}" for k in changed)
        values = new or old
        return str(values.get("company_name") or values.get("name") or "")

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
