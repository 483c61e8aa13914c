"""The task board on a real file: A-001 and A-002 signed, so their build tasks exist; a
started task sits in "in progress", and moving its card to "done" finishes it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from expo_desk.domain.enums import Role
from expo_desk.services import contracts
from expo_desk.services import tasks as task_service
from expo_desk.services.contract_signing import sign_contract
from expo_desk.store.queries import one, scalar
from expo_desk.ui.pages.task_board_page import TaskBoardPage

POWER_PLAN = "用电方案 / power plan"


@pytest.fixture
def show_file(db_path, db, sales):
    """The window opens the sales show with A-001 and A-002 signed to steel."""
    cid = contracts.create_contract(db, sales["am1"], sales["show"]["id"], sales["steel"],
                                    [sales["booths"]["A-001"], sales["booths"]["A-002"]],
                                    today="2026-06-01").inserted["contracts"][0]
    sign_contract(db, sales["am1"], cid, signed_on="2026-06-01")
    return db_path


@pytest.fixture
def board(qtbot, window):
    page = TaskBoardPage(window.context)
    page.today = date(2026, 6, 20)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    page.role.setCurrentIndex(page.role.findData(Role.DESIGN_SUPERVISOR.value))
    return page


def power_plan(db, number):
    return scalar(db, "SELECT t.id FROM tasks t JOIN booths b ON b.id = t.booth_id WHERE t.name = ? AND b.number = ?",
                  [POWER_PLAN, number])


def card(board, status, task_id):
    return next(row for row in board.columns[status].rows() if row["id"] == task_id)


def card_ids(board, status):
    return [row["id"] for row in board.columns[status].rows()]


def test_a_started_task_is_in_progress_and_moving_it_to_done_finishes_it(qtbot, db, actor, board):
    started, waiting = power_plan(db, "A-001"), power_plan(db, "A-002")
    task_service.start_task(db, actor, started, "2026-06-15")
    board.refresh()
    assert card_ids(board, "in_progress") == [started]
    assert card_ids(board, "not_started") == [waiting]
    assert board.headers["in_progress"].text() == "In progress · 1"

    column = board.columns["in_progress"]
    menu = board.menu_for(column, column.item(0))
    moves = {a.objectName(): a for a in menu.actions()[1].menu().actions()}
    assert set(moves) == {"move_to_not_started", "move_to_blocked", "move_to_done"}
    assert not moves["move_to_not_started"].isEnabled()  # work begun is not un-started
    moves["move_to_done"].trigger()
    assert one(db, "SELECT status, actual_finish FROM tasks WHERE id = ?", [started]) == {
        "status": "done", "actual_finish": "2026-06-20"}
    assert card_ids(board, "done") == [started] and card_ids(board, "in_progress") == []


def test_moving_a_card_to_blocked_asks_the_reason_and_back_unblocks_it(qtbot, db, board, on_modal):
    waiting = power_plan(db, "A-002")

    def give_reason(dialog):
        dialog.reason.setPlainText("等待展商确认用电量 / waiting for the exhibitor's power figures")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    on_modal(give_reason)
    board.move_card(card(board, "not_started", waiting), "blocked")
    assert one(db, "SELECT status, blocked_reason FROM tasks WHERE id = ?", [waiting]) == {
        "status": "blocked", "blocked_reason": "等待展商确认用电量 / waiting for the exhibitor's power figures"}
    assert card_ids(board, "blocked") == [waiting]

    board.move_card(card(board, "blocked", waiting), "in_progress")  # unblock, then start
    assert scalar(db, "SELECT status FROM tasks WHERE id = ?", [waiting]) == "in_progress"


def test_a_column_says_how_many_more_it_does_not_show(qtbot, db, board, monkeypatch):
    monkeypatch.setattr("expo_desk.ui.pages.task_board_page.SHOWN_PER_COLUMN", 1)
    board.refresh()
    assert len(board.columns["not_started"].rows()) == 1
    assert board.headers["not_started"].text() == "Not started · 2"
    assert board.more["not_started"].isVisibleTo(board) and board.more["not_started"].text().startswith("+1 more")


def test_the_hall_filter_and_the_role_chooser(qtbot, db, board, sales):
    assert board.hall.count() == 2  # all halls and H1
    board.hall.setCurrentIndex(1)
    assert len(card_ids(board, "not_started")) == 2
    board.role.setCurrentIndex(board.role.findData(Role.CONSTRUCTION_EXECUTOR.value))
    names = {row["name"] for row in board.columns["not_started"].rows()}
    assert names == {"标摊搭建 / shell scheme build", "验收交付 / inspection and hand-over"}


class _Drop:
    """What a drop from another column tells the column it lands in."""

    def __init__(self, source):
        self._source, self.accepted = source, None

    def source(self):
        return self._source

    def setDropAction(self, _action):
        pass

    def accept(self):
        self.accepted = True

    def ignore(self):
        self.accepted = False


def test_dropping_a_card_on_another_column_moves_the_task(qtbot, db, board):
    task_id = power_plan(db, "A-001")
    source, target = board.columns["not_started"], board.columns["in_progress"]
    source.setCurrentRow(card_ids(board, "not_started").index(task_id))
    same_column = _Drop(source)
    source.dropEvent(same_column)
    assert same_column.accepted is False and scalar(db, "SELECT status FROM tasks WHERE id = ?", [task_id]) == (
        "not_started")
    target.dropEvent(_Drop(source))
    assert scalar(db, "SELECT status FROM tasks WHERE id = ?", [task_id]) == "in_progress"
    assert card_ids(board, "in_progress") == [task_id]
