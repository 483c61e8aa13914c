"""Settings ▸ Users and sign-in: who may use this file, in which role, and whether to sign in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.services import users as user_service
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.user_form_dialog import PasswordDialog, UserFormDialog
from expo_desk.ui.widgets.tables import notice_label, record_table
from expo_desk.ui.widgets.task_cards import role_text


class UsersDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._users: list[dict] = []
        self.setWindowTitle(self.tr("Users and sign-in"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        admin = can(context.actor, Action.MANAGE_USERS)
        if not admin:
            layout.addWidget(notice_label(self.tr("Only an administrator manages users. "
                                                  "You may change your own password.")))
        self.require_sign_in = QCheckBox(self.tr("Everyone signs in with a user name and password when this file opens"))
        self.require_sign_in.setObjectName("require_sign_in")
        self.require_sign_in.setChecked(user_service.sign_in_required(context.db))
        self.require_sign_in.setEnabled(admin)
        self.require_sign_in.toggled.connect(self._toggle_sign_in)
        layout.addWidget(self.require_sign_in)
        self.table = record_table([self.tr("Name"), self.tr("Login"), self.tr("Role"),
                                              self.tr("Active"), self.tr("Password set")], stretch=0, name="users")
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.password_button = QPushButton(self.tr("Set &password…"))
        for button, slot in ((self.add_button, self.add_user), (self.edit_button, self.edit_user),
                             (self.password_button, self.set_password)):
            button.clicked.connect(slot)
            row.addWidget(button)
        self.add_button.setEnabled(admin)
        self.edit_button.setEnabled(admin)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self._users = user_service.list_users(self._context.db)
        self.table.setRowCount(len(self._users))
        yes, no = self.tr("yes"), self.tr("no")
        for r, user in enumerate(self._users):
            values = [user["display_name"], user["username"], role_text(user["role"]),
                      yes if user["active"] else no, yes if user["has_password"] else no]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, user["id"])
                self.table.setItem(r, c, item)

    def selected_user(self) -> dict | None:
        row = self.table.currentRow()
        return self._users[row] if 0 <= row < len(self._users) else None

    def _changed(self, changes) -> None:
        self._context.announce(changes)
        self.refresh()

    def add_user(self) -> None:
        dialog = UserFormDialog(self._context, None, self)
        if dialog.exec() and dialog.changes:
            self._changed(dialog.changes)

    def edit_user(self) -> None:
        user = self.selected_user()
        if user is None or not can(self._context.actor, Action.MANAGE_USERS):
            return
        dialog = UserFormDialog(self._context, user, self)
        if dialog.exec() and dialog.changes:
            self._changed(dialog.changes)

    def set_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        own = user["id"] == self._context.actor.user_id
        if PasswordDialog(self._context, user, ask_current=own and not can(self._context.actor, Action.MANAGE_USERS),
                          parent=self).exec():
            self.refresh()

    def _toggle_sign_in(self, required: bool) -> None:
        try:
            self._context.announce(user_service.set_sign_in_required(self._context.db, self._context.actor, required))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Sign-in"), str(exc))
            self.require_sign_in.blockSignals(True)
            self.require_sign_in.setChecked(not required)
            self.require_sign_in.blockSignals(False)
