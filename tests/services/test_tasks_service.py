"""Working the build tasks of signed booths: who may start, finish, block and reschedule what,
the lists people open (my tasks, the board, the crew's load), problems on site, the baseline."""

from __future__ import annotations

import pytest

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.errors import PermissionDenied, UserError, ValidationError
from expo_desk.services import tasks, users
from expo_desk.store import records
from expo_desk.store.queries import rows, scalar
from tests.helpers import signed_contract

SIGNED = "2026-06-01"


@pytest.fixture
def site(db, actor, sales):
    """The sales fixture with one design supervisor and one construction executor, and two
    signed contracts: am1's shell booth A-001 and am2's raw booth R-001 (signed 2026-06-01)."""
    crew = {}
    for username, role in (("ds", Role.DESIGN_SUPERVISOR), ("ce", Role.CONSTRUCTION_EXECUTOR)):
        uid = users.create_user(db, actor, username, f"{username.upper()} 师傅", role).inserted["users"][0]
        crew[username] = Actor(uid, f"{username.upper()} 师傅", role)
    for who, exhibitor, number in (("am1", "steel", "A-001"), ("am2", "fish", "R-001")):
        signed_contract(db, sales, [number], SIGNED, who, exhibitor)
    return {**sales, **crew}


def task_id(db, number, english_name):
    return scalar(db, "SELECT t.id FROM tasks t JOIN booths b ON b.id = t.booth_id WHERE b.number = ?"
                      " AND t.name LIKE ?", [number, f"% / {english_name}"])


def task(db, tid):
    return records.get_row(db, "tasks", tid)


def test_a_builder_starts_blocks_unblocks_and_finishes_a_build(db, site):
    build, ce = task_id(db, "A-001", "shell scheme build"), site["ce"]
    tasks.start_task(db, ce, build, "2026-09-15")
    with pytest.raises(ValidationError) as caught:
        tasks.block_task(db, ce, build, "  ")
    assert caught.value.problems[0].field == "blocked_reason"
    tasks.block_task(db, ce, build, "楣板未到 / fascia board not delivered")
    row = task(db, build)
    assert (row["status"], row["blocked_reason"]) == ("blocked", "楣板未到 / fascia board not delivered")
    with pytest.raises(UserError, match="unblock"):
        tasks.start_task(db, ce, build, "2026-09-15")
    tasks.unblock_task(db, ce, build)
    assert (task(db, build)["status"], task(db, build)["blocked_reason"]) == ("in_progress", "")
    with pytest.raises(ValidationError, match="actual_finish"):
        tasks.finish_task(db, ce, build, "2026-09-14")  # before it started
    changes = tasks.finish_task(db, ce, build, "2026-09-16")
    row = task(db, build)
    assert (row["status"], row["actual_start"], row["actual_finish"], row["percent_done"]) == (
        "done", "2026-09-15", "2026-09-16", 100)
    assert changes.updated["tasks"] == [build]
    assert scalar(db, "SELECT count(*) FROM audit_log WHERE table_name = 'tasks' AND row_id = ?", [build]) == 5


def test_each_role_changes_its_own_tasks_and_only_planners_reschedule(db, site):
    drawings = task_id(db, "R-001", "construction drawings")
    with pytest.raises(PermissionDenied, match="DS 师傅"):
        tasks.finish_task(db, site["ce"], drawings, "2026-06-22")
    with pytest.raises(PermissionDenied):
        tasks.start_task(db, site["am1"], task_id(db, "R-001", "design brief"))  # am2's contract, am2's task
    tasks.finish_task(db, site["ds"], drawings, "2026-06-22")
    with pytest.raises(PermissionDenied, match="plan the schedule"):
        tasks.reschedule_task(db, site["am1"], drawings, "2026-06-10", "2026-06-25")
    with pytest.raises(ValidationError) as caught:
        tasks.reschedule_task(db, site["dm"], drawings, "2026-06-25", "2026-06-10")
    assert [p.field for p in caught.value.problems] == ["planned_finish"]
    tasks.reschedule_task(db, site["dm"], drawings, "2026-06-10", "2026-06-25")
    assert (task(db, drawings)["planned_start"], task(db, drawings)["planned_finish"]) == ("2026-06-10", "2026-06-25")
    event = task(db, drawings)["parent_id"]
    with pytest.raises(PermissionDenied):
        tasks.finish_task(db, site["ds"], event)  # the main event is the planners'


def test_ticking_the_checklist_moves_the_percent_and_shows_in_my_tasks(db, site):
    inspection, ce = task_id(db, "R-001", "inspection"), site["ce"]
    items = rows(db, "SELECT id FROM task_checklist_items WHERE task_id = ? ORDER BY position", [inspection])
    tasks.set_checklist_item(db, ce, items[0]["id"], True)
    assert task(db, inspection)["percent_done"] == 33
    with pytest.raises(PermissionDenied):
        tasks.set_checklist_item(db, site["ds"], items[1]["id"], True)
    mine = tasks.my_tasks(db, ce, site["show"]["id"], "2026-09-16")
    row = next(r for r in mine["today"] if r["id"] == inspection)
    assert (row["checklist_done"], row["checklist_total"], row["booth_number"], row["hall_code"], row["exhibitor"]) == (
        1, 3, "R-001", "H1", "黄海渔业有限公司")
    item = rows(db, "SELECT done, done_by FROM task_checklist_items WHERE id = ?", [items[0]["id"]])[0]
    assert item == {"done": 1, "done_by": ce.user_id}


def test_my_tasks_groups_what_is_mine_by_when_it_is_due(db, site):
    show_id = site["show"]["id"]
    mine = tasks.my_tasks(db, site["am1"], show_id, "2026-06-10")
    assert [r["name"] for r in mine["overdue"]] == ["确认楣板文字与家具 / confirm fascia text and furniture"]
    assert mine["today"] == mine["this_week"] == mine["later"] == []  # am2's raw booth is not am1's
    ds = tasks.my_tasks(db, site["ds"], show_id, "2026-06-10")
    assert [r["name"] for r in ds["today"]] == ["用电方案 / power plan", "施工图纸 / construction drawings"]
    ce = tasks.my_tasks(db, site["ce"], show_id, "2026-09-08")
    assert [r["booth_number"] for r in ce["today"]] == ["R-001"]  # the build-up slot, 09-07..09-09
    assert [r["planned_start"] for r in ce["this_week"]] == ["2026-09-14"]
    assert len(ce["later"]) == 5  # A-001 from 09-15, three more of R-001 and its tear-down
    tasks.finish_task(db, site["am1"], task_id(db, "A-001", "confirm fascia text and furniture"), "2026-06-10")
    assert tasks.my_tasks(db, site["am1"], show_id, "2026-06-10")["overdue"] == []


def test_unowned_tasks_show_to_everyone_of_the_role(db, actor, site):
    second = Actor(users.create_user(db, actor, "ce2", "CE2", Role.CONSTRUCTION_EXECUTOR).inserted["users"][0],
                   "CE2", Role.CONSTRUCTION_EXECUTOR)
    build = task_id(db, "A-001", "shell scheme build")
    assert all(r["id"] != build for b in tasks.my_tasks(db, second, site["show"]["id"], "2026-09-15").values()
               for r in b)  # owned by the first builder
    tasks.assign_owner(db, site["dm"], build, None)
    assert build in [r["id"] for r in tasks.my_tasks(db, second, site["show"]["id"], "2026-09-15")["today"]]
    with pytest.raises(ValidationError, match="owner_id"):
        tasks.assign_owner(db, site["dm"], build, site["ds"].user_id)  # not a builder
    tasks.assign_owner(db, site["dm"], build, second.user_id)
    assert task(db, build)["owner_id"] == second.user_id


def test_the_crew_load_flags_a_builder_on_two_booths_the_same_day(db, site):
    load = tasks.crew_load(db, site["show"]["id"], "2026-09-14", "2026-09-21")
    assert [p["name"] for p in load] == ["CE 师傅"]
    ce = load[0]
    assert [t["booth_number"] for t in ce["days"]["2026-09-14"]] == ["R-001"]
    assert sorted(ce["clashes"]) == ["2026-09-15", "2026-09-16", "2026-09-17"]
    assert sorted(ce["clashes"]["2026-09-15"]) == sorted([task_id(db, "A-001", "shell scheme build"),
                                                          task_id(db, "R-001", "custom build")])
    tasks.assign_owner(db, site["dm"], task_id(db, "A-001", "shell scheme build"), None)
    assert "2026-09-15" not in tasks.crew_load(db, site["show"]["id"], "2026-09-14", "2026-09-21")[0]["clashes"]
    with pytest.raises(ValidationError, match="last_day"):
        tasks.crew_load(db, site["show"]["id"], "2026-09-21", "2026-09-14")


def test_problems_on_site_need_a_real_photo_and_are_closed_by_who_reported_them(db, site, tmp_path):
    show_id, ce = site["show"]["id"], site["ce"]
    handover = task_id(db, "R-001", "hand-over")
    with pytest.raises(ValidationError) as caught:
        tasks.report_problem(db, ce, show_id, description="地台松动 / loose platform", severity="high",
                             task_id=handover, photo_path=str(tmp_path / "missing.jpg"))
    assert [p.field for p in caught.value.problems] == ["photo_path"]
    assert "missing.jpg" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        tasks.report_problem(db, ce, show_id, description="", severity="urgent")
    assert {p.field for p in caught.value.problems} == {"description", "severity"}
    photo = tmp_path / "platform.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    punch = tasks.report_problem(db, ce, show_id, description="地台松动 / loose platform", severity="high",
                                 task_id=handover, photo_path=str(photo)).inserted["punch_items"][0]
    tasks.report_problem(db, site["ds"], show_id, description="灯不亮 / a light is out", severity="critical")
    listed = tasks.punch_list(db, show_id)
    assert [(p["severity"], p["booth_number"]) for p in listed] == [("critical", None), ("high", "R-001")]
    assert tasks.task_detail(db, handover)["punch_items"][0]["photo_path"] == str(photo)
    tasks.close_problem(db, site["ds"], punch, "fixed")
    with pytest.raises(PermissionDenied):
        tasks.close_problem(db, site["ds"], punch, "closed")
    tasks.close_problem(db, ce, punch, "closed")
    assert [p["description"] for p in tasks.punch_list(db, show_id)] == ["灯不亮 / a light is out"]
    assert tasks.punch_list(db, show_id, "closed")[0]["fixed_at"]


def test_saving_the_baseline_copies_the_planned_dates(db, site):
    drawings = task_id(db, "R-001", "construction drawings")
    with pytest.raises(PermissionDenied):
        tasks.save_baseline(db, site["ds"], site["show"]["id"])
    first = tasks.save_baseline(db, site["dm"], site["show"]["id"])
    assert len(first.updated["tasks"]) == scalar(db, "SELECT count(*) FROM tasks") == 26
    assert scalar(db, "SELECT count(*) FROM tasks WHERE baseline_finish IS NOT planned_finish") == 0
    tasks.reschedule_task(db, site["dm"], drawings, "2026-06-09", "2026-06-30")
    assert task(db, drawings)["baseline_finish"] == "2026-06-22"  # the old plan, to measure the slip
    again = tasks.save_baseline(db, site["dm"], site["show"]["id"])
    assert again.updated["tasks"] == [drawings]
    assert (task(db, drawings)["baseline_start"], task(db, drawings)["baseline_finish"]) == ("2026-06-09", "2026-06-30")


def test_the_board_and_a_tasks_detail(db, site):
    board = tasks.board(db, site["show"]["id"], "construction_executor")
    assert len(board["not_started"]) == 2 + 5 and board["done"] == []
    assert board["not_started"][0]["name"] == "进场时段 / build-up slot"  # soonest due first
    assert len(tasks.board(db, site["show"]["id"], "design_supervisor", hall_id=site["hall"])["not_started"]) == 3
    detail = tasks.task_detail(db, task_id(db, "R-001", "drawing approval"))
    assert detail["task"]["exhibitor"] == "黄海渔业有限公司"
    assert [p["name"] for p in detail["predecessors"]] == ["施工图纸 / construction drawings"]
    assert [s["name"] for s in detail["successors"]] == ["收取施工押金 / construction deposit received"]
    assert len(detail["checklist"]) == 3
