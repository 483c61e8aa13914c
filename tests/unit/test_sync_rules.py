"""Merging a received row change field by field, and who may have made it."""

from __future__ import annotations

from expo_desk.domain.enums import Role
from expo_desk.domain.sync_rules import contract_prefix, merge_update, refusal, travels


def test_a_field_changed_only_there_is_taken_and_one_changed_on_both_sides_is_a_conflict():
    old = {"id": "e1", "phone": "1", "website": "", "updated_at": "2026-09-14T08:00"}
    new = {"phone": "3", "website": "w.example", "updated_at": "2026-09-14T10:00"}
    here = {"id": "e1", "phone": "2", "website": "", "updated_at": "2026-09-14T09:00", "search_text": "x 2"}
    merge = merge_update(list(new), old, new, here, settled=set())
    assert merge.take == {"website": "w.example", "updated_at": "2026-09-14T10:00"}  # the later time wins
    assert merge.conflicts == {"phone": ("2", "3")}


def test_a_settled_field_takes_the_chosen_value_and_an_equal_one_is_no_conflict():
    merge = merge_update(["phone"], {"phone": "1"}, {"phone": "3"}, {"phone": "2"}, settled={"phone"})
    assert merge.take == {"phone": "3"} and merge.conflicts == {}
    same = merge_update(["phone", "search_text"], {"phone": "1"}, {"phone": "2", "search_text": "b"},
                        {"phone": "2", "search_text": "a"}, settled=set())
    assert same.take == {} and same.conflicts == {}  # derived columns follow their fields


def test_who_may_change_what_when_changes_arrive():
    assert refusal("tasks", "UPDATE", Role.CONSTRUCTION_EXECUTOR) == ""
    assert "may not" in refusal("pricing_rules", "UPDATE", Role.CONSTRUCTION_EXECUTOR)
    assert "only ever added" in refusal("payments", "UPDATE", Role.ADMINISTRATOR)
    assert refusal("payments", "INSERT", Role.ACCOUNT_MANAGER) == ""
    assert "not a user this copy knows" in refusal("exhibitors", "INSERT", None)
    assert not travels("sync_conflicts") and not travels("_sqlite_migrations") and travels("contracts")
    assert contract_prefix("RZ2026", "C1") == "RZ2026-C1" and contract_prefix("RZ2026", "") == "RZ2026"
