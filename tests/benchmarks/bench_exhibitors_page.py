"""What one keystroke in the Exhibitors page's search box costs on a big show.

Run on demand:

    uv run python tests/benchmarks/bench_exhibitors_page.py          # tier XL (writes ~1.8 GB once)
    uv run python tests/benchmarks/bench_exhibitors_page.py M        # another tier

It opens the real main window offscreen on a demo file and, for each prefix of what a
user types, sets the search text and times ``ExhibitorsPage.refresh()``: the SQL search,
the count, filling the model and the detail pane of the first match. Each figure is the
median of several runs, with its ratio to a same-run baseline: the same refresh with
nothing typed on a show of one exhibitor's worth of work (``SELECT count(*)`` of the table).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from timing import demo_file, median_s  # noqa: E402

from expo_desk.app import create_window  # noqa: E402
from expo_desk.paths import AppPaths  # noqa: E402
from expo_desk.store import bulk  # noqa: E402

REPEAT = 5
TYPED = ["日", "日照", "日照钢", "日照钢铁", "r", "ri", "riz", "rizh", "rizhao", "rizhao s", "rizhao steel",
         "王", "王伟", "13", "139", "zzzz", ""]


def _median(call) -> float:
    return median_s(call, REPEAT)


def main(argv: list[str]) -> int:
    size = (argv[0] if argv else "XL").upper()
    folder = Path(os.environ.get("EXPO_DESK_BENCH_DIR") or tempfile.mkdtemp(prefix="bench_page_"))
    path = demo_file(folder / f"page_{size}.sqlite", size)
    app = QApplication.instance() or QApplication([])
    window = create_window(AppPaths(folder / "data"), path)
    page = window.exhibitors_page
    db = window.context.db
    baseline = _median(lambda: bulk.count_rows(db, "exhibitors"))
    print(f"tier {size}: {bulk.count_rows(db, 'exhibitors'):,} exhibitors; baseline count(*) {baseline * 1000:.3f} ms;"
          f" median of {REPEAT}")
    worst = 0.0
    for text in TYPED:
        page.search_box.blockSignals(True)
        page.search_box.setText(text)
        page.search_box.blockSignals(False)
        took = _median(page.refresh)
        worst = max(worst, took)
        print(f"  {text!r:>16}  {took * 1000:7.2f} ms  ({took / baseline:7.1f}x)  {page.model.total:>7,} matches")
    print(f"worst keystroke: {worst * 1000:.1f} ms")
    window.context.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
