"""A copy restored from an older backup must not send its older state out as changes."""

from __future__ import annotations

import pytest

from expo_desk.errors import PermissionDenied, UserError
from expo_desk.services import exhibitors, sync
from expo_desk.services.backups import restore_backup
from expo_desk.store.backup import write_backup
from expo_desk.store.db import open_database
from expo_desk.store.queries import scalar


def test_a_restored_copy_takes_a_new_base_before_it_exchanges_again(copies, actor, sales, tmp_path):
    venue = copies.prepare("venue1", actor)
    backup = write_backup(venue, tmp_path / "venue1-yesterday.sqlite")
    exhibitors.create_exhibitor(copies.dbs["office"], actor, sales["show"]["id"], {"company_name": "今天的新展商"})
    copies.send("office", actor)
    copies.receive("venue1", actor)
    assert scalar(venue, "SELECT count(*) FROM exhibitors WHERE company_name = '今天的新展商'") == 1

    venue.close()
    restore_backup(actor, backup, tmp_path / "venue1.sqlite")
    venue = copies.dbs["venue1"] = open_database(tmp_path / "venue1.sqlite")
    assert scalar(venue, "SELECT count(*) FROM exhibitors WHERE company_name = '今天的新展商'") == 0
    with pytest.raises(UserError, match="take a new base"):
        copies.send("venue1", actor)  # it would have sent "delete 今天的新展商" to every copy
    with pytest.raises(PermissionDenied):
        sync.take_new_base(venue, sales["am1"])
    sync.take_new_base(venue, sales["dm"])
    assert copies.send("venue1", actor) is None  # nothing changed since the new base
    # the office's file is applied again after the restore (it is no longer recorded as applied here)
    assert len(copies.receive("venue1", actor).applied) == 1
    assert scalar(venue, "SELECT count(*) FROM exhibitors WHERE company_name = '今天的新展商'") == 1
    assert scalar(copies.dbs["office"], "SELECT count(*) FROM exhibitors WHERE company_name = '今天的新展商'") == 1
