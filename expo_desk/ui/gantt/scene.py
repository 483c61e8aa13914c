"""The chart's scene: one ``RowItem`` per row on screen and one ``LinksItem`` for the arrows.

x is days from ``origin`` (the chart's first day), y is pixels (``ROW_HEIGHT`` a row). The
background (row bands, weekends, week or month lines) and the today line are painted by
the scene for the strip being drawn, so they cost nothing per row.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from expo_desk.ui.gantt.items import (
    BAND_COLOUR,
    GRID_COLOUR,
    ROW_HEIGHT,
    TODAY_COLOUR,
    WEEKEND_COLOUR,
    LinksItem,
    RowItem,
    ordinal,
)
from expo_desk.ui.gantt.rows import RowTree

LEAD_DAYS = 14  # room before the first bar
TAIL_DAYS = 45  # room after the last bar, for its label


class GanttScene(QGraphicsScene):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.data: dict | None = None
        self.tree: RowTree | None = None
        self.rows: list[RowItem] = []
        self.items_by_id: dict[str, RowItem] = {}
        self.links_item: LinksItem | None = None
        self.selected_id: str | None = None
        self.show_weekends = True
        self.today = date.today().toordinal()
        self.origin = self.today - LEAD_DAYS
        self.span = LEAD_DAYS + TAIL_DAYS
        self._links_from: dict[str, list[tuple[str, int]]] = {}
        self.setBackgroundBrush(QColor("#ffffff"))

    # -- loading ---------------------------------------------------------------------------
    def load(self, data: dict, tree: RowTree) -> None:
        """Take a ``schedule_view`` result and the row tree, and make the rows on screen."""
        self.data, self.tree = data, tree
        self.today = int(data["today"])
        tasks = tree.rows.values()
        starts = [t["planned_start"] for t in tasks if t.get("planned_start")]
        finishes = [t["planned_finish"] for t in tasks if t.get("planned_finish")]
        first = ordinal(min(starts)) if starts else self.today
        last = ordinal(max(finishes)) if finishes else self.today
        self.origin = min(first, self.today) - LEAD_DAYS
        self.span = max(last, self.today) - self.origin + TAIL_DAYS
        links: dict[str, list[tuple[str, int]]] = {}
        for predecessor, successor, *_ in data.get("links", ()):
            links.setdefault(predecessor, []).append((successor, 0))
        self._links_from = links
        self.rebuild()

    def extent(self) -> QRectF:
        return QRectF(0.0, 0.0, float(self.span), float(max(1, len(self.rows)) * ROW_HEIGHT))

    def rebuild(self) -> None:
        """Make the items of the rows the tree shows now (after expanding, collapsing, loading)."""
        self.clear()  # deletes the old items at C++ speed; their wrappers are dropped below
        self.rows, self.items_by_id, self.links_item = [], {}, None
        if self.tree is None or self.data is None:
            return
        visible = self.tree.visible()
        width = QRectF(0.0, 0.0, float(self.span), float(max(1, len(visible)) * ROW_HEIGHT))
        cpm, rollup = self.data.get("cpm"), self.data.get("rollup") or {}
        critical = cpm.critical if cpm is not None else set()
        floats = cpm.total_float if cpm is not None else {}
        rows, origin, today, by_id = self.rows, self.origin, self.today, self.items_by_id
        for index, task_id in enumerate(visible):
            row = self.tree.rows[task_id]
            item = RowItem(row, index, origin, width)
            item.today = today
            item.critical = task_id in critical
            item.total_float = floats.get(task_id)
            summary = rollup.get(task_id)
            if summary is not None:
                item.percent = float(summary.percent)
                item.late = bool(summary.late)
                item.at_risk = bool(summary.at_risk) and item.level != "task"
            else:
                item.percent = 100.0 if row.get("status") == "done" else float(row.get("percent_done") or 0)
            item.selected = task_id == self.selected_id
            rows.append(item)
            by_id[task_id] = item
            self.addItem(item)
        arrows = []
        for predecessor, successors in self._links_from.items():
            a = by_id.get(predecessor)
            if a is None:
                continue
            for successor, _ in successors:
                b = by_id.get(successor)
                if b is not None:
                    arrows.append((a.index, b.index, a.critical and b.critical))
        self.links_item = LinksItem(rows, arrows, width)
        self.addItem(self.links_item)
        self.setSceneRect(width)

    # -- rows ------------------------------------------------------------------------------
    def row_at(self, scene_y: float) -> RowItem | None:
        index = int(scene_y // ROW_HEIGHT)
        return self.rows[index] if 0 <= index < len(self.rows) and scene_y >= 0 else None

    def select(self, task_id: str | None) -> None:
        if task_id == self.selected_id:
            return
        old = self.items_by_id.get(self.selected_id or "")
        if old is not None:
            old.selected = False
            old.update()
        self.selected_id = task_id
        new = self.items_by_id.get(task_id or "")
        if new is not None:
            new.selected = True
            new.update()

    def late_ids(self) -> set[str]:
        return {i.task_id for i in self.rows if i.late}

    def refresh_links(self) -> None:
        if self.links_item is not None:
            self.links_item.update()

    # -- background and today line -----------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor("#ffffff"))
        first = max(0, int(rect.top() // ROW_HEIGHT))
        last = min(len(self.rows), int(rect.bottom() // ROW_HEIGHT) + 1)
        for index in range(first | 1, last, 2):
            painter.fillRect(QRectF(rect.left(), index * ROW_HEIGHT, rect.width(), ROW_HEIGHT), BAND_COLOUR)
        px_per_day = painter.worldTransform().m11()
        day0, day1 = int(rect.left()) - 1, int(rect.right()) + 2
        if self.show_weekends and px_per_day >= 4:
            for day in range(day0, day1):
                if (self.origin + day - 1) % 7 >= 5:  # ordinal 1 was a Monday
                    painter.fillRect(QRectF(day, rect.top(), 1, rect.height()), WEEKEND_COLOUR)
        pen = QPen(GRID_COLOUR, 0)
        painter.setPen(pen)
        lines = []
        for day in range(day0, day1):
            when = self.origin + day
            if (px_per_day >= 3 and (when - 1) % 7 == 0) or (px_per_day < 3 and date.fromordinal(when).day == 1):
                lines.append(QLineF(day, rect.top(), day, rect.bottom()))
        painter.drawLines(lines)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        x = self.today - self.origin + 0.5
        if rect.left() - 1 <= x <= rect.right() + 1:
            pen = QPen(TODAY_COLOUR, 2)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(QLineF(x, rect.top(), x, rect.bottom()))
