"""Automatic backups: written verified, pruned by the retention rule; a copy before every import."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from expo_desk.services import backups
from expo_desk.services.exhibitor_import import import_exhibitors
from expo_desk.store.backup import backup_name


def fake_backup(folder: Path, stem: str, when: datetime, reason: str = "auto") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / backup_name(stem, reason, when)
    path.write_bytes(b"x" * 10)
    return path


def test_names_are_parsed_back_whatever_the_stem(tmp_path):
    when = datetime(2026, 11, 26, 9, 30, 5, 123456, tzinfo=UTC)
    for stem in ("show", "rz-2026-final", "2026-20261126-0900"):
        path = fake_backup(tmp_path, stem, when, "before-migration-v3")
        info = backups.parse_backup_name(path)
        assert (info.stem, info.taken_at, info.reason, info.size) == (stem, when, "before-migration-v3", 10)
    assert backups.parse_backup_name(tmp_path / "show.sqlite") is None
    assert [b.stem for b in backups.list_backups(tmp_path, "show")] == ["show"]


def test_list_is_newest_first_and_by_file(tmp_path):
    base = datetime(2026, 11, 1, tzinfo=UTC)
    for d in (3, 1, 2):
        fake_backup(tmp_path, "show", base + timedelta(days=d))
    fake_backup(tmp_path, "other", base)
    (tmp_path / "notes.txt").write_text("x")
    listed = backups.list_backups(tmp_path, "show")
    assert [b.taken_at.day for b in listed] == [4, 3, 2]
    assert len(backups.list_backups(tmp_path)) == 4
    assert backups.list_backups(tmp_path / "missing") == []


def test_automatic_backup_is_verified_and_old_ones_pruned(db, db_path, show, tmp_path):
    folder = tmp_path / "backups"
    now = datetime.now(UTC)
    for days in range(1, 400):  # a year of daily automatic backups, one every day
        fake_backup(folder, "show", now - timedelta(days=days))
    manual = fake_backup(folder, "show", now - timedelta(days=700), "manual")
    migration = fake_backup(folder, "show", now - timedelta(days=700), "before-migration-v2")
    other = fake_backup(folder, "other", now - timedelta(days=300))
    written = backups.automatic_backup(db, folder, "show")
    assert written.exists() and written.name.endswith("-auto.sqlite") and written.stat().st_size > 10
    kept = [b for b in backups.list_backups(folder, "show") if b.automatic]
    assert written in [b.path for b in kept]
    assert len(kept) <= 7 + 4 + 12 and len(kept) >= 12
    assert kept[-1].taken_at < now - timedelta(days=300)  # a year back by the monthly rule
    assert manual.exists() and migration.exists() and other.exists()  # never pruned / another file


def test_event_backups_keep_the_newest_ten(tmp_path):
    now = datetime.now(UTC)
    made = [fake_backup(tmp_path, "show", now - timedelta(hours=h), "before-import") for h in range(15)]
    backups.prune(tmp_path, "show")
    assert [p.exists() for p in made] == [True] * 10 + [False] * 5


def test_backup_due_once_a_day(tmp_path):
    now = datetime(2026, 11, 26, 12, tzinfo=UTC)
    assert backups.backup_due(tmp_path, "show", now)
    fake_backup(tmp_path, "show", now - timedelta(hours=3), "manual")
    assert backups.backup_due(tmp_path, "show", now)  # only automatic ones count
    fake_backup(tmp_path, "show", now - timedelta(hours=3))
    assert not backups.backup_due(tmp_path, "show", now)
    assert backups.backup_due(tmp_path, "show", now + timedelta(hours=22))


def test_automatic_backup_of_a_file_on_its_own_connection(db, db_path, show, tmp_path):
    written = backups.automatic_backup_of_file(db_path, tmp_path / "b")
    assert backups.list_backups(tmp_path / "b", "show")[0].path == written


CSV = "公司名称 company_name,行业 sector\n日照钢铁集团,钢铁\n黄海渔业,渔业\n"


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "exhibitors.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_an_import_is_preceded_by_a_verified_backup(db, actor, show, csv_file, tmp_path):
    folder = tmp_path / "backups"
    result = import_exhibitors(db, actor, show["id"], csv_file, backup_dir=folder)
    assert result.ok and result.created == 2
    [copy] = backups.list_backups(folder, "show")
    assert copy.reason == "before-import"
    import sqlite3

    conn = sqlite3.connect(copy.path)
    try:
        assert conn.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == 0  # as it was before
    finally:
        conn.close()


def test_without_a_folder_the_backup_goes_beside_the_file(db, db_path, actor, show, csv_file):
    import_exhibitors(db, actor, show["id"], csv_file)
    assert [b.reason for b in backups.list_backups(db_path.parent / "backups", "show")] == ["before-import"]


def test_a_dry_run_or_a_refused_import_makes_no_backup(db, actor, show, csv_file, tmp_path):
    folder = tmp_path / "backups"
    assert import_exhibitors(db, actor, show["id"], csv_file, dry_run=True, backup_dir=folder).created == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("公司名称 company_name,邮箱 email\n日照,not-an-email\n", encoding="utf-8")
    assert not import_exhibitors(db, actor, show["id"], bad, backup_dir=folder).ok
    assert not folder.exists()
