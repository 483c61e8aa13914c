"""The demo show generator: counts, soundness of the file, determinism, domain rules."""

from __future__ import annotations

import ast
import re
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest

from expo_desk.domain.exhibitors import check_email, check_phone, normalise_company
from expo_desk.errors import UserError
from expo_desk.services import demo
from expo_desk.services.demo import TIERS, write_demo


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    """Three S-tier files: two with the default seed, one with another seed."""
    folder = tmp_path_factory.mktemp("demo")
    steps: list[tuple[str, int, int]] = []
    first = folder / "a.sqlite"
    counts = write_demo(first, "S", progress=lambda *step: steps.append(step))
    again = folder / "b.sqlite"
    write_demo(again, "S", seed=2026)
    other = folder / "c.sqlite"
    write_demo(other, "S", seed=7)
    return {"path": first, "counts": counts, "steps": steps, "same": again, "other": other}


@pytest.fixture(scope="module")
def conn(demo_files):
    connection = sqlite3.connect(demo_files["path"])
    yield connection
    connection.close()


def _all(conn, sql, params=()):
    return conn.execute(sql, params).fetchall()


def _one(conn, sql, params=()):
    return conn.execute(sql, params).fetchone()[0]


def _dump(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as connection:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name <> '_sqlite_migrations' ORDER BY name")]
        return {t: connection.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall() for t in tables}


# ---------------------------------------------------------------- counts and soundness


def test_s_tier_counts(demo_files, conn):
    tier, counts = TIERS["S"], demo_files["counts"]
    assert counts["exhibitors"] == tier.exhibitors == _one(conn, "SELECT count(*) FROM exhibitors")
    assert counts["booths"] == tier.booths == _one(conn, "SELECT count(*) FROM booths")
    assert abs(counts["tasks"] - tier.tasks) <= tier.tasks * 0.10
    for table, written in counts.items():
        assert _one(conn, f"SELECT count(*) FROM [{table}]") == written, table
    assert counts["shows"] == 1
    assert counts["halls"] >= 2
    for table in ("users", "contacts", "service_items", "contracts", "contract_lines", "payment_schedule",
                  "payments", "leads", "follow_ups", "task_dependencies"):
        assert counts[table] > 0, table


def test_file_is_sound_and_ours(demo_files, conn):
    assert _all(conn, "PRAGMA foreign_key_check") == []
    assert _all(conn, "PRAGMA integrity_check") == [("ok",)]
    assert _one(conn, "PRAGMA application_id") == 0x45585044
    assert _one(conn, "PRAGMA user_version") >= 1
    assert _one(conn, "PRAGMA journal_mode") == "wal"
    assert not Path(f"{demo_files['path']}.partial").exists()
    from expo_desk.store.db import needs_migration, open_database

    db = open_database(demo_files["path"], create=False)
    try:
        assert not needs_migration(db)
    finally:
        db.close()


def test_no_audit_entries_for_generated_rows(conn):
    assert _one(conn, "SELECT count(*) FROM audit_log") == 0


def test_progress_reports_every_step(demo_files):
    steps = demo_files["steps"]
    names = [s[0] for s in steps]
    for step in ("generate", "exhibitors", "booths", "contracts", "tasks", "indexes"):
        assert step in names, step
    last_tasks = [s for s in steps if s[0] == "tasks"][-1]
    assert last_tasks[1] == demo_files["counts"]["tasks"] <= last_tasks[2]


def test_the_show(conn):
    code, name, name_en, venue, city, build, start, end, teardown, currency, target = conn.execute(
        "SELECT code, name, name_en, venue, city, build_start, start_date, end_date, teardown_end, currency,"
        " revenue_target_fen FROM shows").fetchone()
    assert (code, name, name_en) == ("RZ2026", "2026日照国际博览会", "Rizhao International Expo 2026")
    assert (venue, city, currency) == ("日照国际博览中心", "日照", "CNY")
    assert "2026-09-01" <= build < start <= end < teardown <= "2026-09-30"
    assert target > 0


def test_ids_are_uuid4(conn):
    for table in ("users", "exhibitors", "booths", "pricing_rules", "tasks", "task_dependencies"):
        for (value,) in _all(conn, f"SELECT id FROM [{table}] LIMIT 50"):
            assert uuid.UUID(value).version == 4
            assert str(uuid.UUID(value)) == value


# ---------------------------------------------------------------- determinism


def test_same_seed_gives_the_same_file_content(demo_files):
    first, same = _dump(demo_files["path"]), _dump(demo_files["same"])
    assert first.keys() == same.keys()
    for table in first:
        assert first[table] == same[table], table


def test_same_seed_same_exhibitor_names_and_ids(demo_files):
    query = "SELECT id, company_name, company_name_en FROM exhibitors ORDER BY rowid"
    with sqlite3.connect(demo_files["path"]) as a, sqlite3.connect(demo_files["same"]) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def test_another_seed_differs(demo_files):
    query = "SELECT id, company_name FROM exhibitors ORDER BY rowid"
    with sqlite3.connect(demo_files["path"]) as a, sqlite3.connect(demo_files["other"]) as b:
        first, other = a.execute(query).fetchall(), b.execute(query).fetchall()
    assert {i for i, _ in first}.isdisjoint({i for i, _ in other})
    assert [n for _, n in first] != [n for _, n in other]
    with sqlite3.connect(demo_files["other"]) as b:
        assert b.execute("PRAGMA foreign_key_check").fetchall() == []


# ---------------------------------------------------------------- people and exhibitors


def test_users_of_every_role_with_chinese_names(conn):
    roles = dict(_all(conn, "SELECT role, count(*) FROM users GROUP BY role"))
    assert roles["department_manager"] == 1 and roles["administrator"] == 1
    assert roles["account_manager"] >= 3 and roles["design_supervisor"] >= 2 and roles["construction_executor"] >= 2
    assert _one(conn, "SELECT count(*) FROM users WHERE password_hash IS NOT NULL") == 0
    for name, username in _all(conn, "SELECT display_name, username FROM users WHERE role <> 'administrator'"):
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name), name
        assert re.fullmatch(r"[a-z]+\.[a-z]+\d*", username), username


def test_company_names_bilingual_and_keys_unique(conn):
    rows = _all(conn, "SELECT company_name, company_name_en, company_key, sector FROM exhibitors")
    keys = set()
    for name, name_en, key, _ in rows:
        assert re.search(r"[\u4e00-\u9fff]", name) and name.endswith("公司"), name
        assert name_en.isascii() and re.search(r"(Co|Corp)\., Ltd\.", name_en), name_en
        assert key == normalise_company(name)
        keys.add(key)
    assert len(keys) == len(rows)
    assert any(n.startswith("日照") and e.startswith("Rizhao ") for n, e, _, _ in rows)
    sectors = {s for *_, s in rows}
    assert {"钢铁", "汽车", "渔业", "旅游", "食品"} <= sectors
    assert len(sectors) >= 8


def test_exhibitor_contact_details(conn):
    for phone, email, manager in _all(conn, "SELECT phone, email, account_manager_id FROM exhibitors"):
        assert not check_phone(phone) and not check_email(email)
        assert manager is not None
    per_exhibitor = _all(conn, "SELECT count(*), sum(is_primary) FROM contacts GROUP BY exhibitor_id")
    assert len(per_exhibitor) == TIERS["S"].exhibitors
    assert all(1 <= n <= 3 and primary == 1 for n, primary in per_exhibitor)
    for name, title, phone, email in _all(conn, "SELECT name, title, phone, email FROM contacts"):
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) and title
        assert re.fullmatch(r"1[3-9]\d{9}", phone) and not check_email(email)


# ---------------------------------------------------------------- halls and booths


def test_booth_numbers_unique_and_shaped(conn):
    numbers = [n for (n,) in _all(conn, "SELECT number FROM booths")]
    assert len(numbers) == len(set(numbers))
    assert all(re.fullmatch(r"[A-H][1-6]-\d{3,}", n) for n in numbers)
    mismatched = _one(conn, "SELECT count(*) FROM booths b JOIN halls h ON h.id = b.hall_id"
                            " WHERE b.number NOT LIKE h.code || '-%'")
    assert mismatched == 0


def test_booths_lie_inside_their_hall_without_overlap(conn):
    outside = _one(conn, "SELECT count(*) FROM booths b JOIN halls h ON h.id = b.hall_id WHERE b.x_cm < 0"
                         " OR b.y_cm < 0 OR b.x_cm + b.width_cm > h.width_cm OR b.y_cm + b.depth_cm > h.depth_cm")
    assert outside == 0
    by_hall: dict[str, list[tuple]] = {}
    for hall, x, y, w, d in _all(conn, "SELECT hall_id, x_cm, y_cm, width_cm, depth_cm FROM booths"):
        by_hall.setdefault(hall, []).append((x, y, w, d))
    for booths in by_hall.values():
        booths.sort()
        for i, (x, y, w, d) in enumerate(booths):
            for x2, y2, _, d2 in booths[i + 1:]:
                if x2 >= x + w:
                    break
                assert not (y < y2 + d2 and y2 < y + d), "booths overlap"


def test_booth_mix_and_statuses(conn):
    sizes = dict(_all(conn, "SELECT booth_type, count(*) FROM booths GROUP BY booth_type"))
    assert sizes["shell"] > sizes["raw"] > 0
    assert _one(conn, "SELECT count(*) FROM booths WHERE booth_type = 'shell'"
                      " AND (width_cm <> 300 OR depth_cm <> 300)") == 0
    assert _one(conn, "SELECT min(width_cm * depth_cm) FROM booths WHERE booth_type = 'raw'") >= 360_000
    status = dict(_all(conn, "SELECT status, count(*) FROM booths GROUP BY status"))
    total = sum(status.values())
    assert status["sold"] > total / 2
    assert status["reserved"] > 0 and status["available"] > 0 and 0 < status["blocked"] < total * 0.1
    assert _one(conn, "SELECT count(*) FROM booths WHERE status = 'blocked' AND blocked_reason = ''") == 0
    reasons = {r for (r,) in _all(conn, "SELECT DISTINCT blocked_reason FROM booths WHERE status = 'blocked'")}
    assert any("消防通道" in r for r in reasons) or any("柱子" in r for r in reasons)
    assert _one(conn, "SELECT count(*) FROM booths WHERE status = 'reserved'"
                      " AND (reserved_until IS NULL OR reserved_for = '')") == 0
    assert _one(conn, "SELECT count(*) FROM booths WHERE status <> 'reserved' AND reserved_until IS NOT NULL") == 0


def test_at_most_one_active_sale_per_booth_and_sold_means_sold(conn):
    assert _one(conn, "SELECT max(n) FROM (SELECT count(*) AS n FROM contract_lines WHERE holds_booth = 1"
                      " GROUP BY booth_id)") == 1
    assert _one(conn, "SELECT count(*) FROM booths b WHERE (b.status = 'sold') <> EXISTS"
                      " (SELECT 1 FROM contract_lines l WHERE l.booth_id = b.id AND l.holds_booth = 1)") == 0
    assert _one(conn, "SELECT count(*) FROM contract_lines l JOIN contracts k ON k.id = l.contract_id"
                      " WHERE l.holds_booth = 1 AND k.status IN ('draft', 'cancelled')") == 0


# ---------------------------------------------------------------- money


def test_contract_totals_equal_their_lines(conn):
    assert _one(conn, "SELECT count(*) FROM contracts k WHERE k.total_fen <>"
                      " (SELECT coalesce(sum(amount_fen), 0) FROM contract_lines WHERE contract_id = k.id)") == 0
    assert _one(conn, "SELECT count(*) FROM contract_lines WHERE amount_fen <> quantity * unit_price_fen") == 0
    assert _one(conn, "SELECT count(*) FROM contracts k WHERE k.discount_fen <>"
                      " -(SELECT coalesce(sum(amount_fen), 0) FROM contract_lines"
                      " WHERE contract_id = k.id AND kind = 'discount')") == 0
    assert _one(conn, "SELECT count(*) FROM contracts WHERE discount_fen > 0 AND discount_approved_by IS NULL") == 0
    numbers = [n for (n,) in _all(conn, "SELECT number FROM contracts ORDER BY number")]
    assert numbers[0] == "RZ2026-0001" and all(re.fullmatch(r"RZ2026-\d{4,}", n) for n in numbers)


@pytest.fixture(scope="module")
def demo_db(demo_files):
    from expo_desk.store.db import open_database

    database = open_database(demo_files["path"], create=False)
    yield database
    database.close()


def test_the_show_has_the_default_price_list_as_its_pricing_rules(conn, demo_db, actor):
    from expo_desk.domain.pricing import RULE_FIELDS, clean_rule
    from expo_desk.services import pricing

    show = conn.execute("SELECT id, start_date, created_at FROM shows").fetchone()
    stored = pricing.list_rules(demo_db, show[0])
    expected = [clean_rule(values)[0] for values in pricing.default_rules({"start_date": show[1]})]
    assert len(stored) == len(expected) and any(r["kind"] == "early_bird" for r in stored)
    key = lambda r: (r["kind"], r["sort_order"])  # noqa: E731
    for row, values in zip(sorted(stored, key=key), sorted(expected, key=key), strict=True):
        assert {k: row[k] for k in RULE_FIELDS} == values
        assert uuid.UUID(row["id"]).version == 4 and row["created_at"] == show[2]
    with pytest.raises(UserError, match="already has pricing rules"):
        pricing.add_default_rules(demo_db, actor, show[0])


def test_sold_booths_are_priced_as_the_plan_quotes_them(conn, demo_db):
    """The booth line is the quote's space terms, its premium lines the quote's other terms,
    on the day the contract was signed."""
    from expo_desk.services import pricing

    sold = _all(conn, "SELECT b.id, b.number, b.booth_type, b.width_cm * b.depth_cm, l.amount_fen, k.id, k.signed_on"
                      " FROM booths b JOIN contract_lines l ON l.booth_id = b.id AND l.holds_booth = 1"
                      " JOIN contracts k ON k.id = l.contract_id WHERE b.status = 'sold' ORDER BY b.number")
    raw = [r for r in sold if r[2] == "raw"]
    sample = raw + [r for r in sold if r[2] == "shell"][::12]
    seen: set[str] = set()
    early_bird: set[bool] = set()
    for booth_id, number, _type, area, booth_fen, contract_id, signed_on in sample:
        quote = pricing.quote_booth(demo_db, booth_id, signed_on)
        space = [t for t in quote.terms if t.kind in ("shell_base", "raw_base", "area_band")]
        others = [t for t in quote.terms if t not in space]
        assert booth_fen == sum(t.amount_fen for t in space), number
        premiums = _all(conn, "SELECT amount_fen FROM contract_lines WHERE contract_id = ? AND booth_id = ?"
                              " AND kind = 'premium' ORDER BY amount_fen", (contract_id, booth_id))
        assert [a for (a,) in premiums] == sorted(t.amount_fen for t in others if t.amount_fen), number
        seen |= {t.kind for t in quote.terms} | {quote.open_sides}
        early_bird.add(any(t.kind == "early_bird" for t in quote.terms))
        if area > 1_000_000:
            assert any(t.kind == "area_band" for t in quote.terms), number
    # the sample holds shell and raw space, premiums and plain booths, early and later signings
    assert {"shell_base", "raw_base", "area_band", "open_sides", "inline", "corner", "island"} <= seen
    assert early_bird == {True, False}
    assert len(sample) >= 20


def test_payment_plans_add_up(conn):
    """A signed plan adds up to the total; a cancelled one is the fee alone, as cancel_contract makes it."""
    assert _one(conn, "SELECT count(*) FROM contracts k WHERE k.status NOT IN ('draft', 'cancelled') AND"
                      " k.total_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM payment_schedule"
                      " WHERE contract_id = k.id)") == 0
    assert _one(conn, "SELECT count(*) FROM contracts k WHERE k.status = 'cancelled' AND k.cancellation_fee_fen <>"
                      " (SELECT coalesce(sum(amount_fen), 0) FROM payment_schedule WHERE contract_id = k.id)") == 0
    assert _one(conn, "SELECT count(*) FROM contracts WHERE status = 'cancelled'") > 0


def test_payments_never_exceed_totals_and_match_status(conn):
    rows = _all(conn, "SELECT k.status, k.total_fen, k.cancellation_fee_fen, k.signed_on, k.cancelled_on,"
                      " (SELECT coalesce(sum(amount_fen), 0) FROM payments WHERE contract_id = k.id) FROM contracts k")
    seen = set()
    for status, total, fee, signed_on, cancelled_on, paid in rows:
        seen.add(status)
        assert 0 <= paid <= total
        if status == "paid":
            assert paid == total
        elif status == "part_paid":
            assert 0 < paid < total
        elif status in ("signed", "draft"):
            assert paid == 0
        elif status == "cancelled":
            assert paid == fee and cancelled_on is not None
        assert (signed_on is None) == (status == "draft")
    assert {"paid", "part_paid", "signed", "draft"} <= seen
    assert _one(conn, "SELECT count(*) FROM payments p JOIN contracts k ON k.id = p.contract_id"
                      " WHERE p.paid_on < k.signed_on") == 0


# ---------------------------------------------------------------- schedule


def test_three_levels_with_parents(conn):
    levels = dict(_all(conn, "SELECT t.level || '>' || coalesce(p.level, '-'), count(*) FROM tasks t"
                             " LEFT JOIN tasks p ON p.id = t.parent_id GROUP BY 1"))
    assert set(levels) == {"milestone>-", "event>milestone", "task>event"}
    roles = {r for (r,) in _all(conn, "SELECT DISTINCT role FROM tasks WHERE level = 'task'")}
    assert roles == {"account_manager", "design_supervisor", "construction_executor"}
    assert _one(conn, "SELECT count(*) FROM tasks WHERE level = 'task' AND owner_id IS NULL") == 0
    assert _one(conn, "SELECT count(*) FROM tasks t JOIN users u ON u.id = t.owner_id"
                      " WHERE t.level = 'task' AND u.role <> t.role") == 0
    assert _one(conn, "SELECT count(*) FROM tasks WHERE booth_id IS NOT NULL") > TIERS["S"].tasks * 0.8
    statuses = {s for (s,) in _all(conn, "SELECT DISTINCT status FROM tasks")}
    assert statuses == {"not_started", "in_progress", "blocked", "done"}
    assert _one(conn, "SELECT count(*) FROM tasks WHERE status = 'blocked' AND blocked_reason = ''") == 0
    assert _one(conn, "SELECT count(*) FROM tasks WHERE planned_finish < planned_start") == 0


def test_children_fit_their_parents_and_nothing_happened_after_the_snapshot(conn):
    outside = _one(conn, "SELECT count(*) FROM tasks t JOIN tasks p ON p.id = t.parent_id"
                         " WHERE t.planned_start < p.planned_start AND p.level = 'event'"
                         " OR t.planned_finish > p.planned_finish")
    assert outside == 0
    snapshot = date.fromordinal(demo.SNAPSHOT).isoformat()
    assert _one(conn, "SELECT count(*) FROM tasks WHERE actual_finish > ? OR actual_start > ?",
                [snapshot, snapshot]) == 0
    assert _one(conn, "SELECT count(*) FROM tasks WHERE status = 'done' AND actual_finish IS NULL") == 0
    assert _one(conn, "SELECT count(*) FROM payments WHERE paid_on >= ?", [snapshot]) == 0


def test_dependencies_are_finish_to_start_chains(conn):
    late = _one(conn, "SELECT count(*) FROM task_dependencies d JOIN tasks a ON a.id = d.predecessor_id"
                      " JOIN tasks b ON b.id = d.successor_id WHERE a.planned_finish >= b.planned_start")
    assert late == 0
    started_early = _one(conn, "SELECT count(*) FROM task_dependencies d JOIN tasks a ON a.id = d.predecessor_id"
                               " JOIN tasks b ON b.id = d.successor_id"
                               " WHERE a.status <> 'done' AND b.status IN ('done', 'in_progress')")
    assert started_early == 0
    # a booth's own chain stays on that booth; the only links between booths run from the
    # contract's signing to the design of its other booths
    across = _all(conn, "SELECT DISTINCT a.name FROM task_dependencies d JOIN tasks a ON a.id = d.predecessor_id"
                        " JOIN tasks b ON b.id = d.successor_id WHERE a.booth_id <> b.booth_id")
    assert across in ([], [("签订合同",)])
    assert _one(conn, "SELECT count(*) FROM task_dependencies") > TIERS["S"].tasks * 0.5


def test_the_show_has_the_default_templates_and_the_demo_names_its_plan_after_them(conn):
    from expo_desk.services.task_templates import default_templates

    stored = _all(conn, "SELECT scope, position, name, name_en, role, checklist FROM task_templates"
                        " ORDER BY scope, position")
    expected = sorted((s["scope"], s["position"], s["name"], s["name_en"], s["role"]) for s in default_templates())
    assert [r[:5] for r in stored] == expected
    assert all(uuid.UUID(i).version == 4 for (i,) in _all(conn, "SELECT id FROM task_templates"))
    # every milestone and main event of the show template is there once (the custom builds once a hall)
    made = _all(conn, "SELECT g.position, count(*), count(DISTINCT t.name) FROM task_templates g"
                      " LEFT JOIN tasks t ON t.template_id = g.id WHERE g.scope = 'show' GROUP BY g.position")
    halls = _one(conn, "SELECT count(*) FROM halls")
    assert made == [(p, halls, halls) if p == 10 else (p, 1, 1) for p in range(1, 13)]
    assert _one(conn, "SELECT count(*) FROM tasks t JOIN task_templates g ON g.id = t.template_id"
                      " WHERE t.level = 'milestone' AND t.name <> g.name || ' / ' || g.name_en") == 0
    # a detailed task standing for a booth step is of the step's role and on a booth of its type
    linked = _all(conn, "SELECT t.role = g.role AND b.booth_type = g.scope, count(*) FROM tasks t"
                        " JOIN task_templates g ON g.id = t.template_id JOIN booths b ON b.id = t.booth_id"
                        " WHERE t.level = 'task' GROUP BY 1")
    assert linked[0][0] == 1 and len(linked) == 1 and linked[0][1] > 100


def test_each_contracts_sales_and_booth_tasks_carry_the_contract(conn):
    assert _one(conn, "SELECT count(*) FROM tasks t JOIN contract_lines l ON l.booth_id = t.booth_id"
                      " AND l.holds_booth = 1 WHERE t.contract_id IS NOT l.contract_id") == 0
    assert _one(conn, "SELECT count(*) FROM contracts k WHERE k.status NOT IN ('draft', 'cancelled')"
                      " AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.contract_id = k.id AND t.name = '签订合同')") == 0
    assert _one(conn, "SELECT count(*) FROM tasks WHERE contract_id IS NOT NULL AND level <> 'task'") == 0


def test_a_contract_signed_in_the_demo_files_its_tasks_under_the_demos_plan(tmp_path):
    """Selling a free shell booth and a free raw space adds their build tasks under the
    milestones and main events the demo has, and no milestone or event of its own."""
    from expo_desk.domain.actors import Actor
    from expo_desk.domain.enums import Role
    from expo_desk.services.contract_signing import sell_booths
    from expo_desk.services.task_templates import create_show_tasks
    from expo_desk.store.db import open_database
    from expo_desk.store.queries import rows, scalar

    path = tmp_path / "s.sqlite"
    write_demo(path, "S")
    db = open_database(path, create=False)
    try:
        show_id = scalar(db, "SELECT id FROM shows")
        plan_sql = "SELECT id, name, level FROM tasks WHERE level IN ('milestone', 'event') ORDER BY id"
        plan = rows(db, plan_sql)
        free = {kind: rows(db, "SELECT b.id, h.code FROM booths b JOIN halls h ON h.id = b.hall_id"
                               " WHERE b.status = 'available' AND b.booth_type = ? ORDER BY b.number LIMIT 1",
                           [kind])[0] for kind in ("shell", "raw")}
        buyer = rows(db, "SELECT e.id, u.id AS manager, u.display_name FROM exhibitors e"
                         " JOIN users u ON u.id = e.account_manager_id WHERE NOT EXISTS"
                         " (SELECT 1 FROM contracts k WHERE k.exhibitor_id = e.id) ORDER BY e.company_key LIMIT 1")[0]
        manager = Actor(buyer["manager"], buyer["display_name"], Role.ACCOUNT_MANAGER)
        before = scalar(db, "SELECT count(*) FROM tasks")
        changes = sell_booths(db, manager, show_id, buyer["id"], [free["shell"]["id"], free["raw"]["id"]],
                              signed_on=date.fromordinal(demo.SNAPSHOT).isoformat())
        contract_id = changes.inserted["contracts"][0]
        assert rows(db, plan_sql) == plan
        assert scalar(db, "SELECT count(*) FROM task_templates") == 26
        made = rows(db, "SELECT t.booth_id, t.contract_id, t.template_id, p.name AS parent, p.level AS parent_level"
                        " FROM tasks t JOIN tasks p ON p.id = t.parent_id WHERE t.contract_id = ?", [contract_id])
        assert len(made) == scalar(db, "SELECT count(*) FROM tasks") - before == 4 + 10
        assert {t["parent_level"] for t in made} == {"event"}
        assert all(t["template_id"] for t in made)
        parents = {(t["booth_id"], t["parent"]) for t in made}
        assert (free["shell"]["id"], "标摊搭建 / shell scheme build") in parents
        hall = free["raw"]["code"]
        assert (free["raw"]["id"], f"特装搭建（{hall}馆） / custom builds in hall {hall}") in parents
        assert not create_show_tasks(db, Actor(None, "admin", Role.ADMINISTRATOR), show_id)
    finally:
        db.close()


# ---------------------------------------------------------------- refusals and layering


def test_refuses_an_existing_path(tmp_path):
    target = tmp_path / "show.sqlite"
    target.write_bytes(b"keep me")
    with pytest.raises(UserError):
        write_demo(target, "S")
    assert target.read_bytes() == b"keep me"


def test_refuses_an_unknown_size_or_missing_folder(tmp_path):
    with pytest.raises(UserError):
        write_demo(tmp_path / "a.sqlite", "XXL")
    with pytest.raises(UserError):
        write_demo(tmp_path / "missing" / "a.sqlite", "S")
    assert list(tmp_path.iterdir()) == []


def test_generator_keeps_to_its_layer():
    source = Path(demo.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"sqlite3", "sqlite_utils", "PySide6", "reportlab"}
    assert not re.search(r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE)\b\s", source)


def test_demo_exhibitors_are_searchable_and_triggers_are_back(tmp_path):
    """The bulk load sets triggers aside; search text must still be filled and kept up."""
    from expo_desk.domain.actors import local_actor
    from expo_desk.services import exhibitors as exhibitor_service
    from expo_desk.services.shows import require_show
    from expo_desk.store.db import open_database

    path = tmp_path / "s.sqlite"
    write_demo(path, "S", seed=3)
    db = open_database(path, create=False)
    try:
        show = require_show(db, "RZ2026")
        first = exhibitor_service.search_exhibitors(db, show["id"], limit=1)[0]
        contact = first["primary_contact"]
        found = exhibitor_service.search_exhibitors(db, show["id"], f"{contact} {first['company_name_en'].split()[0]}")
        assert first["id"] in [e["id"] for e in found]
        exhibitor_service.add_contact(db, local_actor(), first["id"], {"name": "欧阳新人"})
        assert [e["id"] for e in exhibitor_service.search_exhibitors(db, show["id"], "欧阳新人")] == [first["id"]]
    finally:
        db.close()
