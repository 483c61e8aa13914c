"""What the Gantt chart costs on a tier-L show (~750,000 tasks, ~720,000 links, 10 halls).

Run on demand:

    uv run python tests/benchmarks/bench_gantt.py          # tier L (writes the demo once, ~60 s)
    uv run python tests/benchmarks/bench_gantt.py S        # another tier
    uv run pytest tests/benchmarks/bench_gantt.py -s

The demo file is kept in ``EXPO_DESK_BENCH_DIR`` or the temp folder. The real main window
is opened offscreen, the page made on it as of the demo's snapshot day, then:

- open the page: shown → chart painted (wall clock), and its parts: the schedule read
  and worked out by ``services.schedule.schedule_view`` (the baseline: the page cannot be
  faster than its data), preparing rows and links off the window's thread, and what the
  window's thread itself does (rows on screen made into items, first paint);
- expand the event with the most tasks, and collapse it again (items made / dropped,
  repainted), against a baseline of the same number of plain rectangle items;
- a viewport paint and a 40 px scroll step inside the expanded event;
- a search that opens the way to a task in a folded event and selects it;
- a reschedule (service write and the bar moved), then the chart worked out again.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene  # noqa: E402
from timing import bench_folder, demo_file, median_s, render_view, seconds  # noqa: E402

from expo_desk.app import create_window  # noqa: E402
from expo_desk.paths import AppPaths  # noqa: E402
from expo_desk.services.demo.show_dates import SNAPSHOT  # noqa: E402
from expo_desk.services.schedule import schedule_view  # noqa: E402
from expo_desk.ui.gantt.items import ROW_HEIGHT, iso_of  # noqa: E402
from expo_desk.ui.gantt.scene import prepare  # noqa: E402
from expo_desk.ui.pages.gantt_page import GanttPage  # noqa: E402

REPEAT = 5
SIZE = (1600, 1000)


def _median(call, repeat: int = REPEAT) -> float:
    return median_s(call, repeat)


def _plain_items(count: int) -> float:
    """Baseline: ``count`` plain rectangle items made and added to a scene."""
    scene = QGraphicsScene()
    start = time.perf_counter()
    for index in range(count):
        scene.addItem(QGraphicsRectItem(QRectF(0, index * ROW_HEIGHT, 400, ROW_HEIGHT)))
    took = time.perf_counter() - start
    scene.clear()
    return took


def main(argv: list[str]) -> int:
    size = (argv[0] if argv else "L").upper()
    folder = bench_folder("expo_desk_bench_gantt")
    path = demo_file(folder / f"gantt_{size}.sqlite", size)
    app = QApplication.instance() or QApplication([])
    window = create_window(AppPaths(folder / "data"), path)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    ctx = window.context
    today = iso_of(SNAPSHOT)

    service = seconds(lambda: schedule_view(ctx.db, ctx.show["id"], today))
    data = schedule_view(ctx.db, ctx.show["id"], today)
    prepared_in = seconds(lambda: prepare(data))
    tasks, links = len(data["tasks"]), len(data["links"])
    data = None  # the page reads its own

    page = GanttPage(ctx)
    page.today = today
    page.resize(*SIZE)
    ui_thread = {"load": 0.0}
    original_load = page.scene.load

    def timed_load(prepared):
        ui_thread["load"] += seconds(lambda: original_load(prepared))

    page.scene.load = timed_load
    start = time.perf_counter()
    page.show()
    page.wait_loaded()
    first_paint = seconds(lambda: render_view(page.view))
    opened = time.perf_counter() - start
    rows_open = len(page.scene.rows)
    print(f"tier {size}: {tasks:,} tasks, {links:,} links; view {page.view.viewport().width()}x"
          f"{page.view.viewport().height()}; {rows_open} rows on opening")

    tree = page.tree
    events = [i for i, r in tree.rows.items() if r["level"] == "event"]
    biggest = max(events, key=lambda i: len(tree.children.get(i, ())))
    under = len(tree.children.get(biggest, ()))
    page.set_scale("week")
    expand = seconds(lambda: (page.set_expanded(biggest, True), render_view(page.view)))
    items, arrows = len(page.scene.rows), len(page.scene.links_item.links)
    middle = page.scene.items_by_id[tree.children[biggest][under // 2]]
    page.select_task(middle.task_id)
    app.processEvents()
    paint = _median(lambda: render_view(page.view))
    step = {"dy": 40}

    def scroll():
        bar = page.view.verticalScrollBar()
        bar.setValue(bar.value() + step["dy"])
        step["dy"] = -step["dy"]
        render_view(page.view)

    scroll_step = _median(scroll, 9)
    zoom = _median(lambda: (page.set_scale("month"), render_view(page.view), page.set_scale("week"), render_view(page.view)),
                   3) / 2
    collapse = seconds(lambda: (page.set_expanded(biggest, False), render_view(page.view)))
    base_items = _plain_items(under)

    other = next(i for i in events if i != biggest and tree.children.get(i))
    deep = tree.rows[tree.children[other][-1]]
    wanted = f"{deep.get('booth_number') or ''} {deep['name']}".strip()
    search = seconds(lambda: page.find(wanted))
    assert page.scene.selected_id is not None
    shown_after_search = len(page.scene.rows)

    target = page.scene.items_by_id[deep["id"]]
    moved = (iso_of(target.start + 1), iso_of(target.finish + 1))
    reschedule = seconds(lambda: page.reschedule(deep["id"], *moved))
    again = seconds(lambda: (page.refresh(), page.wait_loaded()))
    ctx.undo_stack.undo()  # the benchmark file keeps its dates
    app.processEvents()
    page.wait_loaded()

    def row(name: str, seconds: float, note: str = "") -> None:
        print(f"  {name:<50} {seconds * 1000:10.1f} ms{note}")

    print("opening the page:")
    row("shown → chart painted (wall clock)", opened)
    row("  schedule_view alone (baseline: the data)", service, f"  → page {opened / service:.2f}× the baseline")
    row("  prepare rows and links (off the window's thread)", prepared_in)
    row("  window's thread: items for the rows on screen", ui_thread["load"], f"  ({rows_open} rows)")
    row("  first paint", first_paint)
    print(f"expanding the biggest event ({under:,} tasks; {items:,} rows, {arrows:,} arrows on screen):")
    row("expand + repaint", expand, f"  ({expand / base_items:.1f}× {under:,} plain rect items "
                                    f"{base_items * 1000:.1f} ms)")
    row("viewport paint inside the event", paint)
    row("scroll step 40 px + repaint", scroll_step)
    row("zoom week ↔ month + repaint", zoom)
    row("collapse + repaint", collapse)
    row("search a task in a folded event (opens it, selects)", search, f"  ({shown_after_search:,} rows after)")
    row("reschedule a task (service write, bar moved)", reschedule)
    row("chart worked out again after it", again)
    page.close()
    window.context.close()
    return 0


def test_gantt_benchmark():
    assert main([os.environ.get("EXPO_DESK_BENCH_TIER", "L")]) == 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
