"""Dates on the task pages, the build schedule, post-show, the audit trail and the restore
dialog are written in the window's language: '18 Sep 2026' in English, '2026年9月18日' in
Chinese (short 'Sep 18' / '9月18日' where a column is narrow), never as ISO text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from expo_desk.services import post_show
from expo_desk.services.backups import BackupInfo
from expo_desk.store.queries import one
from expo_desk.ui.dialogs.restore_dialog import RestoreDialog
from expo_desk.ui.dialogs.task_dialogs import TaskDetailDialog
from expo_desk.ui.gantt.items import day_label
from expo_desk.ui.gantt.rows import RowHeader
from expo_desk.ui.language import set_ui_language
from expo_desk.ui.models.audit_table_model import local_time, shown
from expo_desk.ui.pages.my_tasks_page import MyTasksPage
from expo_desk.ui.pages.post_show_page import PostShowPage
from expo_desk.ui.widgets.task_cards import MyTasksModel
from tests.helpers import executor_owns_a001

SHELL_BUILD = "标摊搭建 / shell scheme build"  # A-001's: planned 15 and 16 Sep 2026


@pytest.fixture
def show_file(db_path, db, actor, sales):
    """The sales show with A-001 signed, so its build tasks exist, and the executor who owns them."""
    executor_owns_a001(db, actor, sales)
    return db_path


@pytest.fixture
def my_tasks(qtbot, window, sales):
    window.context.set_actor(sales["ce"])
    page = MyTasksPage(window.context)
    page.today = datetime(2026, 9, 15).date()
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def _shell_build_due(page: MyTasksPage) -> str:
    column = [key for key, _title in MyTasksModel.COLUMNS].index("planned_finish")
    for group in range(page.model.rowCount()):
        parent = page.model.index(group, 0)
        for row in range(page.model.rowCount(parent)):
            if page.model.data(page.model.index(row, 0, parent)).startswith(SHELL_BUILD):
                return page.model.data(page.model.index(row, column, parent))
    raise AssertionError("no shell build task listed")


def test_my_tasks_shows_the_due_date_and_the_day_in_english(my_tasks):
    assert _shell_build_due(my_tasks) == "16 Sep 2026"
    assert my_tasks.counts.text().endswith("as of 15 Sep 2026")


def test_my_tasks_shows_the_due_date_in_chinese(my_tasks, chinese):
    my_tasks.refresh()
    assert _shell_build_due(my_tasks) == "2026年9月16日"
    assert "2026年9月15日" in my_tasks.counts.text()


def test_task_detail_says_the_planned_days_in_the_window_language(qtbot, window, sales, show_file):
    task = one(window.context.db, "SELECT t.id FROM tasks t JOIN booths b ON b.id = t.booth_id"
                                  " WHERE t.name = ? AND b.number = 'A-001'", [SHELL_BUILD])
    dialog = TaskDetailDialog(window.context, task["id"], "2026-09-15")
    qtbot.addWidget(dialog)
    texts = [dialog.facts.itemAt(k).widget().text() for k in range(dialog.facts.count())]
    assert "15 Sep 2026 → 16 Sep 2026" in texts


def test_the_schedule_names_days_short_and_its_columns_hold_them(qtbot, chinese):
    assert day_label("2026-09-18") == "9月18日"
    header = RowHeader()
    qtbot.addWidget(header)
    assert header.date_width() > header.fontMetrics().horizontalAdvance("12月28日")
    set_ui_language("en")
    assert day_label("2026-09-18") == "Sep 18" and day_label(None) == ""


def test_post_show_days_are_headed_by_date_and_weekday(qtbot, window, chinese):
    db, show = window.context.db, window.context.show
    post_show.set_visitors(db, window.context.actor, show["id"], "2026-09-18", "钢铁", 1200)
    page = PostShowPage(window.context)
    qtbot.addWidget(page)
    page.visitors.refresh()
    assert page.visitors.table.horizontalHeaderItem(0).text() == "2026年9月18日\n周五"
    set_ui_language("en")
    page.visitors.refresh()
    assert page.visitors.table.horizontalHeaderItem(0).text() == "18 Sep 2026\nFri"


def test_audit_times_and_values_in_the_window_language(shanghai_time, chinese):
    assert local_time("2026-03-01T02:00:00+00:00") == "2026年3月1日 10:00:00"
    assert shown("start_date", "2026-09-18") == "2026年9月18日"
    assert shown("amount_fen", 1234500) == "12,345.00 元"
    set_ui_language("en")
    assert local_time("2026-03-01T02:00:00+00:00") == "1 Mar 2026 10:00:00"
    assert shown("start_date", "2026-09-18") == "18 Sep 2026"
    assert shown("notes", None) == "—"


def test_backups_are_listed_by_local_time_in_the_window_language(qtbot, shanghai_time):
    taken = datetime(2026, 9, 18, 8, 5, tzinfo=UTC)
    backup = BackupInfo(Path("/backups/rz-20260918-080500-auto.sqlite"), "rz", taken, "auto", 2048)
    dialog = RestoreDialog([backup])
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == "18 Sep 2026 16:05"
