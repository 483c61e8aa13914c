"""How fast the audit trail viewer answers on 1,000,000 audit entries, against a same-run baseline.

Run on demand (not part of the normal test run):

    uv run python tests/benchmarks/bench_audit.py            # 1,000,000 entries
    uv run python tests/benchmarks/bench_audit.py 200000     # another number
    uv run pytest tests/benchmarks/bench_audit.py -s

It writes a migrated file, fills ``audit_log`` with a year of entries by 20 people over 10
tables and 60,000 records, then times one page (200 decoded entries, as the window asks
for them) and the count of matches for each kind of filter, plus the pickers' lists.
Each figure is the median of several runs, printed with its ratio to the baseline
``SELECT count(*) FROM audit_log`` timed the same way on the same file. The same cases
are then timed once more with migration 0003's indexes taken away, to show what they buy.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
import unicodedata
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from timing import machine, median_s

from expo_desk.domain.actors import local_actor
from expo_desk.domain.audit import AuditFilter
from expo_desk.services import audit as audit_service
from expo_desk.store.db import open_database

REPEAT = 5
ENTRIES = 1_000_000
ADMIN = local_actor("bench")
TABLES = [("exhibitors", 30), ("contacts", 20), ("tasks", 25), ("booths", 8), ("contracts", 6), ("payments", 4),
          ("leads", 4), ("contract_lines", 1), ("users", 1), ("shows", 1)]
START = datetime(2026, 1, 1, tzinfo=UTC)


def fill(db, entries: int, seed: int = 7) -> dict:
    """Write ``entries`` audit rows (append-only: ``at`` grows with the row number)."""
    rnd = random.Random(seed)
    people = [(str(uuid.UUID(int=rnd.getrandbits(128))), f"经理{n:02d}") for n in range(16)]
    people += [(None, name) for name in ("local", "cli", "admin", "张三")]
    records = {t: [str(uuid.UUID(int=rnd.getrandbits(128))) for _ in range(max(50, 600 * w))] for t, w in TABLES}
    weights = [w for _, w in TABLES]
    names = [t for t, _ in TABLES]
    step = 365 * 24 * 3600 / entries
    rows = []
    for n in range(entries):
        at = (START + timedelta(seconds=int(n * step))).isoformat(timespec="seconds")
        user_id, user_name = people[rnd.randrange(len(people))]
        table = rnd.choices(names, weights)[0]
        row_id = rnd.choice(records[table])
        roll = rnd.random()
        if roll < 0.15:
            action, old = "insert", None
            new = {"id": row_id, "name": f"名称{n}", "phone": f"138{n:08d}", "notes": "", "sector": "钢铁",
                   "email": f"u{n}@example.com", "created_at": at}
        elif roll < 0.2:
            action, new = "delete", None
            old = {"id": row_id, "name": f"名称{n}", "phone": f"139{n:08d}", "notes": "steel fair"}
        else:
            action = "update"
            old = {"phone": f"137{n:08d}", "notes": ""}
            new = {"phone": f"136{n:08d}", "notes": rnd.choice(["", "回访", "call back", "VIP 客户"])}
        rows.append((str(uuid.UUID(int=rnd.getrandbits(128))), at, user_id, user_name, action, table, row_id,
                     None if old is None else json.dumps(old, ensure_ascii=False),
                     None if new is None else json.dumps(new, ensure_ascii=False)))
    with db.conn:
        db.conn.executemany(
            "INSERT INTO audit_log (id, at, user_id, user_name, action, table_name, row_id, old_values, new_values)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return {"person": people[3], "local": people[17][1], "record": records["exhibitors"][5]}


def cases(picked: dict) -> list[tuple[str, AuditFilter]]:
    person_id, _ = picked["person"]
    week = (START + timedelta(days=200)).isoformat(timespec="seconds")
    week_end = (START + timedelta(days=207)).isoformat(timespec="seconds")
    return [
        ("everything", AuditFilter()),
        ("person (account)", AuditFilter(user_ids=(person_id,))),
        ("person (local name)", AuditFilter(user_names=(picked["local"],))),
        ("table exhibitors", AuditFilter(table="exhibitors")),
        ("table users (rare)", AuditFilter(table="users")),
        ("one week", AuditFilter(since=week, until=week_end)),
        ("person + table", AuditFilter(user_ids=(person_id,), table="contacts")),
        ("table + week", AuditFilter(table="tasks", since=week, until=week_end)),
        ("record id alone", AuditFilter(row_id=picked["record"])),
        ("record id + table", AuditFilter(table="exhibitors", row_id=picked["record"])),
        ("text 回访 (common)", AuditFilter(text="回访")),
        ("text, no match", AuditFilter(text="zzzqqq")),
        ("text + person", AuditFilter(user_ids=(person_id,), text="VIP")),
    ]


def _median_s(call: Callable[[], object], repeat: int = REPEAT) -> float:
    return median_s(call, repeat)


def _timed(db, picked: dict) -> list[tuple[str, float, float, int]]:
    results = []
    for label, f in cases(picked):
        page = _median_s(lambda f=f: audit_service.audit_entries(db, ADMIN, f, limit=200))
        counted = _median_s(lambda f=f: audit_service.count_audit_entries(db, ADMIN, f))
        results.append((label, page, counted, audit_service.count_audit_entries(db, ADMIN, f)))
    deep = _median_s(lambda: audit_service.audit_entries(db, ADMIN, AuditFilter(), limit=200, offset=10_000))
    results.append(("everything, page at offset 10,000", deep, 0.0, -1))
    return results


def measure(folder: Path, entries: int = ENTRIES) -> dict:
    path = folder / "audit_bench.sqlite"
    path.unlink(missing_ok=True)
    db = open_database(path)
    try:
        started = time.perf_counter()
        picked = fill(db, entries)
        fill_s = time.perf_counter() - started
        baseline = _median_s(lambda: db.execute("SELECT count(*) FROM audit_log").fetchone())
        with_indexes = _timed(db, picked)
        pickers = (_median_s(lambda: audit_service.audit_people(db, ADMIN)),
                   _median_s(lambda: audit_service.audit_tables(db, ADMIN)),
                   len(audit_service.audit_people(db, ADMIN)), len(audit_service.audit_tables(db, ADMIN)))
        for name in ("audit_log_user_at", "audit_log_name_at", "audit_log_table_at", "audit_log_row"):
            db.execute(f"DROP INDEX {name}")
        db.execute("CREATE INDEX audit_log_row ON audit_log(table_name, row_id)")  # as schema 2 had it
        without = _timed(db, picked)
        size_mb = path.stat().st_size / 1e6
    finally:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return {"entries": entries, "fill_s": fill_s, "baseline": baseline, "with": with_indexes, "without": without,
            "pickers": pickers, "size_mb": size_mb}


def _pad(text: str, width: int) -> str:
    """Left-align by display width (a Chinese character takes two columns)."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def report(m: dict) -> str:
    base = m["baseline"]
    lines = [f"audit trail, {m['entries']:,} entries ({m['size_mb']:.0f} MB, written in {m['fill_s']:.1f} s), "
             f"median of {REPEAT} runs",
             f"  baseline SELECT count(*) FROM audit_log: {base * 1000:.2f} ms",
             f"  {'case':<34} {'page (200, decoded)':>26} {'count':>24} {'matches':>9}"
             f" | without 0003: {'page':>10} {'count':>10}"]
    for (label, page, counted, matches), (_, page0, counted0, _) in zip(m["with"], m["without"]):
        count_text = f"{counted * 1000:9.2f} ms ({counted / base:6.2f}x)" if matches >= 0 else " " * 24
        count0 = f"{counted0 * 1000:7.1f} ms" if matches >= 0 else " " * 10
        shown = f"{matches:>9,}" if matches >= 0 else " " * 9
        lines.append(f"  {_pad(label, 34)} {page * 1000:10.2f} ms ({page / base:7.2f}x) {count_text} {shown}"
                     f" |               {page0 * 1000:7.1f} ms {count0}")
    people_s, tables_s, n_people, n_tables = m["pickers"]
    lines.append(f"  pickers: {n_people} people in {people_s * 1000:.2f} ms ({people_s / base:.2f}x), "
                 f"{n_tables} tables in {tables_s * 1000:.2f} ms ({tables_s / base:.2f}x)")
    return "\n".join(lines)


def test_audit_viewer_speed(tmp_path):
    m = measure(tmp_path)
    print("\n" + report(m))
    assert m["with"][0][3] == ENTRIES


def main(argv: list[str]) -> int:
    entries = int(argv[0].replace(",", "").replace("_", "")) if argv else ENTRIES
    print(machine())
    with tempfile.TemporaryDirectory(prefix="bench_audit_") as folder:
        print(report(measure(Path(folder), entries)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
