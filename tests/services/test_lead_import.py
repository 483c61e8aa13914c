"""Lead import from real .xlsx and .csv files into a real database: all rows or none."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.domain.leads import load_objections
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.lead_import import COLUMNS, column_for_header, import_leads
from expo_desk.services.tabular import ImportCancelled, read_table
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.store import exhibitors as exhibitor_store
from tests.helpers import write_csv, write_xlsx

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"
ZH = ["公司", "客户经理", "阶段", "下次跟进", "期望值", "异议", "备注"]
EN = ["prospect", "account_manager", "stage", "next_follow_up", "expected_value", "objections", "notes"]


def counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("leads", "users", "audit_log")}


def leads(db) -> dict[str, dict]:
    cursor = db.execute("SELECT * FROM leads")
    names = [c[0] for c in cursor.description]
    return {r["prospect_name"]: r for r in (dict(zip(names, row)) for row in cursor.fetchall())}


def good_rows() -> list[list]:
    return [
        ["日照钢铁集团有限公司", "李娜", "已约拜访", "2026-05-12", "100000", "担心效果；要看往届展后报告", ""],
        ["青岛港国际贸易公司", "李娜", "contacted", "2026-05-06", "1.2万", "no budget", "下周再打"],
        ["威海食品有限公司", "", "lost", "", "", "", ""],
    ]


@pytest.fixture
def steel(db, actor, show) -> str:
    changes = create_exhibitor(db, actor, show["id"], {"company_name": "日照钢铁集团有限公司"})
    return changes.inserted["exhibitors"][0]


def test_good_xlsx_with_chinese_headers_links_exhibitors_by_name(db, actor, show, steel, tmp_path):
    rows = good_rows()
    rows[2][6] = "x"  # notes only: the lost row still needs a reason
    header = [*ZH, "流失原因"]
    rows = [[*r, ""] for r in rows]
    rows[2][7] = "同类展会太多"
    rows[0][0] = "日照钢铁 集团有限公司"  # spaced: the same company
    result = import_leads(db, actor, show["id"], write_xlsx(tmp_path / "线索.xlsx", header, rows))

    assert result.ok, result.problems
    assert result.created == 3
    assert result.added_managers == ["李娜"]
    found = leads(db)
    linked = found["日照钢铁集团有限公司"]
    assert linked["exhibitor_id"] == steel and linked["stage"] == "visit_booked"
    assert load_objections(linked["objections"]) == ["担心效果", "要看往届展后报告"]
    assert exhibitor_store.get(db, steel)["expected_value_fen"] == 10_000_000
    prospect = found["青岛港国际贸易公司"]
    assert prospect["exhibitor_id"] is None
    assert (prospect["expected_value_fen"], prospect["next_follow_up"]) == (1_200_000, "2026-05-06")
    assert load_objections(prospect["objections"]) == ["没有预算"]
    assert (found["威海食品有限公司"]["stage"], found["威海食品有限公司"]["lost_reason"]) == ("lost", "同类展会太多")


def test_csv_with_english_headers(db, actor, show, tmp_path):
    rows = [r[:] for r in good_rows()[:2]]
    result = import_leads(db, actor, show["id"], write_csv(tmp_path / "leads.csv", EN, rows))
    assert result.ok, result.problems
    assert result.created == 2


def test_a_bad_row_is_reported_as_file_row_column_and_nothing_is_written(db, actor, show, tmp_path):
    rows = good_rows()[:2] + [
        ["", "", "", "", "", "", ""],  # blank: skipped, row numbers kept
        ["坏数据公司", "", "maybe", "5月4日", "-5", "", ""],
        ["流失公司", "", "已流失", "", "", "", ""],
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", ZH, rows)
    before = counts(db)

    result = import_leads(db, actor, show["id"], path)

    assert not result.ok and result.created == 0
    assert counts(db) == before
    assert sorted(result.problems) == sorted([
        f"{path}:5:阶段: 不认识的阶段 / unknown stage 'maybe' (known: 已联系/contacted、已约拜访/visit booked、"
        "已报价/proposal、已签约/signed、已流失/lost)",
        f"{path}:5:下次跟进: 日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '5月4日'",
        f"{path}:5:期望值: 期望值不能为负数 / expected value cannot be negative",
        f"{path}:6:流失原因 lost_reason: 流失的线索必须写明原因 / a lost lead needs a reason",
    ])


def test_duplicates_within_the_file_and_leads_already_there(db, actor, show, tmp_path):
    import_leads(db, actor, show["id"], write_csv(tmp_path / "first.csv", EN, good_rows()[:1]))
    rows = [good_rows()[0], good_rows()[1], ["ＱＩＮＧＤＡＯ", "", "", "", "", "", ""], ["qingdao", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "second.csv", EN, rows)
    result = import_leads(db, actor, show["id"], path)
    assert result.problems == [f"{path}:5:prospect: 与第 4 行重复 / duplicates row 4: 'qingdao'"]
    rows.pop()
    result = import_leads(db, actor, show["id"], write_csv(tmp_path / "third.csv", EN, rows))
    assert result.ok and result.created == 2
    assert result.skipped_duplicates == ["日照钢铁集团有限公司"]


def test_header_problems(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "h.csv", ["客户经理", "colour", "notes", "备注"], [["李娜", "red", "a", "b"]])
    result = import_leads(db, actor, show["id"], path)
    assert any(p.startswith(f"{path}:1:colour: 不认识的列") for p in result.problems)
    assert f"{path}:1:备注: 与列 'notes' 重复 / the same column as 'notes'" in result.problems
    assert f"{path}:1:公司 prospect: 缺少必填列 / required column is missing" in result.problems


def test_an_account_manager_imports_only_for_themselves(db, actor, show, tmp_path):
    wang, _ = find_or_add_account_manager(db, actor, "王经理")
    find_or_add_account_manager(db, actor, "李娜")
    me = Actor(wang["id"], "王经理", Role.ACCOUNT_MANAGER)
    path = write_csv(tmp_path / "mine.csv", EN, [["甲公司", "", "", "", "", "", ""], ["乙公司", "李娜", "", "", "", "", ""]])
    before = counts(db)
    result = import_leads(db, me, show["id"], path)
    [problem] = result.problems
    assert problem.startswith(f"{path}:3:account_manager: ") and "may only assign leads to themselves" in problem
    assert counts(db) == before
    result = import_leads(db, me, show["id"], write_csv(tmp_path / "ok.csv", EN, [["甲公司", "", "", "", "", "", ""]]))
    assert result.ok
    assert leads(db)["甲公司"]["account_manager_id"] == wang["id"]


def test_dry_run_and_cancel_write_nothing(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "d.csv", EN, good_rows()[:2])
    before = counts(db)
    result = import_leads(db, actor, show["id"], path, dry_run=True)
    assert result.ok and result.created == 2 and result.added_managers == ["李娜"]
    with pytest.raises(ImportCancelled):
        import_leads(db, actor, show["id"], path, should_cancel=lambda: True)
    assert counts(db) == before


@pytest.mark.parametrize("name", ["leads_template.xlsx", "leads_template.csv"])
def test_template_headers_are_all_recognised(db, actor, show, name):
    path = TEMPLATES / name
    assert [column_for_header(h) for h in read_table(path).header] == [c.key for c in COLUMNS]
    result = import_leads(db, actor, show["id"], path)
    assert result.ok and result.created == 0


def test_template_example_row_imports(db, actor, show, tmp_path):
    notes = openpyxl.load_workbook(TEMPLATES / "leads_template.xlsx")["说明 Notes"]
    values = [[c.value for c in row] for row in notes.iter_rows()]
    at = max(i for i, row in enumerate(values) if row[0] == COLUMNS[0].header)
    result = import_leads(db, actor, show["id"], write_xlsx(tmp_path / "example.xlsx", values[at], [values[at + 1]]))
    assert result.ok, result.problems
    assert result.created == 1
