"""The hall plan: one hall per page, to scale, booths coloured by status, as vector drawing.

``draw_hall`` draws a hall into any box of a canvas (the exhibitor pack puts a small one
on its booth page); ``HallPlan`` is that drawing as a flowable; ``PlanReport`` prints a
show's halls on A3 landscape with a legend, a scale bar and a title block.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from expo_desk.domain.plan_report import PlanBooth, PlanHall, PlanReportData
from expo_desk.reports.base import ACCENT, INK, MUTED, BaseReport, DocumentSettings, label
from expo_desk.reports.fonts import FONT
from expo_desk.reports.texts import dates_text

STATUS_ORDER = ("available", "reserved", "sold", "blocked")
STATUS_FILL = {
    "available": colors.HexColor("#dff3e3"),
    "reserved": colors.HexColor("#ffe7a3"),
    "sold": colors.HexColor("#bcd4f0"),
    "blocked": colors.HexColor("#d3d6da"),
}
STATUS_NAMES = {
    "available": ("可售", "Available"),
    "reserved": ("预留", "Reserved"),
    "sold": ("已售", "Sold"),
    "blocked": ("不可售", "Blocked"),
}
HIGHLIGHT = colors.HexColor("#d7263d")
HALL_FILL = colors.HexColor("#f8f9fb")
BOOTH_STROKE = colors.HexColor("#5b6773")

PT_PER_CM_AT_1_1 = 72 / 2.54  # one real cm drawn at 1:1, in points

MIN_NUMBER_SIZE = 1.4  # pt: tiny on paper but readable when the PDF is zoomed; smaller is left out
MIN_NAME_SIZE = 2.5  # pt: a name that does not fit at this size is left out
MAX_NAME_SIZE = 8.0
MAX_NUMBER_SIZE = 9.0


# ---------------------------------------------------------------- text fitting


class _Widths:
    """Character widths of the CJK font at 1 pt, cached (a 2,500-booth hall measures a lot)."""

    def __init__(self) -> None:
        self._cache: dict[str, float] = {}

    def char(self, ch: str) -> float:
        width = self._cache.get(ch)
        if width is None:
            width = self._cache[ch] = stringWidth(ch, FONT, 1)
        return width

    def text(self, text: str) -> float:
        return sum(self.char(ch) for ch in text)


_WIDTHS = _Widths()


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80  # CJK and full-width forms break anywhere


def _tokens(text: str) -> list[str]:
    """Words of Latin text (with their following space) and single CJK characters."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if _is_wide(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        elif ch == " ":
            word += ch
            tokens.append(word)
            word = ""
        else:
            word += ch
    if word:
        tokens.append(word)
    return tokens


def wrap_text(text: str, max_width: float) -> list[str] | None:
    """Lines of ``text`` no wider than ``max_width`` (in 1-pt units), or None when a single
    character is already too wide. Latin words move whole to the next line; a word longer
    than a line is cut."""
    lines: list[str] = []
    line, width = "", 0.0
    for token in _tokens(text):
        token_width = _WIDTHS.text(token)
        if width + _WIDTHS.text(token.rstrip()) <= max_width:
            line, width = line + token, width + token_width
            continue
        if line.strip():
            lines.append(line.rstrip())
        line, width = "", 0.0
        if _WIDTHS.text(token.rstrip()) <= max_width:
            line, width = token, token_width
            continue
        for ch in token:  # a word longer than the line: cut it
            cw = _WIDTHS.char(ch)
            if cw > max_width:
                return None
            if width + cw > max_width and line.strip():
                lines.append(line.rstrip())
                line, width = "", 0.0
            line, width = line + ch, width + cw
    if line.strip():
        lines.append(line.rstrip())
    return lines


def fit_lines(texts: tuple[str, ...], box_width: float, box_height: float,
              max_size: float = MAX_NAME_SIZE, min_size: float = MIN_NAME_SIZE) -> tuple[float, list[str]] | None:
    """The largest font size (and its lines) at which ``texts`` fit the box, trying all the
    texts first, then fewer; None when not even the first fits at ``min_size``."""
    leading = 1.18
    for count in range(len(texts), 0, -1):
        chosen = [t for t in texts[:count] if t.strip()]
        if not chosen:
            continue
        size = min(max_size, box_height / leading)
        while size >= min_size:
            lines: list[str] = []
            for text in chosen:
                wrapped = wrap_text(text, box_width / size)
                if wrapped is None:
                    lines = []
                    break
                lines += wrapped
            if lines and len(lines) * size * leading <= box_height:
                return size, lines
            size = size * 0.88 if size > min_size * 1.01 else 0
            if 0 < size < min_size:
                size = min_size
    return None


# ---------------------------------------------------------------- the drawing


@dataclass(frozen=True)
class Placement:
    """Where a hall lands on the page: its origin (top-left corner) and points per cm."""

    left: float
    top: float
    scale: float  # points per real cm
    ratio: int  # the drawing scale 1:ratio

    def box(self, x_cm: float, y_cm: float, width_cm: float, depth_cm: float) -> tuple[float, float, float, float]:
        """A rectangle in hall cm (y downwards from the hall's back wall) as PDF x, y, w, h."""
        w, h = width_cm * self.scale, depth_cm * self.scale
        return self.left + x_cm * self.scale, self.top - y_cm * self.scale - h, w, h


def place_hall(hall: PlanHall, x: float, y: float, width: float, height: float,
               standard_scale: bool = True) -> Placement:
    """Fit the hall in the box, centred, at a scale 1:N with N rounded up to two significant digits."""
    fit = min(width / max(hall.width_cm, 1), height / max(hall.depth_cm, 1))
    ratio = PT_PER_CM_AT_1_1 / fit
    if standard_scale:  # round up to two significant digits: 1:419 → 1:420, 1:1234 → 1:1300
        digits = 10 ** max(0, len(str(int(ratio))) - 2)
        ratio = max(1, math.ceil(ratio / digits - 1e-9)) * digits
    scale = PT_PER_CM_AT_1_1 / ratio
    left = x + (width - hall.width_cm * scale) / 2
    top = y + height - (height - hall.depth_cm * scale) / 2
    return Placement(left, top, scale, int(round(ratio)))


def draw_hall(canvas: Canvas, hall: PlanHall, x: float, y: float, width: float, height: float, *,
              language: str = "both", highlight: str | None = None, labels: bool = True,
              standard_scale: bool = True) -> Placement:
    """Draw the hall outline and its booths into the box (x, y bottom-left, in points)."""
    p = place_hall(hall, x, y, width, height, standard_scale)
    canvas.saveState()
    hx, hy, hw, hh = p.box(0, 0, hall.width_cm, hall.depth_cm)
    canvas.setFillColor(HALL_FILL)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1.2)
    canvas.rect(hx, hy, hw, hh, stroke=1, fill=1)

    line_width = max(0.15, min(0.5, p.scale * 3))  # thinner lines on a dense plan
    canvas.setLineWidth(line_width)
    canvas.setStrokeColor(BOOTH_STROKE)
    by_status: dict[str, list[PlanBooth]] = {}
    for booth in hall.booths:
        by_status.setdefault(booth.status if booth.status in STATUS_FILL else "available", []).append(booth)
    for status, booths in by_status.items():
        canvas.setFillColor(STATUS_FILL[status])
        for booth in booths:
            canvas.rect(*p.box(booth.x_cm, booth.y_cm, booth.width_cm, booth.depth_cm), stroke=1, fill=1)

    if labels:
        canvas.setFillColor(INK)
        for booth in hall.booths:
            _draw_booth_text(canvas, p, booth)

    if not hall.booths:
        canvas.setFillColor(MUTED)
        size = max(8.0, min(20.0, hw / 25))
        canvas.setFont(FONT, size)
        canvas.drawCentredString(hx + hw / 2, hy + hh / 2 - size / 3,
                                 label(language, "此展馆尚无展位", "No booths in this hall yet"))

    target = next((b for b in hall.booths if highlight and b.number == highlight), None)
    if target is not None:
        bx, by, bw, bh = p.box(target.x_cm, target.y_cm, target.width_cm, target.depth_cm)
        thick = 2.4  # drawn just outside the booth, so its number and name stay readable
        canvas.setStrokeColor(HIGHLIGHT)
        canvas.setLineWidth(thick)
        half = thick / 2
        canvas.rect(bx - half, by - half, bw + thick, bh + thick, stroke=1, fill=0)
        ring = thick + 3.5  # a second, thin ring around it finds a small booth on a big plan
        canvas.setLineWidth(0.9)
        canvas.rect(bx - ring, by - ring, bw + 2 * ring, bh + 2 * ring, stroke=1, fill=0)
    canvas.restoreState()
    return p


def _draw_booth_text(canvas: Canvas, p: Placement, booth: PlanBooth) -> None:
    x, y, w, h = p.box(booth.x_cm, booth.y_cm, booth.width_cm, booth.depth_cm)
    pad = max(0.6, min(w, h) * 0.06)
    inner_w, inner_h = w - 2 * pad, h - 2 * pad
    if inner_w <= 0 or inner_h <= 0:
        return
    number_width = _WIDTHS.text(booth.number) or 1
    number_size = min(MAX_NUMBER_SIZE, inner_w / number_width, inner_h * 0.42 if booth.labels else inner_h * 0.7)
    if number_size < MIN_NUMBER_SIZE:
        return
    top = y + h - pad
    canvas.setFont(FONT, number_size)
    canvas.drawCentredString(x + w / 2, top - number_size * 0.9, booth.number)
    if not booth.labels:
        return
    name_box_h = inner_h - number_size * 1.25
    fitted = fit_lines(booth.labels, inner_w, name_box_h, max_size=min(MAX_NAME_SIZE, number_size * 1.05))
    if fitted is None:
        return
    size, lines = fitted
    leading = size * 1.18
    block = len(lines) * leading
    # centre the name block in the space under the number
    start = top - number_size * 1.25 - (name_box_h - block) / 2
    canvas.setFont(FONT, size)
    for i, text in enumerate(lines):
        canvas.drawCentredString(x + w / 2, start - i * leading - size * 0.92, text)


class HallPlan(Flowable):
    """A hall drawn to fit the space it is given (or a fixed width and height)."""

    def __init__(self, hall: PlanHall, *, language: str = "both", highlight: str | None = None,
                 width: float | None = None, height: float | None = None, labels: bool = True):
        super().__init__()
        self.hall, self.language, self.highlight, self.labels = hall, language, highlight, labels
        self._fixed = (width, height)
        self.placement: Placement | None = None

    def wrap(self, avail_width, avail_height):
        width, height = self._fixed
        self.width = width if width is not None else avail_width
        self.height = height if height is not None else avail_height * 0.999
        return self.width, self.height

    def draw(self):
        self.placement = draw_hall(self.canv, self.hall, 0, 0, self.width, self.height, language=self.language,
                                   highlight=self.highlight, labels=self.labels)


# ---------------------------------------------------------------- the plan report


def nice_length_m(max_m: float) -> int:
    """The longest 1-2-5 length in metres not longer than ``max_m`` (at least 1)."""
    best = 1
    for magnitude in (1, 10, 100, 1000):
        for step in (1, 2, 5):
            if step * magnitude <= max_m:
                best = step * magnitude
    return best


class _HallPage(Flowable):
    """A whole page for one hall: the plan above, legend, scale bar and title block below."""

    BAND = 30 * mm  # legend and scale bar; the title block beside them, or under them on a narrow page
    TITLE_W = 150 * mm

    def __init__(self, report: PlanReport, hall: PlanHall):
        super().__init__()
        self.report, self.hall = report, hall

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, avail_height * 0.999
        return self.width, self.height

    def draw(self):
        c, r, hall = self.canv, self.report, self.hall
        highlight = r.data.highlight if r.marked is not None and r.marked[0] is hall else None
        p = draw_hall(c, hall, 0, self.band_top + 3 * mm, self.width, self.height - self.band_top - 3 * mm,
                      language=r.language, highlight=highlight)
        self._legend(c, hall)
        self._scale_bar(c, p)
        self._title_block(c, hall, p, highlight)

    @property
    def wide(self) -> bool:
        """Room for legend, scale bar, note and title block side by side (A3 and A4 landscape)."""
        return self.width >= 270 * mm

    @property
    def band_top(self) -> float:
        return self.BAND if self.wide else self.BAND + 27 * mm

    def _legend(self, c: Canvas, hall: PlanHall) -> None:
        r = self.report
        counts = Counter(b.status for b in hall.booths)
        top = self.band_top - 4 * mm
        c.setFont(FONT, 9)
        c.setFillColor(INK)
        c.drawString(0, top, r.label("图例", "Legend"))
        for i, status in enumerate(STATUS_ORDER):
            row_y = top - (i + 1) * 5.2 * mm
            c.setFillColor(STATUS_FILL[status])
            c.setStrokeColor(BOOTH_STROKE)
            c.setLineWidth(0.5)
            c.rect(0, row_y - 0.6 * mm, 7 * mm, 3.8 * mm, stroke=1, fill=1)
            c.setFillColor(INK)
            c.setFont(FONT, 8.5)
            zh, en = STATUS_NAMES[status]
            c.drawString(9 * mm, row_y, f"{r.label(zh, en)}  {counts.get(status, 0):,}")

    def _scale_bar(self, c: Canvas, p: Placement) -> None:
        r = self.report
        x0 = 75 * mm
        length_m = nice_length_m((90 * mm) / (p.scale * 100))
        bar = length_m * 100 * p.scale
        y = self.band_top - 16 * mm
        c.setFont(FONT, 9)
        c.setFillColor(INK)
        paper = r.settings.page_format.split("-")[0]  # the scale holds on this paper size only
        c.drawString(x0, self.band_top - 4 * mm, f"{r.label('比例', 'Scale')}  1:{p.ratio:,}  ({paper})")
        segments = 5 if length_m % 5 == 0 else (4 if length_m % 4 == 0 else 2)
        step = bar / segments
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        for i in range(segments):
            c.setFillColor(INK if i % 2 == 0 else colors.white)
            c.rect(x0 + i * step, y, step, 2.2 * mm, stroke=1, fill=1)
        c.setFillColor(INK)
        c.setFont(FONT, 7.5)
        c.drawCentredString(x0, y - 3.6 * mm, "0")
        c.drawCentredString(x0 + bar / 2, y - 3.6 * mm, f"{length_m / 2:g}")
        c.drawCentredString(x0 + bar, y - 3.6 * mm, f"{length_m} m")

    def _title_block(self, c: Canvas, hall: PlanHall, p: Placement, highlight: str | None) -> None:
        r, data = self.report, self.report.data
        w = self.TITLE_W if self.wide else self.width
        x0, y0, h = self.width - w, 0, self.BAND - 1 * mm
        c.setStrokeColor(INK)
        c.setLineWidth(0.8)
        c.rect(x0, y0, w, h, stroke=1, fill=0)
        c.setLineWidth(0.4)
        c.line(x0, y0 + h - 10 * mm, x0 + w, y0 + h - 10 * mm)
        c.setFillColor(ACCENT)
        c.setFont(FONT, 11)
        name = data.show_name if r.language != "en" else (data.show_name_en or data.show_name)
        c.drawString(x0 + 3 * mm, y0 + h - 5.2 * mm, _clip(name, w - 6 * mm, 11))
        if r.language == "both" and data.show_name_en and data.show_name_en != data.show_name:
            c.setFillColor(MUTED)
            c.setFont(FONT, 7.5)
            c.drawString(x0 + 3 * mm, y0 + h - 8.8 * mm, _clip(data.show_name_en, w - 6 * mm, 7.5))
        hall_name = hall.name or hall.code
        hall_text = r.label(hall_name, f"Hall {hall.code}")
        rows = [
            (r.label("展馆", "Hall"), hall_text),
            (r.label("尺寸", "Size"), f"{hall.width_cm / 100:g} × {hall.depth_cm / 100:g} m · "
                                      + r.label(f"{len(hall.booths):,} 个展位", f"{len(hall.booths):,} booths")),
            (r.label("展期", "Dates"), dates_text(data.start_date, data.end_date, "-")),
            (r.label("打印日期", "Printed"), data.printed_on),
        ]
        c.setFont(FONT, 8)
        for i, (key, value) in enumerate(rows):
            yy = y0 + h - 14.5 * mm - i * 4.2 * mm
            c.setFillColor(MUTED)
            c.drawString(x0 + 3 * mm, yy, key)
            c.setFillColor(INK)
            c.drawString(x0 + 30 * mm, yy, _clip(value, w - 33 * mm, 8))
        found = r.marked
        if found is not None:
            note_hall, booth = found
            if highlight:
                note = f"{r.label('标注展位', 'Marked booth')}: {booth.number}"
                if booth.labels:
                    note += f"  {booth.labels[0]}"
            else:
                note = f"{r.label('标注展位位于', 'Marked booth is in')} {note_hall.name or note_hall.code}: {booth.number}"
            c.setFillColor(HIGHLIGHT)
            c.setFont(FONT, 9)
            note = _clip(note, 110 * mm if self.wide else self.width - 80 * mm, 9)
            if self.wide:
                c.drawRightString(x0 - 4 * mm, y0 + 1.5 * mm, note)
            else:
                c.drawRightString(self.width, self.band_top - 26 * mm, note)


def _clip(text: str, width: float, size: float) -> str:
    """The text, cut with an ellipsis to fit ``width`` at ``size``."""
    if _WIDTHS.text(text) * size <= width:
        return text
    while text and (_WIDTHS.text(text) + _WIDTHS.char("…")) * size > width:
        text = text[:-1]
    return text + "…"


class PlanReport(BaseReport):
    """A show's hall plans, one hall per page, A3 landscape by default."""

    def __init__(self, data: PlanReportData, page_format: str = "A3-landscape"):
        show = data.show_name if data.language != "en" else (data.show_name_en or data.show_name)
        super().__init__(DocumentSettings(
            title_zh="展位平面图", title_en="Hall plan", organizer=data.organizer or show,
            logo_path=data.logo_path, language=data.language, page_format=page_format,
            subtitle=f"{show} ({data.show_code})",
        ))
        self.data = data
        self.marked = data.highlighted_booth()  # (hall, booth) or None

    def story(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        for i, hall in enumerate(self.data.halls):
            if i:
                flowables.append(PageBreak())
            flowables.append(_HallPage(self, hall))
        if not flowables:
            flowables.append(_NoHalls(self))
        return flowables


class _NoHalls(Flowable):
    def __init__(self, report: PlanReport):
        super().__init__()
        self.report = report

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, 20 * mm
        return self.width, self.height

    def draw(self):
        self.canv.setFont(FONT, 14)
        self.canv.setFillColor(MUTED)
        self.canv.drawString(0, 5 * mm, self.report.label("此展会尚无展馆", "This show has no halls yet"))


def render_plan(data: PlanReportData, out, page_format: str = "A3-landscape") -> None:
    """Write the plan PDF of ``data`` to a path or a binary file object."""
    PlanReport(data, page_format).render(out)


__all__ = ["HallPlan", "PlanReport", "draw_hall", "fit_lines", "place_hall", "render_plan", "wrap_text"]
