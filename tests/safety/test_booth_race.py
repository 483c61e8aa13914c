"""Selling a booth twice is impossible, also from two processes at once.

Two child processes (this file run as a script, no Qt) open the same file, each with a
contract of its own. Every round both are told the same booth at the same moment and both
call ``services.booths.sell_booth``: the unique index ``one_active_sale_per_booth`` lets
exactly one active sale in; the other gets "展位 X 已售出 / booth X is already sold".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROUNDS = 40


def _child(path: str, contract_id: str, name: str) -> int:
    from expo_desk.domain.actors import local_actor
    from expo_desk.errors import UserError
    from expo_desk.services.booths import sell_booth
    from expo_desk.store.db import open_database

    db = open_database(path, create=False, lock=False)
    actor = local_actor(name)
    print("READY", flush=True)
    for line in sys.stdin:
        booth_id = line.strip()
        if booth_id == "quit":
            break
        try:
            sell_booth(db, actor, contract_id, booth_id)
        except UserError as exc:
            print(f"LOST {booth_id} {exc}", flush=True)
        else:
            print(f"WON {booth_id}", flush=True)
    db.close()
    return 0


def _setup(path: Path) -> tuple[list[str], list[str]]:
    from expo_desk.domain.actors import local_actor
    from expo_desk.services import booths as svc
    from expo_desk.services.exhibitors import create_exhibitor
    from expo_desk.services.shows import create_show
    from expo_desk.store import records
    from expo_desk.store.db import open_database

    actor = local_actor("setup")
    db = open_database(path)
    try:
        show = create_show(db, actor, "RZ2026", "2026日照国际博览会")
        hall = svc.create_hall(db, actor, show["id"], "H1", "", 30000, 3000).inserted["halls"][0]
        booths = svc.generate_block(db, actor, show["id"], hall, rows=1, columns=ROUNDS, pattern="A{n}").inserted["booths"]
        contracts = []
        for n, name in enumerate(("日照港集团有限公司", "海尔集团"), start=1):
            exhibitor = create_exhibitor(db, actor, show["id"], {"company_name": name}).inserted["exhibitors"][0]
            contracts.append(records.insert(db, actor, "contracts", {
                "show_id": show["id"], "exhibitor_id": exhibitor, "number": f"2026-000{n}",
                "created_at": records.utc_now()})["id"])
        return booths, contracts
    finally:
        db.close()


@pytest.mark.slow
def test_two_processes_never_sell_one_booth_twice(tmp_path):
    from expo_desk.store.db import open_database

    path = tmp_path / "show.sqlite"
    booths, contracts = _setup(path)
    env = {**os.environ, "EXPO_DESK_TESTING": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("QT_QPA_PLATFORM", None)
    children = [subprocess.Popen([sys.executable, __file__, str(path), contract, name], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
                for contract, name in zip(contracts, ("P1", "P2"))]
    try:
        for child in children:
            assert child.stdout.readline().strip() == "READY", child.stderr.read()
        winners = {"P1": 0, "P2": 0}
        for booth_id in booths:
            for child in children:  # both told the same booth before either answers
                child.stdin.write(booth_id + "\n")
            for child in children:
                child.stdin.flush()
            answers = [child.stdout.readline().strip() for child in children]
            won = [a for a in answers if a.startswith("WON ")]
            lost = [a for a in answers if a.startswith("LOST ")]
            assert len(won) == 1 and len(lost) == 1, answers
            number = lost[0].split(" ")[3]
            assert lost[0].endswith(f"展位 {number} 已售出 / booth {number} is already sold"), lost
            winners["P1" if answers[0].startswith("WON") else "P2"] += 1
        for child in children:
            child.stdin.write("quit\n")
            child.stdin.close()
        for child in children:
            assert child.wait(timeout=30) == 0, child.stderr.read()
            assert "Traceback" not in child.stderr.read()
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    db = open_database(path, create=False)
    try:
        per_booth = db.execute("SELECT booth_id, count(*) FROM contract_lines WHERE holds_booth = 1"
                               " GROUP BY booth_id").fetchall()
        assert len(per_booth) == ROUNDS and all(count == 1 for _, count in per_booth)
        assert db.execute("SELECT count(*) FROM booths WHERE status = 'sold'").fetchone()[0] == ROUNDS
        sales = dict(db.execute("SELECT user_name, count(*) FROM audit_log WHERE table_name = 'contract_lines'"
                                " GROUP BY user_name").fetchall())
    finally:
        db.close()
    assert sum(sales.values()) == ROUNDS and sales == {k: v for k, v in winners.items() if v}
    print(f"\nbooth race: {ROUNDS} rounds, two processes each; wins {winners}, no booth sold twice")


if __name__ == "__main__":
    sys.exit(_child(*sys.argv[1:4]))
