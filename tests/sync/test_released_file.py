"""A file of the last released schema (8) is upgraded and then exchanges changes like any."""

from __future__ import annotations

import shutil
from pathlib import Path

from expo_desk.domain.actors import local_actor
from expo_desk.services import exhibitors, sync
from expo_desk.store.db import open_database, schema_version
from expo_desk.store.migrations import SCHEMA_VERSION
from expo_desk.store.queries import scalar

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v8.sqlite"


def test_a_schema_8_file_becomes_the_office_copy_and_its_venue_copy_sends_back(tmp_path):
    office_path = tmp_path / "rz2026.sqlite"
    shutil.copyfile(FIXTURE, office_path)
    admin = local_actor("office")
    office = open_database(office_path)
    assert schema_version(office) == SCHEMA_VERSION
    venue_path = tmp_path / "laptop.sqlite"
    made = sync.prepare_copy(office, admin, venue_path, "展馆笔记本1")
    assert made["code"] == "C1" and sync.copy_state(office)["copies_made"] == 1
    venue = open_database(venue_path)
    assert sync.copy_state(venue)["origin_name"] == "办公室 Office"
    steel = scalar(venue, "SELECT id FROM exhibitors")
    exhibitors.update_exhibitor(venue, admin, steel, {"phone": "0633-8888888"})
    stick = tmp_path / "stick"
    stick.mkdir()
    sync.send_changes(venue, admin, stick)
    report = sync.receive_changes(office, admin, stick)
    assert (len(report.applied), report.conflicts, report.refused) == (1, 0, [])
    assert scalar(office, "SELECT phone FROM exhibitors WHERE id = ?", [steel]) == "0633-8888888"
    assert scalar(office, "SELECT count(*) FROM payments") == 1  # the released file's money is all there
    venue.close()
    office.close()
