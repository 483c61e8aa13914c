"""Backups as the user meets them: automatic ones kept by a rule, a list, and restore.

Every backup is ``STEM-YYYYMMDD-HHMMSS-ffffff-REASON.sqlite`` (UTC) in a folder: the
data folder's ``backups/`` for the window, ``backups/`` beside the file on the command
line. Reasons: ``auto`` (on close and once a day while open; pruned 7 daily, 4 weekly,
12 monthly), ``before-import`` and ``before-restore`` (the newest 10 of each kept),
``before-migration-vN`` and ``manual`` (never deleted by Expo Desk).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.permissions import Action, require
from expo_desk.domain.retention import backups_to_delete
from expo_desk.errors import NotAnExpoDeskFile, UserError
from expo_desk.services.sync_files import base_file
from expo_desk.store import backup as store_backup
from expo_desk.store import db as store_db
from expo_desk.store import safety
from expo_desk.store.safety import DatabaseDamaged, FileInUse  # noqa: F401  (for the front ends)

if TYPE_CHECKING:
    from expo_desk.store.db import Database

AUTO = "auto"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
KEEP_EVENT_BACKUPS = 10  # of each of before-import and before-restore
DAILY = timedelta(days=1)

_NAME = re.compile(r"^(?P<stem>.+)-(?P<date>\d{8})-(?P<time>\d{6})(?:-(?P<micro>\d{6}))?-(?P<reason>[a-z][a-z0-9.-]*)\.sqlite$")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    stem: str
    taken_at: datetime  # aware, UTC
    reason: str
    size: int

    @property
    def local_time(self) -> datetime:
        return self.taken_at.astimezone()

    @property
    def automatic(self) -> bool:
        return self.reason == AUTO


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    backup: Path
    replaced_kept_as: Path | None  # the file that was in place, renamed beside it
    safety_copy: Path | None  # a verified copy of that file in the backup folder, when it was sound


def backup_dir_beside(path: Path | str) -> Path:
    """The command line's backup folder: ``backups/`` beside the file."""
    return Path(path).resolve().parent / "backups"


def parse_backup_name(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(f"{match['date']}{match['time']}{match['micro'] or '000000'}", "%Y%m%d%H%M%S%f")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, match["stem"], taken.replace(tzinfo=UTC), match["reason"], size)


def list_backups(folder: Path | str, stem: str | None = None) -> list[BackupInfo]:
    """The backups in ``folder`` (of the file named ``stem`` when given), newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.is_file() or not entry.name.endswith(".sqlite"):
                continue
            info = parse_backup_name(Path(entry.path))
            if info is not None and (stem is None or info.stem == stem):
                found.append(info)
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def prune(folder: Path | str, stem: str, now: datetime | None = None) -> list[Path]:
    """Delete the automatic backups the rule lets go, and event backups beyond the newest 10."""
    now = now or datetime.now(UTC)
    backups = list_backups(folder, stem)
    automatic = [b for b in backups if b.automatic]
    # Days and weeks as the user lives them: local time.
    local = {b.local_time.replace(tzinfo=None): b for b in automatic}
    doomed = [local[stamp].path for stamp in backups_to_delete(local, now.astimezone().replace(tzinfo=None))]
    for reason in (BEFORE_IMPORT, BEFORE_RESTORE):
        doomed += [b.path for b in [b for b in backups if b.reason == reason][KEEP_EVENT_BACKUPS:]]
    removed = []
    for path in doomed:
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass  # tried again after the next backup
    return removed


def backup_due(folder: Path | str, stem: str, now: datetime | None = None, every: timedelta = DAILY) -> bool:
    """True when the newest automatic backup of ``stem`` is older than ``every`` (or there is none)."""
    now = now or datetime.now(UTC)
    newest = next((b for b in list_backups(folder, stem) if b.automatic), None)
    return newest is None or now - newest.taken_at >= every


def automatic_backup(db: Database, folder: Path | str, stem: str) -> Path:
    """An automatic backup of an open file, then the old ones pruned."""
    written = store_backup.backup_to_folder(db, Path(folder), stem, reason=AUTO)
    prune(folder, stem)
    return written


def automatic_backup_of_file(path: Path | str, folder: Path | str, progress: Progress | None = None) -> Path:
    """The same, on a connection of its own: for a worker thread while the window goes on."""
    path = Path(path)
    written = store_backup.backup_file(path, Path(folder), path.stem, reason=AUTO, progress=progress)
    prune(folder, path.stem)
    return written


def backup_before(db: Database, reason: str, folder: Path | str | None = None) -> Path | None:
    """A verified copy of the open file before a risky step (an import); None for a file-less database.

    ``folder`` defaults to ``backups/`` beside the file.
    """
    path = store_backup.database_file(db)
    if path is None:
        return None
    folder = Path(folder) if folder is not None else backup_dir_beside(path)
    written = store_backup.backup_to_folder(db, folder, path.stem, reason=reason)
    prune(folder, path.stem)
    return written


def verify_backup(path: Path | str) -> store_db.FileReport:
    """Refuse (``UserError``) a backup that is not an Expo Desk file, too new, or fails its check."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: 文件不存在 / file not found")
    try:
        report = store_db.inspect_file(path)
    except NotAnExpoDeskFile as exc:
        raise NotAnExpoDeskFile(f"{exc}；未恢复 / nothing was restored") from exc
    if report.too_new:
        raise UserError(f"{report.problems[0]}；未恢复 / nothing was restored")
    if report.problems:
        raise UserError(f"{path}: 备份已损坏，未恢复 / the backup is damaged; nothing was restored: "
                        f"{report.problems[0]}")
    return report


def newest_good_backup(folder: Path | str, stem: str, tries: int = 5) -> BackupInfo | None:
    """The newest backup of ``stem`` that passes its check (looking at ``tries`` at most)."""
    for info in list_backups(folder, stem)[:tries]:
        try:
            verify_backup(info.path)
        except UserError:
            continue
        return info
    return None


def _base_goes_with_the_replaced_file(target: Path, aside: Path | None) -> None:
    """The exchange base beside a file belongs to the file it was taken of. Against a
    restored, older file it would send the older state out as changes (deleting what other
    copies added since), so it is kept aside with the replaced file and the restored file
    must take a new base before it exchanges again."""
    base = base_file(target)
    if base.exists():
        base.replace(base_file(aside) if aside is not None else base.with_name(base.name + ".replaced"))


def restore_backup(actor: Actor, backup: Path | str, target: Path | str, folder: Path | str | None = None,
                   progress: Progress | None = None) -> RestoreResult:
    """Replace ``target`` with a verified copy of ``backup``.

    Only someone allowed to restore backups may. The target must not be open (here or in
    another Expo Desk). Before it is replaced, a sound target is backed up to ``folder``
    (``before-restore``); whatever it was, it is kept beside itself as
    ``NAME.replaced-…``. Nothing changes when the backup fails its check.
    """
    require(actor, Action.RESTORE_BACKUPS)
    backup, target = Path(backup), Path(target)
    folder = Path(folder) if folder is not None else backup_dir_beside(target)
    if target.exists() and backup.resolve() == target.resolve():
        raise UserError(f"{backup}: 不能用文件自身恢复 / a file cannot be restored from itself")
    if not target.parent.is_dir():
        raise UserError(f"{target.parent}: 文件夹不存在 / folder not found")
    verify_backup(backup)
    with safety.exclusive(target):
        safety_copy = None
        if target.exists():
            try:
                safety_copy = store_backup.backup_file(target, folder, target.stem, reason=BEFORE_RESTORE)
            except UserError:
                safety_copy = None  # a damaged file cannot be copied soundly; it is still kept aside below
        aside = store_backup.restore_file(backup, target, progress)
        _base_goes_with_the_replaced_file(target, aside)
    if safety_copy is not None:
        prune(folder, target.stem)
    return RestoreResult(target, backup, aside, safety_copy)
