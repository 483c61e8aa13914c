"""The tree of rows (milestone ← main event ← detailed task) and the row header beside the chart.

``RowTree`` decides which rows are on screen: the children of expanded rows only, in
their planned order. It starts with milestones expanded (their events show) and events
collapsed (their detailed tasks do not), so a show of any size opens with a few dozen
rows. ``RowHeader`` paints the names of the rows on screen, indented by depth, with a
triangle to expand or collapse; it paints only the rows in sight.
"""

from __future__ import annotations

from datetime import date
from operator import itemgetter

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPolygonF
from PySide6.QtWidgets import QWidget

from expo_desk.ui.formats import short_date
from expo_desk.ui.gantt.items import (
    AXIS_HEIGHT,
    BAND_COLOUR,
    GRID_COLOUR,
    HEADER_TEXT,
    LATE_COLOUR,
    ROW_HEIGHT,
    SELECTED_COLOUR,
    day_label,
    row_title,
)
from expo_desk.ui.language import pick_joined, ui_language

INDENT_PX = 16


class RowTree:
    """Task rows by parent, and which parents are expanded; ``visible()`` lists the rows to draw."""

    def __init__(self, rows: list[dict], expanded: set[str] | None = None):
        self.rows: dict[str, dict] = {r["id"]: r for r in rows}
        known = self.rows
        children: dict[str | None, list[str]] = {}
        for row in sorted(rows, key=_ORDER):  # planned order; rows read in that order are not moved
            parent = row["parent_id"]
            children.setdefault(parent if parent in known else None, []).append(row["id"])
        self.children = children
        if expanded is None:
            expanded = {i for i in children.get(None, ()) if known[i]["level"] == "milestone"}
        self.expanded: set[str] = {i for i in expanded if i in self.children}
        self._visible: list[str] | None = None
        self._depth: dict[str, int] = {}
        self._order: list[str] | None = None  # every row, for the search
        self._position: dict[str, int] = {}

    def has_children(self, task_id: str) -> bool:
        return task_id in self.children

    def is_expanded(self, task_id: str) -> bool:
        return task_id in self.expanded

    def visible(self) -> list[str]:
        """Ids of the rows on screen, top to bottom."""
        if self._visible is None:
            order: list[str] = []
            depth: dict[str, int] = {}
            stack = [(i, 0) for i in reversed(self.children.get(None, []))]
            children, expanded = self.children, self.expanded
            while stack:
                task_id, level = stack.pop()
                order.append(task_id)
                depth[task_id] = level
                if task_id in expanded:
                    stack.extend((kid, level + 1) for kid in reversed(children[task_id]))
            self._visible, self._depth = order, depth
        return self._visible

    def depth(self, task_id: str) -> int:
        self.visible()
        return self._depth.get(task_id, 0)

    def set_expanded(self, task_id: str, expanded: bool) -> bool:
        """Expand or collapse a row; True when that changed anything."""
        if task_id not in self.children or (task_id in self.expanded) == expanded:
            return False
        if expanded:
            self.expanded.add(task_id)
        else:
            self.expanded.discard(task_id)
        self._visible = None
        return True

    def set_expanded_ids(self, ids: set[str]) -> None:
        """Open exactly these rows (those that have children)."""
        self.expanded = {i for i in ids if i in self.children}
        self._visible = None

    def toggle(self, task_id: str) -> bool:
        return self.set_expanded(task_id, task_id not in self.expanded)

    def expand_to(self, task_id: str) -> bool:
        """Expand every parent above a row so it is on screen; True when any was collapsed."""
        changed = False
        parent = self.rows.get(task_id, {}).get("parent_id")
        while parent in self.rows:
            changed |= self.set_expanded(parent, True)
            parent = self.rows[parent].get("parent_id")
        return changed

    def collapse_all(self) -> None:
        """Back to the opening state: milestones open, events and tasks closed."""
        self.expanded = {i for i in self.expanded if self.rows[i]["level"] == "milestone"}
        self._visible = None

    def find(self, text: str, after: str | None = None) -> str | None:
        """The next row (in planned order, after ``after``, then from the top) whose booth and
        name, or owner, hold ``text`` (any case)."""
        needle = text.strip().casefold()
        if not needle:
            return None
        if self._order is None:
            self._order = list(self.rows)  # the rows come in planned order
            self._position = {task_id: k for k, task_id in enumerate(self._order)}
        order, rows = self._order, self.rows
        start = self._position[after] + 1 if after in self._position else 0
        for k in range(start, start + len(order)):
            row = rows[order[k % len(order)]]
            titled = (f"{row.get('booth_number') or ''} {pick_joined(row['name'])}" if row.get("booth_number")
                      else pick_joined(row["name"]))
            if needle in titled.casefold() or needle in (row.get("owner_name") or "").casefold():
                return row["id"]
        return None


_ORDER = itemgetter("sort_order")


class RowHeader(QWidget):
    """Names of the rows on screen, scrolled with the chart; click selects, the triangle (or a
    double click) expands and collapses."""

    toggled = Signal(str)
    clicked = Signal(str)

    # the widest short date of either language, and a long span of days
    WIDEST_DAY = "2026-12-28"
    WIDEST_SPAN = "888"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gantt_rows")
        self.tree: RowTree | None = None
        self.top_row_y = 0.0  # scene y at the top of the chart's viewport
        self.selected: str | None = None
        self.late: set[str] = set()
        self.scroll_bar = None  # the chart's vertical scroll bar, moved by the wheel over the names
        self.setMinimumWidth(max(220, 2 * self.date_width() + self.days_width() + 80))
        self.setAutoFillBackground(True)
        self._bold: QFont | None = None

    def set_tree(self, tree: RowTree | None) -> None:
        self.tree = tree
        self.update()

    def set_top(self, scene_y: float) -> None:
        if scene_y != self.top_row_y:
            self.top_row_y = scene_y
            self.update()

    def row_at(self, y: float) -> str | None:
        if self.tree is None or y < AXIS_HEIGHT:
            return None
        index = int((y - AXIS_HEIGHT + self.top_row_y) // ROW_HEIGHT)
        visible = self.tree.visible()
        return visible[index] if 0 <= index < len(visible) else None

    def _column_width(self, title: str, widest: str) -> int:
        """As wide as the column's title or its widest value, whichever is wider."""
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(title) + 14, metrics.horizontalAdvance(widest) + 10)

    def date_width(self) -> int:
        widest = short_date(self.WIDEST_DAY, ui_language())
        return max(self._column_width(self.tr("Start"), widest), self._column_width(self.tr("Finish"), widest))

    def days_width(self) -> int:
        return self._column_width(self.tr("Days"), self.WIDEST_SPAN)

    def _name_width(self) -> int:
        return max(60, self.width() - self.date_width() * 2 - self.days_width())

    def mousePressEvent(self, event) -> None:
        task_id = self.row_at(event.position().y())
        if task_id is None or self.tree is None:
            return
        arrow_x = 4 + self.tree.depth(task_id) * INDENT_PX
        if self.tree.has_children(task_id) and arrow_x - 2 <= event.position().x() <= arrow_x + 16:
            self.toggled.emit(task_id)
        else:
            self.clicked.emit(task_id)

    def wheelEvent(self, event) -> None:
        """The wheel over the names scrolls the chart's rows."""
        if self.scroll_bar is not None:
            self.scroll_bar.setValue(self.scroll_bar.value() - round(event.angleDelta().y() / 120 * 3 * ROW_HEIGHT))
            event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        task_id = self.row_at(event.position().y())
        if task_id is not None and self.tree is not None and self.tree.has_children(task_id):
            self.toggled.emit(task_id)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        width, name_width = self.width(), self._name_width()
        date_width, days_width = self.date_width(), self.days_width()
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.fillRect(QRectF(0, 0, width, AXIS_HEIGHT), QColor("#eceff1"))
        painter.setPen(HEADER_TEXT)
        titles = ((0, name_width, self.tr("Task")), (name_width, date_width, self.tr("Start")),
                  (name_width + date_width, date_width, self.tr("Finish")),
                  (name_width + 2 * date_width, days_width, self.tr("Days")))
        for x, w, title in titles:
            painter.drawText(QRectF(x + 6, 0, w - 8, AXIS_HEIGHT), Qt.AlignmentFlag.AlignVCenter, title)
        painter.setPen(GRID_COLOUR)
        painter.drawLine(0, AXIS_HEIGHT - 1, width, AXIS_HEIGHT - 1)
        if self.tree is not None:
            painter.setClipRect(QRectF(0, AXIS_HEIGHT, width, self.height() - AXIS_HEIGHT))
            self._paint_rows(painter, width, name_width, date_width)
        painter.setClipping(False)
        painter.setPen(GRID_COLOUR)
        painter.drawLine(width - 1, 0, width - 1, self.height())
        painter.end()

    def _paint_rows(self, painter: QPainter, width: int, name_width: int, date_width: int) -> None:
        visible = self.tree.visible()
        first = max(0, int(self.top_row_y // ROW_HEIGHT))
        last = min(len(visible), first + (self.height() - AXIS_HEIGHT) // ROW_HEIGHT + 2)
        if self._bold is None:
            self._bold = QFont(self.font())
            self._bold.setBold(True)
        metrics_plain = self.fontMetrics()
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        for index in range(first, last):
            task_id = visible[index]
            row = self.tree.rows[task_id]
            top = AXIS_HEIGHT + index * ROW_HEIGHT - self.top_row_y
            band = QRectF(0, top, width, ROW_HEIGHT)
            if task_id == self.selected:
                painter.fillRect(band, SELECTED_COLOUR)
            elif index % 2:
                painter.fillRect(band, BAND_COLOUR)
            x = 4 + self.tree.depth(task_id) * INDENT_PX
            if self.tree.has_children(task_id):
                _draw_expander(painter, x, top, self.tree.is_expanded(task_id))
            x += 16
            summary = row["level"] != "task"
            painter.setFont(self._bold if summary else self.font())
            metrics = painter.fontMetrics() if summary else metrics_plain
            painter.setPen(LATE_COLOUR if task_id in self.late else HEADER_TEXT)
            title = metrics.elidedText(row_title(row), Qt.TextElideMode.ElideRight, name_width - x - 4)
            painter.drawText(QRectF(x, top, name_width - x, ROW_HEIGHT), align, title)
            painter.setFont(self.font())
            painter.setPen(HEADER_TEXT)
            start, finish = row.get("planned_start"), row.get("planned_finish")
            cells = (day_label(start), day_label(finish), _days(start, finish, row["level"]))
            for k, text in enumerate(cells):
                painter.drawText(QRectF(name_width + k * date_width + 4, top, width - name_width - k * date_width - 6,
                                        ROW_HEIGHT), align, text)


def _days(start: str | None, finish: str | None, level: str) -> str:
    if not start or not finish:
        return ""
    if level == "milestone":
        return "◆"
    return str(date.fromisoformat(finish).toordinal() - date.fromisoformat(start).toordinal() + 1)


def _draw_expander(painter: QPainter, x: float, top: float, expanded: bool) -> None:
    """A small filled triangle: pointing down when open, right when closed."""
    cx, cy = x + 6, top + ROW_HEIGHT / 2
    if expanded:
        points = [QPointF(cx - 4, cy - 2), QPointF(cx + 4, cy - 2), QPointF(cx, cy + 3)]
    else:
        points = [QPointF(cx - 2, cy - 4), QPointF(cx + 3, cy), QPointF(cx - 2, cy + 4)]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#546e7a"))
    painter.drawPolygon(QPolygonF(points))
    painter.restore()
