"""Add or edit one contact person of an exhibitor."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from expo_desk.errors import UserError, ValidationError
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.ui.context import AppContext
from expo_desk.ui.widgets.error_label import ErrorLabel


class ContactDialog(QDialog):
    def __init__(self, context: AppContext, exhibitor_id: str, contact: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._exhibitor_id, self._contact = context, exhibitor_id, contact
        self.changes = None
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (("name", self.tr("Name")), ("title", self.tr("Title")),
                           ("phone", self.tr("Mobile")), ("email", self.tr("E-mail"))):
            edit = QLineEdit((contact or {}).get(key, ""))
            edit.setObjectName(key)
            # room for a whole e-mail address or a long job title, in either language
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("x" * 34))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.primary = QCheckBox(self.tr("Main contact"))
        self.primary.setChecked(bool((contact or {}).get("is_primary")))
        form.addRow("", self.primary)
        self.errors = ErrorLabel()
        form.addRow(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.fields.items()}
        values["is_primary"] = self.primary.isChecked()
        db, actor = self._context.db, self._context.actor
        try:
            if self._contact is None:
                self.changes = exhibitor_service.add_contact(db, actor, self._exhibitor_id, values)
            else:
                self.changes = exhibitor_service.update_contact(db, actor, self._contact["id"], values)
        except (ValidationError, UserError) as exc:
            self.errors.show_message(str(exc))
            return
        self.accept()
