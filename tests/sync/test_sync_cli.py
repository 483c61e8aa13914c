"""``expo-desk sync prepare|export|apply|conflicts`` on real files."""

from __future__ import annotations

from expo_desk.services import exhibitors
from expo_desk.store.db import open_database
from expo_desk.store.queries import scalar
from tests.helpers import run_cli


def test_prepare_export_apply_and_conflicts_from_the_command_line(capsys, db, db_path, actor, sales, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    laptop = tmp_path / "laptop.sqlite"
    db.close()
    code, out, _ = run_cli(capsys, "sync", "prepare", "--db", db_path, "-o", laptop, "--name", "展馆笔记本1",
                           "--code", "V1")
    assert code == 0 and "series V1" in out
    venue = open_database(laptop)
    exhibitors.create_exhibitor(venue, actor, sales["show"]["id"], {"company_name": "现场展商"})
    exhibitors.update_exhibitor(venue, actor, sales["steel"], {"phone": "0633-2222222"})
    venue.close()
    office = open_database(db_path)
    exhibitors.update_exhibitor(office, actor, sales["steel"], {"phone": "0633-1111111"})
    office.close()

    code, out, _ = run_cli(capsys, "sync", "export", "--db", laptop, "-o", stick)
    assert code == 0 and ".expochanges" in out
    code, out, _ = run_cli(capsys, "sync", "export", "--db", laptop, "-o", stick)
    assert code == 0 and "nothing changed" in out
    code, out, err = run_cli(capsys, "sync", "apply", "--db", db_path, stick)
    assert code == 0, err
    assert "1 file(s) applied" in out and "1 conflict(s) to review" in out
    code, out, _ = run_cli(capsys, "sync", "apply", "--db", db_path, stick)
    assert "0 file(s) applied, 1 already applied" in out

    code, out, _ = run_cli(capsys, "sync", "conflicts", "--db", db_path)
    assert code == 1
    assert "exhibitors 日照钢铁集团有限公司 .phone" in out and "0633-1111111" in out and "0633-2222222" in out
    conflict_id = out.split()[0]
    code, _, err = run_cli(capsys, "sync", "conflicts", "--db", db_path, "--keep", "theirs", "--id", conflict_id)
    assert code == 2 and "department manager" in err or "部门经理" in err  # the local user is an administrator
    office = open_database(db_path)
    assert scalar(office, "SELECT count(*) FROM exhibitors WHERE company_name = '现场展商'") == 1
    office.close()
    code, _, err = run_cli(capsys, "sync", "apply", "--db", db_path, tmp_path / "nowhere")
    assert code == 2 and "folder not found" in err
    code, out, _ = run_cli(capsys, "sync", "rebase", "--db", laptop)
    assert code == 0 and "exchanges again" in out
