"""My tasks on a real file: booth A-001 sold and signed, so its build tasks exist from the
templates; a construction executor starts, finishes, blocks and reports from the page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from expo_desk.services import tasks as task_service
from expo_desk.store.queries import one, scalar
from expo_desk.ui.pages.my_tasks_page import MyTasksPage
from expo_desk.ui.widgets.task_cards import button_rects
from tests.helpers import executor_owns_a001

BUILD_DAY = date(2026, 9, 15)  # the show opens 09-18; shell booths are built 09-15 and 09-16
SHELL_BUILD = "标摊搭建 / shell scheme build"


@pytest.fixture
def show_file(db_path, db, actor, sales):
    """The window opens the sales show with A-001 signed to steel and one construction
    executor, who therefore owns the booth's construction tasks."""
    executor_owns_a001(db, actor, sales)
    return db_path


@pytest.fixture
def page(qtbot, window, sales):
    window.context.set_actor(sales["ce"])
    my_tasks = MyTasksPage(window.context)
    my_tasks.today = BUILD_DAY
    qtbot.addWidget(my_tasks)
    my_tasks.resize(1300, 800)
    my_tasks.show()
    qtbot.waitExposed(my_tasks)
    return my_tasks


def task(db, name, booth="A-001"):
    return one(db, "SELECT t.* FROM tasks t JOIN booths b ON b.id = t.booth_id WHERE t.name = ? AND b.number = ?",
               [name, booth])


def names(page, group):
    return [r["name"] for r in page.model.group_rows(group)]


def select(page, task_id):
    index = page.model.task_index(task_id)
    page.tree.setCurrentIndex(index)
    page.tree.setFocus()
    return index


def test_the_executor_sees_the_booths_build_today_and_starts_then_finishes_it(qtbot, db, page):
    build = task(db, SHELL_BUILD)
    assert SHELL_BUILD in names(page, "today")
    row = page.model.row_at(select(page, build["id"]))
    assert (row["booth_number"], row["hall_code"], row["exhibitor"]) == ("A-001", "H1", "日照钢铁集团有限公司")
    assert (row["checklist_done"], row["checklist_total"]) == (0, 5)
    assert page.model.index(page.model.task_index(build["id"]).row(), 4,
                            page.model.task_index(build["id"]).parent()).data() == "0/5"

    actions = page.model.index(page.model.task_index(build["id"]).row(), page.model.ACTIONS_COLUMN,
                               page.model.task_index(build["id"]).parent())
    page.tree.scrollTo(actions)
    start_button = button_rects(page.tree.visualRect(actions), "not_started")[0]
    assert start_button[0] == "start" and start_button[1].height() >= 36  # big enough for a finger
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=start_button[1].center())
    assert one(db, "SELECT status, actual_start FROM tasks WHERE id = ?", [build["id"]]) == {
        "status": "in_progress", "actual_start": "2026-09-15"}

    select(page, build["id"])
    qtbot.keyClick(page.tree, Qt.Key.Key_F)
    done = one(db, "SELECT status, actual_finish, percent_done FROM tasks WHERE id = ?", [build["id"]])
    assert done == {"status": "done", "actual_finish": "2026-09-15", "percent_done": 100}
    assert SHELL_BUILD not in names(page, "today")  # a finished task leaves the list


def test_blocking_needs_a_reason(qtbot, db, page, on_modal):
    build = task(db, SHELL_BUILD)
    seen = {}

    def block(dialog):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["still_open"] = dialog.isVisible()
        seen["problem_text"] = dialog._field_errors["reason"].text()
        seen["status_meanwhile"] = scalar(db, "SELECT status FROM tasks WHERE id = ?", [build["id"]])
        dialog.reason.setPlainText("展位地面未清场 / floor not cleared")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    select(page, build["id"])
    on_modal(block)
    qtbot.keyClick(page.tree, Qt.Key.Key_B)
    assert seen["still_open"] and "受阻原因" in seen["problem_text"] and seen["status_meanwhile"] == "not_started"
    assert one(db, "SELECT status, blocked_reason FROM tasks WHERE id = ?", [build["id"]]) == {
        "status": "blocked", "blocked_reason": "展位地面未清场 / floor not cleared"}
    row = page.model.row_at(page.model.task_index(build["id"]))
    assert row["status"] == "blocked"
    index = page.model.task_index(build["id"])
    assert page.model.index(index.row(), 0, index.parent()).data().endswith("⊘ 展位地面未清场 / floor not cleared")
    assert page.model.index(index.row(), 5, index.parent()).data() == "Blocked"


def test_reporting_a_problem_puts_it_on_the_punch_list(qtbot, db, page, on_modal, sales):
    build = task(db, SHELL_BUILD)

    def report(dialog):
        assert dialog.booth.text() == "A-001"  # the task's booth to start with
        dialog.severity.setCurrentIndex(dialog.severity.findData("high"))
        dialog.description.setPlainText("楣板文字错误 / fascia text misspelt")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    select(page, build["id"])
    on_modal(report)
    qtbot.keyClick(page.tree, Qt.Key.Key_P)
    item = one(db, "SELECT * FROM punch_items")
    assert (item["severity"], item["booth_id"], item["task_id"], item["status"], item["reported_by"]) == (
        "high", sales["booths"]["A-001"], build["id"], "open", sales["ce"].user_id)
    assert page.tabs.tabText(1).endswith("1")
    table = page.punch_list.table
    assert [table.item(0, c).text() for c in range(3)] == ["High", "A-001 · Hall H1",
                                                          "楣板文字错误 / fascia text misspelt"]


def test_a_problem_at_a_booth_that_does_not_exist_is_refused_by_name(qtbot, db, page, on_modal):
    seen = {}

    def report(dialog):
        dialog.booth.setText("Z-999")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["booth"] = dialog._field_errors["booth"].text()
        seen["description"] = dialog._field_errors["description"].text()
        dialog.reject()

    on_modal(report)
    page.report_button.click()
    assert "Z-999" in seen["booth"] and "describe the problem" in seen["description"]
    assert scalar(db, "SELECT count(*) FROM punch_items") == 0


def test_the_checklist_is_ticked_in_the_task_detail(qtbot, db, page, on_modal):
    build = task(db, SHELL_BUILD)
    seen = {}

    def tick(dialog):
        checks = list(dialog.checks.values())
        seen["items"] = [c.text() for c in checks]
        checks[0].setChecked(True)
        dialog.reject()

    select(page, build["id"])
    on_modal(tick)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert seen["items"][0] == "展板 / wall panels" and len(seen["items"]) == 5
    assert scalar(db, "SELECT done FROM task_checklist_items WHERE task_id = ? AND position = 1", [build["id"]]) == 1
    index = page.model.task_index(build["id"])
    assert page.model.index(index.row(), 4, index.parent()).data() == "1/5"


def test_an_account_manager_sees_their_own_tasks_and_no_construction_work(qtbot, window, sales):
    window.context.set_actor(sales["am1"])
    page = MyTasksPage(window.context)
    page.today = BUILD_DAY
    qtbot.addWidget(page)
    page.show()
    rows = [r for group in ("overdue", "today", "this_week", "later") for r in page.model.group_rows(group)]
    assert "确认楣板文字与家具 / confirm fascia text and furniture" in [r["name"] for r in rows]
    assert {r["role"] for r in rows} == {"account_manager"}
    assert not any("搭建" in r["name"] or "验收" in r["name"] for r in rows)
    assert "王经理" in page.who.text() and "Account manager" in page.who.text()


def test_the_rows_model_keeps_qts_rules(qtmodeltester, page):
    assert page.model.rowCount() == 4 and sum(page.model.rowCount(page.model.index(g, 0)) for g in range(4)) >= 2
    qtmodeltester.check(page.model)


def test_a_change_made_elsewhere_shows_without_asking(qtbot, db, window, page, sales):
    build = task(db, SHELL_BUILD)
    window.context.announce(task_service.start_task(db, sales["ce"], build["id"], "2026-09-15"))
    qtbot.waitUntil(lambda: page.model.row_at(page.model.task_index(build["id"]))["status"] == "in_progress")
