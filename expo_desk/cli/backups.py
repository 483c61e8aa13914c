"""``expo-desk backups --db FILE`` lists a file's backups; ``expo-desk restore BACKUP --db FILE`` puts one back.

Both use ``backups/`` beside the file (where ``backup`` into a folder, imports and
upgrades put their copies); ``--dir`` names another folder, e.g. the window's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from expo_desk.cli.common import EXIT_OK, _backup_dir_for, _out, _Progress, actor_for_file, add_user_option


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def _folder(args: argparse.Namespace) -> Path:
    return Path(args.dir) if args.dir else _backup_dir_for(Path(args.db))


def _cmd_backups(args: argparse.Namespace) -> int:
    from expo_desk.services.backups import list_backups

    db_path, folder = Path(args.db), _folder(args)
    found = list_backups(folder, db_path.stem)
    if not found:
        _out(f"{folder}: 没有 {db_path.name} 的备份 / no backups of {db_path.name}")
        return EXIT_OK
    for info in found:
        _out(f"{info.local_time:%Y-%m-%d %H:%M:%S}  {_size(info.size):>9}  {info.reason:<22}  {info.path}")
    _out(f"{len(found)} 个备份 / {len(found)} backup(s) of {db_path.name} in {folder}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from expo_desk.services.backups import restore_backup

    progress = _Progress("restore")
    try:
        result = restore_backup(actor_for_file(Path(args.db), args.user), Path(args.backup), Path(args.db), _folder(args), progress=progress)
    finally:
        progress.close()
    _out(f"{result.target}: 已从 {result.backup.name} 恢复 / restored from {result.backup}")
    if result.replaced_kept_as is not None:
        _out(f"  被替换的文件保留为 / the replaced file is kept as {result.replaced_kept_as}")
    if result.safety_copy is not None:
        _out(f"  恢复前的备份 / a backup of it: {result.safety_copy}")
    return EXIT_OK


def register(commands) -> None:
    listing = commands.add_parser("backups", help="list the backups of a database, newest first",
                                  description="Lists the backups of FILE in backups/ beside it (or --dir): "
                                              "local time, size, why it was made, path.")
    listing.add_argument("--db", required=True, metavar="FILE")
    listing.add_argument("--dir", metavar="DIR", help="the backup folder (default: backups/ beside FILE)")
    listing.set_defaults(run=_cmd_backups)

    restore = commands.add_parser(
        "restore", help="replace a database with a verified backup",
        description="Checks BACKUP (an Expo Desk file this version can open, passing integrity_check), "
                    "backs FILE up, keeps FILE aside as NAME.replaced-YYYYMMDD-HHMMSS.sqlite and puts a copy of "
                    "BACKUP in its place. Refused (exit 2, nothing changed) when FILE is open in Expo Desk.")
    restore.add_argument("backup", metavar="BACKUP")
    restore.add_argument("--db", required=True, metavar="FILE")
    add_user_option(restore)
    restore.add_argument("--dir", metavar="DIR", help="where the copy made before restoring goes "
                                                      "(default: backups/ beside FILE)")
    restore.set_defaults(run=_cmd_restore)
