"""Opening files: recognise ours, refuse what is unsafe, configure, back up, migrate."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from expo_desk.errors import DatabaseTooNew, NotAnExpoDeskFile, UserError
from expo_desk.store import db as store_db
from expo_desk.store import records
from expo_desk.store.backup import backup_to_folder, integrity_problems, write_backup
from expo_desk.store.db import APPLICATION_ID, inspect_file, open_database, open_read_only
from expo_desk.store.migrations import MIGRATIONS, SCHEMA_VERSION, initial_schema

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def pragma(db, name: str):
    return db.execute(f"PRAGMA {name}").fetchone()[0]


def single_file_db(path: Path, *, user_version: int | None = None) -> Path:
    """An Expo Desk file in rollback-journal mode (one file, nothing in a -wal)."""
    db = open_database(path)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    if user_version is not None:
        conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    assert not Path(f"{path}-wal").exists()
    return path


# ---------------------------------------------------------------- creating and configuring


def test_open_creates_and_migrates_a_new_file(db_path):
    assert not db_path.exists()
    db = open_database(db_path)
    try:
        assert db_path.is_file()
        assert pragma(db, "application_id") == APPLICATION_ID
        assert pragma(db, "user_version") == SCHEMA_VERSION
        assert MIGRATIONS.pending(db) == []
        assert {"shows", "exhibitors", "contacts", "booths", "contracts", "contract_lines", "audit_log"} <= set(
            db.table_names())
        applied = [m.name for m in MIGRATIONS.applied(db)]
        assert applied == all_migration_names()
        assert integrity_problems(db.conn) == []
    finally:
        db.close()
    assert not (db_path.parent / "backups").exists()  # nothing to back up in a new file


def test_reopening_applies_nothing_and_writes_no_backup(db_path, tmp_path):
    open_database(db_path).close()
    backups = tmp_path / "backups"
    db = open_database(db_path, create=False, backup_dir=backups)
    try:
        assert len(MIGRATIONS.applied(db)) == len(all_migration_names())
    finally:
        db.close()
    assert not backups.exists()


def test_empty_file_is_a_new_database(db_path):
    db_path.write_bytes(b"")
    db = open_database(db_path)
    try:
        assert pragma(db, "user_version") == SCHEMA_VERSION
    finally:
        db.close()


def test_pragmas_foreign_keys_wal_busy_timeout(db):
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "busy_timeout") == 5000
    assert pragma(db, "synchronous") == 1  # NORMAL


def test_foreign_keys_are_enforced(db, actor):
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        records.insert(db, actor, "exhibitors", {
            "show_id": "no-such-show", "company_name": "X", "company_key": "x",
            "created_at": "2026-01-01", "updated_at": "2026-01-01"})


def test_network_share_paths_are_recognised():
    assert store_db.is_network_path(Path("//server/share/expo.sqlite"))
    assert store_db.is_network_path(Path("\\\\server\\share\\expo.sqlite"))


def test_missing_file_or_folder(tmp_path):
    with pytest.raises(UserError, match="file not found"):
        open_database(tmp_path / "missing.sqlite", create=False)
    with pytest.raises(UserError, match="folder not found"):
        open_database(tmp_path / "no-folder" / "new.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_a_folder_is_not_a_database(tmp_path):
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    with pytest.raises(UserError):
        open_database(folder)


# ---------------------------------------------------------------- refusing files


def test_refuses_a_file_from_a_newer_version_and_leaves_it_untouched(tmp_path):
    path = single_file_db(tmp_path / "newer.sqlite", user_version=SCHEMA_VERSION + 1)
    before = digest(path)
    with pytest.raises(DatabaseTooNew) as caught:
        open_database(path, backup_dir=tmp_path / "backups")
    message = str(caught.value)
    assert str(path) in message and "newer" in message and "请升级" in message
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()
    assert not (tmp_path / "backups").exists()
    assert isinstance(caught.value, UserError)


@pytest.mark.parametrize(
    "content",
    [
        "展商名单\nname,phone\n".encode(),
        bytes(range(256)) * 20,
        b"SQLite format 3\x00" + bytes(range(256)) * 20,  # the magic, then garbage
    ],
    ids=["text", "random-bytes", "damaged-sqlite"],
)
def test_refuses_what_is_not_a_database(tmp_path, content):
    path = tmp_path / "thing.sqlite"
    path.write_bytes(content)
    with pytest.raises(NotAnExpoDeskFile) as caught:
        open_database(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content


def test_refuses_another_programs_database_without_touching_it(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('hello')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAnExpoDeskFile, match="another program"):
        open_database(path)
    assert digest(path) == before  # not even switched to WAL
    assert not Path(f"{path}-wal").exists()


def test_refuses_a_foreign_application_id(tmp_path):
    path = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAnExpoDeskFile):
        open_database(path)


def test_read_only_file_is_a_user_error(db_path):
    open_database(db_path).close()
    before = digest(db_path)
    os.chmod(db_path, 0o444)
    try:
        with pytest.raises(UserError, match="read-only"):
            open_database(db_path)
    finally:
        os.chmod(db_path, 0o644)
    assert digest(db_path) == before


# ---------------------------------------------------------------- back up, then migrate


def all_migration_names() -> list[str]:
    import sqlite_utils

    return [m.name for m in MIGRATIONS.pending(sqlite_utils.Database(memory=True))]


def _with_extra_migration(monkeypatch, body):
    """The real migrations plus one more step, as the next release would add it."""
    extended = Migrations("expo_desk")
    extended(name="0001_initial_schema")(initial_schema)

    @extended(name="9999_test_next_release")
    def next_release(db):
        body(db)

    monkeypatch.setattr(store_db, "MIGRATIONS", extended)
    return extended


def _copy_v1(tmp_path) -> Path:
    path = tmp_path / "office.sqlite"
    shutil.copyfile(FIXTURES / "schema_v1.sqlite", path)
    return path


def test_backs_up_before_migrating_an_existing_file(tmp_path, monkeypatch):
    path = _copy_v1(tmp_path)
    backups = tmp_path / "backups"

    def add_column(db):
        db.execute("ALTER TABLE exhibitors ADD COLUMN booth_wish TEXT NOT NULL DEFAULT ''")

    _with_extra_migration(monkeypatch, add_column)
    db = open_database(path, backup_dir=backups)
    try:
        assert "booth_wish" in db["exhibitors"].columns_dict
        assert store_db.MIGRATIONS.pending(db) == []
    finally:
        db.close()

    written = list(backups.iterdir())
    assert len(written) == 1
    assert written[0].name.startswith("office-") and "before-migration" in written[0].name
    old = sqlite3.connect(written[0])
    try:
        columns = [r[1] for r in old.execute("PRAGMA table_info(exhibitors)")]
        assert "booth_wish" not in columns  # the copy is of the file as it was
        assert old.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == 3
        assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        old.close()


def test_a_failed_migration_changes_nothing_and_the_backup_is_there(tmp_path, monkeypatch):
    path = _copy_v1(tmp_path)
    backups = tmp_path / "backups"

    def broken(db):
        db.execute("ALTER TABLE exhibitors ADD COLUMN half_done TEXT")
        db.execute("ALTER TABLE no_such_table ADD COLUMN x TEXT")

    _with_extra_migration(monkeypatch, broken)
    with pytest.raises(UserError, match="upgrading the file failed"):
        open_database(path, backup_dir=backups)
    assert len(list(backups.iterdir())) == 1

    monkeypatch.undo()
    db = open_database(path)
    try:
        assert "half_done" not in db["exhibitors"].columns_dict  # rolled back with its step
        assert [m.name for m in MIGRATIONS.applied(db)] == all_migration_names()  # the real ones, on reopening
    finally:
        db.close()


def test_migrate_writes_no_backup_for_a_brand_new_file(tmp_path, monkeypatch):
    _with_extra_migration(monkeypatch, lambda db: None)
    backups = tmp_path / "backups"
    open_database(tmp_path / "fresh.sqlite", backup_dir=backups).close()
    assert not backups.exists()


# ---------------------------------------------------------------- no double booking


def _show_with_booth(db, actor):
    from expo_desk.services.exhibitors import create_exhibitor
    from expo_desk.services.shows import create_show

    show = create_show(db, actor, "DB2026", "测试展")
    hall = records.insert(db, actor, "halls", {"show_id": show["id"], "code": "A", "width_cm": 5000, "depth_cm": 5000})
    booth = records.insert(db, actor, "booths", {
        "show_id": show["id"], "hall_id": hall["id"], "number": "A-001", "x_cm": 0, "y_cm": 0,
        "width_cm": 300, "depth_cm": 300, "booth_type": "shell"})
    contracts = []
    for n, name in enumerate(["甲公司", "乙公司"], start=1):
        exhibitor = create_exhibitor(db, actor, show["id"], {"company_name": name}).inserted["exhibitors"][0]
        contracts.append(records.insert(db, actor, "contracts", {
            "show_id": show["id"], "exhibitor_id": exhibitor, "number": f"2026-{n:04d}",
            "created_at": records.utc_now()}))
    return booth, contracts


def _line(db, actor, contract, booth, holds):
    return records.insert(db, actor, "contract_lines", {
        "contract_id": contract["id"], "kind": "booth", "booth_id": booth["id"],
        "amount_fen": 1_800_000, "holds_booth": holds})


def test_a_booth_can_hold_only_one_active_sale(db, actor):
    booth, (first, second) = _show_with_booth(db, actor)
    _line(db, actor, first, booth, 1)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        _line(db, actor, second, booth, 1)
    _line(db, actor, second, booth, 0)  # an inactive line (e.g. a cancelled sale) is fine
    _line(db, actor, first, booth, 0)
    held = db.execute("SELECT count(*) FROM contract_lines WHERE booth_id = ? AND holds_booth = 1",
                      [booth["id"]]).fetchone()[0]
    assert held == 1


def test_releasing_a_booth_lets_another_contract_hold_it(db, actor):
    booth, (first, second) = _show_with_booth(db, actor)
    line = _line(db, actor, first, booth, 1)
    records.update(db, actor, "contract_lines", line["id"], {"holds_booth": 0})
    _line(db, actor, second, booth, 1)


# ---------------------------------------------------------------- backups


def test_write_backup_holds_data_still_in_the_wal(db, db_path, actor, tmp_path):
    from expo_desk.services.shows import create_show

    create_show(db, actor, "WAL2026", "只在日志里的展会")
    wal = Path(f"{db_path}-wal")
    assert wal.exists() and wal.stat().st_size > 0

    naive = tmp_path / "naive.sqlite"
    shutil.copyfile(db_path, naive)  # what must never be done with a live file
    conn = sqlite3.connect(naive)
    try:
        try:
            found = conn.execute("SELECT count(*) FROM shows WHERE code = 'WAL2026'").fetchone()[0]
        except sqlite3.DatabaseError:
            found = 0
        assert found == 0
    finally:
        conn.close()

    dest = write_backup(db, tmp_path / "copy.sqlite")
    assert dest == tmp_path / "copy.sqlite"
    assert not (tmp_path / "copy.sqlite.part").exists()
    copy = sqlite3.connect(dest)
    try:
        assert copy.execute("SELECT name FROM shows WHERE code = 'WAL2026'").fetchone()[0] == "只在日志里的展会"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert copy.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert integrity_problems(copy) == []
    finally:
        copy.close()


def test_backup_to_a_missing_folder_is_a_user_error(db, tmp_path):
    with pytest.raises(UserError, match="folder not found"):
        write_backup(db, tmp_path / "nowhere" / "copy.sqlite")


def test_backup_to_folder_makes_the_folder_and_a_timestamped_name(db, tmp_path):
    folder = tmp_path / "backups" / "daily"
    first = backup_to_folder(db, folder, "show")
    second = backup_to_folder(db, folder, "show", reason="nightly")
    assert first.parent == folder and first.name.startswith("show-") and first.name.endswith("-manual.sqlite")
    assert second.name.endswith("-nightly.sqlite") and first != second


# ---------------------------------------------------------------- reading without changing


def test_open_read_only_cannot_write(db_path):
    open_database(db_path).close()
    db = open_read_only(db_path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
    finally:
        db.close()


def test_inspect_file_reports_without_migrating(tmp_path, monkeypatch):
    path = _copy_v1(tmp_path)
    before = digest(path)
    assert inspect_file(path).ok

    _with_extra_migration(monkeypatch, lambda db: db.execute("CREATE TABLE later (id TEXT)"))
    report = inspect_file(path)
    assert report.ok and report.pending_migrations == ["9999_test_next_release"]
    assert report.schema_version == 1
    assert digest(path) == before


def test_inspect_file_reports_a_too_new_file_as_a_problem(tmp_path):
    path = single_file_db(tmp_path / "newer.sqlite", user_version=SCHEMA_VERSION + 5)
    report = inspect_file(path)
    assert report.too_new and not report.ok
    assert "newer" in report.problems[0]


def test_inspect_file_refuses_an_empty_sqlite_database(tmp_path):
    path = tmp_path / "blank.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")  # a real SQLite file with no tables and application_id 0
    conn.close()
    assert path.stat().st_size > 0
    with pytest.raises(NotAnExpoDeskFile):
        inspect_file(path)
