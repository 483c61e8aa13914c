"""The same booth sold on two venue laptops: neither sale is lost, the manager chooses."""

from __future__ import annotations

from expo_desk.services import sync_conflicts
from expo_desk.services.contract_signing import sign_contract
from expo_desk.services.contracts import create_contract
from expo_desk.store.queries import scalar
from tests.helpers import differing


def _sell(db, sales, who, exhibitor, number, on="2026-07-01"):
    cid = create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor], [sales["booths"][number]],
                          today=on).inserted["contracts"][0]
    sign_contract(db, sales[who], cid, signed_on=on)
    return cid


def _holder(db, booth_id):
    return scalar(db, "SELECT c.number FROM contract_lines l JOIN contracts c ON c.id = l.contract_id"
                      " WHERE l.booth_id = ? AND l.holds_booth = 1", [booth_id])


def test_booth_sold_on_two_laptops_goes_to_review_and_the_choice_reaches_every_copy(copies, actor, sales):
    office = copies.dbs["office"]
    laptop1, laptop2 = copies.prepare("laptop1", actor), copies.prepare("laptop2", actor)
    _sell(laptop1, sales, "am1", "steel", "A-001")
    _sell(laptop2, sales, "am2", "fish", "A-001")
    booth = sales["booths"]["A-001"]
    assert (_holder(laptop1, booth), _holder(laptop2, booth)) == ("RZ2026-C1-0001", "RZ2026-C2-0001")

    copies.send("laptop1", sales["am1"])
    copies.send("laptop2", sales["am2"])
    for name in ("office", "laptop1", "laptop2"):
        copies.receive(name, actor)

    # both contracts exist everywhere; the booth stays with the sale each copy saw first
    for db in (office, laptop1, laptop2):
        assert scalar(db, "SELECT count(*) FROM contracts WHERE number LIKE 'RZ2026-C_-0001'") == 2
    first = _holder(office, booth)  # the laptop whose file the office happened to apply first
    other, other_copy, other_seller = (("RZ2026-C2-0001", "laptop2", "李经理") if first == "RZ2026-C1-0001"
                                       else ("RZ2026-C1-0001", "laptop1", "王经理"))
    [conflict] = [c for c in sync_conflicts.list_conflicts(office) if c["kind"] == "duplicate"]
    assert conflict["table_name"] == "contract_lines"
    assert conflict["ours_value"]["booth_id"] == conflict["theirs_value"]["booth_id"] == booth
    assert (conflict["theirs_by"], conflict["theirs_copy"]) == (other_seller, other_copy)

    sync_conflicts.resolve_conflict(office, sales["dm"], conflict["id"], "theirs")
    assert _holder(office, booth) == other
    copies.send("office", sales["dm"])
    copies.receive("laptop1", actor)
    copies.receive("laptop2", actor)
    for db in (office, laptop1, laptop2):
        assert _holder(db, booth) == other
        assert [c for c in sync_conflicts.list_conflicts(db) if c["kind"] == "duplicate"] == []
    copies.send("laptop1", actor)
    copies.send("laptop2", actor)
    for name in ("office", "laptop1", "laptop2"):
        copies.receive(name, actor)
    assert differing(office, laptop1) == set() and differing(office, laptop2) == set()
