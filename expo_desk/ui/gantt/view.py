"""The chart view, its date scale and the legend under it.

- Ctrl + wheel: zoom the time scale around the day under the cursor (rows keep their
  height); wheel: scroll rows; Shift + wheel: scroll through time;
- middle-button drag, or left drag on empty chart: pan;
- left drag on a detailed task's bar (when planning is allowed): move it by whole days;
  on its last pixels: move its finish (resize). ``bar_dragged`` gives the new dates when
  the button is released; Escape cancels;
- hover: a tooltip with the task's dates, owner and float.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QToolTip, QWidget

from expo_desk.ui.formats import short_date
from expo_desk.ui.gantt.items import (
    AXIS_HEIGHT,
    BASELINE_COLOUR,
    CRITICAL_COLOUR,
    DAY_LABELS_PX,
    GRID_COLOUR,
    HEADER_TEXT,
    LATE_COLOUR,
    MILESTONE_COLOUR,
    RISK_COLOUR,
    STATUS_COLOURS,
    SUMMARY_COLOUR,
    TODAY_COLOUR,
    WEEK_LINES_PX,
    RowItem,
    tooltip_html,
    translate,
)
from expo_desk.ui.language import ui_language

MIN_DAY_PX, MAX_DAY_PX = 0.6, 80.0
ZOOM_STEP = 1.2
SCALES = {"day": 32.0, "week": 12.0, "month": 3.5}  # pixels per day of the scale buttons
_PAN_START_PX = 4


class GanttView(QGraphicsView):
    bar_dragged = Signal(str, int, int)  # task id, new planned start and finish (ordinals)
    row_clicked = Signal(str)
    scale_changed = Signal(float)  # pixels per day
    moved = Signal()  # scrolled or zoomed: the header and the date scale follow

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gantt_view")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setMouseTracking(True)
        self.setTransform(QTransform.fromScale(SCALES["week"], 1.0))
        self.can_drag = False
        self._drag: dict | None = None  # item, mode, press x (scene), original dates
        self._pan: dict | None = None  # press position and scroll values
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.moved.emit())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.moved.emit())

    # -- scale and position ------------------------------------------------------------------
    def day_width(self) -> float:
        return self.transform().m11()

    def set_day_width(self, px: float, anchor_x: float | None = None) -> None:
        """Zoom the time scale, keeping the day under ``anchor_x`` (viewport px; default the middle) still."""
        px = max(MIN_DAY_PX, min(MAX_DAY_PX, px))
        if abs(px - self.day_width()) < 1e-9:
            return
        anchor_x = self.viewport().width() / 2 if anchor_x is None else anchor_x
        day = self.mapToScene(QPoint(int(anchor_x), 0)).x()
        self.setTransform(QTransform.fromScale(px, 1.0))
        drift = self.mapFromScene(QPointF(day, self.mapToScene(QPoint(0, 0)).y())).x() - anchor_x
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + round(drift))
        self.scale_changed.emit(px)
        self.moved.emit()

    def zoom_in(self) -> None:
        self.set_day_width(self.day_width() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_day_width(self.day_width() / ZOOM_STEP)

    def scroll_to_x(self, scene_x: float, fraction: float = 0.3) -> None:
        """Scroll so that scene x sits at ``fraction`` of the width."""
        current = self.mapFromScene(QPointF(scene_x, self.mapToScene(QPoint(0, 0)).y())).x()
        target = self.viewport().width() * fraction
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() + round(current - target))

    def scroll_to_row(self, index: int, row_height: float) -> None:
        """Bring a row into sight (a third from the top when it was out of sight)."""
        top = index * row_height
        view_top = self.mapToScene(QPoint(0, 0)).y()
        height = self.viewport().height()
        if view_top <= top and top + row_height <= view_top + height:
            return
        self.verticalScrollBar().setValue(round(top - height / 3))

    def top_scene_y(self) -> float:
        return self.mapToScene(QPoint(0, 0)).y()

    def day_to_viewport(self) -> tuple[float, float]:
        """(a, b) with viewport x = a × scene x + b."""
        scale = self.day_width()
        return scale, -self.mapToScene(QPoint(0, 0)).x() * scale

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.moved.emit()

    # -- mouse ---------------------------------------------------------------------------------
    def _row_item(self, pos: QPointF) -> RowItem | None:
        scene = self.scene()
        if scene is None or not hasattr(scene, "row_at"):
            return None
        return scene.row_at(self.mapToScene(pos.toPoint()).y())

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if steps:
                self.set_day_width(self.day_width() * ZOOM_STEP ** steps, event.position().x())
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and steps:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - round(steps * 120))
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event) -> None:
        pos = event.position()
        if event.button() == Qt.MouseButton.LeftButton:
            item = self._row_item(pos)
            if item is not None:
                self.row_clicked.emit(item.task_id)
                mode = item.hit(self.mapToScene(pos.toPoint()).x(), self.day_width()) if self.can_drag else None
                if mode is not None:
                    self._drag = {"item": item, "mode": mode, "x": self.mapToScene(pos.toPoint()).x(),
                                  "dates": (item.start, item.finish)}
                    event.accept()
                    return
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            self._pan = {"pos": pos, "h": self.horizontalScrollBar().value(), "v": self.verticalScrollBar().value(),
                         "moving": event.button() == Qt.MouseButton.MiddleButton}
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        if self._drag is not None:
            self._drag_to(self.mapToScene(pos.toPoint()).x())  # the bar's label shows the new dates
            return
        if self._pan is not None:
            delta = pos - self._pan["pos"]
            if not self._pan["moving"] and abs(delta.x()) + abs(delta.y()) >= _PAN_START_PX:
                self._pan["moving"] = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._pan["moving"]:
                self.horizontalScrollBar().setValue(self._pan["h"] - round(delta.x()))
                self.verticalScrollBar().setValue(self._pan["v"] - round(delta.y()))
            return
        self._hover_cursor(pos)
        super().mouseMoveEvent(event)

    def _drag_to(self, scene_x: float) -> None:
        drag = self._drag
        item, (start, finish) = drag["item"], drag["dates"]
        days = round(scene_x - drag["x"])
        if drag["mode"] == "move":
            item.set_preview((start + days, finish + days))
        else:
            item.set_preview((start, max(start, finish + days)))
        self.scene().refresh_links()

    def mouseReleaseEvent(self, event) -> None:
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            drag, self._drag = self._drag, None
            item = drag["item"]
            if item.preview is not None:
                self.bar_dragged.emit(item.task_id, *item.preview)
            return
        if self._pan is not None:
            self._pan = None
            self.viewport().unsetCursor()
            self._hover_cursor(event.position())
            return
        super().mouseReleaseEvent(event)

    def cancel_drag(self) -> None:
        """Drop a drag under way (Escape, or the rows are about to be made again)."""
        if self._drag is not None:
            self._drag["item"].set_preview(None)
            self.scene().refresh_links()
            self._drag = None

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self.cancel_drag()
            return
        super().keyPressEvent(event)

    def _hover_cursor(self, pos: QPointF) -> None:
        item = self._row_item(pos)
        mode = item.hit(self.mapToScene(pos.toPoint()).x(), self.day_width()) if item and self.can_drag else None
        if mode == "finish":
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
        elif mode == "move":
            self.viewport().setCursor(Qt.CursorShape.SizeAllCursor)
        else:
            self.viewport().unsetCursor()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._drag is None:
            item = self._row_item(QPointF(event.pos()))
            if item is not None and self._near_bar(item, event.pos()):
                text = tooltip_html(item, *self.scene().neighbours(item.task_id))
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _near_bar(self, item: RowItem, pos: QPoint) -> bool:
        span = item.bar_span()
        if span is None:
            return False
        x = self.mapToScene(pos).x()
        slack = 10 / self.day_width()
        return span[0] - slack <= x <= span[1] + slack + 160 / self.day_width()  # the label counts too


class TimeAxis(QWidget):
    """The date scale above the chart: months (or years) on top, days or weeks (or months) below,
    and a flag at today."""

    def __init__(self, view: GanttView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gantt_axis")
        self.view = view
        self.origin = date.today().toordinal()
        self.today: int | None = None
        self.setFixedHeight(AXIS_HEIGHT)
        view.moved.connect(self.update)

    def set_days(self, origin: int, today: int) -> None:
        self.origin, self.today = origin, today
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#eceff1"))
        scale, offset = self.view.day_to_viewport()
        first = int(-offset / scale) - 1
        last = int((self.width() - offset) / scale) + 2
        half = AXIS_HEIGHT // 2
        painter.setPen(QPen(GRID_COLOUR, 1))
        painter.drawLine(0, half, self.width(), half)
        painter.drawLine(0, AXIS_HEIGHT - 1, self.width(), AXIS_HEIGHT - 1)
        self._paint_tiers(painter, scale, offset, first, last, half)
        if self.today is not None:
            x = (self.today - self.origin + 0.5) * scale + offset
            painter.setPen(QPen(TODAY_COLOUR, 2))
            painter.drawLine(QPointF(x, half), QPointF(x, AXIS_HEIGHT))
        painter.end()

    def _paint_tiers(self, painter: QPainter, scale: float, offset: float, first: int, last: int, half: int) -> None:
        """Top tier: months (years when a month is narrow); bottom: days, week starts or months."""
        bottom_unit = "day" if scale >= DAY_LABELS_PX else "week" if scale >= WEEK_LINES_PX else "month"
        top_unit = "year" if bottom_unit == "month" else "month"
        for tier, unit, y, height in (("top", top_unit, 0, half), ("bottom", bottom_unit, half, AXIS_HEIGHT - half)):
            starts = [d for d in range(first, last + 1) if _starts(self.origin + d, unit)]
            if not starts or not _starts(self.origin + first, unit):
                starts.insert(0, first)
            for k, day in enumerate(starts):
                x0 = day * scale + offset
                x1 = (starts[k + 1] if k + 1 < len(starts) else last) * scale + offset
                when = date.fromordinal(self.origin + day)
                painter.setPen(QPen(GRID_COLOUR, 1))
                if _starts(self.origin + day, unit):
                    painter.drawLine(QPointF(x0, y), QPointF(x0, y + height))
                painter.setPen(HEADER_TEXT)
                text = _axis_text(when, unit, tier)
                box = QRectF(max(x0, 0) + 3, y, max(0.0, x1 - max(x0, 0) - 4), height)
                if painter.fontMetrics().horizontalAdvance(text) <= box.width():
                    painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


class Legend(QWidget):
    """What the colours and marks of the chart mean, in one line."""

    ENTRIES = (("status", "not_started", QT_TRANSLATE_NOOP("GanttChart", "Not started")),
               ("status", "in_progress", QT_TRANSLATE_NOOP("GanttChart", "In progress")),
               ("status", "blocked", QT_TRANSLATE_NOOP("GanttChart", "Blocked")),
               ("status", "done", QT_TRANSLATE_NOOP("GanttChart", "Done")),
               ("critical", None, QT_TRANSLATE_NOOP("GanttChart", "Critical path")),
               ("baseline", None, QT_TRANSLATE_NOOP("GanttChart", "Baseline")),
               ("late", None, QT_TRANSLATE_NOOP("GanttChart", "Late")),
               ("risk", None, QT_TRANSLATE_NOOP("GanttChart", "At risk")),
               ("milestone", None, QT_TRANSLATE_NOOP("GanttChart", "Milestone")),
               ("summary", None, QT_TRANSLATE_NOOP("GanttChart", "Main event")),
               ("today", None, QT_TRANSLATE_NOOP("GanttChart", "Today")))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gantt_legend")
        self.setMinimumHeight(20)
        self.setMinimumWidth(sum(30 + self.fontMetrics().horizontalAdvance(t) for t in self.texts()))

    def texts(self) -> list[str]:
        """The entries' words in the window's language."""
        return [translate("GanttChart", text) for *_, text in self.ENTRIES]

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        x, cy = 2.0, self.height() / 2
        for (kind, key, _english), text in zip(self.ENTRIES, self.texts(), strict=True):
            self._swatch(painter, kind, key, x, cy)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QRectF(x + 22, 0, 200, self.height()), Qt.AlignmentFlag.AlignVCenter, text)
            x += 30 + painter.fontMetrics().horizontalAdvance(text)
        painter.end()

    @staticmethod
    def _swatch(painter: QPainter, kind: str, key: str | None, x: float, cy: float) -> None:
        box = QRectF(x, cy - 5, 18, 10)
        painter.setPen(Qt.PenStyle.NoPen)
        if kind == "status":
            light, dark = STATUS_COLOURS[key]
            painter.fillRect(box, light)
            painter.fillRect(QRectF(x, cy - 2, 9, 4), dark)
        elif kind == "critical":
            painter.fillRect(box, STATUS_COLOURS["not_started"][0])
            painter.setPen(QPen(CRITICAL_COLOUR, 2))
            painter.drawRect(box)
        elif kind == "baseline":
            painter.fillRect(QRectF(x, cy - 1, 18, 3), BASELINE_COLOUR)
        elif kind == "late":
            painter.fillRect(box, LATE_COLOUR.lighter(170))
            painter.setPen(QPen(LATE_COLOUR, 1))
            for k in range(0, 18, 4):
                painter.drawLine(QPointF(x + k, cy + 5), QPointF(x + k + 5, cy - 5))
        elif kind == "risk":
            painter.setBrush(RISK_COLOUR)
            painter.drawPolygon(QPolygonF([QPointF(x + 9, cy - 6), QPointF(x + 15, cy + 5), QPointF(x + 3, cy + 5)]))
        elif kind == "milestone":
            painter.setBrush(MILESTONE_COLOUR)
            painter.drawPolygon(QPolygonF([QPointF(x + 9, cy - 6), QPointF(x + 15, cy), QPointF(x + 9, cy + 6),
                                           QPointF(x + 3, cy)]))
        elif kind == "summary":
            painter.fillRect(QRectF(x, cy - 3, 18, 5), SUMMARY_COLOUR)
        elif kind == "today":
            painter.fillRect(QRectF(x + 8, cy - 8, 2, 16), TODAY_COLOUR)


def _starts(day: int, unit: str) -> bool:
    when = date.fromordinal(day)
    if unit == "day":
        return True
    if unit == "week":
        return when.weekday() == 0
    if unit == "month":
        return when.day == 1
    return when.month == 1 and when.day == 1


_MONTHS = (QT_TRANSLATE_NOOP("GanttChart", "Jan"), QT_TRANSLATE_NOOP("GanttChart", "Feb"),
           QT_TRANSLATE_NOOP("GanttChart", "Mar"), QT_TRANSLATE_NOOP("GanttChart", "Apr"),
           QT_TRANSLATE_NOOP("GanttChart", "May"), QT_TRANSLATE_NOOP("GanttChart", "Jun"),
           QT_TRANSLATE_NOOP("GanttChart", "Jul"), QT_TRANSLATE_NOOP("GanttChart", "Aug"),
           QT_TRANSLATE_NOOP("GanttChart", "Sep"), QT_TRANSLATE_NOOP("GanttChart", "Oct"),
           QT_TRANSLATE_NOOP("GanttChart", "Nov"), QT_TRANSLATE_NOOP("GanttChart", "Dec"))


def _axis_text(when: date, unit: str, tier: str) -> str:
    """'2026', 'Sep 2026' / 'Sep' in English; '2026年', '2026年9月' / '9月' in Chinese."""
    if unit == "year":
        return translate("GanttChart", "%1", "a year on the time scale").replace("%1", str(when.year))
    if unit == "month":
        month = translate("GanttChart", _MONTHS[when.month - 1])
        if tier != "top":
            return month
        return translate("GanttChart", "%1 %2", "month and year on the time scale").replace(
            "%1", month).replace("%2", str(when.year))
    if unit == "week":
        return short_date(when, ui_language())
    return f"{when.day}"
