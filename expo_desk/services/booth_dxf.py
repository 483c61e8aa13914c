"""Booths from a hall drawing (DXF): closed rectangles on a chosen layer become booths,
a text inside a rectangle becomes its number.

Nothing is written here: ``read_dxf_booths`` returns a preview (what would be created,
what was skipped and why) that the user confirms before ``services.booths.add_booths``.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import ezdxf
from ezdxf import recover

from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothType
from expo_desk.errors import UserError

# $INSUNITS codes → centimetres per drawing unit (0 = unitless: Chinese plans are drawn in mm)
_CM_PER_UNIT = {0: 0.1, 1: 2.54, 2: 30.48, 4: 0.1, 5: 1.0, 6: 100.0}
_UNIT_NAMES = {0: "mm (assumed)", 1: "inch", 2: "foot", 4: "mm", 5: "cm", 6: "m"}
RAW_SPACE_FROM_M2 = 36  # a rectangle this large or larger is taken as raw space (光地)


@dataclass(frozen=True)
class SkippedShape:
    layer: str
    where: str  # the drawing's own coordinates, so the user can find it
    reason: str


@dataclass
class DxfPreview:
    source: str
    layer: str
    unit: str
    drafts: list[BoothDraft] = field(default_factory=list)
    skipped: list[SkippedShape] = field(default_factory=list)


def _open(path: Path):
    if not path.is_file():
        raise UserError(f"{path}: 文件不存在 / file not found")
    try:
        doc, auditor = recover.readfile(str(path))
    except (OSError, ezdxf.DXFStructureError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: 不是可读的 DXF 图纸 / not a readable DXF drawing: {exc}") from exc
    if auditor.has_errors:
        raise UserError(f"{path}: DXF 图纸有错误 / the DXF drawing has errors: {len(auditor.errors)}")
    return doc


def _closed_shapes(msp):
    """(layer, points, closed) of every LWPOLYLINE and 2-D POLYLINE in model space."""
    for entity in msp.query("LWPOLYLINE POLYLINE"):
        if entity.dxftype() == "LWPOLYLINE":
            points = [(x, y) for x, y in entity.get_points("xy")]
            closed = entity.closed
        else:
            points = [(v.dxf.location.x, v.dxf.location.y) for v in entity.vertices]
            closed = entity.is_closed
        yield entity.dxf.layer, points, closed


def _texts(msp) -> list[tuple[float, float, str]]:
    found = []
    for entity in msp.query("TEXT MTEXT"):
        if entity.dxftype() == "TEXT":
            text = entity.dxf.text
            point = entity.dxf.align_point if entity.dxf.hasattr("align_point") and entity.dxf.halign else entity.dxf.insert
        else:
            text, point = entity.plain_text(), entity.dxf.insert
        text = " ".join(text.split())
        if text:
            found.append((point.x, point.y, text))
    return found


def _rectangle(points: list[tuple[float, float]], tolerance: float) -> tuple[float, float, float, float] | str:
    """(min x, min y, max x, max y) of an axis-aligned rectangle, or why it is not one."""
    if len(points) > 4 and abs(points[0][0] - points[-1][0]) <= tolerance and abs(points[0][1] - points[-1][1]) <= tolerance:
        points = points[:-1]
    if len(points) != 4:
        return f"不是矩形（{len(points)} 个角）/ not a rectangle ({len(points)} corners)"
    xs, ys = sorted({round(x / tolerance) for x, _ in points}), sorted({round(y / tolerance) for _, y in points})
    if len(xs) != 2 or len(ys) != 2:
        return "矩形是斜的 / the rectangle is rotated"
    min_x, max_x = min(x for x, _ in points), max(x for x, _ in points)
    min_y, max_y = min(y for _, y in points), max(y for _, y in points)
    return min_x, min_y, max_x, max_y


def dxf_layers(path: Path | str) -> list[tuple[str, int]]:
    """Layers holding closed polylines, with how many: what the user picks the booth layer from."""
    doc = _open(Path(path))
    counts = Counter(layer for layer, _points, closed in _closed_shapes(doc.modelspace()) if closed)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def read_dxf_booths(path: Path | str, layer: str, *, grid_cm: int = 50, unit_cm: float | None = None) -> DxfPreview:
    """The booths a drawing's ``layer`` describes, placed with the top-left of all of them at
    (0, 0) and sizes rounded to whole centimetres; shapes that are not booths are listed."""
    path = Path(path)
    doc = _open(path)
    units = int(doc.header.get("$INSUNITS", 0))
    scale = unit_cm or _CM_PER_UNIT.get(units)
    if scale is None:
        raise UserError(f"{path}: 图纸单位未知（$INSUNITS={units}）/ unknown drawing units ($INSUNITS={units})")
    preview = DxfPreview(source=os.fspath(path), layer=layer,
                         unit=f"{scale:g} cm" if unit_cm else _UNIT_NAMES.get(units, str(units)))
    msp = doc.modelspace()
    tolerance = 0.5 / scale  # half a centimetre in drawing units
    rectangles = []
    for shape_layer, points, closed in _closed_shapes(msp):
        if shape_layer != layer:
            continue
        where = f"({points[0][0]:.0f}, {points[0][1]:.0f})" if points else "(?)"
        if not closed:
            preview.skipped.append(SkippedShape(shape_layer, where, "线没有闭合 / the polyline is not closed"))
            continue
        found = _rectangle(points, tolerance)
        if isinstance(found, str):
            preview.skipped.append(SkippedShape(shape_layer, where, found))
        else:
            rectangles.append((found, where))
    if not rectangles:
        return preview
    texts = _texts(msp)
    left = min(r[0][0] for r in rectangles)
    top = max(r[0][3] for r in rectangles)
    seen: dict[str, str] = {}
    for (min_x, min_y, max_x, max_y), where in sorted(rectangles, key=lambda r: (-r[0][3], r[0][0])):
        inside = [t for x, y, t in texts if min_x <= x <= max_x and min_y <= y <= max_y]
        if not inside:
            preview.skipped.append(SkippedShape(layer, where, "矩形内没有展位号 / no booth number inside"))
            continue
        if len(set(inside)) > 1:
            preview.skipped.append(SkippedShape(layer, where, f"矩形内有多个文字 / several texts inside: {', '.join(inside)}"))
            continue
        number = inside[0]
        if number in seen:
            preview.skipped.append(SkippedShape(layer, where, f"展位号 {number} 重复（另见 {seen[number]}）/ "
                                                             f"number {number} used twice (also at {seen[number]})"))
            continue
        seen[number] = where
        width, depth = round((max_x - min_x) * scale), round((max_y - min_y) * scale)
        if width < grid_cm or depth < grid_cm:
            preview.skipped.append(SkippedShape(layer, where, f"{number}: 太小 / too small ({width} × {depth} cm)"))
            continue
        kind = BoothType.RAW if width * depth >= RAW_SPACE_FROM_M2 * 10_000 else BoothType.SHELL
        preview.drafts.append(BoothDraft(number=number, x_cm=round((min_x - left) * scale),
                                         y_cm=round((top - max_y) * scale), width_cm=width, depth_cm=depth,
                                         booth_type=kind))
    return preview
