"""``expo-desk import booths`` and ``expo-desk export booths``: exit codes, output, files."""

from __future__ import annotations

from expo_desk.cli import main
from expo_desk.domain.actors import local_actor
from expo_desk.services import booths as svc
from expo_desk.services.shows import create_show
from expo_desk.services.tabular import read_table, write_table
from expo_desk.store.db import open_database


def make_file(tmp_path):
    path = tmp_path / "show.sqlite"
    db = open_database(path)
    actor = local_actor("setup")
    show = create_show(db, actor, "RZ2026", "2026日照国际博览会")
    svc.create_hall(db, actor, show["id"], "H1", "", 3000, 2000)
    db.close()
    return path


def booth_count(path):
    db = open_database(path, create=False)
    try:
        return db.execute("SELECT count(*) FROM booths").fetchone()[0]
    finally:
        db.close()


def test_import_dry_run_then_import_then_export(tmp_path, capsys):
    path = make_file(tmp_path)
    src = tmp_path / "booths.csv"
    write_table(src, ["展位号", "宽", "深", "类型", "X", "Y"], [["A1", 3, 3, "标准", 0, 0], ["A2", 3, 3, "光地", 3, 0]])
    assert main(["import", "booths", str(src), "--db", str(path), "--show", "RZ2026", "--hall", "H1",
                 "--dry-run"]) == 0
    assert "would create 2 booth(s) in RZ2026 (H1 2) (dry run: nothing written)" in capsys.readouterr().out
    assert booth_count(path) == 0
    assert main(["import", "booths", str(src), "--db", str(path), "--show", "RZ2026", "--hall", "H1"]) == 0
    assert "created 2 booth(s) in RZ2026 (H1 2)" in capsys.readouterr().out
    assert booth_count(path) == 2
    out = tmp_path / "out.xlsx"
    assert main(["export", "booths", "--db", str(path), "--show", "RZ2026", "-o", str(out)]) == 0
    assert f"{out}: exported 2 booth(s) of RZ2026" in capsys.readouterr().out
    assert [r[1][0] for r in read_table(out).rows] == ["A1", "A2"]


def test_import_problems_go_to_stderr_one_per_line_and_exit_2(tmp_path, capsys):
    path = make_file(tmp_path)
    src = tmp_path / "bad.csv"
    write_table(src, ["booth_no", "hall", "width_m", "depth_m", "x_m", "y_m"],
                [["A1", "H1", 3, 3, 0, 0], ["A2", "H1", 3, 3, 1, 0], ["A3", "H5", 3, 3, 9, 0]])
    assert main(["import", "booths", str(src), "--db", str(path), "--show", "RZ2026"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{src}:4:hall: 没有展馆 H5（已有：H1）/ no hall H5 (known: H1)",
    ]
    assert "nothing was imported" in captured.out
    write_table(src, ["booth_no", "hall", "width_m", "depth_m", "x_m", "y_m"],
                [["A1", "H1", 3, 3, 0, 0], ["A2", "H1", 3, 3, 1, 0]])
    assert main(["import", "booths", str(src), "--db", str(path), "--show", "RZ2026"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{src}:3:x_m: 与第 2 行的展位 A1 重叠 / overlaps booth A1 of row 2"]
    assert booth_count(path) == 0


def test_bad_arguments_exit_2(tmp_path, capsys):
    path = make_file(tmp_path)
    assert main(["import", "booths", str(tmp_path / "none.csv"), "--db", str(path), "--show", "RZ2026"]) == 2
    assert "file not found" in capsys.readouterr().err
    assert main(["export", "booths", "--db", str(path), "--show", "XX", "-o", str(tmp_path / "o.csv")]) == 2
    assert "no show with code XX" in capsys.readouterr().err
    assert main(["export", "booths", "--db", str(path), "--show", "RZ2026", "-o", str(tmp_path / "o.pdf")]) == 2
    src = tmp_path / "b.csv"
    write_table(src, ["booth_no", "width_m", "depth_m", "x_m", "y_m"], [["A1", 3, 3, 0, 0]])
    assert main(["import", "booths", str(src), "--db", str(path), "--show", "RZ2026", "--hall", "H8"]) == 2
    assert "no hall H8" in capsys.readouterr().err
    assert main(["import", "exhibitors", "--help"]) == 0  # the existing kinds stay
