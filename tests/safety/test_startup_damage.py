"""A flipped byte in a page: found at startup after an unclean shutdown (or by the full check),
the file moved aside as ``.damaged``, the newest good backup offered and restorable."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from expo_desk.services import backups
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.shows import new_show_file
from expo_desk.store import safety
from expo_desk.store.db import inspect_file, open_database
from expo_desk.store.safety import DatabaseDamaged

N = 120


def make_file(path: Path, actor, n: int = N) -> str:
    db, show = new_show_file(path, actor, "RZ2026", "2026日照国际博览会")
    for i in range(n):
        create_exhibitor(db, actor, show["id"], {"company_name": f"日照公司{i:04d}"})
    db.close()  # a clean close: the -wal is folded in, the lock removed
    assert not Path(f"{path}-wal").exists() and not safety.lock_path(path).exists()
    return show["id"]


def flip_cell_count(path: Path, table: str = "exhibitors") -> None:
    """Flip one bit of the cell count in the table's root page header: the file still opens."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 4)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0x01]))


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def leave_stale_lock(path: Path, pid: int | None = None) -> None:
    """What a crashed Expo Desk leaves: a lock naming a process that is gone."""
    safety.lock_path(path).write_text(json.dumps({
        "pid": pid or dead_pid(), "host": socket.gethostname(), "user": "crashed", "started": "2026-11-26T09:00:00"}))


def damaged_files(folder: Path, stem: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"{stem}.damaged-") and p.suffix == ".sqlite")


def test_a_clean_open_does_not_run_the_full_check(tmp_path, actor):
    path = tmp_path / "show.sqlite"
    make_file(path, actor)
    flip_cell_count(path)
    db = open_database(path, create=False)  # nothing says it crashed: no full check, no move
    try:
        assert db.unclean_shutdown is False
    finally:
        db.close()
    assert path.exists()


def test_after_an_unclean_shutdown_a_flipped_byte_is_found_and_the_file_moved_aside(tmp_path, actor):
    path = tmp_path / "show.sqlite"
    make_file(path, actor)
    flip_cell_count(path)
    before = path.read_bytes()
    leave_stale_lock(path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(path, create=False, backup_dir=tmp_path / "backups")
    damage = caught.value
    assert "damaged" in str(damage) and "已损坏" in str(damage) and "backup" in str(damage)
    assert damage.problems and damage.moved_to is not None
    assert not path.exists()
    [moved] = damaged_files(tmp_path, "show")
    assert moved == damage.moved_to and moved.read_bytes() == before  # kept as it was, for a specialist
    assert not safety.lock_path(path).exists()  # the lock was taken over, then given back
    assert not (tmp_path / "backups").exists()  # a damaged file is not "backed up" over good backups


def test_the_full_check_finds_it_without_a_crash(tmp_path, actor):
    path = tmp_path / "show.sqlite"
    make_file(path, actor)
    flip_cell_count(path)
    assert not inspect_file(path).ok  # the read-only check (`expo-desk check`) reports it too
    with pytest.raises(DatabaseDamaged):
        open_database(path, create=False, full_check=True)
    assert not path.exists() and len(damaged_files(tmp_path, "show")) == 1


def test_a_page_sqlite_calls_malformed_is_damage_too(tmp_path, actor):
    path = tmp_path / "show.sqlite"
    make_file(path, actor)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_exhibitors_1'").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:  # the page type byte of an index root page
        handle.seek((root - 1) * page_size)
        handle.write(b"\x07")
    leave_stale_lock(path)
    with pytest.raises(DatabaseDamaged, match="malformed"):
        open_database(path, create=False)
    assert not path.exists() and len(damaged_files(tmp_path, "show")) == 1


def test_a_sound_file_after_a_crash_opens_after_the_full_check(tmp_path, actor):
    path = tmp_path / "show.sqlite"
    make_file(path, actor)
    leave_stale_lock(path)
    db = open_database(path, create=False)
    try:
        assert db.unclean_shutdown is True
        assert db.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == N
        assert safety.read_lock(safety.lock_path(path)).pid == os.getpid()  # the lock is ours now
    finally:
        db.close()
    assert not safety.lock_path(path).exists()


def test_the_newest_good_backup_is_offered_and_restores_the_file(tmp_path, actor):
    path = tmp_path / "show.sqlite"
    folder = tmp_path / "backups"
    make_file(path, actor)
    db = open_database(path, create=False)
    try:
        good = backups.automatic_backup(db, folder, "show")
    finally:
        db.close()
    broken = folder / "show-29991231-235959-000000-auto.sqlite"  # newest by name, but damaged
    broken.write_bytes(good.read_bytes())
    flip_cell_count(broken)
    flip_cell_count(path)
    leave_stale_lock(path)
    with pytest.raises(DatabaseDamaged):
        open_database(path, create=False)

    offered = backups.newest_good_backup(folder, "show")
    assert offered is not None and offered.path == good
    result = backups.restore_backup(actor, offered.path, path, folder)
    assert result.replaced_kept_as is None  # the damaged file was already moved aside
    db = open_database(path, create=False, full_check=True)
    try:
        assert db.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == N
    finally:
        db.close()


def test_a_killed_expo_desk_leaves_a_lock_and_the_next_open_checks_the_file(tmp_path, actor):
    path = tmp_path / "show.sqlite"
    make_file(path, actor)
    code = ("import sys; from expo_desk.store.db import open_database; "
            "db = open_database(sys.argv[1], create=False); print('READY', flush=True); sys.stdin.readline()")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "READY"
        child.kill()
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert safety.read_lock(safety.lock_path(path)).pid == child.pid  # left behind by the kill
    db = open_database(path, create=False)
    try:
        assert db.unclean_shutdown is True
    finally:
        db.close()
