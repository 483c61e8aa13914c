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
GROUP_GAP_CM = 300  # booths at most an aisle apart are framed and shown close up together
MAX_CLOSE_UPS = 3  # per hall; an exhibitor scattered wider has the overview only


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


def groups(booths: list[PlanBooth], gap_cm: int = GROUP_GAP_CM) -> list[list[PlanBooth]]:
    """The booths in groups standing together (no more than ``gap_cm`` apart, an aisle), in
    their first booth's order: each group gets one frame on the plan and one close-up."""
    found: list[list[PlanBooth]] = []
    for booth in booths:
        near = [g for g in found if any(_apart(booth, other) <= gap_cm for other in g)]
        merged = [booth]
        for group in near:
            found.remove(group)
            merged = group + merged
        found.append(merged)
    order = {b.number: i for i, b in enumerate(booths)}
    return sorted((sorted(g, key=lambda b: order[b.number]) for g in found), key=lambda g: order[g[0].number])


def _apart(a: PlanBooth, b: PlanBooth) -> int:
    dx = max(b.x_cm - (a.x_cm + a.width_cm), a.x_cm - (b.x_cm + b.width_cm), 0)
    dy = max(b.y_cm - (a.y_cm + a.depth_cm), a.y_cm - (b.y_cm + b.depth_cm), 0)
    return max(dx, dy)


def close_up_window(hall: PlanHall, booths: list[PlanBooth], overview_scale: float, box_w: float,
                    box_h: float) -> Window | None:
    """The part of the hall around ``booths`` to draw in a box of ``box_w`` × ``box_h`` points,
    or None when the overview (``overview_scale`` points per cm) already shows them large enough."""
    if not booths:
        return None
    smallest = min(min(b.width_cm, b.depth_cm) for b in booths)
    if smallest * overview_scale >= CLOSE_UP_BELOW:
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
        if not self.close_up:  # a frame around each group of small booths finds them on a big plan
            c.setLineWidth(1.1)
            for group in groups(booths):
                framed = [p.box(b.x_cm, b.y_cm, b.width_cm, b.depth_cm) for b in group]
                if min(min(w, h) for _, _, w, h in framed) >= CLOSE_UP_BELOW:
                    continue
                ring = 3.5
                left = min(x for x, _, _, _ in framed) - ring
                bottom = min(y for _, y, _, _ in framed) - ring
                right = max(x + w for x, _, w, _ in framed) + ring
                top = max(y + h for _, y, _, h in framed) + ring
                c.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
        c.restoreState()


def without_names(hall: PlanHall) -> PlanHall:
    """The hall with booth numbers only: the overview above a close-up, where names would be
    too small to read (and fitting hundreds of them is most of a pack's drawing time)."""
    return replace(hall, booths=tuple(replace(b, labels=()) for b in hall.booths))


def hall_plans(w: Words, marked: MarkedHall, width: float) -> list[Flowable]:
    """The hall across the page with the exhibitor's booths in red, each drawing under its
    caption; then, for each group of those booths that comes out small, a close-up of it
    with its neighbours' names."""
    hall = marked.hall
    name = w.say(hall.name or hall.code, f"Hall {hall.code}")
    caption = f"{name} · {w.say('红色为您的展位', 'your booths in red')}: {_listed(w, marked.marked)}"
    height = min(PLAN_MAX_HEIGHT, width * hall.depth_cm / max(hall.width_cm, 1) + 4 * mm)
    scale = place_hall(hall, 0, 0, width, height).scale
    close_ups = []
    for group in groups(marked_booths(hall, marked.marked))[:MAX_CLOSE_UPS]:
        window = close_up_window(hall, group, scale, width, CLOSE_UP_HEIGHT)
        if window is not None:
            close_ups.append((window, tuple(b.number for b in group)))
    overview = without_names(hall) if close_ups else hall
    out: list[Flowable] = [KeepTogether([Paragraph(escape(caption), w.styles["note"]), Spacer(1, 2 * mm),
                                         MarkedHallPlan(overview, marked.marked, w.language, width, height)])]
    for window, numbers in close_ups:
        title = f"{w.say('局部放大', 'Close-up')} · {name} · {_listed(w, numbers)}"
        out += [Spacer(1, 4 * mm), KeepTogether([
            Paragraph(escape(title), w.styles["note"]), Spacer(1, 2 * mm),
            MarkedHallPlan(cropped_hall(hall, window), marked.marked, w.language, width, CLOSE_UP_HEIGHT,
                           close_up=True)])]
    return out


def _listed(w: Words, numbers: tuple[str, ...]) -> str:
    if len(numbers) <= CAPTION_BOOTHS:
        return ", ".join(numbers)
    return w.say(f"{numbers[0]} 等 {len(numbers)} 个展位", f"{numbers[0]} and {len(numbers) - 1} more")


__all__ = ["MarkedHallPlan", "Window", "close_up_window", "cropped_hall", "groups", "hall_plans", "marked_booths",
           "without_names"]
