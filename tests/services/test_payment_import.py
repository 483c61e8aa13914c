"""Payments from a spreadsheet: every row recorded through the payment rules, or none at all."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from expo_desk.services import contracts
from expo_desk.services.payment_import import COLUMNS, column_for_header, import_payments
from expo_desk.services.tabular import read_table, write_table
from expo_desk.store import records
from expo_desk.store.queries import rows, scalar
from tests.helpers import signed_contract

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"
SIGNED = "2026-06-01"
ZH = ["合同号", "日期", "金额", "方式", "流水号", "原因"]


@pytest.fixture
def signed(db, sales):
    """Steel's RZ2026-0001 (A-001, ¥10,780.00) and fish's RZ2026-0002 (A-002, ¥9,800.00), both signed;
    steel's draft RZ2026-0003 (R-001)."""
    show_id = sales["show"]["id"]
    ids = {}
    for who, exhibitor, number in (("am1", "steel", "A-001"), ("am2", "fish", "A-002")):
        cid = signed_contract(db, sales, [number], SIGNED, who, exhibitor)
        ids[exhibitor] = cid
    ids["draft"] = contracts.create_contract(db, sales["am1"], show_id, sales["steel"], [sales["booths"]["R-001"]],
                                             today=SIGNED).inserted["contracts"][0]
    return {**sales, "contracts": ids}


def paid(db):
    return rows(db, "SELECT k.number, p.paid_on, p.amount_fen, p.method, p.reference, p.reason FROM payments p"
                    " JOIN contracts k ON k.id = p.contract_id ORDER BY k.number, p.paid_on, p.amount_fen")


def status(db, contract_id):
    return records.get_row(db, "contracts", contract_id)["status"]


def test_an_xlsx_with_chinese_headers_records_every_row(db, actor, signed, tmp_path):
    path = tmp_path / "银行流水.xlsx"
    write_table(path, ZH, [["RZ2026-0001", "2026-06-10", 3234, "银行转账", "BOC-001", None],
                           ["rz2026-0002", "2026/6/12", "9,800.00", "微信支付", "WX-77", ""],
                           ["RZ2026-0001", "2026-06-20", "-100.5", "现金", "", "多收退回 / overpaid"]])
    result = import_payments(db, actor, signed["show"]["id"], path)
    assert result.ok, result.problems
    assert (result.created, result.recorded_fen, result.skipped_duplicates) == (3, 323_400 + 980_000 - 10_050, [])
    assert paid(db) == [
        {"number": "RZ2026-0001", "paid_on": "2026-06-10", "amount_fen": 323_400, "method": "bank_transfer",
         "reference": "BOC-001", "reason": ""},
        {"number": "RZ2026-0001", "paid_on": "2026-06-20", "amount_fen": -10_050, "method": "cash", "reference": "",
         "reason": "多收退回 / overpaid"},
        {"number": "RZ2026-0002", "paid_on": "2026-06-12", "amount_fen": 980_000, "method": "wechat",
         "reference": "WX-77", "reason": ""}]
    assert status(db, signed["contracts"]["steel"]) == "part_paid" and status(db, signed["contracts"]["fish"]) == "paid"


def test_a_csv_with_english_headers(db, actor, signed, tmp_path):
    path = tmp_path / "payments.csv"
    write_table(path, ["Contract No", "Paid On", "Amount", "Method", "Reference"],
                [["RZ2026-0002", "2026-06-12", "9800", "Alipay", "ALI-1"]])
    result = import_payments(db, actor, signed["show"]["id"], path)
    assert result.ok and result.created == 1
    assert paid(db)[0]["method"] == "alipay"


def test_one_bad_row_and_nothing_is_recorded_every_problem_named_by_file_row_and_column(db, actor, signed, tmp_path):
    path = tmp_path / "statement.xlsx"
    write_table(path, ZH, [["RZ2026-0001", "2026-06-10", 3234, "", "BOC-001", ""],      # row 2: fine
                           ["RZ2026-0099", "2026-06-11", 100, "", "", ""],               # 3: no such contract
                           ["RZ2026-0002", "10.6.2026", 100, "", "", ""],                 # 4: not a date
                           ["RZ2026-0002", "2026-06-11", 0, "", "", ""],                  # 5: zero
                           ["RZ2026-0002", "2026-06-11", "12.345", "支票", "", ""],       # 6: three decimals
                           ["RZ2026-0002", "2026-06-11", "-10", "", "", ""],              # 7: refund without reason
                           ["RZ2026-0003", "2026-06-11", 500, "", "", ""],                # 8: a draft
                           ["RZ2026-0002", "2026-06-11", 500, "比特币", "", ""]])          # 9: unknown method
    result = import_payments(db, actor, signed["show"]["id"], path)
    assert result.created == 0 and scalar(db, "SELECT count(*) FROM payments") == 0
    where = [":".join(p.split(":")[:3]) for p in result.problems]
    assert where == [f"{path}:3:合同号", f"{path}:4:日期", f"{path}:5:金额", f"{path}:6:金额", f"{path}:7:原因",
                     f"{path}:8:合同号", f"{path}:9:方式"]
    assert "RZ2026-0099" in result.problems[0] and "not signed" in result.problems[5]
    assert "zero" in result.problems[2] and "refund needs a reason" in result.problems[4]


def test_another_managers_contract_is_refused_at_its_row(db, signed, tmp_path):
    path = tmp_path / "am2.csv"
    write_table(path, ZH[:3], [["RZ2026-0002", "2026-06-10", 100], ["RZ2026-0001", "2026-06-10", 100]])
    result = import_payments(db, signed["am2"], signed["show"]["id"], path)
    assert [p.split(": ", 1)[0] for p in result.problems] == [f"{path}:3:合同号"]
    assert scalar(db, "SELECT count(*) FROM payments") == 0


def test_duplicates_are_not_recorded_twice(db, actor, signed, tmp_path):
    path = tmp_path / "june.xlsx"
    write_table(path, ZH, [["RZ2026-0001", "2026-06-10", 3234, "", "BOC-001", ""]])
    assert import_payments(db, actor, signed["show"]["id"], path).created == 1
    write_table(path, ZH, [["RZ2026-0001", "2026-06-10", "3,234.00", "", "BOC-001", ""],
                           ["RZ2026-0002", "2026-06-12", 9800, "", "BOC-002", ""]])
    again = import_payments(db, actor, signed["show"]["id"], path)
    assert again.ok and again.created == 1
    assert again.skipped_duplicates == ["RZ2026-0001 2026-06-10 ¥3,234.00 BOC-001 (row 2)"]
    assert scalar(db, "SELECT count(*) FROM payments") == 2
    twice = tmp_path / "twice.csv"
    write_table(twice, ZH, [["RZ2026-0002", "2026-06-20", 50, "", "X-1", ""],
                            ["RZ2026-0002", "2026-06-20", 50, "", "X-1", ""]])
    refused = import_payments(db, actor, signed["show"]["id"], twice)
    assert len(refused.problems) == 1 and refused.problems[0].startswith(f"{twice}:3:流水号: ")
    assert "row 2" in refused.problems[0] and scalar(db, "SELECT count(*) FROM payments") == 2


def test_a_dry_run_applies_the_payment_rules_and_keeps_nothing(db, actor, signed, tmp_path):
    path = tmp_path / "check.csv"
    write_table(path, ZH[:3], [["RZ2026-0002", "2026-06-12", 9800]])
    result = import_payments(db, actor, signed["show"]["id"], path, dry_run=True)
    assert result.ok and result.created == 1 and not result.changes
    assert scalar(db, "SELECT count(*) FROM payments") == 0 and status(db, signed["contracts"]["fish"]) == "signed"
    write_table(path, ZH[:3], [["RZ2026-0003", "2026-06-12", 9800]])
    assert "not signed" in import_payments(db, actor, signed["show"]["id"], path, dry_run=True).problems[0]


def test_a_missing_column_and_an_unknown_one(db, actor, signed, tmp_path):
    path = tmp_path / "bad.csv"
    write_table(path, ["合同号", "金额", "颜色"], [["RZ2026-0001", 1]])
    problems = import_payments(db, actor, signed["show"]["id"], path).problems
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:1:颜色", f"{path}:1:日期 paid_on"]


@pytest.mark.parametrize("name", ["payments_template.xlsx", "payments_template.csv"])
def test_template_headers_are_all_recognised(db, actor, signed, name):
    path = TEMPLATES / name
    assert [column_for_header(h) for h in read_table(path).header] == [c.key for c in COLUMNS]
    result = import_payments(db, actor, signed["show"]["id"], path)
    assert result.ok and result.created == 0


def test_template_example_row_imports(db, actor, signed, tmp_path):
    notes = openpyxl.load_workbook(TEMPLATES / "payments_template.xlsx")["说明 Notes"]
    values = [[c.value for c in row] for row in notes.iter_rows()]
    at = max(i for i, row in enumerate(values) if row[0] == COLUMNS[0].header)
    path = tmp_path / "example.xlsx"
    write_table(path, values[at], [values[at + 1]])
    result = import_payments(db, actor, signed["show"]["id"], path)
    assert result.ok, result.problems
    assert result.created == 1 and result.recorded_fen == 323_400
