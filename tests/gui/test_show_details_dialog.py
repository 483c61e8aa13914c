"""Show ▸ Show details: names, venue and the dates the documents print."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.ui.dialogs.show_details_dialog import ShowDetailsDialog

SAVE = QDialogButtonBox.StandardButton.Save


def test_dates_and_venue_are_saved_and_the_window_knows_at_once(qtbot, window):
    ctx = window.context
    dialog = ShowDetailsDialog(ctx)
    qtbot.addWidget(dialog)
    for key, text in (("venue", "日照国际博览中心"), ("venue_en", "Rizhao International Expo Centre"),
                      ("build_start", "2026-09-14"), ("start_date", "2026-09-18"), ("end_date", "2026-09-20"),
                      ("teardown_end", "2026-09-22")):
        dialog.edits[key].setText(text)
    dialog.buttons.button(SAVE).click()
    assert dialog.changes
    assert (ctx.show["venue_en"], ctx.show["build_start"], ctx.show["teardown_end"]) == (
        "Rizhao International Expo Centre", "2026-09-14", "2026-09-22")


def test_dates_out_of_order_are_refused_naming_each(qtbot, window):
    ctx = window.context
    dialog = ShowDetailsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.edits["build_start"].setText("2026-09-20")
    dialog.edits["start_date"].setText("2026-09-18")
    dialog.edits["teardown_end"].setText("18/09/2026")
    dialog.buttons.button(SAVE).click()
    assert dialog.changes is None
    assert "before the build-up start" in dialog.findChild(QLabel, "start_date_error").text()
    assert "YYYY-MM-DD" in dialog.findChild(QLabel, "teardown_end_error").text()
    assert ctx.show.get("build_start") is None


def test_an_account_manager_reads_but_does_not_change(qtbot, window):
    window.context.set_actor(Actor(None, "王经理", Role.ACCOUNT_MANAGER))
    dialog = ShowDetailsDialog(window.context)
    qtbot.addWidget(dialog)
    assert dialog.edits["name"].isReadOnly() and not dialog.buttons.button(SAVE).isEnabled()
