"""A full disk: a clear message, nothing half written, the file intact.

The first tests fill the file itself with ``PRAGMA max_page_count`` (always run); the
others put the file on a real, small tmpfs (root, where ``mount`` is permitted: CI runs
as root on Debian 12).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from expo_desk.errors import UserError
from expo_desk.services.exhibitor_import import import_exhibitors
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.shows import new_show_file
from expo_desk.store import safety
from expo_desk.store.backup import backup_to_folder, integrity_problems
from expo_desk.store.db import open_database, open_read_only

FULL = ("disk is full", "disk could not be written")


def count(path: Path) -> int:
    db = open_read_only(path)
    try:
        assert integrity_problems(db.conn) == []
        return db.execute("SELECT count(*) FROM exhibitors").fetchone()[0]
    finally:
        db.close()


def fill_until_full(db, actor, show_id, notes: str = "") -> int:
    """Create exhibitors until the disk refuses; returns how many were acknowledged."""
    done = 0
    with pytest.raises(UserError) as caught:
        for i in range(100_000):
            create_exhibitor(db, actor, show_id, {"company_name": f"满盘公司{i:05d}", "notes": notes})
            done += 1
    assert any(part in str(caught.value) for part in FULL), caught.value
    assert "磁盘" in str(caught.value)
    return done


# ---------------------------------------------------------------- a full file (max_page_count)


def test_a_full_file_refuses_the_write_clearly_and_keeps_every_acknowledged_row(db, db_path, actor, show):
    before = db.execute("SELECT count(*) FROM exhibitors").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")
    done = fill_until_full(db, actor, show["id"], notes="备注" * 200)
    db.execute("PRAGMA max_page_count = 1073741823")
    create_exhibitor(db, actor, show["id"], {"company_name": "有空间以后"})  # the connection is still usable
    db.close()
    assert count(db_path) == before + done + 1


def test_an_import_into_a_full_file_writes_nothing(db, db_path, actor, show, tmp_path):
    src = tmp_path / "exhibitors.csv"
    src.write_text("公司名称 company_name,备注\n" + "".join(f"导入公司{i:04d}\n" for i in range(400)), encoding="utf-8")
    src.write_text("公司名称 company_name\n" + "".join(f"导入公司{i:04d}\n" for i in range(400)), encoding="utf-8")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(UserError, match="disk is full"):
        import_exhibitors(db, actor, show["id"], src, backup_dir=tmp_path / "backups")
    db.execute("PRAGMA max_page_count = 1073741823")
    db.close()
    assert count(db_path) == 0
    assert list((tmp_path / "backups").glob("show-*-before-import.sqlite"))  # the copy made first


# ---------------------------------------------------------------- a real small disk (tmpfs)


def _mount_tmpfs(target: Path, size: str) -> str | None:
    """Mount a tmpfs; the reason it cannot be done, or None."""
    if os.name != "posix" or not shutil.which("mount"):
        return "no mount command on this system"
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root (CI runs as root); not root here"
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return f"mount -t tmpfs is not permitted here: {done.stderr.strip() or done.returncode}"
    return None


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs at tmp_path/disk, unmounted afterwards."""
    target = tmp_path / "disk"
    reason = _mount_tmpfs(target, "2m")
    if reason:
        pytest.skip(reason)
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def fill_disk(folder: Path) -> Path:
    """Take every free byte of the disk with a filler file."""
    filler = folder / f"filler-{uuid.uuid4().hex}"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_writing_on_a_full_disk_is_a_clear_error_and_the_file_stays_sound(small_disk, actor):
    path = small_disk / "show.sqlite"
    db, show = new_show_file(path, actor, "RZ2026", "2026日照国际博览会")
    done = fill_until_full(db, actor, show["id"], notes="备注" * 300)
    assert done > 0
    db.close()
    assert not safety.lock_path(path).exists()
    assert count(path) == done


def test_opening_a_file_on_a_full_disk_is_a_clear_error_not_a_crash(small_disk, actor):
    path = small_disk / "show.sqlite"
    db, show = new_show_file(path, actor, "RZ2026", "2026日照国际博览会")
    create_exhibitor(db, actor, show["id"], {"company_name": "日照钢铁"})
    db.close()
    before = path.read_bytes()
    filler = fill_disk(small_disk)
    try:
        db = open_database(path, create=False)
    except UserError as exc:
        assert "disk is full" in str(exc) and "磁盘已满" in str(exc), exc
    else:  # SQLite found room for what it needs: then a write is refused clearly
        try:
            with pytest.raises(UserError, match="|".join(FULL)):
                for i in range(1000):
                    create_exhibitor(db, actor, show["id"], {"company_name": f"公司{i}", "notes": "x" * 2000})
        finally:
            db.close()
    assert not safety.lock_path(path).exists() or safety.read_lock(safety.lock_path(path)) is None
    assert path.read_bytes()[:100] == before[:100]
    filler.unlink()
    assert count(path) >= 1


def test_a_backup_onto_a_full_disk_fails_clearly_and_leaves_nothing(small_disk, db, show):
    fill_disk(small_disk)
    with pytest.raises(UserError, match="cannot write the backup"):
        backup_to_folder(db, small_disk, "show")
    assert not list(small_disk.glob("*.part")) and not list(small_disk.glob("show-*"))
    assert integrity_problems(db.conn) == []


def test_a_file_on_a_read_only_disk_is_a_clear_error(small_disk, actor):
    path = small_disk / "show.sqlite"
    db, _ = new_show_file(path, actor, "RZ2026", "2026日照国际博览会")
    db.close()
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"remount read-only is not permitted here: {done.stderr.strip()}")
    with pytest.raises(UserError, match="read-only"):
        open_database(path, create=False)
    assert count(path) == 0
