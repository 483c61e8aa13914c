"""A week of the show's build-up: one office copy and three venue laptops work offline and
exchange files on a USB stick in changing orders. Every edit arrives everywhere; the copies
end identical except the rows waiting in the review list."""

from __future__ import annotations

import random

import pytest

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import exhibitors, sync_conflicts, users
from expo_desk.services.contract_signing import sign_contract
from expo_desk.services.contracts import create_contract
from expo_desk.services.payments import record_payment
from expo_desk.services.tasks import finish_task, start_task
from expo_desk.store.queries import scalar
from tests.helpers import contents

COPIES = ("office", "venue1", "venue2", "venue3")
DAYS = ("2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18")


def _sell(db, sales, who, exhibitor, number, on):
    cid = create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor], [sales["booths"][number]],
                          today=on).inserted["contracts"][0]
    sign_contract(db, sales[who], cid, signed_on=on)
    return cid


def _executor_tasks(db, contract_id):
    return [r[0] for r in db.execute(
        "SELECT id FROM tasks WHERE contract_id = ? AND role = 'construction_executor' AND level = 'task'"
        " ORDER BY planned_start, name", [contract_id]).fetchall()]


def _exchange_round(copies, order, actors):
    for name in order:
        copies.send(name, actors[name])
    for name in order:
        report = copies.receive(name, actors[name])
        assert report.refused == [], report.refused


@pytest.mark.slow
@pytest.mark.parametrize("seed", [7, 2026])
def test_a_week_offline_loses_no_edit(copies, actor, sales, seed):
    office = copies.dbs["office"]
    ce_id = users.create_user(office, actor, "ce", "张执行", Role.CONSTRUCTION_EXECUTOR).inserted["users"][0]
    executor = Actor(ce_id, "张执行", Role.CONSTRUCTION_EXECUTOR)
    steel_contract = _sell(office, sales, "am1", "steel", "A-002", "2026-06-01")
    fish_contract = _sell(office, sales, "am2", "fish", "A-003", "2026-06-02")
    dbs = {"office": office, **{name: copies.prepare(name, actor) for name in COPIES[1:]}}
    actors = {"office": actor, "venue1": executor, "venue2": sales["am2"], "venue3": executor}
    tasks = {"venue1": _executor_tasks(office, steel_contract), "venue3": _executor_tasks(office, fish_contract)}
    rng = random.Random(seed)

    made_exhibitors, payments, task_updates = set(), 0, {}
    for day_no, day in enumerate(DAYS):
        # office: a new exhibitor and a payment every day
        name = f"办公室新展商{day_no}"
        exhibitors.create_exhibitor(office, actor, sales["show"]["id"], {"company_name": name, "sector": "食品"})
        made_exhibitors.add(name)
        record_payment(office, sales["am1"], steel_contract, 100_000 + day_no, paid_on=day, reference=f"BOC-{day}")
        payments += 1
        # venue2: the account manager signs up walk-in exhibitors and takes payments
        name = f"现场展商{day_no}"
        exhibitors.create_exhibitor(dbs["venue2"], sales["am2"], sales["show"]["id"],
                                    {"company_name": name, "sector": "渔业", "account_manager_id": sales["am2"].user_id})
        made_exhibitors.add(name)
        record_payment(dbs["venue2"], sales["am2"], fish_contract, 50_000 + day_no, paid_on=day,
                       method="cash", reference=f"现金-{day}")
        payments += 1
        # venue1 and venue3: the executor works through the build tasks of two booths
        for venue in ("venue1", "venue3"):
            task_id = tasks[venue][day_no % len(tasks[venue])]
            if day_no < 3:
                start_task(dbs[venue], executor, task_id, on=day)
                task_updates[task_id] = "in_progress"
            else:
                finish_task(dbs[venue], executor, task_id, on=day)
                task_updates[task_id] = "done"
        if day_no == 1:  # the same raw-space booth sold on two laptops the same afternoon
            _sell(dbs["venue1"], sales, "am1", "steel", "R-001", day)
            _sell(dbs["venue2"], sales, "am2", "fish", "R-001", day)
        order = list(COPIES)
        rng.shuffle(order)
        _exchange_round(copies, order[: 2 + day_no % 3], actors)  # not everyone gets to the stick every day

    for _ in range(2):  # the evening everyone syncs, twice round so files made on the way arrive too
        _exchange_round(copies, COPIES, actors)

    open_conflicts = {name: sync_conflicts.list_conflicts(db) for name, db in dbs.items()}
    disputed = {(c["table_name"], c["row_id"]) for found in open_conflicts.values() for c in found}
    disputed |= {("contract_lines", (c["ours_value"] or {}).get("id", "")) for found in open_conflicts.values()
                 for c in found if c["kind"] == "duplicate"}
    assert {c["kind"] for c in open_conflicts["office"]} == {"duplicate"}  # only the double sale waits
    for db in dbs.values():  # both sales of R-001 are kept: one holds the booth, the other waits in review
        assert scalar(db, "SELECT count(*) FROM contracts c JOIN contract_lines l ON l.contract_id = c.id"
                          " JOIN booths b ON b.id = l.booth_id WHERE b.number = 'R-001' AND l.holds_booth = 1") == 1
        assert scalar(db, "SELECT count(*) FROM contracts WHERE number LIKE 'RZ2026-C_-0001'") == 2
    reference = contents(office)
    for name, db in dbs.items():
        assert {r[0] for r in db.execute("SELECT company_name FROM exhibitors")} >= made_exhibitors, name
        assert scalar(db, "SELECT count(*) FROM payments") == payments, name
        for task_id, status in task_updates.items():
            assert scalar(db, "SELECT status FROM tasks WHERE id = ?", [task_id]) == status, name
        mine = contents(db)
        differ = {key for key in reference.keys() | mine.keys() if reference.get(key) != mine.get(key)}
        assert differ - disputed == set(), (name, sorted(differ - disputed)[:12])
