"""The floor-plan page on a real demo file: halls, colours, search, tooltips, zoom and edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QImage, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QStyleOptionGraphicsItem, QToolTip

from expo_desk.app import create_window
from expo_desk.domain.actors import Actor
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import SECTORS, BoothStatus, Role
from expo_desk.paths import AppPaths
from expo_desk.services import booths as booth_service
from expo_desk.store.db import open_database
from expo_desk.ui.floorplan.booth_item import (
    LABEL_FULL,
    LABEL_NONE,
    LABEL_NUMBER,
    STATUS_COLOURS,
    BoothItem,
    label_level,
    sector_colour,
)
from expo_desk.ui.floorplan.scene import COLOUR_BY_SECTOR, COLOUR_BY_STATUS
from expo_desk.ui.language import set_ui_language

pytestmark = pytest.mark.usefixtures("plan_messages")


@pytest.fixture
def plan_window(open_plan, demo_s_file):
    return open_plan(demo_s_file)


@pytest.fixture
def plan(plan_window):
    return plan_window.floor_plan_page


def _halls(window):
    return booth_service.list_halls(window.context.db, window.context.show["id"])


def test_the_page_lists_the_halls_and_shows_the_first_halls_booths(plan_window, plan):
    halls = _halls(plan_window)
    assert len(halls) >= 2
    assert plan_window.pages.currentWidget() is plan
    assert [plan.hall_box.itemData(i) for i in range(plan.hall_box.count())] == [h["id"] for h in halls]
    assert plan.hall_box.currentText().startswith(halls[0]["code"])
    rows = booth_service.hall_booths(plan_window.context.db, halls[0]["id"])
    assert len(plan.scene.items_by_id) == len(rows) == halls[0]["booth_count"] > 0
    for row in rows[:50]:
        item = plan.scene.items_by_id[row["id"]]
        assert (item.pos().x(), item.pos().y()) == (row["x_cm"], row["y_cm"])  # scene units are cm
        assert (item.rect().width(), item.rect().height()) == (row["width_cm"], row["depth_cm"])
    assert plan.scene.hall_rect == QRectF(0, 0, halls[0]["width_cm"], halls[0]["depth_cm"])
    assert f"{len(rows)} booths" in plan.info_label.text()
    plan.hall_box.setCurrentIndex(1)
    assert plan.scene.hall["id"] == halls[1]["id"]
    assert len(plan.scene.items_by_id) == halls[1]["booth_count"]


def test_colour_by_status_and_by_sector_changes_the_brushes_and_the_legend(plan):
    items = plan.scene.booth_items()
    assert plan.scene.colour_mode == COLOUR_BY_STATUS
    for item in items:
        assert item.brush().color() == STATUS_COLOURS[item.record["status"]]
    statuses = {i.record["status"] for i in items}
    assert {BoothStatus.SOLD, BoothStatus.AVAILABLE} <= statuses
    assert plan.legend.title.text() == "Status"
    assert sum(count for _label, _colour, count in plan.legend.entries) == len(items)

    plan.colour_box.setCurrentIndex(plan.colour_box.findData(COLOUR_BY_SECTOR))
    assert plan.scene.colour_mode == COLOUR_BY_SECTOR
    for item in items:
        assert item.brush().color() == sector_colour(item.record["plan_sector"] or "")
    sectors = {i.record["plan_sector"] for i in items if i.record["plan_sector"]}
    assert len(sectors) >= 2 and sectors <= set(SECTORS)
    assert len({sector_colour(s).name() for s in sectors}) == len(sectors)  # one colour per sector
    assert plan.legend.title.text() == "Sector"
    labels = [label for label, _colour, _count in plan.legend.entries]
    assert any(SECTORS[s] in label for s in sectors for label in labels)
    assert sum(count for _label, _colour, count in plan.legend.entries) == len(items)
    # the choice survives a change of hall
    plan.hall_box.setCurrentIndex(1)
    assert all(i.brush().color() == sector_colour(i.record["plan_sector"] or "") for i in plan.scene.booth_items())


def test_sector_names_follow_the_window_language(plan):
    plan.set_colour_mode(COLOUR_BY_SECTOR)
    sectors = {i.record["plan_sector"] for i in plan.scene.booth_items() if i.record["plan_sector"]}
    item = next(i for i in plan.scene.booth_items() if i.record["plan_sector"])
    try:
        set_ui_language("zh")
        plan.set_colour_mode(COLOUR_BY_STATUS)
        plan.set_colour_mode(COLOUR_BY_SECTOR)
        labels = {label for label, _colour, _count in plan.legend.entries}
        assert sectors <= labels  # 钢铁, 渔业 … without the English beside them
        assert not any(SECTORS[s] in label for s in sectors for label in labels)
        assert item.record["plan_sector"] in item.tooltip_text()
    finally:
        set_ui_language("en")
    plan.set_colour_mode(COLOUR_BY_STATUS)
    plan.set_colour_mode(COLOUR_BY_SECTOR)
    assert {SECTORS[s] for s in sectors} <= {label for label, _colour, _count in plan.legend.entries}
    assert SECTORS[item.record["plan_sector"]] in item.tooltip_text()


def test_search_a_booth_number_flies_to_it_in_its_hall_and_selects_it(plan_window, plan):
    halls = _halls(plan_window)
    target = booth_service.hall_booths(plan_window.context.db, halls[1]["id"])[17]
    item = plan.find(target["number"], animate=False)
    assert item is not None and item.booth_id == target["id"]
    assert plan.scene.hall["id"] == halls[1]["id"]
    assert [i.booth_id for i in plan.scene.selected_booths()] == [target["id"]]
    view = plan.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(item.sceneBoundingRect())  # centred, or as near as the hall's edge allows
    lod = view.transform().m11()
    assert label_level(lod, target["width_cm"], target["depth_cm"]) == LABEL_FULL  # readable
    assert target["number"] in plan.info_label.text()
    assert plan.find("no such booth zzz", animate=False) is None
    assert plan.search_result.text() == "Not found"


def test_search_an_exhibitor_name_selects_its_booth(plan):
    sold = next(i for i in plan.scene.booth_items() if i.record.get("exhibitor"))
    name = sold.record["exhibitor"]
    item = plan.find(name, animate=False)
    assert item is not None and item.record["exhibitor"] == name
    assert item.isSelected()


def test_the_animated_flight_ends_on_the_booth(qtbot, plan):
    item = plan.scene.booth_items()[-1]
    plan.search_box.setText(item.record["number"])
    plan.search_box.returnPressed.emit()
    qtbot.waitUntil(lambda: (plan.view.mapToScene(plan.view.viewport().rect().center())
                             - item.sceneBoundingRect().center()).manhattanLength() < 100, timeout=3000)
    assert item.isSelected()


@pytest.mark.qt_log_ignore("does not support raise")
def test_hover_tooltip_names_booth_size_type_status_and_exhibitor(qtbot, plan):
    sold = next(i for i in plan.scene.booth_items()
                if i.record["status"] == BoothStatus.SOLD and i.record["width_cm"] == 300)
    text = sold.tooltip_text()
    record = sold.record
    assert record["number"] in text
    assert f"3 m × {record['depth_cm'] / 100:g} m = {record['width_cm'] * record['depth_cm'] / 10000:g} m²" in text
    assert "Shell scheme" in text or "Raw space" in text
    assert "Sold" in text
    assert record["exhibitor"] in text
    blocked = next((i for i in plan.scene.booth_items() if i.record["status"] == BoothStatus.BLOCKED), None)
    if blocked is not None:
        assert blocked.record["blocked_reason"] in blocked.tooltip_text()
    # the view asks the item under the cursor when Qt wants a tooltip
    plan.view.fly_to(sold, animate=False)
    pos = plan.view.mapFromScene(sold.sceneBoundingRect().center())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, plan.view.viewport().mapToGlobal(pos))
    assert plan.view.viewportEvent(event)
    assert plan.view.booth_at(pos) is sold
    qtbot.waitUntil(lambda: QToolTip.isVisible() and record["number"] in QToolTip.text(), timeout=2000)
    QToolTip.hideText()


def test_labels_hide_when_zoomed_out():
    # a 3 m booth: nothing at whole-hall zoom, its number in between, number and holder up close
    assert label_level(0.02, 300, 300) == LABEL_NONE  # 6 px wide
    assert label_level(0.1, 300, 300) == LABEL_NONE  # 30 px: a number would not fit
    assert label_level(0.2, 300, 300) == LABEL_NUMBER  # 60 px
    assert label_level(0.5, 300, 300) == LABEL_FULL  # 150 px
    assert label_level(0.4, 1200, 90) == LABEL_NUMBER  # wide but shallow: a number only
    assert label_level(4.0, 300, 300) == LABEL_FULL


def _text_drawn(item: BoothItem, lod: float) -> bool:
    """Paint ``item`` at ``lod`` pixels per cm and tell whether any dark (text) pixel appeared."""
    size = int(item.rect().width() * lod) + 4, int(item.rect().height() * lod) + 4
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.translate(2, 2)
    painter.scale(lod, lod)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    dark = 0
    for y in range(3, size[1] - 3):
        for x in range(3, size[0] - 3):
            if image.pixelColor(x, y).lightness() < 90:
                dark += 1
    return dark > 0


def test_paint_follows_the_level_of_detail(plan):
    item = next(i for i in plan.scene.booth_items() if i.record["width_cm"] == 300 and i.record["depth_cm"] == 300)
    assert not _text_drawn(item, 0.08)
    assert _text_drawn(item, 0.3)


def test_wheel_zooms_around_the_cursor_and_ctrl_0_fits_the_hall(qtbot, plan):
    view = plan.view
    view.fit_hall()
    hall = plan.scene.hall_rect
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(hall)
    pos = QPointF(view.viewport().width() * 0.3, view.viewport().height() * 0.4)
    under = view.mapToScene(pos.toPoint())
    before = view.scale_factor()
    wheel = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(wheel)
    assert view.scale_factor() == pytest.approx(before * 1.25 ** 2)
    assert (view.mapToScene(pos.toPoint()) - under).manhattanLength() < 4 / view.scale_factor() + 2
    plan.fit_action.trigger()
    assert view.scale_factor() == pytest.approx(before)


def _mouse(view, kind, pos: QPointF, button, buttons, modifiers=Qt.KeyboardModifier.NoModifier):
    event = QMouseEvent(kind, pos, view.viewport().mapToGlobal(pos), button, buttons, modifiers)
    {QEvent.Type.MouseButtonPress: view.mousePressEvent, QEvent.Type.MouseMove: view.mouseMoveEvent,
     QEvent.Type.MouseButtonRelease: view.mouseReleaseEvent}[kind](event)


def test_middle_drag_and_space_drag_pan(qtbot, plan):
    view = plan.view
    view.fly_to(plan.scene.booth_items()[len(plan.scene.items_by_id) // 2], animate=False)
    start = view.mapToScene(view.viewport().rect().center())
    mid = Qt.MouseButton.MiddleButton
    _mouse(view, QEvent.Type.MouseButtonPress, QPointF(300, 300), mid, mid)
    _mouse(view, QEvent.Type.MouseMove, QPointF(200, 250), Qt.MouseButton.NoButton, mid)
    _mouse(view, QEvent.Type.MouseButtonRelease, QPointF(200, 250), mid, Qt.MouseButton.NoButton)
    moved = view.mapToScene(view.viewport().rect().center()) - start
    assert moved.x() == pytest.approx(100 / view.scale_factor(), abs=2 / view.scale_factor())
    assert moved.y() == pytest.approx(50 / view.scale_factor(), abs=2 / view.scale_factor())
    start = view.mapToScene(view.viewport().rect().center())
    view.setFocus()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    left = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonPress, QPointF(300, 300), left, left)
    _mouse(view, QEvent.Type.MouseMove, QPointF(340, 300), Qt.MouseButton.NoButton, left)
    _mouse(view, QEvent.Type.MouseButtonRelease, QPointF(340, 300), left, Qt.MouseButton.NoButton)
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    moved = view.mapToScene(view.viewport().rect().center()) - start
    assert moved.x() == pytest.approx(-40 / view.scale_factor(), abs=2 / view.scale_factor())
    assert not plan.scene.selected_booths()  # panning selects nothing


def test_rubber_band_selects_several_booths_and_fit_selection_zooms_to_them(plan):
    view = plan.view
    view.fit_hall()
    items = sorted(plan.scene.booth_items(), key=lambda i: (i.pos().y(), i.pos().x()))[:3]
    rect = QRectF()
    for item in items:
        rect = rect.united(item.sceneBoundingRect())
    a = QPointF(view.mapFromScene(rect.topLeft() - QPointF(50, 50)))
    b = QPointF(view.mapFromScene(rect.bottomRight() + QPointF(50, 50)))
    left = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonPress, a, left, left)
    _mouse(view, QEvent.Type.MouseMove, (a + b) / 2, Qt.MouseButton.NoButton, left)
    _mouse(view, QEvent.Type.MouseMove, b, Qt.MouseButton.NoButton, left)
    _mouse(view, QEvent.Type.MouseButtonRelease, b, left, Qt.MouseButton.NoButton)
    selected = {i.booth_id for i in plan.scene.selected_booths()}
    assert {i.booth_id for i in items} <= selected
    assert plan.fit_selection_action.isEnabled()
    plan.fit_selection_action.trigger()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(rect)
    assert min(visible.width() / rect.width(), visible.height() / rect.height()) < 1.5  # tight on one side


def test_draw_mode_gives_a_rectangle_snapped_to_half_metres(qtbot, monkeypatch, plan):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))  # then give up naming it
    view = plan.view
    view.fly_to(plan.scene.booth_items()[0], animate=False)
    view.set_draw_mode(True)
    a, b = QPointF(40, 40), QPointF(40 + 3.1 * 100 * view.scale_factor(), 40 + 2.2 * 100 * view.scale_factor())
    left = Qt.MouseButton.LeftButton
    with qtbot.waitSignal(view.rect_drawn) as drawn:
        _mouse(view, QEvent.Type.MouseButtonPress, a, left, left)
        _mouse(view, QEvent.Type.MouseMove, b, Qt.MouseButton.NoButton, left)
        _mouse(view, QEvent.Type.MouseButtonRelease, b, left, Qt.MouseButton.NoButton)
    rect = drawn.args[0]
    for value in (rect.x(), rect.y(), rect.width(), rect.height()):
        assert value % 50 == 0
    assert rect.width() == pytest.approx(300, abs=50) and rect.height() == pytest.approx(200, abs=50)
    view.set_draw_mode(False)


def test_an_account_manager_cannot_change_the_layout(plan_window, plan):
    layout = (plan.draw_action, plan.generate_action, plan.merge_action, plan.split_action, plan.delete_action)
    plan.scene.booth_items()[0].setSelected(True)
    plan_window.context.set_actor(Actor("am-1", "赵经理", Role.ACCOUNT_MANAGER))
    for action in layout:
        assert not action.isEnabled()
        assert "may not" in action.toolTip() or "Not available yet" in action.toolTip()
    assert all(not (i.flags() & i.GraphicsItemFlag.ItemIsMovable) for i in plan.scene.booth_items())
    # reserving is theirs, once the service is there
    reserve_there = getattr(booth_service, "reserve_booth", None) is not None
    assert plan.reserve_action.isEnabled() == reserve_there
    plan_window.context.set_actor(Actor("ce-1", "孙师傅", Role.CONSTRUCTION_EXECUTOR))
    assert not plan.reserve_action.isEnabled() and not plan.release_action.isEnabled()


def test_move_by_drag_then_undo_and_redo_restore_the_file(qtbot, own_plan_window):
    plan, ctx = own_plan_window.floor_plan_page, own_plan_window.context
    item = plan.scene.booth_items()[0]
    booth_id, (x, y) = item.booth_id, item.stored_pos()
    assert plan.move_booths({booth_id: (x, y + 50)})  # the page's move API, as a drag ends in

    def stored():
        row = next(r for r in booth_service.hall_booths(ctx.db, plan.scene.hall["id"]) if r["id"] == booth_id)
        return row["x_cm"], row["y_cm"]

    assert stored() == (x, y + 50)
    assert plan.scene.items_by_id[booth_id].current_pos() == (x, y + 50)
    ctx.undo_stack.undo()
    assert stored() == (x, y)
    assert plan.scene.items_by_id[booth_id].current_pos() == (x, y)
    ctx.undo_stack.redo()
    assert stored() == (x, y + 50)
    # the same by dragging: the view reports the snapped positions when the button is released
    view, item = plan.view, plan.scene.items_by_id[booth_id]
    view.fly_to(item, animate=False)
    plan.scene.clearSelection()
    start = QPointF(view.mapFromScene(item.sceneBoundingRect().center()))
    end = start + QPointF(1.0 * 100 * view.scale_factor(), 0)  # one metre to the right
    left = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonPress, start, left, left)
    _mouse(view, QEvent.Type.MouseMove, (start + end) / 2, Qt.MouseButton.NoButton, left)
    _mouse(view, QEvent.Type.MouseMove, end, Qt.MouseButton.NoButton, left)
    _mouse(view, QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)
    assert stored() == (x + 100, y + 50)
    ctx.undo_stack.undo()
    assert stored() == (x, y + 50)


def test_the_plan_follows_changes_made_elsewhere(own_plan_window):
    plan, ctx = own_plan_window.floor_plan_page, own_plan_window.context
    before = len(plan.scene.items_by_id)
    item = plan.scene.booth_items()[0]
    db = open_database(ctx.db_path)
    try:
        db.execute("UPDATE booths SET status = 'blocked', blocked_reason = 'pillar' WHERE id = ?", [item.booth_id])
        db.conn.commit()
    finally:
        db.close()
    from expo_desk.services.changes import ChangeSet

    changes = ChangeSet()
    changes.add("updated", "booths", item.booth_id)
    ctx.announce(changes)
    assert len(plan.scene.items_by_id) == before
    assert plan.scene.items_by_id[item.booth_id].record["status"] == "blocked"
    assert plan.scene.items_by_id[item.booth_id].brush().color() == STATUS_COLOURS["blocked"]


def _rows(window) -> dict[str, dict]:
    plan = window.floor_plan_page
    return {r["id"]: r for r in booth_service.hall_booths(window.context.db, plan.scene.hall["id"])}


def test_draw_a_booth_then_undo_and_redo(qtbot, monkeypatch, own_plan_window, free_spot):
    plan, ctx = own_plan_window.floor_plan_page, own_plan_window.context
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("NEW-1", True))
    x, y = free_spot(plan)
    before = len(_rows(own_plan_window))
    assert plan.draw_action.isEnabled()
    plan.draw_action.trigger()
    assert plan.view.draw_mode
    plan.view.rect_drawn.emit(QRectF(x, y, 300, 300))
    rows = _rows(own_plan_window)
    new = [r for r in rows.values() if r["number"] == "NEW-1"]
    assert len(rows) == before + 1 and len(new) == 1
    assert (new[0]["x_cm"], new[0]["y_cm"], new[0]["width_cm"], new[0]["depth_cm"]) == (x, y, 300, 300)
    assert new[0]["id"] in plan.scene.items_by_id
    ctx.undo_stack.undo()
    assert len(_rows(own_plan_window)) == before
    ctx.undo_stack.redo()
    assert [r["number"] for r in _rows(own_plan_window).values()].count("NEW-1") == 1


def test_generate_a_block_from_the_dialog_then_undo(qtbot, on_modal, own_plan_window, free_spot):
    plan, ctx = own_plan_window.floor_plan_page, own_plan_window.context
    x, y = free_spot(plan, 1500, 600)
    before = len(_rows(own_plan_window))

    def fill(dialog):
        dialog.rows.setValue(2)
        dialog.columns.setValue(5)
        dialog.aisle_m.setValue(0)
        dialog.x_m.setValue(x / 100)
        dialog.y_m.setValue(y / 100)
        dialog.pattern.setText("G-###")
        assert "10 booths, G-001 to G-010" in dialog.preview.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_modal(fill)
    plan.generate_action.trigger()
    rows = _rows(own_plan_window)
    made = sorted(r["number"] for r in rows.values() if r["number"].startswith("G-"))
    assert made == [f"G-{n:03d}" for n in range(1, 11)]
    assert len(plan.scene.items_by_id) == before + 10
    ctx.undo_stack.undo()
    assert len(_rows(own_plan_window)) == before


def _available_pair(plan):
    """Two available booths side by side of one row (same y and depth, touching)."""
    items = [i for i in plan.scene.booth_items() if i.record["status"] == "available"]
    by_corner = {(i.record["x_cm"], i.record["y_cm"]): i for i in items}
    for item in items:
        r = item.record
        other = by_corner.get((r["x_cm"] + r["width_cm"], r["y_cm"]))
        if other is not None and other.record["depth_cm"] == r["depth_cm"]:
            return item, other
    return None


def test_merge_then_split_then_undo_both(own_plan_window, free_spot):
    plan, ctx = own_plan_window.floor_plan_page, own_plan_window.context
    pair = _available_pair(plan)
    if pair is None:  # a demo hall without two free neighbours: make them
        x, y = free_spot(plan, 600, 300)
        assert plan.add_booths([BoothDraft("M-1", x, y, 300, 300), BoothDraft("M-2", x + 300, y, 300, 300)])
        pair = _available_pair(plan)
    a, b = (dict(i.record) for i in pair)
    keep, gone = sorted((a, b), key=lambda r: r["number"])
    count = len(_rows(own_plan_window))
    for item in pair:
        item.setSelected(True)
    assert plan.merge_action.isEnabled()
    assert plan.merge_booths([a["id"], b["id"]])
    rows = _rows(own_plan_window)
    assert len(rows) == count - 1 and gone["id"] not in rows
    merged = rows[keep["id"]]
    assert merged["width_cm"] == a["width_cm"] + b["width_cm"] and merged["x_cm"] == min(a["x_cm"], b["x_cm"])
    assert plan.split_booth(keep["id"], 2, "across")
    rows = _rows(own_plan_window)
    assert len(rows) == count and rows[keep["id"]]["width_cm"] == keep["width_cm"]
    ctx.undo_stack.undo()  # the split
    rows = _rows(own_plan_window)
    assert len(rows) == count - 1 and rows[keep["id"]]["width_cm"] == merged["width_cm"]
    assert rows[keep["id"]]["number"] == keep["number"]
    ctx.undo_stack.undo()  # the merge
    rows = _rows(own_plan_window)
    assert len(rows) == count
    back = {r["number"]: r for r in rows.values()}
    for r in (a, b):
        assert (back[r["number"]]["x_cm"], back[r["number"]]["width_cm"]) == (r["x_cm"], r["width_cm"])


def test_reserve_and_release_with_undo(own_plan_window):
    plan, ctx = own_plan_window.floor_plan_page, own_plan_window.context
    item = next(i for i in plan.scene.booth_items() if i.record["status"] == "available")
    booth_id = item.booth_id
    item.setSelected(True)
    assert plan.reserve_action.isEnabled()
    assert plan.reserve_booths([booth_id], "潍坊新客户", "2099-01-31")
    row = _rows(own_plan_window)[booth_id]
    assert (row["status"], row["reserved_for"], row["reserved_until"]) == ("reserved", "潍坊新客户", "2099-01-31")
    assert plan.scene.items_by_id[booth_id].brush().color() == STATUS_COLOURS["reserved"]
    assert "潍坊新客户" in plan.scene.items_by_id[booth_id].tooltip_text()
    assert plan.release_booths([booth_id])
    assert _rows(own_plan_window)[booth_id]["status"] == "available"
    ctx.undo_stack.undo()  # the release: reserved again for the same name and date
    row = _rows(own_plan_window)[booth_id]
    assert (row["status"], row["reserved_for"], row["reserved_until"]) == ("reserved", "潍坊新客户", "2099-01-31")
    ctx.undo_stack.undo()  # the reservation
    assert _rows(own_plan_window)[booth_id]["status"] == "available"


def test_delete_then_undo_puts_the_booths_back(plan_messages, own_plan_window, free_spot):
    plan, ctx = own_plan_window.floor_plan_page, own_plan_window.context
    x, y = free_spot(plan, 600, 300)
    assert plan.add_booths([BoothDraft("D-1", x, y, 300, 300), BoothDraft("D-2", x + 300, y, 300, 300)])
    ids = {r["number"]: r["id"] for r in _rows(own_plan_window).values() if r["number"] in ("D-1", "D-2")}
    ctx.announce(booth_service.update_booth(ctx.db, ctx.actor, ids["D-2"], blocked=True, blocked_reason="柱子 / pillar"))
    items = [plan.scene.items_by_id[ids["D-1"]], plan.scene.items_by_id[ids["D-2"]]]
    assert items[1].record["status"] == "blocked"
    records = [dict(i.record) for i in items]
    for item in items:
        item.setSelected(True)
    count = len(_rows(own_plan_window))
    assert plan.delete_action.isEnabled()
    assert plan.delete_selected(), plan_messages
    assert len(_rows(own_plan_window)) == count - 2
    ctx.undo_stack.undo()
    back = {r["number"]: r for r in _rows(own_plan_window).values()}
    for r in records:
        b = back[r["number"]]
        assert (b["x_cm"], b["y_cm"], b["width_cm"], b["depth_cm"], b["status"], b["blocked_reason"]) == (
            r["x_cm"], r["y_cm"], r["width_cm"], r["depth_cm"], r["status"], r["blocked_reason"])
        assert b["id"] == r["id"]  # the same booth again, so its history still follows it
    ctx.undo_stack.redo()
    assert len(_rows(own_plan_window)) == count - 2
    ctx.undo_stack.undo()
    assert {r["number"]: r["id"] for r in _rows(own_plan_window).values() if r["number"] in ("D-1", "D-2")} == ids


def test_a_sold_booth_cannot_be_deleted_and_the_plan_says_why(plan_messages, own_plan_window):
    plan = own_plan_window.floor_plan_page
    sold = next(i for i in plan.scene.booth_items() if i.record["status"] == "sold")
    sold.setSelected(True)
    count = len(_rows(own_plan_window))
    assert not plan.delete_selected()
    assert len(plan_messages) == 1 and "sold" in plan_messages[0][1]
    assert len(_rows(own_plan_window)) == count
    assert own_plan_window.context.undo_stack.count() == 0


def test_a_new_hall_then_booths_from_a_drawing_without_a_table(qtbot, tmp_path, data_dir, actor):
    """Lay out a hall from nothing: New hall…, then Import DXF… with its preview."""
    import ezdxf
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from expo_desk.services.shows import new_show_file

    path = data_dir / "empty.sqlite"
    db, _show = new_show_file(path, actor, "QD2027", "2027青岛海洋博览会")
    db.close()
    window = create_window(AppPaths(data_dir), path)
    qtbot.addWidget(window)
    page = window.floor_plan_page
    try:
        def fill_hall():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, fill_hall)
                return
            dialog.code.setText("B2")
            dialog.name.setText("2号馆")
            dialog.width.setValue(60)
            dialog.depth.setValue(40)
            dialog.accept()

        QTimer.singleShot(0, fill_hall)
        assert page.new_hall()
        assert page.scene is not None and page.scene.hall["code"] == "B2"

        doc = ezdxf.new()
        doc.header["$INSUNITS"] = 6  # metres
        msp = doc.modelspace()
        for n in range(10):
            msp.add_lwpolyline([(n * 3, 0), (n * 3 + 3, 0), (n * 3 + 3, 3), (n * 3, 3)], close=True,
                               dxfattribs={"layer": "BOOTHS"})
            msp.add_text(f"B2-{n + 1:02d}", dxfattribs={"height": 0.3}).set_placement((n * 3 + 1, 1.5))
        drawing = tmp_path / "b2.dxf"
        doc.saveas(drawing)

        def confirm():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, confirm)
                return
            dialog.offset_x.setValue(300)
            dialog.offset_y.setValue(300)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        QTimer.singleShot(0, confirm)
        assert page.import_dxf(drawing)
        assert len(page.scene.items_by_id) == 10
    finally:
        window.context.close()


def test_reservations_past_their_date_are_released_and_the_user_is_told(qtbot, own_plan_window):
    from datetime import date

    page = own_plan_window.floor_plan_page
    ctx = page._context
    hall = booth_service.list_halls(ctx.db, ctx.show["id"])[0]
    free = next(b for b in booth_service.hall_booths(ctx.db, hall["id"]) if b["status"] == "available")
    booth_service.reserve_booth(ctx.db, ctx.actor, free["id"], "青岛某公司", "2026-01-10", today=date(2026, 1, 1))
    released = page.release_expired(today=date(2026, 1, 11))
    assert free["number"] in [b["number"] for b in released]
    assert free["number"] in page.info_label.text() and "released" in page.info_label.text()
    assert page.release_expired(today=date(2026, 12, 1)) == []  # after the show nothing is released


def test_hovering_a_booth_shows_its_price_under_the_shows_rules(qtbot, own_plan_window):
    from expo_desk.services import pricing as pricing_service

    page = own_plan_window.floor_plan_page
    ctx = page._context
    item = next(i for i in page.scene.items_by_id.values() if i.record["booth_type"] == "shell")
    price = page.price_text(item.booth_id)  # a demo show comes with its price list
    quote = pricing_service.quote_booth(ctx.db, item.booth_id)
    assert price.startswith("Price: ¥") and f"{quote.total_fen // 100:,}" in price
    item.price_text = price
    assert price in item.tooltip_text()
    shell_rule = next(r for r in pricing_service.list_rules(ctx.db, ctx.show["id"]) if r["kind"] == "shell_base")
    pricing_service.delete_rule(ctx.db, ctx.actor, shell_rule["id"])
    assert "has no shell scheme price" in page.price_text(item.booth_id)  # the service's own reason


def test_the_hall_plan_prints_to_pdf_with_the_selected_booth_marked(qtbot, plan, tmp_path):
    from pypdf import PdfReader

    item = next(iter(plan.scene.items_by_id.values()))
    plan.scene.clearSelection()
    item.setSelected(True)
    target = tmp_path / "plan.pdf"
    assert plan.write_plan_pdf(target)
    text = PdfReader(target).pages[0].extract_text()
    assert item.record["number"] in text
    assert plan.scene.hall["code"] in text


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_a_hall_drawing_goes_under_the_booths_where_the_user_puts_it(plan_messages, own_plan_window, tmp_path, kind):
    from expo_desk.ui.floorplan.dialogs import BackgroundDialog

    plan = own_plan_window.floor_plan_page
    drawing = tmp_path / f"hall.{kind}"
    if kind == "png":
        image = QImage(600, 400, QImage.Format.Format_RGB32)
        image.fill(0xDDDDDD)
        assert image.save(str(drawing))
    else:
        drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">'
                           '<rect x="10" y="10" width="580" height="380" fill="none" stroke="black"/></svg>')
    dialog = BackgroundDialog(plan.scene.hall)
    dialog.path.setText(str(drawing))
    dialog.x.setValue(2.0)
    dialog.y.setValue(1.5)
    dialog.width.setValue(60.0)
    assert plan.set_background(dialog), plan_messages
    item = plan.scene.background
    assert item is not None and item.zValue() < min(i.zValue() for i in plan.scene.booth_items())
    assert (item.pos().x(), item.pos().y()) == (200.0, 150.0)
    assert item.scale() == pytest.approx(10.0)  # 60 m over 600 units


def test_a_file_that_is_not_a_drawing_is_refused(plan_messages, own_plan_window, tmp_path):
    from expo_desk.ui.floorplan.dialogs import BackgroundDialog

    plan = own_plan_window.floor_plan_page
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    dialog = BackgroundDialog(plan.scene.hall)
    dialog.path.setText(str(bad))
    assert not plan.set_background(dialog)
    assert plan_messages and "notes.png" in plan_messages[-1][1]
    assert plan.scene.background is None
