"""File menu actions: new show file, recent files, switching shows."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from expo_desk.app import create_window
from expo_desk.paths import AppPaths
from expo_desk.services.shows import create_show


def test_new_show_file_creates_and_opens_it(qtbot, window, on_modal, data_dir):
    target = data_dir / "qd2027.sqlite"

    def fill(dialog):
        dialog.path_field.edit.setText(str(target))
        dialog.code.setText("bad code!")
        dialog.name.setText("2027青岛海洋博览会")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        # the dialog comes back with the problem named; fix it and accept
        def retry(_dialog):
            fill.error = dialog.errors.text()
            dialog.code.setText("QD2027")
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        on_modal(retry)

    on_modal(fill)
    window.new_file()
    assert "show code" in fill.error
    assert window.context.db_path == target
    assert window.context.show["code"] == "QD2027"
    assert window.exhibitors_page.model.rowCount() == 0
    assert str(target) == window.recent_files()[0]


def test_the_last_file_opens_again_on_the_next_start(qtbot, window, data_dir, show_file):
    window.close()
    window.context.close()
    again = create_window(AppPaths(data_dir))
    qtbot.addWidget(again)
    try:
        assert again.context.db_path == show_file
        assert again.exhibitors_page.model.rowCount() == 5
    finally:
        again.context.close()


def test_switching_show_refreshes_the_page(qtbot, window, actor):
    other = create_show(window.context.db, actor, "RZ2027", "2027日照国际博览会")
    window.context.set_show(other)
    assert window.exhibitors_page.model.rowCount() == 0
    assert "RZ2027" in window.show_label.text()


def test_the_show_menu_offers_the_next_edition(window, on_modal):
    window._fill_shows()
    action = next(a for a in window.show_menu.actions() if a.text().startswith("&Next edition"))
    assert action.isEnabled()
    on_modal(lambda dialog: (dialog.windowTitle() == "Next edition") and dialog.reject())
    action.trigger()
    assert on_modal.calls and on_modal.calls[0].windowTitle() == "Next edition"


def test_settings_open_the_sales_terms(window, on_modal):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Se&ttings")
    action = next(a for a in menu.actions() if a.text().startswith("Sales &terms"))
    on_modal(lambda dialog: dialog.reject())
    action.trigger()
    assert on_modal.calls and "terms" in on_modal.calls[0].windowTitle().lower()
