"""Add or edit a user, or set a password: the fields, checked by the services."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from expo_desk.domain.enums import Role
from expo_desk.errors import UserError
from expo_desk.services import users as user_service
from expo_desk.ui.context import AppContext
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.task_cards import role_text


class UserFormDialog(QDialog):
    """With ``user`` None it adds someone; otherwise it edits name, role and active."""

    def __init__(self, context: AppContext, user: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._user = context, user
        self.changes = None
        self.setWindowTitle(self.tr("Edit user") if user else self.tr("New user"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.username = QLineEdit((user or {}).get("username", ""))
        self.username.setObjectName("username")
        self.username.setReadOnly(user is not None)
        self.display_name = QLineEdit((user or {}).get("display_name", ""))
        self.display_name.setObjectName("display_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_text(role), role.value)
        if user:
            self.role.setCurrentIndex(self.role.findData(user["role"]))
        self.phone = QLineEdit((user or {}).get("phone", ""))
        self.phone.setObjectName("phone")
        self.email = QLineEdit((user or {}).get("email", ""))
        self.email.setObjectName("email")
        self.email.setPlaceholderText(self.tr("printed on the exhibitor packs of their exhibitors"))
        form.addRow(self.tr("Login"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        if user is None:
            self.password = QLineEdit()
            self.password.setObjectName("password")
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setPlaceholderText(self.tr("at least 8 characters; may be set later"))
            form.addRow(self.tr("Password"), self.password)
        else:
            self.active = QCheckBox(self.tr("May sign in and make changes"))
            self.active.setChecked(bool(user["active"]))
            form.addRow(self.tr("Active"), self.active)
        self.errors = ErrorLabel()
        form.addRow(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def save(self) -> None:
        db, actor = self._context.db, self._context.actor
        try:
            if self._user is None:
                self.changes = user_service.create_user(db, actor, self.username.text(), self.display_name.text(),
                                                        self.role.currentData(), self.password.text() or None,
                                                        phone=self.phone.text(), email=self.email.text())
            else:
                self.changes = user_service.update_user(db, actor, self._user["id"],
                                                        display_name=self.display_name.text(),
                                                        role=self.role.currentData(), active=self.active.isChecked(),
                                                        phone=self.phone.text(), email=self.email.text())
        except UserError as exc:
            self.errors.show_message(str(exc))
            return
        self.accept()


class PasswordDialog(QDialog):
    """Set a password: one's own (with the current one) or anyone's as an administrator."""

    def __init__(self, context: AppContext, user: dict, ask_current: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._user = context, user
        self.setWindowTitle(self.tr("Password for %1").replace("%1", user["display_name"]))
        form = QFormLayout(self)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        if ask_current:
            form.addRow(self.tr("Current password"), self.current)
        self.new = QLineEdit()
        self.new.setObjectName("new_password")
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        self.errors = ErrorLabel()
        form.addRow(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def save(self) -> None:
        if self.new.text() != self.again.text():
            self.errors.show_message(self.tr("The two new passwords differ."))
            return
        try:
            user_service.set_password(self._context.db, self._context.actor, self._user["id"], self.new.text(),
                                      current_password=self.current.text() or None)
        except UserError as exc:
            self.errors.show_message(str(exc))
            return
        self.accept()
