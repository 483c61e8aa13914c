"""Restore: only a sound Expo Desk backup this version can open; the replaced file kept aside."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from expo_desk.cli import main
from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.errors import NotAnExpoDeskFile, PermissionDenied, UserError
from expo_desk.services import backups
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.shows import new_show_file
from expo_desk.store import safety
from expo_desk.store.db import open_database
from expo_desk.store.migrations import SCHEMA_VERSION
from expo_desk.store.safety import FileInUse


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT company_name FROM exhibitors ORDER BY company_name")]
    finally:
        conn.close()


@pytest.fixture
def office(tmp_path, actor):
    """A show file with one exhibitor, a backup of it, then a second exhibitor added."""
    path = tmp_path / "office.sqlite"
    folder = tmp_path / "backups"
    db, show = new_show_file(path, actor, "RZ2026", "2026日照国际博览会")
    create_exhibitor(db, actor, show["id"], {"company_name": "日照钢铁"})
    backup = backups.automatic_backup(db, folder, "office")
    create_exhibitor(db, actor, show["id"], {"company_name": "黄海渔业"})
    db.close()
    return path, folder, backup


def aside_files(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.glob(f"{path.stem}.replaced-*.sqlite"))


def test_restore_puts_the_backup_in_place_and_keeps_the_replaced_file_aside(office, actor):
    path, folder, backup = office
    before = names(path)
    result = backups.restore_backup(actor, backup, path, folder)
    assert names(path) == ["日照钢铁"]
    [aside] = aside_files(path)
    assert result.replaced_kept_as == aside and names(aside) == before  # nothing lost
    assert aside.name.startswith("office.replaced-") and len(aside.stem.split("-")) == 3  # NAME.replaced-DATE-TIME
    assert result.safety_copy is not None and "before-restore" in result.safety_copy.name
    assert names(result.safety_copy) == before
    assert not safety.lock_path(path).exists()
    assert not list(path.parent.glob("*.restoring*"))
    db = open_database(path, create=False, full_check=True)  # a normal file again
    db.close()


@pytest.mark.parametrize("how", ["damaged", "not-sqlite", "another-program", "too-new"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(office, actor, tmp_path, how):
    path, folder, good = office
    bad = tmp_path / f"bad-{how}.sqlite"
    if how == "damaged":
        bad.write_bytes(good.read_bytes())
        conn = sqlite3.connect(bad)
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'exhibitors'").fetchone()[0]
        conn.close()
        data = bytearray(bad.read_bytes())
        data[(root - 1) * page_size + 4] ^= 0x01  # the cell count of the table's root page
        bad.write_bytes(bytes(data))
        expected = "damaged"
    elif how == "not-sqlite":
        bad.write_text("公司名称,电话\n日照钢铁,0633\n", encoding="utf-8")
        expected = "not an Expo Desk"
    elif how == "another-program":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
        expected = "another program"
    else:
        bad.write_bytes(good.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.commit()
        conn.close()
        expected = "newer Expo Desk"
    before = digest(path)
    with pytest.raises(UserError, match=expected) as caught:
        backups.restore_backup(actor, bad, path, folder)
    assert "nothing was restored" in str(caught.value) or isinstance(caught.value, NotAnExpoDeskFile)
    assert digest(path) == before and aside_files(path) == []
    assert not [b for b in backups.list_backups(folder, "office") if b.reason == "before-restore"]


def test_restore_is_refused_while_the_file_is_open(office, actor):
    path, folder, backup = office
    db = open_database(path, create=False)
    try:
        before = names(path)
        with pytest.raises(UserError, match="still open"):
            backups.restore_backup(actor, backup, path, folder)
        assert names(path) == before
    finally:
        db.close()


def test_restore_is_refused_while_another_expo_desk_has_the_file(office, actor):
    path, folder, backup = office
    safety.lock_path(path).write_text('{"pid": 1, "host": "front-desk-pc", "user": "李娜", "started": "09:00"}')
    with pytest.raises(FileInUse, match="front-desk-pc"):
        backups.restore_backup(actor, backup, path, folder)
    assert aside_files(path) == []


def test_only_those_allowed_may_restore(office):
    path, folder, backup = office
    clerk = Actor(user_id="u1", name="王伟", role=Role.ACCOUNT_MANAGER)
    with pytest.raises(PermissionDenied, match="restore backups"):
        backups.restore_backup(clerk, backup, path, folder)
    assert aside_files(path) == []


def test_restore_into_a_missing_file_writes_it(office, actor):
    path, folder, backup = office
    path.unlink()
    result = backups.restore_backup(actor, backup, path, folder)
    assert result.replaced_kept_as is None and result.safety_copy is None
    assert names(path) == ["日照钢铁"]


def test_a_file_cannot_be_restored_from_itself(office, actor):
    path, folder, _ = office
    with pytest.raises(UserError, match="from itself"):
        backups.restore_backup(actor, path, path, folder)


def test_an_older_schema_backup_is_restored_and_upgraded_on_open(tmp_path, actor):
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite"
    path = tmp_path / "office.sqlite"
    db, _ = new_show_file(path, actor, "RZ2026", "展")
    db.close()
    backups.restore_backup(actor, fixture, path, tmp_path / "backups")
    db = open_database(path, create=False, backup_dir=tmp_path / "backups")
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        db.close()


# ---------------------------------------------------------------- the command line


def test_cli_backups_lists_them_newest_first(office, capsys):
    path, folder, backup = office
    assert main(["backup", str(path), str(folder) + "/"]) == 0
    capsys.readouterr()
    assert main(["backups", "--db", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "manual" in out[0] and "auto" in out[1] and str(backup) in out[1]
    assert "KB" in out[0] and "2 backup(s)" in out[-1]


def test_cli_backups_with_none(tmp_path, capsys):
    assert main(["backups", "--db", str(tmp_path / "x.sqlite")]) == 0
    assert "no backups" in capsys.readouterr().out


def test_cli_restore(office, capsys):
    path, folder, backup = office
    assert main(["restore", str(backup), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "kept as" in out and "replaced-" in out
    assert names(path) == ["日照钢铁"]


def test_cli_restore_refuses_a_bad_backup_with_exit_2(office, tmp_path, capsys):
    path, _, _ = office
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    before = digest(path)
    assert main(["restore", str(bad), "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "not an Expo Desk" in err
    assert digest(path) == before


def test_cli_restore_of_a_guarded_file_needs_an_administrator(office, capsys, monkeypatch):
    from expo_desk.domain.actors import local_actor
    from expo_desk.domain.enums import Role
    from expo_desk.services import users as user_service
    from expo_desk.store.db import open_database

    path, _, backup = office
    db = open_database(path)
    user_service.create_user(db, local_actor(), "admin", "管理员", Role.ADMINISTRATOR, "admin-pass-1")
    user_service.create_user(db, local_actor(), "dm", "部门经理", Role.DEPARTMENT_MANAGER, "manage-it-1")
    user_service.set_sign_in_required(db, local_actor(), True)
    db.close()
    before = digest(path)
    monkeypatch.setenv("EXPO_DESK_PASSWORD", "manage-it-1")
    assert main(["restore", str(backup), "--db", str(path), "--user", "dm"]) == 2
    assert "may not restore backups" in capsys.readouterr().err
    assert digest(path) == before
    monkeypatch.setenv("EXPO_DESK_PASSWORD", "admin-pass-1")
    assert main(["restore", str(backup), "--db", str(path), "--user", "admin"]) == 0
