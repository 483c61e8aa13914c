"""``import visitors`` and ``import leads`` as a script runs them: exit codes and what is written."""

from __future__ import annotations

from expo_desk.services import contracts
from expo_desk.services.tabular import write_table
from expo_desk.store.queries import scalar
from tests.helpers import run_cli


def test_import_visitors_dry_run_then_for_real(db, db_path, show, tmp_path, capsys):
    src = tmp_path / "registrations.csv"
    write_table(src, ["姓名", "入场时间", "行业"], [["孙", "2026-09-18 09:00", "钢铁"], ["钱", "2026-09-18 10:00", "钢铁"],
                                              ["周", "2026-09-19 10:00", "渔业"]])
    base = ["import", "visitors", src, "--db", db_path, "--show", "RZ2026"]
    code, out, _ = run_cli(capsys, *base, "--dry-run")
    assert code == 0
    assert "counted one row per visitor; would set 2 day/sector count(s), 3 visitor(s), in RZ2026" in out
    assert "dry run" in out and scalar(db, "SELECT count(*) FROM visitor_counts") == 0
    code, out, _ = run_cli(capsys, *base)
    assert code == 0 and "set 2 day/sector count(s), 3 visitor(s)" in out
    assert scalar(db, "SELECT sum(visitors) FROM visitor_counts") == 3


def test_import_visitors_with_a_bad_row_exits_2_and_writes_nothing(db, db_path, show, tmp_path, capsys):
    src = tmp_path / "counts.csv"
    write_table(src, ["day", "sector", "visitors"], [["2026-09-18", "钢铁", 10], ["2026-09-19", "钢铁", -3]])
    code, out, err = run_cli(capsys, "import", "visitors", src, "--db", db_path, "--show", "RZ2026")
    assert code == 2
    assert err.splitlines() == [f"{src}:3:visitors: 人数应为 0 到 10,000,000 的整数 / visitors must be a whole number "
                                "from 0 to 10,000,000: '-3'"]
    assert "1 problem(s); nothing was imported" in out
    assert scalar(db, "SELECT count(*) FROM visitor_counts") == 0
    code, _, err = run_cli(capsys, "import", "visitors", src, "--db", db_path, "--show", "NOPE")
    assert code == 2 and "no show with code NOPE" in err
    code, _, err = run_cli(capsys, "import", "visitors", tmp_path / "none.csv", "--db", db_path, "--show", "RZ2026")
    assert code == 2 and "file not found" in err


def test_import_leads_by_booth_and_company_then_again(db, db_path, sales, tmp_path, capsys):
    contracts.create_contract(db, sales["am1"], sales["show"]["id"], sales["steel"], [sales["booths"]["A-001"]],
                              today="2026-06-01")
    src = tmp_path / "scans.xlsx"
    write_table(src, ["展商", "日期", "姓名", "签约", "金额"], [["A-001", "2026-09-18", "孙先生", "是", "8000"],
                                                     ["黄海渔业有限公司", "2026-09-19", "周先生", "否", None]])
    base = ["import", "leads", src, "--db", db_path, "--show", "RZ2026"]
    code, out, _ = run_cli(capsys, *base)
    assert code == 0
    assert "added 2 lead(s) for 2 exhibitor(s) in RZ2026, 1 agreement(s) signed worth ¥8,000.00; skipped 0" in out
    code, out, _ = run_cli(capsys, *base)
    assert code == 0 and "added 0 lead(s)" in out and "skipped 2 already there" in out
    assert scalar(db, "SELECT count(*) FROM exhibitor_leads") == 2


def test_import_leads_with_an_unknown_exhibitor_exits_2(db, db_path, sales, tmp_path, capsys):
    src = tmp_path / "scans.csv"
    write_table(src, ["exhibitor", "visitor_name"], [["黄海渔业有限公司", "周先生"], ["Z-999", "吴先生"]])
    code, _, err = run_cli(capsys, "import", "leads", src, "--db", db_path, "--show", "RZ2026")
    assert code == 2 and err.startswith(f"{src}:3:exhibitor: ")
    assert scalar(db, "SELECT count(*) FROM exhibitor_leads") == 0
