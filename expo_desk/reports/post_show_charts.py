"""The charts of the post-show report, drawn with ReportLab graphics in the bundled font:
columns (visitors by day, the exhibitor's leads by day with the agreements among them),
horizontal bars (visitors by sector, the exhibitor's own sector marked) and the scale the
satisfaction figure sits on."""

from __future__ import annotations

import math
from fractions import Fraction

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from expo_desk.reports.base import ACCENT, INK, MUTED, RULE
from expo_desk.reports.contract_tables import GOOD
from expo_desk.reports.fonts import FONT
from expo_desk.reports.texts import fit

BAR = colors.HexColor("#7fa7d6")  # the show's bars; the exhibitor's own in ACCENT
GRID = colors.HexColor("#e4e8ee")
PANEL = colors.HexColor("#f6f8fb")
AMBER = colors.HexColor("#c98a1b")
LOW_ZONE = colors.HexColor("#fbefd9")
HIGH_ZONE = colors.HexColor("#e2f1e7")


def nice_step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 × 10ⁿ) that divides 0..top into about ``ticks`` parts."""
    raw = max(top, 1) / ticks
    power = 10 ** max(0, math.floor(math.log10(raw)))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(1, factor * power)
    return 10 * power


def _number(value: int) -> str:
    return f"{value:,}"


class _Chart(Drawing):
    def __init__(self, width: float, height: float):
        super().__init__(width, height)
        self.initialFontName = FONT  # the drawing's starting font: no unembedded Helvetica in the file

    def text(self, x: float, y: float, text: str, size: float = 6.8, color=MUTED, anchor: str = "start") -> None:
        self.add(String(x, y, text, fontName=FONT, fontSize=size, fillColor=color, textAnchor=anchor))


class ColumnChart(_Chart):
    """Columns with their numbers on top and a light grid; ``part`` values (e.g. agreements
    among leads) are drawn inside each column from its foot, in ``part_color``."""

    def __init__(self, labels: list[str], values: list[int], width: float, height: float = 52 * mm, *,
                 part: list[int] | None = None, color=BAR, part_color=GOOD, legend: list[tuple[str, object]] = ()):
        super().__init__(width, height)
        top = max(values + [0])
        step = nice_step(top)
        ceiling = max(step, math.ceil(top / step) * step)
        left = stringWidth(_number(ceiling), FONT, 6.5) + 3 * mm
        bottom, head = 8 * mm, (9 * mm if legend else 4 * mm)
        plot_w, plot_h = width - left - 2 * mm, height - bottom - head
        for tick in range(0, ceiling + 1, step):
            y = bottom + plot_h * tick / ceiling
            self.add(Line(left, y, left + plot_w, y, strokeColor=RULE if tick == 0 else GRID, strokeWidth=0.5))
            self.text(left - 1.5 * mm, y - 2.2, _number(tick), 6.5, anchor="end")
        slot = plot_w / max(len(values), 1)
        bar_w = min(slot * 0.58, 22 * mm)
        for i, (name, value) in enumerate(zip(labels, values)):
            x = left + slot * i + (slot - bar_w) / 2
            h = plot_h * value / ceiling
            self.add(Rect(x, bottom, bar_w, h, fillColor=color, strokeColor=None))
            if part and part[i]:
                self.add(Rect(x, bottom, bar_w, plot_h * part[i] / ceiling, fillColor=part_color, strokeColor=None))
            self.text(x + bar_w / 2, bottom + h + 1.2 * mm, _number(value), 7.2, INK, "middle")
            self.text(x + bar_w / 2, bottom - 4.2 * mm, fit(name, slot - 1 * mm, 6.8), 6.8, anchor="middle")
        x = width - 2 * mm
        for name, swatch in reversed(list(legend)):
            x -= stringWidth(name, FONT, 6.5)
            self.text(x, height - 3.2 * mm, name, 6.5)
            x -= 3.4 * mm
            self.add(Rect(x, height - 3.3 * mm, 2.4 * mm, 2.4 * mm, fillColor=swatch, strokeColor=None))
            x -= 4 * mm


class SectorBars(_Chart):
    """One horizontal bar per sector, largest first; the exhibitor's own sector in the accent
    colour with its share of all sector visitors. ``others`` (the smaller sectors added up) is
    a line without a bar, which would dwarf the rest."""

    ROW = 4.6 * mm

    def __init__(self, rows: list[tuple[str, int, bool]], width: float, own_note: str = "",
                 others: tuple[str, int] | None = None):
        lines = len(rows) + (1 if others else 0)
        super().__init__(width, lines * self.ROW + 3 * mm)
        total = sum(value for _, value, _ in rows) + (others[1] if others else 0) or 1
        top = max([value for _, value, _ in rows] + [1])
        names = [n for n, _, _ in rows] + ([others[0]] if others else [])
        label_w = min(42 * mm, max(stringWidth(n, FONT, 7) for n in names) + 2.5 * mm)
        value_w = stringWidth(_number(top) + "  (00%)", FONT, 6.8) + 2 * mm
        bar_left, bar_w = label_w, width - label_w - value_w
        for i, (name, value, own) in enumerate(rows):
            y = self.height - (i + 1) * self.ROW
            if own:
                self.add(Rect(0, y - 0.6 * mm, width, self.ROW, fillColor=PANEL, strokeColor=None))
            self.text(0, y + 0.9 * mm, fit(name, label_w - 2 * mm, 7), 7, ACCENT if own else INK)
            length = max(bar_w * value / top, 0.4)
            self.add(Rect(bar_left, y + 0.2 * mm, length, self.ROW - 1.8 * mm,
                          fillColor=ACCENT if own else BAR, strokeColor=None))
            share = f"  ({value * 100 / total:.0f}%)" if own else ""
            self.text(bar_left + length + 1.2 * mm, y + 0.9 * mm, _number(value) + share, 6.8, ACCENT if own else MUTED)
        if others:
            y = self.height - lines * self.ROW
            self.text(0, y + 0.9 * mm, fit(others[0], label_w - 2 * mm, 7), 7, MUTED)
            self.text(bar_left, y + 0.9 * mm, _number(others[1]), 6.8)
        if own_note:
            self.text(width, 0, own_note, 6.3, anchor="end")


class SatisfactionScale(_Chart):
    """Where the figure sits on a scale from 0.1 to 10 (logarithmic, so 0.5 and 2 are as far
    from 1): below 1 the expectation was above the cost, from 1 on it was within it."""

    LOW, HIGH = 0.1, 10.0

    def __init__(self, value: Fraction | None, shown: str, width: float, words: tuple[str, str]):
        super().__init__(width, 15 * mm)
        below, above = words
        x0, x1, y = 2 * mm, width - 2 * mm, 7 * mm

        def x_of(v: float) -> float:
            v = min(max(v, self.LOW), self.HIGH)
            return x0 + (x1 - x0) * (math.log10(v) - math.log10(self.LOW)) / (math.log10(self.HIGH) - math.log10(self.LOW))

        one = x_of(1)
        self.add(Rect(x0, y - 1.6 * mm, one - x0, 3.2 * mm, fillColor=LOW_ZONE, strokeColor=None))
        self.add(Rect(one, y - 1.6 * mm, x1 - one, 3.2 * mm, fillColor=HIGH_ZONE, strokeColor=None))
        self.add(Line(one, y - 2.6 * mm, one, y + 2.6 * mm, strokeColor=MUTED, strokeWidth=0.8))
        for tick in (0.1, 0.2, 0.5, 1, 2, 5, 10):
            x = x_of(tick)
            self.add(Line(x, y - 1.6 * mm, x, y - 2.4 * mm, strokeColor=RULE, strokeWidth=0.5))
            self.text(x, y - 5.2 * mm, f"{tick:g}", 6.3, anchor="middle")
        self.text(x0 + 1 * mm, y + 2.6 * mm, below, 6.3, AMBER)
        self.text(x1 - 1 * mm, y + 2.6 * mm, above, 6.3, GOOD, "end")
        if value is not None:
            x = x_of(float(value))
            self.add(Circle(x, y, 2.2 * mm, fillColor=ACCENT, strokeColor=colors.white, strokeWidth=1.2))
            self.text(x, y + 3.4 * mm, shown, 7.5, ACCENT, "middle")


__all__ = ["ColumnChart", "SatisfactionScale", "SectorBars", "nice_step"]
