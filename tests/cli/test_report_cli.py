"""``expo-desk report plan`` on a demo file: the PDF, its options, bad input, and a file only read."""

from __future__ import annotations

import hashlib

import pytest
from pypdf import PdfReader

from tests.helpers import run_cli


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from expo_desk.services.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path, "S", seed=7)
    return path


@pytest.fixture(scope="module")
def demo_booth(demo_db):
    from expo_desk.services import booths as booth_service
    from expo_desk.store.db import open_read_only
    from expo_desk.store.shows import list_shows

    db = open_read_only(demo_db)
    try:
        show = list_shows(db)[0]
        halls = booth_service.list_halls(db, show["id"])
        sold = next(b for b in booth_service.hall_booths(db, halls[1]["id"]) if b["exhibitor"])
        return show["code"], [h["code"] for h in halls], sold
    finally:
        db.close()


def digest(path) -> str:
    return "".join(hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.glob(path.name + "*")))


def test_the_plan_of_every_hall(capsys, demo_db, demo_booth, tmp_path):
    code, halls, _ = demo_booth
    out = tmp_path / "plan.pdf"
    rc, stdout, stderr = run_cli(capsys, "report", "plan", "--db", demo_db, "--show", code, "-o", out)
    assert (rc, stderr) == (0, "")
    assert f"{len(halls)} hall(s)" in stdout
    reader = PdfReader(out)
    assert len(reader.pages) == len(halls)
    texts = [p.extract_text() for p in reader.pages]
    for i, hall in enumerate(halls):
        assert f"Hall {hall}" in texts[i] and f"Page {i + 1} of {len(halls)}" in texts[i]
        assert f"{hall}-001" in texts[i]
    assert not list(tmp_path.glob("*.part"))


def test_one_hall_a_highlighted_booth_in_english(capsys, demo_db, demo_booth, tmp_path):
    code, halls, booth = demo_booth
    out = tmp_path / "one.pdf"
    rc, stdout, _ = run_cli(capsys, "report", "plan", "--db", demo_db, "--show", code, "--hall", halls[1].lower(),
                        "--highlight", booth["number"], "--lang", "en", "-o", out)
    assert rc == 0 and f"booth {booth['number']} marked" in stdout
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert f"Marked booth: {booth['number']}" in text
    assert "Page 1 of 1" in text and "第 1 页" not in text


@pytest.mark.parametrize(("extra", "message"), [
    (["--show", "NOPE"], "no show with code NOPE"),
    (["--show", "{show}", "--hall", "Z9"], "has no hall Z9"),
    (["--show", "{show}", "--highlight", "Q-999"], "has no booth Q-999"),
    (["--show", "{show}", "--hall", "{hall0}", "--highlight", "{booth}"], "is in hall"),
])
def test_bad_input_exits_2_with_a_bilingual_message_and_writes_nothing(capsys, demo_db, demo_booth, tmp_path,
                                                                        extra, message):
    code, halls, booth = demo_booth
    out = tmp_path / "bad.pdf"
    args = [a.format(show=code, hall0=halls[0], booth=booth["number"]) for a in extra]
    rc, stdout, stderr = run_cli(capsys, "report", "plan", "--db", demo_db, *args, "-o", out)
    assert rc == 2 and stdout == ""
    assert message in stderr and " / " in stderr
    assert not out.exists() and not list(tmp_path.iterdir())


def test_a_missing_file_a_missing_folder_and_a_non_pdf_name(capsys, demo_db, tmp_path):
    rc, _, err = run_cli(capsys, "report", "plan", "--db", tmp_path / "none.sqlite", "--show", "X", "-o", tmp_path / "a.pdf")
    assert rc == 2 and "file not found" in err
    rc, _, err = run_cli(capsys, "report", "plan", "--db", demo_db, "--show", "X", "-o", tmp_path / "no" / "a.pdf")
    assert rc == 2 and "folder not found" in err
    rc, _, err = run_cli(capsys, "report", "plan", "--db", demo_db, "--show", "X", "-o", tmp_path / "a.txt")
    assert rc == 2 and ".pdf" in err
    rc, _, _ = run_cli(capsys, "report", "plan", "--db", demo_db, "--show", "X", "--lang", "fr", "-o", tmp_path / "a.pdf")
    assert rc == 2


def test_the_file_is_only_read(capsys, demo_db, demo_booth, tmp_path):
    code, _, booth = demo_booth
    run_cli(capsys, "report", "plan", "--db", demo_db, "--show", code, "-o", tmp_path / "warm.pdf")  # any upgrade first
    before = digest(demo_db)
    rc, _, _ = run_cli(capsys, "report", "plan", "--db", demo_db, "--show", code, "--highlight", booth["number"],
                   "-o", tmp_path / "again.pdf")
    assert rc == 0 and digest(demo_db) == before
