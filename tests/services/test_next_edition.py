"""The next edition: last year's setup copied without its sales, and last year's exhibitors offered their booths."""

from __future__ import annotations

import pytest

from expo_desk.errors import PermissionDenied, UserError
from expo_desk.services import booths, contracts, payments, pricing, rebooking, sales_terms
from expo_desk.services import next_edition as svc
from expo_desk.services.contract_signing import sign_contract
from expo_desk.store import records
from expo_desk.store.queries import rows, scalar
from tests.helpers import signed_contract

SIGNED = "2026-06-01"
TODAY = "2026-12-01"  # after the 2026 show, planning 2027
UNTIL = "2027-01-31"


@pytest.fixture
def last_year(db, actor, sales):
    """RZ2026 after the show: steel bought A-001, fish bought A-002 and paid a part, A-003 is a fire exit."""
    show_id = sales["show"]["id"]
    sales_terms.update_terms(db, actor, show_id, {"deposit_bp": "40", "balance_due_on": "2026-08-01",
                                                  "contract_prefix": "RZ26"})
    sales_terms.add_service(db, actor, show_id, {"code": "POWER-10A", "name": "加电 10A", "name_en": "Power 10 A",
                                                 "unit": "处", "unit_price": "600.50"})
    booths.update_booth(db, actor, sales["booths"]["A-003"], blocked=True, blocked_reason="消防通道 fire exit")
    booths.update_booth(db, actor, sales["booths"]["R-001"], sector="钢铁")
    sold = {}
    for who, exhibitor, number in (("am1", "steel", "A-001"), ("am2", "fish", "A-002")):
        cid = signed_contract(db, sales, [number], SIGNED, who, exhibitor)
        sold[exhibitor] = cid
    payments.record_payment(db, sales["am2"], sold["fish"], 100_000, paid_on="2026-06-10")
    records.insert(db, actor, "contacts", {"exhibitor_id": sales["steel"], "name": "王伟", "phone": "13800000001",
                                           "is_primary": 1})
    return {**sales, "contracts": sold}


def copy(db, actor, sales, **options):
    return svc.copy_show_setup(db, actor, sales["show"]["id"], "RZ2027", "2027日照国际博览会",
                               "Rizhao International Expo 2027", "2027-09-17", **options)


def booth_rows(db, show_id):
    return rows(db, "SELECT b.number, h.code, b.x_cm, b.y_cm, b.width_cm, b.depth_cm, b.booth_type, b.sector,"
                    " b.status, b.blocked_reason FROM booths b JOIN halls h ON h.id = b.hall_id"
                    " WHERE b.show_id = ? ORDER BY b.number", [show_id])


def booth_in(db, show_id, number):
    return rows(db, "SELECT * FROM booths WHERE show_id = ? AND number = ?", [show_id, number])[0]


def offers(db, show_id):
    return {r["company_name"]: r for r in rebooking.list_offers(db, show_id)}


def test_the_copy_has_the_layout_prices_and_terms_with_dates_moved_and_none_of_the_sales(db, actor, last_year):
    old_id = last_year["show"]["id"]
    result = copy(db, actor, last_year)
    new = result.show
    assert (new["previous_show_id"], new["start_date"], new["end_date"]) == (old_id, "2027-09-17", "2027-09-19")
    assert result.shift_days == 364
    old_booths, new_booths = booth_rows(db, old_id), booth_rows(db, new["id"])
    same = ("number", "code", "x_cm", "y_cm", "width_cm", "depth_cm", "booth_type", "sector")
    assert [[b[k] for k in same] for b in new_booths] == [[b[k] for k in same] for b in old_booths]
    assert [(b["number"], b["status"], b["blocked_reason"]) for b in new_booths] == [
        ("A-001", "available", ""), ("A-002", "available", ""), ("A-003", "blocked", "消防通道 fire exit"),
        ("R-001", "available", "")]
    fields = ("kind", "amount_fen", "percent_bp", "open_sides", "min_area_m2", "area_from_m2")
    old_rules, new_rules = pricing.list_rules(db, old_id), pricing.list_rules(db, new["id"])
    assert [[r[k] for k in fields] for r in new_rules] == [[r[k] for k in fields] for r in old_rules]
    early = [r["effective_to"] for r in new_rules if r["kind"] == "early_bird"]
    assert early == ["2027-05-20"]  # 2026-05-21 + 364 days: still 120 days before the opening
    terms = sales_terms.terms(db, new["id"])
    assert (terms["deposit_bp"], terms["balance_due_on"], terms["prefix"]) == (4000, "2027-07-31", "RZ2027")
    assert [(s["code"], s["unit_price_fen"]) for s in sales_terms.list_services(db, new["id"])] == [("POWER-10A", 60_050)]
    # the same quote for the same booth under the copied rules, a year later
    old_quote = pricing.quote_booth(db, last_year["booths"]["R-001"], "2026-07-01").total_fen
    assert pricing.quote_booth(db, booth_in(db, new["id"], "R-001")["id"], "2027-06-30").total_fen == old_quote
    assert scalar(db, "SELECT count(*) FROM contracts WHERE show_id = ?", [new["id"]]) == 0
    assert scalar(db, "SELECT count(*) FROM rebooking_offers WHERE show_id = ?", [new["id"]]) == 0
    assert result.counts["booths"] == 4 and result.counts["blocked"] == 1 and result.counts["exhibitors"] == 2


def test_the_exhibitors_who_bought_come_along_with_contacts_manager_and_company_key(db, actor, last_year):
    rows_before = rows(db, "SELECT company_key, company_name, account_manager_id FROM exhibitors"
                           " WHERE show_id = ? ORDER BY company_key", [last_year["show"]["id"]])
    new = copy(db, actor, last_year).show
    copied = rows(db, "SELECT id, company_key, company_name, account_manager_id, expected_value_fen FROM exhibitors"
                      " WHERE show_id = ? ORDER BY company_key", [new["id"]])
    assert [(r["company_key"], r["company_name"], r["account_manager_id"]) for r in copied] == [
        (r["company_key"], r["company_name"], r["account_manager_id"]) for r in rows_before]
    steel = next(r for r in copied if r["company_name"] == "日照钢铁集团有限公司")
    assert scalar(db, "SELECT name || ' ' || phone FROM contacts WHERE exhibitor_id = ?", [steel["id"]]) == "王伟 13800000001"


def test_a_cancelled_or_draft_customer_is_not_copied(db, actor, last_year):
    from expo_desk.services.exhibitors import create_exhibitor

    show_id = last_year["show"]["id"]
    tourism = create_exhibitor(db, actor, show_id, {"company_name": "日照旅游发展有限公司"}).inserted["exhibitors"][0]
    contracts.create_contract(db, actor, show_id, tourism, [last_year["booths"]["R-001"]], today=SIGNED)
    new = copy(db, actor, last_year).show
    assert scalar(db, "SELECT count(*) FROM exhibitors WHERE show_id = ?", [new["id"]]) == 2


def test_copying_is_all_or_nothing_and_for_managers_only(db, actor, last_year):
    shows_before = scalar(db, "SELECT count(*) FROM shows")
    with pytest.raises(PermissionDenied):
        copy(db, last_year["am1"], last_year)
    with pytest.raises(UserError, match="RZ2026"):
        svc.copy_show_setup(db, actor, last_year["show"]["id"], "RZ2026", "again", start_date="2027-09-17")
    with pytest.raises(svc.CopyCancelled):
        copy(db, actor, last_year, should_cancel=lambda: scalar(db, "SELECT count(*) FROM halls") > 1)
    assert scalar(db, "SELECT count(*) FROM shows") == shows_before
    assert scalar(db, "SELECT count(*) FROM halls") == 1 and scalar(db, "SELECT count(*) FROM booths") == 4


def test_offers_hold_last_years_booths_until_the_deadline(db, actor, last_year):
    new = copy(db, actor, last_year).show
    result = rebooking.offer_rebookings(db, actor, new["id"], UNTIL, today=TODAY)
    assert (result.offers, result.reserved, result.conflicts, result.on_site_contracts) == (2, 2, [], [])
    made = offers(db, new["id"])
    assert {name: (o["booth_number"], o["status"], o["offered_until"]) for name, o in made.items()} == {
        "日照钢铁集团有限公司": ("A-001", "offered", UNTIL), "黄海渔业有限公司": ("A-002", "offered", UNTIL)}
    a1 = booth_in(db, new["id"], "A-001")
    assert (a1["status"], a1["reserved_for"], a1["reserved_until"]) == ("reserved", "日照钢铁集团有限公司", UNTIL)
    again = rebooking.offer_rebookings(db, actor, new["id"], UNTIL, today=TODAY)
    assert (again.offers, again.already_offered) == (0, 2)  # offered once


def contested(db, actor, last_year):
    """The new plan merges A-001 and A-002 into one booth A-001: both of last year's buyers want it."""
    new = copy(db, actor, last_year).show
    booths.merge_booths(db, actor, [booth_in(db, new["id"], n)["id"] for n in ("A-001", "A-002")])
    return new


def test_an_on_site_rebooker_wins_a_contested_booth(db, actor, last_year):
    new = contested(db, actor, last_year)
    result = rebooking.offer_rebookings(db, actor, new["id"], UNTIL, [last_year["fish"]], today=TODAY)
    assert result.on_site_contracts == ["RZ2027-0001"]
    assert [(c.company_name, c.booth_number) for c in result.conflicts] == [("日照钢铁集团有限公司", "A-001")]
    assert "黄海渔业有限公司" in result.conflicts[0].reason
    made = offers(db, new["id"])
    assert (made["黄海渔业有限公司"]["booth_number"], made["黄海渔业有限公司"]["status"],
            made["黄海渔业有限公司"]["on_site"]) == ("A-001", "accepted", 1)
    assert (made["日照钢铁集团有限公司"]["booth_id"], made["日照钢铁集团有限公司"]["status"]) == (None, "offered")
    draft = rows(db, "SELECT k.status, e.company_name, b.number FROM contracts k JOIN exhibitors e ON e.id = k.exhibitor_id"
                     " JOIN contract_lines l ON l.contract_id = k.id AND l.holds_booth = 1 JOIN booths b ON b.id = l.booth_id"
                     " WHERE k.show_id = ?", [new["id"]])
    assert draft == [{"status": "draft", "company_name": "黄海渔业有限公司", "number": "A-001"}]


def test_without_on_site_rebooking_the_first_contract_keeps_its_number(db, actor, last_year):
    new = contested(db, actor, last_year)
    result = rebooking.offer_rebookings(db, actor, new["id"], UNTIL, today=TODAY)
    assert [(c.company_name, c.booth_number) for c in result.conflicts] == [("黄海渔业有限公司", "A-002")]
    assert booth_in(db, new["id"], "A-001")["reserved_for"] == "日照钢铁集团有限公司"


def test_accepting_makes_a_draft_priced_by_the_new_shows_rules(db, actor, last_year):
    new = copy(db, actor, last_year).show
    rebooking.offer_rebookings(db, actor, new["id"], UNTIL, today=TODAY)
    shell = scalar(db, "SELECT id FROM pricing_rules WHERE show_id = ? AND kind = 'shell_base'", [new["id"]])
    pricing.update_rule(db, actor, shell, {"amount_fen": 1_100_000})  # 2027 price list: ¥11,000 a booth
    steel_offer = offers(db, new["id"])["日照钢铁集团有限公司"]
    with pytest.raises(PermissionDenied):
        rebooking.accept_offer(db, last_year["am2"], steel_offer["id"], today=TODAY)
    changes = rebooking.accept_offer(db, last_year["am1"], steel_offer["id"], today=TODAY)
    draft = records.get_row(db, "contracts", changes.inserted["contracts"][0])
    a1 = booth_in(db, new["id"], "A-001")
    assert (draft["number"], draft["status"], draft["show_id"]) == ("RZ2027-0001", "draft", new["id"])
    assert draft["total_fen"] == pricing.quote_booth(db, a1["id"], TODAY).total_fen == 1_149_500  # corner +10 %, early bird −5 %
    assert records.get_row(db, "contracts", last_year["contracts"]["steel"])["total_fen"] == 1_078_000
    assert offers(db, new["id"])["日照钢铁集团有限公司"]["status"] == "accepted"
    with pytest.raises(UserError, match="already accepted"):
        rebooking.accept_offer(db, last_year["am1"], steel_offer["id"], today=TODAY)


def test_declining_frees_the_booth_and_expired_offers_do_too(db, actor, last_year):
    new = copy(db, actor, last_year).show
    rebooking.offer_rebookings(db, actor, new["id"], UNTIL, today=TODAY)
    made = offers(db, new["id"])
    rebooking.decline_offer(db, last_year["am2"], made["黄海渔业有限公司"]["id"])
    a2 = booth_in(db, new["id"], "A-002")
    assert (a2["status"], a2["reserved_for"], a2["reserved_until"]) == ("available", "", None)
    assert offers(db, new["id"])["黄海渔业有限公司"]["status"] == "declined"
    assert rebooking.expire_offers(db, actor, UNTIL, show_id=new["id"]) == []  # the deadline day still counts
    lapsed = rebooking.expire_offers(db, actor, "2027-02-01", show_id=new["id"])
    assert [o["company_name"] for o in lapsed] == ["日照钢铁集团有限公司"]
    assert booth_in(db, new["id"], "A-001")["status"] == "available"
    assert offers(db, new["id"])["日照钢铁集团有限公司"]["status"] == "expired"
    with pytest.raises(UserError, match="already expired"):
        rebooking.accept_offer(db, last_year["am1"], made["日照钢铁集团有限公司"]["id"], today="2027-02-01")


def test_start_next_edition_copies_and_offers_in_one_go(db, actor, last_year):
    preview = svc.copy_preview(db, last_year["show"]["id"])
    assert {k: preview[k] for k in ("halls", "booths", "blocked", "services", "exhibitors")} == {
        "halls": 1, "booths": 4, "blocked": 1, "services": 1, "exhibitors": 2}
    copied, offered = rebooking.start_next_edition(db, actor, last_year["show"]["id"], "RZ2027", "2027日照国际博览会",
                                             start_date="2027-09-17", offered_until=UNTIL, today=TODAY)
    assert copied.show["code"] == "RZ2027" and offered.offers == 2
    assert copied.changes.touches("rebooking_offers")
    with pytest.raises(UserError):  # a deadline in the past: nothing at all is made
        rebooking.start_next_edition(db, actor, last_year["show"]["id"], "RZ2028", "2028", start_date="2028-09-15",
                               offered_until="2026-01-01", today=TODAY)
    assert scalar(db, "SELECT count(*) FROM shows WHERE code = 'RZ2028'") == 0


def test_the_build_schedule_templates_come_along_as_planned_and_new_booths_follow_them(db, actor, last_year):
    """Signing last year put the default templates on the show; a planner then lengthened a step."""
    from expo_desk.services import task_templates

    old_id = last_year["show"]["id"]
    power = next(s for s in task_templates.list_templates(db, old_id, "shell") if s["name"] == "用电方案")
    task_templates.update_template(db, last_year["dm"], power["id"], {"duration_days": 10, "checklist": "插座\n照明"})
    assert svc.copy_preview(db, old_id)["task_templates"] == 26  # the dialog says what will be copied
    result = copy(db, actor, last_year)
    new_id = result.show["id"]
    same = ("scope", "position", "level", "name", "name_en", "role", "duration_days", "after_position", "lag_days",
            "anchor", "anchor_offset_days", "parent_position", "checklist")
    old_steps, new_steps = task_templates.list_templates(db, old_id), task_templates.list_templates(db, new_id)
    assert [[s[k] for k in same] for s in new_steps] == [[s[k] for k in same] for s in old_steps]
    assert result.counts["task_templates"] == len(old_steps) == 12 + 4 + 10  # show, shell, raw
    assert {s["id"] for s in new_steps}.isdisjoint(s["id"] for s in old_steps)
    assert len(task_templates.list_templates(db, old_id)) == 26  # last year keeps its own
    # a booth sold in the new edition gets the lengthened step, dated from the new show
    booth = booth_in(db, new_id, "A-001")["id"]
    steel = scalar(db, "SELECT id FROM exhibitors WHERE show_id = ? AND company_name = '日照钢铁集团有限公司'", [new_id])
    cid = contracts.create_contract(db, last_year["am1"], new_id, steel, [booth], today="2027-06-01")
    sign_contract(db, last_year["am1"], cid.inserted["contracts"][0], signed_on="2027-06-01")
    made = rows(db, "SELECT name, planned_start, planned_finish, template_id FROM tasks WHERE booth_id = ?"
                    " ORDER BY sort_order", [booth])
    assert [(t["name"].split(" / ")[0], t["planned_start"], t["planned_finish"]) for t in made] == [
        ("确认楣板文字与家具", "2027-06-02", "2027-06-08"), ("用电方案", "2027-06-09", "2027-06-18"),
        ("标摊搭建", "2027-09-14", "2027-09-15"), ("验收交付", "2027-09-16", "2027-09-16")]  # build-up 2027-09-13
    assert {t["template_id"] for t in made} <= {s["id"] for s in new_steps}
    assert scalar(db, "SELECT count(*) FROM task_templates WHERE show_id = ?", [new_id]) == 26  # none added


def test_a_show_without_templates_copies_none(db, actor, sales):
    result = copy(db, actor, sales)
    assert result.counts["task_templates"] == 0
    assert scalar(db, "SELECT count(*) FROM task_templates WHERE show_id = ?", [result.show["id"]]) == 0
