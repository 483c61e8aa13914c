"""Long work on the open file off the window's thread, on a connection of its own
(an SQLite connection stays in the thread that opened it), with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from expo_desk.store.db import Database, open_database
from expo_desk.ui.worker import Job

Work = Callable[[Database, Callable[[int, int], None], Callable[[], bool]], object]


def start_file_job(db_path: Path, work: Work, *, progressed: Callable[[int, int], None],
                   finished: Callable[[object], None], failed: Callable[[Exception], None]) -> Job:
    """Start ``work(db, progress, should_cancel)`` in a worker thread; its result (or
    exception) comes back to ``finished`` (or ``failed``) on the window's thread."""

    def run(progress, should_cancel):
        db = open_database(db_path, create=False)
        try:
            return work(db, progress, should_cancel)
        finally:
            db.close()

    job = Job(run)
    job.progressed.connect(progressed)
    job.finished.connect(finished)
    job.failed.connect(failed)
    job.start()
    return job
