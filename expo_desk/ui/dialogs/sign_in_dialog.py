"""Sign in to a file that requires it: user name and password, checked by the services."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from expo_desk.domain.actors import Actor
from expo_desk.errors import UserError
from expo_desk.services.users import authenticate
from expo_desk.ui.widgets.error_label import ErrorLabel


class SignInDialog(QDialog):
    def __init__(self, db, path: Path, last_user: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — Expo Desk"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        heading = QLabel(self.tr("<b>%1</b> requires you to sign in.").replace("%1", Path(path).name))
        heading.setWordWrap(True)
        form.addRow(heading)
        self.username = QLineEdit(last_user)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.errors = ErrorLabel()
        form.addRow(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        (self.password if last_user else self.username).setFocus()

    def sign_in(self) -> None:
        try:
            self.actor = authenticate(self._db, self.username.text(), self.password.text())
        except UserError as exc:
            self.errors.show_message(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
