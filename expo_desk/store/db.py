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
from expo_desk.store import backup, safety
from expo_desk.store.migrations import MIGRATIONS, SCHEMA_VERSION
from expo_desk.store.safety import DatabaseDamaged, FileInUse  # noqa: F401  (raised by open_database)
from expo_desk.store.transactions import explain

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


class ExpoDatabase(sqlite_utils.Database):
    """A file opened for changes: closing it gives back its lock; ``warnings`` are for the user."""

    lock_of: Path | None = None
    warnings: list[str]
    unclean_shutdown: bool = False

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.lock_of is not None:
                lock, self.lock_of = self.lock_of, None
                safety.release(lock)


def _open_raw(path: Path, cls: type[sqlite_utils.Database] = sqlite_utils.Database) -> sqlite_utils.Database:
    """A connection with the per-connection settings only: nothing is written to the file."""
    if path.exists():
        _check_header(path)
    try:
        conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise UserError(f"{path}: 无法打开 / cannot be opened: {exc}") from exc
    db = cls(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotAnExpoDeskFile(f"{path}: 无法打开 / cannot be opened: {exc}") from exc
    return db


def network_share_warning(path: Path) -> str:
    return (f"{path}: 文件在网络共享上，为安全起见改用较慢的日志模式；请勿多人同时修改，最好放在本机磁盘上 / "
            f"the file is on a network share, where SQLite's WAL mode is unsafe: Expo Desk uses the slower "
            f"rollback journal. Do not change it from two computers at once; keep it on a local disk if you can")


def _set_journal(db: sqlite_utils.Database, path: Path) -> str | None:
    """WAL on a local disk, DELETE on a network share (this one writes the file header).

    Returns the warning for the user when the file is on a network share.
    """
    warning = None
    if is_network_path(path):
        warning = network_share_warning(path)
        log.warning("%s", warning)
        db.execute("PRAGMA journal_mode = DELETE")
    else:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    return warning


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
        try:
            conn = _connect_read_only(uri)
        except sqlite3.OperationalError as exc:
            # A WAL file on a read-only disk: SQLite cannot make its -shm. With no -wal
            # there is nothing but the file itself to read, and nobody can write it.
            if "unable to open" not in str(exc) or Path(f"{path}-wal").exists() or not is_read_only_folder(path.parent):
                raise
            conn = _connect_read_only(uri + "&immutable=1")
    except sqlite3.DatabaseError as exc:
        raise NotAnExpoDeskFile(f"{path}: 文件已损坏或不是数据库 / damaged or not a database: {exc}") from exc
    return sqlite_utils.Database(conn)


def _connect_read_only(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA schema_version").fetchone()  # reads the header: fails on garbage
    except BaseException:
        conn.close()
        raise
    return conn


def is_read_only_folder(folder: Path) -> bool:
    """No file can be made in ``folder`` (a read-only disk, or no write permission)."""
    return not os.access(folder, os.W_OK)


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
        friendly = explain(exc)
        detail = str(friendly) if friendly is not None else str(exc)
        raise UserError(f"{path}: 升级数据文件失败 / upgrading the file failed: {detail}") from exc
    return written


def header_says_ours(path: Path) -> bool:
    """The SQLite magic and our application id in the first 100 bytes, whatever follows."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(100)
    except OSError:
        return False
    return head.startswith(SQLITE_MAGIC) and len(head) >= 72 and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def damage_found(db: sqlite_utils.Database) -> list[str]:
    """What a full ``integrity_check`` finds in the pages (not broken references); empty when sound."""
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def _damaged(db: sqlite_utils.Database, path: Path, problems: list[str]) -> DatabaseDamaged:
    """Close the file, move it aside as ``NAME.damaged-…``, and say so."""
    db.conn.close()  # the lock stays ours until the file is out of the way
    try:
        moved = safety.move_aside(path, "damaged")
    finally:
        db.close()
    first = problems[0] if problems else ""
    return DatabaseDamaged(
        f"{path}: 文件已损坏，已移到 {moved.name}；请从备份恢复 / the file is damaged ({first}); it was moved aside "
        f"to {moved.name}. Restore it from a backup", path, moved, problems)


def _folder_read_only(folder: Path) -> bool:
    if os.name == "nt":  # Windows marks folders such as Documents read-only for its own purposes
        return False
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    return not os.access(folder, os.W_OK) or not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def open_database(path: Path | str, *, create: bool = True, backup_dir: Path | None = None,
                  full_check: bool = False, lock: bool = True) -> sqlite_utils.Database:
    """Open (or create) an Expo Desk file, check it and migrate it.

    Every refusal is a ``UserError`` naming the file and what is wrong. The file is
    locked for this process while it is open (``FileInUse`` when another Expo Desk has
    it). After an unclean shutdown (or with ``full_check``) the whole file is checked; a
    damaged file is moved aside and ``DatabaseDamaged`` raised. ``db.warnings`` holds
    what the user should know about a file that did open (e.g. it is on a network share).
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise UserError(f"{path}: 文件不存在 / file not found")
        if not path.parent.exists():
            raise UserError(f"{path.parent}: 文件夹不存在 / folder not found")
    if path.exists() and is_read_only(path):
        raise UserError(f"{path}: 文件只读，无法保存更改 / the file is read-only; changes cannot be saved")
    if path.parent.is_dir() and _folder_read_only(path.parent):
        raise UserError(f"{path.parent}: 文件夹只读，无法保存更改 / the folder is read-only; changes cannot be saved")
    if path.is_dir():
        raise UserError(f"{path}: 这是文件夹，不是数据文件 / a folder, not a database file")
    acquired = safety.acquire(path) if lock else None
    try:
        db = _open_raw(path, ExpoDatabase)
    except BaseException:
        if acquired is not None:
            safety.release(path)
        raise
    db.warnings = []
    if acquired is not None:
        db.lock_of = path
        db.unclean_shutdown = acquired.unclean
        if acquired.unclean:
            log.warning("%s was not closed cleanly (by %s); checking the whole file", path, acquired.stale)
    try:
        # Check before anything writes: the WAL switch alone rewrites the file header.
        check_compatible(db, path)
        if full_check or db.unclean_shutdown:
            problems = damage_found(db)
            if problems:
                raise _damaged(db, path, problems)
        warning = _set_journal(db, path)
        if warning:
            db.warnings.append(warning)
        migrate(db, path, backup_dir)
    except sqlite3.DatabaseError as exc:
        friendly = explain(exc)
        if friendly is not None:
            db.close()
            raise UserError(f"{path}: {friendly}") from exc
        if "malformed" in str(exc).lower() and header_says_ours(path):
            raise _damaged(db, path, [str(exc)]) from exc
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


# The type the other layers name a connection by, without importing the driver themselves.
Database = sqlite_utils.Database
