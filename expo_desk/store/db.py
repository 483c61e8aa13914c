"""Opening an Expo Desk file: recognise it, refuse what is unsafe, migrate it safely."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from expo_desk.errors import DatabaseTooNew, NotAnExpoDeskFile, UserError
from expo_desk.store import backup
from expo_desk.store.migrations import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

APPLICATION_ID = 0x45585044  # "EXPD" in the SQLite header marks our files
SQLITE_MAGIC = b"SQLite format 3\x00"
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "afs", "9p", "fuse.sshfs", "davfs"}


def _filesystem_type(path: Path) -> str:
    """The mount's file-system type on Linux ('' where unknown)."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    target = str(path.resolve().parent)
    best, kind = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and target.startswith(parts[1]) and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


def is_network_path(path: Path) -> bool:
    """True for a UNC path or a network mount, where SQLite's WAL is unsafe."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    return _filesystem_type(path) in _NETWORK_FS


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(100)
    if len(head) == 0:
        return  # an empty file is a new database
    if not head.startswith(SQLITE_MAGIC):
        raise NotAnExpoDeskFile(f"{path}: 不是 Expo Desk 数据文件 / not an Expo Desk database file")


def connect(path: Path | str) -> sqlite_utils.Database:
    """A configured connection to an existing or new file, without migrating it."""
    path = Path(path)
    if path.exists():
        _check_header(path)
    conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None, check_same_thread=False)
    db = sqlite_utils.Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        if is_network_path(path):
            log.warning("%s is on a network share; using DELETE journal, not WAL", path)
            db.execute("PRAGMA journal_mode = DELETE")
        else:
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotAnExpoDeskFile(f"{path}: 无法打开 / cannot be opened: {exc}") from exc
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def check_compatible(db: sqlite_utils.Database, path: Path | str) -> None:
    """Refuse files of another program, or written by a newer Expo Desk."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = schema_version(db)
    has_tables = bool(db.table_names())
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and has_tables):
        raise NotAnExpoDeskFile(f"{path}: 这是别的程序的数据库 / a database of another program, not Expo Desk")
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"{path}: 此文件由更新版本的 Expo Desk 写入（结构版本 {version}，本程序支持 {SCHEMA_VERSION}），请升级 / "
            f"written by a newer Expo Desk (schema {version}, this version knows {SCHEMA_VERSION}); please upgrade"
        )


def needs_migration(db: sqlite_utils.Database) -> bool:
    return bool(MIGRATIONS.pending(db))


def migrate(db: sqlite_utils.Database, path: Path | str | None = None, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema up to date, backing an existing file up first.

    Returns the backup written, if any.
    """
    pending = MIGRATIONS.pending(db)
    if not pending:
        return None
    written = None
    if path is not None and schema_version(db) > 0:
        target_dir = backup_dir or Path(path).parent
        written = backup.backup_to_folder(db, target_dir, Path(path).stem, reason=f"before-migration-v{SCHEMA_VERSION}")
    try:
        MIGRATIONS.apply(db)
    except sqlite3.OperationalError as exc:
        raise UserError(f"{path}: 升级数据文件失败 / upgrading the file failed: {exc}") from exc
    return written


def open_database(path: Path | str, *, create: bool = True, backup_dir: Path | None = None) -> sqlite_utils.Database:
    """Open (or create) an Expo Desk file, check it and migrate it.

    Every refusal is a ``UserError`` naming the file and what is wrong.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise UserError(f"{path}: 文件不存在 / file not found")
        if not path.parent.exists():
            raise UserError(f"{path.parent}: 文件夹不存在 / folder not found")
    if path.exists() and not os.access(path, os.W_OK):
        raise UserError(f"{path}: 文件只读，无法保存更改 / the file is read-only; changes cannot be saved")
    db = connect(path)
    try:
        check_compatible(db, path)
        migrate(db, path, backup_dir)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise NotAnExpoDeskFile(f"{path}: 文件已损坏或不是数据库 / damaged or not a database: {exc}") from exc
    except BaseException:
        db.close()
        raise
    return db
