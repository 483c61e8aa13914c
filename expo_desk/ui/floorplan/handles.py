"""Resize handles: eight small squares on the edges and corners of the one selected booth.

The handles are children of the booth item, so they follow it when it is dragged, and
ignore the view's scale, so they keep their size in pixels at any zoom. Only the single
selected booth has them (a hall may hold thousands of booths). The view starts a
:class:`ResizeDrag` when the left button goes down on a handle: a dashed rectangle and a
size label follow the mouse, snapped to the grid, and the booth itself changes only when
the page has written the new size through the service.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QStyleOptionGraphicsItem

HANDLE_PX = 9  # side of a handle on screen, at any zoom

# compass roles, clockwise from the top-left corner
ROLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")
CURSORS = {
    "nw": Qt.CursorShape.SizeFDiagCursor, "se": Qt.CursorShape.SizeFDiagCursor,
    "ne": Qt.CursorShape.SizeBDiagCursor, "sw": Qt.CursorShape.SizeBDiagCursor,
    "n": Qt.CursorShape.SizeVerCursor, "s": Qt.CursorShape.SizeVerCursor,
    "e": Qt.CursorShape.SizeHorCursor, "w": Qt.CursorShape.SizeHorCursor,
}

_ACCENT = QColor("#d81b60")


def _snap(value: float, grid: int) -> int:
    return int(round(value / grid) * grid)


def resized_geometry(geometry: tuple[int, int, int, int], role: str, dx: float, dy: float,
                     grid: int) -> tuple[int, int, int, int]:
    """(x, y, width, depth) in cm after dragging the ``role`` handle by (dx, dy) cm.

    The dragged edges land on the grid, the opposite edges stay where they are, and the
    booth never gets narrower or shallower than one grid step.
    """
    x, y, w, d = geometry
    left, top, right, bottom = x, y, x + w, y + d
    if "w" in role:
        left = min(_snap(left + dx, grid), right - grid)
    if "e" in role:
        right = max(_snap(right + dx, grid), left + grid)
    if "n" in role:
        top = min(_snap(top + dy, grid), bottom - grid)
    if "s" in role:
        bottom = max(_snap(bottom + dy, grid), top + grid)
    return left, top, right - left, bottom - top


def handle_fits(role: str, width_px: float, depth_px: float) -> bool:
    """Whether a handle has room on a booth drawn ``width_px`` × ``depth_px`` on screen.

    A booth too small on screen keeps its body free for moving: the mid-edge handles go
    first, then the corners (zoom in to resize it).
    """
    room = 2 * HANDLE_PX
    if width_px < room or depth_px < room:
        return False
    if role in ("n", "s"):
        return width_px >= 2 * room
    if role in ("e", "w"):
        return depth_px >= 2 * room
    return True


def size_text(width_cm: int, depth_cm: int) -> str:
    return f"{width_cm / 100:g} m × {depth_cm / 100:g} m = {width_cm * depth_cm / 10_000:g} m²"


class HandleItem(QGraphicsRectItem):
    """One handle of a booth; ``role`` says which edge or corner it moves."""

    Type = QGraphicsItem.UserType + 2

    def __init__(self, role: str, booth: QGraphicsRectItem):
        half = HANDLE_PX / 2
        super().__init__(-half, -half, HANDLE_PX, HANDLE_PX, booth)
        self.role = role
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setPen(QPen(_ACCENT, 1.5))
        self.setBrush(QBrush(QColor("#ffffff")))
        self.setCursor(CURSORS[role])
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view takes the press
        rect = booth.rect()
        x = {"w": rect.left(), "e": rect.right()}.get(role[-1], rect.center().x())
        y = {"n": rect.top(), "s": rect.bottom()}.get(role[0], rect.center().y())
        self.setPos(x, y)

    def type(self) -> int:  # noqa: A003 - Qt's name
        return self.Type


def make_handles(booth: QGraphicsRectItem) -> list[HandleItem]:
    return [HandleItem(role, booth) for role in ROLES]


class SizeLabel(QGraphicsItem):
    """The size being dragged to, in a small box beside the rectangle, in screen pixels."""

    _FONT = QFont()
    _FONT.setPixelSize(12)
    _FONT.setBold(True)

    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(101)
        self._text = ""
        self._rect = QRectF()

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text == self._text:
            return
        self.prepareGeometryChange()
        self._text = text
        metrics = QFontMetricsF(self._FONT)
        self._rect = QRectF(10, 10, metrics.horizontalAdvance(text) + 12, metrics.height() + 6)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setPen(QPen(_ACCENT, 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(self._rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setPen(QColor("#1b1b1b"))
        painter.setFont(self._FONT)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self._text)


class ResizeDrag:
    """A handle being dragged: the booth's old and new rectangles and what shows them."""

    def __init__(self, scene: QGraphicsScene, handle: HandleItem, press: QPointF, grid: int):
        booth = handle.parentItem()
        record = booth.record
        self.booth_id: str = booth.booth_id
        self.role = handle.role
        self.cursor = handle.cursor()
        self.before = (int(record["x_cm"]), int(record["y_cm"]), int(record["width_cm"]), int(record["depth_cm"]))
        self.after = self.before
        self._press, self._grid = QPointF(press), grid
        self.rubber = QGraphicsRectItem()
        pen = QPen(_ACCENT, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.rubber.setPen(pen)
        self.rubber.setBrush(QBrush(QColor(216, 27, 96, 40)))
        self.rubber.setZValue(100)
        self.label = SizeLabel()
        self._scene = scene
        scene.addItem(self.rubber)
        scene.addItem(self.label)
        self.update(press)

    def update(self, point: QPointF) -> None:
        delta = point - self._press
        self.after = resized_geometry(self.before, self.role, delta.x(), delta.y(), self._grid)
        x, y, w, d = self.after
        self.rubber.setRect(QRectF(x, y, w, d))
        self.label.setPos(x + w, y + d)
        self.label.set_text(size_text(w, d))

    def text(self) -> str:
        return self.label.text()

    def changed(self) -> bool:
        return self.after != self.before

    def finish(self) -> None:
        """Take the rectangle and the label off the scene."""
        for item in (self.rubber, self.label):
            if item.scene() is self._scene:
                self._scene.removeItem(item)
