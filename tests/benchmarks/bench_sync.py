"""How long a venue laptop's day of work takes to travel back to the office, on a big show.

Run on demand (not part of the normal test run):

    uv run python tests/benchmarks/bench_sync.py          # tier M (the issue's size)
    uv run python tests/benchmarks/bench_sync.py L

It writes a demo show of the tier, sets it up as the office copy and prepares a venue copy.
On the copy it does a day's work through the services: 1,000 build-task updates (starts and
finishes), 150 payments and 40 walk-in exhibitors. Then it times "send" on the copy (a
snapshot, the diff against the base, the file written) and "receive" at the office (the
changeset applied in one transaction, the base following). The baseline is a verified
backup copy of the office file (``write_backup``), timed in the same run on the same file.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from timing import demo_file, machine, seconds, timed

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import exhibitors, sync
from expo_desk.services.payments import record_payment
from expo_desk.services.tasks import finish_task, start_task
from expo_desk.store.backup import write_backup
from expo_desk.store.db import open_database
from expo_desk.store.queries import scalar

TASK_UPDATES, PAYMENTS, NEW_EXHIBITORS = 1000, 150, 40


def _day_of_work(db, show_id: str) -> tuple[int, int, int]:
    """Task updates, payments and exhibitors made (fewer than asked on a small show)."""
    admin = Actor(scalar(db, "SELECT id FROM users WHERE role = 'administrator' LIMIT 1"), "bench", Role.ADMINISTRATOR)
    tasks = [r[0] for r in db.execute("SELECT id FROM tasks WHERE level = 'task' AND status = 'not_started'"
                                      " ORDER BY planned_start LIMIT ?", [TASK_UPDATES // 2])]
    for task_id in tasks:
        start_task(db, admin, task_id, on="2026-09-14")
        finish_task(db, admin, task_id, on="2026-09-15")
    contracts = [r[0] for r in db.execute("SELECT id FROM contracts WHERE status IN ('signed', 'part_paid')"
                                          " LIMIT ?", [PAYMENTS])]
    for n, contract_id in enumerate(contracts):
        record_payment(db, admin, contract_id, 1_000 + n, paid_on="2026-09-15", method="cash", reference=f"现金{n}")
    for n in range(NEW_EXHIBITORS):
        exhibitors.create_exhibitor(db, admin, show_id, {"company_name": f"现场展商{n:03d}", "sector": "食品"},
                                    [{"name": f"联系人{n}", "phone": f"1390000{n:04d}"}])
    return 2 * len(tasks), len(contracts), NEW_EXHIBITORS


def measure(size: str, folder: Path) -> str:
    office_path = demo_file(folder / f"office-{size}.sqlite", size)
    office = open_database(office_path)
    admin = Actor(scalar(office, "SELECT id FROM users WHERE role = 'administrator' LIMIT 1"), "bench",
                  Role.ADMINISTRATOR)
    show_id = scalar(office, "SELECT id FROM shows")
    stick = folder / "stick"
    stick.mkdir(exist_ok=True)
    setup = seconds(lambda: sync.start_exchange(office, admin, "Office"))
    venue_path = folder / f"venue-{size}.sqlite"
    prepare = seconds(lambda: sync.prepare_copy(office, admin, venue_path, "Venue laptop 1"))
    venue = open_database(venue_path)
    work, (updates, payments, made) = timed(lambda: _day_of_work(venue, show_id))
    send, sent = timed(lambda: sync.send_changes(venue, admin, stick))
    receive, report = timed(lambda: sync.receive_changes(office, admin, stick))
    baseline = seconds(lambda: write_backup(office, folder / "baseline-copy.sqlite"))
    size_mb = office_path.stat().st_size / 1e6
    venue.close()
    office.close()
    lines = [f"tier {size}: {size_mb:.0f} MB file; a day's work of {updates} task updates, {payments} payments, "
             f"{made} exhibitors took {work:.1f} s through the services",
             f"  baseline: verified backup copy of the file   {baseline:6.2f} s",
             f"  set up the office copy (its base)            {setup:6.2f} s  ×{setup / baseline:.2f}",
             f"  prepare a venue copy (copy + base)           {prepare:6.2f} s  ×{prepare / baseline:.2f}",
             f"  send: {sent.changes:,} row changes, {sent.path.stat().st_size / 1e3:.0f} kB file"
             f"          {send:6.2f} s  ×{send / baseline:.2f}",
             f"  receive: applied {report.changes:,} changes, {report.conflicts} conflicts"
             f"        {receive:6.2f} s  ×{receive / baseline:.2f}"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    print(machine())
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
        for size in [s.upper() for s in argv] or ["M"]:
            print(measure(size, Path(folder)), flush=True)
    return 0


def test_bench_sync(capsys):
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
        print(measure("S", Path(folder)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
