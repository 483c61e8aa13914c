"""Booth list import and export: headers in either language, all or nothing, FILE:ROW:COLUMN."""

from __future__ import annotations

import pytest

from expo_desk.domain.booths import BoothDraft
from expo_desk.errors import PermissionDenied, UserError
from expo_desk.services import booths as svc
from expo_desk.services.booth_export import export_booths
from expo_desk.services.booth_import import import_booths, metres_to_cm
from expo_desk.services.tabular import read_table, write_table
from expo_desk.store.queries import scalar

ZH = ["展位号", "展馆", "宽", "深", "类型", "X", "Y", "行业"]
EN = ["booth_no", "hall", "width_m", "depth_m", "type", "x_m", "y_m", "sector"]


@pytest.fixture
def halls(db, actor, show):
    h1 = svc.create_hall(db, actor, show["id"], "H1", "", 3000, 2000).inserted["halls"][0]
    h2 = svc.create_hall(db, actor, show["id"], "H2", "", 6000, 4000).inserted["halls"][0]
    return h1, h2


def write(tmp_path, name, header, rows):
    path = tmp_path / name
    write_table(path, header, rows)
    return path


def count(db):
    return scalar(db, "SELECT count(*) FROM booths")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("header", [ZH, EN])
def test_import_with_chinese_or_english_headers(db, actor, show, halls, tmp_path, suffix, header):
    path = write(tmp_path, f"booths{suffix}", header, [
        ["A1-001", "H1", 3, 3, "标准", 0, 0, "汽车"],
        ["A1-002", "h1", "3", "3", "shell", "3", "0", ""],
        ["R-01", "H2", 6, 6.5, "光地", 10.5, 2.25, "钢铁"],
        [None, None, None],
    ])
    result = import_booths(db, actor, show["id"], path, backup_dir=tmp_path / "backups")
    assert result.ok, result.problems
    assert result.created == 3 and result.per_hall == {"H1": 2, "H2": 1}
    raw = {b["number"]: b for b in svc.hall_booths(db, halls[1])}["R-01"]
    assert (raw["booth_type"], raw["x_cm"], raw["y_cm"], raw["width_cm"], raw["depth_cm"], raw["sector"]) == \
        ("raw", 1050, 225, 600, 650, "钢铁")


def test_every_problem_with_file_row_and_column_and_nothing_written(db, actor, show, halls, tmp_path):
    svc.add_booths(db, actor, show["id"], halls[0], [BoothDraft("OLD", 0, 0, 300, 300)])
    path = write(tmp_path, "bad.csv", ZH, [
        ["OLD", "H1", 3, 3, "标准", 10, 10],  # number taken
        ["B1", "H9", 3, 3, "标准", 10, 10],  # no such hall
        ["B2", "H1", "three", 3, "帐篷", 10, 10],  # bad width, bad type
        ["B3", "H1", 3, 3, "", 10, ""],  # Y missing
        ["B2", "H1", 3, 3, "", 20, 10],  # B2 again
        ["", "H1", 3, 3.333, "", 20, 10],  # no number, 3.333 m
    ])
    before = count(db)
    result = import_booths(db, actor, show["id"], path)
    file = str(path)
    assert result.problems == [
        f"{file}:2:展位号: 本届展会已有展位 OLD / this show already has booth OLD",
        f"{file}:3:展馆: 没有展馆 H9（已有：H1, H2）/ no hall H9 (known: H1, H2)",
        f"{file}:4:宽: 不是以米为单位的长度（最多两位小数）/ not a length in metres with at most two decimals: 'three'",
        f"{file}:4:类型: 类型应为 标准/shell 或 光地/raw / type must be 标准/shell or 光地/raw: '帐篷'",
        f"{file}:5:Y: 必填 / required",
        f"{file}:6:展位号: 与第 4 行重复 / duplicates row 4: 'B2'",
        f"{file}:7:展位号: 展位号必填 / the booth number is required",
        f"{file}:7:深: 不是以米为单位的长度（最多两位小数）/ not a length in metres with at most two decimals: '3.333'",
    ]
    assert count(db) == before


def test_layout_problems_point_at_the_x_column(db, actor, show, halls, tmp_path):
    svc.add_booths(db, actor, show["id"], halls[0], [BoothDraft("OLD", 0, 0, 300, 300)])
    path = write(tmp_path, "layout.csv", EN, [
        ["A1", "H1", 3, 3, "", 1.5, 0],  # overlaps OLD
        ["A2", "H1", 3, 3, "", 28, 0],  # outside the 30 m hall
        ["A3", "H1", 3, 3, "", 10, 10],
        ["A4", "H1", 3, 3, "", 11, 11],  # overlaps A3
    ])
    result = import_booths(db, actor, show["id"], path)
    file = str(path)
    assert result.problems == [
        f"{file}:2:x_m: 与已有展位 OLD 重叠 / overlaps booth OLD already in the hall",
        f"{file}:3:x_m: 超出展馆 H1（30 m × 20 m）/ outside hall H1 (30 m x 20 m)",
        f"{file}:5:x_m: 与第 4 行的展位 A3 重叠 / overlaps booth A3 of row 4",
    ]
    assert count(db) == 1


def test_header_problems(db, actor, show, halls, tmp_path):
    path = write(tmp_path, "h.csv", ["展位号", "booth_no", "颜色", "宽", "X", "Y"], [["A1", "A1", "red", 3, 0, 0]])
    result = import_booths(db, actor, show["id"], path)
    text = "\n".join(result.problems)
    assert ":1:booth_no: 与列 '展位号' 重复 / the same column as '展位号'" in text
    assert ":1:颜色: 不认识的列 / unknown column" in text
    assert ":1:展馆 hall: 缺少必填列 / required column is missing" in text
    assert ":1:深 depth_m: 缺少必填列" in text


def test_default_hall_and_dry_run(db, actor, show, halls, tmp_path):
    path = write(tmp_path, "h2.csv", ["展位号", "宽", "深", "X", "Y"], [["C1", 3, 3, 0, 0], ["C2", 3, 3, 3, 0]])
    with pytest.raises(UserError, match="no hall H7"):
        import_booths(db, actor, show["id"], path, hall_code="H7")
    result = import_booths(db, actor, show["id"], path, hall_code="H2", dry_run=True)
    assert result.ok and result.created == 2 and count(db) == 0
    result = import_booths(db, actor, show["id"], path, hall_code="H2", backup_dir=tmp_path / "b")
    assert result.created == 2 and [b["number"] for b in svc.hall_booths(db, halls[1])] == ["C1", "C2"]
    other = write(tmp_path, "h3.csv", ["展位号", "展馆", "宽", "深", "X", "Y"], [["D1", "H1", 3, 3, 0, 0]])
    result = import_booths(db, actor, show["id"], other, hall_code="H2")
    assert "differs from the hall given (H2)" in result.problems[0]


def test_builders_may_not_import(db, actor, show, halls, tmp_path):
    from expo_desk.domain.actors import Actor
    from expo_desk.domain.enums import Role

    path = write(tmp_path, "x.csv", EN, [["A1", "H1", 3, 3, "", 0, 0]])
    with pytest.raises(PermissionDenied):
        import_booths(db, Actor("u", "builder", Role.CONSTRUCTION_EXECUTOR), show["id"], path)
    with pytest.raises(PermissionDenied):
        import_booths(db, Actor("u", "am", Role.ACCOUNT_MANAGER), show["id"], path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_into_another_show(db, actor, show, halls, tmp_path, suffix):
    from expo_desk.services.shows import create_show

    svc.generate_block(db, actor, show["id"], halls[0], rows=2, columns=3, pattern="A{n}", x_cm=150, sector="食品")
    svc.add_booths(db, actor, show["id"], halls[1], [BoothDraft("R1", 1050, 225, 600, 650, "raw")])
    svc.reserve_booth(db, actor, svc.find_booth(db, show["id"], "A1")[0]["id"], "青岛啤酒", "2099-01-01")
    out = tmp_path / f"out{suffix}"
    assert export_booths(db, show["id"], out) == 7
    table = read_table(out)
    assert table.header[:3] == ["展位号 booth_no", "展馆 hall", "宽 width_m"]
    first = dict(zip(table.header, table.rows[0][1]))
    assert first["展位号 booth_no"] == "A1" and first["类型 type"] == "标准 shell"
    assert first["状态 status"] == "reserved" and first["预留给 reserved_for"] == "青岛啤酒"
    assert float(first["X x_m"]) == 1.5
    other = create_show(db, actor, "QD2026", "青岛展")
    svc.create_hall(db, actor, other["id"], "H1", "", 3000, 2000)
    svc.create_hall(db, actor, other["id"], "H2", "", 6000, 4000)
    result = import_booths(db, actor, other["id"], out, backup_dir=tmp_path / "b")
    assert result.ok, result.problems
    assert result.per_hall == {"H1": 6, "H2": 1}
    copied = {b["number"]: b for b in svc.find_booth(db, other["id"], "R1")}
    assert (copied["R1"]["x_cm"], copied["R1"]["width_cm"], copied["R1"]["depth_cm"]) == (1050, 600, 650)


@pytest.mark.parametrize(("value", "cm"), [(3, 300), ("3", 300), (2.5, 250), ("1,5", 150), ("3 m", 300),
                                           ("0.01", 1), (10.25, 1025)])
def test_metres_to_cm(value, cm):
    assert metres_to_cm(value) == cm


@pytest.mark.parametrize("value", ["3.001", "abc", "", True, "nan", "inf"])
def test_metres_to_cm_refuses(value):
    with pytest.raises(ValueError):
        metres_to_cm(value)
