"""Creating shows: codes, names, dates, duplicates; and new show files."""

from __future__ import annotations

from pathlib import Path

import pytest

from expo_desk.errors import UserError, ValidationError
from expo_desk.services.shows import create_show, new_show_file, require_show
from expo_desk.store import records


def test_create_show_stores_and_audits(db, actor):
    show = create_show(db, actor, " RZ2026 ", " 2026日照国际博览会 ", name_en="Rizhao Expo", venue="日照国际会展中心",
                       city="日照", start_date="2026-09-18", end_date="2026-09-20")
    assert (show["code"], show["name"], show["currency"]) == ("RZ2026", "2026日照国际博览会", "CNY")
    assert (show["start_date"], show["end_date"]) == ("2026-09-18", "2026-09-20")
    [entry] = records.audit_entries(db, "shows", show["id"])
    assert entry["action"] == "insert" and entry["user_name"] == "tester"


def test_dates_are_optional_and_stored_as_iso(db, actor):
    assert create_show(db, actor, "A1", "无日期")["start_date"] is None
    show = create_show(db, actor, "A2", "紧凑日期", start_date="20260918", end_date=" 2026-09-20 ")
    assert (show["start_date"], show["end_date"]) == ("2026-09-18", "2026-09-20")


def test_every_problem_is_reported_at_once(db, actor):
    with pytest.raises(ValidationError) as caught:
        create_show(db, actor, "R", "  ", start_date="2026-13-01", end_date="next week")
    assert {p.field for p in caught.value.problems} == {"code", "name", "start_date", "end_date"}
    assert "date must be YYYY-MM-DD: '2026-13-01'" in str(caught.value)
    assert db.execute("SELECT count(*) FROM shows").fetchone()[0] == 0


@pytest.mark.parametrize("code", ["R", "RZ 2026", "日照2026", "-RZ", "A" * 33, "RZ/2026", ""])
def test_bad_codes(db, actor, code):
    with pytest.raises(ValidationError) as caught:
        create_show(db, actor, code, "展会")
    assert [p.field for p in caught.value.problems] == ["code"]


@pytest.mark.parametrize("code", ["RZ", "RZ2026", "rz-2026_spring", "A" * 32, "2026"])
def test_good_codes(db, actor, code):
    assert create_show(db, actor, code, "展会")["code"] == code


def test_end_before_start_is_refused(db, actor):
    with pytest.raises(ValidationError, match="end date is before the start date"):
        create_show(db, actor, "RZ2026", "展会", start_date="2026-09-20", end_date="2026-09-18")
    create_show(db, actor, "RZ2026", "一天的展会", start_date="2026-09-18", end_date="2026-09-18")


def test_duplicate_codes_are_refused_in_any_case(db, actor, show):
    for code in ("RZ2026", "rz2026"):
        with pytest.raises(UserError, match="already exists"):
            create_show(db, actor, code, "另一个")
    assert db.execute("SELECT count(*) FROM shows").fetchone()[0] == 1


def test_require_show(db, actor, show):
    assert require_show(db, "rz2026")["id"] == show["id"]
    create_show(db, actor, "QD2026", "青岛展")
    with pytest.raises(UserError, match=r"no show with code XX \(known: ") as caught:
        require_show(db, "XX")
    assert "QD2026" in str(caught.value) and "RZ2026" in str(caught.value)


def test_require_show_in_an_empty_file(db):
    with pytest.raises(UserError, match=r"known: -"):
        require_show(db, "RZ2026")


def test_new_show_file(tmp_path, actor):
    path = tmp_path / "rizhao.sqlite"
    db, show = new_show_file(path, actor, "RZ2026", "2026日照国际博览会", start_date="2026-09-18")
    try:
        assert require_show(db, "RZ2026")["id"] == show["id"]
    finally:
        db.close()
    with pytest.raises(UserError, match="already exists"):
        new_show_file(path, actor, "QD2026", "青岛展")


def test_new_show_file_leaves_nothing_on_bad_input(tmp_path, actor):
    path = tmp_path / "bad.sqlite"
    with pytest.raises(ValidationError):
        new_show_file(path, actor, "R", "")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(UserError, match="folder not found"):
        new_show_file(tmp_path / "nowhere" / "x.sqlite", actor, "RZ2026", "展会")
    assert not Path(tmp_path / "nowhere").exists()
