"""What a receiving copy will not take: a change its maker's role may not make, a file of
another schema version, a file that comes before the one it was made on."""

from __future__ import annotations

import json
import zipfile

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import exhibitors, pricing, sync_conflicts, sync_files, users
from expo_desk.store.queries import scalar


def test_a_change_the_makers_role_may_not_make_is_refused_and_listed(copies, actor, sales):
    office = copies.dbs["office"]
    ce_id = users.create_user(office, actor, "ce", "张执行", Role.CONSTRUCTION_EXECUTOR).inserted["users"][0]
    venue = copies.prepare("venue1", actor)
    # on the laptop the executor was (wrongly) made a department manager, who then edits prices
    users.update_user(venue, actor, ce_id, role=Role.DEPARTMENT_MANAGER.value)
    rule = scalar(venue, "SELECT id FROM pricing_rules WHERE amount_fen IS NOT NULL LIMIT 1")
    before = scalar(office, "SELECT amount_fen FROM pricing_rules WHERE id = ?", [rule])
    pricing.update_rule(venue, Actor(ce_id, "张执行", Role.DEPARTMENT_MANAGER), rule, {"amount_fen": before + 100})
    copies.send("venue1", actor)
    report = copies.receive("office", actor)
    # the office judges the price change by the role it knew the maker to have (an executor): refused
    assert scalar(office, "SELECT amount_fen FROM pricing_rules WHERE id = ?", [rule]) == before
    assert report.refused_changes == 1  # the price change; its audit entry goes with it, not counted again
    refused = [c for c in sync_conflicts.list_conflicts(office) if c["kind"] == "refused"]
    assert [c["table_name"] for c in refused] == ["pricing_rules"]
    # its audit entry did not come in either: the trail shows no price change that never happened
    assert scalar(office, "SELECT count(*) FROM audit_log WHERE table_name = 'pricing_rules' AND row_id = ?"
                          " AND action = 'update'", [rule]) == 0


def test_a_file_of_another_schema_version_is_refused_with_a_message(copies, actor, sales):
    copies.prepare("venue1", actor)
    exhibitors.create_exhibitor(copies.dbs["venue1"], actor, sales["show"]["id"], {"company_name": "新展商"})
    sent = copies.send("venue1", actor)
    with zipfile.ZipFile(sent.path) as archive:
        meta, changes = json.loads(archive.read("meta.json")), archive.read("changes.bin")
    meta["schema_version"] += 1
    sent.path.unlink()
    with zipfile.ZipFile(sent.path, "w") as archive:
        archive.writestr("meta.json", json.dumps(meta))
        archive.writestr("changes.bin", changes)
    report = copies.receive("office", actor)
    assert report.applied == [] and len(report.refused) == 1
    assert "schema version 10 differs from this copy's 9" in report.refused[0]
    assert scalar(copies.dbs["office"], "SELECT count(*) FROM exhibitors WHERE company_name = '新展商'") == 0


def test_a_file_waits_for_the_file_it_was_made_on(copies, actor, sales, tmp_path):
    office = copies.dbs["office"]
    venue1, venue2 = copies.prepare("venue1", actor), copies.prepare("venue2", actor)
    new = exhibitors.create_exhibitor(venue1, actor, sales["show"]["id"], {"company_name": "现场展商"})
    first = copies.send("venue1", actor)
    copies.receive("venue2", actor)
    exhibitors.update_exhibitor(venue2, actor, new.inserted["exhibitors"][0], {"phone": "13900000000"})
    second = copies.send("venue2", actor)
    # the office gets only the second file: it waits, nothing is applied
    stick = tmp_path / "only-second"
    stick.mkdir()
    second.path.rename(stick / second.path.name)
    from expo_desk.services.sync import receive_changes

    report = receive_changes(office, actor, stick)
    assert report.applied == [] and [w.file_id for w in report.waiting] == [second.file_id]
    (stick / second.path.name).rename(copies.folder / second.path.name)
    report = copies.receive("office", actor)
    assert [f.file_id for f in report.applied] == [first.file_id, second.file_id]
    assert scalar(office, "SELECT phone FROM exhibitors WHERE company_name = '现场展商'") == "13900000000"
    assert sync_files.found_in(copies.folder)[1] == []


def test_the_same_company_entered_on_two_copies_says_how_to_let_the_file_through(copies, actor, sales):
    office = copies.dbs["office"]
    venue1, venue2 = copies.prepare("venue1", actor), copies.prepare("venue2", actor)
    for venue, contact in ((venue1, "王一"), (venue2, "王二")):
        exhibitors.create_exhibitor(venue, actor, sales["show"]["id"], {"company_name": "青岛食品有限公司"},
                                    [{"name": contact, "is_primary": True}])
    copies.send("venue1", actor)
    copies.send("venue2", actor)
    report = copies.receive("office", actor)
    assert len(report.applied) == 1 and len(report.refused) == 1
    assert "'青岛食品有限公司' was added on the other copy and is here already" in report.refused[0]
    assert "Rename this copy's record" in report.refused[0]
    here = scalar(office, "SELECT id FROM exhibitors WHERE company_name = '青岛食品有限公司'")
    exhibitors.update_exhibitor(office, actor, here, {"company_name": "青岛食品有限公司（城阳）"})
    report = copies.receive("office", actor)
    assert len(report.applied) == 1 and report.refused == []
    assert scalar(office, "SELECT count(*) FROM contacts WHERE name IN ('王一', '王二')") == 2
