"""Copies of a live database, made with SQLite's online backup API and checked.

Never ``shutil.copy`` a live file: committed data may still sit in its ``-wal``.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from expo_desk.errors import UserError


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """What ``integrity_check`` and ``foreign_key_check`` find; empty when sound."""
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} row {rowid}: refers to a missing {parent} row")
    return problems


def write_backup(db: sqlite_utils.Database, dest: Path) -> Path:
    """Copy ``db`` to ``dest``: into a temporary file, verified, then renamed into place."""
    dest = Path(dest)
    if not dest.parent.is_dir():
        raise UserError(f"{dest.parent}: 文件夹不存在 / folder not found")
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(str(tmp))
        try:
            db.conn.backup(target)
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


def backup_to_folder(db: sqlite_utils.Database, folder: Path, stem: str, reason: str = "manual") -> Path:
    """A timestamped backup in ``folder``, e.g. ``show-20261126-173000-manual.sqlite``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    return write_backup(db, folder / f"{stem}-{stamp}-{reason}.sqlite")
