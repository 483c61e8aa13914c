"""A backup taken while another process writes: sound, and a consistent prefix of the writes.

The child inserts exhibitors B-00001, B-00002, ... in order, one transaction each and now
and then a batch of 25 in one transaction, printing each commit. Meanwhile the parent
backs the file up the way ``expo-desk backup`` does while the window has it open (a
read-only connection and ``write_backup`` / ``backup_to_folder``). Every backup must pass
integrity_check and hold exactly the first k exhibitors for a k at a commit boundary (a
batch is in it whole or not at all), with at least what was acknowledged before the
backup started.
"""

from __future__ import annotations

import sqlite3
import time

import pytest
from writer_child import spawn

from expo_desk.domain.actors import local_actor
from expo_desk.services.shows import create_show
from expo_desk.store.backup import backup_to_folder, integrity_problems, write_backup
from expo_desk.store.db import open_database, open_read_only

COUNT = 3000
BATCH = 25


def _acked(lines: list[str]) -> list[int]:
    """Cumulative number of exhibitors committed after each acknowledgement."""
    total, ends = 0, []
    for line in lines:
        if line.startswith("A "):
            total += len(line.split()) - 1
            ends.append(total)
    return ends


@pytest.mark.slow
def test_backups_during_writes_hold_a_consistent_prefix(tmp_path):
    path = tmp_path / "show.sqlite"
    db = open_database(path)
    try:
        show_id = create_show(db, local_actor("setup"), "RZ2026", "2026日照国际博览会")["id"]
    finally:
        db.close()

    started = time.monotonic()
    child = spawn("insert", path, show_id, "B", COUNT, "--acks", "--batch-every", 7, "--batch-size", BATCH)
    child.wait_line(lambda line: line.startswith("A "))
    source = open_read_only(path)
    taken: list[tuple[object, int]] = []
    try:
        while child.proc.poll() is None:
            before = (_acked(list(child.lines)) or [0])[-1]
            if len(taken) % 2:
                dest = backup_to_folder(source, tmp_path / "backups", "show", reason="under-load")
            else:
                dest = write_backup(source, tmp_path / f"copy-{len(taken):02d}.sqlite")
            taken.append((dest, before))
            time.sleep(0.05)
    finally:
        source.close()
    assert child.finish() == 0, child.stderr
    assert child.lines[-1] == f"DONE {COUNT}"
    boundaries = {0, *_acked(child.lines)}
    assert max(boundaries) == COUNT

    sizes = []
    for dest, before in taken:
        conn = sqlite3.connect(f"{dest.resolve().as_uri()}?mode=ro", uri=True)
        try:
            assert integrity_problems(conn) == [], dest
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            names = [r[0] for r in conn.execute("SELECT company_name FROM exhibitors ORDER BY company_name")]
            k = len(names)
            assert names == [f"B-{n:05d}" for n in range(1, k + 1)], f"{dest.name}: not a prefix of the writes"
            assert k in boundaries, f"{dest.name}: {k} rows, in the middle of a transaction"
            assert k >= before, f"{dest.name}: {k} rows, but {before} were acknowledged before it began"
            assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == k
            audited = conn.execute(
                "SELECT count(*) FROM audit_log WHERE table_name IN ('exhibitors', 'contacts')").fetchone()[0]
            assert audited == 2 * k
        finally:
            conn.close()
        sizes.append(k)
    assert not list(tmp_path.glob("**/*.part")), "a temporary backup file was left behind"
    assert len(taken) >= 5, f"only {len(taken)} backups were taken while the child wrote"
    assert len(set(sizes)) >= 3, f"the backups did not land at different moments: {sizes}"

    # The last one opens as a show file of its own.
    restored = tmp_path / "restored.sqlite"
    restored.write_bytes(taken[-1][0].read_bytes())
    db = open_database(restored, create=False)
    try:
        assert db.execute("SELECT count(*) FROM exhibitors").fetchone()[0] == sizes[-1]
    finally:
        db.close()
    elapsed = time.monotonic() - started
    print(f"\nbackup under load: {len(taken)} backups while {COUNT} exhibitors were written, "
          f"rows in them {sizes}, all sound and at commit boundaries; {elapsed:.1f} s")
