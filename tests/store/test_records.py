"""Audited writes: each insert, update and delete leaves one row saying who, when, what, old, new."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.store import records


def audit_rows(db, table="users", row_id=None):
    return records.audit_entries(db, table, row_id)


def person(username: str, display_name: str = "") -> dict:
    return {"username": username, "display_name": display_name or username, "role": "account_manager",
            "created_at": "2026-05-01T08:00:00+00:00"}


def assert_recent(at: str) -> None:
    when = datetime.fromisoformat(at)
    assert when.tzinfo is not None and when.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - when) < timedelta(minutes=1)


def test_insert_writes_one_audit_row(db, actor):
    row = records.insert(db, actor, "users", person("wang", "日照会展公司 王强"))
    [entry] = audit_rows(db)
    assert entry["action"] == "insert"
    assert (entry["table_name"], entry["row_id"]) == ("users", row["id"])
    assert entry["user_name"] == "tester" and entry["user_id"] is None
    assert entry["old_values"] is None
    assert json.loads(entry["new_values"]) == row
    assert "日照会展公司" in entry["new_values"]  # readable, not \u escapes
    assert_recent(entry["at"])


def test_insert_makes_a_uuid_unless_given(db, actor):
    first = records.insert(db, actor, "users", person("a"))
    assert len(first["id"]) == 36 and first["id"].count("-") == 4
    given = records.insert(db, actor, "users", {"id": "fixed-id", **person("b")})
    assert given["id"] == "fixed-id"


def test_update_audits_only_changed_columns(db, actor):
    row = records.insert(db, actor, "users", person("li.na", "李娜"))
    old, new = records.update(db, actor, "users", row["id"], {"display_name": "李娜娜", "role": "account_manager"})
    assert (old, new) == ({"display_name": "李娜"}, {"display_name": "李娜娜"})
    entries = audit_rows(db, "users", row["id"])
    assert [e["action"] for e in entries] == ["update", "insert"]
    assert json.loads(entries[0]["old_values"]) == {"display_name": "李娜"}
    assert json.loads(entries[0]["new_values"]) == {"display_name": "李娜娜"}
    assert records.get_row(db, "users", row["id"])["display_name"] == "李娜娜"


def test_update_without_a_real_change_writes_nothing(db, actor):
    row = records.insert(db, actor, "users", person("li.na", "李娜"))
    assert records.update(db, actor, "users", row["id"], {"display_name": "李娜", "active": 1}) == ({}, {})
    assert records.update(db, actor, "users", row["id"], {"active": True}) == ({}, {})  # 1 == True
    assert records.update(db, actor, "users", row["id"], {}) == ({}, {})
    assert [e["action"] for e in audit_rows(db)] == ["insert"]


def test_delete_audits_the_last_values(db, actor):
    row = records.insert(db, actor, "users", person("k"))
    gone = records.delete(db, actor, "users", row["id"])
    assert gone == row
    assert records.get_row(db, "users", row["id"]) is None
    entry = audit_rows(db)[0]
    assert entry["action"] == "delete"
    assert json.loads(entry["old_values"]) == row and entry["new_values"] is None


def test_missing_rows_raise_key_error_and_write_nothing(db, actor):
    with pytest.raises(KeyError):
        records.update(db, actor, "users", "nope", {"display_name": "x"})
    with pytest.raises(KeyError):
        records.delete(db, actor, "users", "nope")
    assert records.audit_entries(db) == []


def test_the_actor_is_recorded(db):
    boss = Actor(user_id="u-1", name="张经理", role=Role.DEPARTMENT_MANAGER)
    records.insert(db, boss, "users", person("k"))
    entry = audit_rows(db)[0]
    assert (entry["user_id"], entry["user_name"]) == ("u-1", "张经理")


def test_deleting_a_row_still_referenced_is_a_user_error(db, actor, show):
    from expo_desk.errors import UserError
    from expo_desk.services.exhibitors import create_exhibitor

    exhibitor = create_exhibitor(db, actor, show["id"], {"company_name": "甲"}).inserted["exhibitors"][0]
    records.insert(db, actor, "contracts", {"show_id": show["id"], "exhibitor_id": exhibitor, "number": "1",
                                            "created_at": records.utc_now()})
    before = len(records.audit_entries(db))
    with pytest.raises(records.RowInUse) as caught:
        records.delete(db, actor, "exhibitors", exhibitor)
    assert isinstance(caught.value, UserError)
    assert records.get_row(db, "exhibitors", exhibitor) is not None
    assert len(records.audit_entries(db)) == before


def test_audit_entries_filter_and_order(db, actor):
    a = records.insert(db, actor, "users", person("a"))
    b = records.insert(db, actor, "users", person("b"))
    records.update(db, actor, "users", a["id"], {"display_name": "A"})
    assert [e["action"] for e in records.audit_entries(db, "users", a["id"])] == ["update", "insert"]
    assert [e["row_id"] for e in records.audit_entries(db, "users")] == [a["id"], b["id"], a["id"]]
    assert len(records.audit_entries(db, limit=2)) == 2


def test_a_failed_transaction_leaves_no_audit_row(db, actor):
    with pytest.raises(RuntimeError):
        with db.atomic():
            records.insert(db, actor, "users", person("k"))
            raise RuntimeError("boom")
    assert records.audit_entries(db) == []
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 0
