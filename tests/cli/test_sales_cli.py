"""``import payments``, ``export contracts|receivables`` and ``next-edition`` as a script runs them."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from expo_desk.services.tabular import write_table
from expo_desk.store.queries import scalar
from tests.helpers import run_cli, signed_contract

SIGNED = "2026-06-01"
ZH = ["合同号", "日期", "金额", "流水号"]


@pytest.fixture
def signed(db, sales):
    """RZ2026-0001 (steel, A-001, ¥10,780.00) and RZ2026-0002 (fish, A-002, ¥9,800.00), both signed."""
    for who, exhibitor, number in (("am1", "steel", "A-001"), ("am2", "fish", "A-002")):
        signed_contract(db, sales, [number], SIGNED, who, exhibitor)
    return sales


def test_import_payments_dry_run_then_for_real_then_again(db, db_path, signed, tmp_path, capsys):
    src = tmp_path / "statement.xlsx"
    write_table(src, ZH, [["RZ2026-0001", "2026-06-10", "3234.01", "BOC-1"], ["RZ2026-0002", "2026-06-11", 9800, "BOC-2"]])
    base = ["import", "payments", src, "--db", db_path, "--show", "RZ2026"]
    code, out, _ = run_cli(capsys, *base, "--dry-run")
    assert code == 0 and "would record 2 payment(s), ¥13,034.01 net, in RZ2026" in out and "dry run" in out
    assert scalar(db, "SELECT count(*) FROM payments") == 0
    code, out, _ = run_cli(capsys, *base)
    assert code == 0 and "recorded 2 payment(s), ¥13,034.01 net" in out
    assert scalar(db, "SELECT sum(amount_fen) FROM payments") == 1_303_401
    code, out, _ = run_cli(capsys, *base)
    assert code == 0 and "recorded 0 payment(s)" in out and "skipped 2 already recorded" in out
    assert "already recorded: RZ2026-0001 2026-06-10 ¥3,234.01 BOC-1 (row 2)" in out
    assert scalar(db, "SELECT count(*) FROM payments") == 2


def test_import_payments_with_a_bad_row_exits_2_and_records_nothing(db, db_path, signed, tmp_path, capsys):
    src = tmp_path / "bad.csv"
    write_table(src, ZH, [["RZ2026-0001", "2026-06-10", 100, ""], ["RZ2026-0001", "2026-13-40", 100, ""]])
    code, out, err = run_cli(capsys, "import", "payments", src, "--db", db_path, "--show", "RZ2026")
    assert code == 2
    assert err.splitlines()[0].startswith(f"{src}:3:日期: ")
    assert "1 problem(s); nothing was imported" in out
    assert scalar(db, "SELECT count(*) FROM payments") == 0
    code, _, err = run_cli(capsys, "import", "payments", tmp_path / "none.csv", "--db", db_path, "--show", "RZ2026")
    assert code == 2 and "file not found" in err


def test_export_contracts_and_receivables(db_path, signed, tmp_path, capsys):
    out_xlsx = tmp_path / "contracts.xlsx"
    code, out, _ = run_cli(capsys, "export", "contracts", "--db", db_path, "--show", "RZ2026", "-o", out_xlsx, "--lang", "en")
    assert code == 0 and "exported 2 contract(s) of RZ2026" in out
    sheet = openpyxl.load_workbook(out_xlsx).worksheets[0]
    assert [c.value for c in sheet[1]][:4] == ["contract_no", "exhibitor", "booths", "status"]
    assert [sheet["A2"].value, sheet["E2"].value] == ["RZ2026-0001", 10780]
    out_csv = tmp_path / "receivables.csv"
    code, out, _ = run_cli(capsys, "export", "receivables", "--db", db_path, "--show", "RZ2026", "-o", out_csv)
    assert code == 0 and "exported 2 receivable(s)" in out
    assert out_csv.read_text(encoding="utf-8-sig").startswith("合同号,展商,客户经理,应收")
    code, _, err = run_cli(capsys, "export", "contracts", "--db", db_path, "--show", "RZ2026", "-o", tmp_path / "x.pdf")
    assert code == 2 and ".xlsx or .csv" in err
    code, _, err = run_cli(capsys, "export", "receivables", "--db", db_path, "--show", "NOPE", "-o", out_csv)
    assert code == 2 and "NOPE" in err
    code, _, _ = run_cli(capsys, "export", "contracts", "--db", db_path, "--show", "RZ2026", "-o", out_csv, "--lang", "fr")
    assert code == 2


def test_next_edition_copies_and_offers(db, db_path, signed, capsys):
    until = (dt.date.today() + dt.timedelta(days=60)).isoformat()
    code, out, err = run_cli(capsys, "next-edition", "--db", db_path, "--show", "RZ2026", "--code", "RZ2027",
                         "--name", "2027日照国际博览会", "--start", "2027-09-17", "--offer-until", until,
                         "--on-site", "RZ2026-0002")
    assert code == 0, err
    assert "new show RZ2027 2027日照国际博览会 2027-09-17 – 2027-09-19, copied from RZ2026 (dates moved 364 day(s))" in out
    assert "halls 1, booths 4 (0 blocked)" in out and "exhibitors 2" in out
    assert f"rebooking offers 2 until {until}: 1 booth(s) held, draft contract(s) for on-site rebookings: RZ2027-0001" in out
    new_id = scalar(db, "SELECT id FROM shows WHERE code = 'RZ2027'")
    assert scalar(db, "SELECT group_concat(number || '=' || status, ' ') FROM booths WHERE show_id = ?"
                      " ORDER BY number", [new_id]) == "A-001=reserved A-002=reserved A-003=available R-001=available"


@pytest.mark.parametrize("change", [
    ["--code", "RZ2026"],                    # the code is taken
    ["--start", "2027-02-30"],               # no such day
    ["--on-site", "RZ2026-0099"],            # no such contract
    ["--offer-until", "2020-01-01"],         # a deadline in the past
])
def test_next_edition_refusals_exit_2_and_change_nothing(db, db_path, signed, capsys, change):
    argv = {"--code": "RZ2027", "--name": "2027", "--start": "2027-09-17",
            "--offer-until": (dt.date.today() + dt.timedelta(days=60)).isoformat()}
    argv.update(dict(zip(change[::2], change[1::2])))
    shows_before = scalar(db, "SELECT count(*) FROM shows")
    code, _, err = run_cli(capsys, "next-edition", "--db", db_path, "--show", "RZ2026",
                       *[item for pair in argv.items() for item in pair])
    assert code == 2 and err
    assert scalar(db, "SELECT count(*) FROM shows") == shows_before
    assert scalar(db, "SELECT count(*) FROM booths") == 4
