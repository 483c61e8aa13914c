"""Send and receive between two copies: new rows, edits of different fields, a conflict."""

from __future__ import annotations

from expo_desk.services import exhibitors, sync, sync_conflicts
from expo_desk.store.queries import scalar


def test_new_exhibitor_travels_to_the_venue_copy(copies, actor, sales):
    venue = copies.prepare("venue1", actor)
    office = copies.dbs["office"]
    exhibitors.create_exhibitor(office, actor, sales["show"]["id"], {"company_name": "青岛食品有限公司", "sector": "食品"})
    sent = copies.send("office", actor)
    assert sent is not None and sent.changes >= 2  # the exhibitor and its audit entry
    report = copies.receive("venue1", actor)
    assert len(report.applied) == 1 and report.conflicts == 0
    assert scalar(venue, "SELECT count(*) FROM exhibitors WHERE company_name = '青岛食品有限公司'") == 1
    again = copies.receive("venue1", actor)
    assert again.applied == [] and again.already == 1


def test_same_field_changed_on_both_copies_waits_for_review(copies, actor, sales):
    venue = copies.prepare("venue1", actor)
    office = copies.dbs["office"]
    exhibitors.update_exhibitor(office, actor, sales["steel"], {"phone": "0633-1111111"})
    exhibitors.update_exhibitor(venue, actor, sales["steel"], {"phone": "0633-2222222", "website": "steel.example"})
    copies.send("office", actor)
    copies.send("venue1", actor)
    office_report = copies.receive("office", actor)
    venue_report = copies.receive("venue1", actor)
    assert office_report.conflicts == 1 and venue_report.conflicts == 1
    # the field changed only at the venue arrived at the office; the disputed one kept each side's value
    assert scalar(office, "SELECT website FROM exhibitors WHERE id = ?", [sales["steel"]]) == "steel.example"
    assert scalar(office, "SELECT phone FROM exhibitors WHERE id = ?", [sales["steel"]]) == "0633-1111111"
    assert scalar(venue, "SELECT phone FROM exhibitors WHERE id = ?", [sales["steel"]]) == "0633-2222222"
    [conflict] = sync_conflicts.list_conflicts(office)
    assert (conflict["column_name"], conflict["ours_value"], conflict["theirs_value"]) == (
        "phone", "0633-1111111", "0633-2222222")
    sync_conflicts.resolve_conflict(office, sales["dm"], conflict["id"], "theirs")
    assert scalar(office, "SELECT phone FROM exhibitors WHERE id = ?", [sales["steel"]]) == "0633-2222222"
    copies.send("office", sales["dm"])
    copies.receive("venue1", actor)
    assert sync_conflicts.list_conflicts(venue) == []
    assert scalar(venue, "SELECT phone FROM exhibitors WHERE id = ?", [sales["steel"]]) == "0633-2222222"
    assert sync.copy_state(venue)["last_received_at"]



def test_a_cancelled_receive_leaves_the_files_for_the_next_one(copies, actor, sales):
    venue = copies.prepare("venue1", actor)
    exhibitors.create_exhibitor(venue, actor, sales["show"]["id"], {"company_name": "现场展商"})
    copies.send("venue1", actor)
    stopped = sync.receive_changes(copies.dbs["office"], actor, copies.folder, should_cancel=lambda: True)
    assert stopped.cancelled and stopped.applied == []
    assert scalar(copies.dbs["office"], "SELECT count(*) FROM exhibitors WHERE company_name = '现场展商'") == 0
    assert len(copies.receive("office", actor).applied) == 1
