"""The Gantt chart on a real file: rows that open and close, the critical path drawn red,
dependency arrows between rows on screen, dragging a bar to reschedule (and Ctrl+Z), and
who may drag."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from expo_desk.domain.actors import Actor
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import Role
from expo_desk.services import booths as booth_service
from expo_desk.services import users as user_service
from expo_desk.store import records
from expo_desk.store.queries import scalar
from expo_desk.store.transactions import transaction
from expo_desk.ui.gantt.items import AXIS_HEIGHT, BAR_HEIGHT, BAR_TOP, CRITICAL_COLOUR, ROW_HEIGHT, tooltip_html
from expo_desk.ui.pages.gantt_page import GanttPage

TODAY = "2026-09-10"


@pytest.fixture
def build(window):
    """A milestone 搭建完成 over the event 'H1馆 特装搭建' with four detailed tasks of booth H1-001:
    报到 → 主体结构 → 验收 → the milestone in a chain with no day to spare (the critical path),
    保洁 on its own with three days to spare."""
    ctx = window.context
    db, admin, show_id = ctx.db, ctx.actor, ctx.show["id"]
    people = {}
    for username, name, role in (("dm", "赵部长", Role.DEPARTMENT_MANAGER), ("am", "王经理", Role.ACCOUNT_MANAGER)):
        uid = user_service.create_user(db, admin, username, name, role).inserted["users"][0]
        people[username] = Actor(uid, name, role)
    hall = booth_service.create_hall(db, admin, show_id, "H1", "1号馆", 3000, 2000).inserted["halls"][0]
    booth_service.add_booths(db, admin, show_id, hall, [BoothDraft("H1-001", 0, 0, 300, 300)])
    booth = scalar(db, "SELECT id FROM booths WHERE number = 'H1-001'")
    ids = {}

    def task(key, parent, level, name, start, finish, **more):
        row = records.insert(db, admin, "tasks", {
            "show_id": show_id, "parent_id": ids.get(parent), "level": level, "name": name,
            "planned_start": start, "planned_finish": finish, "baseline_start": start, "baseline_finish": finish,
            "sort_order": len(ids), **more})
        ids[key] = row["id"]

    with transaction(db):
        task("opening", None, "milestone", "搭建完成", "2026-09-17", "2026-09-17")
        task("build", "opening", "event", "H1馆 特装搭建", "2026-09-14", "2026-09-17", role="construction_executor")
        common = {"booth_id": booth, "role": "construction_executor", "owner_id": people["dm"].user_id}
        task("arrive", "build", "task", "特装进场报到", "2026-09-14", "2026-09-14", **common)
        task("frame", "build", "task", "主体结构搭建", "2026-09-15", "2026-09-16", **common)
        task("check", "build", "task", "验收交付", "2026-09-17", "2026-09-17", **common)
        task("clean", "build", "task", "保洁", "2026-09-14", "2026-09-14", **common)
        for a, b in (("arrive", "frame"), ("frame", "check"), ("check", "opening")):
            records.insert(db, admin, "task_dependencies", {"predecessor_id": ids[a], "successor_id": ids[b]})
    return {"ids": ids, **people}


@pytest.fixture
def gantt(qtbot, window, build):
    page = GanttPage(window.context)
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1400, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.data is not None and not page.loading)  # read off the window's thread
    page.set_scale("day")
    yield page
    page.wait_loaded()  # a reading after the last change must not outlive the window


@pytest.fixture
def messages(monkeypatch):
    shown = []
    monkeypatch.setattr("expo_desk.ui.pages.gantt_page.QMessageBox.warning",
                        lambda _parent, _title, text: shown.append(text))
    return shown


def planned(window, task_id: str) -> tuple[str, str]:
    row = records.get_row(window.context.db, "tasks", task_id)
    return row["planned_start"], row["planned_finish"]


def bar_point(page: GanttPage, task_id: str, where: str = "middle") -> QPoint:
    """A point (viewport pixels) on a task's bar: its middle, or one pixel inside its end."""
    item = page.scene.items_by_id[task_id]
    page.select_task(task_id)  # scrolls it into sight
    left, right = item.bar_span()
    x = (left + right) / 2 if where == "middle" else right - 1.5 / page.view.day_width()
    point = page.view.mapFromScene(QPointF(x, item.index * ROW_HEIGHT + BAR_TOP + BAR_HEIGHT / 2))
    return point


def drag(qtbot, page: GanttPage, start: QPoint, days: int) -> None:
    viewport = page.view.viewport()
    end = QPoint(start.x() + round(days * page.view.day_width()), start.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, QPoint((start.x() + end.x()) // 2, start.y()))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_opens_on_milestones_and_events_and_expands_one_event(qtbot, gantt, build):
    ids = build["ids"]
    assert gantt.tree.visible() == [ids["opening"], ids["build"]]
    assert set(gantt.scene.items_by_id) == {ids["opening"], ids["build"]}  # no items for hidden tasks

    # the triangle in front of the event opens it
    event_y = AXIS_HEIGHT + gantt.scene.items_by_id[ids["build"]].index * ROW_HEIGHT + ROW_HEIGHT // 2
    qtbot.mouseClick(gantt.header, Qt.MouseButton.LeftButton, pos=QPoint(4 + 16 + 6, event_y))
    shown = gantt.tree.visible()
    assert shown[2:] == [ids["arrive"], ids["clean"], ids["frame"], ids["check"]] or \
        set(shown[2:]) == {ids["arrive"], ids["frame"], ids["check"], ids["clean"]}
    assert set(gantt.scene.items_by_id) == set(ids.values())
    assert gantt.tree.depth(ids["frame"]) == 2

    gantt.toggle(ids["build"])
    assert set(gantt.scene.items_by_id) == {ids["opening"], ids["build"]}
    gantt.toggle(ids["opening"])
    assert gantt.tree.visible() == [ids["opening"]]


def test_critical_tasks_are_drawn_with_a_red_outline(qtbot, gantt, build):
    ids = build["ids"]
    gantt.set_expanded(ids["build"], True)
    items = gantt.scene.items_by_id
    assert {k for k in ("arrive", "frame", "check", "clean") if items[ids[k]].critical} == {"arrive", "frame", "check"}
    assert items[ids["clean"]].total_float > 0
    red = CRITICAL_COLOUR.rgb()

    def outline_is_red(key: str) -> bool:
        item = items[ids[key]]
        gantt.select_task(item.task_id)  # in sight
        image = gantt.view.viewport().grab().toImage()
        left = gantt.view.mapFromScene(QPointF(item.bar_span()[0], item.index * ROW_HEIGHT + BAR_TOP))
        return any(QColor(image.pixel(left.x() + dx, left.y() + 6)).rgb() == red for dx in range(0, 2))

    assert outline_is_red("frame") and outline_is_red("arrive")
    assert not outline_is_red("clean")


def test_dependency_arrows_join_the_rows_on_screen(gantt, build):
    ids = build["ids"]
    assert gantt.scene.links_item.pairs() == []  # the tasks are folded away: nothing to join
    gantt.set_expanded(ids["build"], True)
    pairs = set(gantt.scene.links_item.pairs())
    assert pairs == {(ids["arrive"], ids["frame"]), (ids["frame"], ids["check"]), (ids["check"], ids["opening"])}


def test_dragging_a_bar_two_days_reschedules_and_undo_puts_it_back(qtbot, window, gantt, build):
    ids = build["ids"]
    window.context.set_actor(build["dm"])
    gantt.set_expanded(ids["build"], True)
    assert gantt.view.can_drag

    drag(qtbot, gantt, bar_point(gantt, ids["frame"]), 2)
    assert planned(window, ids["frame"]) == ("2026-09-17", "2026-09-18")
    qtbot.waitUntil(lambda: gantt.scene.items_by_id[ids["frame"]].start == date(2026, 9, 17).toordinal())
    assert window.context.undo_stack.count() == 1

    window.context.undo_stack.undo()
    assert planned(window, ids["frame"]) == ("2026-09-15", "2026-09-16")
    qtbot.waitUntil(lambda: gantt.scene.items_by_id[ids["frame"]].start == date(2026, 9, 15).toordinal())


def test_dragging_the_end_of_a_bar_moves_only_its_finish(qtbot, window, gantt, build):
    ids = build["ids"]
    window.context.set_actor(build["dm"])
    gantt.set_expanded(ids["build"], True)
    drag(qtbot, gantt, bar_point(gantt, ids["frame"], "end"), 2)
    assert planned(window, ids["frame"]) == ("2026-09-15", "2026-09-18")


def test_an_account_manager_cannot_move_bars(qtbot, window, gantt, build, messages):
    ids = build["ids"]
    window.context.set_actor(build["am"])
    gantt.set_expanded(ids["build"], True)
    assert not gantt.view.can_drag
    assert gantt.notice.text()  # says why the chart is read-only

    drag(qtbot, gantt, bar_point(gantt, ids["frame"]), 2)
    assert planned(window, ids["frame"]) == ("2026-09-15", "2026-09-16")

    # asked anyway (a stale button, a script): the service refuses and the page says so
    assert not gantt.reschedule(ids["frame"], "2026-09-17", "2026-09-18")
    assert planned(window, ids["frame"]) == ("2026-09-15", "2026-09-16")
    assert len(messages) == 1 and "王经理" in messages[0]
    assert window.context.undo_stack.count() == 0
    assert gantt.scene.items_by_id[ids["frame"]].preview is None


def test_search_opens_the_way_to_a_task_and_selects_it(gantt, build):
    ids = build["ids"]
    assert gantt.find("验收") == ids["check"]
    assert ids["check"] in gantt.scene.items_by_id
    assert gantt.scene.selected_id == ids["check"] and gantt.header.selected == ids["check"]
    assert gantt.find("H1-001") is not None  # by booth number too
    assert gantt.find("没有这个任务") is None and gantt.search_result.text()


def test_hover_tells_dates_owner_booth_and_float(gantt, build):
    ids = build["ids"]
    gantt.set_expanded(ids["build"], True)
    text = tooltip_html(gantt.scene.items_by_id[ids["clean"]])
    for part in ("保洁", "H1-001", "赵部长", "14 Sep 2026", "Baseline: 14 Sep 2026", "Total float: 3 day(s)"):
        assert part in text
    frame = gantt.scene.items_by_id[ids["frame"]]
    text = tooltip_html(frame, *gantt.scene.neighbours(ids["frame"]))
    assert "Follows: H1-001  特装进场报到" in text and "Followed by: H1-001  验收交付" in text
    assert "critical path" in text


def test_saving_the_baseline_keeps_the_plan_as_it_stands(qtbot, window, gantt, build, messages):
    ids = build["ids"]
    gantt.set_expanded(ids["build"], True)
    assert gantt.reschedule(ids["frame"], "2026-09-16", "2026-09-17")
    assert records.get_row(window.context.db, "tasks", ids["frame"])["baseline_start"] == "2026-09-15"
    assert gantt.baseline_button.isEnabled() and gantt.save_baseline()
    row = records.get_row(window.context.db, "tasks", ids["frame"])
    assert (row["baseline_start"], row["baseline_finish"]) == ("2026-09-16", "2026-09-17")
    window.context.set_actor(build["am"])
    assert not gantt.baseline_button.isEnabled()
    assert not gantt.save_baseline() and messages  # refused by the service, said on screen
