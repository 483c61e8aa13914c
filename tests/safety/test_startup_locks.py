"""One Expo Desk per file: a second one (another process) is refused with a clear message, a
stale lock from a dead process on this host is taken over, connections of one process share it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from expo_desk.errors import UserError
from expo_desk.services.shows import new_show_file
from expo_desk.store import db as store_db
from expo_desk.store import safety
from expo_desk.store.db import open_database
from expo_desk.store.safety import FileInUse

REPO = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from expo_desk.errors import UserError
from expo_desk.store.db import open_database
try:
    db = open_database(sys.argv[1], create=False)
except UserError as exc:
    print("REFUSED", exc, flush=True)
    sys.exit(4)
print("READY", flush=True)
sys.stdin.readline()
db.close()
print("CLOSED", flush=True)
"""


class Holder:
    """Another Expo Desk process holding the file open until told to close it."""

    def __init__(self, path: Path):
        env = {**os.environ, "PYTHONPATH": str(REPO), "EXPO_DESK_TESTING": "1"}
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=env)
        self.first = self.proc.stdout.readline().strip()

    def close(self) -> str:
        if self.proc.poll() is None:
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
        out = self.proc.stdout.read()
        self.proc.wait(timeout=20)
        return out

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=20)


@pytest.fixture
def show_path(tmp_path, actor):
    path = tmp_path / "show.sqlite"
    db, _ = new_show_file(path, actor, "RZ2026", "2026日照国际博览会")
    db.close()
    return path


def write_lock(path: Path, **fields) -> None:
    record = {"pid": 999_999, "host": socket.gethostname(), "user": "someone", "started": "2026-11-26T09:00:00+08:00"}
    record.update(fields)
    safety.lock_path(path).write_text(json.dumps(record))


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_open_writes_a_lock_naming_this_process_and_close_removes_it(show_path):
    db = open_database(show_path, create=False)
    try:
        holder = safety.read_lock(safety.lock_path(show_path))
        assert holder.pid == os.getpid() and holder.host == socket.gethostname() and holder.started
    finally:
        db.close()
    assert not safety.lock_path(show_path).exists()
    db.close()  # closing twice is harmless


def test_a_second_expo_desk_process_is_refused_with_a_clear_message(show_path):
    other = Holder(show_path)
    try:
        assert other.first == "READY"
        with pytest.raises(FileInUse) as caught:
            open_database(show_path, create=False)
        message = str(caught.value)
        assert str(show_path) in message and str(other.proc.pid) in message
        assert "already open in another Expo Desk" in message and "已在另一个 Expo Desk" in message
        assert not caught.value.other_host
        assert other.close().strip() == "CLOSED"
    finally:
        other.kill()
    open_database(show_path, create=False).close()  # free again once the other one closed it


def test_this_process_refuses_the_other_way_round(show_path):
    db = open_database(show_path, create=False)
    try:
        other = Holder(show_path)
        try:
            assert other.first.startswith("REFUSED") and "already open" in other.first
            assert other.proc.wait(timeout=20) == 4
        finally:
            other.kill()
    finally:
        db.close()


def test_a_lock_left_by_a_killed_process_is_taken_over(show_path):
    other = Holder(show_path)
    assert other.first == "READY"
    other.kill()
    assert safety.read_lock(safety.lock_path(show_path)).pid == other.proc.pid
    db = open_database(show_path, create=False)
    try:
        assert db.unclean_shutdown
        assert safety.read_lock(safety.lock_path(show_path)).pid == os.getpid()
    finally:
        db.close()


def test_a_stale_lock_with_a_reused_pid_is_taken_over(show_path):
    # The pid is alive (our own) but the lock is not ours: a previous run whose pid came round again.
    write_lock(show_path, pid=os.getpid())
    db = open_database(show_path, create=False)
    try:
        assert db.unclean_shutdown
    finally:
        db.close()


def test_a_live_process_with_another_start_time_is_not_the_owner(show_path):
    if not Path("/proc/self/stat").exists():
        pytest.skip("process start times are read from /proc (Linux)")
    write_lock(show_path, pid=1, ticks="1")  # pid 1 lives, but did not start at tick 1
    open_database(show_path, create=False).close()


def test_a_lock_from_another_computer_is_respected_and_names_it(show_path):
    write_lock(show_path, host="office-pc-7", user="王伟")
    with pytest.raises(FileInUse) as caught:
        open_database(show_path, create=False)
    message = str(caught.value)
    assert "office-pc-7" in message and "王伟" in message and str(safety.lock_path(show_path)) in message
    assert caught.value.other_host
    safety.break_lock(show_path)  # what the window does when the person says it is not running there
    open_database(show_path, create=False).close()


def test_an_empty_lock_is_young_then_stale(show_path, monkeypatch):
    lock = safety.lock_path(show_path)
    lock.write_text("")
    with pytest.raises(FileInUse, match="being opened"):
        open_database(show_path, create=False)
    old = time.time() - 3600
    os.utime(lock, (old, old))
    db = open_database(show_path, create=False)
    try:
        assert db.unclean_shutdown
    finally:
        db.close()


def test_connections_of_one_process_share_the_lock(show_path):
    first = open_database(show_path, create=False)
    second = open_database(show_path, create=False)  # the window and its worker thread
    assert safety.holds(show_path) == 2
    second.close()
    assert safety.lock_path(show_path).exists()
    first.close()
    assert not safety.lock_path(show_path).exists() and safety.holds(show_path) == 0


def test_a_refused_open_leaves_no_lock(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("展商名单\n")
    with pytest.raises(UserError):
        open_database(path)
    assert not safety.lock_path(path).exists() and safety.holds(path) == 0


def test_dead_and_live_processes_are_told_apart():
    assert safety.process_alive(os.getpid())
    assert not safety.process_alive(dead_pid())
    assert not safety.process_alive(0)


def test_a_read_only_folder_is_a_clear_error(show_path):
    folder = show_path.parent
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(UserError, match="folder is read-only"):
            open_database(show_path, create=False)
    finally:
        os.chmod(folder, 0o755)
    assert not safety.lock_path(show_path).exists()


def test_a_network_share_opens_with_a_warning_for_the_user(show_path, monkeypatch):
    monkeypatch.setattr(store_db, "is_network_path", lambda path: True)
    db = open_database(show_path, create=False)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        [warning] = db.warnings
        assert "network share" in warning and "网络共享" in warning and str(show_path) in warning
    finally:
        db.close()
