"""Exhibitor import from real .xlsx and .csv files into a real database."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest

from expo_desk.errors import UserError
from expo_desk.services.exhibitor_import import COLUMNS, column_for_header, import_exhibitors
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.shows import create_show
from expo_desk.services.tabular import ImportCancelled, read_table
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import records
from tests.helpers import write_csv, write_xlsx

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"

ZH = ["公司名称", "英文名称", "行业", "联系人", "电话", "邮箱", "客户经理", "期望值"]
EN = ["company_name", "company_name_en", "sector", "contact_name", "phone", "email", "account_manager",
      "expected_value"]


def counts(db) -> dict[str, int]:
    return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("exhibitors", "contacts", "users", "audit_log")}


def good_rows() -> list[list]:
    return [
        ["日照钢铁有限公司", "Rizhao Steel Co., Ltd.", "钢铁", "王伟", "0633-8888888", "wangwei@example.com",
         "李娜", "100000"],
        ["青岛渔业集团", "Qingdao Fishery Group", "渔业", "", "+86 138 0013 8000", "", "李娜", "1.2万"],
        ["山东旅游公司", "", "旅游", "赵敏", "", "zhao@example.cn", "", ""],
    ]


def by_name(db, show_id) -> dict[str, dict]:
    return {r["company_name"]: r for r in exhibitor_store.all_for_export(db, show_id)}


# --- good files -------------------------------------------------------------------------------

def test_good_xlsx_with_chinese_headers(db, actor, show, tmp_path):
    path = write_xlsx(tmp_path / "展商.xlsx", ZH, good_rows())
    before = counts(db)

    result = import_exhibitors(db, actor, show["id"], path)

    assert result.ok, result.problems
    assert result.created == 3
    assert result.added_managers == ["李娜"]
    assert result.skipped_duplicates == []
    assert not result.dry_run
    assert len(result.changes.inserted["exhibitors"]) == 3
    assert len(result.changes.inserted["contacts"]) == 2
    assert len(result.changes.inserted["users"]) == 1
    after = counts(db)
    assert after["exhibitors"] - before["exhibitors"] == 3
    assert after["contacts"] - before["contacts"] == 2
    assert after["users"] - before["users"] == 1
    # every row audited: 3 exhibitors + 2 contacts + 1 user
    assert after["audit_log"] - before["audit_log"] == 6
    rows = by_name(db, show["id"])
    steel = rows["日照钢铁有限公司"]
    assert steel["company_name_en"] == "Rizhao Steel Co., Ltd."
    assert steel["contact_name"] == "王伟"
    assert steel["email"] == "wangwei@example.com"
    assert steel["account_manager"] == "李娜"
    assert steel["expected_value_fen"] == 10_000_000
    assert rows["青岛渔业集团"]["expected_value_fen"] == 1_200_000
    assert rows["青岛渔业集团"]["contact_name"] is None
    assert rows["山东旅游公司"]["expected_value_fen"] is None
    assert rows["山东旅游公司"]["account_manager"] is None
    for exhibitor_id in result.changes.inserted["exhibitors"]:
        assert records.audit_entries(db, "exhibitors", exhibitor_id)[0]["user_name"] == actor.name


def test_good_csv_with_english_headers_any_case_and_spacing(db, actor, show, tmp_path):
    header = ["Company Name", "COMPANY_NAME_EN", " sector ", "Contact Name", "Phone", "EMAIL",
              "account manager", "Expected Value"]
    rows = [["Acme Trading", "Acme", "food", "Jane Doe", "010-12345678", "jane@acme.com", "Li Na", "12,345.60"]]
    path = write_csv(tmp_path / "exhibitors.csv", header, rows)

    result = import_exhibitors(db, actor, show["id"], path)

    assert result.ok, result.problems
    assert result.created == 1
    row = by_name(db, show["id"])["Acme Trading"]
    assert row["expected_value_fen"] == 1_234_560
    assert row["contact_name"] == "Jane Doe"
    assert row["account_manager"] == "Li Na"


def test_bilingual_headers_accepted(db, actor, show, tmp_path):
    header = ["公司名称 company_name", "英文名称/company_name_en", "行业 (sector)", "联系人 Contact_Name",
              "电话 phone", "邮箱 email", "客户经理 account_manager", "期望值(元) expected_value"]
    assert all(column_for_header(h) for h in header)
    path = write_xlsx(tmp_path / "bi.xlsx", header, good_rows())
    result = import_exhibitors(db, actor, show["id"], path)
    assert result.ok, result.problems
    assert result.created == 3


def test_gbk_csv_from_chinese_excel(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", ZH, good_rows(), encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")

    result = import_exhibitors(db, actor, show["id"], path)

    assert result.ok, result.problems
    assert set(by_name(db, show["id"])) == {"日照钢铁有限公司", "青岛渔业集团", "山东旅游公司"}


def test_utf8_bom_csv(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "bom.csv", ZH, good_rows(), encoding="utf-8-sig")
    result = import_exhibitors(db, actor, show["id"], path)
    assert result.ok, result.problems
    assert result.created == 3


def test_blank_rows_skipped_and_row_numbers_kept(db, actor, show, tmp_path):
    rows = [good_rows()[0], [None] * 8, ["", "  ", "", "", "", "", "", ""],
            ["坏邮箱公司", "", "", "", "", "bad@", "", ""]]
    path = write_xlsx(tmp_path / "gaps.xlsx", ZH, rows)
    result = import_exhibitors(db, actor, show["id"], path)
    assert [p.split(": ")[0] for p in result.problems] == [f"{path}:5:邮箱"]

    fixed = rows[:3] + [["好公司", "", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "gaps.csv", ZH, [["" if v is None else v for v in r] for r in fixed])
    result = import_exhibitors(db, actor, show["id"], path)
    assert result.ok, result.problems
    assert result.created == 2


def test_phone_typed_as_a_number_in_excel(db, actor, show, tmp_path):
    path = write_xlsx(tmp_path / "n.xlsx", ZH, [["数字电话公司", "", "", "", 13800138000, "", "", 5000]])
    result = import_exhibitors(db, actor, show["id"], path)
    assert result.ok, result.problems
    row = by_name(db, show["id"])["数字电话公司"]
    assert row["phone"] == "13800138000"
    assert row["expected_value_fen"] == 500_000


def test_known_manager_is_reused_not_added(db, actor, show, tmp_path):
    from expo_desk.services.users import find_or_add_account_manager

    find_or_add_account_manager(db, actor, "李娜")
    path = write_xlsx(tmp_path / "m.xlsx", ZH, good_rows())
    result = import_exhibitors(db, actor, show["id"], path)
    assert result.ok
    assert result.added_managers == []
    assert "users" not in result.changes.inserted


# --- bad files: every problem as FILE:ROW:COLUMN, nothing written -----------------------------

BAD_ROWS = {
    "missing name": (["", "No Name Ltd", "", "", "", "", "", ""], "公司名称",
                     "必须填写公司名称 / company name is required"),
    "bad email": (["坏邮箱公司", "", "", "", "", "not-an-email", "", ""], "邮箱", "not an e-mail address"),
    "bad phone": (["坏电话公司", "", "", "", "call me", "", "", ""], "电话", "not a phone number"),
    "bad amount": (["坏金额公司", "", "", "", "", "", "", "lots"], "期望值", "expected value is not an amount"),
    "too many decimals": (["小数公司", "", "", "", "", "", "", "1.234"], "期望值", "not an amount"),
    "negative amount": (["负数公司", "", "", "", "", "", "", "-500"], "期望值", "expected value cannot be negative"),
    "contact e-mail": (["联系人公司", "", "", "王伟", "", "x@y", "", ""], "邮箱", "not an e-mail address"),
}


@pytest.mark.parametrize("kind", list(BAD_ROWS))
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_bad_row_reported_and_nothing_written(db, actor, show, tmp_path, kind, suffix):
    bad, column, message = BAD_ROWS[kind]
    rows = [*good_rows(), bad]
    path = tmp_path / f"bad{suffix}"
    (write_xlsx if suffix == ".xlsx" else write_csv)(path, ZH, rows)
    before = counts(db)

    result = import_exhibitors(db, actor, show["id"], path)

    assert not result.ok
    assert len(result.problems) == 1, result.problems
    assert result.problems[0].startswith(f"{path}:5:{column}: ")
    assert message in result.problems[0]
    assert " / " in result.problems[0]  # bilingual
    assert result.created == 0
    assert not result.changes
    assert counts(db) == before


def test_duplicate_within_file_names_both_rows(db, actor, show, tmp_path):
    rows = [*good_rows(), ["日照钢铁有限公司 ", "dup", "", "", "", "", "", ""]]
    path = write_xlsx(tmp_path / "dup.xlsx", ZH, rows)
    before = counts(db)
    result = import_exhibitors(db, actor, show["id"], path)
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.startswith(f"{path}:5:公司名称: ")
    assert "第 2 行" in problem and "row 2" in problem
    assert counts(db) == before


def test_duplicate_with_other_width_and_case(db, actor, show, tmp_path):
    rows = [["ACME（中国）", "", "", "", "", "", "", ""], ["acme (中国)", "", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "dup.csv", ZH, rows)
    result = import_exhibitors(db, actor, show["id"], path)
    assert [p.split(": ")[0] for p in result.problems] == [f"{path}:3:公司名称"]


def test_unknown_column_reported_with_its_header(db, actor, show, tmp_path):
    path = write_xlsx(tmp_path / "unknown.xlsx", [*ZH, "传真 Fax"], [[*r, ""] for r in good_rows()])
    before = counts(db)
    result = import_exhibitors(db, actor, show["id"], path)
    assert len(result.problems) == 1
    assert result.problems[0].startswith(f"{path}:1:传真 Fax: ")
    assert "unknown column" in result.problems[0]
    assert counts(db) == before


def test_missing_required_column(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "noname.csv", EN[1:], [r[1:] for r in good_rows()])
    before = counts(db)
    result = import_exhibitors(db, actor, show["id"], path)
    assert len(result.problems) == 1
    assert result.problems[0].startswith(f"{path}:1:公司名称 company_name: ")
    assert "required column" in result.problems[0]
    assert counts(db) == before


def test_same_column_twice(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "twice.csv", ["公司名称", "company_name"], [["A", "A"]])
    result = import_exhibitors(db, actor, show["id"], path)
    assert [p.split(": ")[0] for p in result.problems] == [f"{path}:1:company_name"]


def test_value_without_header(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "extra.csv", ["公司名称"], [["A"], ["B", "stray"]])
    result = import_exhibitors(db, actor, show["id"], path)
    assert [p.split(": ")[0] for p in result.problems] == [f"{path}:3:列 B / column B"]


def test_every_problem_reported_at_once(db, actor, show, tmp_path):
    rows = [BAD_ROWS[kind][0] for kind in BAD_ROWS]
    rows.append(["多错公司", "", "", "", "12", "a@b", "", "x"])
    path = write_xlsx(tmp_path / "many.xlsx", ZH, rows)
    result = import_exhibitors(db, actor, show["id"], path)
    places = [p.split(": ")[0] for p in result.problems]
    expected = [f"{path}:{n}:{BAD_ROWS[k][1]}" for n, k in enumerate(BAD_ROWS, start=2)]
    last = len(rows) + 1
    expected += [f"{path}:{last}:电话", f"{path}:{last}:邮箱", f"{path}:{last}:期望值"]
    assert sorted(places) == sorted(expected)
    assert exhibitor_store.count(db, show["id"]) == 0


def test_empty_file_is_a_problem(db, actor, show, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    result = import_exhibitors(db, actor, show["id"], path)
    assert not result.ok
    assert result.problems[0].startswith(f"{path}:1:")


@pytest.mark.parametrize("name, content", [
    ("missing.xlsx", None),
    ("exhibitors.txt", b"company_name\nA\n"),
    ("corrupt.xlsx", b"this is not a zip file"),
    ("binary.csv", b"\x00\x01\x02\x03PK"),
])
def test_unreadable_file_raises_user_error_naming_it(db, actor, show, tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = counts(db)
    with pytest.raises(UserError) as caught:
        import_exhibitors(db, actor, show["id"], path)
    assert str(path) in str(caught.value)
    assert counts(db) == before


# --- existing companies, dry run, cancel, progress --------------------------------------------

def test_companies_already_in_show_are_skipped_not_doubled(db, actor, show, tmp_path):
    create_exhibitor(db, actor, show["id"], {"company_name": "日照钢铁 有限公司"})
    path = write_xlsx(tmp_path / "again.xlsx", ZH, good_rows())

    result = import_exhibitors(db, actor, show["id"], path)

    assert result.ok
    assert result.created == 2
    assert result.skipped_duplicates == ["日照钢铁有限公司"]
    assert exhibitor_store.count(db, show["id"]) == 3
    again = import_exhibitors(db, actor, show["id"], path)
    assert again.ok and again.created == 0
    assert len(again.skipped_duplicates) == 3
    assert exhibitor_store.count(db, show["id"]) == 3


def test_same_company_in_another_show_is_not_a_duplicate(db, actor, show, tmp_path):
    other = create_show(db, actor, "QD2026", "青岛展")
    create_exhibitor(db, actor, other["id"], {"company_name": "日照钢铁有限公司"})
    result = import_exhibitors(db, actor, show["id"], write_xlsx(tmp_path / "a.xlsx", ZH, good_rows()))
    assert result.created == 3 and result.skipped_duplicates == []


def test_dry_run_reports_and_writes_nothing(db, actor, show, tmp_path):
    create_exhibitor(db, actor, show["id"], {"company_name": "山东旅游公司"})
    path = write_xlsx(tmp_path / "dry.xlsx", ZH, good_rows())
    before = counts(db)

    result = import_exhibitors(db, actor, show["id"], path, dry_run=True)

    assert result.ok and result.dry_run
    assert result.created == 2
    assert result.skipped_duplicates == ["山东旅游公司"]
    assert result.added_managers == ["李娜"]
    assert not result.changes
    assert counts(db) == before


def test_dry_run_of_a_bad_file_reports_problems(db, actor, show, tmp_path):
    path = write_xlsx(tmp_path / "dry.xlsx", ZH, [*good_rows(), BAD_ROWS["bad email"][0]])
    result = import_exhibitors(db, actor, show["id"], path, dry_run=True)
    assert result.dry_run and not result.ok and result.created == 0


def many_rows(n: int, managers: int = 20) -> list[list]:
    return [[f"展商{i:05d}有限公司", f"Exhibitor {i:05d} Ltd", "食品", f"联系人{i}", f"0633-{i:07d}",
             f"c{i}@example.com", f"经理{i % managers}", f"{i * 10}.50"] for i in range(n)]


def test_cancel_during_writing_writes_nothing(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "big.csv", ZH, many_rows(1000))
    before = counts(db)
    seen: list[tuple[int, int]] = []

    def cancel() -> bool:  # cancel once the write phase is half done
        return bool(seen) and seen[-1][0] >= 1500

    with pytest.raises(ImportCancelled) as caught:
        import_exhibitors(db, actor, show["id"], path, progress=lambda d, t: seen.append((d, t)),
                          should_cancel=cancel)
    assert isinstance(caught.value, UserError)
    assert "cancelled" in str(caught.value)
    assert seen[-1][0] >= 1500  # really inside the write phase
    assert counts(db) == before  # exhibitors, contacts, added managers and audit all rolled back
    assert not db.conn.in_transaction


def test_cancel_before_start(db, actor, show, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", ZH, good_rows())
    before = counts(db)
    with pytest.raises(ImportCancelled):
        import_exhibitors(db, actor, show["id"], path, should_cancel=lambda: True)
    assert counts(db) == before


def test_progress_reaches_total(db, actor, show, tmp_path):
    path = write_csv(tmp_path / "p.csv", ZH, many_rows(450))
    seen: list[tuple[int, int]] = []
    result = import_exhibitors(db, actor, show["id"], path, progress=lambda d, t: seen.append((d, t)))
    assert result.ok
    assert seen[0] == (0, 900)
    assert seen[-1] == (900, 900)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_import_into_an_open_transaction_keeps_outer_control(db, actor, show, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", ZH, good_rows())
    with pytest.raises(RuntimeError):
        with db.atomic():
            assert import_exhibitors(db, actor, show["id"], path).created == 3
            raise RuntimeError("outer failure")
    assert exhibitor_store.count(db, show["id"]) == 0


def test_ten_thousand_rows(db, actor, show, tmp_path):
    path = write_xlsx(tmp_path / "10k.xlsx", ZH, many_rows(10_000))
    started = time.perf_counter()
    result = import_exhibitors(db, actor, show["id"], path)
    elapsed = time.perf_counter() - started
    print(f"\nimported 10,000 exhibitors from .xlsx in {elapsed:.2f} s")
    assert result.ok, result.problems[:5]
    assert result.created == 10_000
    assert len(result.added_managers) == 20
    assert exhibitor_store.count(db, show["id"]) == 10_000


# --- the template -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["exhibitors_template.xlsx", "exhibitors_template.csv"])
def test_template_headers_all_recognised_and_template_imports_clean(db, actor, show, name):
    path = TEMPLATES / name
    if name.endswith(".xlsx"):
        assert openpyxl.load_workbook(path).sheetnames[0] == "展商 Exhibitors"
    assert [column_for_header(h) for h in read_table(path).header] == [c.key for c in COLUMNS]
    result = import_exhibitors(db, actor, show["id"], path)
    assert result.ok, result.problems
    assert result.created == 0


def test_template_example_row_is_valid(db, actor, show, tmp_path):
    """The example on the notes sheet, pasted into the first sheet, imports cleanly."""
    workbook = openpyxl.load_workbook(TEMPLATES / "exhibitors_template.xlsx")
    notes = workbook["说明 Notes"]
    values = [[c.value for c in row] for row in notes.iter_rows()]
    header_at = max(i for i, row in enumerate(values) if row[0] == COLUMNS[0].header)
    example = values[header_at + 1]
    path = write_xlsx(tmp_path / "example.xlsx", values[header_at], [example])
    result = import_exhibitors(db, actor, show["id"], path)
    assert result.ok, result.problems
    assert result.created == 1


def test_xlsx_with_broken_sheet_raises_user_error(db, actor, show, tmp_path):
    import zipfile

    good = write_xlsx(tmp_path / "good.xlsx", ZH, good_rows())
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    before = counts(db)
    with pytest.raises(UserError) as caught:
        import_exhibitors(db, actor, show["id"], broken)
    assert str(broken) in str(caught.value)
    assert counts(db) == before
