"""Beside every file open for changes: a lock naming who has it open.

``NAME.sqlite.lock`` holds the process id, host, user and start time of the Expo Desk
that opened the file; it is created when the file is opened and removed when it is
closed. Finding one therefore means either another Expo Desk has the file open (refuse)
or one ended without closing it — a crash, a kill, a power cut — which is an unclean
shutdown: the lock is taken over and the file gets a full integrity check.

Several connections of one process (the window and a worker thread) share the lock.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from expo_desk.errors import UserError

LOCK_SUFFIX = ".lock"
SIDE_FILES = ("-wal", "-shm", "-journal")
_YOUNG_LOCK_SECONDS = 10.0  # an empty lock this young is still being written by its owner

_held: dict[str, int] = {}
_guard = threading.Lock()


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    user: str = ""
    started: str = ""
    ticks: str = ""  # the process start time (Linux), so a reused pid is not taken for the owner

    @property
    def on_this_host(self) -> bool:
        return self.host == socket.gethostname()


class FileInUse(UserError):
    """Another Expo Desk has the file open."""

    def __init__(self, message: str, path: Path, holder: LockHolder | None):
        super().__init__(message)
        self.path = path
        self.holder = holder

    @property
    def other_host(self) -> bool:
        return self.holder is not None and not self.holder.on_this_host


class DatabaseDamaged(UserError):
    """The file failed its integrity check and was moved aside; a backup should replace it."""

    def __init__(self, message: str, path: Path, moved_to: Path | None, problems: list[str]):
        super().__init__(message)
        self.path = path
        self.moved_to = moved_to
        self.problems = problems


@dataclass(frozen=True)
class Acquired:
    path: Path
    unclean: bool  # a lock left by a process that is gone was taken over
    stale: LockHolder | None = None


def lock_path(path: Path | str) -> Path:
    return Path(f"{path}{LOCK_SUFFIX}")


def _key(path: Path) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def _process_ticks(pid: int) -> str:
    """Start time of a process in clock ticks since boot (Linux), '' elsewhere."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    fields = text.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def _is_zombie(pid: int) -> bool:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    fields = text.rsplit(")", 1)[-1].split()
    return bool(fields) and fields[0] in ("Z", "X")


def process_alive(pid: int, ticks: str = "") -> bool:
    """Whether the process ``pid`` on this host still runs (and is the one that started at ``ticks``)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.GetLastError() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        try:
            kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, owned by someone else
    if _is_zombie(pid):
        return False
    current = _process_ticks(pid)
    return not (ticks and current and current != ticks)


def read_lock(path: Path | str) -> LockHolder | None:
    """The holder named in a lock file; None when there is none or it cannot be read."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return LockHolder(pid=int(data["pid"]), host=str(data["host"]), user=str(data.get("user", "")),
                          started=str(data.get("started", "")), ticks=str(data.get("ticks", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment
        return ""


def _in_use(path: Path, holder: LockHolder | None) -> FileInUse:
    lock = lock_path(path)
    if holder is None:
        return FileInUse(f"{path}: 文件正被另一个 Expo Desk 打开 / the file is being opened by another Expo Desk; "
                         f"try again in a moment", path, None)
    who = holder.user or "?"
    if holder.on_this_host:
        return FileInUse(
            f"{path}: 已在另一个 Expo Desk 窗口中打开（用户 {who}，进程 {holder.pid}，自 {holder.started}），请先在那里关闭 / "
            f"already open in another Expo Desk (user {who}, process {holder.pid}, since {holder.started}); "
            f"close it there first", path, holder)
    return FileInUse(
        f"{path}: 已在电脑 {holder.host} 上的 Expo Desk 中打开（用户 {who}，自 {holder.started}） / "
        f"already open in Expo Desk on {holder.host} (user {who}, since {holder.started}). "
        f"If Expo Desk no longer runs there, delete {lock}", path, holder)


def _lock_error(path: Path, exc: OSError) -> UserError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(f"{path}: 磁盘已满，无法打开文件进行修改 / the disk is full; the file cannot be opened "
                         f"for changes. Free some space and try again")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(f"{path.parent}: 文件夹只读，无法打开文件进行修改 / the folder is read-only; "
                         f"the file cannot be opened for changes")
    return UserError(f"{lock_path(path)}: 无法创建锁文件 / cannot create the lock file: {exc.strerror or exc}")


def _write_lock(path: Path) -> None:
    lock = lock_path(path)
    fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        record = {"pid": os.getpid(), "host": socket.gethostname(), "user": _user(),
                  "started": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
                  "ticks": _process_ticks(os.getpid()), "app": "Expo Desk"}
        os.write(fd, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        os.fsync(fd)
    except OSError:
        os.close(fd)
        lock.unlink(missing_ok=True)
        raise
    os.close(fd)


def _is_stale(lock: Path, holder: LockHolder | None) -> bool:
    if holder is None:
        try:
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            return True
        return age > _YOUNG_LOCK_SECONDS  # left empty by a crash while it was being written
    if not holder.on_this_host:
        return False  # we cannot tell whether a process on another computer runs
    # Our own pid without our own record is a previous process whose pid was reused.
    return holder.pid == os.getpid() or not process_alive(holder.pid, holder.ticks)


def acquire(path: Path | str) -> Acquired:
    """Take the lock of ``path`` for this process; raise ``FileInUse`` when another has it."""
    path = Path(path)
    key = _key(path)
    lock = lock_path(path)
    with _guard:
        if _held.get(key):
            _held[key] += 1
            return Acquired(path, unclean=False)
        unclean, stale = False, None
        for _attempt in range(5):
            try:
                _write_lock(path)
            except FileExistsError:
                holder = read_lock(lock)
                if not _is_stale(lock, holder):
                    raise _in_use(path, holder) from None
                if read_lock(lock) != holder:
                    continue  # it changed hands meanwhile: look again
                lock.unlink(missing_ok=True)
                unclean, stale = True, holder
                continue
            except OSError as exc:
                raise _lock_error(path, exc) from exc
            _held[key] = 1
            return Acquired(path, unclean=unclean, stale=stale)
        raise _in_use(path, read_lock(lock))


def release(path: Path | str) -> None:
    """Give back one hold on the lock; the file goes when the last connection of this process closes."""
    key = _key(Path(path))
    with _guard:
        count = _held.get(key, 0)
        if count > 1:
            _held[key] = count - 1
            return
        _held.pop(key, None)
        holder = read_lock(lock_path(path))
        if holder is not None and holder.on_this_host and holder.pid == os.getpid():
            lock_path(path).unlink(missing_ok=True)


def holds(path: Path | str) -> int:
    """How many connections of this process hold the lock of ``path``."""
    with _guard:
        return _held.get(_key(Path(path)), 0)


@contextmanager
def exclusive(path: Path | str) -> Iterator[Acquired]:
    """The lock of ``path`` while no connection of this or another process has it open."""
    acquired = acquire(path)
    try:
        if holds(path) > 1:
            raise UserError(f"{path}: 文件仍在本程序中打开，请先关闭 / the file is still open here; close it first")
        yield acquired
    finally:
        release(path)


def break_lock(path: Path | str) -> None:
    """Remove another computer's lock, on the word of a person who knows it no longer runs there."""
    lock_path(path).unlink(missing_ok=True)


def aside_name(path: Path, label: str, when: datetime | None = None) -> Path:
    """``show.replaced-20261126-173000.sqlite`` for ``show.sqlite``; never an existing name."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix = path.suffix or ".sqlite"
    candidate = path.with_name(f"{path.stem}.{label}-{stamp}{suffix}")
    n = 1
    while candidate.exists() or any(Path(f"{candidate}{s}").exists() for s in SIDE_FILES):
        n += 1
        candidate = path.with_name(f"{path.stem}.{label}-{stamp}-{n}{suffix}")
    return candidate


def move_aside(path: Path | str, label: str) -> Path:
    """Rename the file and its SQLite side files together; returns the new name of the file."""
    path = Path(path)
    target = aside_name(path, label)
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *SIDE_FILES):
            source = Path(f"{path}{suffix}")
            if source.exists():
                dest = Path(f"{target}{suffix}")
                os.replace(source, dest)
                moved.append((source, dest))
    except OSError as exc:
        for source, dest in reversed(moved):
            try:
                os.replace(dest, source)
            except OSError:
                pass
        raise UserError(f"{path}: 无法移走文件 / cannot move the file aside: {exc.strerror or exc}") from exc
    return target
