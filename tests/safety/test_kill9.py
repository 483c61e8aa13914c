"""kill -9 at random points of a long write loop: no acknowledged commit is ever lost.

A child process writes exhibitors through the services (creates with two contacts each,
batches of ten in one transaction, updates, deletes, WAL checkpoints) and prints a line
after every commit. The parent kills it with SIGKILL at a seeded-random moment, reopens
the file with the product's own ``open_database`` and checks it: integrity_check and
foreign_key_check clean, every acknowledged write there, and of the one write that was in
flight either all or nothing. The same file is killed again and again while it grows.

Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import csv
import random
import time
from collections import Counter
from pathlib import Path

import pytest
from writer_child import spawn

from expo_desk.domain.actors import local_actor
from expo_desk.errors import UserError
from expo_desk.services.shows import create_show
from expo_desk.store.backup import integrity_problems
from expo_desk.store.db import open_database

KILLS = 60
SEED = 20260918
STRATEGIES = ("delay", "write", "batch", "delay", "ckpt", "write", "startup", "delay")


def _new_show_file(path: Path) -> str:
    db = open_database(path)
    try:
        return create_show(db, local_actor("setup"), "RZ2026", "2026日照国际博览会")["id"]
    finally:
        db.close()


def _reopen(path: Path):
    """Open the file as the program would after a crash (a stale lock is taken over).

    A kill in the microseconds between creating the lock file and writing it leaves an
    empty lock, which the program honours for a few seconds (its owner may still be
    writing it); then it is taken over.
    """
    lock = Path(f"{path}.lock")
    try:
        return open_database(path, create=False)
    except UserError:
        if not (lock.exists() and lock.stat().st_size == 0):
            raise
    time.sleep(11)
    return open_database(path, create=False)


def _apply(state: dict[str, str], op: list[str]) -> dict[str, str]:
    """The exhibitors (name -> notes) after one write of the child's protocol."""
    state = dict(state)
    kind, args = op[0], op[1:]
    if kind == "create":
        state[args[0]] = "new"
    elif kind == "batch":
        state.update({name: "new" for name in args})
    elif kind == "update":
        state[args[0]] = args[1]
    elif kind == "delete":
        state.pop(args[0], None)
    return state  # "ckpt" changes no row


def _parse(lines: list[str]) -> tuple[list[list[str]], list[str] | None]:
    """Acknowledged writes in order, and the one announced but not acknowledged (if any)."""
    acked: list[list[str]] = []
    pending: list[str] | None = None
    for line in lines:
        if line.startswith("B "):
            assert pending is None, f"two writes in flight at once: {pending} then {line}"
            pending = line.split()[1:]
        elif line == "A":
            assert pending is not None, "an acknowledgement without a write"
            acked.append(pending)
            pending = None
    return acked, pending


def _file_state(db, show_id: str) -> dict[str, str]:
    return {name: notes for name, notes in db.execute(
        "SELECT company_name, notes FROM exhibitors WHERE show_id = ? AND company_name LIKE 'K%'", [show_id])}


def _half_written(db) -> list[str]:
    """Exhibitors without both their contacts or without their audit entry."""
    rows = db.execute("""
        SELECT e.company_name FROM exhibitors e
        WHERE (SELECT count(*) FROM contacts c WHERE c.exhibitor_id = e.id) <> 2
           OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.table_name = 'exhibitors'
                          AND a.row_id = e.id AND a.action = 'insert')
    """).fetchall()
    orphans = db.execute("""
        SELECT c.name FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM exhibitors e WHERE e.id = c.exhibitor_id)
    """).fetchall()
    return [r[0] for r in rows] + [f"orphan contact {r[0]}" for r in orphans]


def _kill_at_random(child, rng: random.Random, strategy: str) -> None:
    if strategy == "startup":  # while Python starts, opens the file, sets WAL, reads
        time.sleep(rng.uniform(0.0, 0.35))
        child.kill9()
        return
    child.wait_line(lambda line: line == "READY")
    if strategy == "delay":
        time.sleep(rng.uniform(0.0, 0.6))
    elif strategy == "write":  # just after the n-th write began: inside a transaction
        count = rng.randint(1, 60)
        for _ in range(count):
            child.wait_line(lambda line: line.startswith("B "))
        time.sleep(rng.uniform(0.0, 0.004))
    elif strategy == "batch":  # inside the ten-row transaction, at a savepoint or at the commit
        child.wait_line(lambda line: line.startswith("B batch"))
        time.sleep(rng.uniform(0.0, 0.03))
    elif strategy == "ckpt":  # during a WAL checkpoint (TRUNCATE)
        child.wait_line(lambda line: line == "B ckpt", timeout=30)
        time.sleep(rng.uniform(0.0, 0.003))
    child.kill9()


@pytest.mark.slow
def test_kill9_at_random_points_loses_no_acknowledged_commit(tmp_path):
    path = tmp_path / "show.sqlite"
    show_id = _new_show_file(path)
    rng = random.Random(SEED)
    expected: dict[str, str] = {}
    acknowledged = in_flight_landed = in_flight_rolled_back = 0
    kinds_in_flight: Counter[str] = Counter()
    lost: list[str] = []
    failures: list[str] = []
    started = time.monotonic()

    for kill in range(KILLS):
        strategy = STRATEGIES[kill % len(STRATEGIES)]
        child = spawn("loop", path, show_id, kill, rng.randrange(2**31))
        _kill_at_random(child, rng, strategy)
        assert child.returncode == -9, f"kill {kill}: the child ended on its own: {child.stderr}"
        acked, pending = _parse(child.lines)
        acknowledged += len(acked)
        for op in acked:
            expected = _apply(expected, op)

        db = _reopen(path)
        try:
            problems = integrity_problems(db.conn)
            actual = _file_state(db, show_id)
            half = _half_written(db)
        finally:
            db.close()
        if problems:
            failures.append(f"kill {kill} ({strategy}): integrity: {problems[:5]}")
        if half:
            failures.append(f"kill {kill} ({strategy}): half-written exhibitors: {half[:5]}")
        missing = [name for name, notes in expected.items()
                   if name not in actual and not (pending and pending[0] == "delete" and pending[1] == name)]
        lost += missing
        if actual == expected:
            if pending:
                in_flight_rolled_back += pending[0] != "ckpt"
        elif pending and actual == _apply(expected, pending):
            in_flight_landed += 1
        else:
            extra = sorted(set(actual) - set(expected))[:5]
            changed = sorted(n for n in set(actual) & set(expected) if actual[n] != expected[n])[:5]
            failures.append(f"kill {kill} ({strategy}): file differs from the acknowledged writes "
                            f"(in flight: {pending}); missing {missing[:5]}, extra {extra}, changed {changed}")
        if pending:
            kinds_in_flight[pending[0]] += 1
        expected = actual  # the in-flight write, committed or not, is what the next child sees

    elapsed = time.monotonic() - started
    size = path.stat().st_size
    print(f"\nkill -9: {KILLS} kills survived, {acknowledged} acknowledged commits, rows lost {len(lost)}, "
          f"{len(expected)} exhibitors in the file ({size / 1e6:.1f} MB), "
          f"kills inside a write {sum(kinds_in_flight.values())} {dict(kinds_in_flight)}, "
          f"in-flight writes that landed {in_flight_landed} / rolled back {in_flight_rolled_back}, {elapsed:.1f} s")
    assert not lost, f"acknowledged rows lost: {lost[:10]}"
    assert not failures, "\n".join(failures)
    assert acknowledged > KILLS * 5  # the children really wrote between kills
    assert sum(kinds_in_flight.values()) >= KILLS // 2  # most kills landed inside a write


def _import_csv(path: Path, rows: int) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["公司名称", "联系人", "电话", "邮箱", "期望值"])
        for n in range(1, rows + 1):
            writer.writerow([f"导入公司 {n:05d}", f"联系人 {n}", "0633-8888888", f"c{n}@example.com", "1.5万"])
    return path


@pytest.mark.slow
def test_kill9_during_a_big_import_leaves_all_or_nothing(tmp_path):
    path = tmp_path / "show.sqlite"
    show_id = _new_show_file(path)
    rows = 1500
    src = _import_csv(tmp_path / "exhibitors.csv", rows)
    rng = random.Random(SEED + 1)
    kills = 0
    for _ in range(3):
        child = spawn("import", path, show_id, src)
        # total = 2 x rows: the first half checks, the second half writes inside one transaction
        target = rng.randint(rows + 200, 2 * rows - 200)
        child.wait_line(lambda line, t=target: line.startswith("P ") and int(line.split()[1]) >= t)
        time.sleep(rng.uniform(0.0, 0.05))
        child.kill9()
        assert child.returncode == -9, child.stderr
        assert not any(line.startswith("DONE") for line in child.lines)
        kills += 1
        db = open_database(path, create=False)
        try:
            assert integrity_problems(db.conn) == []
            assert db.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == 0
            assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
            assert db.execute("SELECT count(*) FROM audit_log WHERE table_name <> 'shows'").fetchone()[0] == 0
        finally:
            db.close()

    child = spawn("import", path, show_id, src)
    assert child.finish() == 0, child.stderr
    assert child.lines[-1] == f"DONE {rows} 0"
    db = open_database(path, create=False)
    try:
        assert integrity_problems(db.conn) == []
        assert db.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == rows
        assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == rows
    finally:
        db.close()
    print(f"\nkill -9 during a {rows}-row import: {kills} kills, 0 rows written by a killed import, "
          f"then {rows} rows by the full run")
