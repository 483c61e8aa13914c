"""Crew load on a real file: with one construction executor, two booths sold (A-001 to
steel, A-003 to fish) give that person two booths on the same build days — a clash."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from expo_desk.domain.enums import Role
from expo_desk.services import contracts, users
from expo_desk.services.contract_signing import sign_contract
from expo_desk.ui.pages.crew_load_page import CLASH_BACKGROUND, CrewLoadPage

SHELL_DAYS = ("2026-09-15", "2026-09-16")  # 标摊搭建: build-up (09-14) + 1, two days


@pytest.fixture
def show_file(db_path, db, actor, sales):
    """The sales show with two crew: 孙师傅 (the only executor when the booths are signed, so
    he owns their construction tasks) and 周师傅, who joins later and owns nothing."""
    users.create_user(db, actor, "ce1", "孙师傅", Role.CONSTRUCTION_EXECUTOR)
    for who, exhibitor, number in (("am1", "steel", "A-001"), ("am2", "fish", "A-003")):
        cid = contracts.create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor],
                                        [sales["booths"][number]], today="2026-06-01").inserted["contracts"][0]
        sign_contract(db, sales[who], cid, signed_on="2026-06-01")
    users.create_user(db, actor, "ce2", "周师傅", Role.CONSTRUCTION_EXECUTOR)
    return db_path


@pytest.fixture
def crew(qtbot, window):
    page = CrewLoadPage(window.context)
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.loading)
    return page


def test_the_days_run_from_build_up_to_tear_down(crew):
    assert crew.days[0] == "2026-09-14" and crew.days[-1] == "2026-09-21"  # tear-down: the day after closing
    headers = [crew.table.horizontalHeaderItem(c).text() for c in range(crew.table.columnCount())]
    assert headers[0].startswith("Sep 14 Mon") and "Build-up" in headers[0]
    assert crew.table.horizontalHeaderItem(0).toolTip() == "14 Sep 2026 Monday"
    assert "Show days" in headers[4] and "Tear-down" in headers[-1]


def test_two_booths_on_the_same_day_stand_out_in_red_naming_the_tasks(crew):
    rows = [crew.table.verticalHeaderItem(r).text() for r in range(crew.table.rowCount())]
    assert sorted(rows) == ["周师傅", "孙师傅"]
    for day in SHELL_DAYS:
        cell = crew.cell("孙师傅", day)
        assert cell.text() == "2 booth(s)\nA-001, A-003"
        assert cell.background().color() == CLASH_BACKGROUND
        tip = cell.toolTip()
        assert "Clash" in tip and tip.count("标摊搭建 / shell scheme build") == 2
        assert "A-001 · Hall H1" in tip and "A-003 · Hall H1" in tip
    hand_over = crew.cell("孙师傅", "2026-09-17")  # both hand-overs that day too
    assert hand_over.background().color() == CLASH_BACKGROUND
    assert crew.cell("周师傅", SHELL_DAYS[0]) is None  # nothing booked
    assert crew.summary.text() == "2 executor(s) · 1 with clashes"


def test_clashes_only_leaves_the_people_and_days_that_clash(crew):
    crew.clashes_only.setChecked(True)
    assert [crew.table.verticalHeaderItem(r).text() for r in range(crew.table.rowCount())] == ["孙师傅"]
    shown = [crew.table.horizontalHeaderItem(c).data(Qt.ItemDataRole.UserRole) for c in range(crew.table.columnCount())]
    assert shown == ["2026-09-15", "2026-09-16", "2026-09-17"]
    assert crew.table.item(0, 0).background().color() == CLASH_BACKGROUND


def test_a_range_too_long_is_refused_in_words(qtbot, crew):
    crew.last_day.setDate(QDate(2027, 3, 1))
    crew.refresh()
    qtbot.waitUntil(lambda: not crew.loading)
    assert crew.notice.isVisibleTo(crew) and "62" in crew.notice.text()
    assert crew.table.rowCount() == 0
