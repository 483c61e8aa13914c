"""How long writing the demo show takes at each tier, against a same-run baseline.

Run on demand (not part of the normal test run):

    uv run python tests/benchmarks/bench_demo.py            # S M L
    uv run python tests/benchmarks/bench_demo.py M XL       # chosen tiers
    uv run pytest tests/benchmarks/bench_demo.py -s         # S M L (XL with EXPO_DESK_BENCH_XL=1)

For each tier it prints the time to generate the rows in Python alone, the time of the
whole ``write_demo`` (generation, inserts, index builds, foreign-key check), the file
size, and the ratio of the write to a baseline measured in the same run: the same
number of rows, as wide as a task row, inserted with ``executemany`` into a table with
no key, no index and no constraint in a fresh file (the floor of Python + SQLite on this
machine).
"""

from __future__ import annotations

import itertools
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from timing import run_tiers, tiers_for_pytest

from expo_desk.services import demo

TIER_NAMES = ("S", "M", "L")


def _baseline(folder: Path, rows: int) -> float:
    """Seconds to insert ``rows`` plain rows as wide as a task into an unconstrained table."""
    path = folder / "baseline.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        columns = demo.COLUMNS["tasks"]
        conn.execute(f"CREATE TABLE plain ({', '.join(columns)})")
        row = ("3f1c0c6e-9a43-4c4f-8d1e-1f6a2b3c4d5e", "a", "b", None, "task", "design_supervisor", "c",
               "施工图绘制", "2026-08-01", "2026-08-10", "2026-08-01", "2026-08-10", None, None, "not_started",
               "", "", 1, None, None)
        marks = ", ".join("?" for _ in columns)
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO plain VALUES ({marks})", itertools.repeat(row, rows))
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()
        path.unlink(missing_ok=True)


def measure(size: str, folder: Path) -> dict:
    start = time.perf_counter()
    generated = demo.generate(size)
    rows = sum(len(r) for _, r in generated.small_tables())
    for tasks, deps in generated.task_chunks():
        rows += len(tasks) + len(deps)
    generate_s = time.perf_counter() - start
    del generated

    path = folder / f"demo_{size}.sqlite"
    path.unlink(missing_ok=True)
    start = time.perf_counter()
    counts = demo.write_demo(path, size)
    write_s = time.perf_counter() - start
    size_mib = path.stat().st_size / 2**20
    path.unlink()

    baseline_s = _baseline(folder, rows)
    return {
        "size": size, "rows": sum(counts.values()), "tasks": counts["tasks"], "generate_s": generate_s,
        "write_s": write_s, "mib": size_mib, "baseline_s": baseline_s, "ratio": write_s / baseline_s,
    }


def report(result: dict) -> str:
    return (f"demo {result['size']:>2}: {result['rows']:>10,} rows ({result['tasks']:,} tasks) | "
            f"generate {result['generate_s']:6.2f} s | write_demo {result['write_s']:6.2f} s "
            f"({result['rows'] / result['write_s']:,.0f} rows/s) | file {result['mib']:7.1f} MiB | "
            f"baseline plain insert {result['baseline_s']:5.2f} s | ratio {result['ratio']:4.1f}x")


@pytest.mark.parametrize("size", tiers_for_pytest(TIER_NAMES))
def test_demo_write_speed(size, tmp_path):
    result = measure(size, tmp_path)
    print("\n" + report(result))
    assert result["rows"] > 0


def main(argv: list[str]) -> int:
    return run_tiers(argv, list(TIER_NAMES), "bench_demo_", lambda size, folder: report(measure(size, folder)))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
