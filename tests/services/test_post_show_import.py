"""Visitors and exhibitor leads from other systems' spreadsheets: all rows or none."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from expo_desk.errors import PermissionDenied
from expo_desk.services import contracts, post_show
from expo_desk.services.post_show_import import (
    COUNT_COLUMNS,
    COUNTS,
    LEAD_COLUMNS,
    PER_VISITOR,
    import_exhibitor_leads,
    import_visitors,
    lead_column_for_header,
    visitor_column_for_header,
    visitor_shape,
)
from expo_desk.services.tabular import read_table, write_table
from expo_desk.store.queries import rows, scalar

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"


def counts(db, show_id):
    return {(r["day"], r["sector"]): r["visitors"] for r in post_show.visitor_counts(db, show_id)}


def test_counts_with_chinese_headers(db, actor, show, tmp_path):
    path = tmp_path / "观众统计.xlsx"
    write_table(path, ["日期", "行业", "人数"], [["2026-09-18", "钢铁", 1200], ["2026/9/18", "", "300"],
                                              ["2026-09-19", "渔业", "1,500"]])
    result = import_visitors(db, actor, show["id"], path)
    assert result.ok, result.problems
    assert (result.shape, result.created, result.visitors) == (COUNTS, 3, 3000)
    assert counts(db, show["id"]) == {("2026-09-18", "钢铁"): 1200, ("2026-09-18", ""): 300, ("2026-09-19", "渔业"): 1500}


def test_one_row_per_registered_visitor_is_counted_by_day_and_sector(db, actor, show, tmp_path):
    path = tmp_path / "registrations.csv"
    header = ["编号", "姓名", "公司", "手机", "Industry", "Check-in"]
    visitors = [[1, "孙", "青岛港", "139", "钢铁", "2026-09-18 09:12:00"], [2, "钱", "A", "138", "钢铁", "2026-09-18 14:40"],
                [3, "周", "B", "137", "渔业", "2026/9/18"], [4, "吴", "C", "136", "", "2026-09-19T10:00:00"],
                [5, "郑", "D", "135", "钢铁", "2026-09-20"], [6, "王", "E", "134", "钢铁", "2026-09-20 16:59"]]
    write_table(path, header, visitors)
    assert visitor_shape(read_table(path).header) == PER_VISITOR
    result = import_visitors(db, actor, show["id"], path)
    assert result.ok, result.problems
    assert (result.shape, result.created, result.visitors) == (PER_VISITOR, 4, 6)
    assert counts(db, show["id"]) == {("2026-09-18", "钢铁"): 2, ("2026-09-18", "渔业"): 1, ("2026-09-19", ""): 1,
                                      ("2026-09-20", "钢铁"): 2}


def test_imported_counts_replace_the_same_day_and_sector_and_keep_the_rest(db, actor, show, tmp_path):
    post_show.set_visitors(db, actor, show["id"], "2026-09-18", "钢铁", 5)
    post_show.set_visitors(db, actor, show["id"], "2026-09-20", "食品", 7)
    path = tmp_path / "counts.csv"
    write_table(path, ["day", "sector", "visitors"], [["2026-09-18", "钢铁", 1200]])
    dry = import_visitors(db, actor, show["id"], path, dry_run=True)
    assert dry.ok and dry.created == 1 and not dry.changes
    assert counts(db, show["id"])[("2026-09-18", "钢铁")] == 5
    assert import_visitors(db, actor, show["id"], path).ok
    assert counts(db, show["id"]) == {("2026-09-18", "钢铁"): 1200, ("2026-09-20", "食品"): 7}


def test_a_bad_visitor_row_refuses_the_file_naming_file_row_and_column(db, actor, show, tmp_path):
    path = tmp_path / "counts.csv"
    write_table(path, ["日期", "行业", "人数"], [["2026-09-18", "钢铁", 10], ["2026-09-30", "钢铁", "ten"],
                                              ["", "渔业", 3], ["2026-09-18", "钢铁", 4]])
    result = import_visitors(db, actor, show["id"], path)
    assert result.problems == [
        f"{path}:3:日期: 2026-09-30 不是展期（2026-09-18 至 2026-09-20）/ is not an open day of the show "
        "(2026-09-18 – 2026-09-20)",
        f"{path}:3:人数: 人数应为 0 到 10,000,000 的整数 / visitors must be a whole number from 0 to 10,000,000: 'ten'",
        f"{path}:4:日期: 必填 / required",
        f"{path}:5:日期: 与第 2 行的日期和行业相同 / the same day and sector as row 2"]
    assert scalar(db, "SELECT count(*) FROM visitor_counts") == 0


def test_visitor_import_needs_a_manager_and_a_day_column(db, sales, tmp_path):
    path = tmp_path / "v.csv"
    write_table(path, ["姓名", "行业"], [["孙", "钢铁"]])
    with pytest.raises(PermissionDenied):
        import_visitors(db, sales["am1"], sales["show"]["id"], path)
    problems = import_visitors(db, sales["dm"], sales["show"]["id"], path).problems
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:1:姓名", f"{path}:1:日期 day", f"{path}:1:人数 visitors"]


@pytest.fixture
def booked(db, sales):
    """Steel holds A-001 on a draft contract; fish holds none."""
    contracts.create_contract(db, sales["am1"], sales["show"]["id"], sales["steel"], [sales["booths"]["A-001"]],
                              today="2026-06-01")
    return sales


LEAD_HEADER = ["展商", "日期", "姓名", "公司", "联系方式", "意向", "签约", "金额", "来源"]


def stored_leads(db):
    return rows(db, "SELECT e.company_name, l.captured_on, l.visitor_name, l.agreement_signed, l.agreement_value_fen,"
                    " l.source FROM exhibitor_leads l JOIN exhibitors e ON e.id = l.exhibitor_id"
                    " ORDER BY l.visitor_name")


def test_leads_are_matched_by_company_name_or_booth_number(db, actor, booked, tmp_path):
    path = tmp_path / "扫码线索.xlsx"
    write_table(path, LEAD_HEADER, [
        ["a-001", "2026-09-18 10:02", "孙先生", "青岛港集团", "13900000001", "热轧板", "是", "120000", "扫码"],
        ["日照钢铁集团 有限公司", "2026-09-19", "钱女士", "", "", "", "否", "", "名片"],
        ["黄海渔业有限公司", "", "周先生", "", "", "冷链", "yes", "5.5万", ""],
        ["Rizhao Steel", "2026-09-20", "吴先生", "", "", "", 0, None, ""]])
    result = import_exhibitor_leads(db, actor, booked["show"]["id"], path)
    assert result.ok, result.problems
    assert (result.created, result.agreements, result.agreement_value_fen, result.exhibitors) == (4, 2, 17_500_000, 2)
    assert stored_leads(db) == [
        {"company_name": "日照钢铁集团有限公司", "captured_on": "2026-09-20", "visitor_name": "吴先生",
         "agreement_signed": 0, "agreement_value_fen": None, "source": ""},
        {"company_name": "黄海渔业有限公司", "captured_on": None, "visitor_name": "周先生", "agreement_signed": 1,
         "agreement_value_fen": 5_500_000, "source": ""},
        {"company_name": "日照钢铁集团有限公司", "captured_on": "2026-09-18", "visitor_name": "孙先生",
         "agreement_signed": 1, "agreement_value_fen": 12_000_000, "source": "扫码"},
        {"company_name": "日照钢铁集团有限公司", "captured_on": "2026-09-19", "visitor_name": "钱女士",
         "agreement_signed": 0, "agreement_value_fen": None, "source": "名片"}]


def test_a_bad_lead_row_refuses_the_file_naming_file_row_and_column(db, actor, booked, tmp_path):
    path = tmp_path / "leads.csv"
    write_table(path, ["exhibitor", "visitor_name", "agreement_signed", "agreement_value"], [
        ["A-001", "孙先生", "yes", "100"], ["A-002", "钱女士", "", ""], ["日照钢铁集团有限公司", "", "perhaps", "-5"]])
    problems = import_exhibitor_leads(db, actor, booked["show"]["id"], path).problems
    assert [p.split(": ", 1)[0] for p in problems] == [
        f"{path}:3:exhibitor", f"{path}:4:visitor_name", f"{path}:4:agreement_signed", f"{path}:4:agreement_value"]
    assert "no exhibitor or booth 'A-002' in this show" in problems[0]
    assert scalar(db, "SELECT count(*) FROM exhibitor_leads") == 0


def test_an_account_manager_imports_leads_of_their_own_exhibitors_only(db, booked, tmp_path):
    path = tmp_path / "leads.csv"
    write_table(path, ["展商", "姓名"], [["黄海渔业有限公司", "周先生"], ["A-001", "孙先生"]])
    problems = import_exhibitor_leads(db, booked["am2"], booked["show"]["id"], path).problems
    assert len(problems) == 1 and problems[0].startswith(f"{path}:3:展商: 日照钢铁集团有限公司 属于其他客户经理")
    assert scalar(db, "SELECT count(*) FROM exhibitor_leads") == 0
    write_table(path, ["展商", "姓名"], [["黄海渔业有限公司", "周先生"]])
    assert import_exhibitor_leads(db, booked["am2"], booked["show"]["id"], path).created == 1


def test_leads_imported_again_are_skipped_and_a_dry_run_writes_nothing(db, actor, booked, tmp_path):
    path = tmp_path / "leads.csv"
    write_table(path, ["展商", "日期", "姓名"], [["A-001", "2026-09-18", "孙先生"], ["A-001", "2026-09-18", "孙先生"],
                                            ["A-001", "2026-09-19", "钱女士"]])
    dry = import_exhibitor_leads(db, actor, booked["show"]["id"], path, dry_run=True)
    assert dry.ok and dry.created == 2 and len(dry.skipped_duplicates) == 1
    assert scalar(db, "SELECT count(*) FROM exhibitor_leads") == 0
    assert import_exhibitor_leads(db, actor, booked["show"]["id"], path).created == 2
    again = import_exhibitor_leads(db, actor, booked["show"]["id"], path)
    assert again.created == 0 and len(again.skipped_duplicates) == 3
    assert "日照钢铁集团有限公司: 孙先生 (row 2): 已导入 / already stored" in again.skipped_duplicates
    assert scalar(db, "SELECT count(*) FROM exhibitor_leads") == 2


@pytest.mark.parametrize(("name", "columns", "lookup"), [
    ("visitors_template", COUNT_COLUMNS, visitor_column_for_header),
    ("exhibitor_leads_template", LEAD_COLUMNS, lead_column_for_header)])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_templates_headers_are_recognised(name, columns, lookup, suffix):
    header = read_table(TEMPLATES / f"{name}{suffix}").header
    assert [lookup(h) for h in header] == [c.key for c in columns]


@pytest.mark.parametrize(("name", "run"), [("visitors_template", import_visitors),
                                           ("exhibitor_leads_template", import_exhibitor_leads)])
def test_template_example_rows_import(db, actor, booked, tmp_path, name, run):
    notes = openpyxl.load_workbook(TEMPLATES / f"{name}.xlsx")["说明 Notes"]
    values = [[c.value for c in row] for row in notes.iter_rows()]
    at = max(i for i, row in enumerate(values) if row[0] and row[0].startswith(("日期 day", "展商 exhibitor")))
    examples = [row for row in values[at + 1:] if any(v is not None for v in row)]
    path = tmp_path / "example.xlsx"
    write_table(path, values[at], examples)
    result = run(db, actor, booked["show"]["id"], path)
    assert result.ok, result.problems
    assert result.created == len(examples)
