"""The show summary PDF read back with pypdf: its figures in Chinese, English or both, the
comparison with an edition that had nothing (no division by zero, "—"), and every font embedded."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pypdf import PdfReader

from expo_desk.reports.show_summary import render_show_summary
from expo_desk.services import post_show
from expo_desk.services.contract_signing import sell_booths
from expo_desk.services.next_edition import copy_show_setup
from expo_desk.services.show_summary_data import SectorRow, show_summary_data
from expo_desk.services.shows import create_show
from expo_desk.store import records
from expo_desk.store.queries import scalar
from tests.reports.test_fonts_embedded import unembedded_fonts
from tests.services.test_show_summary_data import TODAY, make_season


def pdf_text(path) -> str:
    """The document's text with every run of white space made one space (pypdf puts cells on lines)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def season(db, actor, sales):
    return make_season(db, actor, sales)


@pytest.fixture
def after_nothing(db, actor, season):
    """RZ2026 with a previous edition RZ2025 that sold nothing and counted no visitors."""
    before = create_show(db, actor, "RZ2025", "2025日照国际博览会", name_en="Rizhao International Expo 2025",
                         start_date="2025-09-19", end_date="2025-09-21")
    records.update(db, actor, "shows", season["show"]["id"], {"previous_show_id": before["id"]})
    return season


def render(db, show_id, language, path, today=TODAY):
    render_show_summary(show_summary_data(db, show_id, language, today=today), path)
    return pdf_text(path)


def test_the_summary_in_chinese_english_and_both(db, after_nothing, tmp_path):
    show_id = after_nothing["show"]["id"]
    texts = {lang: render(db, show_id, lang, tmp_path / f"summary-{lang}.pdf") for lang in ("zh", "en", "both")}
    zh, en, both = texts["zh"], texts["en"], texts["both"]

    assert "展会总结报告" in zh and "Show summary report" not in zh
    assert "本届展会共有参展商 3 家，已售展位 4 个、面积 136 m²" in zh
    assert "签订合作协议 3 项，涉及钢铁和渔业行业" in zh
    assert "各行业已售面积" in zh and "每日观众人次" in zh and "与上届对比" in zh
    assert "钢铁 1 2 109 m² 80.1% 0 m²" in zh  # exhibitors, booths, space sold, share, the previous edition's
    assert "第 1 页 / 共 " in zh

    assert "Show summary report" in en and "展会总结报告" not in en
    assert "3 exhibitors took 4 booths, 136 m²" in en
    assert "signed 3 cooperation agreements in steel and fishery" in en
    assert "Steel" in en and "Fishery" in en and "No sector" in en and "Hall H2" in en
    assert "Page 1 of" in en

    assert "展会总结报告" in both and "Show summary report" in both
    assert "钢铁 Steel" in both and "第 1 页" in both and "Page 1 of" in both

    for text in texts.values():
        assert "8,400" in text and "5,000" in text and "3,400" in text  # visitors: total and by day
        assert "RZ2025" in text


def test_a_previous_edition_with_nothing_shows_a_dash_not_an_error(db, after_nothing, tmp_path):
    en = render(db, after_nothing["show"]["id"], "en", tmp_path / "summary.pdf")
    occupancy = show_summary_data(db, after_nothing["show"]["id"], today=TODAY).figures.occupancy_percent
    comparison = en[en.index("Compared with the previous edition"):]
    assert "Exhibitors 3 0 —" in comparison
    assert "Visitors 8,400 0 —" in comparison
    assert "Agreements signed 3 0 —" in comparison
    assert f"Occupancy {occupancy:.1f}% — —" in comparison  # RZ2025 had no booths: no occupancy to compare


def test_a_previous_edition_with_figures_shows_the_change(db, actor, season, tmp_path):
    new = copy_show_setup(db, actor, season["show"]["id"], "RZ2027", "2027日照国际博览会",
                          "Rizhao International Expo 2027", "2027-09-17").show
    steel = scalar(db, "SELECT id FROM exhibitors WHERE show_id = ? AND company_name = '日照钢铁集团有限公司'",
                   [new["id"]])
    a001 = scalar(db, "SELECT id FROM booths WHERE show_id = ? AND number = 'A-001'", [new["id"]])
    sell_booths(db, actor, new["id"], steel, [a001], signed_on="2027-03-01", today="2027-03-01")
    post_show.set_visitors(db, actor, new["id"], "2027-09-17", "", 6_300)
    en = render(db, new["id"], "en", tmp_path / "summary.pdf", today="2027-10-01")
    comparison = en[en.index("Compared with the previous edition"):]
    assert "Exhibitors 1 3 -66.7%" in comparison
    assert "Visitors 6,300 8,400 -25.0%" in comparison
    assert "Leads 0 5 -100.0%" in comparison
    assert "2027-09-17 Day 1, Fri 6,300 100.0% 5,000 +26.0%" in en  # the same open day of last year


def test_every_font_is_embedded(db, after_nothing, tmp_path):
    for lang in ("zh", "en", "both"):
        path = tmp_path / f"summary-{lang}.pdf"
        render_show_summary(show_summary_data(db, after_nothing["show"]["id"], lang, today=TODAY), path)
        assert unembedded_fonts(path) == set(), lang


def test_a_new_show_with_nothing_sold_or_counted(db, show, tmp_path):
    path = tmp_path / "empty.pdf"
    text = render(db, show["id"], "both", path, today="2026-01-10")
    assert "尚无已售展位" in text and "No booth sold yet" in text
    assert "尚无观众统计" in text and "No previous edition is set" in text
    assert unembedded_fonts(path) == set()


def test_many_sectors_chart_the_largest_and_group_the_rest(db, season, tmp_path):
    data = show_summary_data(db, season["show"]["id"], "en", today=TODAY)
    many = tuple(SectorRow(key=f"S{n:02d}", name=(f"行业{n:02d}", f"Sector {n:02d}"), exhibitors=1, booths=1,
                           area_m2=float(100 - n), area_share_percent=None, revenue_fen=0, received_fen=0, visitors=0,
                           leads=0, agreements=0, agreement_fen=0) for n in range(16))
    path = tmp_path / "many.pdf"
    render_show_summary(replace(data, sectors=many), path)
    first_page = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "Sector 00" in first_page and "Sector 10" in first_page and "Others" in first_page
    assert "Sector 11" not in first_page  # charted as part of "Others"; the sector table lists it
    assert "Sector 15" in pdf_text(path)
