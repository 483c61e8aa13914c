"""The hall plan of the exhibitor pack: the whole hall with the exhibitor's booths marked,
and, when those booths come out small on it, a close-up of their neighbourhood.

The booths are tinted and outlined rather than ringed with thick lines, so their numbers
stay readable even when several stand side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from expo_desk.domain.plan_report import PlanBooth, PlanHall
from expo_desk.reports.contract_tables import Words
from expo_desk.reports.plan import HIGHLIGHT, HallPlan, Placement, draw_hall, place_hall

if TYPE_CHECKING:
    from expo_desk.services.contract_documents import MarkedHall

CLOSE_UP_BELOW = 11 * mm  # a marked booth drawn narrower than this on the whole plan gets a close-up
CLOSE_UP_BOOTH = 24 * mm  # how wide the smallest marked booth is drawn in the close-up, at most
CLOSE_UP_MARGIN_CM = 400  # at least this much of the surroundings on each side of the booths
TINT_ALPHA = 0.28
PLAN_MAX_HEIGHT = 118 * mm
CLOSE_UP_HEIGHT = 72 * mm
CAPTION_BOOTHS = 6  # booth numbers listed above a plan; more are counted


@dataclass(frozen=True)
class Window:
    """A part of a hall in hall centimetres."""

    x: int
    y: int
    width: int
    depth: int


def marked_booths(hall: PlanHall, numbers: tuple[str, ...]) -> list[PlanBooth]:
    wanted = set(numbers)
    return [b for b in hall.booths if b.number in wanted]


def close_up_window(hall: PlanHall, numbers: tuple[str, ...], box_w: float, box_h: float) -> Window | None:
    """The part of the hall around the marked booths to draw in a box of ``box_w`` × ``box_h``
    points, or None when the whole hall already shows them large enough."""
    booths = marked_booths(hall, numbers)
    if not booths:
        return None
    whole = place_hall(hall, 0, 0, box_w, box_h)
    smallest = min(min(b.width_cm, b.depth_cm) for b in booths)
    if smallest * whole.scale >= CLOSE_UP_BELOW:
        return None
    x0 = min(b.x_cm for b in booths)
    y0 = min(b.y_cm for b in booths)
    x1 = max(b.x_cm + b.width_cm for b in booths)
    y1 = max(b.y_cm + b.depth_cm for b in booths)
    scale = CLOSE_UP_BOOTH / smallest  # points per cm
    needed = max((x1 - x0 + 2 * CLOSE_UP_MARGIN_CM) / box_w, (y1 - y0 + 2 * CLOSE_UP_MARGIN_CM) / box_h)
    scale = min(scale, 1 / needed)
    width = min(hall.width_cm, round(box_w / scale))
    depth = min(hall.depth_cm, round(box_h / scale))
    if width >= hall.width_cm * 0.8 and depth >= hall.depth_cm * 0.8:
        return None  # hardly closer than the whole hall
    x = min(max(0, round((x0 + x1 - width) / 2)), hall.width_cm - width)
    y = min(max(0, round((y0 + y1 - depth) / 2)), hall.depth_cm - depth)
    return Window(x, y, width, depth)


def cropped_hall(hall: PlanHall, window: Window) -> PlanHall:
    """The booths touching the window, moved so the window's corner is the hall's; a booth
    the window's edge cuts keeps its shape but not its texts, which would be cut too."""
    inside = []
    for b in hall.booths:
        x, y = b.x_cm - window.x, b.y_cm - window.y
        if x >= window.width or x + b.width_cm <= 0 or y >= window.depth or y + b.depth_cm <= 0:
            continue
        whole = x >= 0 and y >= 0 and x + b.width_cm <= window.width and y + b.depth_cm <= window.depth
        inside.append(replace(b, x_cm=x, y_cm=y) if whole else replace(b, x_cm=x, y_cm=y, number="", labels=()))
    return PlanHall(hall.code, hall.name, window.width, window.depth, tuple(inside))


class MarkedHallPlan(HallPlan):
    """A hall (or a close-up of one) with the exhibitor's booths tinted and outlined in red;
    on the whole hall a thin frame around them helps find small booths."""

    def __init__(self, hall: PlanHall, numbers: tuple[str, ...], language: str, width: float, height: float,
                 close_up: bool = False):
        super().__init__(hall, language=language, width=width, height=height)
        self.numbers, self.close_up = numbers, close_up

    def draw(self):
        c = self.canv
        if self.close_up:  # booths cut by the window's edge stay inside it
            p = place_hall(self.hall, 0, 0, self.width, self.height)
            x, y, w, h = p.box(0, 0, self.hall.width_cm, self.hall.depth_cm)
            c.saveState()
            path = c.beginPath()
            path.rect(x, y, w, h)
            c.clipPath(path, stroke=0, fill=0)
            self.placement = draw_hall(c, self.hall, 0, 0, self.width, self.height, language=self.language)
            c.restoreState()
        else:
            super().draw()
        self._mark(self.placement)

    def _mark(self, p: Placement) -> None:
        c = self.canv
        booths = marked_booths(self.hall, self.numbers)
        if not booths:
            return
        c.saveState()
        boxes = [p.box(b.x_cm, b.y_cm, b.width_cm, b.depth_cm) for b in booths]
        c.setFillColor(HIGHLIGHT)
        c.setFillAlpha(TINT_ALPHA)
        c.setStrokeColor(HIGHLIGHT)
        c.setLineWidth(1.8 if self.close_up else 0.9)
        for x, y, w, h in boxes:
            c.rect(x, y, w, h, stroke=1, fill=1)
        if not self.close_up and min(min(w, h) for _, _, w, h in boxes) < CLOSE_UP_BELOW:
            ring = 3.5
            left = min(x for x, _, _, _ in boxes) - ring
            bottom = min(y for _, y, _, _ in boxes) - ring
            right = max(x + w for x, _, w, _ in boxes) + ring
            top = max(y + h for _, y, _, h in boxes) + ring
            c.setLineWidth(1.1)
            c.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
        c.restoreState()


def without_names(hall: PlanHall) -> PlanHall:
    """The hall with booth numbers only: the overview above a close-up, where names would be
    too small to read (and fitting hundreds of them is most of a pack's drawing time)."""
    return replace(hall, booths=tuple(replace(b, labels=()) for b in hall.booths))


def hall_plans(w: Words, marked: MarkedHall, width: float) -> list[Flowable]:
    """The hall across the page with the exhibitor's booths in red, each drawing under its
    caption; then, when those booths come out small, a close-up of them with their neighbours' names."""
    hall = marked.hall
    name = w.say(hall.name or hall.code, f"Hall {hall.code}")
    listed = ", ".join(marked.marked) if len(marked.marked) <= CAPTION_BOOTHS else w.say(
        f"{len(marked.marked)} 个展位", f"{len(marked.marked)} booths")
    caption = f"{name} · {w.say('红色为您的展位', 'your booths in red')}: {listed}"
    height = min(PLAN_MAX_HEIGHT, width * hall.depth_cm / max(hall.width_cm, 1) + 4 * mm)
    window = close_up_window(hall, marked.marked, width, CLOSE_UP_HEIGHT)
    overview = hall if window is None else without_names(hall)
    out: list[Flowable] = [KeepTogether([Paragraph(escape(caption), w.styles["note"]), Spacer(1, 2 * mm),
                                         MarkedHallPlan(overview, marked.marked, w.language, width, height)])]
    if window is not None:
        title = f"{w.say('局部放大', 'Close-up')} · {name}"
        out += [Spacer(1, 4 * mm), KeepTogether([
            Paragraph(escape(title), w.styles["note"]), Spacer(1, 2 * mm),
            MarkedHallPlan(cropped_hall(hall, window), marked.marked, w.language, width, CLOSE_UP_HEIGHT,
                           close_up=True)])]
    return out


__all__ = ["MarkedHallPlan", "hall_plans", "without_names", "Window", "close_up_window", "cropped_hall", "marked_booths"]
