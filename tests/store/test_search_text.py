"""The exhibitor search text follows every write, whichever path made it."""

from __future__ import annotations

import json

from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.store import records
from expo_desk.store.queries import rows


def names(db, show, text):
    return [e["company_name"] for e in exhibitor_service.search_exhibitors(db, show["id"], text)]


def test_search_text_follows_exhibitor_contact_and_manager_changes(db, actor, show):
    manager, _ = find_or_add_account_manager(db, actor, "赵经理")
    changes = exhibitor_service.create_exhibitor(
        db, actor, show["id"], {"company_name": "日照港集团有限公司", "company_name_en": "Rizhao Port Group",
                                "account_manager_id": manager["id"]}, [{"name": "孙丽", "phone": "13900001111"}])
    exhibitor_id = changes.inserted["exhibitors"][0]
    assert names(db, show, "孙丽") == ["日照港集团有限公司"]
    assert names(db, show, "port 赵经理") == ["日照港集团有限公司"]
    assert names(db, show, "1111") == ["日照港集团有限公司"]

    exhibitor_service.update_exhibitor(db, actor, exhibitor_id, {"company_name_en": "Rizhao Harbour"})
    assert names(db, show, "port") == []
    assert names(db, show, "HARBOUR") == ["日照港集团有限公司"]

    added = exhibitor_service.add_contact(db, actor, exhibitor_id, {"name": "周强", "email": "zq@port.example"})
    assert names(db, show, "zq@port") == ["日照港集团有限公司"]
    exhibitor_service.delete_contact(db, actor, added.inserted["contacts"][0])
    assert names(db, show, "周强") == []

    records.update(db, actor, "users", manager["id"], {"display_name": "赵海"})
    assert names(db, show, "赵经理") == []
    assert names(db, show, "赵海") == ["日照港集团有限公司"]


def test_the_audit_trail_does_not_repeat_the_derived_search_text(db, actor, show):
    changes = exhibitor_service.create_exhibitor(db, actor, show["id"], {"company_name": "青岛食品有限公司"})
    [entry] = rows(db, "SELECT new_values FROM audit_log WHERE table_name = 'exhibitors' AND row_id = ?",
                   [changes.inserted["exhibitors"][0]])
    recorded = json.loads(entry["new_values"])
    assert recorded["company_name"] == "青岛食品有限公司"
    assert "search_text" not in recorded
