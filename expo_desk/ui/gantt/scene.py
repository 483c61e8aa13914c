"""The chart's scene: one ``RowItem`` per row on screen and one ``LinksItem`` for the arrows.

``LinksItem`` is one item for every finish-to-start arrow between rows on screen; it draws
only the arrows crossing the strip being painted (an index of row buckets finds them), and
rows far apart get two short stubs instead of a line across everything between.

x is days from ``origin`` (the chart's first day), y is pixels (``ROW_HEIGHT`` a row). The
background (row bands, weekends, week or month lines) and the today line are painted by
the scene for the strip being drawn, so they cost nothing per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from expo_desk.ui.gantt.items import (
    BAND_COLOUR,
    BAR_HEIGHT,
    BAR_TOP,
    CRITICAL_COLOUR,
    GRID_COLOUR,
    LINK_COLOUR,
    LONG_LINK_ROWS,
    ROW_HEIGHT,
    TODAY_COLOUR,
    WEEK_LINES_PX,
    WEEKEND_COLOUR,
    RowItem,
    ordinal,
)
from expo_desk.ui.gantt.rows import RowTree

LEAD_DAYS = 14  # room before the first bar
TAIL_DAYS = 45  # room after the last bar, for its label


class LinksItem(QGraphicsItem):
    """The finish-to-start arrows between rows on screen: ``links`` are (predecessor row index,
    successor row index, both critical)."""

    BUCKET = 32  # rows per bucket of the index that finds the arrows crossing a strip

    def __init__(self, rows: list[RowItem], links: list[tuple[int, int, bool]], extent: QRectF):
        super().__init__()
        self.rows, self.links, self._rect = rows, links, QRectF(extent)
        self.setZValue(1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._buckets: dict[int, list[int]] = {}
        for k, (a, b, _) in enumerate(links):
            if abs(a - b) > LONG_LINK_ROWS:  # drawn as two stubs: found from either end
                buckets = {a // self.BUCKET, b // self.BUCKET}
            else:
                buckets = range(min(a, b) // self.BUCKET, max(a, b) // self.BUCKET + 1)
            for bucket in buckets:
                self._buckets.setdefault(bucket, []).append(k)

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the mouse: clicks and tooltips go to the rows

    def pairs(self) -> list[tuple[str, str]]:
        """(predecessor id, successor id) of every arrow."""
        return [(self.rows[a].task_id, self.rows[b].task_id) for a, b, _ in self.links]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        exposed = option.exposedRect.intersected(self._painted_area(painter))
        first = max(0, int(exposed.top() // ROW_HEIGHT)) // self.BUCKET
        last = max(0, int(exposed.bottom() // ROW_HEIGHT)) // self.BUCKET
        seen: set[int] = set()
        for bucket in range(first, last + 1):
            seen.update(self._buckets.get(bucket, ()))
        if not seen:
            return
        transform = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        normal, critical = QPen(LINK_COLOUR, 1), QPen(CRITICAL_COLOUR, 1.4)
        for k in sorted(seen, key=lambda i: self.links[i][2]):  # critical arrows drawn last, on top
            a, b, is_critical = self.links[k]
            self._arrow(painter, transform, self.rows[a], self.rows[b], critical if is_critical else normal)
        painter.restore()

    @staticmethod
    def _painted_area(painter: QPainter) -> QRectF:
        """The scene rect the painter can reach: Qt hands this item its whole (scene-wide) rect
        as exposed, so the device's size (and clip) decide which arrows to draw."""
        device = painter.device()
        area = QRectF(0, 0, device.width(), device.height())
        inverse, invertible = painter.worldTransform().inverted()
        if not invertible:
            return QRectF()
        scene_area = inverse.mapRect(area)
        if painter.hasClipping():
            scene_area = scene_area.intersected(painter.clipBoundingRect())
        return scene_area

    @staticmethod
    def _arrow(painter: QPainter, transform, pred: RowItem, succ: RowItem, pen: QPen) -> None:
        p_span, s_span = pred.bar_span(), succ.bar_span()
        if p_span is None or s_span is None:
            return
        sx, dx, dy = transform.m11(), transform.dx(), transform.dy()
        end_x = round(p_span[1] * sx + dx) + (7 if pred.level == "milestone" else 0)
        start_x = round(s_span[0] * sx + dx) - (7 if succ.level == "milestone" else 0)
        p_mid = pred.index * ROW_HEIGHT + dy + BAR_TOP + BAR_HEIGHT / 2
        s_top = succ.index * ROW_HEIGHT + dy
        down = succ.index > pred.index
        path = QPainterPath(QPointF(end_x, p_mid))
        if abs(succ.index - pred.index) > LONG_LINK_ROWS:
            # rows far apart: a stub out of the predecessor and one into the successor, not a
            # line across the rows between (the tooltip names the other end)
            s_mid = s_top + BAR_TOP + BAR_HEIGHT / 2
            path.lineTo(end_x + 9, p_mid)
            path.addEllipse(QPointF(end_x + 10.5, p_mid), 1.5, 1.5)
            path.moveTo(start_x - 11, s_mid)
            path.addEllipse(QPointF(start_x - 12.5, s_mid), 1.5, 1.5)
            path.moveTo(start_x - 11, s_mid)
            path.lineTo(start_x, s_mid)
            tip, direction = QPointF(start_x, s_mid), (1, 0)
        elif start_x >= end_x - 1:
            # along, then straight down (or up) onto the successor's bar a few pixels in
            x = max(start_x + 4, end_x + 4) + 0.5
            tip_y = s_top + (BAR_TOP if down else BAR_TOP + BAR_HEIGHT)
            if succ.level == "milestone":
                x = round(s_span[0] * sx + dx) + 0.5
                tip_y = s_top + BAR_TOP + BAR_HEIGHT / 2 + (-7 if down else 7)
            path.lineTo(x, p_mid)
            path.lineTo(x, tip_y)
            tip, direction = QPointF(x, tip_y), (0, 1 if down else -1)
        else:
            # the successor starts before the predecessor ends: out, across the gap between rows, in
            gap_y = (s_top if down else s_top + ROW_HEIGHT) + 0.5
            s_mid = s_top + BAR_TOP + BAR_HEIGHT / 2
            path.lineTo(end_x + 6, p_mid)
            path.lineTo(end_x + 6, gap_y)
            path.lineTo(start_x - 7, gap_y)
            path.lineTo(start_x - 7, s_mid)
            path.lineTo(start_x, s_mid)
            tip, direction = QPointF(start_x, s_mid), (1, 0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        ux, uy = direction
        back = QPointF(tip.x() - ux * 5, tip.y() - uy * 5)
        side = QPointF(uy * 3.2, ux * 3.2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        painter.drawPolygon(QPolygonF([tip, back + side, back - side]))


@dataclass
class Prepared:
    """A ``schedule_view`` answer made ready for the chart: the row tree, the first day and
    length of the timeline, the links by predecessor. Pure Python, made off the window's
    thread (on 750,000 tasks the sorting and indexing take seconds too)."""

    data: dict
    tree: RowTree
    origin: int
    span: int
    links_from: dict[str, list[str]]


def prepare(data: dict, expanded: set[str] | None = None) -> Prepared:
    tree = RowTree(data["tasks"], expanded)
    today = int(data["today"])
    starts = [day for day in map(itemgetter("planned_start"), data["tasks"]) if day]
    finishes = [day for day in map(itemgetter("planned_finish"), data["tasks"]) if day]
    first = ordinal(min(starts)) if starts else today  # ISO dates sort as dates
    last = ordinal(max(finishes)) if finishes else today
    origin = min(first, today) - LEAD_DAYS
    links: dict[str, list[str]] = {}
    for predecessor, successor, *_ in data.get("links", ()):
        links.setdefault(predecessor, []).append(successor)
    return Prepared(data, tree, origin, max(last, today) - origin + TAIL_DAYS, links)


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
        self._links_from: dict[str, list[str]] = {}  # predecessor id → successor ids
        self._links_to: dict[str, list[str]] | None = None  # made at the first hover
        self.setBackgroundBrush(QColor("#ffffff"))

    # -- loading ---------------------------------------------------------------------------
    def load(self, prepared: Prepared) -> None:
        """Take a prepared ``schedule_view`` answer and make the rows on screen."""
        self.data, self.tree = prepared.data, prepared.tree
        self.today = int(prepared.data["today"])
        self.origin, self.span = prepared.origin, prepared.span
        self._links_from = prepared.links_from
        self._links_to = None
        self.rebuild()

    def clear_rows(self) -> None:
        """Nothing to show (no file, or another file being read)."""
        self.data, self.tree = None, None
        self.rebuild()

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
        add, tree_rows = self.addItem, self.tree.rows
        for index, task_id in enumerate(visible):
            row = tree_rows[task_id]
            item = RowItem(row, index, origin, today, width)
            if task_id in critical:
                item.critical = True
            item.total_float = floats.get(task_id)
            summary = rollup.get(task_id)
            if summary is not None:
                item.percent = summary.percent
                if summary.late:
                    item.late = True
                if summary.at_risk and item.level != "task":
                    item.at_risk = True
            elif row["status"] == "done" or row.get("percent_done"):
                item.percent = 100.0 if row["status"] == "done" else float(row["percent_done"])
            rows.append(item)
            by_id[task_id] = item
            add(item)
        selected = by_id.get(self.selected_id or "")
        if selected is not None:
            selected.selected = True
        arrows = []
        links_from = self._links_from
        for a in rows:
            for successor in links_from.get(a.task_id, ()):
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

    def neighbours(self, task_id: str) -> tuple[list[dict], list[dict]]:
        """(rows it follows, rows that follow it), for the hover."""
        if self._links_to is None:
            self._links_to = {}
            for predecessor, successors in self._links_from.items():
                for successor in successors:
                    self._links_to.setdefault(successor, []).append(predecessor)
        rows = self.tree.rows if self.tree is not None else {}
        after = [rows[i] for i in self._links_to.get(task_id, ()) if i in rows]
        before = [rows[i] for i in self._links_from.get(task_id, ()) if i in rows]
        return after, before

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
        if self.show_weekends and px_per_day >= WEEK_LINES_PX:
            for day in range(day0, day1):
                if (self.origin + day - 1) % 7 >= 5:  # ordinal 1 was a Monday
                    painter.fillRect(QRectF(day, rect.top(), 1, rect.height()), WEEKEND_COLOUR)
        pen = QPen(GRID_COLOUR, 0)
        painter.setPen(pen)
        lines = []
        for day in range(day0, day1):
            when = self.origin + day
            weekly = px_per_day >= WEEK_LINES_PX
            if (weekly and (when - 1) % 7 == 0) or (not weekly and date.fromordinal(when).day == 1):
                lines.append(QLineF(day, rect.top(), day, rect.bottom()))
        painter.drawLines(lines)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        x = self.today - self.origin + 0.5
        if rect.left() - 1 <= x <= rect.right() + 1:
            pen = QPen(TODAY_COLOUR, 2)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLine(QLineF(x, rect.top(), x, rect.bottom()))
