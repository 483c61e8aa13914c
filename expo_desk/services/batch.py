"""Many report PDFs at once: one file per exhibitor, rendered in a pool of processes.

ReportLab holds the GIL while it lays out a page, so threads would not help: each worker
process opens the file read-only on its own and renders whole documents. A failure of one
exhibitor (no contract, say) is recorded with its reason and the others go on; Cancel stops
handing out work and drops what has not started; files already written stay. Every file
is written under a temporary name and renamed into place, so a half-written PDF never
carries a report's name.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib import import_module
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.errors import UserError
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.store.db import check_compatible, needs_migration, open_read_only

if TYPE_CHECKING:
    from expo_desk.store.db import Database

log = logging.getLogger(__name__)

Pair = tuple[str, str]  # (Chinese, English)
Progress = Callable[[int, int], None]

# The kinds made per exhibitor: (data function, renderer) as "module:name", imported when used
# (in each worker), so importing this module stays cheap and loads no ReportLab.
KINDS: dict[str, tuple[str, str]] = {
    "pack": ("expo_desk.services.pack_data:pack_data", "expo_desk.reports.exhibitor_pack:render_pack"),
    "post-show": ("expo_desk.services.post_show_data:post_show_data", "expo_desk.reports.post_show:render_post_show"),
}
# The kinds made once per show.
SHOW_KINDS: dict[str, tuple[str, str]] = {
    "summary": ("expo_desk.services.show_summary_data:show_summary_data",
                "expo_desk.reports.show_summary:render_show_summary"),
}
KIND_TITLES: dict[str, Pair] = {
    "pack": ("展商手册", "Exhibitor pack"),
    "post-show": ("展后报告", "Post-show report"),
    "summary": ("展会总结", "Show summary"),
}
LANGUAGES = ("zh", "en", "both")
MAX_WORKERS = 61  # what ProcessPoolExecutor accepts on Windows
IN_FLIGHT_PER_WORKER = 2  # work handed out ahead: enough to keep a worker busy, little to drop on Cancel
MAX_NAME_CHARS = 120  # Windows paths stop at 260 characters; leave room for the folder
MAX_NAME_BYTES = 200  # Linux and macOS stop at 255 bytes a name, and a Chinese character takes 3
WORKER_LOST = "报告进程意外退出 / the report process stopped unexpectedly"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class BatchExhibitor:
    """An exhibitor as a batch names it: its first booth and its company."""

    id: str
    company_name: str
    company_name_en: str
    booth: str  # its first booth number, or "" without a booth

    @property
    def label(self) -> str:
        return f"{self.booth} {self.company_name}".strip()


@dataclass
class BatchResult:
    """What a batch did: the files written (in exhibitor order), who failed and why."""

    written: list[Path] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (exhibitor, reason)
    merged: Path | None = None
    cancelled: bool = False
    seconds: float = 0.0


@dataclass(frozen=True)
class _Task:
    """One exhibitor's document, as handed to a worker (plain values: it crosses processes)."""

    exhibitor_id: str
    label: str
    refs: tuple[str, str]
    language: str
    out: str


# ---------------------------------------------------------------- names and kinds


def _resolve(ref: str) -> Callable:
    module, _, name = ref.partition(":")
    return getattr(import_module(module), name)


def kind_functions(kind: str) -> tuple[Callable, Callable]:
    """The data function and the renderer of a kind (imported now)."""
    refs = KINDS.get(kind) or SHOW_KINDS.get(kind)
    if refs is None:
        raise UserError(f"未知的报告类型 {kind} / unknown kind of report: {kind}")
    return _resolve(refs[0]), _resolve(refs[1])


def safe_file_name(text: str, max_chars: int = MAX_NAME_CHARS, max_bytes: int = MAX_NAME_BYTES) -> str:
    """``text`` as a file name every system accepts: no ``/\\:*?"<>|`` or control characters,
    not too long, no trailing dot or space, not a reserved Windows device name."""
    name = _UNSAFE.sub("_", " ".join(text.split()))[:max_chars]
    while len(name.encode("utf-8")) > max_bytes:
        name = name[:-1]
    name = name.rstrip(" .")
    if not name or name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = f"_{name}"
    return name


def report_file_name(exhibitor: BatchExhibitor, kind: str) -> str:
    """``A1-012 日照钢铁集团有限公司-pack.pdf``: booth first, so the files sort as the hall does."""
    suffix = f"-{kind}.pdf"
    return safe_file_name(exhibitor.label, MAX_NAME_CHARS - len(suffix), MAX_NAME_BYTES - len(suffix)) + suffix


def report_file_name_of_show(show_code: str, kind: str) -> str:
    """``RZ2026-summary.pdf``."""
    return f"{safe_file_name(show_code)}-{kind}.pdf"


def _booth_key(number: str) -> tuple:
    """Natural order: A1-9 before A1-10."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold()) for part in re.split(r"(\d+)", number) if part)


def batch_exhibitors(db: Database, show_id: str, exhibitor_ids: Iterable[str] | None = None) -> list[BatchExhibitor]:
    """The given exhibitors of the show in the given order; without ids, every exhibitor
    holding a booth, in booth order."""
    rows = exhibitor_service.search_exhibitors(db, show_id, "", limit=10_000_000)
    found = {r["id"]: BatchExhibitor(r["id"], r["company_name"], r["company_name_en"] or "",
                                     min((r["booths"] or "").split(), key=_booth_key, default=""))
             for r in rows}
    if exhibitor_ids is None:
        return sorted((e for e in found.values() if e.booth), key=lambda e: (_booth_key(e.booth), e.company_name))
    return [found[i] for i in exhibitor_ids if i in found]


# ---------------------------------------------------------------- writing


def write_atomically(out: Path, render: Callable) -> None:
    """``render(stream)`` into a temporary file beside ``out``, then renamed to ``out``.

    The temporary file is made with the usual permissions (not mkstemp's owner-only ones):
    the reports are for sharing and printing.
    """
    temp = out.with_name(f".{out.stem[:40]}-{secrets.token_hex(4)}.pdf.part")
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            render(stream)
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def merge_pdfs(parts: list[Path], out: Path) -> None:
    """One PDF of ``parts`` in their order, written atomically."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    write_atomically(out, writer.write)


def _render_task(db: Database, task: _Task) -> str | None:
    """Write one exhibitor's document; the reason it failed, or None."""
    try:
        data_of, render = _resolve(task.refs[0]), _resolve(task.refs[1])
        data = data_of(db, task.exhibitor_id, language=task.language)
        write_atomically(Path(task.out), lambda stream: render(data, stream))
    except UserError as exc:
        return str(exc)
    except OSError as exc:
        return f"无法写入 / cannot write {task.out}: {exc.strerror or exc}"
    except Exception as exc:  # a bug in one document must not stop the others
        log.exception("report of %s failed", task.label)
        return f"{type(exc).__name__}: {exc}"
    return None


_worker_state: dict[str, Database] = {}  # each worker process's own read-only connection


def _start_worker(db_path: str) -> None:
    _worker_state["db"] = open_read_only(db_path)


def _worker_task(task: _Task) -> str | None:
    return _render_task(_worker_state["db"], task)


# ---------------------------------------------------------------- the batch


def _open_current(db_path: Path) -> Database:
    """The file read-only, refused when it is too new or still needs its upgrade."""
    db = open_read_only(db_path)
    try:
        check_compatible(db, db_path)
        if needs_migration(db):
            raise UserError(f"{db_path}: 请先用 Expo Desk 打开此文件以完成升级 / open this file in Expo Desk "
                            "first to upgrade it")
    except BaseException:
        db.close()
        raise
    return db


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise UserError(f"语言应为 zh、en 或 both / the language must be zh, en or both: {language}")


def _plan(db_path: Path, show_id: str, kind: str, exhibitor_ids: Iterable[str] | None, out_dir: Path,
          language: str, names: Mapping[str, str] | None, result: BatchResult) -> list[_Task]:
    """One task per exhibitor with a file name of its own; unknown exhibitors become failures."""
    if kind not in KINDS:
        raise UserError(f"未知的报告类型 {kind} / unknown kind of report: {kind} ({', '.join(KINDS)})")
    _check_language(language)
    wanted = None if exhibitor_ids is None else list(exhibitor_ids)
    db = _open_current(db_path)
    try:
        chosen = batch_exhibitors(db, show_id, wanted)
    finally:
        db.close()
    known = {e.id for e in chosen}
    result.failures += [(i, "此展会中没有该展商 / no such exhibitor in this show") for i in wanted or () if i not in known]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{out_dir}: 无法创建文件夹 / cannot make the folder: {exc.strerror or exc}") from exc
    tasks, taken = [], set()
    for exhibitor in chosen:
        name = (names or {}).get(exhibitor.id) or report_file_name(exhibitor, kind)
        stem, n = name[:-4], 2
        while name.casefold() in taken:  # two exhibitors of one name, or no booth, still get a file each
            name, n = f"{stem} ({n}).pdf", n + 1
        taken.add(name.casefold())
        tasks.append(_Task(exhibitor.id, exhibitor.label, KINDS[kind], language, str(out_dir / name)))
    return tasks


def _run_here(db_path: Path, tasks: list[_Task], record: Callable[[_Task, str | None], None],
              should_cancel: Callable[[], bool]) -> bool:
    """The tasks one after the other in this process; True when cancelled."""
    db = open_read_only(db_path)
    try:
        for task in tasks:
            if should_cancel():
                return True
            record(task, _render_task(db, task))
    finally:
        db.close()
    return False


def _run_pool(db_path: Path, tasks: list[_Task], workers: int, record: Callable[[_Task, str | None], None],
              should_cancel: Callable[[], bool]) -> bool:
    """The tasks over ``workers`` processes, a few handed out ahead; True when cancelled."""
    queue: Iterator[_Task] = iter(tasks)
    pending: dict[Future, _Task] = {}
    cancelled = False
    # "spawn" everywhere: what Windows does anyway, and no fork of a process running Qt threads.
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start_worker,
                             initargs=(str(db_path),)) as pool:
        while True:
            if not cancelled and should_cancel():
                cancelled = True
                for future in list(pending):
                    if future.cancel():
                        del pending[future]
            while not cancelled and len(pending) < workers * IN_FLIGHT_PER_WORKER:
                task = next(queue, None)
                if task is None:
                    break
                try:
                    pending[pool.submit(_worker_task, task)] = task
                except BrokenProcessPool:
                    for lost in (task, *queue):
                        record(lost, WORKER_LOST)
                    break
            if not pending:
                break
            done, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in done:
                task = pending.pop(future)
                if not future.cancelled():
                    record(task, _outcome(future))
    return cancelled


def _outcome(future: Future) -> str | None:
    try:
        return future.result()
    except BrokenProcessPool:
        return WORKER_LOST


def run_batch(db_path: Path | str, show_id: str, kind: str, exhibitor_ids: Iterable[str] | None, out_dir: Path | str,
              *, language: str = "both", merged: Path | str | None = None, workers: int | None = None,
              progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None,
              names: Mapping[str, str] | None = None) -> BatchResult:
    """One PDF of ``kind`` per exhibitor into ``out_dir`` (``None`` ids: every exhibitor
    holding a booth), and the written ones merged into ``merged`` in exhibitor order.

    ``workers`` defaults to every core; ``names`` gives file names of one's own by exhibitor
    id. ``progress(done, total)`` follows each document; ``should_cancel()`` is asked as the
    work goes on. Raises UserError only for what stops the whole batch (an unknown kind, an
    unreadable file, a folder that cannot be made); anything else is a failure of one exhibitor.
    """
    started = time.perf_counter()
    db_path, out_dir = Path(db_path), Path(out_dir)
    result = BatchResult()
    tasks = _plan(db_path, show_id, kind, exhibitor_ids, out_dir, language, names, result)
    total, done = len(tasks), 0
    outcome: dict[str, str | None] = {}
    report = progress or (lambda _done, _total: None)

    def record(task: _Task, failure: str | None) -> None:
        nonlocal done
        done += 1
        outcome[task.out] = failure
        report(done, total)

    report(0, total)
    stop = should_cancel or (lambda: False)
    count = min(workers or os.cpu_count() or 1, total, MAX_WORKERS)
    if count > 1:
        result.cancelled = _run_pool(db_path, tasks, count, record, stop)
    elif tasks:
        result.cancelled = _run_here(db_path, tasks, record, stop)
    for task in tasks:  # in exhibitor order, whatever order the workers finished in
        if task.out in outcome:
            if outcome[task.out] is None:
                result.written.append(Path(task.out))
            else:
                result.failures.append((task.label, outcome[task.out]))
    if merged is not None and result.written and not result.cancelled:
        _merge_into(result, Path(merged))
    result.seconds = time.perf_counter() - started
    return result


def _merge_into(result: BatchResult, merged: Path) -> None:
    try:
        merge_pdfs(result.written, merged)
        result.merged = merged
    except (OSError, ValueError) as exc:
        result.failures.append((merged.name, f"无法合并 / cannot merge: {getattr(exc, 'strerror', None) or exc}"))


def run_show_report(db_path: Path | str, show_id: str, kind: str, out: Path | str, *,
                    language: str = "both") -> BatchResult:
    """The one document of a show (the summary) into the file ``out``."""
    started = time.perf_counter()
    if kind not in SHOW_KINDS:
        raise UserError(f"未知的报告类型 {kind} / unknown kind of report: {kind} ({', '.join(SHOW_KINDS)})")
    _check_language(language)
    out = Path(out)
    data_of, render = kind_functions(kind)
    db = _open_current(Path(db_path))
    try:
        data = data_of(db, show_id, language=language)
    finally:
        db.close()
    try:
        write_atomically(out, lambda stream: render(data, stream))
    except OSError as exc:
        raise UserError(f"{out}: 无法写入 / cannot write: {exc.strerror or exc}") from exc
    return BatchResult(written=[out], seconds=time.perf_counter() - started)
