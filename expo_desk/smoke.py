"""``expo-desk --smoke-test``: a built program checks itself before it is packaged.

A frozen build fails in ways the source tree never does: a module PyInstaller did not see,
a resource left out, a Qt plugin or library missing, translations not compiled in. Each
step below does what the office's first minute with the program does, prints one line,
and the first failure stops the run with its step named (exit 1). Nothing here needs a
display: the window is started on Qt's offscreen platform, in a child process (Qt itself
is loaded only by the GUI start, ``app.py``, and by ``ui/``).
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

import expo_desk

SHOW_CODE = "SMOKE"
SHOW_NAME = "冒烟测试展"  # Chinese on purpose: the report must carry it through the bundled font
SHOW_NAME_EN = "Smoke test show"
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # the first 16 bytes of every Qt .qm file
WINDOW_START_SECONDS = 60  # the window's start may be slow on a busy machine; a crash is quick
WINDOW_SETTLE_SECONDS = 3  # how long the started window must stay up


class SmokeFailure(Exception):
    """A step found the build broken; the message says what is wrong."""


def _say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


# ---------------------------------------------------------------- the steps


def step_start(work: Path) -> str:
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    return f"Expo Desk {expo_desk.__version__}, Python {sys.version.split()[0]}, {frozen}, {sys.platform}"


def step_modules(work: Path) -> str:
    """Import every module of the program, so a module a freezer missed fails here, not in use."""
    names = [info.name for info in pkgutil.walk_packages(expo_desk.__path__, "expo_desk.")]
    names = [name for name in names if not name.endswith("__main__")]
    if len(names) < 20:
        raise SmokeFailure(f"only {len(names)} modules found in the program: the build is incomplete")
    failed = []
    for name in names:
        try:
            import_module(name)
        except Exception as exc:  # noqa: BLE001 (each failure is reported, then all at once)
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
    if failed:
        raise SmokeFailure("cannot import " + "; ".join(failed))
    return f"{len(names)} modules imported (Qt widgets included)"


def _smoke_file(work: Path) -> Path:
    return work / "smoke-test.sqlite"


def step_database(work: Path) -> str:
    """Create a file, migrate it to the current schema, close it and open it again."""
    from expo_desk.domain.actors import local_actor
    from expo_desk.services.shows import new_show_file
    from expo_desk.store.db import open_database, schema_version
    from expo_desk.store.migrations import SCHEMA_VERSION

    path = _smoke_file(work)
    db, show = new_show_file(path, local_actor("smoke-test"), SHOW_CODE, SHOW_NAME, name_en=SHOW_NAME_EN)
    db.close()
    db = open_database(path, create=False)
    try:
        version = schema_version(db)
    finally:
        db.close()
    if version != SCHEMA_VERSION:
        raise SmokeFailure(f"{path}: schema {version} after migrating, expected {SCHEMA_VERSION}")
    return f"{path.name} created and migrated to schema {version}, show {show['code']} {show['name']}"


def step_report(work: Path) -> str:
    """Render a report in both languages and read the Chinese back out of the PDF."""
    from pypdf import PdfReader

    from expo_desk.reports.schedule_report import render_schedule_report
    from expo_desk.services.schedule_report_data import schedule_report_data
    from expo_desk.services.shows import require_show
    from expo_desk.store.db import open_database

    out = work / "smoke-test-report.pdf"
    db = open_database(_smoke_file(work), create=False)
    try:
        data = schedule_report_data(db, require_show(db, SHOW_CODE)["id"], date.today().isoformat(), language="both")
    finally:
        db.close()
    with out.open("wb") as stream:
        render_schedule_report(data, stream)
    reader = PdfReader(str(out))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    if SHOW_NAME not in text:
        raise SmokeFailure(f"{out}: the Chinese show name {SHOW_NAME} is not in the PDF's text")
    fonts = _embedded_fonts(reader)
    if not any("MicroHei" in name for name in fonts):
        raise SmokeFailure(f"{out}: the CJK font is not embedded (fonts: {', '.join(sorted(fonts)) or 'none'})")
    return f"{out.name}: {len(reader.pages)} page(s), Chinese text read back, font {', '.join(sorted(fonts))} embedded"


def _embedded_fonts(reader) -> set[str]:
    """Names of the fonts whose outlines are in the file (a descendant font with a FontFile2)."""
    found = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    found.add(str(font.get("/BaseFont", "?")).lstrip("/").split("+")[-1])
    return found


def step_translations(work: Path) -> str:
    """Our compiled catalogue (built in, or compiled from the .ts from source) and Qt's own."""
    from expo_desk.paths import AppPaths
    from expo_desk.ui.i18n import BUILT_IN_QM, CATALOGUE, QT_CATALOGUE, catalogue_file, translation_cache_dir

    if getattr(sys, "frozen", False) and not BUILT_IN_QM.is_file():
        raise SmokeFailure(f"{BUILT_IN_QM}: the compiled translations are not in the build")
    ours = catalogue_file(translation_cache_dir(AppPaths(work)))
    if ours is None:
        raise SmokeFailure(f"{CATALOGUE}.qm: neither built in nor compiled from the .ts")
    qt_file = _qt_translations_dir() / f"{QT_CATALOGUE}.qm"
    for path in (ours, qt_file):
        if not path.is_file() or path.read_bytes()[:16] != QM_MAGIC:
            raise SmokeFailure(f"{path}: missing or not a compiled Qt translation")
    return f"{ours.name} ({ours.stat().st_size:,} bytes) and {qt_file.name} present"


def _qt_translations_dir() -> Path:
    spec = find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "Qt" / "translations"
        if candidate.is_dir():
            return candidate
    raise SmokeFailure("Qt's translations folder (PySide6/Qt/translations) is not in the build")


def _program() -> list[str]:
    """This program as a command: the frozen executable, or this Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "expo_desk"]


def step_window(work: Path) -> str:
    """Start the real window offscreen in Chinese, as a user does, and see it stay up.

    The child writes "Interface language: zh" to its log once the QApplication (and so the
    platform plugin) and the translators are in place; then the main window is built. A
    missing plugin or library ends it at once, with Qt's message on stderr.
    """
    folder = work / "window"
    folder.mkdir(exist_ok=True)
    (folder / "expo-desk.ini").write_text("[ui]\nlanguage=zh\n", encoding="utf-8")
    log_file = folder / "logs" / "expo-desk.log"
    platform = os.environ.get("EXPO_DESK_SMOKE_PLATFORM", "offscreen")  # xcb under Xvfb tries the real one
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    errors = folder / "stderr.txt"
    with errors.open("wb") as stderr:
        child = subprocess.Popen([*_program(), "--data-dir", str(folder)], env=env, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            started = _wait_for_start(child, log_file)
            time.sleep(WINDOW_SETTLE_SECONDS)
            code = child.poll()
        finally:
            if child.poll() is None:
                child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    said = errors.read_text(encoding="utf-8", errors="replace").strip()
    if code is not None or not started:
        ended = "did not start in time" if code is None else f"ended with code {code}"
        raise SmokeFailure(f"the window {ended}: {said[-800:] or 'no message'}")
    complaints = [line for line in log_file.read_text(encoding="utf-8").splitlines()
                  if " WARNING " in line or " ERROR " in line or " CRITICAL " in line]
    if complaints:
        raise SmokeFailure("the window started with complaints: " + " | ".join(complaints))
    return f"window started ({platform}) in Chinese, Qt's and our translations loaded, in {started:.1f} s; stayed up"


def _wait_for_start(child: subprocess.Popen, log_file: Path) -> float | None:
    """Seconds until the child logged its interface language; None if it ended or took too long."""
    begun = time.monotonic()
    while time.monotonic() - begun < WINDOW_START_SECONDS:
        if child.poll() is not None:
            return None
        if log_file.is_file() and "Interface language: zh" in log_file.read_text(encoding="utf-8", errors="replace"):
            return time.monotonic() - begun
        time.sleep(0.2)
    return None


STEPS: tuple[tuple[str, Callable[[Path], str]], ...] = (
    ("start", step_start),
    ("modules", step_modules),
    ("database", step_database),
    ("report", step_report),
    ("translations", step_translations),
    ("window", step_window),
)


def run_smoke_test(data_dir: Path | None) -> int:
    """Every step in turn, one line each; 0 when all pass, 1 at the first that fails."""
    if data_dir is None:
        with tempfile.TemporaryDirectory(prefix="expo-desk-smoke-") as scratch:
            return run_smoke_test(Path(scratch))
    work = Path(data_dir) / f"smoke-test-{os.getpid()}-{int(time.time())}"
    work.mkdir(parents=True)
    begun = time.monotonic()
    for name, step in STEPS:
        try:
            detail = step(work)
        except Exception as exc:  # noqa: BLE001 (whatever breaks, the step is named)
            traceback.print_exc(file=sys.stderr)
            print(f"smoke: {name}: FAILED: {exc}", file=sys.stderr, flush=True)
            return 1
        _say(f"{name}: ok: {detail}")
    _say(f"passed, {len(STEPS)} steps in {time.monotonic() - begun:.1f} s ({work})")
    return 0
