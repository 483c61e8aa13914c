"""Pipeline use cases on a real file: owners, stage moves, follow-ups, visits, the day's list."""

from __future__ import annotations

from datetime import date

import pytest

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.errors import PermissionDenied, UserError, ValidationError
from expo_desk.services import leads as svc
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import records
from expo_desk.store.transactions import transaction

TODAY = date(2026, 5, 6)  # a Wednesday


def count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


@pytest.fixture
def managers(db, actor):
    """Two account managers and the department manager, as the people they sign in as."""
    wang, _ = find_or_add_account_manager(db, actor, "王经理")
    li, _ = find_or_add_account_manager(db, actor, "李经理")
    return {
        "wang": Actor(wang["id"], "王经理", Role.ACCOUNT_MANAGER),
        "li": Actor(li["id"], "李经理", Role.ACCOUNT_MANAGER),
        "boss": Actor(None, "部门经理", Role.DEPARTMENT_MANAGER),
        "builder": Actor(None, "施工", Role.CONSTRUCTION_EXECUTOR),
    }


def new_lead(db, who, show, name="日照港集团", **values) -> str:
    changes = svc.create_lead(db, who, show["id"], {"prospect_name": name, **values})
    return changes.inserted["leads"][0]


def lead(db, lead_id) -> dict:
    return records.get_row(db, "leads", lead_id)


# ---------------------------------------------------------------- create and owners


def test_an_account_manager_creates_a_lead_for_themselves(db, show, managers):
    wang = managers["wang"]
    lead_id = new_lead(db, wang, show, expected_value="8万", objections=["no budget", "老板出差"])
    row = lead(db, lead_id)
    assert row["account_manager_id"] == wang.user_id
    assert row["stage"] == "contacted"
    assert row["expected_value_fen"] == 8_000_000
    assert svc.lead_detail(db, wang, lead_id)["objection_list"] == ["没有预算", "老板出差"]
    [entry] = records.audit_entries(db, "leads", lead_id)
    assert entry["action"] == "insert" and entry["user_name"] == "王经理"


def test_an_account_manager_cannot_give_a_lead_to_someone_else(db, show, managers):
    with pytest.raises(PermissionDenied):
        svc.create_lead(db, managers["wang"], show["id"],
                        {"prospect_name": "x公司", "account_manager_id": managers["li"].user_id})
    assert count(db, "leads") == 0


def test_an_account_manager_cannot_see_or_edit_another_managers_lead(db, show, managers):
    wang, li = managers["wang"], managers["li"]
    theirs = new_lead(db, li, show, next_follow_up="2026-05-06")
    with pytest.raises(PermissionDenied):
        svc.update_lead(db, wang, theirs, {"notes": "偷看"})
    with pytest.raises(PermissionDenied):
        svc.move_stage(db, wang, theirs, "lost", "没有预算")
    with pytest.raises(PermissionDenied):
        svc.log_follow_up(db, wang, theirs, note="电话", next_follow_up=None)
    with pytest.raises(PermissionDenied):
        svc.delete_lead(db, wang, theirs)
    with pytest.raises(PermissionDenied):
        svc.lead_detail(db, wang, theirs)
    assert svc.search_leads(db, wang, show["id"]) == ([], 0)
    assert len(svc.today_view(db, wang, show["id"], TODAY)) == 0
    assert lead(db, theirs)["notes"] == "" and lead(db, theirs)["stage"] == "contacted"


def test_a_department_manager_sees_and_changes_every_lead(db, show, managers):
    new_lead(db, managers["wang"], show, "甲公司")
    theirs = new_lead(db, managers["li"], show, "乙公司")
    boss = managers["boss"]
    rows, total = svc.search_leads(db, boss, show["id"])
    assert total == 2
    rows, total = svc.search_leads(db, boss, show["id"], manager_id=managers["li"].user_id)
    assert [r["company_name"] for r in rows] == ["乙公司"]
    svc.update_lead(db, boss, theirs, {"account_manager_id": managers["wang"].user_id})
    assert lead(db, theirs)["account_manager_id"] == managers["wang"].user_id


def test_roles_outside_sales_cannot_write_leads(db, show, managers):
    with pytest.raises(PermissionDenied):
        new_lead(db, managers["builder"], show)


def test_every_problem_at_once(db, show, managers):
    with pytest.raises(ValidationError) as caught:
        svc.create_lead(db, managers["wang"], show["id"], {
            "prospect_name": "", "expected_value": "很多", "next_follow_up": "下周", "visit_at": "2026-05-06"})
    assert sorted(p.field for p in caught.value.problems) == ["expected_value", "next_follow_up", "prospect_name",
                                                              "visit_at"]
    assert count(db, "leads") == 0


def test_one_open_lead_per_company(db, show, managers):
    new_lead(db, managers["wang"], show, "日照港集团")
    with pytest.raises(ValidationError) as caught:
        new_lead(db, managers["boss"], show, " 日照港 集团")
    assert "already has an open lead" in caught.value.problems[0].message


# ---------------------------------------------------------------- stages


def test_stages_move_one_step_at_a_time(db, show, managers):
    wang = managers["wang"]
    lead_id = new_lead(db, wang, show)
    with pytest.raises(ValidationError) as caught:
        svc.move_stage(db, wang, lead_id, "signed")
    assert caught.value.problems[0].field == "stage"
    for stage in ("visit_booked", "proposal", "signed"):
        assert svc.move_stage(db, wang, lead_id, stage).touches("leads")
    assert lead(db, lead_id)["stage"] == "signed"
    with pytest.raises(ValidationError):
        svc.move_stage(db, wang, lead_id, "lost", "客户反悔")


def test_lost_needs_a_reason_and_reopening_clears_it(db, show, managers):
    wang = managers["wang"]
    lead_id = new_lead(db, wang, show)
    with pytest.raises(ValidationError) as caught:
        svc.move_stage(db, wang, lead_id, "lost", " ")
    assert [p.field for p in caught.value.problems] == ["lost_reason"]
    assert lead(db, lead_id)["stage"] == "contacted"
    svc.move_stage(db, wang, lead_id, "lost", "同类展会太多")
    assert (lead(db, lead_id)["stage"], lead(db, lead_id)["lost_reason"]) == ("lost", "同类展会太多")
    with pytest.raises(ValidationError):
        svc.move_stage(db, wang, lead_id, "proposal")
    svc.move_stage(db, wang, lead_id, "contacted")
    assert (lead(db, lead_id)["stage"], lead(db, lead_id)["lost_reason"]) == ("contacted", "")


# ---------------------------------------------------------------- follow-ups and visits


def test_logging_a_follow_up_sets_the_next_date_in_one_step(db, show, managers):
    wang = managers["wang"]
    lead_id = new_lead(db, wang, show, next_follow_up="2026-05-04")
    changes = svc.log_follow_up(db, wang, lead_id, kind="call", note="电话沟通参展意向", next_follow_up="2026-05-12")
    assert changes.touches("follow_ups") and changes.touches("leads")
    assert lead(db, lead_id)["next_follow_up"] == "2026-05-12"
    [done] = svc.lead_detail(db, wang, lead_id)["follow_ups"]
    assert (done["kind"], done["note"], done["user_name"]) == ("call", "电话沟通参展意向", "王经理")
    assert {e["table_name"] for e in records.audit_entries(db)} >= {"follow_ups", "leads"}


def test_a_bad_follow_up_writes_nothing(db, show, managers):
    wang = managers["wang"]
    lead_id = new_lead(db, wang, show, next_follow_up="2026-05-04")
    with pytest.raises(ValidationError) as caught:
        svc.log_follow_up(db, wang, lead_id, kind="pigeon", next_follow_up="soon")
    assert sorted(p.field for p in caught.value.problems) == ["kind", "next_follow_up"]
    assert count(db, "follow_ups") == 0
    assert lead(db, lead_id)["next_follow_up"] == "2026-05-04"


def test_booking_a_visit_moves_a_contacted_lead_and_puts_the_day_in_follow_up(db, show, managers):
    wang = managers["wang"]
    lead_id = new_lead(db, wang, show, next_follow_up="2026-05-20")
    svc.book_visit(db, wang, lead_id, "2026-05-08 10:00")
    row = lead(db, lead_id)
    assert (row["stage"], row["visit_at"], row["next_follow_up"]) == ("visit_booked", "2026-05-08T10:00", "2026-05-08")
    with pytest.raises(ValidationError):
        svc.book_visit(db, wang, lead_id, "")
    svc.move_stage(db, wang, lead_id, "lost", "没有预算")
    with pytest.raises(UserError, match="reopen"):
        svc.book_visit(db, wang, lead_id, "2026-05-09 10:00")


# ---------------------------------------------------------------- the day's list


def test_today_view_buckets_open_leads_overdue_first(db, show, managers):
    wang, li = managers["wang"], managers["li"]
    for name, due in (("晚些公司", "2026-05-20"), ("本周公司", "2026-05-09"), ("今天公司", "2026-05-06"),
                      ("逾期久公司", "2026-04-20"), ("逾期公司", "2026-05-05"), ("未定公司", None)):
        new_lead(db, wang, show, name, next_follow_up=due)
    lost = new_lead(db, wang, show, "丢了公司", next_follow_up="2026-05-01")
    svc.move_stage(db, wang, lost, "lost", "没有预算")
    new_lead(db, li, show, "别人公司", next_follow_up="2026-05-06")

    view = svc.today_view(db, wang, show["id"], TODAY)
    assert [r["company_name"] for r in view.overdue] == ["逾期久公司", "逾期公司"]
    assert [r["company_name"] for r in view.today] == ["今天公司"]
    assert [r["company_name"] for r in view.this_week] == ["本周公司"]
    everyone = svc.today_view(db, managers["boss"], show["id"], TODAY)
    assert sorted(r["company_name"] for r in everyone.today) == sorted(["今天公司", "别人公司"])


def test_stage_counts_per_manager(db, show, managers):
    wang, li = managers["wang"], managers["li"]
    new_lead(db, wang, show, "甲", expected_value="100")
    b = new_lead(db, wang, show, "乙", expected_value="50")
    new_lead(db, li, show, "丙")
    svc.move_stage(db, wang, b, "visit_booked")
    counts = {(r["account_manager"], r["stage"]): (r["leads"], r["expected_value_fen"])
              for r in svc.stage_counts(db, managers["boss"], show["id"])}
    assert counts == {("王经理", "contacted"): (1, 10_000), ("王经理", "visit_booked"): (1, 5_000),
                      ("李经理", "contacted"): (1, 0)}
    assert {r["account_manager"] for r in svc.stage_counts(db, li, show["id"])} == {"李经理"}


# ---------------------------------------------------------------- exhibitors


def test_expected_value_reaches_the_exhibitor_in_the_same_transaction(db, show, managers):
    wang = managers["wang"]
    changes = create_exhibitor(db, wang, show["id"], {"company_name": "日照钢铁集团有限公司"})
    exhibitor_id = changes.inserted["exhibitors"][0]
    lead_id = new_lead(db, wang, show, "日照钢铁 集团有限公司", expected_value="100000")  # linked by its name
    assert lead(db, lead_id)["exhibitor_id"] == exhibitor_id
    assert exhibitor_store.get(db, exhibitor_id)["expected_value_fen"] == 10_000_000
    changes = svc.update_lead(db, wang, lead_id, {"expected_value": "1.2万"})
    assert changes.touches("exhibitors")
    assert exhibitor_store.get(db, exhibitor_id)["expected_value_fen"] == 1_200_000
    entries = records.audit_entries(db, "exhibitors", exhibitor_id)
    assert [e["action"] for e in entries][:2] == ["update", "update"]


def test_a_lead_cannot_take_over_another_managers_exhibitor(db, show, managers):
    create_exhibitor(db, managers["li"], show["id"], {"company_name": "黄海渔业有限公司", "expected_value_fen": 1})
    with pytest.raises(PermissionDenied):
        new_lead(db, managers["wang"], show, "黄海渔业有限公司", expected_value="5000")
    assert count(db, "leads") == 0


def test_a_signed_contract_signs_the_exhibitors_open_leads_inside_its_transaction(db, show, managers):
    wang = managers["wang"]
    exhibitor_id = create_exhibitor(db, wang, show["id"], {"company_name": "青岛食品有限公司"}).inserted["exhibitors"][0]
    open_id = new_lead(db, wang, show, "青岛食品有限公司")
    svc.move_stage(db, wang, open_id, "visit_booked")
    with transaction(db):  # the contract-signing transaction
        changes = svc.mark_exhibitor_signed(db, wang, exhibitor_id)
        assert db.conn.in_transaction
    assert changes.updated["leads"] == [open_id]
    assert lead(db, open_id)["stage"] == "signed"
    assert svc.mark_exhibitor_signed(db, wang, exhibitor_id).updated == {}  # nothing open any more


def test_a_failed_contract_rolls_the_lead_back(db, show, managers):
    wang = managers["wang"]
    exhibitor_id = create_exhibitor(db, wang, show["id"], {"company_name": "青岛食品有限公司"}).inserted["exhibitors"][0]
    lead_id = new_lead(db, wang, show, "青岛食品有限公司")
    with pytest.raises(RuntimeError), transaction(db):
        svc.mark_exhibitor_signed(db, wang, exhibitor_id)
        raise RuntimeError("contract refused")
    assert lead(db, lead_id)["stage"] == "contacted"


def test_delete_removes_the_follow_ups_with_an_audit_entry_each(db, show, managers):
    wang = managers["wang"]
    lead_id = new_lead(db, wang, show)
    svc.log_follow_up(db, wang, lead_id, note="一", next_follow_up="2026-05-10")
    svc.log_follow_up(db, wang, lead_id, note="二", next_follow_up=None)
    assert lead(db, lead_id)["next_follow_up"] is None
    changes = svc.delete_lead(db, wang, lead_id)
    assert len(changes.deleted["follow_ups"]) == 2
    assert count(db, "leads") == count(db, "follow_ups") == 0
    deleted = [e["table_name"] for e in records.audit_entries(db) if e["action"] == "delete"]
    assert sorted(deleted) == ["follow_ups", "follow_ups", "leads"]
