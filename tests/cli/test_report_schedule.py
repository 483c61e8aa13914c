"""``expo-desk report schedule`` on a real file: the PDF and its languages, the as-of date, and
bad input that writes nothing."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from expo_desk.services import contracts
from expo_desk.services.contract_signing import sign_contract
from tests.helpers import run_cli


def text_of(path) -> str:
    pages = [page.extract_text() for page in PdfReader(path).pages]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1] or "Page" not in pages[0]
    return "\n".join(pages)


@pytest.fixture
def signed(db, sales):
    """R-001 signed on 2026-06-01: its raw-space template put its tasks on the schedule."""
    cid = contracts.create_contract(db, sales["am2"], sales["show"]["id"], sales["fish"], [sales["booths"]["R-001"]],
                                    today="2026-06-01").inserted["contracts"][0]
    sign_contract(db, sales["am2"], cid, "2026-06-01")
    return sales


def test_writes_the_report_as_of_a_day(capsys, db_path, signed, tmp_path):
    out = tmp_path / "progress.pdf"
    rc, stdout, stderr = run_cli(capsys, "report", "schedule", "--db", db_path, "--show", "RZ2026",
                             "--today", "2026-06-20", "-o", out)
    assert (rc, stderr) == (0, "")
    assert "RZ2026" in stdout and "2026-06-20" in stdout and "late task" in stdout
    text = text_of(out)
    assert "项目进度报告" in text and "Schedule progress report" in text and "截至" in text and "2026-06-20" in text
    assert "设计需求" in text and "R-001" in text  # the brief, due 06-08, is late
    assert "退还施工押金" in text  # the last step of the critical path
    assert not list(tmp_path.glob("*.part"))


def test_one_language(capsys, db_path, signed, tmp_path):
    out = tmp_path / "en.pdf"
    rc, _, stderr = run_cli(capsys, "report", "schedule", "--db", db_path, "--show", "rz2026", "--lang", "en",
                        "--today", "2026-06-20", "-o", out)
    assert (rc, stderr) == (0, "")
    text = text_of(out)
    assert "Critical path" in text and "design brief" in text
    assert "关键路径" not in text and "设计需求" not in text


@pytest.mark.parametrize(("args", "message"), [
    (("--show", "XX2030"), "no show with code XX2030 (known: RZ2026)"),
    (("--show", "RZ2026", "--today", "2026-02-30"), "the date must be YYYY-MM-DD"),
])
def test_bad_input_exits_2_and_writes_nothing(capsys, db_path, signed, tmp_path, args, message):
    out = tmp_path / "progress.pdf"
    rc, stdout, stderr = run_cli(capsys, "report", "schedule", "--db", db_path, *args, "-o", out)
    assert rc == 2 and message in stderr and stdout == ""
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_a_missing_file_or_a_wrong_output_exits_2(capsys, db_path, signed, tmp_path):
    rc, _, stderr = run_cli(capsys, "report", "schedule", "--db", tmp_path / "none.sqlite", "--show", "RZ2026",
                        "-o", tmp_path / "p.pdf")
    assert rc == 2 and "file not found" in stderr
    rc, _, stderr = run_cli(capsys, "report", "schedule", "--db", db_path, "--show", "RZ2026", "-o", tmp_path / "p.txt")
    assert rc == 2 and "must end in .pdf" in stderr
    assert not list(tmp_path.glob("p.*"))
