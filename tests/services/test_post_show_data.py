"""What one exhibitor's post-show report says, read from a real file: the participation cost
and the satisfaction figure, what was done for them, the traffic, their leads, the outcomes
and the offer to rebook."""

from __future__ import annotations

from fractions import Fraction

import pytest

from expo_desk.errors import UserError
from expo_desk.services import contracts, post_show, sales_terms
from expo_desk.services.contract_signing import cancel_contract, sell_booths, sign_contract
from expo_desk.services.exhibitors import update_exhibitor
from expo_desk.services.post_show_data import post_show_data
from expo_desk.services.rebooking import start_next_edition
from expo_desk.store.queries import scalar

SOLD_ON = "2026-06-01"


def yuan(amount: int) -> int:
    return amount * 100


def fifty_thousand_contract(db, actor, sales) -> str:
    """A-001 (¥10,780 on the sales day) and a custom build to ¥39,220: ¥50,000 signed, as in the seed."""
    sales_terms.add_service(db, actor, sales["show"]["id"], {
        "code": "BUILD", "name": "特装搭建", "name_en": "Custom build", "unit": "项", "unit_price": "39220"})
    item = scalar(db, "SELECT id FROM service_items WHERE code = 'BUILD'")
    contract = contracts.create_contract(db, sales["am1"], sales["show"]["id"], sales["steel"],
                                         [sales["booths"]["A-001"]], today=SOLD_ON).inserted["contracts"][0]
    contracts.add_service(db, sales["am1"], contract, item, 1, today=SOLD_ON)
    sign_contract(db, sales["am1"], contract, SOLD_ON)
    assert scalar(db, "SELECT total_fen FROM contracts WHERE id = ?", [contract]) == yuan(50_000)
    return contract


@pytest.fixture
def steel(db, actor, sales):
    """The steel company with its ¥50,000 contract, expecting ¥100,000 of value from the show."""
    fifty_thousand_contract(db, actor, sales)
    update_exhibitor(db, actor, sales["steel"], {"expected_value_fen": yuan(100_000)})
    return sales["steel"]


def test_the_seeds_example_cost_50000_expecting_100000_gives_half(db, sales, steel):
    data = post_show_data(db, steel, "both", today="2026-10-08")
    assert data.cost_fen == yuan(50_000) and data.expected_value_fen == yuan(100_000)
    assert data.satisfaction.value == Fraction(1, 2)
    assert data.satisfaction.shown == "0.50"
    assert data.exhibitor_name == "日照钢铁集团有限公司" and [b.number for b in data.booths] == ["A-001"]
    assert data.manager_name == "王经理" and data.sector == ("钢铁", "Steel")


def test_expecting_10000_from_the_same_cost_gives_five(db, actor, sales, steel):
    update_exhibitor(db, actor, steel, {"expected_value_fen": yuan(10_000)})
    assert post_show_data(db, steel).satisfaction.shown == "5.00"


def test_drafts_and_cancelled_contracts_are_no_participation_cost(db, actor, sales, steel):
    cancelled = sell_booths(db, sales["am1"], sales["show"]["id"], steel, [sales["booths"]["A-002"]],
                            signed_on=SOLD_ON, today=SOLD_ON).inserted["contracts"][0]
    cancel_contract(db, sales["am1"], cancelled, "2026-07-01", reason="预算调整 / budget cut")
    contracts.create_contract(db, sales["am1"], sales["show"]["id"], steel, [sales["booths"]["A-003"]], today=SOLD_ON)
    data = post_show_data(db, steel)
    assert data.cost_fen == yuan(50_000)  # neither the cancelled contract nor its fee, nor the draft
    assert [(k.status_name[1], k.counted) for k in data.contracts] == [("Signed", True), ("Cancelled", False)]
    assert [b.number for b in data.booths] == ["A-001"]
    assert "取消费不属于参展费用" in data.cost_rule[0]


def test_without_an_expected_value_there_is_no_figure_but_a_reason(db, sales):
    sell_booths(db, sales["am2"], sales["show"]["id"], sales["fish"], [sales["booths"]["A-003"]],
                signed_on=SOLD_ON, today=SOLD_ON)
    data = post_show_data(db, sales["fish"], "en")
    assert data.satisfaction.value is None and data.satisfaction.shown == "—"
    assert data.cost_fen > 0
    assert "No expected value" in data.satisfaction.reason[1] and "期望值" in data.satisfaction.reason[0]


def test_an_expected_value_of_zero_gives_no_figure(db, actor, sales, steel):
    update_exhibitor(db, actor, steel, {"expected_value_fen": 0})
    figure = post_show_data(db, steel).satisfaction
    assert figure.value is None and "不能除以零" in figure.reason[0]


def test_traffic_the_shows_visitors_and_the_exhibitors_own_leads(db, actor, sales, steel):
    show = sales["show"]["id"]
    for day, sector, visitors in (("2026-09-18", "", 2_800), ("2026-09-18", "钢铁", 1_300),
                                  ("2026-09-18", "渔业", 900), ("2026-09-19", "钢铁", 800),
                                  ("2026-09-19", "渔业", 1_100)):
        post_show.set_visitors(db, actor, show, day, sector, visitors)
    for name, day, signed, value in (("青岛港集团", "2026-09-18", True, "120000"), ("山东重工", "2026-09-18", False, ""),
                                     ("烟台造船", "2026-09-19", True, ""), ("威海渔具", None, False, "")):
        post_show.add_exhibitor_lead(db, actor, steel, {"visitor_company": name, "captured_on": day,
                                                        "agreement_signed": signed, "agreement_value": value})
    data = post_show_data(db, steel)
    # a day's visitors are all its counts: by sector and not broken down by sector
    assert [(c.label[0], c.value) for c in data.visitors_by_day] == [("2026-09-18", 5_000), ("2026-09-19", 1_900)]
    assert data.total_visitors == 6_900
    assert [(c.label, c.value, c.own) for c in data.visitors_by_sector] == [
        (("钢铁", "Steel"), 2_100, True), (("渔业", "Fishery"), 2_000, False)]
    assert len(data.leads) == 4 and data.agreements == 2 and data.agreements_value_fen == yuan(120_000)
    assert [(d.day, d.leads, d.agreements) for d in data.leads_by_day] == [
        ("2026-09-18", 2, 1), ("2026-09-19", 1, 1), ("—", 1, 0)]


def test_what_was_done_the_outcomes_and_the_survey(db, actor, sales, steel):
    post_show.set_outcomes(db, actor, steel, {
        "matchmaking": "安排 3 场采购商洽谈 / Three buyer meetings arranged", "brand_image": "两家媒体报道"})
    post_show.set_survey_answer(db, actor, steel, post_show.SURVEY_QUESTIONS[0], "满意 / Satisfied", 4)
    data = post_show_data(db, steel)
    assert [(s.name, s.quantity, s.unit, s.amount_fen) for s in data.services] == [
        (("特装搭建", "Custom build"), 1, "项", yuan(39_220))]
    work = {n.key: n.text for n in data.work}
    assert work["matchmaking"] == ("安排 3 场采购商洽谈", "Three buyer meetings arranged")
    assert work["promotion"] == ("", "")
    outcomes = {n.key: (n.title, n.text) for n in data.outcomes}
    assert list(outcomes) == ["sales_network", "brand_image", "customer_needs", "competition"]
    assert outcomes["brand_image"] == (("树立企业形象", "Brand image"), ("两家媒体报道", "两家媒体报道"))
    [answer] = data.survey
    assert answer.question == ("对本届展会的总体满意度", "Overall satisfaction with the show")
    assert (answer.answer, answer.score) == (("满意", "Satisfied"), 4)


def test_without_a_next_edition_the_offer_is_the_shows_rebooking_text(db, actor, sales, steel):
    offer = post_show_data(db, steel).rebooking
    assert offer.next_show_name is None and offer.booth_numbers == ()
    assert "下一届" in offer.text[0] and "next edition" in offer.text[1]
    assert "闭幕前" not in offer.text[0]  # the pack's default speaks of before the show closes
    post_show.set_show_text(db, actor, sales["show"]["id"], "rebooking", "九月底前续订享九五折", "5 % off until September")
    assert post_show_data(db, steel).rebooking.text == ("九月底前续订享九五折", "5 % off until September")


def test_the_next_edition_holds_the_same_booth_for_the_exhibitor(db, actor, sales, steel):
    start_next_edition(db, actor, sales["show"]["id"], "RZ2027", "2027日照国际博览会", "Rizhao International Expo 2027",
                       "2027-09-17", offered_until="2026-12-31", today="2026-10-08")
    offer = post_show_data(db, steel, today="2026-10-08").rebooking
    assert offer.next_show_name == ("2027日照国际博览会", "Rizhao International Expo 2027")
    assert offer.next_dates[0] == "2027-09-17"
    assert offer.booth_numbers == ("A-001",) and offer.offered_until == "2026-12-31"
    assert offer.status_name == ("已为您保留", "Held for you")


def test_a_wrong_language_or_a_missing_exhibitor_is_told(db, sales):
    with pytest.raises(UserError, match="language"):
        post_show_data(db, sales["steel"], "fr")
    with pytest.raises(UserError, match="exhibitor"):
        post_show_data(db, "no-such-id")


def test_the_data_is_read_from_a_read_only_file_as_batch_workers_open_it(db, db_path, sales, steel):
    from expo_desk.store.db import open_read_only

    reader = open_read_only(db_path)
    try:
        assert post_show_data(reader, steel).satisfaction.shown == "0.50"
    finally:
        reader.close()
