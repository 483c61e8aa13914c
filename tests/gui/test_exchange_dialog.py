"""Show ▸ Exchange changes on a real office file and a venue copy prepared from it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import exhibitors, sync, users
from expo_desk.store.db import open_database
from expo_desk.store.queries import scalar
from expo_desk.ui.dialogs.exchange_dialog import ExchangeDialog

STEEL = "日照钢铁集团有限公司"
JOB_MS = 30_000


def venue_with_a_conflict(window, folder, tmp_path):
    """The window's file set up as the office copy, with a department manager; a venue
    laptop's copy of it; both change the steel company's phone, the venue also its website,
    and the venue sends. Returns (venue db, steel's id, the department manager)."""
    db, admin = window.context.db, window.context.actor
    uid = users.create_user(db, admin, "dm", "赵部长", Role.DEPARTMENT_MANAGER).inserted["users"][0]
    sync.start_exchange(db, admin, "Office")
    venue = open_database(sync.prepare_copy(db, admin, tmp_path / "venue.sqlite", "Venue laptop 1")["path"])
    steel = scalar(db, "SELECT id FROM exhibitors WHERE company_name = ?", [STEEL])
    exhibitors.update_exhibitor(db, admin, steel, {"phone": "0633-1111111"})
    exhibitors.update_exhibitor(venue, admin, steel, {"phone": "0633-2222222", "website": "steel.example"})
    sync.send_changes(venue, admin, folder)
    return venue, steel, Actor(uid, "赵部长", Role.DEPARTMENT_MANAGER)


def opened(qtbot, window, folder=None) -> ExchangeDialog:
    dialog = ExchangeDialog(window.context, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    if folder is not None:
        dialog.folder.set_value(str(folder))
    return dialog


def run(qtbot, dialog, button) -> str:
    """Click a step's button, wait until it has finished; what the dialog then says."""
    button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=JOB_MS)
    return dialog.summary.text()


def history_rows(dialog) -> list[list[str]]:
    table = dialog.history
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a_file_never_set_up_becomes_the_office_copy(qtbot, window, tmp_path):
    dialog = opened(qtbot, window, tmp_path)
    assert dialog.setup_panel.isVisible() and not dialog.state_form.isVisible()
    assert not dialog.send_button.isEnabled() and not dialog.receive_button.isEnabled()
    dialog.setup_name.setText("Head office")
    said = run(qtbot, dialog, dialog.setup_button)
    assert "Head office" in said and "office copy" in said
    assert dialog.state_form.isVisible() and not dialog.setup_panel.isVisible()
    assert dialog.state_labels["name"].text() == "Head office"
    assert dialog.state_labels["last_sent"].text() == "never"
    assert dialog.send_button.isEnabled() and dialog.receive_button.isEnabled()
    assert sync.copy_state(window.context.db)["name"] == "Head office"


def test_send_writes_a_file_then_says_when_nothing_changed(qtbot, window, tmp_path):
    db, admin = window.context.db, window.context.actor
    sync.start_exchange(db, admin, "Office")
    steel = scalar(db, "SELECT id FROM exhibitors WHERE company_name = ?", [STEEL])
    exhibitors.update_exhibitor(db, admin, steel, {"phone": "0633-1111111"})
    dialog = opened(qtbot, window, tmp_path)
    said = run(qtbot, dialog, dialog.send_button)
    [written] = list(tmp_path.glob("*.expochanges"))
    assert "Changes sent: " in said and written.name in said
    assert dialog.state_labels["last_sent"].text() != "never"
    [row] = history_rows(dialog)
    assert row[1:4] == ["Sent", "Office", "1"] and row[-1] == written.name
    again = run(qtbot, dialog, dialog.send_button)
    assert again.startswith("Nothing to send")
    assert len(list(tmp_path.glob("*.expochanges"))) == 1


def test_receive_says_what_arrived_refreshes_the_window_and_offers_the_review(qtbot, window, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    venue, steel, _dm = venue_with_a_conflict(window, folder, tmp_path)
    (folder / "broken.expochanges").write_bytes(b"not a zip")
    announced = []
    window.context.data_changed.connect(announced.append)
    dialog = opened(qtbot, window, folder)
    assert dialog.review_button.text() == "Review conflicts (0)…"
    said = run(qtbot, dialog, dialog.receive_button)
    assert "Files applied: 1" in said
    assert "Conflicts waiting for review: 1" in said
    assert "Files refused: 1" in said and "broken.expochanges" in said and "not an Expo Desk changes file" in said
    assert dialog.review_button.text() == "Review conflicts (1)…"
    # the field changed only at the venue arrived; the disputed one waits
    assert scalar(window.context.db, "SELECT website FROM exhibitors WHERE id = ?", [steel]) == "steel.example"
    assert announced and announced[-1].touches("exhibitors") and announced[-1].touches("payments")
    assert history_rows(dialog)[0][1:4] == ["Received", "Venue laptop 1", "1"]
    assert dialog.state_labels["last_received"].text() != "never"
    again = run(qtbot, dialog, dialog.receive_button)
    assert "Files applied: 0" in again and "Already applied before (skipped): 1" in again
    venue.close()


def test_receive_without_a_folder_asks_for_one(qtbot, window, tmp_path):
    sync.start_exchange(window.context.db, window.context.actor, "Office")
    dialog = opened(qtbot, window)
    dialog.folder.edit.clear()
    dialog.receive_button.click()
    assert dialog.summary.text() == "Choose the exchange folder first."
    assert not dialog.running


def test_prepare_a_copy_for_a_venue_laptop(qtbot, window, tmp_path, on_modal):
    dialog = opened(qtbot, window, tmp_path)
    dest = tmp_path / "venue1"

    def fill(form):
        form.path_field.edit.setText(str(dest))
        form.name_edit.setText("Venue laptop 1")
        form.code_edit.setText("v1")
        form.accept()

    on_modal(fill)
    dialog.prepare_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=JOB_MS)
    said = dialog.summary.text()
    assert "Copy prepared: “Venue laptop 1”, code V1" in said and "venue1.sqlite" in said
    venue = open_database(tmp_path / "venue1.sqlite")
    state = sync.copy_state(venue)
    venue.close()
    assert (state["name"], state["code"], state["origin_name"]) == ("Venue laptop 1", "V1", "办公室 Office")
    assert dialog.state_form.isVisible()  # preparing a copy set this file up as the office's


def test_prepare_a_copy_form_names_what_is_missing(qtbot, window, on_modal):
    dialog = opened(qtbot, window)
    seen = {}

    def submit_empty(form):
        form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        seen["errors"] = form.errors.text()
        form.reject()

    on_modal(submit_empty)
    dialog.prepare_button.click()
    assert "Save as:" in seen["errors"] and "Name of the copy:" in seen["errors"]
    assert not dialog.running


def test_an_account_manager_exchanges_but_does_not_prepare_copies(qtbot, window, tmp_path):
    db, admin = window.context.db, window.context.actor
    uid = users.create_user(db, admin, "am1", "王经理", Role.ACCOUNT_MANAGER).inserted["users"][0]
    window.context.set_actor(Actor(uid, "王经理", Role.ACCOUNT_MANAGER))
    dialog = opened(qtbot, window, tmp_path)
    assert not dialog.setup_button.isEnabled()
    assert "department manager or an administrator" in dialog.setup_notice.text()
    sync.start_exchange(db, admin, "Office")
    dialog.refresh()
    assert dialog.send_button.isEnabled() and dialog.receive_button.isEnabled()
    assert not dialog.prepare_button.isEnabled()


def test_a_copy_that_lost_its_base_offers_a_new_one_after_a_warning(qtbot, window, tmp_path, on_modal):
    db, admin = window.context.db, window.context.actor
    sync.start_exchange(db, admin, "Office")
    sync.base_file(window.context.db_path).unlink()  # as after a restore from a backup
    dialog = opened(qtbot, window, tmp_path)
    assert dialog.rebase_button.isVisible() and dialog.rebase_button.isEnabled()
    said = run(qtbot, dialog, dialog.send_button)
    assert "take a new base" in said
    on_modal(lambda box: box.button(box.StandardButton.Yes).click())
    said = run(qtbot, dialog, dialog.rebase_button)
    assert "New base taken" in said and not dialog.rebase_button.isVisible()
    assert "Nothing to send" in run(qtbot, dialog, dialog.send_button)
