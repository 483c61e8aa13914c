"""The plan view: wheel zoom around the cursor, pan, fit, rubber-band select, draw, fly to.

- wheel: zoom around the point under the cursor (Ctrl+0 fits the hall);
- middle mouse drag, or Space held + left drag: pan;
- left drag on empty floor: rubber-band selection (Shift/Ctrl add);
- left drag on a selected booth (when moving is allowed): move, snapped to the 0.5 m grid;
  ``booths_moved`` tells the page the new positions when the button is released;
- draw mode: left drag draws a rectangle snapped to the grid, ``rect_drawn`` gives it in cm;
- left drag on a resize handle of the selected booth: a dashed rectangle and its size follow
  the mouse, snapped to the grid; ``booth_resized`` gives the new rectangle when the button
  is released, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsView, QToolTip

from expo_desk.ui.floorplan.booth_item import GRID_CM, BoothItem
from expo_desk.ui.floorplan.handles import HandleItem, ResizeDrag
from expo_desk.ui.floorplan.scene import snap

MIN_SCALE = 0.002  # pixels per cm: a 5 km hall fits in 1,000 px
MAX_SCALE = 4.0  # a 3 m booth 1,200 px wide
ZOOM_STEP = 1.25


class PlanView(QGraphicsView):
    booths_moved = Signal(dict)  # {booth_id: (x_cm, y_cm)} after a drag
    rect_drawn = Signal(QRectF)  # a snapped rectangle in cm, drawn in draw mode
    booth_resized = Signal(str, object)  # booth id, (x_cm, y_cm, width_cm, depth_cm) after a handle drag
    zoom_changed = Signal(float)  # pixels per cm

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("floor_plan_view")
        self.price_for: Callable[[str], str] | None = None  # booth id → a price line, set by the page
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setMouseTracking(True)
        self.draw_mode = False
        self._space = False
        self._pan_from: QPointF | None = None
        self._draw_from: QPointF | None = None
        self._draw_item: QGraphicsRectItem | None = None
        self.resize_drag: ResizeDrag | None = None
        self._animation: QVariantAnimation | None = None

    def setScene(self, scene) -> None:
        self.cancel_resize()  # its rectangle belongs to the scene going away
        super().setScene(scene)

    # -- zoom ------------------------------------------------------------------------------
    def scale_factor(self) -> float:
        return self.transform().m11()

    def set_scale(self, scale: float) -> None:
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        current = self.scale_factor()
        if current > 0 and abs(scale - current) > 1e-12:
            self.scale(scale / current, scale / current)
            self.zoom_changed.emit(scale)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if not steps:
            return
        pos = event.position()
        under = self.mapToScene(pos.toPoint())
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.set_scale(self.scale_factor() * ZOOM_STEP ** steps)
        self.setTransformationAnchor(anchor)
        # keep the point under the cursor where it was (as far as the hall's edge allows)
        drift = self.mapFromScene(under) - pos.toPoint()
        self.pan_by(drift.x(), drift.y())
        event.accept()

    def zoom_in(self) -> None:
        self._zoom_centre(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_centre(1 / ZOOM_STEP)

    def _zoom_centre(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.set_scale(self.scale_factor() * factor)
        self.setTransformationAnchor(anchor)

    def fit_rect(self, rect: QRectF, margin_ratio: float = 0.04) -> None:
        if rect.isEmpty() and rect.isNull():
            return
        m = max(rect.width(), rect.height()) * margin_ratio
        self.fitInView(rect.adjusted(-m, -m, m, m), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.scale_factor())

    def fit_hall(self) -> None:
        scene = self.scene()
        if scene is not None:
            self.fit_rect(getattr(scene, "hall_rect", scene.sceneRect()))

    def fit_selection(self) -> None:
        scene = self.scene()
        if scene is None:
            return
        items = [i for i in scene.selectedItems() if isinstance(i, BoothItem)]
        if items:
            rect = QRectF()
            for item in items:
                rect = rect.united(item.sceneBoundingRect())
            self.fit_rect(rect, 0.6 if len(items) == 1 else 0.1)

    def fly_to(self, item: BoothItem, animate: bool = True, duration_ms: int = 450) -> None:
        """Centre ``item`` and zoom so its number and holder are readable."""
        readable = 130.0 / max(1.0, min(item.rect().width(), item.rect().height() * 2.0))
        target_scale = min(MAX_SCALE, max(self.scale_factor(), readable))
        target_centre = item.sceneBoundingRect().center()
        if self._animation is not None:
            self._animation.stop()
        if not animate:
            self._apply_view(target_centre, target_scale)
            return
        start_centre = self.mapToScene(self.viewport().rect().center())
        start_scale = self.scale_factor()
        animation = QVariantAnimation(self)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setDuration(duration_ms)
        animation.setEasingCurve(QEasingCurve.Type.InOutCubic)

        def step(t: float) -> None:
            # zoom out a little on the way when the jump is long, then in
            scale = start_scale * (target_scale / start_scale) ** t
            centre = start_centre + (target_centre - start_centre) * t
            self._apply_view(centre, scale)

        animation.valueChanged.connect(step)
        animation.finished.connect(lambda: self._apply_view(target_centre, target_scale))
        self._animation = animation
        animation.start(QVariantAnimation.DeletionPolicy.KeepWhenStopped)

    def _apply_view(self, centre: QPointF, scale: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.set_scale(scale)
        self.setTransformationAnchor(anchor)
        self.centerOn(centre)

    # -- tooltips (asked of the item under the cursor only when Qt wants one) --------------
    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            if self.resize_drag is not None:  # the size label says it all while a handle is dragged
                return True
            item = self.booth_at(event.pos())
            if item is not None:
                if self.price_for is not None:
                    item.price_text = self.price_for(item.booth_id)
                QToolTip.showText(event.globalPos(), item.tooltip_text(), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def booth_at(self, pos) -> BoothItem | None:
        for item in self.items(pos):
            if isinstance(item, BoothItem):
                return item
        return None

    # -- pan, draw, move ------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.resize_drag is not None:
            self.cancel_resize()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self._pan_from = None
            self._restore_cursor()
            return
        super().keyReleaseEvent(event)

    def _restore_cursor(self) -> None:
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if self.draw_mode else Qt.CursorShape.ArrowCursor)

    def set_draw_mode(self, on: bool) -> None:
        self.draw_mode = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.RubberBandDrag)
        self._restore_cursor()

    def pan_by(self, dx: float, dy: float) -> None:
        """Scroll the view by (dx, dy) pixels, as a drag of the floor does."""
        self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() + dx))
        self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() + dy))

    def mousePressEvent(self, event) -> None:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton and self.scene() is not None:
            handle = self.handle_at(event.position().toPoint())
            if handle is not None:
                self.resize_drag = ResizeDrag(self.scene(), handle, self.mapToScene(event.position().toPoint()),
                                              GRID_CM)
                self.viewport().setCursor(self.resize_drag.cursor)
                self.setFocus(Qt.FocusReason.MouseFocusReason)  # so that Escape reaches the view
                event.accept()
                return
        if button == Qt.MouseButton.LeftButton and self.draw_mode and self.scene() is not None:
            self._draw_from = self._snapped(self.mapToScene(event.position().toPoint()))
            self._draw_item = QGraphicsRectItem(QRectF(self._draw_from, self._draw_from))
            self._draw_item.setPen(QPen(QColor("#d81b60"), 0, Qt.PenStyle.DashLine))
            self._draw_item.setBrush(QBrush(QColor(216, 27, 96, 40)))
            self._draw_item.setZValue(100)
            self.scene().addItem(self._draw_item)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.pan_by(-delta.x(), -delta.y())
            event.accept()
            return
        if self.resize_drag is not None:
            self.resize_drag.update(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        if self._draw_item is not None:
            end = self._snapped(self.mapToScene(event.position().toPoint()))
            self._draw_item.setRect(QRectF(self._draw_from, end).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self._restore_cursor()
            event.accept()
            return
        if self.resize_drag is not None and event.button() == Qt.MouseButton.LeftButton:
            drag = self.resize_drag
            drag.update(self.mapToScene(event.position().toPoint()))
            self.cancel_resize()  # off the scene before the page reloads it
            if drag.changed():
                self.booth_resized.emit(drag.booth_id, drag.after)
            event.accept()
            return
        if self._draw_item is not None and event.button() == Qt.MouseButton.LeftButton:
            rect = self._draw_item.rect().normalized()
            self.scene().removeItem(self._draw_item)
            self._draw_item = None
            self._draw_from = None
            if rect.width() >= GRID_CM and rect.height() >= GRID_CM:
                self.rect_drawn.emit(rect)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.scene() is not None:
            moved = {i.booth_id: i.current_pos() for i in self.scene().selectedItems()
                     if isinstance(i, BoothItem) and i.current_pos() != i.stored_pos()}
            if moved:
                self.booths_moved.emit(moved)

    def _fit_handles(self) -> None:
        fit = getattr(self.scene(), "fit_handles", None)
        if fit is not None:
            fit(self.scale_factor())

    def paintEvent(self, event) -> None:
        self._fit_handles()  # the zoom may have changed in any of several ways since the last paint
        super().paintEvent(event)

    def handle_at(self, pos) -> HandleItem | None:
        self._fit_handles()
        for item in self.items(pos):
            if isinstance(item, HandleItem):
                return item
        return None

    def cancel_resize(self) -> None:
        """Drop a handle drag under way: the booth keeps its size."""
        if self.resize_drag is not None:
            self.resize_drag.finish()
            self.resize_drag = None
            self._restore_cursor()

    @staticmethod
    def _snapped(point: QPointF) -> QPointF:
        return QPointF(snap(point.x(), GRID_CM), snap(point.y(), GRID_CM))
