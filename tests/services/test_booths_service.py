"""Halls and booths through the services: layout rules, reserve/release/sell, figures, roles."""

from __future__ import annotations

from datetime import date

import pytest

from expo_desk.domain.booth_geometry import OpenKind
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothType, Role
from expo_desk.errors import PermissionDenied, UserError, ValidationError
from expo_desk.services import booths as svc
from expo_desk.services import users as user_service
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.store import records
from expo_desk.store.queries import scalar


@pytest.fixture
def hall(db, actor, show):
    changes = svc.create_hall(db, actor, show["id"], "H1", "1号馆", 3000, 2000)
    return changes.inserted["halls"][0]


def booth_id(db, number):
    return scalar(db, "SELECT id FROM booths WHERE number = ?", [number])


def booth(db, number):
    return records.get_row(db, "booths", booth_id(db, number))


def audit_count(db):
    return scalar(db, "SELECT count(*) FROM audit_log")


def make_contract(db, actor, show, name="日照港集团有限公司", number="2026-0001"):
    exhibitor = create_exhibitor(db, actor, show["id"], {"company_name": name}).inserted["exhibitors"][0]
    with db.conn:
        pass
    return records.insert(db, actor, "contracts", {
        "show_id": show["id"], "exhibitor_id": exhibitor, "number": number, "created_at": records.utc_now()})["id"]


# ---------------------------------------------------------------- halls


def test_create_and_update_a_hall_with_background(db, actor, show, hall):
    h = svc.list_halls(db, show["id"])[0]
    assert (h["code"], h["name"], h["width_cm"], h["depth_cm"], h["booth_count"]) == ("H1", "1号馆", 3000, 2000, 0)
    changes = svc.update_hall(db, actor, hall, background_path="/plans/h1.png", background_x_cm=-100,
                              background_y_cm=50, background_scale=2.5)
    assert changes.updated == {"halls": [hall]}
    h = svc.list_halls(db, show["id"])[0]
    assert (h["background_path"], h["background_x_cm"], h["background_y_cm"], h["background_scale"]) == \
        ("/plans/h1.png", -100, 50, 2.5)
    assert not svc.update_hall(db, actor, hall, background_scale=2.5)  # nothing changed


def test_hall_problems_are_all_reported(db, actor, show, hall):
    with pytest.raises(ValidationError) as info:
        svc.create_hall(db, actor, show["id"], "h1", "", 0, -5, background_scale=0)
    fields = [p.field for p in info.value.problems]
    assert fields == ["width_cm", "depth_cm", "background_scale", "code"]
    assert "already has hall" in str(info.value)


def test_a_hall_cannot_shrink_under_its_booths(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=3, x_cm=2000)
    with pytest.raises(ValidationError, match="2 booth\\(s\\) would lie outside the hall: A1-002, A1-003"):
        svc.update_hall(db, actor, hall, width_cm=2500)
    svc.update_hall(db, actor, hall, width_cm=2900)


# ---------------------------------------------------------------- adding booths


def test_add_booths_all_or_nothing_with_every_problem(db, actor, show, hall):
    svc.add_booths(db, actor, show["id"], hall, [BoothDraft("A1", 0, 0, 300, 300)])
    before = audit_count(db)
    drafts = [
        BoothDraft("A1", 600, 0, 300, 300),  # number taken
        BoothDraft("A2", 900, 0, 300, 300),
        BoothDraft("A2", 1500, 0, 300, 300),  # twice in the list
        BoothDraft("", 1800, 0, 300, 300),  # no number
    ]
    with pytest.raises(ValidationError) as info:
        svc.add_booths(db, actor, show["id"], hall, drafts)
    text = str(info.value)
    assert "this show already has booth A1" in text and "A2 is given twice" in text and "number is required" in text
    drafts = [
        BoothDraft("A2", 150, 0, 300, 300),  # overlaps A1
        BoothDraft("A3", 2900, 0, 300, 300),  # outside the hall
        BoothDraft("A4", 1000, 1000, 300, 300),
        BoothDraft("A5", 1100, 1100, 300, 300),  # overlaps A4
    ]
    with pytest.raises(ValidationError) as info:
        svc.add_booths(db, actor, show["id"], hall, drafts)
    problems = [str(p) for p in info.value.problems]
    assert problems == [
        "A3:position: 超出展馆 H1（30 m × 20 m）/ outside hall H1 (30 m x 20 m)",
        "A2:position: 与展位 A1 重叠 / overlaps booth A1",
        "A5:position: 与展位 A4 重叠 / overlaps booth A4",
    ]
    assert scalar(db, "SELECT count(*) FROM booths") == 1
    assert audit_count(db) == before


def test_add_booths_are_audited_and_returned(db, actor, show, hall):
    changes = svc.add_booths(db, actor, show["id"], hall, [
        BoothDraft("R1", 0, 0, 600, 600, BoothType.RAW, "汽车"), BoothDraft("R2", 600, 0, 600, 600, "raw")])
    assert len(changes.inserted["booths"]) == 2
    row = booth(db, "R1")
    assert (row["booth_type"], row["sector"], row["status"]) == ("raw", "汽车", "available")
    entries = records.audit_entries(db, "booths", row["id"])
    assert [e["action"] for e in entries] == ["insert"]


def test_add_booths_refuses_a_bad_type(db, actor, show, hall):
    with pytest.raises(ValidationError, match="type must be shell or raw"):
        svc.add_booths(db, actor, show["id"], hall, [BoothDraft("X", 0, 0, 300, 300, "tent")])


def test_a_hall_of_another_show_is_refused(db, actor, show, hall):
    from expo_desk.services.shows import create_show

    other = create_show(db, actor, "QD2026", "青岛展")
    with pytest.raises(UserError, match="another show"):
        svc.add_booths(db, actor, other["id"], hall, [BoothDraft("A1", 0, 0, 300, 300)])


def test_generate_block(db, actor, show, hall):
    changes = svc.generate_block(db, actor, show["id"], hall, rows=4, columns=5, pattern="A1-###", x_cm=300,
                                 y_cm=300)
    assert len(changes.inserted["booths"]) == 20
    numbers = [b["number"] for b in svc.hall_booths(db, hall)]
    assert numbers[0] == "A1-001" and numbers[-1] == "A1-020"
    with pytest.raises(ValidationError, match="overlaps"):
        svc.generate_block(db, actor, show["id"], hall, rows=1, columns=1, pattern="B-{n}", x_cm=300, y_cm=300)
    with pytest.raises(UserError, match="no place for the number"):
        svc.generate_block(db, actor, show["id"], hall, rows=1, columns=1, pattern="B")


# ---------------------------------------------------------------- changing booths


def test_update_booth_number_type_sector_and_block(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=2, pattern="A{n}")
    a1 = booth_id(db, "A1")
    with pytest.raises(ValidationError, match="already has booth A2"):
        svc.update_booth(db, actor, a1, number="A2")
    svc.update_booth(db, actor, a1, number="A9", booth_type="raw", sector="食品")
    row = records.get_row(db, "booths", a1)
    assert (row["number"], row["booth_type"], row["sector"]) == ("A9", "raw", "食品")
    with pytest.raises(ValidationError, match="give a reason"):
        svc.update_booth(db, actor, a1, blocked=True)
    svc.update_booth(db, actor, a1, blocked=True, blocked_reason="柱子 pillar")
    row = records.get_row(db, "booths", a1)
    assert (row["status"], row["blocked_reason"]) == ("blocked", "柱子 pillar")
    svc.update_booth(db, actor, a1, blocked=False)
    row = records.get_row(db, "booths", a1)
    assert (row["status"], row["blocked_reason"]) == ("available", "")


def test_move_booths_together_and_refuse_overlaps(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=3, pattern="A{n}")
    ids = [booth_id(db, f"A{n}") for n in (1, 2, 3)]
    # moving the whole row right by 3 m: each lands where its neighbour was, which is fine together
    svc.move_booths(db, actor, {i: (booth(db, n)["x_cm"] + 300, 0) for i, n in zip(ids, ("A1", "A2", "A3"))})
    assert [booth(db, f"A{n}")["x_cm"] for n in (1, 2, 3)] == [300, 600, 900]
    with pytest.raises(ValidationError, match="A1:position: .*overlaps booth A2"):
        svc.move_booths(db, actor, {ids[0]: (450, 0)})
    with pytest.raises(ValidationError, match="outside hall"):
        svc.move_booths(db, actor, {ids[0]: (-50, 0)})
    assert booth(db, "A1")["x_cm"] == 300


def test_resize_booth(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=2, pattern="A{n}")
    a1 = booth_id(db, "A1")
    with pytest.raises(ValidationError, match="overlaps booth A2"):
        svc.resize_booth(db, actor, a1, 450, 300)
    svc.resize_booth(db, actor, a1, 300, 600)
    assert (booth(db, "A1")["width_cm"], booth(db, "A1")["depth_cm"]) == (300, 600)
    svc.resize_booth(db, actor, booth_id(db, "A2"), 600, 300, x_cm=300, y_cm=900)
    assert (booth(db, "A2")["x_cm"], booth(db, "A2")["y_cm"]) == (300, 900)


def test_delete_booths_refused_when_sold_or_reserved(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=3, pattern="A{n}")
    a1, a2, a3 = (booth_id(db, f"A{n}") for n in (1, 2, 3))
    contract = make_contract(db, actor, show)
    svc.sell_booth(db, actor, contract, a1)
    svc.reserve_booth(db, actor, a2, "青岛啤酒", date(2026, 8, 1), today=date(2026, 7, 1))
    with pytest.raises(ValidationError) as info:
        svc.delete_booths(db, actor, [a1, a2, a3])
    assert "sold (contract 2026-0001)" in str(info.value) and "reserved for 青岛啤酒" in str(info.value)
    assert scalar(db, "SELECT count(*) FROM booths") == 3
    changes = svc.delete_booths(db, actor, [a3])
    assert changes.deleted == {"booths": [a3]}
    assert [e["action"] for e in records.audit_entries(db, "booths", a3)][0] == "delete"


def test_merge_and_split(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=2, columns=2, pattern="A{n}")
    ids = [booth_id(db, f"A{n}") for n in (1, 2, 3, 4)]
    with pytest.raises(UserError, match="one rectangle"):
        svc.merge_booths(db, actor, ids[:3])
    changes = svc.merge_booths(db, actor, ids)
    assert changes.updated == {"booths": [ids[0]]} and sorted(changes.deleted["booths"]) == sorted(ids[1:])
    merged = booth(db, "A1")
    assert (merged["x_cm"], merged["y_cm"], merged["width_cm"], merged["depth_cm"]) == (0, 0, 600, 600)
    changes = svc.split_booth(db, actor, ids[0], 3, "across")
    numbers = [b["number"] for b in svc.hall_booths(db, hall)]
    assert numbers == ["A1", "A1B", "A1C"]
    assert [(b["x_cm"], b["width_cm"], b["depth_cm"]) for b in svc.hall_booths(db, hall)] == \
        [(0, 200, 600), (200, 200, 600), (400, 200, 600)]
    with pytest.raises(UserError, match="2 to 26"):
        svc.split_booth(db, actor, ids[0], 1)
    svc.split_booth(db, actor, booth_id(db, "A1B"), 2, "down", numbers=["B1", "B2"])
    assert {b["number"] for b in svc.hall_booths(db, hall)} == {"A1", "B1", "B2", "A1C"}
    with pytest.raises(ValidationError, match="already has booth A1C"):
        svc.split_booth(db, actor, booth_id(db, "A1"), 2, numbers=["A1", "A1C"])


def test_merge_refuses_a_reserved_booth(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=2, pattern="A{n}")
    svc.reserve_booth(db, actor, booth_id(db, "A2"), "x", "2099-01-01")
    with pytest.raises(ValidationError, match="reserved for x"):
        svc.merge_booths(db, actor, [booth_id(db, "A1"), booth_id(db, "A2")])


def test_open_sides_of_a_hall(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=2, columns=3, pattern="A{n}", x_cm=300, y_cm=300)
    sides = svc.hall_open_sides(db, hall)
    kinds = {booth(db, f"A{n}")["number"]: sides[booth_id(db, f"A{n}")].kind for n in range(1, 7)}
    assert kinds == {"A1": OpenKind.CORNER, "A2": OpenKind.INLINE, "A3": OpenKind.CORNER,
                     "A4": OpenKind.CORNER, "A5": OpenKind.INLINE, "A6": OpenKind.CORNER}
    svc.add_booths(db, actor, show["id"], hall, [BoothDraft("W1", 0, 1400, 300, 300)])  # against the west wall
    assert svc.booth_open_sides(db, booth_id(db, "W1")).kind is OpenKind.PENINSULA


# ---------------------------------------------------------------- reserve, release, sell


def test_reserve_release_and_expiry(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=3, pattern="A{n}")
    a1, a2, a3 = (booth_id(db, f"A{n}") for n in (1, 2, 3))
    today = date(2026, 6, 1)
    svc.reserve_booth(db, actor, a1, "青岛啤酒", date(2026, 6, 10), today=today)
    assert (booth(db, "A1")["status"], booth(db, "A1")["reserved_until"]) == ("reserved", "2026-06-10")
    svc.reserve_booth(db, actor, a1, "青岛啤酒", "2026-06-20", today=today)  # the same name extends
    with pytest.raises(UserError, match="reserved for 青岛啤酒 until 2026-06-20"):
        svc.reserve_booth(db, actor, a1, "海尔", date(2026, 6, 30), today=today)
    with pytest.raises(ValidationError, match="already passed"):
        svc.reserve_booth(db, actor, a2, "海尔", date(2026, 5, 1), today=today)
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        svc.reserve_booth(db, actor, a2, "海尔", "next week", today=today)
    svc.update_booth(db, actor, a3, blocked=True, blocked_reason="消防通道 fire exit")
    with pytest.raises(UserError, match="is blocked"):
        svc.reserve_booth(db, actor, a3, "海尔", date(2026, 6, 30), today=today)
    svc.reserve_booth(db, actor, a2, "海尔", date(2026, 6, 5), today=today)
    svc.release_booth(db, actor, a2)
    assert booth(db, "A2")["status"] == "available"
    with pytest.raises(UserError, match="not reserved"):
        svc.release_booth(db, actor, a2)
    svc.reserve_booth(db, actor, a2, "海尔", date(2026, 6, 5), today=today)
    assert svc.release_expired_reservations(db, actor, date(2026, 6, 5)) == []  # the last day still holds
    released = svc.release_expired_reservations(db, actor, date(2026, 6, 6))
    assert [(b["number"], b["reserved_for"]) for b in released] == [("A2", "海尔")]
    assert (booth(db, "A2")["status"], booth(db, "A2")["reserved_for"], booth(db, "A2")["reserved_until"]) == \
        ("available", "", None)
    entry = records.audit_entries(db, "booths", a2)[0]
    assert entry["action"] == "update" and '"reserved"' in entry["old_values"]
    assert [b["number"] for b in svc.release_expired_reservations(db, actor, "2026-06-21")] == ["A1"]


def test_sell_booth_once_only(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=2, pattern="A{n}")
    a1 = booth_id(db, "A1")
    first = make_contract(db, actor, show)
    second = make_contract(db, actor, show, "海尔集团", "2026-0002")
    svc.reserve_booth(db, actor, a1, "日照港", "2099-01-01")
    changes = svc.sell_booth(db, actor, first, a1, amount_fen=1_200_000)
    assert changes.touches("contract_lines") and changes.updated == {"booths": [a1]}
    assert (booth(db, "A1")["status"], booth(db, "A1")["reserved_for"]) == ("sold", "")
    before = audit_count(db)
    with pytest.raises(UserError, match="^展位 A1 已售出 / booth A1 is already sold$"):
        svc.sell_booth(db, actor, second, a1)
    assert audit_count(db) == before
    assert scalar(db, "SELECT count(*) FROM contract_lines WHERE holds_booth = 1") == 1
    with pytest.raises(UserError, match="already sold"):
        svc.reserve_booth(db, actor, a1, "海尔", "2099-01-01")
    hall_rows = {b["number"]: b for b in svc.hall_booths(db, hall)}
    assert hall_rows["A1"]["exhibitor"] == "日照港集团有限公司"


def test_sell_refuses_blocked_and_cancelled(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=2, pattern="A{n}")
    contract = make_contract(db, actor, show)
    svc.update_booth(db, actor, booth_id(db, "A1"), blocked=True, blocked_reason="柱子")
    with pytest.raises(UserError, match="is blocked"):
        svc.sell_booth(db, actor, contract, booth_id(db, "A1"))
    records.update(db, actor, "contracts", contract, {"status": "cancelled"})
    with pytest.raises(UserError, match="is cancelled"):
        svc.sell_booth(db, actor, contract, booth_id(db, "A2"))


# ---------------------------------------------------------------- figures and finding


def test_occupancy_per_hall_and_total(db, actor, show, hall):
    other = svc.create_hall(db, actor, show["id"], "H2", "", 5000, 5000).inserted["halls"][0]
    svc.create_hall(db, actor, show["id"], "H3", "", 5000, 5000)
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=4, pattern="A{n}")
    svc.add_booths(db, actor, show["id"], other, [BoothDraft("R1", 0, 0, 600, 600, BoothType.RAW)])
    svc.reserve_booth(db, actor, booth_id(db, "A1"), "x", "2099-01-01")
    svc.update_booth(db, actor, booth_id(db, "A2"), blocked=True, blocked_reason="柱子")
    svc.sell_booth(db, actor, make_contract(db, actor, show), booth_id(db, "R1"))
    figures = svc.occupancy(db, show["id"])
    h1, h2, h3 = figures["halls"]
    assert (h1["code"], h1["booths"], h1["area_m2"]) == ("H1", 4, 36.0)
    assert h1["by_status"] == {"available": {"booths": 2, "area_m2": 18.0}, "reserved": {"booths": 1, "area_m2": 9.0},
                               "sold": {"booths": 0, "area_m2": 0.0}, "blocked": {"booths": 1, "area_m2": 9.0}}
    assert h2["by_status"]["sold"] == {"booths": 1, "area_m2": 36.0}
    assert (h3["booths"], h3["area_m2"]) == (0, 0.0)
    total = figures["total"]
    assert (total["booths"], total["area_m2"]) == (5, 72.0)
    assert total["by_status"]["sold"]["area_m2"] == 36.0


def test_booth_at_and_find_booth(db, actor, show, hall):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=10, pattern="A1-{n:02d}")
    assert svc.booth_at(db, hall, 450, 10)["number"] == "A1-02"
    assert svc.booth_at(db, hall, 300, 0)["number"] == "A1-02"  # the edge belongs to the booth on its right
    assert svc.booth_at(db, hall, 450, 400) is None
    svc.sell_booth(db, actor, make_contract(db, actor, show), booth_id(db, "A1-09"))
    assert [b["number"] for b in svc.find_booth(db, show["id"], "a1-01")][:1] == ["A1-01"]
    assert [b["number"] for b in svc.find_booth(db, show["id"], "A1-0")][:3] == ["A1-01", "A1-02", "A1-03"]
    found = svc.find_booth(db, show["id"], "日照港")
    assert [(b["number"], b["hall_code"], b["x_cm"]) for b in found] == [("A1-09", "H1", 2400)]
    assert svc.find_booth(db, show["id"], "  ") == []
    assert svc.find_booth(db, show["id"], "%") == []


# ---------------------------------------------------------------- roles


@pytest.fixture
def people(db, actor):
    made = {}
    for role in Role:
        user_service.create_user(db, actor, role.value, f"{role.value} person", role, "correct horse")
        made[role] = user_service.authenticate(db, role.value, "correct horse")
    return made


@pytest.mark.parametrize("role", [Role.DESIGN_SUPERVISOR, Role.CONSTRUCTION_EXECUTOR])
def test_builders_may_not_lay_out_reserve_or_sell(db, actor, show, hall, people, role):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=2, pattern="A{n}")
    a1 = booth_id(db, "A1")
    who = people[role]
    before = audit_count(db)
    calls = [
        lambda: svc.create_hall(db, who, show["id"], "H9", "", 100, 100),
        lambda: svc.update_hall(db, who, hall, name="x"),
        lambda: svc.add_booths(db, who, show["id"], hall, [BoothDraft("B1", 900, 900, 300, 300)]),
        lambda: svc.generate_block(db, who, show["id"], hall, rows=1, columns=1, pattern="B{n}", y_cm=900),
        lambda: svc.update_booth(db, who, a1, sector="x"),
        lambda: svc.move_booths(db, who, {a1: (0, 600)}),
        lambda: svc.resize_booth(db, who, a1, 300, 600),
        lambda: svc.delete_booths(db, who, [a1]),
        lambda: svc.merge_booths(db, who, [a1, booth_id(db, "A2")]),
        lambda: svc.split_booth(db, who, a1, 2),
        lambda: svc.reserve_booth(db, who, a1, "x", "2099-01-01"),
        lambda: svc.release_booth(db, who, a1),
        lambda: svc.sell_booth(db, who, "any", a1),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="may not"):
            call()
    assert audit_count(db) == before
    # reading is open to everyone
    assert svc.occupancy(db, show["id"])["total"]["booths"] == 2
    assert svc.find_booth(db, show["id"], "A1")


def test_account_manager_reserves_but_cannot_change_the_layout(db, actor, show, hall, people):
    svc.generate_block(db, actor, show["id"], hall, rows=1, columns=2, pattern="A{n}")
    a1 = booth_id(db, "A1")
    am = people[Role.ACCOUNT_MANAGER]
    svc.reserve_booth(db, am, a1, "青岛啤酒", "2099-01-01")
    assert records.audit_entries(db, "booths", a1)[0]["user_name"] == am.name
    svc.release_booth(db, am, a1)
    with pytest.raises(PermissionDenied, match="may not change booths and prices"):
        svc.move_booths(db, am, {a1: (0, 600)})
    with pytest.raises(PermissionDenied):
        svc.generate_block(db, am, show["id"], hall, rows=1, columns=1, pattern="B{n}", y_cm=900)
    with pytest.raises(PermissionDenied):
        svc.delete_booths(db, am, [a1])
    svc.sell_booth(db, am, make_contract(db, actor, show), a1)
    assert booth(db, "A1")["status"] == "sold"


@pytest.mark.parametrize("role", [Role.DEPARTMENT_MANAGER, Role.ADMINISTRATOR])
def test_managers_lay_out_booths(db, show, people, role):
    who = people[role]
    hall_id = svc.create_hall(db, who, show["id"], "M1", "", 1000, 1000).inserted["halls"][0]
    changes = svc.generate_block(db, who, show["id"], hall_id, rows=1, columns=2, pattern="M{n}")
    svc.move_booths(db, who, {changes.inserted["booths"][0]: (0, 600)})


def test_reserving_several_booths_is_all_or_nothing(db, actor, show):
    from datetime import date, timedelta

    from expo_desk.domain.booths import BoothDraft
    from expo_desk.errors import UserError
    from expo_desk.services import booths as booth_service

    booth_service.create_hall(db, actor, show["id"], "Z9", "试验馆", 3000, 2000)
    hall = next(h for h in booth_service.list_halls(db, show["id"]) if h["code"] == "Z9")
    booth_service.add_booths(db, actor, show["id"], hall["id"],
                             [BoothDraft(f"Z9-{n}", n * 300, 0, 300, 300) for n in range(3)])
    ids = [b["id"] for b in booth_service.hall_booths(db, hall["id"])]
    until = date.today() + timedelta(days=30)
    booth_service.reserve_booth(db, actor, ids[2], "别人", until)
    with pytest.raises(UserError):
        booth_service.set_reservations(db, actor, [(i, "青岛渔业", until) for i in ids])
    assert [b["status"] for b in booth_service.hall_booths(db, hall["id"])] == ["available", "available", "reserved"]
    booth_service.set_reservations(db, actor, [(ids[0], "青岛渔业", until), (ids[2], None, None)])
    assert [b["status"] for b in booth_service.hall_booths(db, hall["id"])] == ["reserved", "available", "available"]
