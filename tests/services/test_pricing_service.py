"""Pricing rules through the services: roles, validation, audit, quotes of stored booths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.errors import PermissionDenied, UserError, ValidationError
from expo_desk.services import pricing
from expo_desk.store import records
from expo_desk.store.db import open_database
from expo_desk.store.migrations import MIGRATIONS, SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EDITORS = [Role.DEPARTMENT_MANAGER, Role.ADMINISTRATOR]
OTHERS = [Role.ACCOUNT_MANAGER, Role.DESIGN_SUPERVISOR, Role.CONSTRUCTION_EXECUTOR]
SHELL = {"kind": "shell_base", "amount_fen": 980_000, "label": "标准展位", "label_en": "Shell booth"}


def person(role: Role) -> Actor:
    return Actor(user_id=None, name=f"{role}", role=role)


@pytest.fixture
def booths(db, actor, show):
    hall = records.insert(db, actor, "halls", {"show_id": show["id"], "code": "A1", "width_cm": 12000,
                                               "depth_cm": 8000})
    made = {}
    # A1-001 and A1-002 side by side (3 open sides each), A1-010 alone (island),
    # A1-011 in the hall's south-west corner (walls on two sides: corner).
    for number, x, y, w, d, kind in (("A1-001", 1000, 1000, 300, 300, "shell"),
                                     ("A1-002", 1300, 1000, 600, 300, "shell"),
                                     ("A1-010", 5000, 3000, 400, 600, "raw"),
                                     ("A1-011", 0, 7000, 1500, 1000, "raw")):
        made[number] = records.insert(db, actor, "booths", {
            "show_id": show["id"], "hall_id": hall["id"], "number": number, "x_cm": x, "y_cm": y,
            "width_cm": w, "depth_cm": d, "booth_type": kind})["id"]
    return made


@pytest.mark.parametrize("role", EDITORS)
def test_managers_and_admins_edit_rules(db, show, role):
    who = person(role)
    rule_id = pricing.add_rule(db, who, show["id"], SHELL).inserted["pricing_rules"][0]
    assert pricing.update_rule(db, who, rule_id, {"amount_fen": 990_000}).updated["pricing_rules"] == [rule_id]
    assert pricing.list_rules(db, show["id"])[0]["amount_fen"] == 990_000
    assert pricing.delete_rule(db, who, rule_id).deleted["pricing_rules"] == [rule_id]
    assert pricing.list_rules(db, show["id"]) == []


@pytest.mark.parametrize("role", OTHERS)
def test_other_roles_may_not_edit_rules_but_may_quote(db, actor, show, booths, role):
    who = person(role)
    with pytest.raises(PermissionDenied, match="change booths and prices"):
        pricing.add_rule(db, who, show["id"], SHELL)
    rule_id = pricing.add_rule(db, actor, show["id"], SHELL).inserted["pricing_rules"][0]
    with pytest.raises(PermissionDenied):
        pricing.update_rule(db, who, rule_id, {"amount_fen": 1})
    with pytest.raises(PermissionDenied):
        pricing.delete_rule(db, who, rule_id)
    with pytest.raises(PermissionDenied):
        pricing.add_default_rules(db, who, show["id"])
    assert pricing.list_rules(db, show["id"])[0]["amount_fen"] == 980_000
    assert pricing.quote_booth(db, booths["A1-001"], "2026-06-01").total_fen == 980_000


def test_every_change_is_audited(db, actor, show):
    rule_id = pricing.add_rule(db, actor, show["id"], SHELL).inserted["pricing_rules"][0]
    pricing.update_rule(db, actor, rule_id, {"amount_fen": 990_000, "label": "标准展位"})  # label unchanged
    pricing.delete_rule(db, actor, rule_id)
    trail = records.audit_entries(db, "pricing_rules", rule_id)
    assert [e["action"] for e in trail] == ["delete", "update", "insert"]
    assert '"amount_fen": 990000' in trail[1]["new_values"] and "label" not in trail[1]["new_values"]
    assert all(e["user_name"] == actor.name for e in trail)


def test_validation_names_the_field_in_both_languages(db, actor, show):
    with pytest.raises(ValidationError) as caught:
        pricing.add_rule(db, actor, show["id"], {"kind": "open_sides", "percent_bp": 1000})
    [problem] = caught.value.problems
    assert problem.field == "open_sides" and " / " in problem.message
    assert pricing.list_rules(db, show["id"]) == []


def test_update_checks_the_rule_whole(db, actor, show):
    rule_id = pricing.add_rule(db, actor, show["id"], {"kind": "early_bird", "percent_bp": 500,
                                                       "effective_to": "2026-03-31"}).inserted["pricing_rules"][0]
    with pytest.raises(ValidationError) as caught:
        pricing.update_rule(db, actor, rule_id, {"effective_to": None})
    assert caught.value.problems[0].field == "effective_to"
    with pytest.raises(ValidationError):
        pricing.update_rule(db, actor, rule_id, {"amount_fen": 100})  # both amount and percentage
    assert pricing.update_rule(db, actor, rule_id, {"percent_bp": None, "amount_fen": 100}).updated
    assert not pricing.update_rule(db, actor, rule_id, {"amount_fen": 100})  # nothing changed, no audit
    assert len(records.audit_entries(db, "pricing_rules", rule_id)) == 2


def test_conflicting_rules_refused(db, actor, show):
    pricing.add_rule(db, actor, show["id"], SHELL)
    with pytest.raises(ValidationError, match="one base price per day"):
        pricing.add_rule(db, actor, show["id"], {"kind": "shell_base", "amount_fen": 1})
    pricing.add_rule(db, actor, show["id"], {"kind": "area_band", "amount_fen": 88_000, "area_from_m2": 100})
    with pytest.raises(ValidationError, match="overlaps the band"):
        pricing.add_rule(db, actor, show["id"], {"kind": "area_band", "percent_bp": 500, "area_from_m2": 150})


def test_rules_of_one_show_do_not_clash_with_another(db, actor, show):
    from expo_desk.services.shows import create_show

    other = create_show(db, actor, "QD2026", "青岛展")
    pricing.add_rule(db, actor, show["id"], SHELL)
    pricing.add_rule(db, actor, other["id"], SHELL)
    assert len(pricing.list_rules(db, show["id"])) == len(pricing.list_rules(db, other["id"])) == 1


def test_missing_rule_and_show(db, actor, show):
    with pytest.raises(UserError, match="no longer exists"):
        pricing.update_rule(db, actor, "gone", {"amount_fen": 1})
    with pytest.raises(UserError, match="no longer exists"):
        pricing.delete_rule(db, actor, "gone")
    with pytest.raises(UserError, match="no longer exists"):
        pricing.add_rule(db, actor, "no-show", SHELL)


def test_default_rules_quote_a_typical_show(db, actor, show, booths):
    changes = pricing.add_default_rules(db, actor, show["id"])
    kinds = [r["kind"] for r in pricing.list_rules(db, show["id"])]
    assert len(changes.inserted["pricing_rules"]) == len(kinds) == 7
    assert kinds[:2] == ["shell_base", "raw_base"] and kinds[-1] == "early_bird"
    [early] = [r for r in pricing.list_rules(db, show["id"]) if r["kind"] == "early_bird"]
    assert early["effective_to"] == "2026-05-21"  # 120 days before 2026-09-18
    assert pricing.quote_booth(db, booths["A1-001"], "2026-06-01", "inline").total_fen == 980_000
    assert pricing.quote_booth(db, booths["A1-001"], "2026-05-21", "inline").total_fen == 931_000
    assert pricing.quote_booth(db, booths["A1-002"], "2026-06-01", "corner").total_fen == 2_156_000
    assert pricing.quote_booth(db, booths["A1-010"], "2026-06-01", "inline").total_fen == 3_528_000  # 24 m² as 36
    q = pricing.quote_booth(db, booths["A1-011"], "2026-06-01", "island")  # 150 m²
    assert q.total_fen == (9_800_000 + 4_400_000) * 115 // 100
    with pytest.raises(UserError, match="already has pricing rules"):
        pricing.add_default_rules(db, actor, show["id"])


def test_open_sides_come_from_the_plan_when_not_given(db, actor, show, booths):
    pricing.add_default_rules(db, actor, show["id"])
    day = "2026-06-01"
    assert pricing.quote_booth(db, booths["A1-001"], day).terms[-1].basis_en.startswith("peninsula")
    assert pricing.quote_booth(db, booths["A1-001"], day).total_fen == 1_097_600  # +12 %
    assert pricing.quote_booth(db, booths["A1-010"], day).total_fen == 4_057_200  # island +15 %
    assert pricing.quote_booth(db, booths["A1-011"], day).total_fen == 15_620_000  # corner +10 %
    assert pricing.quote_booth(db, booths["A1-011"], day, "inline").total_fen == 14_200_000  # the caller decides


def test_default_rules_without_a_start_date_have_no_early_bird():
    rules = pricing.default_rules({"start_date": None})
    assert "early_bird" not in [r["kind"] for r in rules]
    assert all(isinstance(r["kind"], str) for r in rules)


def test_quote_of_a_missing_booth_or_a_show_without_prices(db, show, booths):
    with pytest.raises(UserError, match="no longer exists"):
        pricing.quote_booth(db, "gone", "2026-06-01")
    with pytest.raises(UserError, match="no shell scheme price"):
        pricing.quote_booth(db, booths["A1-001"], "2026-06-01")


def test_quote_rules_for_a_booth_not_yet_drawn(db, actor, show):
    pricing.add_default_rules(db, actor, show["id"])
    rules = pricing.show_rules(db, show["id"])
    assert pricing.quote_rules(rules, "raw", 1000, 1000, "inline", "2026-06-01").total_fen == 9_800_000
    with pytest.raises(UserError, match="size above zero"):
        pricing.quote_rules(rules, "raw", 0, 1000, "inline", "2026-06-01")


def test_rules_go_with_their_show(db, actor, show):
    pricing.add_rule(db, actor, show["id"], SHELL)
    db.execute("DELETE FROM shows WHERE id = ?", [show["id"]])
    assert db.execute("SELECT count(*) FROM pricing_rules").fetchone()[0] == 0


def test_the_table_refuses_bad_values_by_itself(db, actor, show):
    import sqlite3

    base = {"show_id": show["id"], "kind": "shell_base", "created_at": "t"}
    for bad in ({"amount_fen": -1}, {"percent_bp": 20_000}, {}, {"amount_fen": 1, "kind": "gift"},
                {"amount_fen": 1, "open_sides": "two"}, {"amount_fen": 1, "effective_from": "2026-02-01",
                                                         "effective_to": "2026-01-01"}):
        with pytest.raises(sqlite3.IntegrityError):
            records.insert(db, actor, "pricing_rules", {**base, **bad})


# ---------------------------------------------------------------- migration 0004

@pytest.mark.parametrize("fixture", ["schema_v1.sqlite", "schema_v3.sqlite"])
def test_old_files_gain_the_pricing_rules_table(tmp_path, actor, fixture):
    path = tmp_path / fixture
    shutil.copyfile(FIXTURES / fixture, path)
    db = open_database(path, create=False, backup_dir=tmp_path / "backups")
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert MIGRATIONS.pending(db) == []
        assert "0004_pricing_rules" in [m.name for m in MIGRATIONS.applied(db)]
        show = db.execute("SELECT id FROM shows WHERE code = 'RZ2026'").fetchone()[0]
        pricing.add_default_rules(db, actor, show)
        if fixture == "schema_v1.sqlite":  # it has booths: A1-001 shell 3×3, A1-002 raw 6×6
            booth = db.execute("SELECT id FROM booths WHERE number = 'A1-002'").fetchone()[0]
            assert pricing.quote_booth(db, booth, "2026-06-01", "corner").total_fen == 3_880_800
    finally:
        db.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1
