"""``expo-desk audit``: filters, order, local times, CSV, exit codes, and the file left as it was."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest

from expo_desk.cli import main
from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.shows import new_show_file
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.store import records
from tests.helpers import guarded_show_file, run_cli


@pytest.fixture(autouse=True)
def shanghai(shanghai_time):
    """Every command here reads and prints days in Shanghai time."""


@pytest.fixture
def show_file(data_dir, actor, monkeypatch):
    """Edits on three days (UTC): 2026-03-01 02:00, 2026-03-01 20:00 (03-02 in Shanghai), 2026-03-05."""
    path = data_dir / "rz2026.sqlite"
    clock = {"now": "2026-03-01T02:00:00+00:00"}
    monkeypatch.setattr(records, "utc_now", lambda: clock["now"])
    db, show = new_show_file(path, actor, "RZ2026", "2026日照国际博览会")
    manager, _ = find_or_add_account_manager(db, actor, "赵经理")
    changes = exhibitor_service.create_exhibitor(db, actor, show["id"], {"company_name": "日照钢铁集团"},
                                                 [{"name": "王伟", "phone": "13800000001"}])
    exhibitor = changes.inserted["exhibitors"][0]
    clock["now"] = "2026-03-01T20:00:00+00:00"
    exhibitor_service.update_exhibitor(db, actor, exhibitor, {"sector": "钢铁", "account_manager_id": manager["id"]})
    clock["now"] = "2026-03-05T09:00:00+00:00"
    zhao = Actor(manager["id"], "赵经理", Role.ACCOUNT_MANAGER)
    exhibitor_service.update_exhibitor(db, zhao, exhibitor, {"phone": "0633-8888888"})
    db.close()
    return path, exhibitor


def test_prints_every_entry_oldest_first_in_local_time(capsys, show_file):
    path, exhibitor = show_file
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = run_cli(capsys, "audit", "--db", path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 6  # show, user, exhibitor, contact, two updates
    assert lines[0].startswith("2026-03-01 10:00:00+08:00  tester  insert  shows:")
    assert lines[-1].startswith(f"2026-03-05 17:00:00+08:00  赵经理  update  exhibitors:{exhibitor}  日照钢铁集团  ")
    assert lines[-1].endswith("phone: — → 0633-8888888")
    assert "account_manager_id: — → 赵经理; sector: — → 钢铁" in lines[-2]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # only read


def test_newest_first_on_request(capsys, show_file):
    path, _ = show_file
    code, out, _ = run_cli(capsys, "audit", "--db", path, "--newest-first")
    assert code == 0
    assert "0633-8888888" in out.splitlines()[0]


@pytest.mark.parametrize("options, expected", [
    (["--table", "contacts"], 1),
    (["--table", "exhibitors"], 3),
    (["--table", "booths"], 0),
    (["--person", "赵经理"], 1),
    (["--person", "TESTER"], 5),
    (["--person", "nobody"], 0),
    (["--since", "2026-03-02"], 2),  # 20:00 UTC on 03-01 is 03-02 in Shanghai
    (["--until", "2026-03-01"], 4),  # the whole local day is included
    (["--since", "2026-03-02", "--until", "2026-03-02"], 1),
    (["--since", "2026-03-05 16:59"], 1),
    (["--since", "2026-03-05 17:01"], 0),
    (["--text", "钢铁"], 2),
    (["--table", "exhibitors", "--person", "tester", "--until", "2026-03-03"], 2),
])
def test_filters(capsys, show_file, options, expected):
    path, _ = show_file
    code, out, err = run_cli(capsys, "audit", "--db", path, *options)
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == expected


def test_one_record(capsys, show_file):
    path, exhibitor = show_file
    code, out, _ = run_cli(capsys, "audit", "--db", path, "--row", exhibitor)
    assert code == 0
    assert [line.split("  ")[2] for line in out.splitlines()] == ["insert", "update", "update"]


def test_csv_has_a_header_and_one_row_per_entry(capsys, show_file):
    path, exhibitor = show_file
    code, out, _ = run_cli(capsys, "audit", "--db", path, "--format", "csv", "--row", exhibitor)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["at_utc", "local_time", "user_id"]
    assert [(r[0], r[1], r[3], r[4]) for r in rows[1:]] == [
        ("2026-03-01T02:00:00+00:00", "2026-03-01 10:00:00+08:00", "tester", "insert"),
        ("2026-03-01T20:00:00+00:00", "2026-03-02 04:00:00+08:00", "tester", "update"),
        ("2026-03-05T09:00:00+00:00", "2026-03-05 17:00:00+08:00", "赵经理", "update"),
    ]


@pytest.mark.parametrize("options", [["--since", "2026-02-30"], ["--until", "next week"],
                                     ["--since", "2026-03-05", "--until", "2026-03-01"]])
def test_bad_dates_exit_2_with_a_clear_message(capsys, show_file, options):
    path, _ = show_file
    code, out, err = run_cli(capsys, "audit", "--db", path, *options)
    assert code == 2 and out == ""
    assert "/" in err and ("YYYY-MM-DD" in err or "after --until" in err)


def test_a_missing_file_exits_2_and_is_not_created(capsys, tmp_path):
    missing = tmp_path / "none.sqlite"
    code, out, err = run_cli(capsys, "audit", "--db", missing)
    assert code == 2 and out == ""
    assert "file not found" in err and "文件不存在" in err
    assert not missing.exists()


def test_a_file_that_is_not_expo_desk_exits_2(capsys, tmp_path):
    other = tmp_path / "notes.sqlite"
    other.write_text("not a database")
    code, _, err = run_cli(capsys, "audit", "--db", other)
    assert code == 2 and "not an Expo Desk" in err


def test_help_says_which_order(capsys):
    code, out, _ = run_cli(capsys, "audit", "--help")
    assert code == 0
    assert "oldest first" in out and "--newest-first" in out and "--format" in out


def test_the_command_is_listed(capsys):
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0 and "audit" in out


def test_a_file_that_requires_sign_in_shows_its_audit_only_to_managers(tmp_path, capsys, monkeypatch):

    path = guarded_show_file(tmp_path / "guarded.sqlite")
    capsys.readouterr()
    assert main(["audit", "--db", str(path)]) == 2
    assert "name the user with --user" in capsys.readouterr().err
    monkeypatch.setenv("EXPO_DESK_PASSWORD", "build-it-123")
    assert main(["audit", "--db", str(path), "--user", "zhang"]) == 2
    assert "may not view the audit trail" in capsys.readouterr().err
    monkeypatch.setenv("EXPO_DESK_PASSWORD", "admin-pass-1")
    assert main(["audit", "--db", str(path), "--user", "admin", "--person", "zhang"]) == 0
    assert capsys.readouterr().out.strip() == ""  # zhang changed nothing
    assert main(["audit", "--db", str(path), "--user", "admin", "--table", "users"]) == 0
    assert "张执行" in capsys.readouterr().out
