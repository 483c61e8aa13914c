"""Copies of one show in one test: the office file and venue laptops, each a real file."""

from __future__ import annotations

import pytest

from expo_desk.services import sync
from expo_desk.store.db import open_database


class Copies:
    """Open copies by name; ``folder`` is the USB stick they exchange files on."""

    def __init__(self, root, office_db, office_actor):
        self.root = root
        self.folder = root / "stick"
        self.folder.mkdir()
        self.dbs = {"office": office_db}
        sync.start_exchange(office_db, office_actor, "办公室 Office")

    def prepare(self, name, actor, source="office"):
        path = self.root / f"{name}.sqlite"
        sync.prepare_copy(self.dbs[source], actor, path, name)
        self.dbs[name] = open_database(path)
        return self.dbs[name]

    def send(self, name, actor):
        return sync.send_changes(self.dbs[name], actor, self.folder)

    def receive(self, name, actor):
        return sync.receive_changes(self.dbs[name], actor, self.folder)

    def close(self):
        for name, db in self.dbs.items():
            if name != "office":
                db.close()


@pytest.fixture
def copies(tmp_path, db, actor, sales):
    made = Copies(tmp_path, db, actor)
    yield made
    made.close()

