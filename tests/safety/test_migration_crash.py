"""Upgrades from every schema fixture, and a kill -9 in the middle of a migration.

Every ``tests/fixtures/schema_v*.sqlite`` is picked up, so a fixture added for a later
release is tested here without touching this file. For the kill, a copy of the fixture is
padded with many exhibitors and opened by a child process whose migrations are the real
ones plus one extra slow step (a loop of UPDATEs, as a later release might run); the
child announces each step and the parent kills it at a seeded-random moment inside one.
After the kill the file must be sound with its data whole, and reopening must migrate it
fully.
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from writer_child import SLOW_MIGRATION, spawn

from expo_desk.store.backup import integrity_problems
from expo_desk.store.db import open_database
from expo_desk.store.migrations import MIGRATIONS, SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA_FIXTURES = sorted(FIXTURES.glob("schema_v*.sqlite"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
PAD = 30_000
KILLS_PER_FIXTURE = 6
SEED = 20260920
DERIVED = {"search_text"}  # recomputed by a migration; every other column must come through unchanged


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name <> '_sqlite_migrations' ORDER BY name")]


def _snapshot(conn: sqlite3.Connection) -> dict[str, dict[object, dict]]:
    """Every row of every table, by rowid."""
    data = {}
    for table in _tables(conn):
        cursor = conn.execute(f"SELECT rowid AS _rowid, * FROM [{table}]")
        names = [c[0] for c in cursor.description]
        data[table] = {row[0]: dict(zip(names[1:], row[1:])) for row in cursor}
    return data


def _applied(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]


def _kept(before: dict, after: dict) -> list[str]:
    """What of ``before`` is missing or changed in ``after`` (new tables and columns may appear)."""
    problems = []
    for table, rows in before.items():
        if table not in after:
            problems.append(f"table {table} is gone")
            continue
        if len(after[table]) != len(rows):
            problems.append(f"{table}: {len(rows)} rows before, {len(after[table])} after")
        for rowid, row in rows.items():
            new = after[table].get(rowid)
            if new is None:
                problems.append(f"{table} rowid {rowid} is gone")
            else:
                changed = [c for c, v in row.items() if c not in DERIVED and new.get(c) != v]
                if changed:
                    problems.append(f"{table} rowid {rowid}: {changed} changed")
        if len(problems) > 10:
            break
    return problems


def _version(path: Path) -> int:
    return int(re.sub(r"\D", "", path.stem))


@pytest.fixture(scope="module", autouse=True)
def fixtures_stay_untouched():
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in SCHEMA_FIXTURES}
    yield
    for path, digest in before.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"a test changed {path}"


def test_there_is_a_fixture_for_the_first_schema():
    assert SCHEMA_FIXTURES and SCHEMA_FIXTURES[0].name == "schema_v1.sqlite"
    assert max(_version(p) for p in SCHEMA_FIXTURES) <= SCHEMA_VERSION


@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=lambda p: p.stem)
def test_upgrade_from_every_schema_fixture(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    conn = _ro(path)
    try:
        old_version = conn.execute("PRAGMA user_version").fetchone()[0]
        old_applied = _applied(conn)
        before = _snapshot(conn)
    finally:
        conn.close()
    assert old_version == _version(fixture)

    db = open_database(path, create=False, backup_dir=tmp_path / "backups")
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert MIGRATIONS.pending(db) == []
        assert integrity_problems(db.conn) == []
        applied = [m.name for m in MIGRATIONS.applied(db)]
        after = _snapshot(db.conn)
    finally:
        db.close()
    assert applied[: len(old_applied)] == old_applied  # released steps are never run again
    assert len(applied) == len(set(applied))
    assert _kept(before, after) == []

    written = sorted((tmp_path / "backups").glob("*.sqlite")) if (tmp_path / "backups").exists() else []
    if old_version < SCHEMA_VERSION:  # a copy of the file as it was, taken before migrating
        assert len(written) == 1
        conn = _ro(written[0])
        try:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
            assert integrity_problems(conn) == []
            assert _kept(before, _snapshot(conn)) == []
        finally:
            conn.close()
    else:
        assert written == []


def _padded(fixture: Path, dest: Path, count: int) -> Path:
    """A copy of ``fixture`` with ``count`` more exhibitors, each with one contact."""
    shutil.copyfile(fixture, dest)
    conn = sqlite3.connect(dest, isolation_level=None)
    try:
        conn.execute("BEGIN")
        for table, changes in (
            ("exhibitors", lambda n, row: {**row, "id": f"pad-{n:06d}", "company_name": f"填充公司 {n:06d}",
                                           "company_key": f"填充公司{n:06d}", "notes": "padding"}),
            ("contacts", lambda n, row: {**row, "id": f"pad-contact-{n:06d}", "exhibitor_id": f"pad-{n:06d}",
                                         "name": f"联系人 {n}"}),
        ):
            cursor = conn.execute(f"SELECT * FROM [{table}] LIMIT 1")
            names = [c[0] for c in cursor.description]
            template = dict(zip(names, cursor.fetchone()))
            columns = [c for c in names if c not in DERIVED]
            conn.executemany(
                f"INSERT INTO [{table}] ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                ([changes(n, template)[c] for c in columns] for n in range(1, count + 1)))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return dest


def _check_after_kill(path: Path, before: dict, old_applied: list[str]) -> tuple[int, list[str]]:
    """The file a kill left: sound, data whole, each migration step in whole or not at all.

    Opened read-write with plain sqlite3, as SQLite itself recovers a file after a crash
    (a read-only connection cannot roll the WAL back).
    """
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        applied = _applied(conn)
        assert applied[: len(old_applied)] == old_applied
        migrated = conn.execute("SELECT count(*) FROM exhibitors WHERE website LIKE 'migrated:%'").fetchone()[0]
        total = conn.execute("SELECT count(*) FROM exhibitors").fetchone()[0]
        assert migrated in (0, total), f"the slow step is half done: {migrated} of {total} rows"
        assert (migrated == total) == (SLOW_MIGRATION in applied)
        after = _snapshot(conn)
    finally:
        conn.close()
    if SLOW_MIGRATION in applied:
        for row in after["exhibitors"].values():
            row["website"] = ""
        for row in before["exhibitors"].values():
            row["website"] = ""
    assert _kept(before, after) == []
    return version, applied


@pytest.mark.slow
@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=lambda p: p.stem)
def test_kill9_in_the_middle_of_a_migration_then_a_retry_succeeds(fixture, tmp_path):
    started = time.monotonic()
    base = _padded(fixture, tmp_path / "padded.sqlite", PAD)
    conn = _ro(base)
    try:
        before = _snapshot(conn)
        old_applied = _applied(conn)
    finally:
        conn.close()
    assert all(not row["website"].startswith("migrated:") for row in before["exhibitors"].values())

    # A first run, not killed, measures how long each step takes; the kills aim inside them.
    trial = tmp_path / "trial.sqlite"
    shutil.copyfile(base, trial)
    child = spawn("migrate", trial, tmp_path / "trial-backups", "--slow", 1)
    stamps: dict[str, float] = {}
    while True:
        line = child.wait_line(lambda _line: True, timeout=120)
        stamps[line] = time.monotonic()
        if line.startswith("DONE"):
            break
    assert child.finish() == 0, child.stderr
    steps = [line for line in stamps if line.startswith(("START ", "BACKUP", "OPENING"))]
    ends = [*steps[1:], next(line for line in stamps if line.startswith("DONE"))]
    durations = {step: stamps[end] - stamps[step] for step, end in zip(steps, ends)}
    assert f"START {SLOW_MIGRATION}" in durations, steps
    assert any(s.startswith("START ") and not s.endswith(SLOW_MIGRATION) for s in steps) or _version(fixture) == SCHEMA_VERSION

    rng = random.Random(SEED + _version(fixture))
    landed: dict[str, int] = {}
    versions_seen: set[int] = set()
    for kill in range(KILLS_PER_FIXTURE):
        step = steps[kill % len(steps)]
        path = tmp_path / f"kill-{kill}.sqlite"
        shutil.copyfile(base, path)
        backups = tmp_path / f"backups-{kill}"
        child = spawn("migrate", path, backups, "--slow", 1)
        child.wait_line(lambda line, s=step: line == s, timeout=120)
        time.sleep(rng.uniform(0.0, durations[step] * 0.9))
        child.kill9()
        assert child.returncode == -9, f"the migration ended before the kill: {child.lines} {child.stderr}"
        last = [line for line in child.lines if line.startswith(("START ", "BACKUP", "OPENING"))][-1]
        landed[last] = landed.get(last, 0) + 1

        version, applied = _check_after_kill(path, before, old_applied)
        versions_seen.add(version)

        # The retry: the same program opens the file again and finishes the job.
        child = spawn("migrate", path, backups, "--slow", 1)
        assert child.finish(timeout=120) == 0, child.stderr
        assert child.lines[-1] == f"DONE {SCHEMA_VERSION}"
        redone = [line[6:] for line in child.lines if line.startswith("START ")]
        assert not set(redone) & set(applied), f"a step that had been applied ran again: {redone}"
        version, applied = _check_after_kill(path, before, old_applied)
        assert version == SCHEMA_VERSION
        assert applied[-1] == SLOW_MIGRATION and len(applied) == len(set(applied))

        # And the real program, without the extra step, opens it as any up-to-date file.
        db = open_database(path, create=False)
        try:
            assert MIGRATIONS.pending(db) == []
            assert integrity_problems(db.conn) == []
            found = db.execute("SELECT count(*) FROM exhibitors WHERE search_text LIKE '%填充公司 012345%'").fetchone()[0]
            assert found == 1
        finally:
            db.close()
        for name in ("-wal", "-shm"):
            Path(f"{path}{name}").unlink(missing_ok=True)

    elapsed = time.monotonic() - started
    timings = ", ".join(f"{k} {v:.2f}s" for k, v in durations.items())
    print(f"\nmigration kill -9 ({fixture.name} + {PAD} exhibitors): {KILLS_PER_FIXTURE} kills, landed in {landed}, "
          f"versions left by the kills {sorted(versions_seen)}, every retry migrated fully, no row lost; "
          f"steps: {timings}; {elapsed:.1f} s")
    assert len(landed) >= 2
