"""The command line as a script uses it: exit codes, stdout/stderr, and the files it leaves.

Commands run in-process through ``main([...])``; one test starts a real interpreter.
"""

from __future__ import annotations

import ast
import getpass
import hashlib
import io
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import expo_desk
from expo_desk import cli
from expo_desk.cli import main
from expo_desk.store import db as store_db
from expo_desk.store.db import open_database
from expo_desk.store.migrations import SCHEMA_VERSION
from tests import helpers
from tests.helpers import run_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HEADER = ["公司名称 company_name", "英文名称 company_name_en", "行业 sector", "联系人 contact_name",
          "电话 phone", "邮箱 email", "客户经理 account_manager", "期望值 expected_value"]


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def content(path: Path) -> list[str]:
    """Everything the file holds, as SQL (the journal mode, which opening switches, aside)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def write_csv(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    return helpers.write_csv(path, header, rows, encoding="utf-8-sig")


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def show_file(tmp_path, capsys) -> Path:
    path = tmp_path / "rizhao.sqlite"
    assert run_cli(capsys, "new", path, "--show", "RZ2026", "--name", "2026日照国际博览会")[0] == 0
    return path


def single_file(path: Path) -> Path:
    """Fold the -wal into the file so byte-for-byte comparisons mean something."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    assert not Path(f"{path}-wal").exists()
    return path


# ---------------------------------------------------------------- version, help, usage


def test_version(capsys):
    code, out, err = run_cli(capsys, "--version")
    assert (code, out, err) == (0, f"expo-desk {expo_desk.__version__}\n", "")


def test_version_from_a_real_interpreter(tmp_path):
    done = subprocess.run([sys.executable, "-m", "expo_desk", "--version"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"expo-desk {expo_desk.__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["import", "exhibitors", "--help"], ["export", "exhibitors", "-h"],
                                  ["check", "--help"], ["backup", "-h"], ["new", "-h"], ["demo", "-h"]])
def test_help(capsys, argv):
    code, out, _ = run_cli(capsys, *argv)
    assert code == 0 and "usage: expo-desk" in out


def test_help_lists_every_command_and_the_exit_codes(capsys):
    _, out, _ = run_cli(capsys, "--help")
    for command in ("demo", "new", "check", "backup", "import", "export", "--data-dir", "--db", "--demo"):
        assert command in out
    assert "2 bad input" in out


@pytest.mark.parametrize("argv", [["frobnicate"], ["check"], ["import"], ["import", "booths", "x"],
                                  ["export", "exhibitors", "--db", "x"], ["demo", "x.sqlite", "--size", "XXL"],
                                  ["demo", "x.sqlite", "--size", "S", "--seed", "abc"]])
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == "" and "usage:" in err


def test_window_options_do_not_go_with_a_command(capsys, tmp_path):
    code, _, err = run_cli(capsys, "--demo", "check", tmp_path / "x.sqlite")
    assert code == 2 and "--demo" in err


def test_the_window_is_loaded_only_when_it_is_started():
    """Qt comes with expo_desk.app: the CLI may import it only inside a function."""
    tree = ast.parse(Path(cli.__file__).read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    names = {a.name for n in top_level for a in n.names} | {n.module for n in top_level
                                                             if isinstance(n, ast.ImportFrom)}
    assert not any(name and (name.startswith("PySide6") or name.startswith("expo_desk.app")) for name in names)
    lazy = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "expo_desk.app"]
    assert len(lazy) == 1


# ---------------------------------------------------------------- new


def test_new_creates_a_file_with_one_show(tmp_path, capsys):
    path = tmp_path / "rizhao.sqlite"
    code, out, err = run_cli(capsys, "new", path, "--show", "RZ2026", "--name", "2026日照国际博览会",
                         "--name-en", "Rizhao Expo 2026", "--start", "2026-09-18", "--end", "2026-09-20")
    assert (code, err) == (0, "")
    assert "RZ2026" in out and "2026日照国际博览会" in out
    db = open_database(path, create=False)
    try:
        [show] = db.execute("SELECT code, name, name_en, start_date, end_date FROM shows").fetchall()
        assert show == ("RZ2026", "2026日照国际博览会", "Rizhao Expo 2026", "2026-09-18", "2026-09-20")
        [who] = db.execute("SELECT user_name FROM audit_log WHERE table_name = 'shows'").fetchall()
        assert who[0] == getpass.getuser()
    finally:
        db.close()


def test_new_refuses_an_existing_file(show_file, capsys):
    before = count(show_file, "shows")
    code, out, err = run_cli(capsys, "new", show_file, "--show", "QD2026", "--name", "青岛展")
    assert code == 2 and out == "" and "already exists" in err
    assert count(show_file, "shows") == before


def test_new_reports_every_problem_and_leaves_no_file(tmp_path, capsys):
    path = tmp_path / "bad.sqlite"
    code, out, err = run_cli(capsys, "new", path, "--show", "R Z", "--name", " ", "--start", "2026-02-30")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 3
    assert {line.split(":")[0] for line in lines} == {"code", "name", "start_date"}
    assert list(tmp_path.iterdir()) == []


def test_new_in_a_missing_folder(tmp_path, capsys):
    code, _, err = run_cli(capsys, "new", tmp_path / "nowhere" / "x.sqlite", "--show", "RZ2026", "--name", "展")
    assert code == 2 and "folder not found" in err


# ---------------------------------------------------------------- check


def test_check_a_sound_file(show_file, capsys):
    single_file(show_file)
    before = digest(show_file)
    code, out, err = run_cli(capsys, "check", show_file)
    assert (code, err) == (0, "")
    assert "ok" in out and f"schema {SCHEMA_VERSION}" in out
    assert digest(show_file) == before


def test_check_never_migrates(tmp_path, capsys, monkeypatch):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema_v1.sqlite", path)
    before = digest(path)

    from sqlite_utils import Migrations

    from expo_desk.store.migrations import initial_schema

    later = Migrations("expo_desk")
    later(name="0001_initial_schema")(initial_schema)
    later(name="9999_next_release")(lambda db: db.execute("CREATE TABLE later (id TEXT)"))
    monkeypatch.setattr(store_db, "MIGRATIONS", later)

    code, out, err = run_cli(capsys, "check", path)
    assert (code, err) == (0, "")
    assert "9999_next_release" in out and "pending" in out
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_check_reports_broken_references(show_file, capsys):
    conn = sqlite3.connect(show_file)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO exhibitors (id, show_id, company_name, company_key, created_at, updated_at)"
                 " VALUES ('e1', 'missing-show', '孤儿公司', '孤儿公司', '2026', '2026')")
    conn.commit()
    conn.close()
    code, out, err = run_cli(capsys, "check", show_file)
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(f"{show_file}: exhibitors row ") and line.endswith("refers to a missing shows row")
    assert "1 problem" in out


def test_check_a_file_from_a_newer_version(show_file, capsys):
    conn = sqlite3.connect(show_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    code, _, err = run_cli(capsys, "check", show_file)
    assert code == 1 and "newer" in err


@pytest.mark.parametrize("content", [b"name,phone\n", bytes(range(256)) * 8, b""], ids=["text", "bytes", "empty"])
def test_check_what_is_not_a_database(tmp_path, capsys, content):
    path = tmp_path / "thing.sqlite"
    path.write_bytes(content)
    code, out, err = run_cli(capsys, "check", path)
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert path.read_bytes() == content


def test_check_another_programs_database(tmp_path, capsys):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.close()
    code, _, err = run_cli(capsys, "check", path)
    assert code == 2 and "another program" in err


def test_check_a_missing_file(tmp_path, capsys):
    code, _, err = run_cli(capsys, "check", tmp_path / "missing.sqlite")
    assert code == 2 and "not found" in err
    assert not (tmp_path / "missing.sqlite").exists()


# ---------------------------------------------------------------- backup


def test_backup_into_a_folder_holds_data_still_in_the_wal(show_file, tmp_path, capsys, actor):
    from expo_desk.services.shows import create_show

    live = open_database(show_file, create=False)
    try:
        create_show(live, actor, "WAL2026", "还在日志里")
        assert Path(f"{show_file}-wal").stat().st_size > 0
        folder = tmp_path / "copies"
        folder.mkdir()
        code, out, err = run_cli(capsys, "backup", show_file, folder)
    finally:
        live.close()
    assert (code, err) == (0, "")
    [copy] = list(folder.iterdir())
    assert copy.name.startswith("rizhao-") and copy.suffix == ".sqlite"
    assert str(copy) in out
    assert count(copy, "shows") == 2


def test_backup_to_a_new_folder_named_with_a_slash(show_file, tmp_path, capsys):
    code, _, _ = run_cli(capsys, "backup", show_file, f"{tmp_path / 'new-folder'}/")
    assert code == 0 and len(list((tmp_path / "new-folder").iterdir())) == 1


def test_backup_to_a_file_and_never_over_one(show_file, tmp_path, capsys):
    single_file(show_file)
    before = digest(show_file)
    dest = tmp_path / "copy.sqlite"
    assert run_cli(capsys, "backup", show_file, dest)[0] == 0
    assert count(dest, "shows") == 1
    copy_digest = digest(dest)
    code, _, err = run_cli(capsys, "backup", show_file, dest)
    assert code == 2 and "already exists" in err
    assert digest(dest) == copy_digest
    code, _, err = run_cli(capsys, "backup", show_file, show_file)
    assert code == 2
    assert digest(show_file) == before


def test_backup_problems(show_file, tmp_path, capsys):
    code, _, err = run_cli(capsys, "backup", show_file, tmp_path / "nowhere" / "copy.sqlite")
    assert code == 2 and "folder not found" in err
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    code, _, err = run_cli(capsys, "backup", text, tmp_path / "copy.sqlite")
    assert code == 2 and "not an Expo Desk" in err
    assert not (tmp_path / "copy.sqlite").exists()


# ---------------------------------------------------------------- import


ROWS = [
    ["日照钢铁控股集团有限公司", "Rizhao Steel", "钢铁", "王强", "0633-8888888", "info@rizhao.example", "李娜", "100,000"],
    ["山东海洋渔业有限公司", "Shandong Fishery", "渔业", "陈静", "", "chen@fishery.example", "李娜", "1.5万"],
    ["Rizhao Auto Parts Co.", "", "汽车", "", "", "", "", ""],
]


def test_import_dry_run_writes_nothing(show_file, tmp_path, capsys):
    src = write_csv(tmp_path / "exhibitors.csv", ROWS)
    before = content(show_file)
    code, out, err = run_cli(capsys, "import", "exhibitors", src, "--db", show_file, "--show", "RZ2026", "--dry-run")
    assert (code, err) == (0, "")
    assert "would create 3 exhibitor(s)" in out and "dry run" in out and "李娜" in out
    assert content(show_file) == before


def test_import_creates_everything_as_the_os_user(show_file, tmp_path, capsys):
    src = write_csv(tmp_path / "exhibitors.csv", ROWS)
    code, out, err = run_cli(capsys, "import", "exhibitors", src, "--db", show_file, "--show", "rz2026")
    assert (code, err) == (0, "")  # no progress bar: stderr is not a terminal
    assert "created 3 exhibitor(s)" in out and "added 1 account manager(s)" in out
    assert count(show_file, "exhibitors") == 3 and count(show_file, "contacts") == 2
    conn = sqlite3.connect(show_file)
    try:
        users = {r[0] for r in conn.execute("SELECT DISTINCT user_name FROM audit_log WHERE table_name = 'exhibitors'")}
        assert users == {getpass.getuser()}
        value = conn.execute("SELECT expected_value_fen FROM exhibitors WHERE company_name LIKE '山东%'").fetchone()[0]
        assert value == 1_500_000
    finally:
        conn.close()

    # The same file again: every company is already there, nothing is doubled.
    code, out, _ = run_cli(capsys, "import", "exhibitors", src, "--db", show_file, "--show", "RZ2026")
    assert code == 0 and "created 0" in out and "skipped 3 duplicate(s)" in out
    assert count(show_file, "exhibitors") == 3


def test_import_problems_one_line_each_and_nothing_changed(show_file, tmp_path, capsys):
    src = write_csv(tmp_path / "bad.csv", [
        ROWS[0],
        ["", "No Name Ltd", "", "", "", "", "", ""],
        ["青岛汽车配件厂", "", "", "", "call me", "", "", "1.234"],
    ])
    before = content(show_file)
    code, out, err = run_cli(capsys, "import", "exhibitors", src, "--db", show_file, "--show", "RZ2026")
    assert code == 2 and "problem(s); nothing was imported" in out
    problems = err.splitlines()
    assert len(problems) >= 3 and all(line.startswith(f"{src}:") for line in problems)
    rows = {line[len(str(src)) + 1:].split(":")[0] for line in problems}
    assert rows == {"3", "4"}  # header is row 1
    assert any(":3:公司名称 company_name:" in line for line in problems)
    assert any(":4:电话 phone:" in line for line in problems)
    assert any(":4:期望值 expected_value:" in line for line in problems)
    assert content(show_file) == before


def test_import_never_creates_the_database(tmp_path, capsys):
    src = write_csv(tmp_path / "exhibitors.csv", ROWS)
    missing = tmp_path / "missing.sqlite"
    code, _, err = run_cli(capsys, "import", "exhibitors", src, "--db", missing, "--show", "RZ2026")
    assert code == 2 and "not found" in err
    assert not missing.exists()


def test_import_bad_show_or_source(show_file, tmp_path, capsys):
    src = write_csv(tmp_path / "exhibitors.csv", ROWS)
    code, _, err = run_cli(capsys, "import", "exhibitors", src, "--db", show_file, "--show", "XX")
    assert code == 2 and "no show with code XX" in err and "RZ2026" in err
    code, _, err = run_cli(capsys, "import", "exhibitors", tmp_path / "nope.csv", "--db", show_file, "--show", "RZ2026")
    assert code == 2 and "not found" in err
    assert count(show_file, "exhibitors") == 0


def test_import_into_a_file_from_a_newer_version(show_file, tmp_path, capsys):
    conn = sqlite3.connect(show_file)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(show_file)
    src = write_csv(tmp_path / "exhibitors.csv", ROWS)
    code, _, err = run_cli(capsys, "import", "exhibitors", src, "--db", show_file, "--show", "RZ2026")
    assert code == 2 and "newer" in err
    assert digest(show_file) == before


def test_import_backs_up_beside_the_file_before_migrating(tmp_path, capsys, monkeypatch):
    from sqlite_utils import Migrations

    from expo_desk.store.migrations import initial_schema

    path = tmp_path / "office" / "old.sqlite"
    path.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_v1.sqlite", path)
    later = Migrations("expo_desk")
    later(name="0001_initial_schema")(initial_schema)
    later(name="9999_next_release")(lambda db: db.execute("CREATE TABLE later (id TEXT)"))
    monkeypatch.setattr(store_db, "MIGRATIONS", later)

    src = write_csv(tmp_path / "exhibitors.csv", [["新公司", "", "", "", "", "", "", ""]])
    code, out, err = run_cli(capsys, "import", "exhibitors", src, "--db", path, "--show", "RZ2026")
    assert (code, err) == (0, "")
    written = sorted((path.parent / "backups").iterdir())
    [backup] = [b for b in written if "before-migration" in b.name]
    assert backup.name.startswith("old-")
    assert count(backup, "exhibitors") == 3 and count(path, "exhibitors") == 4
    assert any("before-import" in b.name for b in written)  # and one before the import itself


# ---------------------------------------------------------------- export


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_round_trips(show_file, tmp_path, capsys, suffix):
    src = write_csv(tmp_path / "exhibitors.csv", ROWS)
    assert run_cli(capsys, "import", "exhibitors", src, "--db", show_file, "--show", "RZ2026")[0] == 0
    out_file = tmp_path / f"export{suffix}"
    code, out, err = run_cli(capsys, "export", "exhibitors", "--db", show_file, "--show", "RZ2026", "-o", out_file)
    assert (code, err) == (0, "")
    assert "exported 3 exhibitor(s)" in out and out_file.is_file()

    other = tmp_path / "other.sqlite"
    assert run_cli(capsys, "new", other, "--show", "QD2026", "--name", "青岛展")[0] == 0
    code, out, err = run_cli(capsys, "import", "exhibitors", out_file, "--db", other, "--show", "QD2026")
    assert (code, err) == (0, "") and "created 3" in out
    conn = sqlite3.connect(other)
    try:
        values = dict(conn.execute("SELECT company_name, expected_value_fen FROM exhibitors").fetchall())
    finally:
        conn.close()
    assert values == {"日照钢铁控股集团有限公司": 10_000_000, "山东海洋渔业有限公司": 1_500_000,
                      "Rizhao Auto Parts Co.": None}


def test_export_leaves_the_database_alone(show_file, tmp_path, capsys):
    single_file(show_file)
    before = digest(show_file)
    code, out, _ = run_cli(capsys, "export", "exhibitors", "--db", show_file, "--show", "RZ2026",
                       "-o", tmp_path / "empty.csv")
    assert code == 0 and "exported 0" in out
    assert digest(show_file) == before


def test_export_problems(show_file, tmp_path, capsys):
    code, _, err = run_cli(capsys, "export", "exhibitors", "--db", show_file, "--show", "RZ2026", "-o", tmp_path / "x.pdf")
    assert code == 2 and ".xlsx or .csv" in err
    code, _, err = run_cli(capsys, "export", "exhibitors", "--db", show_file, "--show", "XX", "-o", tmp_path / "x.csv")
    assert code == 2 and "no show with code XX" in err
    code, _, err = run_cli(capsys, "export", "exhibitors", "--db", tmp_path / "missing.sqlite", "--show", "RZ2026",
                       "-o", tmp_path / "x.csv")
    assert code == 2 and "not found" in err
    code, _, err = run_cli(capsys, "export", "exhibitors", "--db", show_file, "--show", "RZ2026",
                       "-o", tmp_path / "nowhere" / "x.csv")
    assert code == 2 and "folder not found" in err
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "missing.sqlite").exists()


# ---------------------------------------------------------------- demo


def test_demo_writes_a_small_show_and_reports_counts(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    code, out, err = run_cli(capsys, "demo", path, "--size", "s", "--seed", "7")
    assert (code, err) == (0, "")
    assert "size S" in out and "seed 7" in out
    assert count(path, "exhibitors") >= 300 and count(path, "booths") >= 500
    assert "300" in out and "500" in out
    assert run_cli(capsys, "check", path)[0] == 0


def test_demo_is_the_same_for_the_same_seed(tmp_path, capsys):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert run_cli(capsys, "demo", first, "--size", "S")[0] == 0
    assert run_cli(capsys, "demo", second, "--size", "S")[0] == 0
    def data(path):  # when the schema was applied differs, nothing else
        return [line for line in content(path) if "_sqlite_migrations" not in line]

    assert data(first) == data(second)


def test_demo_refuses_an_existing_file(show_file, capsys):
    before = count(show_file, "shows")
    code, _, err = run_cli(capsys, "demo", show_file, "--size", "S")
    assert code == 2 and "already exists" in err
    assert count(show_file, "shows") == before


# ---------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = cli._Progress("import")
    for done in (0, 50, 50, 100):
        bar(done, 100)
    bar.close()
    text = terminal.getvalue()
    assert text.count("\r") == 3 and "100%" in text and text.endswith("\n")

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = cli._Progress("demo S")
    for step, done, total in (("booths", 0, 500), ("booths", 500, 500), ("tasks", 0, 0)):
        bar(step, done, total)  # the demo writer names its step
    bar.close()
    text = terminal.getvalue()
    assert text.count("\r") == 3 and "demo S booths" in text and "demo S tasks" in text

    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    bar = cli._Progress("import")
    bar(1, 2)
    bar.close()
    assert pipe.getvalue() == ""


def test_the_cli_actor_falls_back_when_there_is_no_user_name(monkeypatch):
    def no_user():
        raise OSError("no user")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert cli._actor().name == "cli"


def test_audit_rows_name_the_os_user(show_file):
    conn = sqlite3.connect(show_file)
    try:
        names = {r[0] for r in conn.execute("SELECT user_name FROM audit_log")}
    finally:
        conn.close()
    assert names == {getpass.getuser()}


# ---------------------------------------------------------------- sign-in on the command line


def test_import_into_a_file_that_requires_sign_in_needs_the_right_person(tmp_path, capsys, monkeypatch):
    from tests.helpers import guarded_show_file

    path = guarded_show_file(tmp_path / "guarded.sqlite")
    source = tmp_path / "rows.csv"
    source.write_text("公司名称\n日照港集团有限公司\n", encoding="utf-8")
    base = ["import", "exhibitors", str(source), "--db", str(path), "--show", "RZ2026"]
    capsys.readouterr()

    assert main(base) == 2
    assert "name the user with --user" in capsys.readouterr().err
    monkeypatch.setenv("EXPO_DESK_PASSWORD", "wrong")
    assert main([*base, "--user", "admin"]) == 2
    assert "wrong user name or password" in capsys.readouterr().err
    monkeypatch.setenv("EXPO_DESK_PASSWORD", "build-it-123")
    assert main([*base, "--user", "zhang"]) == 2
    assert "may not import exhibitors" in capsys.readouterr().err
    monkeypatch.setenv("EXPO_DESK_PASSWORD", "admin-pass-1")
    assert main([*base, "--user", "admin"]) == 0
    assert "created 1 exhibitor(s)" in capsys.readouterr().out


def test_a_file_on_a_network_share_is_opened_with_a_warning_on_stderr(tmp_path, capsys, monkeypatch):
    from expo_desk.store import db as store_db

    path = tmp_path / "share.sqlite"
    assert main(["new", str(path), "--show", "RZ2026", "--name", "2026日照国际博览会"]) == 0
    source = tmp_path / "rows.csv"
    source.write_text("公司名称\n日照港集团有限公司\n", encoding="utf-8")
    monkeypatch.setattr(store_db, "is_network_path", lambda _path: True)
    capsys.readouterr()
    assert main(["import", "exhibitors", str(source), "--db", str(path), "--show", "RZ2026"]) == 0
    assert "network share" in capsys.readouterr().err
