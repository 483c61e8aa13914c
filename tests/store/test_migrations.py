"""Upgrades from every released schema: the fixture of each opens, migrates and keeps its data."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from expo_desk.store.backup import integrity_problems
from expo_desk.store.db import APPLICATION_ID, open_database
from expo_desk.store.migrations import MIGRATIONS, SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
V1 = FIXTURES / "schema_v1.sqlite"
# The names of released migrations, in order: never rename, reorder or remove one.
RELEASED = ["0001_initial_schema"]


@pytest.fixture(scope="module", autouse=True)
def fixture_stays_untouched():
    before = hashlib.sha256(V1.read_bytes()).hexdigest()
    yield
    assert hashlib.sha256(V1.read_bytes()).hexdigest() == before, "a test changed tests/fixtures/schema_v1.sqlite"


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    path = tmp_path / "v1.sqlite"
    shutil.copyfile(V1, path)
    return path


def test_fixture_is_a_schema_1_file():
    conn = sqlite3.connect(f"{V1.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert names == ["0001_initial_schema"]
    finally:
        conn.close()
    assert not Path(f"{V1}-wal").exists()


def test_released_migrations_keep_their_names_and_order():
    import sqlite_utils

    names = [m.name for m in MIGRATIONS.pending(sqlite_utils.Database(memory=True))]  # all of them, in order
    assert names[: len(RELEASED)] == RELEASED
    assert SCHEMA_VERSION >= 1


def test_v1_opens_and_migrates_cleanly(v1_copy, tmp_path):
    db = open_database(v1_copy, create=False, backup_dir=tmp_path / "backups")
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert MIGRATIONS.pending(db) == []
        assert [m.name for m in MIGRATIONS.applied(db)][: len(RELEASED)] == RELEASED
        assert integrity_problems(db.conn) == []
    finally:
        db.close()
    # A backup is written only when something was pending.
    backups = tmp_path / "backups"
    written = list(backups.iterdir()) if backups.exists() else []
    assert len(written) == (0 if SCHEMA_VERSION == 1 else 1)


def test_v1_data_survives(v1_copy):
    from expo_desk.services.exhibitors import exhibitor_detail, search_exhibitors
    from expo_desk.services.shows import require_show

    db = open_database(v1_copy, create=False)
    try:
        show = require_show(db, "RZ2026")
        assert show["name"] == "2026日照国际博览会"
        assert (show["start_date"], show["end_date"]) == ("2026-09-18", "2026-09-20")

        found = search_exhibitors(db, show["id"])
        assert [e["company_name"] for e in found] == [
            "Rizhao Auto Parts Co.", "山东海洋渔业有限公司", "日照钢铁控股集团有限公司"]
        # 0002 filled the search text of rows written before it: contacts and managers find them
        assert [e["company_name"] for e in search_exhibitors(db, show["id"], "王强")] == ["日照钢铁控股集团有限公司"]
        assert [e["company_name"] for e in search_exhibitors(db, show["id"], "李娜 钢铁")] == ["日照钢铁控股集团有限公司"]
        steel = search_exhibitors(db, show["id"], "钢铁")[0]
        assert steel["account_manager"] == "李娜"
        assert steel["primary_contact"] == "王强"
        assert steel["expected_value_fen"] == 10_000_000
        assert steel["booths"] == "A1-001"

        detail = exhibitor_detail(db, steel["id"])
        [contract] = detail["contracts"]
        assert (contract["number"], contract["status"], contract["total_fen"]) == ("2026-0001", "part_paid", 1_880_000)
        assert contract["paid_fen"] == 940_000
        assert contract["booths"] == "A1-001"
        assert any(h["action"] == "insert" and h["table_name"] == "exhibitors" for h in detail["history"])

        counts = {t: db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
                  for t in ("contacts", "halls", "booths", "contract_lines", "payment_schedule", "payments")}
        assert counts == {"contacts": 3, "halls": 1, "booths": 2, "contract_lines": 2,
                          "payment_schedule": 1, "payments": 1}
        assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] >= 17
    finally:
        db.close()


def test_v1_still_enforces_its_rules_after_opening(v1_copy, actor):
    from expo_desk.store import records

    db = open_database(v1_copy, create=False)
    try:
        booth = db.execute("SELECT id FROM booths WHERE number = 'A1-001'").fetchone()[0]
        contract = db.execute("SELECT id FROM contracts").fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError):
            records.insert(db, actor, "contract_lines", {"contract_id": contract, "kind": "booth",
                                                         "booth_id": booth, "amount_fen": 1, "holds_booth": 1})
    finally:
        db.close()


def test_v3_keeps_its_people_sign_in_and_history(tmp_path):
    """The first released schema: accounts, passwords and the audit trail survive upgrades."""
    from expo_desk.services import users as user_service
    from expo_desk.services.exhibitors import exhibitor_detail, search_exhibitors
    from expo_desk.services.shows import require_show

    path = tmp_path / "v3.sqlite"
    shutil.copyfile(V1.with_name("schema_v3.sqlite"), path)
    db = open_database(path, create=False, backup_dir=tmp_path / "backups")
    try:
        assert user_service.sign_in_required(db)
        lina = user_service.authenticate(db, "lina", "sell-more-1")
        show = require_show(db, "RZ2026")
        [steel] = search_exhibitors(db, show["id"], "王强")
        assert steel["account_manager_id"] == lina.user_id
        history = exhibitor_detail(db, steel["id"])["history"]
        assert [(h["user_name"], h["action"]) for h in history if h["table_name"] == "exhibitors"] == [
            ("李娜", "update"), ("李娜", "insert")]
    finally:
        db.close()
