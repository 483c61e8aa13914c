"""The hall plan's data: which halls, which labels in which language, which booth is marked."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from expo_desk.errors import UserError
from expo_desk.services.document_head import ORGANIZER_SETTING
from expo_desk.services.plan_report import booth_labels, plan_report_data


def _id() -> str:
    return str(uuid.uuid4())


def add_hall(db, show, code, width_cm=3000, depth_cm=2000, name=None):
    hall = {"id": _id(), "show_id": show["id"], "code": code, "name": name or f"{code}馆",
            "width_cm": width_cm, "depth_cm": depth_cm}
    db["halls"].insert(hall)
    return hall


def add_booth(db, show, hall, number, x_cm=0, y_cm=0, status="available", blocked_reason="", size=300):
    booth = {"id": _id(), "show_id": show["id"], "hall_id": hall["id"], "number": number, "x_cm": x_cm,
             "y_cm": y_cm, "width_cm": size, "depth_cm": size, "booth_type": "shell", "status": status,
             "blocked_reason": blocked_reason}
    db["booths"].insert(booth)
    return booth


def sell(db, show, booth, name, name_en=""):
    now = "2026-01-01T00:00:00Z"
    exhibitor = {"id": _id(), "show_id": show["id"], "company_name": name, "company_key": name,
                 "company_name_en": name_en, "created_at": now, "updated_at": now}
    db["exhibitors"].insert(exhibitor)
    contract = {"id": _id(), "show_id": show["id"], "exhibitor_id": exhibitor["id"], "number": f"K-{booth['number']}",
                "status": "signed", "created_at": now}
    db["contracts"].insert(contract)
    db["contract_lines"].insert({"id": _id(), "contract_id": contract["id"], "kind": "booth", "booth_id": booth["id"],
                                 "amount_fen": 100, "holds_booth": 1})
    db["booths"].update(booth["id"], {"status": "sold"})


@pytest.fixture
def plan_show(db, show):
    a1 = add_hall(db, show, "A1", name="一号馆")
    a2 = add_hall(db, show, "A2", width_cm=6000, depth_cm=4000)
    add_hall(db, show, "B1")  # empty
    sold = add_booth(db, show, a1, "A1-001")
    sell(db, show, sold, "日照港集团有限公司", "Rizhao Port Group")
    add_booth(db, show, a1, "A1-002", x_cm=300, status="reserved")
    add_booth(db, show, a1, "A1-003", x_cm=600, status="blocked", blocked_reason="柱子 / pillar")
    only_zh = add_booth(db, show, a2, "A2-001")
    sell(db, show, only_zh, "青岛啤酒股份有限公司")
    return show


def test_all_halls_in_code_order_with_their_booths_and_show_fields(db, plan_show):
    data = plan_report_data(db, plan_show["id"], printed_on=date(2026, 9, 1))
    assert [h.code for h in data.halls] == ["A1", "A2", "B1"]
    a1 = data.halls[0]
    assert (a1.name, a1.width_cm, a1.depth_cm) == ("一号馆", 3000, 2000)
    assert [b.number for b in a1.booths] == ["A1-001", "A1-002", "A1-003"]
    assert [b.status for b in a1.booths] == ["sold", "reserved", "blocked"]
    assert (a1.booths[1].x_cm, a1.booths[1].width_cm) == (300, 300)
    assert data.halls[2].booths == ()
    assert (data.show_code, data.show_name, data.show_name_en) == (
        "RZ2026", "2026日照国际博览会", "Rizhao International Expo 2026")
    assert (data.start_date, data.end_date, data.printed_on) == ("2026-09-18", "2026-09-20", "2026-09-01")
    assert data.language == "both" and data.highlight is None and data.organizer == ""


@pytest.mark.parametrize(("language", "sold", "blocked", "zh_only"), [
    ("both", ("日照港集团有限公司", "Rizhao Port Group"), ("柱子", "pillar"), ("青岛啤酒股份有限公司",)),
    ("zh", ("日照港集团有限公司",), ("柱子",), ("青岛啤酒股份有限公司",)),
    ("en", ("Rizhao Port Group",), ("pillar",), ("青岛啤酒股份有限公司",)),  # no English name: the Chinese one
])
def test_labels_follow_the_language(db, plan_show, language, sold, blocked, zh_only):
    data = plan_report_data(db, plan_show["id"], language=language)
    a1, a2 = data.halls[0], data.halls[1]
    assert a1.booths[0].labels == sold
    assert a1.booths[1].labels == ()  # a reservation's prospect is not printed
    assert a1.booths[2].labels == blocked
    assert a2.booths[0].labels == zh_only


def test_booth_labels_of_a_plain_reason_and_an_empty_booth():
    assert booth_labels({"status": "blocked", "blocked_reason": "消防通道"}, "en") == ("消防通道",)
    assert booth_labels({"status": "blocked", "blocked_reason": ""}, "both") == ()
    assert booth_labels({"status": "available", "exhibitor": None, "exhibitor_en": None}, "both") == ()


def test_one_hall_any_case_and_a_highlighted_booth(db, plan_show):
    data = plan_report_data(db, plan_show["id"], hall_code="a1", highlight_booth="a1-002")
    assert [h.code for h in data.halls] == ["A1"]
    assert data.highlight == "A1-002"
    hall, booth = data.highlighted_booth()
    assert (hall.code, booth.number) == ("A1", "A1-002")


def test_highlight_across_all_halls(db, plan_show):
    data = plan_report_data(db, plan_show["id"], highlight_booth="A2-001")
    assert data.highlighted_booth()[0].code == "A2"


def test_organizer_name_comes_from_the_business_setting(db, plan_show, actor):
    from expo_desk.store.settings import set_setting

    set_setting(db, actor, ORGANIZER_SETTING, "日照国际会展有限公司")
    assert plan_report_data(db, plan_show["id"]).organizer == "日照国际会展有限公司"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"hall_code": "Z9"}, "has no hall Z9 (known: A1, A2, B1)"),
    ({"highlight_booth": "X-404"}, "has no booth X-404"),
    ({"hall_code": "A1", "highlight_booth": "A2-001"}, "booth A2-001 is in hall A2, not in A1"),
    ({"language": "fr"}, "language must be zh, en or both"),
])
def test_bad_input_is_a_bilingual_user_error(db, plan_show, kwargs, message):
    with pytest.raises(UserError) as caught:
        plan_report_data(db, plan_show["id"], **kwargs)
    assert message in str(caught.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))


def test_an_unknown_show_id(db, plan_show):
    with pytest.raises(UserError, match="no such show"):
        plan_report_data(db, "no-such-id")
