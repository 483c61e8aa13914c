"""The schedule as the Gantt chart and management see it: the critical path of the booths'
tasks, and progress rolled up from tasks to main events to milestones."""

from __future__ import annotations

import pytest

from expo_desk.errors import UserError
from expo_desk.services import booths, tasks
from expo_desk.services.schedule import progress_summary, schedule_view
from expo_desk.store import records
from expo_desk.store.queries import scalar
from tests.helpers import signed_contract

SIGNED = "2026-06-01"


@pytest.fixture
def signed(db, sales):
    """am1's shell booth A-001 and am2's raw booth R-001, both signed on 2026-06-01."""
    for who, exhibitor, number in (("am1", "steel", "A-001"), ("am2", "fish", "R-001")):
        signed_contract(db, sales, [number], SIGNED, who, exhibitor)
    return sales


def task_id(db, number, english_name):
    return scalar(db, "SELECT t.id FROM tasks t JOIN booths b ON b.id = t.booth_id WHERE b.number = ?"
                      " AND t.name LIKE ?", [number, f"% / {english_name}"])


def by_name(rows, prefix):
    return next(r for r in rows if r["name"].startswith(prefix))


def test_the_gantt_gets_every_row_the_links_and_the_critical_path(db, signed):
    view = schedule_view(db, signed["show"]["id"], "2026-06-10")
    assert len(view["tasks"]) == 6 + 6 + 4 + 10 and len(view["links"]) == 3 + 9
    assert view["today"] == 739777  # 2026-06-10 as a day ordinal
    row = by_name(view["tasks"], "特装搭建 / custom build")
    assert (row["booth_number"], row["hall_code"], row["owner_name"]) == ("R-001", "H1", None)
    critical = {r["id"]: r for r in view["tasks"] if r["id"] in view["cpm"].critical}
    assert sorted((r["booth_number"], r["name"]) for r in critical.values()) == [
        ("R-001", "撤展 / tear-down"), ("R-001", "退还施工押金 / deposit refund")]
    handover = task_id(db, "R-001", "hand-over")
    assert view["cpm"].total_float[handover] == 3  # three days between hand-over and tear-down
    milestones = schedule_view(db, signed["show"]["id"], "2026-06-10", levels=("milestone",))["tasks"]
    assert len(milestones) == 6


def test_one_hall_shows_its_booths_and_what_they_roll_up_into(db, signed):
    other = booths.create_hall(db, signed["dm"], signed["show"]["id"], "H2", "2号馆", 3000, 2000).inserted["halls"][0]
    assert schedule_view(db, signed["show"]["id"], "2026-06-10", hall_id=other)["tasks"] == []
    view = schedule_view(db, signed["show"]["id"], "2026-06-10", hall_id=signed["hall"])
    levels = [r["level"] for r in view["tasks"]]
    assert levels.count("task") == 14 and levels.count("event") == 5  # not the empty sales event
    assert len(view["links"]) == 12


def test_the_summary_gives_the_critical_path_in_order_and_the_milestones(db, signed):
    summary = progress_summary(db, signed["show"]["id"], "2026-06-10")
    assert [(r["name"], r["early_start"], r["early_finish"], r["total_float"]) for r in summary["critical_path"]] == [
        ("撤展 / tear-down", "2026-09-21", "2026-09-21", 0),
        ("退还施工押金 / deposit refund", "2026-09-22", "2026-09-28", 0)]
    assert summary["project_finish"] == "2026-09-28"
    assert [m["name"].split(" / ")[0] for m in summary["milestones"]] == [
        "展位图发布", "招展截止", "图纸截止", "布展开始", "开幕", "撤展完成"]
    drawings = by_name(summary["milestones"], "图纸截止")
    assert (drawings["percent"], drawings["tasks"], drawings["late_tasks"], drawings["at_risk"]) == (0.0, 6, 2, True)
    late = {(i["name"].split(" / ")[0], i["days_late"]) for i in summary["issues"] if i["level"] == "task"}
    assert late == {("确认楣板文字与家具", 2), ("设计需求", 2)}  # due 06-08, not done on 06-10
    assert {r["role"]: (r["tasks"], r["late"]) for r in summary["roles"]} == {
        "account_manager": (4, 2), "design_supervisor": (3, 0), "construction_executor": (7, 0)}
    assert summary["overall"]["tasks"] == 14 and summary["punch"] == {}


def test_finishing_tasks_raises_the_milestones_percent(db, signed):
    show_id = signed["show"]["id"]
    tasks.finish_task(db, signed["am1"], task_id(db, "A-001", "confirm fascia text and furniture"), "2026-06-08")
    summary = progress_summary(db, show_id, "2026-06-10")
    drawings = by_name(summary["milestones"], "图纸截止")
    assert drawings["percent"] == pytest.approx(100 * 7 / 43)  # 7 of the 43 planned days below it
    assert drawings["done"] == 1 and drawings["late_tasks"] == 1
    assert (summary["roles"][0]["role"], summary["roles"][0]["done"]) == ("account_manager", 1)
    tasks.finish_task(db, signed["am2"], task_id(db, "R-001", "design brief"), "2026-06-10")
    tasks.start_task(db, signed["dm"], task_id(db, "R-001", "construction drawings"), "2026-06-10")
    after = progress_summary(db, show_id, "2026-06-10")
    drawings = by_name(after["milestones"], "图纸截止")
    assert drawings["percent"] == pytest.approx(100 * (7 + 7 + 14 * 0.5) / 43)  # in progress counts half
    assert (drawings["late_tasks"], drawings["at_risk"]) == (0, False)
    assert after["overall"]["percent"] > summary["overall"]["percent"]


def test_a_circle_of_links_is_refused_naming_the_tasks(db, actor, signed):
    brief, drawings = task_id(db, "R-001", "design brief"), task_id(db, "R-001", "construction drawings")
    records.insert(db, actor, "task_dependencies", {"predecessor_id": drawings, "successor_id": brief})
    with pytest.raises(UserError, match="设计需求 / design brief"):
        schedule_view(db, signed["show"]["id"], "2026-06-10")
