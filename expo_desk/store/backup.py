"""Copies of a live database, made with SQLite's online backup API and checked.

Never ``shutil.copy`` a live file: committed data may still sit in its ``-wal``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from expo_desk.errors import UserError
from expo_desk.store import safety


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """What ``integrity_check`` and ``foreign_key_check`` find; empty when sound."""
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} row {rowid}: refers to a missing {parent} row")
    return problems


Progress = Callable[[int, int], None]
_PAGES_PER_STEP = 2048


def _copy(source: sqlite3.Connection, target: sqlite3.Connection, progress: Progress | None) -> None:
    if progress is None:
        source.backup(target)
        return
    source.backup(target, pages=_PAGES_PER_STEP,
                  progress=lambda _status, remaining, total: progress(total - remaining, total))


def write_backup(db: sqlite_utils.Database, dest: Path, progress: Progress | None = None) -> Path:
    """Copy ``db`` to ``dest``: into a temporary file, verified, then renamed into place.

    ``progress(done_pages, total_pages)`` is called as the copy goes on, when given.
    """
    dest = Path(dest)
    if not dest.parent.is_dir():
        raise UserError(f"{dest.parent}: 文件夹不存在 / folder not found")
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(str(tmp))
        try:
            _copy(db.conn, target, progress)
            target.execute("PRAGMA journal_mode = DELETE")
            problems = integrity_problems(target)
        finally:
            target.close()
        if problems:
            raise UserError(f"{dest}: 备份校验失败 / the backup failed its check: {problems[0]}")
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"{dest}: 无法写入备份 / cannot write the backup: {exc.strerror or exc}") from exc
    except sqlite3.OperationalError as exc:  # e.g. disk full or a folder we may not write
        tmp.unlink(missing_ok=True)
        raise UserError(f"{dest}: 无法写入备份 / cannot write the backup: {exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def backup_name(stem: str, reason: str, when: datetime | None = None) -> str:
    """``show-20261126-173000-123456-manual.sqlite``: the time is UTC."""
    stamp = (when or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S-%f")
    return f"{stem}-{stamp}-{reason}.sqlite"


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{folder}: 无法创建备份文件夹 / cannot create the backup folder: {exc.strerror or exc}") from exc


def backup_to_folder(db: sqlite_utils.Database, folder: Path, stem: str, reason: str = "manual",
                     progress: Progress | None = None) -> Path:
    """A timestamped backup in ``folder``, e.g. ``show-20261126-173000-manual.sqlite``."""
    folder = Path(folder)
    _make_folder(folder)
    return write_backup(db, folder / backup_name(stem, reason), progress)


def _read_only(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=5.0,
                               isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{path}: 文件已损坏或不是数据库 / damaged or not a database: {exc}") from exc
    return conn


def backup_file(source: Path | str, folder: Path, stem: str | None = None, reason: str = "manual",
                progress: Progress | None = None) -> Path:
    """A timestamped backup of the file ``source`` on a connection of its own (any thread)."""
    source, folder = Path(source), Path(folder)
    if not source.is_file():
        raise UserError(f"{source}: 文件不存在 / file not found")
    _make_folder(folder)
    conn = _read_only(source)
    try:
        return write_backup(sqlite_utils.Database(conn), folder / backup_name(stem or source.stem, reason), progress)
    finally:
        conn.close()


def database_file(db: sqlite_utils.Database) -> Path | None:
    """The file behind a connection; None for an in-memory or temporary database."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def restore_file(source: Path | str, target: Path | str, progress: Progress | None = None) -> Path | None:
    """Put a copy of the backup ``source`` in place of ``target``; the caller holds the target's lock.

    The copy is written beside the target with the backup API, checked, and only then
    renamed into place; the file it replaces (with its ``-wal``) is kept aside as
    ``NAME.replaced-YYYYMMDD-HHMMSS.sqlite``, whose name is returned.
    """
    source, target = Path(source), Path(target)
    tmp = target.with_name(target.name + ".restoring")
    for leftover in (tmp, Path(f"{tmp}-journal")):
        leftover.unlink(missing_ok=True)
    aside = None
    try:
        conn = _read_only(source)
        try:
            copy = sqlite3.connect(str(tmp))
            try:
                _copy(conn, copy, progress)
                copy.execute("PRAGMA journal_mode = DELETE")
                problems = integrity_problems(copy)
            finally:
                copy.close()
        finally:
            conn.close()
        if problems:
            raise UserError(f"{source}: 备份校验失败，未恢复 / the backup failed its check; nothing was restored: "
                            f"{problems[0]}")
        if target.exists():
            _checkpoint(target)
            aside = safety.move_aside(target, "replaced")
        try:
            os.replace(tmp, target)
        except OSError:
            if aside is not None:
                for suffix in ("", *safety.SIDE_FILES):
                    if Path(f"{aside}{suffix}").exists():
                        os.replace(f"{aside}{suffix}", f"{target}{suffix}")
            raise
    except OSError as exc:
        raise UserError(f"{target}: 无法恢复 / cannot restore: {exc.strerror or exc}") from exc
    except sqlite3.OperationalError as exc:  # e.g. disk full
        raise UserError(f"{target}: 无法恢复 / cannot restore: {exc}") from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
    return aside


def _checkpoint(path: Path) -> None:
    """Fold a ``-wal`` into the file before it is moved, so it stays one file; best effort."""
    try:
        conn = sqlite3.connect(str(path), timeout=5.0)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # a damaged file is moved as it is, side files along
