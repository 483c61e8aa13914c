"""What every command shares: exit codes, output, the acting person, progress, opening files."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from expo_desk.domain.actors import Actor
    from expo_desk.store.db import Database

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2

DEMO_SIZES = ("S", "M", "L", "XL")
EXPORT_SUFFIXES = (".xlsx", ".csv")


# ---------------------------------------------------------------- small helpers


def _out(text: str = "") -> None:
    print(text, file=sys.stdout)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _actor() -> Actor:
    from expo_desk.domain.actors import local_actor

    try:
        name = getpass.getuser()
    except Exception:  # no user name in the environment (e.g. a bare service account)
        name = ""
    return local_actor(name or "cli")


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    WIDTH = 30

    def __init__(self, label: str):
        self.label = label
        self.enabled = bool(getattr(sys.stderr, "isatty", lambda: False)())
        self._last: tuple[str, int] | None = None
        self._drawn = False

    def __call__(self, *args: object) -> None:
        """``(done, total)`` or ``(step, done, total)``: importers and the demo writer differ."""
        if not self.enabled:
            return
        step = ""
        if args and isinstance(args[0], str):
            step, args = args[0], args[1:]
        done, total = int(args[0]), int(args[1])
        percent = 100 if total <= 0 else max(0, min(100, done * 100 // total))
        if (step, percent) == self._last:
            return
        self._last = (step, percent)
        filled = self.WIDTH * percent // 100
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        label = f"{self.label} {step}" if step else self.label
        sys.stderr.write(f"\r{label[:40]:<40} [{bar}] {percent:3d}%")
        sys.stderr.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self._drawn = False


def _backup_dir_for(path: Path) -> Path:
    return path.resolve().parent / "backups"


def _open_for_writing(path: Path) -> Database:
    """An existing file, checked and migrated (backed up first into ``backups/`` beside it)."""
    from expo_desk.store.db import open_database

    db = open_database(path, create=False, backup_dir=_backup_dir_for(path))
    for warning in getattr(db, "warnings", []):  # e.g. a network share: no WAL there
        _err(warning)
    return db


def _open_for_reading(path: Path) -> Database:
    """Read-only when the file is up to date; an older file is migrated like any open."""
    from expo_desk.store.db import check_compatible, needs_migration, open_read_only

    db = open_read_only(path)
    try:
        check_compatible(db, path)
        if not needs_migration(db):
            return db
    except BaseException:
        db.close()
        raise
    db.close()
    return _open_for_writing(path)


PASSWORD_ENV = "EXPO_DESK_PASSWORD"
USER_HELP = f"sign in as NAME when the file requires it (password from {PASSWORD_ENV} or typed)"
DRY_RUN_HELP = "check every row, write nothing"


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """``--user NAME``: who signs in when the file requires a sign-in."""
    parser.add_argument("--user", metavar="NAME", help=USER_HELP)


def add_import_arguments(parser: argparse.ArgumentParser, dry_run_help: str = DRY_RUN_HELP) -> None:
    """What every ``import KIND`` takes: SRC, --db FILE, --show CODE, --dry-run and --user."""
    parser.add_argument("src", metavar="SRC")
    parser.add_argument("--db", required=True, metavar="FILE")
    parser.add_argument("--show", required=True, metavar="CODE")
    parser.add_argument("--dry-run", action="store_true", help=dry_run_help)
    add_user_option(parser)


def existing_file(path: Path) -> Path:
    """``path``, or a UserError when there is no such file."""
    from expo_desk.errors import UserError

    if not path.is_file():
        raise UserError(f"{path}: 文件不存在 / file not found")
    return path


def signed_in_actor(db: Database, user: str | None) -> Actor:
    """Who a command acts as: the local user, or, when the file requires sign-in, the
    person named by ``--user`` with the password from EXPO_DESK_PASSWORD or typed at a prompt."""
    from expo_desk.errors import UserError
    from expo_desk.services.users import authenticate, sign_in_required

    if not sign_in_required(db):
        return _actor()
    if not user:
        raise UserError("此文件要求登录，请用 --user 指定用户 / this file requires sign-in: name the user with --user")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise UserError(f"请设置 {PASSWORD_ENV} 或在终端中运行以输入密码 / set {PASSWORD_ENV} or run this "
                            "on a terminal to type the password")
        password = getpass.getpass(f"{user} 的密码 / password for {user}: ")
    return authenticate(db, user, password)


def actor_for_file(path: Path, user: str | None) -> Actor:
    """Who acts on a whole file (restore): signed in when the file is readable and asks for it;
    the local user when it is damaged or unreadable, since its users cannot be read then."""
    from expo_desk.errors import UserError
    from expo_desk.store.db import open_read_only

    try:
        db = open_read_only(path)
    except (UserError, OSError):
        return _actor()
    try:
        return signed_in_actor(db, user)
    except UserError:
        raise
    except Exception:  # a damaged file fails on its first read
        return _actor()
    finally:
        db.close()


def run_export(args, what: str, export) -> int:
    """``export OUT`` of one show: checks the paths, reads the file, writes OUT, says how many."""
    from expo_desk.errors import UserError
    from expo_desk.services.shows import require_show

    out, db_path = Path(args.output), Path(args.db)
    if out.suffix.lower() not in EXPORT_SUFFIXES:
        raise UserError(f"{out}: 只能导出为 .xlsx 或 .csv / export writes .xlsx or .csv only")
    if not out.parent.is_dir():
        raise UserError(f"{out.parent}: 文件夹不存在 / folder not found")
    db = _open_for_reading(existing_file(db_path))
    try:
        show = require_show(db, args.show)
        count = export(db, show["id"], out)
    finally:
        db.close()
    _out(f"{out}: exported {count} {what}(s) of {show['code']}")
    return EXIT_OK


def refused_import(source: Path, problems: list[str]) -> int | None:
    """Every problem on stderr and exit 2, or None when the import went through."""
    if not problems:
        return None
    for problem in problems:
        _err(problem)
    _out(f"{source}: {len(problems)} 个问题，未导入任何数据 / {len(problems)} problem(s); nothing was imported")
    return EXIT_BAD_INPUT


def run_import(args, call):
    """``import KIND SRC --db FILE --show CODE``: checks the paths, opens and signs in, then
    ``call(db, actor, show_id, source, progress)``; returns (show, result)."""
    from expo_desk.services.shows import require_show

    source = existing_file(Path(args.src))
    db = _open_for_writing(existing_file(Path(args.db)))
    progress = _Progress("import")
    try:
        show = require_show(db, args.show)
        result = call(db, signed_in_actor(db, args.user), show["id"], source, progress)
    finally:
        progress.close()
        db.close()
    return show, result
