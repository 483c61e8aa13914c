"""Contracts and receivables to a spreadsheet, read back as a user's Excel would, to the fen."""

from __future__ import annotations

import csv
from decimal import Decimal

import openpyxl
import pytest

from expo_desk.errors import UserError
from expo_desk.services import contracts, exhibitors, payments
from expo_desk.services.contract_export import export_contracts, export_receivables
from expo_desk.services.contract_signing import cancel_contract, cancellation_quote, sign_contract
from expo_desk.store import contracts as contract_store

TODAY = "2026-09-01"
FORMULA = '=HYPERLINK("http://evil.example","点我")'


@pytest.fixture
def book(db, actor, sales):
    """RZ2026-0001 steel A-001 ¥10,780.00 signed 1 June, ¥3,234.01 paid, balance due 19 August (overdue);
    RZ2026-0002 fish A-002 ¥9,800.00 signed 10 August, one instalment due 24 August (overdue, unpaid);
    RZ2026-0003 a company named like a formula, R-001, signed 30 August, ¥0.05 paid (not due yet);
    RZ2026-0004 steel's draft for A-003."""
    show_id = sales["show"]["id"]
    odd = exhibitors.create_exhibitor(db, actor, show_id, {"company_name": FORMULA, "company_name_en": "+Odd Ltd"}
                                      ).inserted["exhibitors"][0]
    plan = (("am1", sales["steel"], "A-001", "2026-06-01", [323_401]), ("am2", sales["fish"], "A-002", "2026-08-10", []),
            (actor, odd, "R-001", "2026-08-30", [5]))
    for who, exhibitor, number, signed_on, paid in plan:
        person = sales[who] if isinstance(who, str) else who
        cid = contracts.create_contract(db, person, show_id, exhibitor, [sales["booths"][number]],
                                        today=signed_on).inserted["contracts"][0]
        sign_contract(db, person, cid, signed_on=signed_on)
        for amount in paid:
            payments.record_payment(db, person, cid, amount, paid_on=signed_on)
    contracts.create_contract(db, sales["am1"], show_id, sales["steel"], [sales["booths"]["A-003"]], today=TODAY)
    return sales


def read_xlsx(path):
    sheet = openpyxl.load_workbook(path).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    return values[0], values[1:], sheet


def fen(value) -> int:
    return int(Decimal(str(value)) * 100)


def test_contracts_to_xlsx_in_chinese_add_up_to_the_fen(db, book, tmp_path):
    path = tmp_path / "合同.xlsx"
    assert export_contracts(db, book["show"]["id"], path) == 4
    header, data, sheet = read_xlsx(path)
    assert header == ["合同号", "展商", "展位", "状态", "合同金额", "已付", "余额", "客户经理", "签约日期"]
    by_number = {row[0]: row for row in data}
    steel = by_number["RZ2026-0001"]
    assert steel[1:4] == ["日照钢铁集团有限公司", "A-001", "部分付款"]
    assert [fen(v) for v in steel[4:7]] == [1_078_000, 323_401, 754_599]
    assert steel[7:] == ["王经理", "2026-06-01"]
    assert [fen(v) for v in by_number["RZ2026-0003"][4:7]] == [10_976_000, 5, 10_975_995]
    assert (by_number["RZ2026-0004"][3], by_number["RZ2026-0004"][8]) == ("草稿", None)
    assert sum(fen(r[5]) for r in data) == 323_406
    assert sum(fen(r[6]) for r in data) == sum(fen(r[4]) for r in data) - 323_406
    assert sheet["E2"].number_format == "#,##0.00"


def test_a_cancelled_contract_owes_its_fee_less_what_was_paid(db, actor, book, tmp_path):
    steel = contract_store.contract_by_number(db, book["show"]["id"], "RZ2026-0001")
    fee = cancellation_quote(db, steel["id"], TODAY)["fee_fen"]
    assert fee > 323_401  # the fee is more than was paid: money still owed
    cancel_contract(db, actor, steel["id"], TODAY, reason="预算取消 / budget cut")
    path = tmp_path / "contracts.xlsx"
    export_contracts(db, book["show"]["id"], path)
    _, data, _ = read_xlsx(path)
    row = next(r for r in data if r[0] == "RZ2026-0001")
    assert [fen(v) for v in row[4:7]] == [1_078_000, 323_401, fee - 323_401]


def test_a_company_named_like_a_formula_stays_text(db, book, tmp_path):
    path = tmp_path / "contracts.xlsx"
    export_contracts(db, book["show"]["id"], path)
    _, data, sheet = read_xlsx(path)
    row = next(i for i, r in enumerate(data, start=2) if r[0] == "RZ2026-0003")
    cell = sheet.cell(row=row, column=2)
    assert cell.data_type == "s" and cell.value == "'" + FORMULA


def test_contracts_to_csv_in_english(db, book, tmp_path):
    path = tmp_path / "contracts.csv"
    export_contracts(db, book["show"]["id"], path, lang="en")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header, *data = list(csv.reader(handle))
    assert header == ["contract_no", "exhibitor", "booths", "status", "total", "paid", "balance", "account_manager",
                      "signed_on"]
    assert data[0] == ["RZ2026-0001", "Rizhao Steel", "A-001", "part-paid", "10780.00", "3234.01", "7545.99", "王经理",
                       "2026-06-01"]
    assert data[1][1] == "黄海渔业有限公司"  # no English name: the Chinese one
    assert data[2][1] == "'+Odd Ltd"


def test_receivables_longest_overdue_first_and_totals_to_the_fen(db, book, tmp_path):
    path = tmp_path / "receivables.xlsx"
    assert export_receivables(db, book["show"]["id"], path, today=TODAY) == 3
    header, data, _ = read_xlsx(path)
    assert header == ["合同号", "展商", "客户经理", "应收", "已收", "未收", "逾期金额", "逾期天数", "下次到期"]
    assert [(r[0], r[7]) for r in data] == [("RZ2026-0001", 13), ("RZ2026-0002", 8), ("RZ2026-0003", 0)]
    assert [fen(r[5]) for r in data] == [754_599, 980_000, 10_975_995]
    assert [fen(r[6]) for r in data] == [754_599, 980_000, 0]
    assert sum(fen(r[3]) for r in data) == 1_078_000 + 980_000 + 10_976_000
    assert sum(fen(r[4]) for r in data) == 323_406
    assert data[2][8] == "2026-09-13"
    path_en = tmp_path / "receivables.csv"
    export_receivables(db, book["show"]["id"], path_en, lang="en", today=TODAY)
    assert path_en.read_text(encoding="utf-8-sig").splitlines()[0] == (
        "contract_no,exhibitor,account_manager,due,paid,outstanding,overdue,days_overdue,next_due_on")


def test_an_unknown_language_is_refused(db, book, tmp_path):
    with pytest.raises(UserError, match="zh or en"):
        export_contracts(db, book["show"]["id"], tmp_path / "x.xlsx", lang="fr")
    assert not (tmp_path / "x.xlsx").exists()
