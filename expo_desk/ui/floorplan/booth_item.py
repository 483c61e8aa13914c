"""One booth on the plan: a rectangle coloured by status or sector, its number and holder.

Labels follow a level of detail decided per paint from the painter's transform: a booth
smaller than a few pixels on screen is a plain filled rectangle (whole-hall paint of a
large hall stays fast), a mid-sized one shows its number, a large one its number and the
exhibitor's name. Text is drawn in device pixels so it has the same size at every zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyle, QStyleOptionGraphicsItem

from expo_desk.domain.enums import SECTORS, BoothStatus, BoothType
from expo_desk.ui.formats import ui_date
from expo_desk.ui.language import pick

GRID_CM = 50  # 0.5 m snap when dragging or drawing

# on-screen width of a booth (pixels) from which its number, then its holder, are drawn
NUMBER_MIN_PX = 44.0  # room for a number such as "A1-0123"
HOLDER_MIN_PX = 90.0

LABEL_NONE, LABEL_NUMBER, LABEL_FULL = 0, 1, 2

STATUS_COLOURS: dict[str, QColor] = {
    BoothStatus.AVAILABLE: QColor("#c8e6c9"),
    BoothStatus.RESERVED: QColor("#ffe082"),
    BoothStatus.SOLD: QColor("#90caf9"),
    BoothStatus.BLOCKED: QColor("#bdbdbd"),
}
# English sources, translated when shown (status_label, type_label)
STATUS_LABELS: dict[str, str] = {
    BoothStatus.AVAILABLE: QT_TRANSLATE_NOOP("BoothItem", "Available"),
    BoothStatus.RESERVED: QT_TRANSLATE_NOOP("BoothItem", "Reserved"),
    BoothStatus.SOLD: QT_TRANSLATE_NOOP("BoothItem", "Sold"),
    BoothStatus.BLOCKED: QT_TRANSLATE_NOOP("BoothItem", "Blocked"),
}
TYPE_LABELS: dict[str, str] = {
    BoothType.SHELL: QT_TRANSLATE_NOOP("BoothItem", "Shell scheme"),
    BoothType.RAW: QT_TRANSLATE_NOOP("BoothItem", "Raw space"),
}

# a qualitative palette (ColorBrewer Set3 + Pastel1), the known sectors first in their fixed order
_PALETTE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
            "#bc80bd", "#ccebc5", "#ffed6f", "#e5d8bd", "#decbe4", "#fed9a6", "#b3cde3", "#f2f2f2")
NO_SECTOR_COLOUR = QColor("#eeeeee")
_SECTOR_ORDER = list(SECTORS)


def sector_colour(sector: str) -> QColor:
    """A fixed colour per sector: the same sector has the same colour in every hall and run."""
    if not sector:
        return NO_SECTOR_COLOUR
    if sector in SECTORS:
        index = _SECTOR_ORDER.index(sector)
    else:
        index = len(_SECTOR_ORDER) + sum(sector.encode()) % 7
    return QColor(_PALETTE[index % len(_PALETTE)])


def status_label(status: str) -> str:
    """A booth status in the window's language (an unknown one as stored)."""
    return QCoreApplication.translate("BoothItem", STATUS_LABELS[status]) if status in STATUS_LABELS else status


def type_label(booth_type: str) -> str:
    return QCoreApplication.translate("BoothItem", TYPE_LABELS[booth_type]) if booth_type in TYPE_LABELS else booth_type


def sector_label(sector: str) -> str:
    """A sector's name in the window's language; a sector outside the list keeps its own name."""
    return pick(sector, SECTORS.get(sector, ""))


def label_level(lod: float, width_cm: float, depth_cm: float) -> int:
    """What to write on a booth drawn at ``lod`` pixels per centimetre."""
    px = min(width_cm, depth_cm * 2.0) * lod  # a wide, shallow booth counts as shallow
    if px >= HOLDER_MIN_PX:
        return LABEL_FULL
    if px >= NUMBER_MIN_PX:
        return LABEL_NUMBER
    return LABEL_NONE


def _metres(cm: int) -> str:
    return f"{cm / 100:g}"


_OUTLINE = QColor("#5f6b73")
_SELECTED_PEN = QPen(QColor("#d81b60"), 3)
_SELECTED_PEN.setCosmetic(True)  # three pixels at any zoom
_TEXT = QColor("#1b1b1b")
_NUMBER_FONT = QFont()
_NUMBER_FONT.setPixelSize(11)
_NUMBER_FONT.setBold(True)
_HOLDER_FONT = QFont()
_HOLDER_FONT.setPixelSize(10)


class BoothItem(QGraphicsRectItem):
    """A booth; ``record`` is its row from ``services.booths.hall_booths``."""

    Type = QGraphicsItem.UserType + 1

    def __init__(self, record: dict):
        super().__init__(0.0, 0.0, float(record["width_cm"]), float(record["depth_cm"]))
        self.record = record
        self.booth_id: str = record["id"]
        self.setPos(float(record["x_cm"]), float(record["y_cm"]))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setPen(QPen(_OUTLINE, 0))  # cosmetic: one pixel at any zoom
        self.price_text = ""  # filled in when a pricing service gives a quote

    def type(self) -> int:  # noqa: A003 - Qt's name
        return self.Type

    # -- movement ------------------------------------------------------------------------
    def set_movable(self, movable: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, movable)

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(value, QPointF):
            return QPointF(round(value.x() / GRID_CM) * GRID_CM, round(value.y() / GRID_CM) * GRID_CM)
        return super().itemChange(change, value)

    def stored_pos(self) -> tuple[int, int]:
        return int(self.record["x_cm"]), int(self.record["y_cm"])

    def current_pos(self) -> tuple[int, int]:
        p = self.pos()
        return int(round(p.x())), int(round(p.y()))

    # -- text ------------------------------------------------------------------------------
    def holder(self) -> str:
        r = self.record
        if r.get("exhibitor"):
            return r["exhibitor"]
        if r["status"] == BoothStatus.RESERVED and r.get("reserved_for"):
            return r["reserved_for"]
        if r["status"] == BoothStatus.BLOCKED and r.get("blocked_reason"):
            return r["blocked_reason"]
        return ""

    def tooltip_text(self) -> str:
        r = self.record
        w, d = int(r["width_cm"]), int(r["depth_cm"])
        lines = [f"<b>{r['number']}</b>",
                 f"{_metres(w)} m × {_metres(d)} m = {w * d / 10_000:g} m²",
                 type_label(r["booth_type"]),
                 status_label(r["status"])]
        if r["status"] == BoothStatus.RESERVED:
            held = r.get("reserved_for") or ""
            until = ui_date((r.get("reserved_until") or "")[:10])
            lines[-1] += f": {held}" + (f" → {until}" if until else "")
        if r["status"] == BoothStatus.BLOCKED and r.get("blocked_reason"):
            lines[-1] += f": {r['blocked_reason']}"
        if r.get("exhibitor"):
            name = r["exhibitor"] + (f" / {r['exhibitor_en']}" if r.get("exhibitor_en") else "")
            lines.append(name + (f" ({r['contract_number']})" if r.get("contract_number") else ""))
        if r.get("plan_sector"):
            lines.append(sector_label(r["plan_sector"]))
        if self.price_text:
            lines.append(self.price_text)
        return "<br>".join(lines)

    # -- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = self.rect()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(_SELECTED_PEN if selected else self.pen())
        painter.setBrush(self.brush())
        painter.drawRect(rect)
        transform = painter.worldTransform()
        level = label_level(QStyleOptionGraphicsItem.levelOfDetailFromTransform(transform),
                            rect.width(), rect.height())
        if level == LABEL_NONE:
            return
        box = transform.mapRect(rect).adjusted(3, 2, -3, -2)
        painter.save()
        painter.resetTransform()
        painter.setClipRect(box, Qt.ClipOperation.IntersectClip)
        painter.setPen(_TEXT)
        painter.setFont(_NUMBER_FONT)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        if level == LABEL_NUMBER:
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.record["number"])
        else:
            painter.drawText(box, flags, self.record["number"])
            holder = self.holder()
            if holder:
                painter.setFont(_HOLDER_FONT)
                painter.drawText(QRectF(box.left(), box.top() + 14, box.width(), box.height() - 14),
                                 flags | Qt.TextFlag.TextWordWrap, holder)
        painter.restore()
