"""Exhibitor export: bilingual headers, yuan, no runnable formulas, and a clean round trip."""

from __future__ import annotations

import csv
from decimal import Decimal

import openpyxl
import pytest

from expo_desk.errors import UserError
from expo_desk.services.exhibitor_export import export_exhibitors
from expo_desk.services.exhibitor_import import COLUMNS, column_for_header, import_exhibitors
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.shows import create_show
from expo_desk.services.tabular import neutralise, read_table, unneutralise
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.store import exhibitors as exhibitor_store


@pytest.fixture
def filled(db, actor, show):
    manager, _ = find_or_add_account_manager(db, actor, "李娜")
    create_exhibitor(db, actor, show["id"], {
        "company_name": "日照钢铁有限公司", "company_name_en": "Rizhao Steel", "sector": "钢铁",
        "phone": "0633-8888888", "email": "info@rzsteel.cn", "expected_value_fen": 10_000_050,
        "account_manager_id": manager["id"],
    }, [{"name": "王伟", "phone": "+86 138 0013 8000", "email": "wang@rzsteel.cn", "is_primary": True}])
    create_exhibitor(db, actor, show["id"], {"company_name": "=cmd()", "company_name_en": "+1",
                                             "sector": "@SUM(A1)", "expected_value_fen": 0})
    create_exhibitor(db, actor, show["id"], {"company_name": "-2+3", "notes": "x"})
    create_exhibitor(db, actor, show["id"], {"company_name": "青岛渔业", "expected_value_fen": 99})
    return show


def cells_xlsx(path) -> list[list]:
    workbook = openpyxl.load_workbook(path)  # not read-only: we want data types too
    sheet = workbook.worksheets[0]
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]


def test_neutralise_and_back():
    for text in ("=cmd()", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(text) == "'" + text
        assert unneutralise(neutralise(text)) == text
    for value in ("plain", "", "a=b", 5, -5, None, "'quoted"):
        assert neutralise(value) == value
    assert unneutralise("'quoted") == "'quoted"


def test_export_xlsx(db, filled, tmp_path):
    path = tmp_path / "out.xlsx"
    assert export_exhibitors(db, filled["id"], path) == 4
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["展商 Exhibitors"]
    rows = cells_xlsx(path)
    header = [v for v, _ in rows[0]]
    assert header == [c.header for c in COLUMNS]
    assert header[0] == "公司名称 company_name"
    assert [column_for_header(h) for h in header] == [c.key for c in COLUMNS]
    by_name = {r[0][0]: r for r in rows[1:]}
    steel = [v for v, _ in by_name["日照钢铁有限公司"]]
    assert steel == ["日照钢铁有限公司", "Rizhao Steel", "钢铁", "王伟", "'+86 138 0013 8000",
                     "wang@rzsteel.cn", "李娜", pytest.approx(100000.50)]
    assert by_name["日照钢铁有限公司"][7][1] == "n"  # a number, so Excel can sum it
    assert [v for v, _ in by_name["青岛渔业"]][7] == pytest.approx(0.99)


def test_export_neutralises_formulas_in_xlsx(db, filled, tmp_path):
    path = tmp_path / "out.xlsx"
    export_exhibitors(db, filled["id"], path)
    rows = cells_xlsx(path)
    values = {v for row in rows for v, _ in row}
    assert "'=cmd()" in values and "'+1" in values and "'@SUM(A1)" in values
    assert "'-2+3" in values
    assert "=cmd()" not in values and "+1" not in values
    assert all(kind != "f" for row in rows for _, kind in row)  # no formula cells at all


def test_export_neutralises_formulas_in_csv(db, filled, tmp_path):
    path = tmp_path / "out.csv"
    assert export_exhibitors(db, filled["id"], path) == 4
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens the Chinese correctly
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [c.header for c in COLUMNS]
    cells = {v for row in rows for v in row}
    assert "'=cmd()" in cells and "'+1" in cells and "'@SUM(A1)" in cells
    assert not any(v.startswith(("=", "+", "-", "@", "\t")) for v in cells)
    steel = next(r for r in rows if r[0] == "日照钢铁有限公司")
    assert steel[7] == "100000.50"
    assert next(r for r in rows if r[0] == "青岛渔业")[7] == "0.99"
    assert next(r for r in rows if r[0] == "'-2+3")[7] == ""


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip(db, actor, filled, tmp_path, suffix):
    path = tmp_path / f"out{suffix}"
    export_exhibitors(db, filled["id"], path)
    assert read_table(path).rows[0][1][0] in {"-2+3", "=cmd()", "日照钢铁有限公司", "青岛渔业"}
    copy = create_show(db, actor, "RZ2027", "2027日照国际博览会")

    result = import_exhibitors(db, actor, copy["id"], path)

    assert result.ok, result.problems
    assert result.created == 4
    assert result.added_managers == []  # 李娜 is already known
    original = exhibitor_store.all_for_export(db, filled["id"])
    imported = exhibitor_store.all_for_export(db, copy["id"])
    assert imported == original
    names = {r["company_name"] for r in imported}
    assert {"=cmd()", "-2+3"} <= names
    again = tmp_path / f"again{suffix}"
    export_exhibitors(db, copy["id"], again)
    assert read_table(again) == read_table(path)


def test_round_trip_into_same_show_skips_everything(db, actor, filled, tmp_path):
    path = tmp_path / "out.xlsx"
    export_exhibitors(db, filled["id"], path)
    result = import_exhibitors(db, actor, filled["id"], path)
    assert result.ok and result.created == 0
    assert sorted(result.skipped_duplicates) == sorted(
        r["company_name"] for r in exhibitor_store.all_for_export(db, filled["id"]))


def test_export_empty_show(db, show, tmp_path):
    path = tmp_path / "empty.xlsx"
    assert export_exhibitors(db, show["id"], path) == 0
    assert read_table(path).header == [c.header for c in COLUMNS]


def test_export_decimal_yuan_is_exact(db, actor, show, tmp_path):
    create_exhibitor(db, actor, show["id"], {"company_name": "精确公司", "expected_value_fen": 123_456_789_01})
    path = tmp_path / "exact.xlsx"
    export_exhibitors(db, show["id"], path)
    value = read_table(path).rows[0][1][7]
    assert Decimal(str(value)) == Decimal("123456789.01")


@pytest.mark.parametrize("name", ["out.pdf", "out", "out.xls"])
def test_export_refuses_other_formats(db, show, tmp_path, name):
    with pytest.raises(UserError) as caught:
        export_exhibitors(db, show["id"], tmp_path / name)
    assert name in str(caught.value)
    assert not (tmp_path / name).exists()


def test_export_to_unwritable_place_is_a_user_error(db, show, tmp_path):
    path = tmp_path / "no such folder" / "out.csv"
    with pytest.raises(UserError) as caught:
        export_exhibitors(db, show["id"], path)
    assert str(path) in str(caught.value)
