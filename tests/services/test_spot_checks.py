"""The department manager's spot checks of orders and accounts, on a real file."""

from __future__ import annotations

import json

import pytest

from expo_desk.domain import spot_checks as rules
from expo_desk.domain.booths import BoothDraft
from expo_desk.errors import PermissionDenied, UserError, ValidationError
from expo_desk.services import booths, payments
from expo_desk.services import contracts as contract_service
from expo_desk.services import spot_checks as svc
from expo_desk.services.contract_signing import sign_contract
from expo_desk.store import records
from expo_desk.store.queries import scalar

SIGNED_ON = "2026-06-01"


@pytest.fixture
def shop(db, actor, sales):
    """The sales fixture with ten more inline booths (B-000 … B-009) and five signed contracts:
    four of am1's (one booth each, B-000 … B-003) and one of am2's (B-004)."""
    booths.add_booths(db, actor, sales["show"]["id"], sales["hall"],
                      [BoothDraft(f"B-00{k}", 300 * k, 600, 300, 300) for k in range(10)])
    numbers = {f"B-00{k}": scalar(db, "SELECT id FROM booths WHERE number = ?", [f"B-00{k}"]) for k in range(10)}
    signed = [sell(db, sales, numbers[f"B-00{k}"]) for k in range(4)]
    signed.append(sell(db, sales, numbers["B-004"], who="am2", exhibitor="fish"))
    return {**sales, "b": numbers, "signed": signed}


def sell(db, sales, booth_id, who="am1", exhibitor="steel"):
    cid = contract_service.create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor], [booth_id],
                                           today=SIGNED_ON).inserted["contracts"][0]
    sign_contract(db, sales[who], cid, signed_on=SIGNED_ON)
    return cid


def drawn_ids(db, check_id):
    return [i["row_id"] for i in svc.spot_check_detail(db, check_id)["items"]]


def draw(db, shop, kind="contracts", size=3, seed=None):
    changes = svc.draw_spot_check(db, shop["dm"], shop["show"]["id"], kind, size, seed)
    return changes.inserted["spot_checks"][0]


def test_the_same_seed_draws_the_same_sample_and_the_draw_is_recorded(db, shop):
    first = draw(db, shop, seed=4242)
    second = draw(db, shop, seed=4242)
    assert drawn_ids(db, first) == drawn_ids(db, second)
    assert len(set(drawn_ids(db, first))) == 3 and set(drawn_ids(db, first)) <= set(shop["signed"])
    row = records.get_row(db, "spot_checks", first)
    assert (row["kind"], row["seed"], row["sample_size"], row["population"], row["drawn_by"], row["drawn_by_name"]) == (
        "contracts", 4242, 3, 5, shop["dm"].user_id, "赵部长")
    assert [i["position"] for i in svc.spot_check_detail(db, first)["items"]] == [1, 2, 3]
    # audited: the check and each of its items
    assert scalar(db, "SELECT count(*) FROM audit_log WHERE table_name = 'spot_checks' AND action = 'insert'") == 2
    assert scalar(db, "SELECT count(*) FROM audit_log WHERE table_name = 'spot_check_items'") == 6


def test_without_a_seed_one_is_chosen_and_kept(db, shop):
    check = draw(db, shop, size=10)
    row = records.get_row(db, "spot_checks", check)
    assert isinstance(row["seed"], int) and row["sample_size"] == 5  # all five: the population is smaller
    assert svc.replay_spot_check(db, check)["same"] is True


def test_drafts_are_not_drawn_and_payments_are_their_own_population(db, shop):
    draft = contract_service.create_contract(db, shop["am1"], shop["show"]["id"], shop["steel"], [shop["b"]["B-009"]],
                                             today=SIGNED_ON).inserted["contracts"][0]
    assert draft not in drawn_ids(db, draw(db, shop, size=50))
    with pytest.raises(UserError, match="no payments"):
        draw(db, shop, kind="payments")


def test_replay_after_adding_a_contract_reports_the_difference(db, shop):
    # signed after the draw: a draft is not in the population until it is signed
    added = contract_service.create_contract(db, shop["am1"], shop["show"]["id"], shop["steel"], [shop["b"]["B-005"]],
                                             today=SIGNED_ON).inserted["contracts"][0]
    before, after = sorted(shop["signed"]), sorted([*shop["signed"], added])
    seed = next(s for s in range(100) if added in rules.draw(after, 3, s))
    check = draw(db, shop, size=3, seed=seed)
    assert svc.replay_spot_check(db, check) == {"same": True, "population_then": 5, "population_now": 5,
                                                "differences": []}
    sign_contract(db, shop["am1"], added, signed_on=SIGNED_ON)
    replay = svc.replay_spot_check(db, check)
    assert (replay["same"], replay["population_then"], replay["population_now"]) == (False, 5, 6)
    recorded = drawn_ids(db, check)
    assert recorded == rules.draw(before, 3, seed)
    assert [(d["position"], d["was"], d["now"]) for d in replay["differences"]] == [
        (d["position"], d["was"], d["now"]) for d in rules.compare_draws(recorded, rules.draw(after, 3, seed))]
    number = records.get_row(db, "contracts", added)["number"]
    assert any(d["now"] == added and d["now_label"].startswith(number) for d in replay["differences"])
    for d in replay["differences"]:
        assert d["was_label"].split()[0] == records.get_row(db, "contracts", d["was"])["number"]


def test_only_the_department_manager_draws(db, shop):
    with pytest.raises(PermissionDenied):
        svc.draw_spot_check(db, shop["am1"], shop["show"]["id"], "contracts", 3)
    with pytest.raises(ValidationError) as refused:
        svc.draw_spot_check(db, shop["dm"], shop["show"]["id"], "orders", 0, seed=-1)
    assert {p.field for p in refused.value.problems} == {"kind", "size", "seed"}
    assert scalar(db, "SELECT count(*) FROM spot_checks") == 0


def item_for(db, check_id, row_id):
    return next(i for i in svc.spot_check_detail(db, check_id)["items"] if i["row_id"] == row_id)


def test_the_computer_catches_a_line_amount_tampered_with_in_sql(db, shop):
    tampered = shop["signed"][2]
    db.execute("UPDATE contract_lines SET amount_fen = amount_fen - 12300 WHERE contract_id = ? AND kind = 'booth'",
               [tampered])
    check = draw(db, shop, size=5, seed=7)
    bad = item_for(db, check, tampered)["checks"]
    assert bad["price_rules"]["auto"] is False and bad["price_rules"]["confirmed"] is None
    # the booth line plus its premium, against a fresh quote on the signing date
    assert bad["price_rules"]["detail"] == ("B-002: 合同 ¥10,657.00，规则 ¥10,780.00 / contract ¥10,657.00,"
                                            " rules ¥10,780.00")
    good = item_for(db, check, shop["signed"][0])["checks"]
    assert {name: v["auto"] for name, v in good.items()} == {
        "price_rules": True, "discount_approved": True, "schedule_adds_up": True, "not_edited": True}


def test_the_computer_flags_an_edit_after_signing_and_an_unapproved_discount(db, shop):
    edited = shop["signed"][1]
    contract_service.add_booth(db, shop["am1"], edited, shop["b"]["B-006"], today="2026-06-05")
    cid = shop["signed"][3]
    db.execute("UPDATE contract_lines SET amount_fen = -200000 WHERE contract_id = ? AND kind = 'booth'", [cid])
    db.execute("INSERT INTO contract_lines (id, contract_id, kind, description, amount_fen) VALUES"
               " ('sneaky', ?, 'discount', 'off the books', -300000)", [cid])
    check = draw(db, shop, size=5, seed=11)
    flagged = item_for(db, check, edited)["checks"]
    assert flagged["not_edited"]["auto"] is False and "→" in flagged["not_edited"]["detail"]
    assert item_for(db, check, cid)["checks"]["discount_approved"]["auto"] is False


def test_the_computer_catches_a_payment_whose_proof_file_is_missing(db, shop, tmp_path):
    kept, lost = tmp_path / "receipt-1.pdf", tmp_path / "receipt-2.pdf"
    for path in (kept, lost):
        path.write_bytes(b"%PDF-1.4 receipt")
    first = payments.record_payment(db, shop["am1"], shop["signed"][0], 100_000, paid_on="2026-06-03",
                                    proof_path=str(kept)).inserted["payments"][0]
    second = payments.record_payment(db, shop["am1"], shop["signed"][1], 100_000, paid_on="2026-06-03",
                                     proof_path=str(lost)).inserted["payments"][0]
    refund = payments.record_payment(db, shop["am1"], shop["signed"][0], -20_000, paid_on="2026-06-04",
                                     reason="多收 / overpaid").inserted["payments"][0]
    lost.unlink()
    check = draw(db, shop, kind="payments", size=3, seed=3)
    assert item_for(db, check, first)["checks"]["proof_present"]["auto"] is True
    missing = item_for(db, check, second)["checks"]["proof_present"]
    assert missing["auto"] is False and "receipt-2.pdf" in missing["detail"]
    assert item_for(db, check, refund)["checks"]["proof_present"]["auto"] is False  # none attached
    assert item_for(db, check, refund)["checks"]["refund_reason"]["auto"] is True
    assert all(i["checks"]["signed_contract"]["auto"] is True for i in svc.spot_check_detail(db, check)["items"])


def confirm_everything(db, dm, check_id):
    for item in svc.spot_check_detail(db, check_id)["items"]:
        svc.set_verdicts(db, dm, item["id"], dict.fromkeys(item["checks"], True))


def test_sign_off_needs_every_verdict_and_the_department_manager(db, shop):
    check = draw(db, shop, size=2, seed=5)
    items = svc.spot_check_detail(db, check)["items"]
    svc.set_verdicts(db, shop["dm"], items[0]["id"], dict.fromkeys(items[0]["checks"], True))
    with pytest.raises(UserError, match="2"):
        svc.sign_off_spot_check(db, shop["dm"], check, "looked fine")
    svc.set_verdicts(db, shop["dm"], items[1]["id"], {"price_rules": False, "discount_approved": True,
                                                      "schedule_adds_up": True})
    with pytest.raises(UserError):
        svc.sign_off_spot_check(db, shop["dm"], check)  # not_edited still open
    svc.set_verdicts(db, shop["dm"], items[1]["id"], {"not_edited": True})
    svc.set_item_note(db, shop["dm"], items[1]["id"], "  展位价格需复核 / booth price to check again ")
    with pytest.raises(PermissionDenied):
        svc.sign_off_spot_check(db, shop["am1"], check, "mine")
    with pytest.raises(PermissionDenied):
        svc.set_verdicts(db, shop["am1"], items[0]["id"], {"price_rules": False})
    svc.sign_off_spot_check(db, shop["dm"], check, "一项待复核 / one item to check again")
    detail = svc.spot_check_detail(db, check)
    row = detail["check"]
    assert detail["signed_off"] and row["signed_off_by"] == shop["dm"].user_id and row["signed_off_by_name"] == "赵部长"
    assert row["note"] == "一项待复核 / one item to check again"
    assert detail["items"][1]["note"] == "展位价格需复核 / booth price to check again"
    assert detail["items"][1]["failed"] == ["price_rules"]
    # a signed-off check is read-only
    with pytest.raises(UserError, match="signed off"):
        svc.set_verdicts(db, shop["dm"], items[0]["id"], {"price_rules": False})
    with pytest.raises(UserError, match="signed off"):
        svc.set_item_note(db, shop["dm"], items[0]["id"], "later")
    with pytest.raises(UserError, match="signed off"):
        svc.sign_off_spot_check(db, shop["dm"], check, "again")
    entry = scalar(db, "SELECT new_values FROM audit_log WHERE table_name = 'spot_checks' AND action = 'update'")
    assert json.loads(entry)["signed_off_by"] == shop["dm"].user_id


def test_verdicts_name_known_checks_only(db, shop):
    check = draw(db, shop, size=1, seed=1)
    item = svc.spot_check_detail(db, check)["items"][0]
    with pytest.raises(ValidationError, match="proof_present"):
        svc.set_verdicts(db, shop["dm"], item["id"], {"proof_present": True})


def test_the_list_shows_newest_first_with_progress(db, shop):
    older = draw(db, shop, size=1, seed=1)
    newer = draw(db, shop, kind="contracts", size=2, seed=2)
    confirm_everything(db, shop["dm"], older)
    svc.sign_off_spot_check(db, shop["dm"], older, "ok")
    listed = svc.spot_checks(db, shop["show"]["id"])
    assert {r["id"] for r in listed} == {older, newer}
    by_id = {r["id"]: r for r in listed}
    assert by_id[older]["signed_off_by_name"] == "赵部长" and by_id[newer]["signed_off_at"] is None
    assert by_id[newer]["items"] == 2
