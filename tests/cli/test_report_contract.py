"""``expo-desk report contract`` on a real file: the PDF, the exhibitor found by name,
ambiguous and unknown names, several contracts, and bad input that writes nothing."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from expo_desk.services import contracts as svc
from expo_desk.services import exhibitors
from expo_desk.services.contract_signing import sign_contract
from tests.helpers import run_cli


def contract_for(db, sales, numbers, exhibitor="steel", who="am1", sign=True) -> str:
    cid = svc.create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor],
                              [sales["booths"][n] for n in numbers], today="2026-06-01").inserted["contracts"][0]
    if sign:
        sign_contract(db, sales[who], cid, signed_on="2026-06-01")
    return cid


@pytest.fixture
def steel_contract(db, sales):
    return contract_for(db, sales, ("A-001",))


def text_of(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_all_documents_of_an_exhibitor_found_by_name(capsys, db_path, steel_contract, tmp_path):
    out = tmp_path / "steel.pdf"
    rc, stdout, stderr = run_cli(capsys, "report", "contract", "--db", db_path, "--show", "RZ2026",
                             "--exhibitor", "日照钢铁集团有限公司", "-o", out)
    assert (rc, stderr) == (0, "")
    assert "RZ2026-0001" in stdout and "¥10,780.00" in stdout
    pages = text_of(out)
    text = "\n".join(pages)
    for title in ("展位确认书", "Booth Confirmation", "合同摘要", "Contract Summary", "付款对账单", "Payment Statement"):
        assert title in text
    assert "¥10,780.00" in text and f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert not list(tmp_path.glob("*.part"))


def test_one_document_in_english_by_a_partial_english_name(capsys, db_path, steel_contract, tmp_path):
    out = tmp_path / "statement.pdf"
    rc, _, stderr = run_cli(capsys, "report", "contract", "--db", db_path, "--show", "rz2026", "--exhibitor",
                        "rizhao", "--kind", "statement", "--lang", "en", "-o", out)
    assert (rc, stderr) == (0, "")
    text = "\n".join(text_of(out))
    assert "Payment Statement" in text and "Booth Confirmation" not in text
    assert "付款对账单" not in text and "Balance due" in text


def test_an_unknown_exhibitor_is_bad_input_and_writes_nothing(capsys, db_path, steel_contract, tmp_path):
    out = tmp_path / "nobody.pdf"
    rc, stdout, stderr = run_cli(capsys, "report", "contract", "--db", db_path, "--show", "RZ2026",
                             "--exhibitor", "Nobody Ltd", "-o", out)
    assert rc == 2 and stdout == ""
    assert "exhibitor not found: Nobody Ltd" in stderr and "没有名为" in stderr
    assert not out.exists()


def test_an_ambiguous_name_lists_the_candidates(capsys, db, actor, db_path, sales, steel_contract, tmp_path):
    exhibitors.create_exhibitor(db, actor, sales["show"]["id"], {"company_name": "日照港集团", "company_name_en": "Rizhao Port"})
    out = tmp_path / "which.pdf"
    rc, _, stderr = run_cli(capsys, "report", "contract", "--db", db_path, "--show", "RZ2026", "--exhibitor", "日照",
                        "-o", out)
    assert rc == 2 and not out.exists()
    assert "2 exhibitors match '日照'" in stderr
    assert "日照钢铁集团有限公司 (Rizhao Steel)" in stderr and "日照港集团 (Rizhao Port)" in stderr


def test_an_exact_name_wins_over_names_that_contain_it(capsys, db, actor, db_path, sales, steel_contract, tmp_path):
    exhibitors.create_exhibitor(db, actor, sales["show"]["id"], {"company_name": "日照钢铁"})
    rc, _, stderr = run_cli(capsys, "report", "contract", "--db", db_path, "--show", "RZ2026", "--exhibitor", "日照钢铁",
                        "-o", tmp_path / "x.pdf")
    assert rc == 2 and "日照钢铁 has no contract yet" in stderr  # the exact one, not the group


def test_several_contracts_need_the_number(capsys, db, db_path, sales, steel_contract, tmp_path):
    contract_for(db, sales, ("A-002",), sign=False)
    out = tmp_path / "second.pdf"
    args = ["report", "contract", "--db", db_path, "--show", "RZ2026", "--exhibitor", "Rizhao Steel", "-o", out]
    rc, _, stderr = run_cli(capsys, *args)
    assert rc == 2 and "choose one with --contract" in stderr and "RZ2026-0001" in stderr and "RZ2026-0002" in stderr
    rc, stdout, _ = run_cli(capsys, *args, "--contract", "rz2026-0002", "--kind", "confirmation")
    assert rc == 0 and "RZ2026-0002" in stdout
    text = "\n".join(text_of(out))
    assert "A-002" in text and "DRAFT" in text
    rc, _, stderr = run_cli(capsys, *args, "--contract", "RZ2026-0099")
    assert rc == 2 and "has no contract RZ2026-0099" in stderr


@pytest.mark.parametrize(("change", "message"), [
    ({"--show": "NOPE"}, "no show with code NOPE"),
    ({"-o": "{tmp}/out.txt"}, "must end in .pdf"),
    ({"-o": "{tmp}/missing/out.pdf"}, "folder not found"),
    ({"--db": "{tmp}/none.sqlite"}, "file not found"),
    ({"--kind": "invoice"}, "invalid choice"),
])
def test_bad_input_exits_2(capsys, db_path, steel_contract, tmp_path, change, message):
    options = {"--db": str(db_path), "--show": "RZ2026", "--exhibitor": "Rizhao Steel", "-o": "{tmp}/out.pdf"}
    options.update(change)
    argv = ["report", "contract"]
    for key, value in options.items():
        argv += [key, value.format(tmp=tmp_path)]
    rc, _, stderr = run_cli(capsys, *argv)
    assert rc == 2 and message in stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_a_written_report_can_be_read_by_others_on_the_pc(capsys, db_path, steel_contract, tmp_path):
    import os
    import stat

    target = tmp_path / "c.pdf"
    mask = os.umask(0o022)
    try:
        rc, _stdout, _stderr = run_cli(capsys, "report", "contract", "--db", db_path, "--show", "RZ2026",
                                   "--exhibitor", "日照钢铁集团有限公司", "-o", target)
    finally:
        os.umask(mask)
    assert rc == 0 and stat.S_IMODE(target.stat().st_mode) == 0o644  # not owner-only 0600
