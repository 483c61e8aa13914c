"""Restore from the window, the damaged-file offer at startup, automatic backups, clear refusals."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from expo_desk.app import create_window
from expo_desk.paths import AppPaths
from expo_desk.services import backups
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.store import db as store_db
from expo_desk.store import safety
from expo_desk.ui.dialogs.restore_dialog import RestoreDialog

REPO = Path(__file__).resolve().parents[2]


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM exhibitors").fetchone()[0]
    finally:
        conn.close()


def flip_cell_count(path: Path) -> None:
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'exhibitors'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size + 4] ^= 0x01
    path.write_bytes(bytes(data))


def stale_lock(path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    safety.lock_path(path).write_text(json.dumps({"pid": proc.pid, "host": socket.gethostname(), "user": "x"}))


@pytest.fixture
def messages(monkeypatch):
    """Every QMessageBox critical/warning/information, captured instead of shown."""
    seen: list[tuple[str, str, str]] = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, title, text, *a, _k=kind, **kw: seen.append((_k, title, text)))
    return seen


def fake_backup(folder: Path, stem: str, days_ago: int, reason: str = "auto", size: int = 2048) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}-{(datetime.now(UTC) - timedelta(days=days_ago)):%Y%m%d-%H%M%S-%f}-{reason}.sqlite"
    path.write_bytes(b"\0" * size)
    return path


# ---------------------------------------------------------------- the dialog itself


def test_the_dialog_lists_date_size_and_kind_newest_first(qtbot, tmp_path):
    fake_backup(tmp_path, "show", 3, "manual", 1536)
    fake_backup(tmp_path, "show", 1, "auto", 3 * 1024 * 1024)
    older = fake_backup(tmp_path, "show", 10, "before-import")
    dialog = RestoreDialog(backups.list_backups(tmp_path, "show"), preselect=older)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 3
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(3)]
    assert rows[0][1] == "3.0 MB" and rows[0][2] == "automatic"
    assert rows[1][1] == "1.5 KB" and rows[1][2] == "by hand"
    assert rows[2][2] == "before an import"
    assert rows[0][0] > rows[1][0] > rows[2][0]  # YYYY-MM-DD HH:MM sorts as text
    assert dialog.chosen() == older  # preselected
    table.selectRow(0)
    assert dialog.chosen().name.endswith("-auto.sqlite")


def test_the_dialog_with_no_backups_can_still_take_another_file(qtbot, tmp_path, monkeypatch):
    other = tmp_path / "elsewhere.sqlite"
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and not dialog.empty.isHidden()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    dialog.other_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen() == other


# ---------------------------------------------------------------- restore from the File menu


def test_restore_from_the_file_menu(qtbot, window, on_modal, monkeypatch, messages, show_file, actor):
    ctx = window.context
    backup = window.backup_to(ctx.paths.backup_dir)
    create_exhibitor(ctx.db, actor, ctx.show["id"], {"company_name": "恢复后消失的公司"})
    assert count(show_file) == 6
    assert window.safety.restore_action.isEnabled()
    assert window.safety.restore_action in window.menuBar().actions()[0].menu().actions()
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *a: questions.append(text)
                        or QMessageBox.StandardButton.Yes)

    def choose(dialog):
        assert isinstance(dialog, RestoreDialog) and dialog.chosen() == backup
        dialog.accept()

    on_modal(choose)
    window.safety.restore_action.trigger()
    assert on_modal.calls and questions and backup.name in questions[0]
    assert messages == []
    assert ctx.db is not None and ctx.db_path == show_file
    assert window.exhibitors_page.model.rowCount() == 5  # the restored file is open again
    [aside] = list(show_file.parent.glob("rz2026.replaced-*.sqlite"))
    assert count(aside) == 6
    assert "replaced file is kept as" in window.statusBar().currentMessage()
    assert [b.reason for b in backups.list_backups(ctx.paths.backup_dir, "rz2026")].count("before-restore") == 1


def test_a_refused_restore_reopens_the_file_as_it_was(qtbot, window, on_modal, monkeypatch, messages, show_file):
    bad = fake_backup(window.context.paths.backup_dir, "rz2026", 1)  # zeros: not a database
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    on_modal(lambda dialog: dialog.accept())
    window.safety.restore_action.trigger()
    [(kind, title, text)] = messages
    assert (kind, title) == ("critical", "Restore failed")
    assert bad.name in text and "not an Expo Desk" in text and "nothing was restored" in text
    assert window.context.db is not None and window.exhibitors_page.model.rowCount() == 5
    assert not list(show_file.parent.glob("rz2026.replaced-*"))


# ---------------------------------------------------------------- startup


def test_a_damaged_file_at_startup_is_moved_aside_and_the_newest_good_backup_offered(
        qtbot, data_dir, show_file, on_modal, messages):
    paths = AppPaths(data_dir)
    good = backups.automatic_backup_of_file(show_file, paths.backup_dir)
    fake_backup(paths.backup_dir, "rz2026", -1)  # newer, but not a database: not the one offered
    flip_cell_count(show_file)
    stale_lock(show_file)  # the last session crashed
    offered = {}

    def restore(dialog):
        offered["text"] = dialog.message.text()
        offered["chosen"] = dialog.chosen()
        dialog.accept()

    on_modal(restore)
    win = create_window(paths, show_file)
    qtbot.addWidget(win)
    try:
        assert offered["chosen"] == good
        assert "damaged" in offered["text"] and "rz2026.damaged-" in offered["text"]
        assert len(list(data_dir.glob("rz2026.damaged-*.sqlite"))) == 1
        assert messages == []
        assert win.context.db_path == show_file and win.exhibitors_page.model.rowCount() == 5
    finally:
        win.context.close()


def test_a_damaged_file_without_backups_says_so(qtbot, data_dir, show_file, messages):
    flip_cell_count(show_file)
    stale_lock(show_file)
    win = create_window(AppPaths(data_dir), show_file)
    qtbot.addWidget(win)
    try:
        assert win.context.db is None
        [(kind, title, text)] = messages
        assert kind == "critical" and "damaged" in text and "No backup" in text
    finally:
        win.context.close()


def test_a_file_open_in_another_expo_desk_gets_a_clear_message(qtbot, data_dir, show_file, messages):
    code = ("import sys; from expo_desk.store.db import open_database; "
            "db = open_database(sys.argv[1], create=False); print('READY', flush=True); sys.stdin.readline()")
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXPO_DESK_TESTING": "1"}
    child = subprocess.Popen([sys.executable, "-c", code, str(show_file)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "READY"
        win = create_window(AppPaths(data_dir), show_file)
        qtbot.addWidget(win)
        try:
            assert win.context.db is None
            [(kind, title, text)] = messages
            assert kind == "critical" and "already open in another Expo Desk" in text and str(child.pid) in text
        finally:
            win.context.close()
    finally:
        child.stdin.close()
        child.wait(timeout=20)


def test_a_lock_from_another_computer_can_be_overridden_by_the_user(qtbot, data_dir, show_file, monkeypatch, messages):
    safety.lock_path(show_file).write_text(json.dumps({"pid": 5, "host": "venue-laptop", "user": "张敏"}))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    win = create_window(AppPaths(data_dir), show_file)
    qtbot.addWidget(win)
    try:
        assert asked and "venue-laptop" in asked[0]
        assert win.context.db is not None and messages == []
    finally:
        win.context.close()


def test_a_file_on_a_network_share_opens_with_a_warning(qtbot, data_dir, show_file, monkeypatch, messages):
    monkeypatch.setattr(store_db, "is_network_path", lambda path: True)
    win = create_window(AppPaths(data_dir), show_file)
    qtbot.addWidget(win)
    try:
        assert win.context.db is not None
        [(kind, title, text)] = messages
        assert kind == "warning" and "network share" in text
    finally:
        win.context.close()


# ---------------------------------------------------------------- automatic backups


def test_closing_the_window_backs_the_file_up(qtbot, window, show_file):
    folder = window.context.paths.backup_dir
    window.close()
    [made] = backups.list_backups(folder, "rz2026")
    assert made.reason == "auto" and count(made.path) == 5


def test_the_daily_backup_runs_in_the_background_when_due(qtbot, window):
    guard, folder = window.safety, window.context.paths.backup_dir
    assert guard.timer.isActive()
    guard.check_daily()
    qtbot.waitUntil(lambda: guard._job is None and bool(backups.list_backups(folder, "rz2026")), timeout=10_000)
    assert "Backed up" in window.statusBar().currentMessage()
    guard.check_daily()  # not due again the same day
    assert guard._job is None and len(backups.list_backups(folder, "rz2026")) == 1
