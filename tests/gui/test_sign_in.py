"""Signing in to a file that requires it, and what each role may press."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from expo_desk.app import create_window
from expo_desk.domain.enums import Role
from expo_desk.paths import AppPaths
from expo_desk.services import users as user_service
from expo_desk.store.db import open_database


@pytest.fixture
def guarded_file(show_file, actor):
    """The show file with an administrator, an executor and sign-in turned on."""
    db = open_database(show_file)
    try:
        user_service.create_user(db, actor, "admin", "系统管理员", Role.ADMINISTRATOR, "admin-pass-1")
        user_service.create_user(db, actor, "zhang", "张执行", Role.CONSTRUCTION_EXECUTOR, "build-it-123")
        manager = next(u for u in user_service.list_users(db) if u["display_name"] == "赵经理")
        user_service.set_password(db, actor, manager["id"], "sell-more-1")
        user_service.set_sign_in_required(db, actor, True)
    finally:
        db.close()
    return show_file


def sign_in_as(username, password, then=None):
    def fill(dialog):
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if then:
            then(dialog)
    return fill


def open_window(qtbot, data_dir, path):
    window = create_window(AppPaths(data_dir), path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_wrong_password_is_refused_and_the_right_one_signs_in(qtbot, data_dir, guarded_file, on_modal):
    seen = {}

    def wrong_then_right(dialog):
        seen["error"] = dialog.errors.text()
        seen["still_open"] = dialog.isVisible()
        dialog.password.setText("build-it-123")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_modal(sign_in_as("zhang", "wrong", then=wrong_then_right))
    window = open_window(qtbot, data_dir, guarded_file)
    try:
        assert seen == {"error": "用户名或密码不对 / wrong user name or password", "still_open": True}
        assert window.context.actor.name == "张执行"
        assert window.person_label.text() == "张执行 · Construction executor"
        page = window.exhibitors_page
        assert page.model.rowCount() == 5  # an executor reads exhibitors …
        assert not page.add_button.isEnabled()  # … but may not change them
        assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
        assert not page.import_button.isEnabled()
    finally:
        window.context.close()


def test_giving_up_on_sign_in_opens_nothing(qtbot, data_dir, guarded_file, on_modal):
    on_modal(lambda dialog: dialog.reject())
    window = open_window(qtbot, data_dir, guarded_file)
    assert window.context.db is None
    assert window.file_label.text() == "No file open"


def test_the_services_refuse_even_when_a_shortcut_gets_past_the_buttons(qtbot, data_dir, guarded_file, on_modal,
                                                                         monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    on_modal(sign_in_as("zhang", "build-it-123"))
    window = open_window(qtbot, data_dir, guarded_file)
    try:
        page = window.exhibitors_page
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
        assert warnings and "may not change exhibitors" in warnings[0]
        assert page.model.rowCount() == 5
    finally:
        window.context.close()


def test_an_account_manager_may_change_their_own_exhibitors(qtbot, data_dir, guarded_file, on_modal):
    on_modal(sign_in_as("赵经理", "sell-more-1"))
    window = open_window(qtbot, data_dir, guarded_file)
    try:
        page = window.exhibitors_page
        assert page.add_button.isEnabled() and page.edit_button.isEnabled()
    finally:
        window.context.close()


def test_an_administrator_adds_a_user_in_the_users_dialog(qtbot, data_dir, guarded_file, on_modal):
    on_modal(sign_in_as("admin", "admin-pass-1"))
    window = open_window(qtbot, data_dir, guarded_file)
    added = {}

    def users_dialog(dialog):
        def form(inner):
            inner.username.setText("lina")
            inner.display_name.setText("李娜")
            inner.role.setCurrentIndex(inner.role.findData(Role.DESIGN_SUPERVISOR.value))
            inner.password.setText("design-it-1")
            inner.buttons.button(QDialogButtonBox.StandardButton.Save).click()
            added["rows"] = None

        on_modal(form)
        dialog.add_button.click()
        added["rows"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        dialog.reject()

    on_modal(users_dialog)
    try:
        window.manage_users()
        assert "李娜" in added["rows"]
        assert user_service.authenticate(window.context.db, "lina", "design-it-1").role == Role.DESIGN_SUPERVISOR
    finally:
        window.context.close()


def test_others_see_why_they_cannot_manage_users(qtbot, data_dir, guarded_file, on_modal):
    on_modal(sign_in_as("zhang", "build-it-123"))
    window = open_window(qtbot, data_dir, guarded_file)
    seen = {}

    def look(dialog):
        seen["notice"] = dialog.findChild(type(window.file_label), "notice").text()
        seen["add"] = dialog.add_button.isEnabled()
        seen["toggle"] = dialog.require_sign_in.isEnabled()
        dialog.reject()

    on_modal(look)
    try:
        window.manage_users()
        assert seen == {"notice": "Only an administrator manages users. You may change your own password.",
                        "add": False, "toggle": False}
    finally:
        window.context.close()
