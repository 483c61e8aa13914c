"""Opening an Expo Desk file: recognise it, refuse what is unsafe, migrate it safely."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from dataclasses import dataclass, field
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


def _check_header(path: Path) -> int:
    """Refuse a file that is not SQLite at all; returns its size in bytes (0: a new file)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise UserError(f"{path}: 无法读取 / cannot be read: {exc.strerror or exc}") from exc
    if len(head) == 0:
        return 0  # an empty file is a new database
    if not head.startswith(SQLITE_MAGIC):
        raise NotAnExpoDeskFile(f"{path}: 不是 Expo Desk 数据文件 / not an Expo Desk database file")
    return len(head)


def _open_raw(path: Path) -> sqlite_utils.Database:
    """A connection with the per-connection settings only: nothing is written to the file."""
    if path.exists():
        _check_header(path)
    try:
        conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise UserError(f"{path}: 无法打开 / cannot be opened: {exc}") from exc
    db = sqlite_utils.Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotAnExpoDeskFile(f"{path}: 无法打开 / cannot be opened: {exc}") from exc
    return db


def _set_journal(db: sqlite_utils.Database, path: Path) -> None:
    """WAL on a local disk, DELETE on a network share (this one writes the file header)."""
    if is_network_path(path):
        log.warning("%s is on a network share; using DELETE journal, not WAL", path)
        db.execute("PRAGMA journal_mode = DELETE")
    else:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def connect(path: Path | str) -> sqlite_utils.Database:
    """A configured connection to an existing or new file, without checking or migrating it."""
    path = Path(path)
    db = _open_raw(path)
    try:
        _set_journal(db, path)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise NotAnExpoDeskFile(f"{path}: 无法打开 / cannot be opened: {exc}") from exc
    return db


def open_read_only(path: Path | str) -> sqlite_utils.Database:
    """Open an existing file for reading only: never migrated, never written.

    SQLite may leave empty ``-wal``/``-shm`` files beside a WAL database; the file itself
    stays byte-for-byte the same.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: 文件不存在 / file not found")
    if _check_header(path) == 0:
        raise NotAnExpoDeskFile(f"{path}: 空文件，不是 Expo Desk 数据文件 / an empty file, not an Expo Desk database")
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA schema_version").fetchone()  # reads the header: fails on garbage
    except sqlite3.DatabaseError as exc:
        raise NotAnExpoDeskFile(f"{path}: 文件已损坏或不是数据库 / damaged or not a database: {exc}") from exc
    return sqlite_utils.Database(conn)


def is_read_only(path: Path) -> bool:
    """No write permission for us, or no write bit for anyone (read-only even for root)."""
    return not os.access(path, os.W_OK) or not (path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


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
    if path.exists() and is_read_only(path):
        raise UserError(f"{path}: 文件只读，无法保存更改 / the file is read-only; changes cannot be saved")
    db = _open_raw(path)
    try:
        # Check before anything writes: the WAL switch alone rewrites the file header.
        check_compatible(db, path)
        _set_journal(db, path)
        migrate(db, path, backup_dir)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise NotAnExpoDeskFile(f"{path}: 文件已损坏或不是数据库 / damaged or not a database: {exc}") from exc
    except BaseException:
        db.close()
        raise
    return db


@dataclass
class FileReport:
    """What ``check`` finds in a file opened read-only; nothing is changed to find it."""

    application_id: int
    schema_version: int
    pending_migrations: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    too_new: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def inspect_file(path: Path | str) -> FileReport:
    """Recognise and check a file without migrating or writing it.

    Raises ``NotAnExpoDeskFile`` for what is not SQLite or not ours; a file too new or
    failing its integrity checks comes back with ``problems``.
    """
    path = Path(path)
    db = open_read_only(path)
    try:
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = schema_version(db)
            report = FileReport(application_id=app_id, schema_version=version)
            try:
                check_compatible(db, path)
            except DatabaseTooNew as exc:
                report.too_new = True
                report.problems.append(str(exc))
            if app_id != APPLICATION_ID:  # an empty SQLite file: check_compatible let it pass
                raise NotAnExpoDeskFile(f"{path}: 空数据库，不是 Expo Desk 数据文件 / an empty database, not an Expo Desk file")
            if not report.too_new:
                report.pending_migrations = [m.name for m in MIGRATIONS.pending(db)]
            report.problems += [f"{path}: {problem}" for problem in backup.integrity_problems(db.conn)]
        except sqlite3.DatabaseError as exc:
            raise NotAnExpoDeskFile(f"{path}: 文件已损坏或不是数据库 / damaged or not a database: {exc}") from exc
    finally:
        db.close()
    return report
