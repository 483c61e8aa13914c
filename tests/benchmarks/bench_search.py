"""How fast the exhibitor list answers a keystroke on a demo show, against a same-run baseline.

Run on demand (not part of the normal test run):

    uv run python tests/benchmarks/bench_search.py           # tier M
    uv run python tests/benchmarks/bench_search.py S L XL    # chosen tiers
    uv run pytest tests/benchmarks/bench_search.py -s        # tier M

For each tier it writes the demo file, then times one page (200 rows) of the exhibitor
search and its count for typical inputs (nothing typed, Chinese and English words, a
person's name, a phone fragment, two words, text that matches nothing, other sort
orders and a deep page). Each figure is the median of several runs and is printed with
its ratio to the baseline: ``SELECT count(*)`` of the exhibitors table, timed the same
way on the same file.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from timing import median_s, run_tiers

from expo_desk.services import demo
from expo_desk.services.exhibitors import count_exhibitors, search_exhibitors
from expo_desk.store import bulk
from expo_desk.store.db import open_database
from expo_desk.store.shows import show_by_code

REPEAT = 7

# label, text typed, sort column, descending, offset
CASES = (
    ("first page, nothing typed", "", "company_name", False, 0),
    ("sector word 钢铁", "钢铁", "company_name", False, 0),
    ("city 日照", "日照", "company_name", False, 0),
    ("English word Rizhao", "rizhao", "company_name", False, 0),
    ("surname 王 (contacts too)", "王", "company_name", False, 0),
    ("phone fragment 0633", "0633", "company_name", False, 0),
    ("two words 日照 钢铁", "日照 钢铁", "company_name", False, 0),
    ("no match", "zzzqqq", "company_name", False, 0),
    ("sort by account manager", "", "account_manager", False, 0),
    ("sort by expected value desc", "", "expected_value_fen", True, 0),
    ("sort by booths", "", "booths", False, 0),
    ("deep page (offset 2,000)", "", "company_name", False, 2_000),
)


def _median_s(call: Callable[[], object], repeat: int = REPEAT) -> float:
    return median_s(call, repeat)


def measure(size: str, folder: Path) -> list[tuple[str, float, float, int]]:
    """(label, page seconds, count seconds, matches) per case, the baseline first."""
    path = folder / f"search_{size}.sqlite"
    path.unlink(missing_ok=True)
    demo.write_demo(path, size)
    db = open_database(path, create=False)
    try:
        show_id = show_by_code(db, demo.SHOW["code"])["id"]
        total = bulk.count_rows(db, "exhibitors")
        baseline = _median_s(lambda: bulk.count_rows(db, "exhibitors"))
        results = [("baseline SELECT count(*)", baseline, baseline, total)]
        for label, text, sort, descending, offset in CASES:
            page = _median_s(lambda t=text, s=sort, d=descending, o=offset:
                             search_exhibitors(db, show_id, t, sort=s, descending=d, offset=o))
            counted = _median_s(lambda t=text: count_exhibitors(db, show_id, t))
            results.append((label, page, counted, count_exhibitors(db, show_id, text)))
        return results
    finally:
        db.close()
        path.unlink(missing_ok=True)


def _pad(text: str, width: int) -> str:
    """Left-align by display width (a Chinese character takes two columns)."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def report(size: str, results: list[tuple[str, float, float, int]]) -> str:
    baseline = results[0][1]
    lines = [f"exhibitor search, demo tier {size} ({results[0][3]:,} exhibitors), median of {REPEAT} runs"]
    for label, page, counted, matches in results:
        lines.append(f"  {_pad(label, 32)} page {page * 1000:8.3f} ms ({page / baseline:7.1f}x) | "
                     f"count {counted * 1000:8.3f} ms ({counted / baseline:7.1f}x) | {matches:>7,} matches")
    return "\n".join(lines)


@pytest.mark.parametrize("size", ["M"])
def test_exhibitor_search_speed(size, tmp_path):
    results = measure(size, tmp_path)
    print("\n" + report(size, results))
    assert results[0][3] == demo.TIERS[size].exhibitors


def main(argv: list[str]) -> int:
    return run_tiers(argv, ["M"], "bench_search_", lambda size, folder: report(size, measure(size, folder)))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
