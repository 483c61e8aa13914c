"""Add or edit an exhibitor: the form checks with the same rules as the services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.enums import SECTORS
from expo_desk.domain.money import format_fen, parse_yuan
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.users import list_account_managers
from expo_desk.ui.context import AppContext
from expo_desk.ui.models.exhibitor_table_model import sector_key, sector_text
from expo_desk.ui.widgets.error_label import ErrorLabel

_CONTACT_FIELDS = {"contact_name": "name", "contact_title": "title", "contact_phone": "phone", "contact_email": "email"}


class ExhibitorDialog(QDialog):
    """With ``exhibitor`` None it adds one (with a first contact); otherwise it edits it."""

    def __init__(self, context: AppContext, exhibitor: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._exhibitor = exhibitor
        self.changes = None
        self.setWindowTitle(self.tr("Edit exhibitor") if exhibitor else self.tr("New exhibitor"))
        self.setMinimumWidth(520)

        self.fields: dict[str, QLineEdit] = {}
        self._labels: dict[str, str] = {"account_manager_id": self.tr("Account manager"), "name": self.tr("Contact name")}
        company = QFormLayout()
        for key, label, placeholder in (
            ("company_name", self.tr("Company name (Chinese)"), self.tr("e.g. 日照钢铁集团有限公司")),
            ("company_name_en", self.tr("Company name (English)"), self.tr("e.g. Rizhao Steel Group Co., Ltd.")),
            ("phone", self.tr("Phone"), ""),
            ("email", self.tr("E-mail"), ""),
            ("website", self.tr("Website"), ""),
            ("address", self.tr("Address"), ""),
            ("expected_value", self.tr("Expected value (yuan)"), self.tr("what the exhibitor hopes to gain, e.g. 100000")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(placeholder) + 16)  # the hint read whole
            edit.setObjectName(key)
            self.fields[key] = edit
            self._labels["expected_value_fen" if key == "expected_value" else key] = label
            company.addRow(label, edit)
            if key == "company_name_en":
                self.sector = QComboBox()
                self.sector.setObjectName("sector")
                self.sector.setEditable(True)
                self.sector.addItem("")
                for chinese, english in SECTORS.items():  # stored in Chinese, shown in the window's language
                    shown = sector_text(chinese)
                    self.sector.addItem(shown, chinese)
                    self.sector.setItemData(self.sector.count() - 1, english if shown == chinese else chinese,
                                            Qt.ItemDataRole.ToolTipRole)
                company.addRow(self.tr("Sector"), self.sector)
        self.manager = QComboBox()
        self.manager.setObjectName("account_manager")
        self.manager.addItem(self.tr("(none)"), None)
        for user in list_account_managers(context.db):
            self.manager.addItem(user["display_name"], user["id"])
        company.addRow(self.tr("Account manager"), self.manager)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(60)
        company.addRow(self.tr("Notes"), self.notes)

        layout = QVBoxLayout(self)
        layout.addLayout(company)
        if exhibitor is None:
            group = QGroupBox(self.tr("First contact person"))
            contact_form = QFormLayout(group)
            for key, label in (
                ("contact_name", self.tr("Name")),
                ("contact_title", self.tr("Title")),
                ("contact_phone", self.tr("Mobile")),
                ("contact_email", self.tr("E-mail")),
            ):
                edit = QLineEdit()
                edit.setObjectName(key)
                self.fields[key] = edit
                contact_form.addRow(label, edit)
            layout.addWidget(group)

        self.errors = ErrorLabel()
        layout.addWidget(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if exhibitor:
            self._load(exhibitor)
        self.fields["company_name"].setFocus()

    def _load(self, row: dict) -> None:
        for key in ("company_name", "company_name_en", "phone", "email", "website", "address"):
            self.fields[key].setText(row.get(key) or "")
        value = row.get("expected_value_fen")
        self.fields["expected_value"].setText("" if value is None else format_fen(value, symbol=""))
        self.sector.setCurrentText(sector_text(row.get("sector")))
        index = self.manager.findData(row.get("account_manager_id"))
        self.manager.setCurrentIndex(max(index, 0))
        self.notes.setPlainText(row.get("notes") or "")

    def values(self) -> tuple[dict, dict | None, list[Problem]]:
        """The form as service input: exhibitor fields, first contact, and parse problems."""
        problems: list[Problem] = []
        values = {key: self.fields[key].text() for key in ("company_name", "company_name_en", "phone", "email", "website", "address")}
        values["sector"] = sector_key(self.sector.currentText())
        values["account_manager_id"] = self.manager.currentData()
        values["notes"] = self.notes.toPlainText()
        try:
            values["expected_value_fen"] = parse_yuan(self.fields["expected_value"].text())
        except ValueError as exc:
            problems.append(Problem("expected_value_fen", str(exc)))
        contact = None
        if self._exhibitor is None and any(self.fields[k].text().strip() for k in _CONTACT_FIELDS):
            contact = {field: self.fields[key].text() for key, field in _CONTACT_FIELDS.items()}
        return values, contact, problems

    def show_problems(self, problems: list[Problem]) -> None:
        """List every problem under the form and outline the fields they name."""
        self.errors.show_message("\n".join(
            p.message if not p.field else f"{self._labels.get(p.field, p.field)}: {p.message}" for p in problems))
        for key, edit in self.fields.items():
            is_contact = key in _CONTACT_FIELDS
            field = _CONTACT_FIELDS.get(key) or ("expected_value_fen" if key == "expected_value" else key)
            bad = any(p.field == field and bool(p.where) == is_contact for p in problems)
            edit.setStyleSheet("border: 1px solid #b00020;" if bad else "")

    def save(self) -> None:
        values, contact, problems = self.values()
        if problems:
            self.show_problems(problems)
            return
        db, actor = self._context.db, self._context.actor
        try:
            if self._exhibitor is None:
                self.changes = exhibitor_service.create_exhibitor(
                    db, actor, self._context.show["id"], values, [contact] if contact else [])
            else:
                self.changes = exhibitor_service.update_exhibitor(db, actor, self._exhibitor["id"], values)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except UserError as exc:
            self.show_problems([Problem("", str(exc))])
            return
        self.accept()
