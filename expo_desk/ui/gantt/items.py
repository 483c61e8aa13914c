"""What one row of the chart draws, its hover text, and the colours and sizes of the chart.

``RowItem`` is a whole row (the full width of the timeline, one row high): it paints its
bar, baseline, progress, late tail, markers and a label in device pixels, so a bar is
crisp at any zoom and nothing is re-laid-out when the scale changes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from expo_desk.domain.task_names import TASK_LEVEL_NAMES, TASK_STATUS_NAMES, name_pair
from expo_desk.ui.formats import short_date, ui_date
from expo_desk.ui.language import pick_joined, pick_pair, ui_language
from expo_desk.ui.widgets.task_cards import role_text

ROW_HEIGHT = 26
AXIS_HEIGHT = 42  # the date scale above the chart, and the column titles above the row names
BAR_TOP, BAR_HEIGHT = 5, 13
BASELINE_TOP, BASELINE_HEIGHT = 20, 3
HANDLE_PX = 6  # the last pixels of a bar resize it instead of moving it
LABEL_GAP = 6
LONG_LINK_ROWS = 24  # an arrow between rows further apart is drawn as two short stubs
DAY_LABELS_PX = 18.0  # from this many pixels a day the scale names each day
WEEK_LINES_PX = 5.0  # from this many a week (else a month) is the unit of the scale and the grid

# (bar colour, progress colour) by status
STATUS_COLOURS: dict[str, tuple[QColor, QColor]] = {
    "not_started": (QColor("#cfd8dc"), QColor("#90a4ae")),
    "in_progress": (QColor("#90caf9"), QColor("#1e88e5")),
    "blocked": (QColor("#ffcc80"), QColor("#ef6c00")),
    "done": (QColor("#a5d6a7"), QColor("#43a047")),
}
CRITICAL_COLOUR = QColor("#d50000")
LATE_COLOUR = QColor("#c62828")
RISK_COLOUR = QColor("#ef6c00")
BASELINE_COLOUR = QColor("#a9b0b4")
SUMMARY_COLOUR = QColor("#37474f")
SUMMARY_TRACK = QColor("#b0bec5")
MILESTONE_COLOUR = QColor("#5e35b1")
LINK_COLOUR = QColor("#78909c")
TODAY_COLOUR = QColor("#f57c00")
HEADER_TEXT = QColor("#263238")
LABEL_TEXT = QColor("#455a64")
GRID_COLOUR = QColor("#dfe3e6")
BAND_COLOUR = QColor("#f7f9fa")
SELECTED_COLOUR = QColor("#dcecfb")
WEEKEND_COLOUR = QColor(96, 125, 139, 22)

# the name lupdate looks for: ``translate("GanttChart", text)``; counts go in as %1, since lupdate
# reads a count passed to translate() (not to tr()) only when it is a literal number
translate = QCoreApplication.translate

_LATE_BRUSH = QBrush(QColor(229, 57, 53, 150), Qt.BrushStyle.BDiagPattern)


def ordinal(iso: str | None) -> int | None:
    return date.fromisoformat(iso).toordinal() if iso else None


def iso_of(day: int) -> str:
    return date.fromordinal(day).isoformat()


def day_label(iso: str | None) -> str:
    """'Sep 18' / '9月18日' for a date of the schedule (the year is on the time scale)."""
    return short_date(iso, ui_language())


def row_title(row: dict) -> str:
    """The name in the row header: a detailed task of a booth starts with the booth number."""
    if row["level"] == "task" and row.get("booth_number"):
        return f"{row['booth_number']}  {pick_joined(row['name'])}"
    return pick_joined(row["name"])


_fonts: dict[str, QFont] = {}


def font(kind: str = "label") -> QFont:
    """Fonts made from the application's (which carries the bundled CJK fallback)."""
    if kind not in _fonts:
        made = QFont(QApplication.font())
        made.setPixelSize(11 if kind == "label" else 12)
        made.setBold(kind == "bold")
        _fonts[kind] = made
    return _fonts[kind]


class RowItem(QGraphicsItem):
    """One row of the chart; ``row`` is its dict from ``services.schedule.schedule_view``."""

    Type = QGraphicsItem.UserType + 31

    # what the scene sets when it differs (class defaults keep making 28,000 rows cheap)
    preview: tuple[int, int] | None = None  # dates while the bar is dragged
    critical = late = at_risk = selected = False
    percent = 0.0
    total_float: int | None = None

    def __init__(self, row: dict, index: int, origin: int, today: int, extent: QRectF):
        super().__init__()
        self.row = row
        self.task_id: str = row["id"]
        self.level: str = row["level"]
        self.index = index
        self.origin = origin
        self.today = today
        self.start = ordinal(row["planned_start"])
        self.finish = ordinal(row["planned_finish"]) or self.start
        self._rect = QRectF(extent.left(), index * ROW_HEIGHT, extent.width(), ROW_HEIGHT)

    @property
    def baseline(self) -> tuple[int | None, int | None]:
        return ordinal(self.row.get("baseline_start")), ordinal(self.row.get("baseline_finish"))

    def type(self) -> int:  # noqa: A003 - Qt's name
        return self.Type

    def boundingRect(self) -> QRectF:
        return self._rect

    # -- geometry (scene x = days from the chart's first day) --------------------------------
    def dates(self) -> tuple[int | None, int | None]:
        return self.preview if self.preview is not None else (self.start, self.finish)

    def bar_span(self) -> tuple[float, float] | None:
        """Left and right edge of the bar in scene x; a milestone is the middle of its day."""
        start, finish = self.dates()
        if start is None:
            return None
        if self.level == "milestone":
            middle = start - self.origin + 0.5
            return middle, middle
        return start - self.origin, finish + 1 - self.origin

    def hit(self, scene_x: float, px_per_day: float) -> str | None:
        """'finish' on the last pixels of the bar, 'move' on the rest, None off the bar."""
        span = self.bar_span()
        if span is None or self.level != "task":
            return None
        left, right = span
        width_px = (right - left) * px_per_day
        if width_px >= 2 * HANDLE_PX and right - HANDLE_PX / px_per_day <= scene_x <= right + 2 / px_per_day:
            return "finish"
        if left - 2 / px_per_day <= scene_x <= right + 2 / px_per_day:
            return "move"
        return None

    def move_to(self, start: str, finish: str) -> None:
        """New planned dates (ISO) once they are saved: the bar is drawn there from now on."""
        self.row["planned_start"], self.row["planned_finish"] = start, finish
        self.start, self.finish = ordinal(start), ordinal(finish)
        self.preview = None
        self.update()

    def set_preview(self, dates: tuple[int, int] | None) -> None:
        if dates is not None and dates == (self.start, self.finish):
            dates = None
        if dates != self.preview:
            self.preview = dates
            self.update()

    # -- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        transform = painter.worldTransform()
        sx, dx = transform.m11(), transform.dx()
        top = round(self.index * ROW_HEIGHT * transform.m22() + transform.dy())
        painter.save()
        painter.resetTransform()
        if self.selected:
            left = self._rect.left() * sx + dx
            painter.fillRect(QRectF(left, top, self._rect.width() * sx, ROW_HEIGHT), SELECTED_COLOUR)
        span = self.bar_span()
        if span is not None:
            x0, x1 = round(span[0] * sx + dx), round(span[1] * sx + dx)
            if self.level == "milestone":
                end = self._paint_milestone(painter, x0, top, sx)
            else:
                x1 = max(x1, x0 + 3)
                self._paint_baseline(painter, sx, dx, top)
                end = self._paint_late_tail(painter, sx, dx, x1, top)
                if self.level == "event":
                    self._paint_summary(painter, x0, x1, top)
                else:
                    self._paint_bar(painter, x0, x1, top, sx, dx)
            self._paint_label(painter, max(end, x1) + LABEL_GAP, top)
        painter.restore()

    def _paint_baseline(self, painter: QPainter, sx: float, dx: float, top: int) -> None:
        start, finish = self.baseline
        if start is None or finish is None:
            return
        b0, b1 = round((start - self.origin) * sx + dx), round((finish + 1 - self.origin) * sx + dx)
        painter.fillRect(b0, top + BASELINE_TOP, max(b1 - b0, 2), BASELINE_HEIGHT, BASELINE_COLOUR)

    def _paint_late_tail(self, painter: QPainter, sx: float, dx: float, x1: int, top: int) -> int:
        """The days a late bar has run past its planned finish, up to today, hatched red."""
        if not self.late or self.preview is not None:
            return x1
        today_x = round((self.today + 1 - self.origin) * sx + dx)
        if today_x <= x1:
            return x1
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_LATE_BRUSH)
        painter.drawRect(x1, top + BAR_TOP + 2, today_x - x1, BAR_HEIGHT - 4)
        painter.fillRect(x1, top + BAR_TOP + 2, 1, BAR_HEIGHT - 4, LATE_COLOUR)
        return today_x

    def _paint_bar(self, painter: QPainter, x0: int, x1: int, top: int, sx: float, dx: float) -> None:
        light, dark = STATUS_COLOURS.get(self.row.get("status"), STATUS_COLOURS["not_started"])
        bar = QRectF(x0, top + BAR_TOP, x1 - x0, BAR_HEIGHT)
        if self.preview is not None:  # where it was, as a dashed ghost
            g0 = round((self.start - self.origin) * sx + dx)
            g1 = max(round((self.finish + 1 - self.origin) * sx + dx), g0 + 3)
            painter.setPen(QPen(QColor("#78909c"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(g0 + 0.5, top + BAR_TOP + 0.5, g1 - g0 - 1, BAR_HEIGHT - 1))
        painter.fillRect(bar, light)
        done_px = round((x1 - x0) * max(0.0, min(self.percent, 100.0)) / 100.0)
        if done_px:
            painter.fillRect(QRectF(x0, top + BAR_TOP + 2, done_px, BAR_HEIGHT - 4), dark)
        if self.critical:
            painter.setPen(QPen(CRITICAL_COLOUR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(bar.adjusted(0, 0, 0, 0))
        else:
            painter.setPen(QPen(dark, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5))

    def _paint_summary(self, painter: QPainter, x0: int, x1: int, top: int) -> None:
        """A main event: a slim dark bar with a point down at each end, filled as far as it is done."""
        y, height = top + BAR_TOP + 1, 7
        painter.fillRect(x0, y, x1 - x0, height, SUMMARY_TRACK)
        done_px = round((x1 - x0) * max(0.0, min(self.percent, 100.0)) / 100.0)
        if done_px:
            painter.fillRect(x0, y, done_px, height, SUMMARY_COLOUR)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(RISK_COLOUR if self.at_risk else SUMMARY_COLOUR)
        point = min(6.0, (x1 - x0) / 2)
        for edge, inward in ((x0, point), (x1, -point)):
            painter.drawPolygon(QPolygonF([QPointF(edge, y), QPointF(edge + inward, y),
                                           QPointF(edge, y + height + 5)]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_milestone(self, painter: QPainter, x: int, top: int, sx: float) -> int:
        half = 7
        cy = top + BAR_TOP + BAR_HEIGHT / 2
        start, _ = self.baseline
        if start is not None and self.start is not None and start != self.start:
            bx = (start - self.start) * sx + x
            self._diamond(painter, bx, cy + 3, 4, None, QPen(BASELINE_COLOUR, 1))
        fill = STATUS_COLOURS["done"][1] if self.row.get("status") == "done" else MILESTONE_COLOUR
        pen = QPen(CRITICAL_COLOUR, 2) if self.critical else QPen(fill.darker(130), 1)
        self._diamond(painter, x, cy, half, RISK_COLOUR if self.at_risk else fill, pen)
        return x + half

    @staticmethod
    def _diamond(painter: QPainter, x: float, cy: float, half: float, fill, pen: QPen) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        painter.drawPolygon(QPolygonF([QPointF(x, cy - half), QPointF(x + half, cy), QPointF(x, cy + half),
                                       QPointF(x - half, cy)]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def label(self) -> str:
        row = self.row
        if self.preview is not None:  # being dragged: where it would go
            start, finish = self.preview
            days = translate("GanttChart", "(%1 day(s))").replace("%1", str(finish - start + 1))
            return f"{day_label(iso_of(start))} → {day_label(iso_of(finish))}  {days}"
        if self.level == "milestone":
            text = f"{row['name']}  {day_label(row.get('planned_start'))}"
        elif self.level == "event":
            text = f"{self.percent:.0f}%"
        else:
            text = row.get("owner_name") or (role_text(row["role"]) if row.get("role") else "")
            if 0 < self.percent < 100:
                text += f"  {self.percent:.0f}%"
        if self.late and self.row.get("status") != "done" and self.finish is not None and self.today > self.finish:
            text += "  " + translate("GanttChart", "%1 day(s) late").replace("%1", str(self.today - self.finish))
        return text

    def _paint_label(self, painter: QPainter, x: int, top: int) -> None:
        text = self.label()
        if self.at_risk:
            cx, cy = x + 6, top + ROW_HEIGHT / 2
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(RISK_COLOUR)
            painter.drawPolygon(QPolygonF([QPointF(cx, cy - 6), QPointF(cx + 6, cy + 5), QPointF(cx - 6, cy + 5)]))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(font("bold"))
            painter.drawText(QRectF(cx - 6, cy - 5, 12, 11), Qt.AlignmentFlag.AlignCenter, "!")
            x += 16
        if not text:
            return
        painter.setFont(font("bold" if self.level == "milestone" else "label"))
        painter.setPen(LATE_COLOUR if self.late else RISK_COLOUR if self.at_risk else LABEL_TEXT)
        painter.drawText(QRectF(x, top, 600, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, text)


def tooltip_html(item: RowItem, after: list[dict] = (), before: list[dict] = ()) -> str:
    """Name, booth, owner, planned / actual / baseline dates, float and the warnings, for the hover;
    ``after`` and ``before`` are the rows of the tasks it follows and the tasks that follow it."""
    row = item.row
    lines = [f"<b>{row['name']}</b> · {pick_pair(name_pair(TASK_LEVEL_NAMES, item.level))}"]
    if row.get("booth_number"):
        hall = f" ({row['hall_code']})" if row.get("hall_code") else ""
        lines.append(translate("GanttChart", "Booth: %1").replace("%1", f"{row['booth_number']}{hall}"))
    owner = row.get("owner_name") or ""
    role = role_text(row["role"]) if row.get("role") else ""
    if owner or role:
        lines.append(translate("GanttChart", "Owner: %1").replace("%1", owner + (f" · {role}" if role else "")))
    status = translate("GanttChart", "Status: %1").replace("%1", pick_pair(name_pair(TASK_STATUS_NAMES,
                                                                                      row.get("status"))))
    lines.append(status + (f" · {item.percent:.0f}%" if item.level != "milestone" else ""))
    for title, start, finish in ((translate("GanttChart", "Planned: %1"), "planned_start", "planned_finish"),
                                 (translate("GanttChart", "Actual: %1"), "actual_start", "actual_finish"),
                                 (translate("GanttChart", "Baseline: %1"), "baseline_start", "baseline_finish")):
        if start == "planned_start" or row.get(start) or row.get(finish):
            lines.append(title.replace("%1", _span(row.get(start), row.get(finish))))
    if item.total_float is not None:
        critical = translate("GanttChart", "critical path")
        lines.append(translate("GanttChart", "Total float: %1 day(s)").replace("%1", str(item.total_float))
                     + (f"  · <b>{critical}</b>" if item.critical else ""))
    for flagged, colour, words in ((item.late, LATE_COLOUR, translate("GanttChart", "Late")),
                                   (item.at_risk, RISK_COLOUR, translate("GanttChart", "At risk"))):
        if flagged:
            lines.append(f"<span style='color:{colour.name()}'>{words}</span>")
    if row.get("blocked_reason"):
        lines.append(translate("GanttChart", "Blocked: %1").replace("%1", row["blocked_reason"]))
    separator = translate("GanttChart", ", ", "between the names of a list")
    for title, others in ((translate("GanttChart", "Follows: %1"), after),
                          (translate("GanttChart", "Followed by: %1"), before)):
        if others:
            names = separator.join(row_title(o) for o in others[:3]) + (
                f" … (+{len(others) - 3})" if len(others) > 3 else "")
            lines.append(title.replace("%1", names))
    return "<br>".join(lines)


def _span(start: str | None, finish: str | None) -> str:
    text = f"{ui_date(start) or '—'} → {ui_date(finish) or '—'}"
    if start and finish:
        text += " " + translate("GanttChart", "(%1 day(s))").replace("%1", str(ordinal(finish) - ordinal(start) + 1))
    return text
