"""A writer process for the robustness tests, and the parent's handle on it.

Run as a child (``python writer_child.py MODE ...``) it opens an Expo Desk file with the
product's own code and writes through the services, printing one line to stdout after each
write that came back committed. Those lines are the "acknowledged" commits the tests hold the
file to after a ``kill -9``. The protocol, one line each, flushed:

    READY                      the file is open, writes start
    B <op> <args...>           a write is about to start (the one that may be in flight)
    A                          the write announced by the last B line is committed
    START <migration name>     a migration step begins (mode ``migrate``)
    P <done> <total>           import progress (mode ``import``)
    DONE ...                   the child finished on its own

Imported by the tests, it gives ``spawn()``: a child with a thread reading its stdout.
The child never imports Qt.
"""

from __future__ import annotations

import argparse
import inspect
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).resolve()
MAX_CHILD_SECONDS = 60  # a child left behind ends itself


# ---------------------------------------------------------------- parent side


class Child:
    """A running child and every line it printed so far."""

    def __init__(self, mode: str, *args: object, stdin: bool = False):
        env = {**os.environ, "EXPO_DESK_TESTING": "1", "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        env.pop("QT_QPA_PLATFORM", None)
        self.proc = subprocess.Popen(
            [sys.executable, str(SCRIPT), mode, *map(str, args)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, text=True, encoding="utf-8",
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._err: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._err_reader = threading.Thread(target=self._read_err, daemon=True)
        self._err_reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            line = line.rstrip("\n")
            self.lines.append(line)
            self._queue.put(line)
        self._queue.put(None)

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._err.append(line)

    def wait_line(self, predicate, timeout: float = 30.0) -> str:
        """The next line (from now on) for which ``predicate`` holds."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no expected line from the child; stderr: {self.stderr}")
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                raise EOFError(f"the child ended (rc {self.proc.poll()}); stderr: {self.stderr}")
            if predicate(line):
                return line

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def kill9(self) -> None:
        """SIGKILL, then read what the pipe still holds (lines written before the kill)."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.finish()

    def finish(self, timeout: float = 60.0) -> int:
        rc = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=10)
        self._err_reader.join(timeout=10)
        return rc

    @property
    def stderr(self) -> str:
        return "".join(self._err)

    @property
    def returncode(self) -> int | None:
        return self.proc.returncode


def spawn(mode: str, *args: object, stdin: bool = False) -> Child:
    return Child(mode, *args, stdin=stdin)


# ---------------------------------------------------------------- child side


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _watchdog() -> None:
    def stop() -> None:
        time.sleep(MAX_CHILD_SECONDS)
        os._exit(3)

    threading.Thread(target=stop, daemon=True).start()


def _loop(args: argparse.Namespace) -> int:
    """Creates, batches, updates, deletes and checkpoints, until killed."""
    from expo_desk.domain.actors import local_actor
    from expo_desk.services.exhibitors import create_exhibitor, delete_exhibitor, update_exhibitor
    from expo_desk.store.db import open_database
    from expo_desk.store.transactions import transaction

    rng = random.Random(args.seed)
    actor = local_actor("writer")
    db = open_database(args.db, create=False)
    db.execute(f"PRAGMA wal_autocheckpoint = {args.ckpt_pages}")  # checkpoints now and then, mid-commit
    ids = {name: row_id for row_id, name in db.execute(
        "SELECT id, company_name FROM exhibitors WHERE show_id = ? AND company_name LIKE 'K%'", [args.show])}
    _say("READY")
    seq = 0

    def create(name: str) -> str:
        changes = create_exhibitor(db, actor, args.show, {"company_name": name, "notes": "new",
                                                          "expected_value_fen": seq * 100},
                                   [{"name": f"甲 {name}", "phone": "13800000000", "is_primary": True},
                                    {"name": f"乙 {name}", "email": "b@example.com"}])
        return changes.inserted["exhibitors"][0]

    while True:
        seq += 1
        roll = rng.random()
        if roll < 0.45 or len(ids) < 5:
            name = f"K{args.iteration:03d}-{seq:06d}"
            _say(f"B create {name}")
            ids[name] = create(name)
        elif roll < 0.55:
            names = [f"K{args.iteration:03d}-{seq:06d}-{i:02d}" for i in range(args.batch)]
            _say(f"B batch {' '.join(names)}")
            made = {}
            with transaction(db):  # one transaction, each create a savepoint inside it
                for name in names:
                    made[name] = create(name)
            ids.update(made)
        elif roll < 0.80:
            name = rng.choice(sorted(ids))
            value = f"u{args.iteration:03d}-{seq:06d}"
            _say(f"B update {name} {value}")
            update_exhibitor(db, actor, ids[name], {"notes": value, "sector": value})
        elif roll < 0.92:
            name = rng.choice(sorted(ids))
            _say(f"B delete {name}")
            delete_exhibitor(db, actor, ids.pop(name))
        else:
            _say("B ckpt")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        _say("A")


def _insert(args: argparse.Namespace) -> int:
    """Insert ``count`` exhibitors named PREFIX-00001..., one transaction each (or batches)."""
    from expo_desk.domain.actors import local_actor
    from expo_desk.errors import UserError
    from expo_desk.services.exhibitors import create_exhibitor
    from expo_desk.store.db import open_database
    from expo_desk.store.transactions import transaction

    actor = local_actor(args.prefix)
    if args.wait:
        _say("READY")
        sys.stdin.readline()  # the parent starts every writer at once
    options = {"lock": False} if args.no_lock and "lock" in inspect.signature(open_database).parameters else {}
    try:
        db = open_database(args.db, create=False, **options)
    except UserError as exc:
        print(f"USER-ERROR at open: {exc}", file=sys.stderr)
        return 4
    if not args.wait:
        _say("READY")
    done = 0
    number = 0
    try:
        while number < args.count:
            size = args.batch_size if args.batch_every and done and done % args.batch_every == 0 else 1
            size = min(size, args.count - number)
            names = [f"{args.prefix}-{number + i + 1:05d}" for i in range(size)]
            with transaction(db):
                for name in names:
                    create_exhibitor(db, actor, args.show, {"company_name": name, "notes": args.prefix},
                                     [{"name": f"联系人 {name}", "is_primary": True}])
            number += size
            done += 1
            if args.acks:
                _say("A " + " ".join(names))
            if args.halfway and number == args.count // 2:
                _say("HALF")
                sys.stdin.readline()  # the parent lets every writer go on once all are halfway
    except UserError as exc:
        print(f"USER-ERROR after {number}: {exc}", file=sys.stderr)
        return 4
    finally:
        db.close()
    _say(f"DONE {number}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from expo_desk.domain.actors import local_actor
    from expo_desk.services.exhibitor_import import import_exhibitors
    from expo_desk.store.db import open_database

    db = open_database(args.db, create=False)
    _say("READY")
    result = import_exhibitors(db, local_actor("importer"), args.show, args.src,
                               progress=lambda done, total: _say(f"P {done} {total}"))
    db.close()
    _say(f"DONE {result.created} {len(result.problems)}")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    """Open (and so migrate) a file with the real migrations plus, optionally, one slow extra step."""
    import sqlite_utils
    from sqlite_utils import Migrations

    from expo_desk.store import backup
    from expo_desk.store import db as store_db

    extended = Migrations("expo_desk")
    for step in store_db.MIGRATIONS.pending(sqlite_utils.Database(memory=True)):  # all, in order

        def announced(db, fn=step.fn, name=step.name):
            _say(f"START {name}")
            fn(db)

        extended(name=step.name, transactional=step.transactional)(announced)
    if args.slow:

        @extended(name=SLOW_MIGRATION)
        def slow_step(db):
            _say(f"START {SLOW_MIGRATION}")
            rowids = [r[0] for r in db.execute("SELECT rowid FROM exhibitors ORDER BY rowid")]
            for _ in range(args.slow):
                for rowid in rowids:
                    db.execute("UPDATE exhibitors SET website = 'migrated:' || id WHERE rowid = ?", [rowid])

    store_db.MIGRATIONS = extended
    real_backup = backup.backup_to_folder

    def announced_backup(*a, **k):
        _say("BACKUP")
        return real_backup(*a, **k)

    backup.backup_to_folder = announced_backup
    _say("OPENING")
    db = store_db.open_database(args.db, create=False, backup_dir=Path(args.backups))
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.close()
    _say(f"DONE {version}")
    return 0


SLOW_MIGRATION = "9999_test_slow_step"


def main(argv: list[str] | None = None) -> int:
    os.environ["EXPO_DESK_TESTING"] = "1"
    _watchdog()
    parser = argparse.ArgumentParser()
    modes = parser.add_subparsers(dest="mode", required=True)
    loop = modes.add_parser("loop")
    loop.add_argument("db")
    loop.add_argument("show")
    loop.add_argument("iteration", type=int)
    loop.add_argument("seed", type=int)
    loop.add_argument("--batch", type=int, default=10)
    loop.add_argument("--ckpt-pages", type=int, default=64)
    loop.set_defaults(run=_loop)
    insert = modes.add_parser("insert")
    insert.add_argument("db")
    insert.add_argument("show")
    insert.add_argument("prefix")
    insert.add_argument("count", type=int)
    insert.add_argument("--wait", action="store_true")
    insert.add_argument("--acks", action="store_true")
    insert.add_argument("--halfway", action="store_true", help="pause halfway until told to go on")
    insert.add_argument("--no-lock", action="store_true",
                        help="open without the lock file that keeps a second Expo Desk out, as a tool would")
    insert.add_argument("--batch-every", type=int, default=0)
    insert.add_argument("--batch-size", type=int, default=1)
    insert.set_defaults(run=_insert)
    imp = modes.add_parser("import")
    imp.add_argument("db")
    imp.add_argument("show")
    imp.add_argument("src")
    imp.set_defaults(run=_import)
    mig = modes.add_parser("migrate")
    mig.add_argument("db")
    mig.add_argument("backups")
    mig.add_argument("--slow", type=int, default=0, help="passes of the extra slow step (0: none)")
    mig.set_defaults(run=_migrate)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
