"""One ``QGraphicsScene`` per hall, in centimetres (1 scene unit = 1 cm, y downwards).

Items are built in one pass from the rows of ``services.booths.hall_booths`` and added
with signals of the scene blocked; the default BSP index finds the booths under a
viewport or a point. Colours are set by mode (status or sector) over all items at once.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImageReader, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from expo_desk.domain.enums import SECTORS
from expo_desk.ui.floorplan.booth_item import (
    NO_SECTOR_COLOUR,
    STATUS_COLOURS,
    STATUS_LABELS,
    BoothItem,
    sector_colour,
    sector_label,
    status_label,
)
from expo_desk.ui.floorplan.handles import HandleItem, handle_fits, make_handles

COLOUR_BY_STATUS = "status"
COLOUR_BY_SECTOR = "sector"
MARGIN_CM = 500  # room around the hall's walls


def image_size(path: str) -> tuple[float, float] | None:
    """An image's own width and height (pixels, or SVG units); None when it cannot be read."""
    if path.lower().endswith(".svg"):
        renderer = QSvgRenderer(path)
        size = renderer.defaultSize() if renderer.isValid() else None
    else:
        size = QImageReader(path).size()
    if size is None or not size.isValid() or size.width() <= 0:
        return None
    return float(size.width()), float(size.height())


def background_item(hall: dict) -> QGraphicsItem | None:
    """The hall drawing under the booths, placed (cm) and scaled (cm per image unit) as saved."""
    path = hall.get("background_path") or ""
    if not path or not Path(path).is_file():
        return None
    if path.lower().endswith(".svg"):
        item: QGraphicsItem = QGraphicsSvgItem(path)
    else:
        pixmap = QPixmap(path)
        if pixmap.isNull():
            return None
        item = QGraphicsPixmapItem(pixmap)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
    item.setPos(float(hall.get("background_x_cm") or 0), float(hall.get("background_y_cm") or 0))
    item.setScale(float(hall.get("background_scale") or 1.0))
    item.setOpacity(0.45)
    item.setZValue(-5)  # above the white floor, under every booth
    return item


class HallScene(QGraphicsScene):
    def __init__(self, hall: dict, booths: list[dict], parent=None):
        super().__init__(parent)
        self.hall = hall
        self.items_by_id: dict[str, BoothItem] = {}
        self.handled: BoothItem | None = None  # the booth that shows resize handles
        self.handles: list[HandleItem] = []
        self.colour_mode = COLOUR_BY_STATUS
        width, depth = float(hall["width_cm"]), float(hall["depth_cm"])
        self.hall_rect = QRectF(0.0, 0.0, width, depth)
        self.setSceneRect(self.hall_rect.adjusted(-MARGIN_CM, -MARGIN_CM, MARGIN_CM, MARGIN_CM))
        self.setBackgroundBrush(QColor("#f4f1ea"))
        floor = QGraphicsRectItem(self.hall_rect)
        floor.setBrush(QBrush(QColor("#ffffff")))
        floor.setPen(QPen(QColor("#37474f"), 0))
        floor.setZValue(-10)
        self.addItem(floor)
        self.background = background_item(hall)
        if self.background is not None:
            self.addItem(self.background)
        title = QGraphicsSimpleTextItem(f"{hall['code']}  {hall.get('name') or ''}".strip())
        font = title.font()
        font.setPixelSize(max(120, int(min(width, depth) / 40)))  # a title in cm, readable at "fit hall"
        font.setBold(True)
        title.setFont(font)
        title.setBrush(QColor("#546e7a"))
        title.setPos(0, -font.pixelSize() * 1.4)
        self.addItem(title)
        self.load_booths(booths)

    def load_booths(self, booths: list[dict]) -> None:
        """Replace every booth item by items made from ``booths``, in bulk."""
        self.show_handles(None)
        blocked = self.blockSignals(True)
        try:
            for item in self.items_by_id.values():
                self.removeItem(item)
            self.items_by_id = {}
            for record in booths:
                item = BoothItem(record)
                self.items_by_id[item.booth_id] = item
                self.addItem(item)
            self._apply_colours()
        finally:
            self.blockSignals(blocked)
        self.update()

    def booth_items(self) -> list[BoothItem]:
        return list(self.items_by_id.values())

    def selected_booths(self) -> list[BoothItem]:
        return [i for i in self.selectedItems() if isinstance(i, BoothItem)]

    # -- resize handles --------------------------------------------------------------------
    def show_handles(self, item: BoothItem | None) -> None:
        """Put the eight resize handles on ``item`` (None: on no booth); one booth at most."""
        if item is self.handled and (item is None or self.handles):
            return
        if self.handled is not None:
            for handle in self.handles:
                if handle.scene() is self:
                    self.removeItem(handle)
            self.handled.setZValue(0)
        self.handles = []
        self.handled = item
        if item is not None:
            item.setZValue(1)  # above its neighbours, so the outer half of each handle shows
            self.handles = make_handles(item)

    def fit_handles(self, scale: float) -> None:
        """Show only the handles that have room at ``scale`` (pixels per cm); the view calls it."""
        if self.handled is None:
            return
        rect = self.handled.rect()
        width_px, depth_px = rect.width() * scale, rect.height() * scale
        for handle in self.handles:
            visible = handle_fits(handle.role, width_px, depth_px)
            if handle.isVisible() != visible:
                handle.setVisible(visible)

    # -- colours ---------------------------------------------------------------------------
    def set_colour_mode(self, mode: str) -> None:
        if mode != self.colour_mode:
            self.colour_mode = mode
            self._apply_colours()

    def _apply_colours(self) -> None:
        brushes: dict[str, QBrush] = {}
        by_sector = self.colour_mode == COLOUR_BY_SECTOR
        for item in self.items_by_id.values():
            key = item.record.get("plan_sector") or "" if by_sector else item.record["status"]
            brush = brushes.get(key)
            if brush is None:
                colour = sector_colour(key) if by_sector else STATUS_COLOURS.get(key, NO_SECTOR_COLOUR)
                brush = brushes[key] = QBrush(colour)
            item.setBrush(brush)

    def legend_entries(self) -> list[tuple[str, QColor, int]]:
        """(label, colour, how many booths) of the current colour mode, for the legend."""
        if self.colour_mode == COLOUR_BY_SECTOR:
            counts = Counter(i.record.get("plan_sector") or "" for i in self.items_by_id.values())
            known = [s for s in SECTORS if s in counts] + sorted(s for s in counts if s and s not in SECTORS)
            entries = [(sector_label(s), sector_colour(s), counts[s]) for s in known]
            if counts.get(""):
                entries.append((self.tr("No sector"), NO_SECTOR_COLOUR, counts[""]))
            return entries
        counts = Counter(i.record["status"] for i in self.items_by_id.values())
        return [(status_label(s), STATUS_COLOURS[s], counts.get(s, 0)) for s in STATUS_LABELS]

    def booths_bounding_rect(self, items) -> QRectF:
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        return rect


def snap(value: float, grid: int) -> int:
    return int(round(value / grid) * grid)



