"""The audit trail query: each filter, newest first, paging, counts, pickers, and index use."""

from __future__ import annotations

import json

import pytest

from expo_desk.domain.audit import AuditFilter
from expo_desk.store import audit as audit_store
from expo_desk.store.migrations import SCHEMA_VERSION

ALICE, BOB = "11111111-0000-0000-0000-000000000001", "22222222-0000-0000-0000-000000000002"
EXH, CON = "e0000000-0000-0000-0000-000000000001", "c0000000-0000-0000-0000-000000000001"

# at, user_id, user_name, action, table, row_id, old, new
ENTRIES = [
    ("2026-03-01T01:00:00+00:00", ALICE, "王经理", "insert", "exhibitors", EXH, None, {"company_name": "日照钢铁"}),
    ("2026-03-01T01:00:00+00:00", ALICE, "王经理", "insert", "contacts", CON, None, {"name": "李娜", "phone": "138"}),
    ("2026-03-02T10:00:00+00:00", BOB, "赵主任", "update", "exhibitors", EXH, {"sector": ""}, {"sector": "钢铁"}),
    ("2026-03-03T23:59:59+00:00", None, "local", "update", "contacts", CON, {"phone": "138"},
     {"phone": "139 100% sure"}),
    ("2026-03-04T00:00:00+00:00", ALICE, "王丽", "update", "exhibitors", EXH, {"notes": ""}, {"notes": "Steel VIP"}),
    ("2026-03-05T08:00:00+00:00", None, "cli", "delete", "contacts", CON, {"name": "李娜"}, None),
]


@pytest.fixture
def trail(db):
    for n, (at, user_id, user_name, action, table, row_id, old, new) in enumerate(ENTRIES):
        db.execute(
            "INSERT INTO audit_log (id, at, user_id, user_name, action, table_name, row_id, old_values, new_values)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [f"a{n}", at, user_id, user_name, action, table, row_id,
             None if old is None else json.dumps(old, ensure_ascii=False),
             None if new is None else json.dumps(new, ensure_ascii=False)])
    return db


def ids(found: list[dict]) -> list[str]:
    return [e["id"] for e in found]


def test_everything_newest_first_with_insertion_order_breaking_ties(trail):
    assert ids(audit_store.search(trail, AuditFilter())) == ["a5", "a4", "a3", "a2", "a1", "a0"]
    assert ids(audit_store.search(trail, AuditFilter(), oldest_first=True)) == ["a0", "a1", "a2", "a3", "a4", "a5"]
    assert audit_store.count(trail, AuditFilter()) == 6


def test_pages_by_limit_and_offset(trail):
    assert ids(audit_store.search(trail, AuditFilter(), limit=2)) == ["a5", "a4"]
    assert ids(audit_store.search(trail, AuditFilter(), limit=2, offset=2)) == ["a3", "a2"]
    assert ids(audit_store.search(trail, AuditFilter(), limit=2, offset=6)) == []


@pytest.mark.parametrize("f, expected", [
    (AuditFilter(user_ids=(ALICE,)), ["a4", "a1", "a0"]),  # every entry of the account, under either name
    (AuditFilter(user_names=("local",)), ["a3"]),
    (AuditFilter(user_ids=(BOB,), user_names=("cli",)), ["a5", "a2"]),  # either matches
    (AuditFilter(since="2026-03-02T10:00:00+00:00"), ["a5", "a4", "a3", "a2"]),  # since is included
    (AuditFilter(until="2026-03-04T00:00:00+00:00"), ["a3", "a2", "a1", "a0"]),  # until is not
    (AuditFilter(since="2026-03-02T00:00:00+00:00", until="2026-03-04T00:00:00+00:00"), ["a3", "a2"]),
    (AuditFilter(table="contacts"), ["a5", "a3", "a1"]),
    (AuditFilter(row_id=EXH), ["a4", "a2", "a0"]),  # a row id alone, whatever its table
    (AuditFilter(table="contacts", row_id=EXH), []),
    (AuditFilter(row_id=f"  {CON} "), ["a5", "a3", "a1"]),
    (AuditFilter(text="钢铁"), ["a2", "a0"]),
    (AuditFilter(text="steel vip"), ["a4"]),  # any case
    (AuditFilter(text="100%"), ["a3"]),  # % is a character, not a wildcard
    (AuditFilter(text="1%"), []),
    (AuditFilter(text="李娜 138"), ["a1"]),  # every word
    (AuditFilter(user_ids=(ALICE,), table="exhibitors", since="2026-03-01T12:00:00+00:00"), ["a4"]),
    (AuditFilter(user_names=("nobody",)), []),
])
def test_each_filter(trail, f, expected):
    assert ids(audit_store.search(trail, f)) == expected
    assert audit_store.count(trail, f) == len(expected)


def test_iterate_returns_every_match_in_batches(trail):
    batches = list(audit_store.iterate(trail, AuditFilter(table="exhibitors"), batch=2))
    assert [len(b) for b in batches] == [2, 1]
    assert [e["id"] for b in batches for e in b] == ["a0", "a2", "a4"]
    newest = list(audit_store.iterate(trail, AuditFilter(), oldest_first=False, batch=100))
    assert ids(newest[0]) == ["a5", "a4", "a3", "a2", "a1", "a0"]


def test_pickers_list_tables_and_people(trail):
    assert audit_store.tables(trail) == ["contacts", "exhibitors"]
    with_id, names = audit_store.people(trail)
    assert with_id == [(ALICE, "王丽"), (BOB, "赵主任")]  # the latest name recorded for an account
    assert names == sorted(["cli", "local", "王丽", "王经理", "赵主任"])


def test_an_empty_trail(db):
    db.execute("DELETE FROM audit_log")
    assert audit_store.tables(db) == []
    assert audit_store.people(db) == ([], [])
    assert audit_store.search(db, AuditFilter(row_id="x")) == []
    assert audit_store.count(db, AuditFilter(row_id="x")) == 0


def test_record_labels_and_display_names(db, show, actor):
    from expo_desk.services import exhibitors as exhibitor_service
    from expo_desk.services.users import find_or_add_account_manager

    manager, _ = find_or_add_account_manager(db, actor, "赵经理")
    changes = exhibitor_service.create_exhibitor(db, actor, show["id"], {"company_name": "日照钢铁"},
                                                 [{"name": "王伟", "phone": "13800000001"}])
    exhibitor, contact = changes.inserted["exhibitors"][0], changes.inserted["contacts"][0]
    assert audit_store.record_labels(db, "exhibitors", [exhibitor, "gone"]) == {exhibitor: "日照钢铁"}
    assert audit_store.record_labels(db, "contacts", [contact]) == {contact: "日照钢铁 · 王伟"}
    assert audit_store.record_labels(db, "shows", [show["id"]]) == {show["id"]: "RZ2026 2026日照国际博览会"}
    assert audit_store.record_labels(db, "no_such_table", [exhibitor]) == {}
    assert audit_store.display_names(db, [manager["id"], None, "gone"]) == {manager["id"]: "赵经理"}


def test_migration_0003_adds_the_indexes(db):
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'")}
    assert {"audit_log_user_at", "audit_log_name_at", "audit_log_table_at", "audit_log_at", "audit_log_row"} <= indexes


@pytest.mark.parametrize("f, index", [
    (AuditFilter(), "audit_log_at"),
    (AuditFilter(user_ids=(ALICE,)), "audit_log_user_at"),
    (AuditFilter(user_names=("local",)), "audit_log_name_at"),
    (AuditFilter(table="contacts"), "audit_log_table_at"),
    (AuditFilter(since="2026-03-02T00:00:00+00:00", until="2026-03-03T00:00:00+00:00"), "audit_log_at"),
    (AuditFilter(row_id=EXH), "audit_log_row"),
    (AuditFilter(table="contacts", row_id=CON), "audit_log_row"),
])
def test_filters_other_than_text_read_an_index_not_the_table(trail, f, index):
    plan = " | ".join(audit_store.explain(trail, f))
    assert index in plan, plan
    assert "SCAN audit_log " not in plan + " " or "USING INDEX" in plan, plan
    if not f.row_id:  # a row's few entries may be sorted; other filters walk the index in `at` order
        assert "TEMP B-TREE" not in plan, plan


def test_a_records_history_in_the_detail_pane_reads_its_own_entries(trail):
    """records.audit_entries (the exhibitor pane's history) seeks the record, never the whole table."""
    plan = [r[-1] for r in trail.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE table_name = ? AND row_id = ?"
        " ORDER BY at DESC, rowid DESC LIMIT 50", ["exhibitors", EXH])]
    assert plan == ["SEARCH audit_log USING INDEX audit_log_row (table_name=? AND row_id=?)"], plan


def test_a_person_and_a_table_walk_the_persons_entries(trail):
    plan = audit_store.explain(trail, AuditFilter(user_ids=(ALICE,), table="contacts"))
    assert plan == ["SEARCH audit_log USING INDEX audit_log_user_at (user_id=?)"], plan
