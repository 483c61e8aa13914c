"""Resize handles on the floor plan: drag an edge or a corner, snapped, one undoable step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent

from expo_desk.domain.actors import Actor
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import Role
from expo_desk.errors import UserError
from expo_desk.services import booths as booth_service
from expo_desk.ui.floorplan.handles import HANDLE_PX, ROLES, HandleItem, resized_geometry

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


pytestmark = pytest.mark.usefixtures("plan_messages")


@pytest.fixture
def plan(own_plan_window):
    return own_plan_window.floor_plan_page


def _add(plan, *drafts: BoothDraft) -> list[str]:
    assert plan.add_booths(list(drafts))
    rows = {r["number"]: r["id"] for r in _rows(plan).values()}
    return [rows[d.number] for d in drafts]


def _rows(plan) -> dict[str, dict]:
    return {r["id"]: r for r in booth_service.hall_booths(plan._context.db, plan.scene.hall["id"])}


def _geometry(plan, booth_id):
    r = _rows(plan)[booth_id]
    return r["x_cm"], r["y_cm"], r["width_cm"], r["depth_cm"]


def _select(plan, booth_id):
    plan.scene.clearSelection()
    item = plan.scene.items_by_id[booth_id]
    item.setSelected(True)
    plan.view.fly_to(item, animate=False)
    return item


def _mouse(view, kind, pos: QPointF, button, buttons):
    event = QMouseEvent(kind, pos, view.viewport().mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier)
    {QEvent.Type.MouseButtonPress: view.mousePressEvent, QEvent.Type.MouseMove: view.mouseMoveEvent,
     QEvent.Type.MouseButtonRelease: view.mouseReleaseEvent}[kind](event)


def _handle(plan, role) -> HandleItem:
    return next(h for h in plan.scene.handles if h.role == role)


def _drag(plan, role, dx_cm, dy_cm, release=True):
    """Drag the ``role`` handle of the selected booth by (dx, dy) cm, as the mouse would."""
    view = plan.view
    start = QPointF(view.mapFromScene(_handle(plan, role).scenePos()))
    end = start + QPointF(dx_cm, dy_cm) * view.scale_factor()
    _mouse(view, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    assert view.resize_drag is not None, "the press did not catch the handle"
    _mouse(view, QEvent.Type.MouseMove, (start + end) / 2, NONE, LEFT)
    _mouse(view, QEvent.Type.MouseMove, end, NONE, LEFT)
    if release:
        _mouse(view, QEvent.Type.MouseButtonRelease, end, LEFT, NONE)
    return end


@pytest.fixture
def booth(plan, free_spot):
    """A 3 m × 3 m booth with 3 m of free floor on every side."""
    x, y = free_spot(plan, 900, 900)
    return _add(plan, BoothDraft("RS-1", x + 300, y + 300, 300, 300))[0]


def test_the_new_geometry_snaps_keeps_the_far_edges_and_never_goes_below_the_grid():
    g = (1000, 2000, 300, 300)
    assert resized_geometry(g, "e", 148, 999, 50) == (1000, 2000, 450, 300)
    assert resized_geometry(g, "e", 20, 0, 50) == (1000, 2000, 300, 300)  # under half a step: no change
    assert resized_geometry(g, "nw", -101, -49, 50) == (900, 1950, 400, 350)
    assert resized_geometry(g, "s", 0, -1000, 50) == (1000, 2000, 300, 50)  # one grid step at least
    assert resized_geometry(g, "w", 1000, 0, 50) == (1250, 2000, 50, 300)
    assert resized_geometry(g, "se", 60, 130, 50) == (1000, 2000, 350, 450)


def test_one_selected_booth_gets_eight_handles_of_a_fixed_pixel_size(plan, booth):
    item = _select(plan, booth)
    handles = plan.scene.handles
    assert sorted(h.role for h in handles) == sorted(ROLES)
    assert all(h.parentItem() is item for h in handles)
    rect = item.sceneBoundingRect()
    assert _handle(plan, "e").scenePos() == QPointF(rect.right(), rect.center().y())
    assert _handle(plan, "nw").scenePos() == rect.topLeft()
    assert _handle(plan, "se").scenePos() == rect.bottomRight()
    assert _handle(plan, "ne").cursor().shape() == Qt.CursorShape.SizeBDiagCursor
    assert _handle(plan, "se").cursor().shape() == Qt.CursorShape.SizeFDiagCursor
    assert _handle(plan, "n").cursor().shape() == Qt.CursorShape.SizeVerCursor
    assert _handle(plan, "w").cursor().shape() == Qt.CursorShape.SizeHorCursor
    for scale in (plan.view.scale_factor(), plan.view.scale_factor() / 3):
        plan.view.set_scale(scale)
        handle = _handle(plan, "e")
        on_screen = handle.deviceTransform(plan.view.viewportTransform()).mapRect(handle.boundingRect())
        assert on_screen.width() == pytest.approx(HANDLE_PX, abs=2)
    # no other booth carries handles
    assert sum(1 for i in plan.scene.items() if isinstance(i, HandleItem)) == 8



def test_a_booth_small_on_screen_keeps_its_body_free_for_moving(plan, booth):
    item = _select(plan, booth)
    view = plan.view
    view.set_scale(30 / 300)  # 30 px: room for the corners only
    view.centerOn(item.sceneBoundingRect().center())
    centre = view.mapFromScene(item.sceneBoundingRect().center())
    assert view.handle_at(centre) is None
    assert sorted(h.role for h in plan.scene.handles if h.isVisible()) == ["ne", "nw", "se", "sw"]
    view.set_scale(12 / 300)  # 12 px: none at all
    view.centerOn(item.sceneBoundingRect().center())
    view.viewport().repaint()
    assert not any(h.isVisible() for h in plan.scene.handles)
    corner = view.mapFromScene(item.sceneBoundingRect().bottomRight())
    assert view.handle_at(corner) is None
    view.set_scale(1.0)
    view.viewport().repaint()
    assert all(h.isVisible() for h in plan.scene.handles)


def test_drag_the_east_handle_by_one_and_a_half_metres_then_undo_and_redo(plan, own_plan_window, booth):
    x, y, _w, _d = _geometry(plan, booth)
    _select(plan, booth)
    end = _drag(plan, "e", 150, 0, release=False)
    drag = plan.view.resize_drag
    assert drag.after == (x, y, 450, 300)
    assert drag.text().startswith("4.5 m × 3 m")
    assert drag.rubber.scene() is plan.scene and drag.rubber.rect() == QRectF(x, y, 450, 300)
    assert _geometry(plan, booth) == (x, y, 300, 300)  # nothing written while dragging
    _mouse(plan.view, QEvent.Type.MouseButtonRelease, end, LEFT, NONE)
    assert plan.view.resize_drag is None and drag.rubber.scene() is None
    assert _geometry(plan, booth) == (x, y, 450, 300)
    assert plan.scene.items_by_id[booth].rect().width() == 450
    stack = own_plan_window.context.undo_stack
    assert stack.count() == 2 and stack.undoText() == "Resize RS-1"  # the add, then one step for the resize
    stack.undo()
    assert _geometry(plan, booth) == (x, y, 300, 300)
    stack.redo()
    assert _geometry(plan, booth) == (x, y, 450, 300)
    # the booth is still selected with its handles, on the new edge
    assert [i.booth_id for i in plan.scene.selected_booths()] == [booth]
    assert _handle(plan, "e").scenePos().x() == x + 450


def test_drag_a_corner_moves_two_edges_and_undo_puts_the_corner_back(plan, own_plan_window, booth):
    x, y, _w, _d = _geometry(plan, booth)
    _select(plan, booth)
    _drag(plan, "nw", -100, -50)
    assert _geometry(plan, booth) == (x - 100, y - 50, 400, 350)
    _select(plan, booth)
    _drag(plan, "se", -500, 110)  # as small as the grid allows, and deeper
    assert _geometry(plan, booth) == (x - 100, y - 50, 50, 450)
    own_plan_window.context.undo_stack.undo()
    own_plan_window.context.undo_stack.undo()
    assert _geometry(plan, booth) == (x, y, 300, 300)


def test_a_resize_into_a_neighbour_is_refused_and_nothing_changes(plan_messages, plan, own_plan_window, free_spot):
    x, y = free_spot(plan, 1200, 600)
    mine, other = _add(plan, BoothDraft("RS-1", x, y, 300, 300), BoothDraft("RS-2", x + 450, y, 300, 300))
    count = own_plan_window.context.undo_stack.count()
    # the move path's own words for the same overlap
    with pytest.raises(UserError) as move_error:
        booth_service.move_booths(own_plan_window.context.db, own_plan_window.context.actor, {mine: (x + 300, y)})
    _select(plan, mine)
    _drag(plan, "e", 300, 0)
    assert plan_messages == [("warning", str(move_error.value))]
    assert "overlaps booth RS-2" in plan_messages[0][1]
    assert _geometry(plan, mine) == (x, y, 300, 300)
    assert _geometry(plan, other) == (x + 450, y, 300, 300)
    assert plan.scene.items_by_id[mine].rect() == QRectF(0, 0, 300, 300)  # back as it was on the plan
    assert own_plan_window.context.undo_stack.count() == count
    assert plan.view.resize_drag is None and not any(
        i.zValue() >= 100 for i in plan.scene.items())  # no rubber rectangle left behind


def test_a_resize_out_of_the_hall_is_refused(plan_messages, plan):
    hall = plan.scene.hall
    wall_x = int(hall["width_cm"]) - 300
    taken = [i.sceneBoundingRect() for i in plan.scene.booth_items()]
    y = next(y for y in range(0, int(hall["depth_cm"]) - 300, 100)
             if not any(QRectF(wall_x, y, 300, 300).intersects(t) for t in taken))
    booth = _add(plan, BoothDraft("RS-W", wall_x, y, 300, 300))[0]
    _select(plan, booth)
    _drag(plan, "e", 200, 0)
    assert len(plan_messages) == 1 and "outside hall" in plan_messages[0][1]
    assert _geometry(plan, booth) == (wall_x, y, 300, 300)


def test_escape_cancels_a_drag(qtbot, plan, own_plan_window, booth):
    before = _geometry(plan, booth)
    count = own_plan_window.context.undo_stack.count()
    _select(plan, booth)
    end = _drag(plan, "s", 0, 200, release=False)
    rubber = plan.view.resize_drag.rubber
    qtbot.keyClick(plan.view, Qt.Key.Key_Escape)
    assert plan.view.resize_drag is None and rubber.scene() is None
    _mouse(plan.view, QEvent.Type.MouseButtonRelease, end, LEFT, NONE)
    assert _geometry(plan, booth) == before
    assert own_plan_window.context.undo_stack.count() == count


def test_no_handles_for_two_booths_or_for_a_role_that_may_not_edit(plan, own_plan_window, booth, free_spot):
    x, y = free_spot(plan, 300, 300)
    second = _add(plan, BoothDraft("RS-2", x, y, 300, 300))[0]
    _select(plan, booth)
    assert len(plan.scene.handles) == 8
    plan.scene.items_by_id[second].setSelected(True)
    assert plan.scene.handles == [] and plan.scene.handled is None
    assert not any(isinstance(i, HandleItem) for i in plan.scene.items())
    plan.scene.items_by_id[second].setSelected(False)
    assert len(plan.scene.handles) == 8
    own_plan_window.context.set_actor(Actor("am-1", "赵经理", Role.ACCOUNT_MANAGER))
    assert plan.scene.handles == []
    assert not any(isinstance(i, HandleItem) for i in plan.scene.items())
    _select(plan, booth)
    assert plan.scene.handles == []
