"""The show summary's figures, checked against sums worked out here from the rows themselves,
and the comparison with the previous edition (made with the next-edition copy)."""

from __future__ import annotations

import pytest

from expo_desk.domain.booths import BoothDraft
from expo_desk.errors import UserError
from expo_desk.services import booths, exhibitors, payments, post_show
from expo_desk.services.contract_signing import cancel_contract, sell_booths
from expo_desk.services.next_edition import copy_show_setup
from expo_desk.services.show_summary_data import show_summary_data
from expo_desk.store import records
from expo_desk.store.queries import rows, scalar

SIGNED = "2026-06-01"
TODAY = "2026-10-08"  # after the show: every instalment is due


def sell(db, sales, who, exhibitor_id, numbers):
    booth_ids = [sales["booths"][n] for n in numbers]
    return sell_booths(db, sales[who], sales["show"]["id"], exhibitor_id, booth_ids, signed_on=SIGNED,
                       today=SIGNED).inserted["contracts"][0]


def lead(db, actor, exhibitor_id, name, value_fen=None):
    values = {"visitor_name": name, "visitor_company": f"{name}公司", "captured_on": "2026-09-19",
              "agreement_signed": value_fen is not None}
    if value_fen:
        values["agreement_value_fen"] = value_fen
    post_show.add_exhibitor_lead(db, actor, exhibitor_id, values)


def make_season(db, actor, sales) -> dict:
    """RZ2026 after the show. Hall H1: steel (钢铁) holds A-001 and the island R-001, fish (渔业)
    holds A-002 and paid part of it; A-003 was sold to fish and cancelled with a fee. Hall H2:
    a company with no sector holds B-001. Visitors: 09-18 counted for the whole show and by
    sector, 09-19 by sector only. Leads: steel 3 (2 agreements, one without a value), fish 2
    (1 agreement)."""
    show_id = sales["show"]["id"]
    hall2 = booths.create_hall(db, actor, show_id, "H2", "2号馆", 2000, 1000).inserted["halls"][0]
    booths.add_booths(db, actor, show_id, hall2, [BoothDraft("B-001", 0, 0, 600, 300), BoothDraft("B-002", 600, 0, 300, 300)])
    sales["booths"].update({n: scalar(db, "SELECT id FROM booths WHERE number = ?", [n]) for n in ("B-001", "B-002")})
    trader = exhibitors.create_exhibitor(db, actor, show_id, {
        "company_name": "远洋贸易有限公司", "account_manager_id": sales["am1"].user_id}).inserted["exhibitors"][0]
    contracts = {"steel_contract": sell(db, sales, "am1", sales["steel"], ["A-001", "R-001"]),
                 "fish_contract": sell(db, sales, "am2", sales["fish"], ["A-002"]),
                 "cancelled_contract": sell(db, sales, "am2", sales["fish"], ["A-003"]),
                 "trader_contract": sell(db, sales, "am1", trader, ["B-001"])}
    cancel_contract(db, sales["am2"], contracts["cancelled_contract"], cancelled_on="2026-07-01",
                    reason="预算取消 / budget cut")
    payments.record_payment(db, sales["am2"], contracts["fish_contract"], 150_000, paid_on="2026-06-05")
    for day, sector, visitors in (("2026-09-18", "", 2_000), ("2026-09-18", "钢铁", 1_800),
                                  ("2026-09-18", "渔业", 1_200), ("2026-09-19", "钢铁", 2_100),
                                  ("2026-09-19", "渔业", 900), ("2026-09-19", "汽车", 400)):
        post_show.set_visitors(db, actor, show_id, day, sector, visitors)
    lead(db, actor, sales["steel"], "刘", 30_000_000)
    lead(db, actor, sales["steel"], "陈", 0)
    lead(db, actor, sales["steel"], "周")
    lead(db, actor, sales["fish"], "吴", 12_500_000)
    lead(db, actor, sales["fish"], "郑")
    return {**sales, **contracts, "trader": trader}


@pytest.fixture
def season(db, actor, sales):
    return make_season(db, actor, sales)


def sold_booths(db, show_id):
    """Each sold booth with its hall and the exhibitor (and sector) of the contract holding it."""
    return rows(db, "SELECT b.*, h.code AS hall_code, k.exhibitor_id, e.sector AS exhibitor_sector FROM booths b"
                    " JOIN halls h ON h.id = b.hall_id"
                    " LEFT JOIN contract_lines l ON l.booth_id = b.id AND l.holds_booth = 1"
                    " LEFT JOIN contracts k ON k.id = l.contract_id LEFT JOIN exhibitors e ON e.id = k.exhibitor_id"
                    " WHERE b.show_id = ? AND b.status = 'sold'", [show_id])


def m2(booth_rows):
    return round(sum(b["width_cm"] * b["depth_cm"] for b in booth_rows) / 10_000, 2)


def test_the_figures_are_the_sums_of_the_rows(db, season):
    show_id = season["show"]["id"]
    data = show_summary_data(db, show_id, "both", today=TODAY)
    f = data.figures
    sold = sold_booths(db, show_id)
    every_booth = rows(db, "SELECT * FROM booths WHERE show_id = ?", [show_id])
    assert {b["number"] for b in sold} == {"A-001", "R-001", "A-002", "B-001"}

    assert f.exhibitors == len({b["exhibitor_id"] for b in sold}) == 3
    assert (f.booths_sold, f.sold_m2) == (len(sold), m2(sold)) == (4, 136.0)
    sellable = m2([b for b in every_booth if b["status"] != "blocked"])
    assert f.sellable_m2 == sellable and f.occupancy_percent == round(100 * m2(sold) / sellable, 1)

    contracts = rows(db, "SELECT * FROM contracts WHERE show_id = ?", [show_id])
    signed = sum(c["total_fen"] for c in contracts if c["status"] in ("signed", "part_paid", "paid"))
    fees = sum(c["cancellation_fee_fen"] for c in contracts if c["status"] == "cancelled")
    received = sum(p["amount_fen"] for p in rows(db, "SELECT * FROM payments"))
    due = sum(s["amount_fen"] for s in rows(db, "SELECT * FROM payment_schedule"))
    assert fees > 0 and received == 150_000
    assert (f.signed_fen, f.received_fen, f.due_fen) == (signed + fees, received, due)
    assert f.outstanding_fen == due - received == f.overdue_fen  # after the show, everything is due

    # visitors: 09-18 has 2,000 counted without a sector besides 1,800 + 1,200; 09-19 only sectors (2,100 + 900 + 400)
    assert [(d.day, d.visitors, d.counted_overall) for d in data.visitor_days] == [
        ("2026-09-18", 5_000, True), ("2026-09-19", 3_400, False)]
    assert f.visitors == 8_400

    leads = rows(db, "SELECT l.*, e.sector FROM exhibitor_leads l JOIN exhibitors e ON e.id = l.exhibitor_id")
    assert (f.leads, f.agreements) == (len(leads), sum(r["agreement_signed"] for r in leads)) == (5, 3)
    assert f.agreement_fen == 42_500_000


def test_sectors_and_halls_add_up_to_the_show(db, season):
    show_id = season["show"]["id"]
    data = show_summary_data(db, show_id, "both", today=TODAY)
    sold = sold_booths(db, show_id)
    by_key = {s.key: s for s in data.sectors}
    assert list(by_key) == ["钢铁", "渔业", "汽车", ""]  # most m² first, visitors-only sectors after, none last
    for key, sector in by_key.items():
        mine = [b for b in sold if (b["exhibitor_sector"] or "") == key]
        assert (sector.booths, sector.area_m2) == (len(mine), m2(mine))
        assert sector.exhibitors == len({b["exhibitor_id"] for b in mine})
    assert by_key["钢铁"].name == ("钢铁", "Steel") and by_key[""].name == ("未填行业", "No sector")
    assert by_key["钢铁"].area_share_percent == round(100 * 109 / 136, 1)
    assert sum(s.area_m2 for s in data.sectors) == data.figures.sold_m2
    assert sum(s.exhibitors for s in data.sectors) == data.figures.exhibitors

    steel = rows(db, "SELECT * FROM contracts WHERE exhibitor_id = ?", [season["steel"]])
    assert by_key["钢铁"].revenue_fen == sum(c["total_fen"] for c in steel)
    fish_fee = scalar(db, "SELECT cancellation_fee_fen FROM contracts WHERE id = ?", [season["cancelled_contract"]])
    fish_total = scalar(db, "SELECT total_fen FROM contracts WHERE id = ?", [season["fish_contract"]])
    assert by_key["渔业"].revenue_fen == fish_total + fish_fee and by_key["渔业"].received_fen == 150_000
    assert sum(s.revenue_fen for s in data.sectors) == data.figures.signed_fen

    assert (by_key["钢铁"].visitors, by_key["渔业"].visitors, by_key["汽车"].visitors) == (3_900, 2_100, 400)
    assert (by_key["钢铁"].leads, by_key["钢铁"].agreements, by_key["钢铁"].agreement_fen) == (3, 2, 30_000_000)
    assert (by_key["渔业"].leads, by_key["渔业"].agreements, by_key["渔业"].agreement_fen) == (2, 1, 12_500_000)
    assert by_key["汽车"].exhibitors == 0 and by_key["汽车"].area_m2 == 0
    assert data.agreement_sectors == (("钢铁", "Steel"), ("渔业", "Fishery"))

    halls = {h.code: h for h in data.halls}
    assert set(halls) == {"H1", "H2"}
    for code, hall in halls.items():
        mine = [b for b in sold if b["hall_code"] == code]
        assert (hall.sold_booths, hall.sold_m2) == (len(mine), m2(mine))
        assert hall.exhibitors == len({b["exhibitor_id"] for b in mine})
    assert (halls["H1"].exhibitors, halls["H2"].exhibitors) == (2, 1)
    assert halls["H2"].name == ("2号馆", "Hall H2") and halls["H2"].booths == 2
    assert halls["H2"].occupancy_percent == round(100 * 18 / 27, 1)
    assert data.previous is None


def test_the_previous_edition_beside_this_one(db, actor, season):
    """RZ2027 made from RZ2026 sells one booth and counts visitors; RZ2026 counted none on its
    side of the comparison's zero (leads: 0 in 2027 against 5)."""
    last = show_summary_data(db, season["show"]["id"], today=TODAY)
    new = copy_show_setup(db, actor, season["show"]["id"], "RZ2027", "2027日照国际博览会",
                          "Rizhao International Expo 2027", "2027-09-17").show
    steel_2027 = scalar(db, "SELECT id FROM exhibitors WHERE show_id = ? AND company_name = ?",
                        [new["id"], "日照钢铁集团有限公司"])
    a001 = scalar(db, "SELECT id FROM booths WHERE show_id = ? AND number = 'A-001'", [new["id"]])
    sell_booths(db, actor, new["id"], steel_2027, [a001], signed_on="2027-03-01", today="2027-03-01")
    post_show.set_visitors(db, actor, new["id"], "2027-09-17", "", 6_300)

    data = show_summary_data(db, new["id"], "zh", today="2027-10-01")
    previous = data.previous
    assert (previous.code, previous.name) == ("RZ2026", ("2026日照国际博览会", "Rizhao International Expo 2026"))
    assert previous.open_dates == ("2026-09-18", "2026-09-20")
    assert [d.visitors for d in previous.visitor_days] == [5_000, 3_400]
    for figure in previous.figures:
        assert figure.current == getattr(data.figures, figure.key)
        assert figure.previous == getattr(last.figures, figure.key)
    exhibitors_, visitors, leads = (previous.figure(k) for k in ("exhibitors", "visitors", "leads"))
    assert (exhibitors_.current, exhibitors_.previous, exhibitors_.change_percent) == (1, 3, round(-200 / 3, 1))
    assert (visitors.current, visitors.previous, visitors.change_percent) == (6_300, 8_400, -25.0)
    assert (leads.current, leads.previous, leads.change_percent) == (0, 5, -100.0)
    occupancy = previous.figure("occupancy_percent")
    assert occupancy.change_points == round(occupancy.current - occupancy.previous, 1)
    sectors = {s.key: s for s in data.sectors}
    assert (sectors["钢铁"].area_m2, sectors["钢铁"].previous_area_m2) == (9.0, 109.0)
    assert (sectors["渔业"].area_m2, sectors["渔业"].previous_area_m2) == (0.0, 9.0)  # sold last year only
    assert sum(s.previous_area_m2 for s in data.sectors) == last.figures.sold_m2

    # and the other way round: RZ2026 against an edition before it that had nothing at all
    empty = copy_show_setup(db, actor, new["id"], "RZ2028", "2028日照国际博览会", start_date="2028-09-15").show
    records.update(db, actor, "shows", season["show"]["id"], {"previous_show_id": empty["id"]})
    against_nothing = show_summary_data(db, season["show"]["id"], today=TODAY).previous
    for figure in against_nothing.figures:
        assert figure.previous in (0, None) and figure.change_percent is None, figure
    assert against_nothing.figure("occupancy_percent").change_points is not None  # the 2028 booths are all free


def test_unknown_show_or_language_is_refused(db, season):
    with pytest.raises(UserError, match="no such show"):
        show_summary_data(db, "no-such-show")
    with pytest.raises(UserError, match="language"):
        show_summary_data(db, season["show"]["id"], "fr")


def test_a_new_show_with_nothing_yet(db, show):
    data = show_summary_data(db, show["id"], "en", today="2026-01-10")
    f = data.figures
    assert (f.exhibitors, f.booths_sold, f.sold_m2, f.signed_fen, f.visitors, f.leads) == (0, 0, 0, 0, 0, 0)
    assert f.occupancy_percent is None and f.received_percent is None
    assert (data.sectors, data.halls, data.visitor_days, data.previous) == ((), (), (), None)
