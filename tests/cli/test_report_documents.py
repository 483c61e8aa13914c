"""``expo-desk report pack|post-show|summary`` on a real file: every exhibitor holding a booth,
one found by name, the merged file, exit codes 0 / 1 / 2, and the progress bar on a terminal only."""

from __future__ import annotations

import sys

import pytest
from pypdf import PdfReader

from expo_desk.services import contracts as contract_service
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.contract_signing import sign_contract
from tests.helpers import run_cli


def contract(db, who, show_id, exhibitor_id, booth_ids, sign=True) -> str:
    cid = contract_service.create_contract(db, who, show_id, exhibitor_id, booth_ids,
                                           today="2026-06-01").inserted["contracts"][0]
    if sign:
        sign_contract(db, who, cid, signed_on="2026-06-01")
    return cid


@pytest.fixture
def booked(db, actor, sales):
    """Steel signed on A-001 and R-001; fish signed on A-002; no other contract."""
    show_id = sales["show"]["id"]
    contract(db, sales["am1"], show_id, sales["steel"], [sales["booths"]["A-001"], sales["booths"]["R-001"]])
    contract(db, sales["am2"], show_id, sales["fish"], [sales["booths"]["A-002"]])
    return sales


def pages(path) -> int:
    return len(PdfReader(path).pages)


def report(db_path, *more):
    return ("report", *more[:1], "--db", db_path, "--show", "RZ2026", *more[1:])


def test_all_packs_one_file_each_and_merged(capsys, db_path, booked, tmp_path):
    out, merged = tmp_path / "packs", tmp_path / "all.pdf"
    rc, stdout, stderr = run_cli(capsys, *report(db_path, "pack", "--all", "--merged", merged, "-o", out))
    assert (rc, stderr) == (0, "")  # no progress bar: stderr is not a terminal here
    names = sorted(p.name for p in out.iterdir())
    assert names == ["A-001 日照钢铁集团有限公司-pack.pdf", "A-002 黄海渔业有限公司-pack.pdf"]
    assert f"{out}: 2 pack PDF(s) of RZ2026 written" in stdout and f"{merged}: all 2 in one file" in stdout
    assert pages(merged) == sum(pages(out / n) for n in names)


def test_one_exhibitor_by_a_part_of_its_name_into_a_file(capsys, db_path, booked, tmp_path):
    out = tmp_path / "steel.pdf"
    rc, stdout, stderr = run_cli(capsys, *report(db_path, "pack", "--exhibitor", "rizhao steel", "--lang", "en", "-o", out))
    assert (rc, stderr) == (0, "")
    assert stdout.startswith(f"{out}: 1 pack PDF(s)")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["steel.pdf"] and pages(out) >= 1


def test_exhibitors_that_fail_are_listed_and_exit_1(capsys, db, actor, db_path, booked, tmp_path):
    port = exhibitor_service.create_exhibitor(db, actor, booked["show"]["id"],
                                              {"company_name": "日照港集团"}).inserted["exhibitors"][0]
    contract(db, actor, booked["show"]["id"], port, [booked["booths"]["A-003"]], sign=False)  # holds A-003, unsigned
    out = tmp_path / "packs"
    rc, stdout, stderr = run_cli(capsys, *report(db_path, "pack", "--all", "--workers", 2, "-o", out))
    assert rc == 1
    assert "A-003 日照港集团: " in stderr and "not signed yet" in stderr
    assert "2 pack PDF(s) of RZ2026 written" in stdout and "1 failed" in stdout
    assert len(list(out.iterdir())) == 2


def test_one_exhibitor_without_a_contract_exits_1(capsys, db, actor, db_path, sales, tmp_path):
    rc, stdout, stderr = run_cli(capsys, *report(db_path, "pack", "--exhibitor", "黄海", "-o", tmp_path / "fish.pdf"))
    assert rc == 1 and "there is no contract" in stderr
    assert not (tmp_path / "fish.pdf").exists()


def test_an_ambiguous_name_lists_the_candidates_and_exits_2(capsys, db, actor, db_path, booked, tmp_path):
    exhibitor_service.create_exhibitor(db, actor, booked["show"]["id"], {"company_name": "日照港集团",
                                                                         "company_name_en": "Rizhao Port"})
    rc, stdout, stderr = run_cli(capsys, *report(db_path, "post-show", "--exhibitor", "日照", "-o", tmp_path / "out"))
    assert rc == 2 and stdout == ""
    assert "2 exhibitors match '日照'" in stderr and "日照港集团 (Rizhao Port)" in stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("argv", "message"), [
    (("pack", "--all", "--show", "NOPE"), "NOPE"),
    (("pack", "--all", "-o", "{tmp}/all.pdf"), "with --all, -o is a folder"),
    (("pack", "--all", "--merged", "{tmp}/missing/all.pdf"), "folder not found"),
    (("pack", "--exhibitor", "Nobody Ltd"), "exhibitor not found: Nobody Ltd"),
    (("pack", "--all", "--exhibitor", "黄海"), "not allowed with argument"),
    (("pack",), "one of the arguments --exhibitor --all is required"),
])
def test_bad_input_exits_2_and_writes_nothing(capsys, db_path, booked, tmp_path, argv, message):
    argv = [a.format(tmp=tmp_path) for a in argv]
    base = ["report", argv[0], "--db", db_path, "--show", "RZ2026", *argv[1:]]
    if "-o" not in argv:
        base += ["-o", tmp_path / "out"]
    rc, stdout, stderr = run_cli(capsys, *base)
    assert rc == 2 and message in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_post_show_reports_and_the_summary(capsys, db_path, booked, tmp_path):
    rc, stdout, stderr = run_cli(capsys, *report(db_path, "post-show", "--all", "--workers", 1, "-o", tmp_path / "post"))
    assert (rc, stderr) == (0, "")
    assert sorted(p.name for p in (tmp_path / "post").iterdir()) == [
        "A-001 日照钢铁集团有限公司-post-show.pdf", "A-002 黄海渔业有限公司-post-show.pdf"]
    rc, stdout, stderr = run_cli(capsys, *report(db_path, "summary", "--lang", "zh", "-o", tmp_path))
    assert (rc, stderr) == (0, "")
    summary = tmp_path / "RZ2026-summary.pdf"
    assert stdout.startswith(f"{summary}: show summary of RZ2026") and pages(summary) >= 1


def test_a_progress_bar_on_a_terminal(capsys, db_path, booked, tmp_path, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    rc, _, stderr = run_cli(capsys, *report(db_path, "pack", "--all", "--workers", 1, "-o", tmp_path / "packs"))
    assert rc == 0
    assert "pack" in stderr and "[" + "#" * 30 + "] 100%" in stderr
