"""The pack's texts: defaults shown until written, Chinese and English saved together, restored to default."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import post_show, users
from expo_desk.store.queries import rows, scalar
from expo_desk.ui.dialogs.show_texts_dialog import ShowTextsDialog


@pytest.fixture
def open_dialog(qtbot, window):
    def make():
        dialog = ShowTextsDialog(window.context)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def test_every_text_shows_its_default_in_both_languages(open_dialog, window):
    dialog = open_dialog()
    assert list(dialog.editors) == list(post_show.TEXT_KEYS)
    welcome_zh, welcome_en = (edit.toPlainText() for edit in dialog.editors["welcome"])
    assert welcome_zh.startswith("欢迎参加2026日照国际博览会") and welcome_en.startswith("Welcome to Rizhao International Expo 2026")
    assert "另行通知" in dialog.editors["build_up"][0].toPlainText()  # the test show has no dates yet
    assert "to be announced" in dialog.editors["build_up"][1].toPlainText()
    assert all("Default text" in label.text() for label in dialog.states.values())
    assert all(edit.toPlainText() for pair in dialog.editors.values() for edit in pair)


def test_a_written_text_is_saved_and_shown_next_time_and_a_restored_one_is_removed(open_dialog, window):
    dialog = open_dialog()
    dialog.editors["badges"][0].setPlainText("每个展位 3 张展商证")
    dialog.editors["badges"][1].setPlainText("3 exhibitor badges per booth")
    assert "Written for this show" in dialog.states["badges"].text()
    dialog.save()
    assert not dialog.isVisible() and dialog.changes.inserted["show_texts"]
    assert rows(window.context.db, "SELECT key, text_zh, text_en FROM show_texts") == [
        {"key": "badges", "text_zh": "每个展位 3 张展商证", "text_en": "3 exhibitor badges per booth"}]
    again = open_dialog()
    assert again.editors["badges"][0].toPlainText() == "每个展位 3 张展商证"
    assert "Written for this show" in again.states["badges"].text() and "Default text" in again.states["welcome"].text()
    again.findChild(QPushButton, "badges_restore").click()
    assert "Default text" in again.states["badges"].text()
    again.save()
    assert scalar(window.context.db, "SELECT count(*) FROM show_texts") == 0


def test_a_text_too_long_is_named_under_its_field_and_nothing_is_saved(open_dialog, window):
    dialog = open_dialog()
    dialog.editors["venue_rules"][1].setPlainText("x" * 4001)
    dialog.save()
    assert dialog.isVisible()
    assert "at most 4000 characters" in dialog.findChild(QLabel, "venue_rules_error").text()
    assert scalar(window.context.db, "SELECT count(*) FROM show_texts") == 0


def test_an_account_manager_reads_the_texts_but_cannot_save(open_dialog, window):
    ctx = window.context
    uid = users.create_user(ctx.db, ctx.actor, "am9", "钱经理", Role.ACCOUNT_MANAGER).inserted["users"][0]
    ctx.set_actor(Actor(uid, "钱经理", Role.ACCOUNT_MANAGER))
    dialog = open_dialog()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    assert dialog.editors["welcome"][0].isReadOnly()
