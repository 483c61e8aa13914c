"""The exhibitor pack's data, on a real file: contracts sold through the services, every
figure compared with the contract's own detail, and the refusals a user would meet."""

from __future__ import annotations

import pytest

from expo_desk.errors import UserError
from expo_desk.services import contracts as svc
from expo_desk.services import exhibitors, payments, sales_terms
from expo_desk.services.contract_signing import cancel_contract, sign_contract
from expo_desk.services.contract_view import contract_detail
from expo_desk.services.pack_data import is_badge_service, pack_data, show_periods
from expo_desk.services.post_show import TEXT_KEYS, set_show_text
from expo_desk.store import records
from expo_desk.store.contracts import service_item_by_code

SIGNED_ON = "2026-06-01"
TODAY = "2026-09-01"  # after the balance date (2026-08-19): the balance is overdue


def add_services(db, actor, show_id):
    for values in ({"code": "POWER-10A", "name": "加电 10A", "name_en": "Power 10 A", "unit": "处", "unit_price": "600"},
                   {"code": "BADGE", "name": "加办参展证", "name_en": "Extra exhibitor badges", "unit": "张",
                    "unit_price": "50"}):
        sales_terms.add_service(db, actor, show_id, values)
    return {code: service_item_by_code(db, show_id, code)["id"] for code in ("POWER-10A", "BADGE")}


def sell(db, sales, numbers, *, exhibitor="steel", fascia="日照钢铁 RIZHAO STEEL", sign=True):
    who = sales["am1"] if exhibitor == "steel" else sales["am2"]
    cid = svc.create_contract(db, who, sales["show"]["id"], sales[exhibitor],
                              [sales["booths"][n] for n in numbers], today=SIGNED_ON,
                              fascia_text=fascia).inserted["contracts"][0]
    if sign:
        sign_contract(db, who, cid, signed_on=SIGNED_ON)
    return cid


@pytest.fixture
def two_booths(db, actor, sales):
    """Steel holds A-001 (corner) and A-002 (inline) on one contract, with two power points and
    six extra badges; the deposit is paid, the balance overdue on ``TODAY``."""
    items = add_services(db, actor, sales["show"]["id"])
    records.update(db, actor, "shows", sales["show"]["id"], {"venue": "日照国际博览中心", "city": "日照",
                                                 "build_start": "2026-09-15", "teardown_end": "2026-09-22"})
    exhibitors.add_contact(db, actor, sales["steel"], {"name": "张三", "title": "市场部经理", "phone": "13800000000",
                                                       "email": "zhang@rzsteel.cn"})
    cid = sell(db, sales, ("A-001", "A-002"), sign=False)
    svc.add_service(db, sales["am1"], cid, items["POWER-10A"], 2, today=SIGNED_ON)
    svc.add_service(db, sales["am1"], cid, items["BADGE"], 6, today=SIGNED_ON)
    sign_contract(db, sales["am1"], cid, signed_on=SIGNED_ON)
    deposit = contract_detail(db, cid, TODAY)["schedule"].instalments[0]
    payments.record_payment(db, sales["am1"], cid, deposit.amount_fen, paid_on="2026-06-10", reference="BOC-0610")
    return cid


def test_the_pack_holds_the_booths_services_fascia_and_the_contracts_money(db, sales, two_booths):
    data = pack_data(db, sales["steel"], "both", today=TODAY)
    detail = contract_detail(db, two_booths, TODAY)
    assert (data.exhibitor_name, data.exhibitor_name_en) == ("日照钢铁集团有限公司", "Rizhao Steel")
    assert data.booth_numbers == ("A-001", "A-002")
    first = data.booths[0]
    assert (first.hall_code, first.hall_name, first.width_cm, first.depth_cm, first.area_m2) == ("H1", "1号馆", 300,
                                                                                                300, "9")
    assert first.type_name == ("标准展位", "Shell scheme")
    assert [b.open_sides[1] for b in data.booths] == ["corner", "inline"]
    assert [(s.name, s.quantity, s.unit, s.is_badge) for s in data.services] == [
        (("加电 10A", "Power 10 A"), 2, "处", False), (("加办参展证", "Extra exhibitor badges"), 6, "张", True)]
    assert data.badge_count == 6
    assert [(f.text, f.booth_numbers) for f in data.fascias] == [("日照钢铁 RIZHAO STEEL", ("A-001", "A-002"))]
    # the payment statement is the contract's own, to the fen
    assert (data.total_fen, data.paid_fen, data.balance_fen) == (
        detail["totals"].total_fen, detail["paid_fen"], detail["balance_fen"])
    assert data.overdue_fen == detail["balance_fen"] > 0
    assert [i.due_on for i in data.statements[0].instalments] == [i.due_on for i in detail["schedule"].instalments]
    # the plan: the hall with both booths marked
    assert [(m.hall.code, m.marked) for m in data.halls] == [("H1", ("A-001", "A-002"))]
    # the show, the people
    assert data.show_name == ("2026日照国际博览会", "Rizhao International Expo 2026")
    assert (data.venue, data.city) == ("日照国际博览中心", "日照")
    assert (data.build_up, data.open_days, data.tear_down) == (
        ("2026-09-15", "2026-09-17"), ("2026-09-18", "2026-09-20"), ("2026-09-20", "2026-09-22"))
    assert data.manager_name == "王经理"
    assert [(c.name, c.title, c.phone, c.email) for c in data.contacts] == [
        ("张三", "市场部经理", "13800000000", "zhang@rzsteel.cn")]
    # the show's texts: every key, the defaults following the show's dates
    assert set(data.texts) == set(TEXT_KEYS)
    assert "2026年9月15日至17日" in data.text("build_up")[0] and "15–17 September 2026" in data.text("build_up")[1]


def test_the_texts_the_organizer_wrote_replace_the_defaults(db, actor, sales, two_booths):
    set_show_text(db, actor, sales["show"]["id"], "venue_rules", "馆内禁止吸烟。\n展台限高 4.5 米。",
                  "No smoking in the halls.\nBooths no taller than 4.5 m.")
    data = pack_data(db, sales["steel"], today=TODAY)
    assert data.text("venue_rules") == ("馆内禁止吸烟。\n展台限高 4.5 米。", "No smoking in the halls.\nBooths no taller than 4.5 m.")


def test_the_data_stands_alone_once_read(db, sales, two_booths):
    data = pack_data(db, sales["steel"], "zh", today=TODAY)
    db.close()  # nothing below may read the file again
    assert data.booth_numbers == ("A-001", "A-002") and data.language == "zh"
    with pytest.raises(AttributeError):
        data.language = "en"  # frozen


def test_every_signed_contract_counts_and_cancelled_ones_do_not(db, actor, sales, two_booths):
    island = sell(db, sales, ("R-001",), fascia="")
    old = sell(db, sales, ("A-003",))
    cancel_contract(db, sales["am1"], old, "2026-06-20", "换展位 / moved booth")
    data = pack_data(db, sales["steel"], today=TODAY)
    assert data.booth_numbers == ("A-001", "A-002", "R-001")  # A-003 went with the cancelled contract
    assert [s.number for s in data.statements] == [
        contract_detail(db, c)["contract"]["number"] for c in (two_booths, island)]
    assert data.paid_fen == sum(contract_detail(db, c, TODAY)["paid_fen"] for c in (two_booths, island))
    assert data.balance_fen == sum(contract_detail(db, c, TODAY)["balance_fen"] for c in (two_booths, island))
    assert [(m.hall.code, m.marked) for m in data.halls] == [("H1", ("A-001", "A-002", "R-001"))]
    assert [f.booth_numbers for f in data.fascias] == [("A-001", "A-002")]  # raw space has no fascia board
    assert {b.contract_number for b in data.booths} == {s.number for s in data.statements}


def test_an_exhibitor_without_a_signed_contract_is_told_it_has_no_booth_yet(db, sales):
    with pytest.raises(UserError, match="no booth yet: there is no contract") as caught:
        pack_data(db, sales["fish"])
    assert "黄海渔业有限公司 还没有展位" in str(caught.value)
    draft = sell(db, sales, ("A-003",), exhibitor="fish", sign=False)
    number = contract_detail(db, draft)["contract"]["number"]
    with pytest.raises(UserError, match=f"no booth yet: contract {number} is not signed yet"):
        pack_data(db, sales["fish"])
    cancel_contract(db, sales["am2"], draft, "2026-06-02", "改期 / postponed")
    with pytest.raises(UserError, match="no booth yet: the contract was cancelled"):
        pack_data(db, sales["fish"])


def test_a_signed_contract_whose_booths_were_all_taken_off_has_no_booth_yet(db, sales):
    cid = sell(db, sales, ("A-003",), exhibitor="fish")
    svc.remove_booth(db, sales["am2"], cid, sales["booths"]["A-003"])
    number = contract_detail(db, cid)["contract"]["number"]
    with pytest.raises(UserError, match=f"no booth yet: contract {number} holds no booth"):
        pack_data(db, sales["fish"])


def test_bad_input_is_refused(db, sales, two_booths):
    with pytest.raises(UserError, match="language must be zh, en or both"):
        pack_data(db, sales["steel"], "fr")
    with pytest.raises(UserError, match="this exhibitor no longer exists"):
        pack_data(db, "no-such-id")


def test_badges_are_told_by_code_or_name_and_the_show_periods_by_its_dates():
    assert is_badge_service("BADGE", "加办参展证", "Extra badges")
    assert is_badge_service("X1", "参展证件", "")
    assert is_badge_service("X2", "工作证", "Staff badge")
    assert not is_badge_service("POWER-10A", "加电 10A", "Power 10 A")
    assert show_periods({"build_start": "2026-09-14", "start_date": "2026-09-18", "end_date": "2026-09-20",
                         "teardown_end": "2026-09-22"}) == (
        ("2026-09-14", "2026-09-17"), ("2026-09-18", "2026-09-20"), ("2026-09-20", "2026-09-22"))
    # build-up on the opening day itself, no tear-down date: nothing invented
    assert show_periods({"build_start": "2026-09-18", "start_date": "2026-09-18", "end_date": "2026-09-18",
                         "teardown_end": None}) == (
        ("2026-09-18", "2026-09-18"), ("2026-09-18", "2026-09-18"), (None, None))
