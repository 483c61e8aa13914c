"""Booth geometry on the hall plan: pure functions on rectangles in integer centimetres.

Coordinates: (x, y) is the top-left corner of a booth in its hall, x grows to the right
(east), y grows down the drawing (south); width runs along x, depth along y.

Open sides (the rule the plan and the pricing use):

- A side of a booth is **closed** when another booth touches it along that edge with a
  positive length — fully or only partly (a 3 m booth half covered by a neighbour's 1.5 m
  wall is closed on that side; a neighbour meeting it only at a corner point does not close
  anything). Every other side faces an aisle and is **open**.
- With ``hall=(width_cm, depth_cm)`` a side lying on the hall's outer wall is closed too
  (a wall is not an aisle); without it only booths count.
- ``tolerance_cm`` lets a neighbour a few centimetres away still count as touching (drawings
  imported from DXF are rarely exact); the default 0 wants the edges to meet exactly.
- The kind follows the number of open sides: 1 inline (单开口), 2 adjacent sides corner
  (角位), 3 peninsula (三面开), 4 island (岛位). **Two opposite open sides** (a booth between
  two aisles, neighbours left and right) count as a *corner*: the premium pays for the
  second aisle, whichever side it is on; ``OpenSides.opposite`` tells the two apart.
  **No open side** (a booth walled in on every side) is *enclosed*: it cannot be reached
  from an aisle, the plan should flag it, and pricing treats it like inline.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothType
from expo_desk.errors import UserError

DEFAULT_GRID_CM = 50  # 0.5 m
STANDARD_BOOTH_CM = 300  # 3 m x 3 m shell scheme
DEFAULT_AISLE_CM = 300


class GeometryError(UserError):
    """A layout that cannot be made (a merge that is not a rectangle, a bad pattern...)."""


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in cm: (x, y) top-left, width along x, depth along y."""

    x: int
    y: int
    width: int
    depth: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.depth

    @property
    def area_cm2(self) -> int:
        return self.width * self.depth

    def contains_point(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


def rect_of(item: object) -> Rect:
    """A Rect from a Rect, a BoothDraft, or a booth row (mapping with x_cm, y_cm, width_cm, depth_cm)."""
    if isinstance(item, Rect):
        return item
    if isinstance(item, Mapping):
        return Rect(int(item["x_cm"]), int(item["y_cm"]), int(item["width_cm"]), int(item["depth_cm"]))
    return Rect(int(item.x_cm), int(item.y_cm), int(item.width_cm), int(item.depth_cm))  # type: ignore[attr-defined]


# ---------------------------------------------------------------- overlap and containment


def overlaps(a: object, b: object) -> bool:
    """True when the two interiors share area; booths sharing only an edge do not overlap."""
    ra, rb = rect_of(a), rect_of(b)
    return ra.x < rb.right and rb.x < ra.right and ra.y < rb.bottom and rb.y < ra.bottom


def inside_hall(item: object, hall_width_cm: int, hall_depth_cm: int) -> bool:
    """True when the booth lies wholly inside the hall (its edges may lie on the walls)."""
    r = rect_of(item)
    return r.x >= 0 and r.y >= 0 and r.width > 0 and r.depth > 0 \
        and r.right <= hall_width_cm and r.bottom <= hall_depth_cm


class _Grid:
    """A spatial hash of rectangles, so overlap checks of 25,000 booths stay near linear."""

    def __init__(self, cell_cm: int = 1000):
        self.cell = cell_cm
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.rects: list[Rect] = []

    def _span(self, r: Rect) -> Iterable[tuple[int, int]]:
        c = self.cell
        for gx in range(r.x // c, max(r.x, r.right - 1) // c + 1):
            for gy in range(r.y // c, max(r.y, r.bottom - 1) // c + 1):
                yield gx, gy

    def add(self, r: Rect) -> int:
        index = len(self.rects)
        self.rects.append(r)
        for key in self._span(r):
            self.cells[key].append(index)
        return index

    def hits(self, r: Rect) -> list[int]:
        found: set[int] = set()
        for key in self._span(r):
            for index in self.cells.get(key, ()):
                if index not in found and overlaps(r, self.rects[index]):
                    found.add(index)
        return sorted(found)


def find_overlaps(items: Sequence[object], existing: Sequence[object] = ()) -> list[tuple[int, int | None, int]]:
    """Overlapping pairs: ``(i, j, -1)`` for items i < j overlapping each other and
    ``(i, None, k)`` for item i overlapping ``existing[k]``. Each pair once, in order."""
    found: list[tuple[int, int | None, int]] = []
    old = _Grid()
    for r in existing:
        old.add(rect_of(r))
    new = _Grid()
    for i, item in enumerate(items):
        r = rect_of(item)
        for k in old.hits(r):
            found.append((i, None, k))
        for j in new.hits(r):
            found.append((j, i, -1))
        new.add(r)
    return sorted(found, key=lambda t: (t[0], -1 if t[1] is None else t[1], t[2]))


# ---------------------------------------------------------------- snapping


def snap(value_cm: float, grid_cm: int = DEFAULT_GRID_CM) -> int:
    """The nearest grid line (halves round away from zero: 25 cm on a 50 cm grid → 50)."""
    if grid_cm <= 0:
        raise GeometryError("网格必须大于 0 / the grid must be larger than 0")
    steps = abs(value_cm) / grid_cm
    whole = int(steps + 0.5)
    return int(whole * grid_cm * (1 if value_cm >= 0 else -1))


def snap_rect(item: object, grid_cm: int = DEFAULT_GRID_CM) -> Rect:
    """Corner and size on the grid; a size never snaps below one grid step."""
    r = rect_of(item)
    x, y = snap(r.x, grid_cm), snap(r.y, grid_cm)
    return Rect(x, y, max(grid_cm, snap(r.width, grid_cm)), max(grid_cm, snap(r.depth, grid_cm)))


# ---------------------------------------------------------------- open sides


class Side(StrEnum):
    NORTH = "north"  # top edge (y)
    EAST = "east"  # right edge (x + width)
    SOUTH = "south"  # bottom edge (y + depth)
    WEST = "west"  # left edge (x)


class OpenKind(StrEnum):
    ENCLOSED = "enclosed"  # 0 open sides
    INLINE = "inline"  # 1 单开口
    CORNER = "corner"  # 2 角位 (adjacent, or opposite: see the module text)
    PENINSULA = "peninsula"  # 3 三面开
    ISLAND = "island"  # 4 岛位


_OPPOSITE = {Side.NORTH: Side.SOUTH, Side.SOUTH: Side.NORTH, Side.EAST: Side.WEST, Side.WEST: Side.EAST}


@dataclass(frozen=True)
class OpenSides:
    sides: frozenset[Side]

    @property
    def count(self) -> int:
        return len(self.sides)

    @property
    def opposite(self) -> bool:
        """Exactly two open sides, facing each other (north+south or east+west)."""
        return self.count == 2 and next(iter(self.sides)) in (_OPPOSITE[s] for s in self.sides)

    @property
    def kind(self) -> OpenKind:
        return (OpenKind.ENCLOSED, OpenKind.INLINE, OpenKind.CORNER, OpenKind.PENINSULA, OpenKind.ISLAND)[self.count]


def _overlap_len(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


class _EdgeIndex:
    """Edges of all booths by the coordinate of their line, for neighbour look-ups."""

    def __init__(self, rects: Sequence[Rect]):
        lines: dict[str, dict[int, list[tuple[int, int, int]]]] = {s: defaultdict(list) for s in Side}
        for i, r in enumerate(rects):
            lines[Side.NORTH][r.y].append((r.x, r.right, i))
            lines[Side.SOUTH][r.bottom].append((r.x, r.right, i))
            lines[Side.WEST][r.x].append((r.y, r.bottom, i))
            lines[Side.EAST][r.right].append((r.y, r.bottom, i))
        self.lines = lines
        self.keys = {s: sorted(lines[s]) for s in Side}

    def touching(self, side: Side, at: int, start: int, end: int, tolerance: int, me: int) -> bool:
        """Is there another booth whose opposite edge lies on line ``at`` (± tolerance) along [start, end)?"""
        facing = _OPPOSITE[side]
        keys = self.keys[facing]
        for key in keys[bisect_left(keys, at - tolerance):bisect_right(keys, at + tolerance)]:
            for s0, s1, index in self.lines[facing][key]:
                if index != me and _overlap_len(start, end, s0, s1) > 0:
                    return True
        return False


def open_sides_all(items: Sequence[object], hall: tuple[int, int] | None = None,
                   tolerance_cm: int = 0) -> list[OpenSides]:
    """The open sides of every booth, by the rule in the module text; in the order given."""
    rects = [rect_of(i) for i in items]
    index = _EdgeIndex(rects)
    result = []
    for i, r in enumerate(rects):
        open_: set[Side] = set()
        edges = {
            Side.NORTH: (r.y, r.x, r.right), Side.SOUTH: (r.bottom, r.x, r.right),
            Side.WEST: (r.x, r.y, r.bottom), Side.EAST: (r.right, r.y, r.bottom),
        }
        for side, (at, start, end) in edges.items():
            if hall is not None and _on_wall(side, at, hall, tolerance_cm):
                continue
            if not index.touching(side, at, start, end, tolerance_cm, i):
                open_.add(side)
        result.append(OpenSides(frozenset(open_)))
    return result


def _on_wall(side: Side, at: int, hall: tuple[int, int], tolerance: int) -> bool:
    width, depth = hall
    wall = {Side.NORTH: 0, Side.WEST: 0, Side.SOUTH: depth, Side.EAST: width}[side]
    if side in (Side.NORTH, Side.WEST):
        return at <= wall + tolerance
    return at >= wall - tolerance


def open_sides(item: object, neighbours: Iterable[object], hall: tuple[int, int] | None = None,
               tolerance_cm: int = 0) -> OpenSides:
    """The open sides of one booth among its neighbours (the booth itself may be among them
    only if it is the same object or an equal rectangle at the same place: it is skipped)."""
    me = rect_of(item)
    others = [r for r in (rect_of(n) for n in neighbours) if r != me]
    return open_sides_all([me, *others], hall, tolerance_cm)[0]


# ---------------------------------------------------------------- numbering

_HASHES = re.compile(r"#+")


def _format_pattern(pattern: str) -> str:
    """'A1-###' is shorthand for 'A1-{n:03d}'; a pattern must hold one {n} field."""
    if "{" not in pattern and "#" in pattern:
        return _HASHES.sub(lambda m: f"{{n:0{len(m.group())}d}}", pattern, count=1)
    return pattern


def booth_number(pattern: str, n: int) -> str:
    """The n-th number of a pattern: ``booth_number('A1-{n:03d}', 7) == 'A1-007'``.

    Patterns are Python format strings with one field ``n`` (``{n}``, ``{n:03d}``), or the
    shorthand ``A1-###`` (as many digits as ``#``).
    """
    fmt = _format_pattern(pattern)
    try:
        text = fmt.format(n=n)
    except (KeyError, IndexError, ValueError) as exc:
        raise GeometryError(f"编号格式无效：{pattern} / not a numbering pattern: '{pattern}' "
                            f"(use e.g. A1-{{n:03d}} or A1-###)") from exc
    if text == fmt:
        raise GeometryError(f"编号格式缺少序号：{pattern} / the pattern has no place for the number: '{pattern}' "
                            f"(use e.g. A1-{{n:03d}} or A1-###)")
    return text


def booth_numbers(pattern: str, count: int, first: int = 1) -> list[str]:
    return [booth_number(pattern, n) for n in range(first, first + count)]


# ---------------------------------------------------------------- block generator


def generate_block(rows: int, columns: int, *, pattern: str = "A1-{n:03d}", first: int = 1,
                   x_cm: int = 0, y_cm: int = 0, width_cm: int = STANDARD_BOOTH_CM,
                   depth_cm: int = STANDARD_BOOTH_CM, aisle_cm: int = DEFAULT_AISLE_CM,
                   rows_per_band: int = 2, booth_type: BoothType = BoothType.SHELL,
                   sector: str = "") -> list[BoothDraft]:
    """A block of ``rows`` x ``columns`` booths starting at (x_cm, y_cm).

    Rows are grouped into bands of ``rows_per_band`` back-to-back rows (2: the usual
    double row with an aisle on each side; 1: an aisle after every row); ``aisle_cm`` runs
    between bands. Booths within a row touch. Numbering runs row by row, left to right.
    """
    problems = []
    if rows < 1 or columns < 1:
        problems.append("行数和列数至少为 1 / rows and columns must be at least 1")
    if width_cm <= 0 or depth_cm <= 0:
        problems.append("展位宽和深必须大于 0 / booth width and depth must be larger than 0")
    if aisle_cm < 0:
        problems.append("通道宽度不能为负 / the aisle width cannot be negative")
    if rows_per_band < 1:
        problems.append("每组行数至少为 1 / rows per band must be at least 1")
    if problems:
        raise GeometryError("\n".join(problems))
    booth_number(pattern, first)  # the pattern is checked before any booth is made
    drafts = []
    n = first
    for row in range(rows):
        band, within = divmod(row, rows_per_band)
        y = y_cm + band * (rows_per_band * depth_cm + aisle_cm) + within * depth_cm
        for column in range(columns):
            drafts.append(BoothDraft(booth_number(pattern, n), x_cm + column * width_cm, y, width_cm, depth_cm,
                                     booth_type, sector))
            n += 1
    return drafts


def block_size(rows: int, columns: int, *, width_cm: int = STANDARD_BOOTH_CM, depth_cm: int = STANDARD_BOOTH_CM,
               aisle_cm: int = DEFAULT_AISLE_CM, rows_per_band: int = 2) -> tuple[int, int]:
    """The (width, depth) in cm the block of ``generate_block`` covers."""
    bands = -(-rows // rows_per_band)
    return columns * width_cm, rows * depth_cm + (bands - 1) * aisle_cm


# ---------------------------------------------------------------- merge and split


def merge(items: Sequence[object]) -> Rect:
    """The one rectangle that the given booths exactly fill; GeometryError otherwise.

    They must not overlap and their union must be a rectangle (no gap, no L shape).
    """
    rects = [rect_of(i) for i in items]
    if len(rects) < 2:
        raise GeometryError("至少选择两个展位才能合并 / choose at least two booths to merge")
    if find_overlaps(rects):
        raise GeometryError("所选展位相互重叠 / the booths overlap each other")
    x0, y0 = min(r.x for r in rects), min(r.y for r in rects)
    x1, y1 = max(r.right for r in rects), max(r.bottom for r in rects)
    union = Rect(x0, y0, x1 - x0, y1 - y0)
    if sum(r.area_cm2 for r in rects) != union.area_cm2:
        raise GeometryError("所选展位合并后不是矩形（不相邻或呈 L 形）/ the booths do not form one rectangle "
                            "(they are not adjacent, or they make an L shape)")
    return union


class Direction(StrEnum):
    ACROSS = "across"  # cut along x: parts side by side, each narrower
    DOWN = "down"  # cut along y: parts one behind the other, each shallower


def split(item: object, parts: int, direction: Direction | str = Direction.ACROSS) -> list[Rect]:
    """Cut a booth into ``parts`` equal pieces, left to right (ACROSS) or top to bottom (DOWN).

    Sizes are whole centimetres; when the length does not divide evenly, the first pieces
    are 1 cm larger (300 cm in 3 → 100, 100, 100; 301 cm in 2 → 151, 150).
    """
    r = rect_of(item)
    try:
        direction = Direction(direction)
    except ValueError as exc:
        raise GeometryError(f"方向无效 / unknown direction '{direction}' (across or down)") from exc
    if parts < 2:
        raise GeometryError("至少分成两部分 / split into at least two parts")
    length = r.width if direction is Direction.ACROSS else r.depth
    if length < parts:
        raise GeometryError(f"展位太小，不能分成 {parts} 份 / the booth is too small for {parts} parts")
    base, extra = divmod(length, parts)
    pieces, offset = [], 0
    for i in range(parts):
        size = base + (1 if i < extra else 0)
        if direction is Direction.ACROSS:
            pieces.append(Rect(r.x + offset, r.y, size, r.depth))
        else:
            pieces.append(Rect(r.x, r.y + offset, r.width, size))
        offset += size
    return pieces


def split_numbers(number: str, parts: int) -> list[str]:
    """Numbers for the pieces of a split: the first keeps the booth's number, the others
    get letters: 'A1-001' in 3 → A1-001, A1-001B, A1-001C."""
    return [number] + [f"{number}{chr(ord('A') + i)}" for i in range(1, parts)]


def draft_at(draft: BoothDraft, rect: Rect) -> BoothDraft:
    return replace(draft, x_cm=rect.x, y_cm=rect.y, width_cm=rect.width, depth_cm=rect.depth)
