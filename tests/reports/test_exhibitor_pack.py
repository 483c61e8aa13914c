"""The exhibitor pack for real: contracts sold through the services on a real file, the PDF
read back with pypdf, the payment figures compared with ``contract_detail``."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from io import BytesIO

import pytest
from pypdf import PdfReader

from expo_desk.domain.money import format_fen
from expo_desk.reports.exhibitor_pack import render_pack
from expo_desk.services import contracts as svc
from expo_desk.services import payments, sales_terms
from expo_desk.services.contract_signing import sign_contract
from expo_desk.services.contract_view import contract_detail
from expo_desk.services.pack_data import pack_data
from expo_desk.services.post_show import set_show_text
from expo_desk.store.contracts import service_item_by_code
from expo_desk.store.settings import set_setting
from tests.reports.test_fonts_embedded import unembedded_fonts

SIGNED_ON = "2026-06-01"
TODAY = "2026-09-01"  # after the balance date (2026-08-19): the balance is overdue
A4 = (595.28, 841.89)


@pytest.fixture
def steel(db, actor, sales):
    """Steel holds A-001 and A-002 on one signed contract with two power points and six extra
    badges; the deposit is paid, the balance overdue on ``TODAY``. Returns the contract id."""
    show_id = sales["show"]["id"]
    for values in ({"code": "POWER-10A", "name": "加电 10A", "name_en": "Power 10 A", "unit": "处", "unit_price": "600"},
                   {"code": "BADGE", "name": "加办参展证", "name_en": "Extra exhibitor badges", "unit": "张",
                    "unit_price": "50"}):
        sales_terms.add_service(db, actor, show_id, values)
    cid = svc.create_contract(db, sales["am1"], show_id, sales["steel"], [sales["booths"]["A-001"],
                              sales["booths"]["A-002"]], today=SIGNED_ON,
                              fascia_text="日照钢铁 RIZHAO STEEL").inserted["contracts"][0]
    svc.add_service(db, sales["am1"], cid, service_item_by_code(db, show_id, "POWER-10A")["id"], 2, today=SIGNED_ON)
    svc.add_service(db, sales["am1"], cid, service_item_by_code(db, show_id, "BADGE")["id"], 6, today=SIGNED_ON)
    sign_contract(db, sales["am1"], cid, signed_on=SIGNED_ON)
    deposit = contract_detail(db, cid, TODAY)["schedule"].instalments[0]
    payments.record_payment(db, sales["am1"], cid, deposit.amount_fen, paid_on="2026-06-10", reference="BOC-0610")
    return cid


def render(db, exhibitor_id, language="both") -> bytes:
    buffer = BytesIO()
    render_pack(pack_data(db, exhibitor_id, language, today=TODAY), buffer)
    return buffer.getvalue()


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def test_the_pack_names_the_exhibitor_its_booths_services_and_money(db, sales, steel):
    pdf = render(db, sales["steel"])
    reader = PdfReader(BytesIO(pdf))
    assert all(tuple(float(v) for v in page.mediabox[2:]) == pytest.approx(A4, abs=0.1) for page in reader.pages)
    pages = pages_of(pdf)
    text = "\n".join(pages)
    # the cover: show, exhibitor and booths
    for expected in ("2026日照国际博览会", "展商手册", "Exhibitor Pack", "日照钢铁集团有限公司", "Rizhao Steel", "A-001, A-002"):
        assert expected in pages[0], expected
    # the sections, headed in both languages
    for zh, en in (("欢迎参展", "Welcome"), ("您的展位", "Your booth"), ("布展与撤展", "Build-up and tear-down"),
                   ("已订服务与楣板", "Services ordered and fascia"), ("付款情况", "Payment statement"),
                   ("参展证件", "Badges"), ("场馆规定", "Venue rules"), ("联系方式", "Contacts")):
        assert zh in text and en in text, en
    # the booths, the plan marking both, the services, the fascia text
    for expected in ("1号馆", "Hall H1", "3 × 3 m", "9 m²", "18 m²", "标准展位", "Shell scheme", "角位", "Corner",
                     "红色为您的展位", "your booths in red: A-001, A-002", "加电 10A", "Power 10 A", "2 处",
                     "加办参展证", "Extra exhibitor badges", "6 张", "日照钢铁 RIZHAO STEEL", "王经理"):
        assert expected in text, expected
    assert "A-003" in text and "R-001" in text  # the rest of the hall is drawn around them
    # the payment statement: the contract's own figures, the overdue balance marked
    detail = contract_detail(db, steel, TODAY)
    for fen in (detail["totals"].total_fen, detail["paid_fen"], detail["balance_fen"]):
        assert format_fen(fen) in text
    for inst in detail["schedule"].instalments:
        assert inst.due_on in text and format_fen(inst.amount_fen) in text
    balance = detail["schedule"].instalments[-1]
    assert balance.overdue and f"逾期 {balance.days_overdue} 天" in text and f"{balance.days_overdue} days overdue" in text
    assert f"其中 {format_fen(detail['balance_fen'])} 已逾期" in text
    assert "BOC-0610" in text and detail["contract"]["number"] in text
    assert f"Page 1 of {len(pages)}" in pages[0] and f"第 {len(pages)} 页 / 共 {len(pages)} 页" in pages[-1]


@pytest.mark.parametrize(("language", "present", "absent"), [
    ("zh", ["展商手册", "您的展位", "付款情况", "展位号", "已付", "日照钢铁集团有限公司", "1号馆", "第 1 页 / 共"],
     ["Your booth", "Payment statement", "Rizhao Steel", "Page 1 of", "Hall H1"]),
    ("en", ["Exhibitor Pack", "Your booth", "Payment statement", "Booth", "Paid", "Rizhao Steel", "Hall H1",
            "Welcome to Rizhao International Expo 2026", "Page 1 of"],
     ["您的展位", "付款情况", "已付", "日照钢铁集团有限公司", "欢迎", "第 1 页"]),
    ("both", ["您的展位", "Your booth", "已付", "Paid", "日照钢铁集团有限公司", "Rizhao Steel", "第 1 页 / 共",
              "Page 1 of"], []),
])
def test_every_word_follows_the_language(db, sales, steel, language, present, absent):
    text = "\n".join(pages_of(render(db, sales["steel"], language)))
    for word in present:
        assert word in text, word
    for word in absent:
        assert word not in text, word


def test_the_show_texts_are_printed_line_by_line(db, actor, sales, steel):
    set_show_text(db, actor, sales["show"]["id"], "venue_rules", "1. 馆内禁止吸烟。\n2. 展台限高 4.5 米。",
                  "1. No smoking in the halls.\n2. Booths no taller than 4.5 m.")
    text = "\n".join(pages_of(render(db, sales["steel"])))
    assert "馆内禁止吸烟。" in text and "No smoking in the halls." in text and "Booths no taller than 4.5 m." in text
    assert text.index("馆内禁止吸烟") < text.index("No smoking") < text.index("展台限高")  # paired line by line


def test_raw_space_has_no_fascia_board_and_several_contracts_are_all_shown(db, sales, steel):
    island = svc.create_contract(db, sales["am1"], sales["show"]["id"], sales["steel"], [sales["booths"]["R-001"]],
                                 today=SIGNED_ON).inserted["contracts"][0]
    sign_contract(db, sales["am1"], island, signed_on=SIGNED_ON)
    text = "\n".join(pages_of(render(db, sales["steel"], "en")))
    numbers = [contract_detail(db, c)["contract"]["number"] for c in (steel, island)]
    assert all(f"Contract {n}" in text for n in numbers)
    for expected in ("A-001, A-002, R-001", "Raw space", "100 m²", "Peninsula", "118 m²"):
        assert expected in text, expected
    assert "Your booth R-001 is raw space: have it built by a stand builder" in text
    assert "Booths: A-001, A-002\n" in text  # the fascia board is for the shell-scheme booths only
    total = sum(contract_detail(db, c, TODAY)["balance_fen"] for c in (steel, island))
    assert format_fen(total) in text  # the balance of both contracts together


def test_a_pack_in_every_language_embeds_every_font(db, sales, steel, tmp_path):
    for language in ("zh", "en", "both"):
        path = tmp_path / f"pack-{language}.pdf"
        path.write_bytes(render(db, sales["steel"], language))
        assert unembedded_fonts(path) == set(), language


def _png(width: int, height: int) -> bytes:
    """A plain blue PNG (the organizer's logo)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x1d\x4e\x89" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_the_cover_carries_the_organizers_name_and_logo(db, actor, sales, steel, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(120, 40))
    set_setting(db, actor, "report.organizer_name", "日照国际会展有限公司")
    set_setting(db, actor, "report.logo_path", str(logo))
    reader = PdfReader(BytesIO(render(db, sales["steel"])))
    cover = reader.pages[0]
    assert "日照国际会展有限公司" in cover.extract_text()
    assert any(x.get_object()["/Subtype"] == "/Image" for x in cover["/Resources"]["/XObject"].values())
    assert "日照国际会展有限公司" in reader.pages[1].extract_text()  # the running header of the other pages


def test_a_missing_logo_file_leaves_the_name_alone(db, actor, sales, steel, tmp_path):
    set_setting(db, actor, "report.logo_path", str(tmp_path / "gone.png"))
    assert "日照钢铁集团有限公司" in pages_of(render(db, sales["steel"], "zh"))[0]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed")
def test_every_page_renders_to_an_image(db, sales, steel, tmp_path):
    path = tmp_path / "pack.pdf"
    path.write_bytes(render(db, sales["steel"]))
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(PdfReader(path).pages)


def test_small_booths_get_a_close_up_per_group_and_the_overview_keeps_numbers_only():
    from reportlab.lib.units import mm

    from expo_desk.domain.plan_report import PlanBooth, PlanHall
    from expo_desk.reports.pack_plan import close_up_window, cropped_hall, groups, marked_booths, without_names

    # a 150 m × 90 m hall of 3 m booths: on an A4 page each is drawn about 3.7 mm wide
    booths = tuple(PlanBooth(f"B{row:02d}{col:02d}", 600 + col * 300, 600 + row * 900, 300, 300, "sold", ("某公司",))
                   for row in range(9) for col in range(45))
    hall = PlanHall("H9", "9号馆", 15_000, 9_000, booths)
    mine = marked_booths(hall, ("B0000", "B0001", "B0844"))
    assert [[b.number for b in g] for g in groups(mine)] == [["B0000", "B0001"], ["B0844"]]
    width, scale = 186 * mm, (186 * mm) / 15_000
    window = close_up_window(hall, groups(mine)[0], scale, width, 72 * mm)
    assert window is not None and window.width < hall.width_cm / 2
    assert window.x <= 600 and window.x + window.width >= 1200  # both booths inside, with room around
    close = cropped_hall(hall, window)
    inside = {b.number for b in close.booths}
    assert {"B0000", "B0001"} <= inside and "B0844" not in inside
    assert all(b.x_cm >= 0 or not b.number for b in close.booths)  # a booth cut by the edge loses its texts
    assert close_up_window(hall, groups(mine)[0], scale * 4, width, 72 * mm) is None  # large enough already
    assert all(b.labels == () for b in without_names(hall).booths)


def test_a_text_left_blank_leaves_its_section_out_and_the_numbers_close_up(db, sales, steel):
    from dataclasses import replace

    data = pack_data(db, sales["steel"], "en", today=TODAY)
    blank = replace(data, texts={**data.texts, "welcome": ("", ""), "venue_rules": ("", "")})
    buffer = BytesIO()
    render_pack(blank, buffer)
    text = "\n".join(pages_of(buffer.getvalue()))
    assert "Welcome" not in text and "Venue rules" not in text
    assert "1  Your booth" in text and "6  Contacts" in text


def test_the_pack_names_the_venue_in_english_and_how_to_reach_the_account_manager(db, actor, sales, tmp_path):
    from pypdf import PdfReader

    from expo_desk.reports.exhibitor_pack import render_pack
    from expo_desk.services.contract_signing import sell_booths
    from expo_desk.services.pack_data import pack_data
    from expo_desk.services.shows import update_show
    from expo_desk.services.users import update_user

    update_show(db, actor, sales["show"]["id"], {"venue": "日照国际博览中心", "venue_en": "Rizhao Expo Centre"})
    update_user(db, actor, sales["am1"].user_id, phone="0633-8881234", email="wang@rz-expo.cn")
    sell_booths(db, sales["am1"], sales["show"]["id"], sales["steel"], [sales["booths"]["A-001"]],
                signed_on="2026-06-01", today="2026-06-01")
    target = tmp_path / "pack.pdf"
    render_pack(pack_data(db, sales["steel"], "en"), target)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Rizhao Expo Centre" in text and "日照国际博览中心" not in text
    assert "0633-8881234" in text and "wang@rz-expo.cn" in text
