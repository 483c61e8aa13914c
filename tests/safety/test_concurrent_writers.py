"""Two writers on one file: no lost rows, no "database is locked" escaping.

Every write transaction starts with ``BEGIN IMMEDIATE`` (store/transactions.py), so a
second writer waits on ``busy_timeout`` instead of failing; these tests hold the product
to that with real processes on a real file. Where ``open_database`` keeps a second
Expo Desk out with a lock file, the writers here open without it (``--no-lock``, as a
tool or a lock deleted by hand would): SQLite's own locking must still keep them safe.
Two connections of one process (the window and its worker thread) share that lock and
write concurrently for real.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from writer_child import spawn

from expo_desk.domain.actors import local_actor
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.shows import create_show
from expo_desk.store.backup import integrity_problems
from expo_desk.store.db import open_database

N = 1000


def _new_show_file(path) -> str:
    db = open_database(path)
    try:
        return create_show(db, local_actor("setup"), "RZ2026", "2026日照国际博览会")["id"]
    finally:
        db.close()


def _start_together(children) -> None:
    for child in children:
        child.wait_line(lambda line: line == "READY")
    for child in children:
        child.send("go")


@pytest.mark.slow
def test_two_processes_insert_concurrently_and_every_row_arrives(tmp_path):
    path = tmp_path / "show.sqlite"
    show_id = _new_show_file(path)
    started = time.monotonic()
    children = [spawn("insert", path, show_id, prefix, N, "--wait", "--acks", "--halfway", "--no-lock", stdin=True)
                for prefix in ("P1", "P2")]
    _start_together(children)
    # each pauses halfway until both are there, so each one's second half comes after the other's
    # first: their rows interleave however the processes are scheduled
    for child in children:
        child.wait_line(lambda line: line == "HALF")
    for child in children:
        child.send("on")
    codes = [child.finish() for child in children]
    elapsed = time.monotonic() - started
    for child in children:
        assert "locked" not in child.stderr and "Traceback" not in child.stderr, child.stderr
    assert codes == [0, 0], [child.stderr for child in children]
    assert [child.lines[-1] for child in children] == [f"DONE {N}", f"DONE {N}"]


    db = open_database(path, create=False)
    try:
        assert integrity_problems(db.conn) == []
        names = [r[0] for r in db.execute("SELECT company_name FROM exhibitors ORDER BY company_name")]
        assert len(names) == 2 * N
        assert names == sorted(f"{p}-{n:05d}" for p in ("P1", "P2") for n in range(1, N + 1))
        assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 2 * N
        per_writer = dict(db.execute(
            "SELECT user_name, count(*) FROM audit_log WHERE table_name = 'exhibitors' GROUP BY user_name").fetchall())
        assert per_writer == {"P1": N, "P2": N}
        # The two really wrote at the same time: the rowids of their rows interleave.
        spans = {p: db.execute("SELECT min(rowid), max(rowid) FROM exhibitors WHERE notes = ?", [p]).fetchone()
                 for p in ("P1", "P2")}
    finally:
        db.close()
    overlap = min(spans["P1"][1], spans["P2"][1]) - max(spans["P1"][0], spans["P2"][0])
    print(f"\nconcurrent writers: 2 processes x {N} exhibitors = {2 * N} rows, 0 lost, "
          f"0 'database is locked'; rowid spans {spans} overlap {overlap}; {elapsed:.1f} s")
    assert overlap > 0, f"the writers did not overlap: {spans}"


@pytest.mark.slow
def test_a_second_expo_desk_either_writes_everything_or_is_refused_before_writing(tmp_path):
    """With the product's default open: no half result whichever way the lock goes."""
    path = tmp_path / "show.sqlite"
    show_id = _new_show_file(path)
    n = 150
    children = [spawn("insert", path, show_id, prefix, n, "--wait", "--acks", stdin=True) for prefix in ("Q1", "Q2")]
    _start_together(children)
    codes = [child.finish() for child in children]
    for child, code in zip(children, codes):
        assert "Traceback" not in child.stderr, child.stderr
        assert code in (0, 4), child.stderr
        if code == 4:  # refused: a message for a person, and before the first write
            assert "USER-ERROR at open" in child.stderr, child.stderr
    assert 0 in codes
    db = open_database(path, create=False)
    try:
        assert integrity_problems(db.conn) == []
        written = dict(db.execute("SELECT notes, count(*) FROM exhibitors GROUP BY notes").fetchall())
    finally:
        db.close()
    assert written == {prefix: n for prefix, code in zip(("Q1", "Q2"), codes) if code == 0}
    print(f"\ntwo Expo Desks, default open: exit codes {codes}, rows {written}")


def test_two_threads_of_one_process_write_concurrently(tmp_path, actor):
    """The window and its worker thread: two connections, one lock, both writing."""
    path = tmp_path / "show.sqlite"
    show_id = _new_show_file(path)
    n = 150
    errors: list[BaseException] = []
    go = threading.Barrier(2)

    def write(prefix: str) -> None:
        try:
            db = open_database(path, create=False)
            try:
                go.wait(timeout=10)
                for number in range(1, n + 1):
                    create_exhibitor(db, actor, show_id, {"company_name": f"{prefix}-{number:05d}"},
                                     [{"name": f"联系人 {number}"}])
            finally:
                db.close()
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(p,)) for p in ("T1", "T2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    db = open_database(path, create=False)
    try:
        assert integrity_problems(db.conn) == []
        assert db.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == 2 * n
        assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 2 * n
    finally:
        db.close()


@pytest.mark.slow
def test_a_writer_waits_for_a_long_transaction_of_another_process(tmp_path):
    """One process holds the write lock for a while (an import, a migration); the other waits."""
    path = tmp_path / "show.sqlite"
    show_id = _new_show_file(path)
    holder = sqlite3.connect(path, isolation_level=None, timeout=5)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE shows SET venue = 'held' WHERE id = ?", [show_id])
    child = spawn("insert", path, show_id, "W", 50, "--acks")
    child.wait_line(lambda line: line == "READY")
    time.sleep(1.5)  # well inside busy_timeout: the child must be waiting, not failing
    assert child.proc.poll() is None, child.stderr
    assert not any(line.startswith("A ") for line in child.lines)
    holder.execute("COMMIT")
    holder.close()
    assert child.finish() == 0, child.stderr
    db = open_database(path, create=False)
    try:
        assert db.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == 50
        assert db.execute("SELECT venue FROM shows").fetchone()[0] == "held"
    finally:
        db.close()


@pytest.mark.slow
def test_a_lock_held_past_busy_timeout_is_a_clear_user_error_and_nothing_is_written(tmp_path):
    path = tmp_path / "show.sqlite"
    show_id = _new_show_file(path)
    holder = sqlite3.connect(path, isolation_level=None, timeout=5)
    holder.execute("BEGIN IMMEDIATE")
    try:
        child = spawn("insert", path, show_id, "W", 5, "--acks")
        rc = child.finish(timeout=30)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert rc == 4, child.stderr  # the writer's UserError, not a traceback
    assert "USER-ERROR after 0" in child.stderr and "the file is busy in another program" in child.stderr
    assert "Traceback" not in child.stderr
    db = open_database(path, create=False)
    try:
        assert db.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == 0
    finally:
        db.close()
