"""The audit trail service: who may read it, and entries decoded for people to read."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from expo_desk.domain.actors import Actor
from expo_desk.domain.audit import AuditFilter
from expo_desk.domain.enums import Role
from expo_desk.errors import PermissionDenied, UserError
from expo_desk.services import audit as audit_service
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.users import find_or_add_account_manager

DEPARTMENT_MANAGER = Actor("dm-1", "周部长", Role.DEPARTMENT_MANAGER)
ADMIN = Actor("admin-1", "管理员", Role.ADMINISTRATOR)
ACCOUNT_MANAGER = Actor("am-1", "小王", Role.ACCOUNT_MANAGER)
EXECUTOR = Actor("ce-1", "小李", Role.CONSTRUCTION_EXECUTOR)
SUPERVISOR = Actor("ds-1", "小陈", Role.DESIGN_SUPERVISOR)


@pytest.fixture
def edited(db, show, actor):
    """An exhibitor added with a contact, changed (sector, manager, money), and the contact removed."""
    manager, _ = find_or_add_account_manager(db, actor, "赵经理")
    changes = exhibitor_service.create_exhibitor(db, actor, show["id"], {"company_name": "日照钢铁集团"},
                                                 [{"name": "王伟", "phone": "13800000001"}])
    exhibitor, contact = changes.inserted["exhibitors"][0], changes.inserted["contacts"][0]
    exhibitor_service.update_exhibitor(db, actor, exhibitor, {
        "sector": "钢铁", "account_manager_id": manager["id"], "expected_value_fen": 1_234_500})
    exhibitor_service.delete_contact(db, actor, contact)
    return {"exhibitor": exhibitor, "contact": contact, "manager": manager}


READERS = [DEPARTMENT_MANAGER, ADMIN]
REFUSED = [ACCOUNT_MANAGER, EXECUTOR, SUPERVISOR]
CALLS = {
    "entries": lambda db, who: audit_service.audit_entries(db, who),
    "count": lambda db, who: audit_service.count_audit_entries(db, who),
    "page": lambda db, who: audit_service.audit_page(db, who),
    "people": lambda db, who: audit_service.audit_people(db, who),
    "tables": lambda db, who: audit_service.audit_tables(db, who),
    "iterate": lambda db, who: list(audit_service.iter_audit_entries(db, who)),
    "person": lambda db, who: audit_service.person_filter(db, who, "赵经理"),
    "csv": lambda db, who: audit_service.write_audit_csv(db, who, AuditFilter(), io.StringIO()),
}


@pytest.mark.parametrize("who", REFUSED, ids=lambda a: a.role.value)
@pytest.mark.parametrize("call", CALLS, ids=str)
def test_others_are_refused_with_a_bilingual_reason(db, edited, who, call):
    with pytest.raises(PermissionDenied) as refused:
        CALLS[call](db, who)
    message = str(refused.value)
    assert who.name in message and "查看审计记录" in message and "view the audit trail" in message


def test_export_is_refused_before_a_file_is_written(db, edited, tmp_path):
    target = tmp_path / "audit.csv"
    with pytest.raises(PermissionDenied):
        audit_service.export_audit_csv(db, EXECUTOR, AuditFilter(), target)
    assert not target.exists()


@pytest.mark.parametrize("who", READERS, ids=lambda a: a.role.value)
def test_department_managers_and_administrators_read_it(db, edited, who):
    entries, total = audit_service.audit_page(db, who)
    assert total == audit_service.count_audit_entries(db, who) == len(entries) >= 6
    assert [e["at"] for e in entries] == sorted((e["at"] for e in entries), reverse=True)
    assert entries[0]["action"] == "delete" and entries[0]["table_name"] == "contacts"  # newest first


def test_entries_are_decoded_with_people_named_and_records_labelled(db, edited):
    exhibitor_entries = audit_service.audit_entries(db, ADMIN, AuditFilter(row_id=edited["exhibitor"]))
    update, insert = exhibitor_entries
    assert (update["action"], insert["action"]) == ("update", "insert")
    assert update["old"] == {"sector": "", "account_manager_id": None, "expected_value_fen": None}
    assert update["new"] == {"sector": "钢铁", "account_manager_id": "赵经理", "expected_value_fen": 1_234_500}
    assert update["record"] == insert["record"] == "日照钢铁集团"
    assert insert["new"]["company_name"] == "日照钢铁集团" and insert["old"] == {}
    assert audit_service.describe_changes(update) == (
        "account_manager_id: — → 赵经理; expected_value_fen: — → ¥12,345.00; sector: — → 钢铁")
    # the contact is gone; its entries are still named by its company and its name
    contact_entries = audit_service.audit_entries(db, ADMIN, AuditFilter(table="contacts"))
    assert [e["record"] for e in contact_entries] == ["日照钢铁集团 · 王伟"] * 2
    assert contact_entries[0]["old"]["phone"] == "13800000001" and contact_entries[0]["new"] == {}
    assert audit_service.describe_changes(contact_entries[0]).startswith("is_primary: 0 → —; name: 王伟 → —")


def test_an_update_of_a_deleted_exhibitor_keeps_its_name_from_the_values(db, show, actor):
    changes = exhibitor_service.create_exhibitor(db, actor, show["id"], {"company_name": "黄海渔业"})
    exhibitor = changes.inserted["exhibitors"][0]
    exhibitor_service.delete_exhibitor(db, actor, exhibitor)
    entries = audit_service.audit_entries(db, ADMIN, AuditFilter(row_id=exhibitor))
    assert [e["record"] for e in entries] == ["黄海渔业", "黄海渔业"]


def test_people_and_tables_for_the_pickers(db, edited):
    other = Actor(edited["manager"]["id"], "赵经理", Role.ACCOUNT_MANAGER)
    exhibitor_service.update_exhibitor(db, other, edited["exhibitor"], {"phone": "0633-1234567"})
    people = audit_service.audit_people(db, ADMIN)
    assert [p["label"] for p in people] == ["tester", "赵经理"]
    manager = next(p for p in people if p["label"] == "赵经理")
    assert manager["user_ids"] == (edited["manager"]["id"],)
    only = audit_service.audit_entries(db, ADMIN, AuditFilter(user_ids=manager["user_ids"]))
    assert [(e["user_name"], e["new"]) for e in only] == [("赵经理", {"phone": "0633-1234567"})]
    assert audit_service.audit_tables(db, ADMIN) == ["contacts", "exhibitors", "shows", "users"]


def test_a_person_typed_by_name_finds_their_account_and_recorded_names(db, edited):
    other = Actor(edited["manager"]["id"], "赵经理", Role.ACCOUNT_MANAGER)
    exhibitor_service.update_exhibitor(db, other, edited["exhibitor"], {"phone": "0633-1234567"})
    ids, names = audit_service.person_filter(db, ADMIN, " 赵经理 ")
    assert edited["manager"]["id"] in ids and "赵经理" in names
    ids, names = audit_service.person_filter(db, ADMIN, "TESTER")
    assert ids == () and "tester" in names
    found = audit_service.count_audit_entries(db, ADMIN, AuditFilter(user_ids=ids, user_names=names))
    assert found == audit_service.count_audit_entries(db, ADMIN) - 1


def test_local_days_become_utc_bounds(shanghai_time):
    assert audit_service.local_day_bounds(date(2026, 3, 1), date(2026, 3, 1)) == (
        "2026-02-28T16:00:00+00:00", "2026-03-01T16:00:00+00:00")
    assert audit_service.local_day_bounds(None, None) == (None, None)
    assert audit_service.parse_moment("2026-03-01", "--since") == "2026-02-28T16:00:00+00:00"
    assert audit_service.parse_moment("2026-03-01", "--until", end=True) == "2026-03-01T16:00:00+00:00"
    assert audit_service.parse_moment("2026-03-01 09:30", "--since") == "2026-03-01T01:30:00+00:00"
    assert audit_service.local_time("2026-03-01T01:30:00+00:00") == "2026-03-01 09:30:00+08:00"


@pytest.mark.parametrize("text", ["2026-02-30", "yesterday", "01/03/2026", "", "2026-3-1x"])
def test_bad_dates_are_refused_in_both_languages(text):
    with pytest.raises(UserError, match="YYYY-MM-DD") as refused:
        audit_service.parse_moment(text, "--since")
    assert "日期" in str(refused.value) and "--since" in str(refused.value)


def test_csv_export_holds_every_match_oldest_first(db, edited, tmp_path):
    target = tmp_path / "audit.csv"
    written = audit_service.export_audit_csv(db, DEPARTMENT_MANAGER, AuditFilter(table="exhibitors"), target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with the mark
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == audit_service.CSV_HEADER
    assert written == len(rows) - 1 == 2
    assert [r[4] for r in rows[1:]] == ["insert", "update"]
    assert rows[2][7] == "日照钢铁集团" and "¥12,345.00" in rows[2][8]


def test_csv_export_to_a_missing_folder_is_a_user_error(db, edited, tmp_path):
    with pytest.raises(UserError, match="cannot be written"):
        audit_service.export_audit_csv(db, ADMIN, AuditFilter(), tmp_path / "nope" / "audit.csv")
