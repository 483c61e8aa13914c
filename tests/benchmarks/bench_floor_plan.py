"""What the floor plan costs on a tier-L show (25,000 booths, 10 halls of 2,500).

Run on demand:

    uv run python tests/benchmarks/bench_floor_plan.py          # tier L (writes the demo once, ~15 s)
    uv run python tests/benchmarks/bench_floor_plan.py XL       # another tier
    uv run pytest tests/benchmarks/bench_floor_plan.py -s

The demo file is kept in ``EXPO_DESK_BENCH_DIR`` or the temp folder. The real main window
is opened offscreen on the floor-plan page, then each figure is the median of several runs:

- show a hall: read its booths and build the scene (``FloorPlanPage.show_hall``);
- whole-hall paint: render the view fitted to the hall into a QImage (labels hidden);
- zoomed paint: the same at booth-label zoom (numbers and exhibitor names drawn);
- pan step: scroll the zoomed view by 40 px and repaint it;

each with its ratio to a same-run baseline: the same view of an empty scene of the same size.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene  # noqa: E402
from timing import bench_folder, demo_file, median_s, render_view  # noqa: E402

from expo_desk.app import create_window  # noqa: E402
from expo_desk.paths import AppPaths  # noqa: E402

REPEAT = 5
VIEW_SIZE = (1600, 1000)


def _median(call, repeat: int = REPEAT) -> float:
    return median_s(call, repeat)


def main(argv: list[str]) -> int:
    size = (argv[0] if argv else "L").upper()
    folder = bench_folder("expo_desk_bench_plan")
    path = demo_file(folder / f"plan_{size}.sqlite", size)
    app = QApplication.instance() or QApplication([])
    window = create_window(AppPaths(folder / "data"), path)
    window.resize(*VIEW_SIZE)
    window.show()
    window.nav.setCurrentRow(1)
    app.processEvents()
    page = window.floor_plan_page
    view = page.view
    halls = page.halls
    big = max(halls, key=lambda h: h["booth_count"])
    print(f"tier {size}: {len(halls)} halls, {sum(h['booth_count'] for h in halls):,} booths; "
          f"hall {big['code']} has {big['booth_count']:,}; view {view.viewport().width()}x{view.viewport().height()}")

    other = next(h for h in halls if h["id"] != big["id"])

    show = _median(lambda: (page.show_hall(other["id"]), page.show_hall(big["id"])), 3) / 2
    page.show_hall(big["id"])
    app.processEvents()
    scene = page.scene
    items = len(scene.items_by_id)
    view.fit_hall()
    whole = _median(lambda: render_view(view))
    # zoom to a 3 m booth ~130 px wide, in the middle of the hall
    middle = scene.booth_items()[items // 2]
    view.fly_to(middle, animate=False)
    app.processEvents()
    zoomed = _median(lambda: render_view(view))
    step = {"dx": 40}

    def pan():
        view.pan_by(step["dx"], 0)
        step["dx"] = -step["dx"]
        render_view(view)

    pan_time = _median(pan, 9)
    colour = _median(lambda: (page.set_colour_mode("sector"), page.set_colour_mode("status")), 3) / 2

    # baseline: the same view on an empty scene of the same size
    transform = view.transform()
    empty = QGraphicsScene(scene.sceneRect())
    empty.setBackgroundBrush(scene.backgroundBrush())
    view.setScene(empty)
    view.fit_hall()
    base_whole = _median(lambda: render_view(view))
    view.setTransform(transform)
    view.centerOn(middle.sceneBoundingRect().center())
    base_zoomed = _median(lambda: render_view(view))
    view.setScene(scene)

    # second baseline: QPainter filling the same rectangles straight into an image at whole-hall zoom
    view.fit_hall()
    rects = [i.sceneBoundingRect() for i in scene.booth_items()]
    brushes = [i.brush() for i in scene.booth_items()]
    fitted = view.transform()

    def raw_rects():
        image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.setTransform(fitted)
        painter.setPen(scene.booth_items()[0].pen())
        for rect, brush in zip(rects, brushes):
            painter.setBrush(brush)
            painter.drawRect(rect)
        painter.end()

    base_raw = _median(raw_rects)

    def row(name: str, seconds: float, base: float | None = None) -> None:
        ratio = f"  ({seconds / base:,.1f}× empty scene {base * 1000:.2f} ms)" if base else ""
        print(f"  {name:<36} {seconds * 1000:9.1f} ms{ratio}")

    print(f"hall of {items:,} booths:")
    row("show a hall (read + build scene)", show)
    row("recolour (status ↔ sector)", colour)
    row("whole-hall paint (labels hidden)", whole, base_whole)
    print(f"  {'':<36} {'':>9}     ({whole / base_raw:,.1f}× QPainter drawing the {items:,} rects itself "
          f"{base_raw * 1000:.2f} ms)")
    row("zoomed viewport paint (labels)", zoomed, base_zoomed)
    row("pan step 40 px + repaint", pan_time, base_zoomed)
    window.context.close()
    return 0


def test_floor_plan_benchmark():
    assert main([os.environ.get("EXPO_DESK_BENCH_TIER", "L")]) == 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
