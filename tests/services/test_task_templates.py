"""Signing a contract puts its booths' build tasks on the schedule, from the show's templates,
under the show's milestones and main events; cancelling takes back what has not started."""

from __future__ import annotations

import pytest

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.errors import PermissionDenied, UserError, ValidationError
from expo_desk.services import booths, contracts, tasks, users
from expo_desk.services import task_templates as templates
from expo_desk.services.contract_signing import cancel_contract
from expo_desk.store import records
from expo_desk.store.queries import rows, scalar
from tests.helpers import signed_contract

SIGNED = "2026-06-01"  # the sales fixture's show opens 2026-09-18, closes 2026-09-20, no build_start


def sign(db, sales, numbers, who="am1", exhibitor="steel", on=SIGNED):
    return signed_contract(db, sales, numbers, on, who, exhibitor)


def person(db, actor, username, role):
    uid = users.create_user(db, actor, username, username.upper(), role).inserted["users"][0]
    return Actor(uid, username.upper(), role)


def booth_tasks(db, booth_id):
    return rows(db, "SELECT t.*, p.name AS parent_name, g.name AS grandparent_name FROM tasks t"
                    " LEFT JOIN tasks p ON p.id = t.parent_id LEFT JOIN tasks g ON g.id = p.parent_id"
                    " WHERE t.booth_id = ? ORDER BY t.sort_order", [booth_id])


def checklist(db, task_id):
    return [r["text"] for r in rows(db, "SELECT text FROM task_checklist_items WHERE task_id = ? ORDER BY position",
                                    [task_id])]


def links(db, booth_id):
    return rows(db, "SELECT p.name AS before, s.name AS after, d.lag_days FROM task_dependencies d"
                    " JOIN tasks p ON p.id = d.predecessor_id JOIN tasks s ON s.id = d.successor_id"
                    " WHERE s.booth_id = ? ORDER BY s.sort_order", [booth_id])


def test_a_signed_shell_booth_gets_its_four_steps_dated_owned_linked_and_filed(db, sales):
    sign(db, sales, ["A-001"])
    found = booth_tasks(db, sales["booths"]["A-001"])
    assert [(t["name"], t["role"], t["planned_start"], t["planned_finish"]) for t in found] == [
        ("确认楣板文字与家具 / confirm fascia text and furniture", "account_manager", "2026-06-02", "2026-06-08"),
        ("用电方案 / power plan", "design_supervisor", "2026-06-09", "2026-06-13"),
        ("标摊搭建 / shell scheme build", "construction_executor", "2026-09-15", "2026-09-16"),  # build-up 09-14
        ("验收交付 / inspection and hand-over", "construction_executor", "2026-09-17", "2026-09-17"),
    ]
    assert found[0]["owner_id"] == sales["am1"].user_id  # the contract's account manager
    assert found[1]["owner_id"] is None and found[2]["owner_id"] is None  # nobody of those roles yet
    assert {t["contract_id"] for t in found} == {scalar(db, "SELECT id FROM contracts")}
    assert [(t["parent_name"], t["grandparent_name"]) for t in found] == [
        ("设计与图纸审核 / design and drawing approval", "图纸截止 / drawing deadline")] * 2 + [
        ("标摊搭建 / shell scheme build", "开幕 / opening")] * 2
    assert [(r["before"][:4], r["after"][:4]) for r in links(db, sales["booths"]["A-001"])] == [
        ("确认楣板", "用电方案"), ("用电方案", "标摊搭建"), ("标摊搭建", "验收交付")]
    assert checklist(db, found[3]["id"])[:2] == ["用电安全 / electrical safety", "消防 / fire safety"]
    assert "楣板文字 / fascia text" in checklist(db, found[0]["id"])


def test_a_raw_space_booth_follows_the_custom_build_track_under_its_halls_event(db, sales):
    sign(db, sales, ["R-001"], who="am2", exhibitor="fish")
    found = booth_tasks(db, sales["booths"]["R-001"])
    assert [t["name"].split(" / ")[0] for t in found] == [
        "设计需求", "施工图纸", "图纸审核", "收取施工押金", "进场时段", "特装搭建", "验收", "交付", "撤展", "退还施工押金"]
    dates = {t["name"].split(" / ")[1]: (t["planned_start"], t["planned_finish"]) for t in found}
    assert dates["design brief"] == ("2026-06-02", "2026-06-08")
    assert dates["drawing approval"] == ("2026-06-23", "2026-06-27")
    assert dates["custom build"] == ("2026-09-14", "2026-09-15")
    assert dates["hand-over"] == ("2026-09-17", "2026-09-17")
    assert dates["tear-down"] == ("2026-09-21", "2026-09-21")  # the day after closing
    assert dates["deposit refund"] == ("2026-09-22", "2026-09-28")  # after the tear-down
    by_name = {t["name"].split(" / ")[1]: t for t in found}
    assert by_name["custom build"]["parent_name"] == "特装搭建（H1馆） / custom builds in hall H1"
    assert by_name["deposit refund"]["owner_id"] == sales["am2"].user_id
    assert checklist(db, by_name["inspection"]["id"]) == [
        "用电安全 / electrical safety", "消防 / fire safety", "结构 / structure"]
    assert len(links(db, sales["booths"]["R-001"])) == 9


def test_the_only_designer_and_builder_own_the_steps_two_builders_leave_them_to_the_role(db, actor, sales):
    designer = person(db, actor, "ds1", Role.DESIGN_SUPERVISOR)
    builder = person(db, actor, "ce1", Role.CONSTRUCTION_EXECUTOR)
    sign(db, sales, ["A-001"])
    owners = {t["role"]: t["owner_id"] for t in booth_tasks(db, sales["booths"]["A-001"])}
    assert owners == {"account_manager": sales["am1"].user_id, "design_supervisor": designer.user_id,
                      "construction_executor": builder.user_id}
    person(db, actor, "ce2", Role.CONSTRUCTION_EXECUTOR)
    sign(db, sales, ["A-002"])
    owners = {t["role"]: t["owner_id"] for t in booth_tasks(db, sales["booths"]["A-002"])}
    assert owners["construction_executor"] is None and owners["design_supervisor"] == designer.user_id


def test_making_the_tasks_again_adds_nothing_and_the_show_keeps_one_set_of_milestones(db, sales):
    first = sign(db, sales, ["A-001", "R-001"])
    before = scalar(db, "SELECT count(*) FROM tasks")
    assert not templates.create_booth_tasks(db, sales["am1"], first)
    assert scalar(db, "SELECT count(*) FROM tasks") == before == 6 + 6 + 4 + 10
    sign(db, sales, ["A-002"], who="am2", exhibitor="fish")
    assert scalar(db, "SELECT count(*) FROM tasks WHERE level = 'milestone'") == 6
    assert scalar(db, "SELECT count(*) FROM tasks WHERE level = 'event'") == 6
    assert scalar(db, "SELECT count(*) FROM tasks") == before + 4


def test_a_draft_gets_no_tasks(db, sales):
    cid = contracts.create_contract(db, sales["am1"], sales["show"]["id"], sales["steel"],
                                    [sales["booths"]["A-001"]], today=SIGNED).inserted["contracts"][0]
    with pytest.raises(UserError, match="not signed"):
        templates.create_booth_tasks(db, sales["am1"], cid)
    assert scalar(db, "SELECT count(*) FROM tasks") == 0


def test_cancelling_removes_the_tasks_not_started_and_keeps_work_begun(db, sales):
    cid = sign(db, sales, ["A-001"])
    fascia = booth_tasks(db, sales["booths"]["A-001"])[0]
    tasks.start_task(db, sales["am1"], fascia["id"], "2026-06-03")
    changes = cancel_contract(db, sales["am1"], cid, "2026-06-20", "预算取消 / budget cut")
    left = booth_tasks(db, sales["booths"]["A-001"])
    assert [(t["id"], t["status"]) for t in left] == [(fascia["id"], "in_progress")]
    assert len(changes.deleted["tasks"]) == 3
    deleted = scalar(db, "SELECT count(*) FROM audit_log WHERE table_name = 'tasks' AND action = 'delete'")
    assert deleted == 3
    assert scalar(db, "SELECT count(*) FROM task_dependencies") == 0  # links went with their tasks
    assert scalar(db, "SELECT count(*) FROM tasks WHERE level = 'milestone'") == 6  # the show's plan stays


def test_build_steps_follow_the_shows_own_build_start(db, actor, sales):
    records.update(db, actor, "shows", sales["show"]["id"], {"build_start": "2026-09-12"})
    sign(db, sales, ["A-001"])
    build = booth_tasks(db, sales["booths"]["A-001"])[2]
    assert (build["planned_start"], build["planned_finish"]) == ("2026-09-13", "2026-09-14")
    opening = rows(db, "SELECT planned_start FROM tasks WHERE name LIKE '布展开始%'")[0]
    assert opening["planned_start"] == "2026-09-12"


def test_the_show_template_makes_milestones_and_one_custom_build_event_per_hall(db, sales):
    booths.create_hall(db, sales["dm"], sales["show"]["id"], "H2", "2号馆", 3000, 2000)
    templates.create_show_tasks(db, sales["dm"], sales["show"]["id"])
    milestones = rows(db, "SELECT name, planned_start, planned_finish FROM tasks WHERE level = 'milestone'"
                          " ORDER BY planned_start")
    assert [(m["name"].split(" / ")[0], m["planned_start"]) for m in milestones] == [
        ("展位图发布", "2026-01-21"), ("招展截止", "2026-08-19"), ("图纸截止", "2026-09-07"),
        ("布展开始", "2026-09-14"), ("开幕", "2026-09-18"), ("撤展完成", "2026-09-21")]
    assert all(m["planned_start"] == m["planned_finish"] for m in milestones)
    custom = [r["name"] for r in rows(db, "SELECT name FROM tasks WHERE name LIKE '特装搭建%' ORDER BY name")]
    assert custom == ["特装搭建（H1馆） / custom builds in hall H1", "特装搭建（H2馆） / custom builds in hall H2"]
    assert not templates.create_show_tasks(db, sales["dm"], sales["show"]["id"])  # nothing twice


def test_planners_edit_the_templates_and_new_booths_follow_them(db, sales):
    show_id, dm = sales["show"]["id"], sales["dm"]
    with pytest.raises(PermissionDenied):
        templates.add_default_templates(db, sales["am1"], show_id)
    assert templates.add_default_templates(db, dm, show_id)
    assert not templates.add_default_templates(db, dm, show_id)  # every scope has its steps
    shell = templates.list_templates(db, show_id, "shell")
    assert [s["position"] for s in shell] == [1, 2, 3, 4] and shell[3]["checklist"][0] == "用电安全 / electrical safety"
    templates.update_template(db, dm, shell[1]["id"], {"duration_days": 10, "checklist": "插座\n照明\n"})
    templates.add_template(db, dm, show_id, {"scope": "shell", "name": "展位清洁", "name_en": "booth cleaning",
                                             "role": "construction_executor", "after_position": 4})
    sign(db, sales, ["A-001"])
    found = booth_tasks(db, sales["booths"]["A-001"])
    assert (found[1]["planned_start"], found[1]["planned_finish"]) == ("2026-06-09", "2026-06-18")
    assert checklist(db, found[1]["id"]) == ["插座", "照明"]
    assert (found[4]["name"], found[4]["planned_start"]) == ("展位清洁 / booth cleaning", "2026-09-18")
    with pytest.raises(UserError, match="展位清洁"):
        templates.delete_template(db, dm, shell[3]["id"])  # the cleaning follows it


def test_a_bad_template_step_names_every_problem(db, sales):
    with pytest.raises(ValidationError) as caught:
        templates.add_template(db, sales["dm"], sales["show"]["id"], {
            "scope": "raw", "name": " ", "role": "cook", "duration_days": "-1", "anchor": "someday",
            "after_position": 99, "parent_position": 1})
    fields = {p.field for p in caught.value.problems}
    assert fields == {"name", "role", "duration_days", "anchor", "after_position", "parent_position"}
    with pytest.raises(ValidationError) as caught:  # the show template holds milestones and main events only
        templates.add_template(db, sales["dm"], sales["show"]["id"], {
            "scope": "show", "level": "task", "name": "搬运", "anchor": "start_date"})
    assert [p.field for p in caught.value.problems] == ["level"]
