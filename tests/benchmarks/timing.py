"""What the benchmarks of this folder share: timing a call, the median of several runs,
the machine they ran on, a demo file written once, and a command line over demo tiers.

Imported as ``timing``: a benchmark run as a script has this folder first on its path, and
pytest puts it there too (the folder is no package).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from expo_desk.services import demo


def timed(call: Callable[[], object]) -> tuple[float, object]:
    """Seconds one call took, and what it returned."""
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def seconds(call: Callable[[], object]) -> float:
    """Seconds one call took."""
    return timed(call)[0]


def median_s(call: Callable[[], object], repeat: int, *, warm: bool = True) -> float:
    """The median seconds of ``repeat`` calls, after one call that warms the caches (``warm``)."""
    if warm:
        call()
    return statistics.median(seconds(call) for _ in range(repeat))


def render_view(view) -> None:
    """Paint a graphics view's viewport once into an image, as a repaint does (Qt imported here
    only, so the benchmarks without a window do without it)."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    view.render(painter)
    painter.end()


def machine(with_sqlite: bool = True) -> str:
    """The line a benchmark's output starts with: Python, SQLite and the number of cores."""
    parts = [f"python {sys.version.split()[0]}"]
    if with_sqlite:
        parts.append(f"sqlite {sqlite3.sqlite_version}")
    return ", ".join([*parts, f"{os.cpu_count()} cpus"])


def bench_folder(name: str) -> Path:
    """A folder kept between runs (``EXPO_DESK_BENCH_DIR`` or the temp folder) for big demo files."""
    folder = Path(os.environ.get("EXPO_DESK_BENCH_DIR") or tempfile.gettempdir()) / name
    folder.mkdir(exist_ok=True)
    return folder


def demo_file(path: Path, size: str) -> Path:
    """The demo show of tier ``size`` at ``path``, written (and the time it took printed) when missing."""
    if not path.exists():
        took = seconds(lambda: demo.write_demo(path, size))
        print(f"wrote tier {size} in {took:.1f} s: {path}")
    return path


def tiers_for_pytest(default: tuple[str, ...]) -> list[str]:
    """The tiers a pytest run measures: ``default``, and XL too with ``EXPO_DESK_BENCH_XL`` set."""
    return [*default, *(["XL"] if os.environ.get("EXPO_DESK_BENCH_XL") else [])]


def run_tiers(argv: list[str], default: list[str], prefix: str, measure_and_report: Callable[[str, Path], str]) -> int:
    """A benchmark's command line: the tiers named (or ``default``), each measured in a fresh
    temporary folder and its report printed; 2 for an unknown tier."""
    sizes = [s.upper() for s in argv] or list(default)
    unknown = [s for s in sizes if s not in demo.TIERS]
    if unknown:
        print(f"unknown tier(s): {', '.join(unknown)}; choose from {', '.join(demo.TIERS)}", file=sys.stderr)
        return 2
    print(machine())
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        for size in sizes:
            print(measure_and_report(size, Path(folder)), flush=True)
    return 0
