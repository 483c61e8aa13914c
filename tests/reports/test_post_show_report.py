"""The post-show report on paper: the exhibitor, the booth, the satisfaction figure with the
formula as the seed writes it, in Chinese, English or both, every font embedded."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from expo_desk.reports.post_show import render_post_show
from expo_desk.services import post_show
from expo_desk.services.exhibitors import update_exhibitor
from expo_desk.services.post_show_data import post_show_data
from tests.reports.test_fonts_embedded import unembedded_fonts
from tests.services.test_post_show_data import fifty_thousand_contract, yuan

FORMULA = "参展费用 / 期望值 = 参展满意度"


@pytest.fixture
def steel(db, actor, sales):
    """The seed's case: ¥50,000 spent, ¥100,000 expected; visitors, leads and notes recorded."""
    fifty_thousand_contract(db, actor, sales)
    update_exhibitor(db, actor, sales["steel"], {"expected_value_fen": yuan(100_000)})
    for day, visitors in (("2026-09-18", 12_400), ("2026-09-19", 9_800), ("2026-09-20", 6_100)):
        post_show.set_visitors(db, actor, sales["show"]["id"], day, "", visitors - visitors // 4 - visitors // 5)
        post_show.set_visitors(db, actor, sales["show"]["id"], day, "钢铁", visitors // 4)
        post_show.set_visitors(db, actor, sales["show"]["id"], day, "渔业", visitors // 5)
    for company, signed, value in (("青岛港集团", True, "130000"), ("山东重工", False, ""), ("烟台造船", False, "")):
        post_show.add_exhibitor_lead(db, actor, sales["steel"], {
            "visitor_company": company, "visitor_name": "张伟", "captured_on": "2026-09-18",
            "agreement_signed": signed, "agreement_value": value})
    post_show.set_outcomes(db, actor, sales["steel"], {"sales_network": "新增 5 家经销商 / Five new distributors"})
    return sales["steel"]


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def render(db, exhibitor_id, language, tmp_path):
    path = tmp_path / f"post-show-{language}.pdf"
    render_post_show(post_show_data(db, exhibitor_id, language, today="2026-10-08"), path)
    return path


@pytest.mark.parametrize("language", ["zh", "en", "both"])
def test_the_report_names_the_exhibitor_the_booth_and_the_figure_with_its_formula(db, steel, tmp_path, language):
    path = render(db, steel, language, tmp_path)
    text = text_of(path)
    assert "日照钢铁集团有限公司" in text  # the company's own name, in every language
    assert "A-001" in text
    assert "0.50" in text
    assert FORMULA in text  # as the seed defines it, in the English document too
    assert "¥50,000.00 / ¥100,000.00 = 0.50" in text
    assert unembedded_fonts(path) == set()


def test_the_chinese_report_speaks_chinese_only(db, steel, tmp_path):
    text = text_of(render(db, steel, "zh", tmp_path))
    assert "展后报告" in text and "参展满意度" in text and "销售之外的收获" in text
    assert "Post-show report" not in text and "Satisfaction" not in text
    assert "新增 5 家经销商" in text and "Five new distributors" not in text


def test_the_english_report_speaks_english_with_the_seeds_name_for_the_figure(db, steel, tmp_path):
    text = text_of(render(db, steel, "en", tmp_path))
    assert "Post-show report" in text and "Satisfaction (参展满意度)" in text
    assert "Rizhao Steel" in text and "Five new distributors" in text
    assert "展后报告" not in text and "销售之外的收获" not in text


def test_the_bilingual_report_says_both(db, steel, tmp_path):
    text = text_of(render(db, steel, "both", tmp_path))
    for words in ("展后报告", "Post-show report", "参展费用", "Participation cost", "我们为您做了什么",
                  "What we did for you", "展会客流", "Show traffic", "诚邀您参加下一届", "Join us at the next edition"):
        assert words in text, words
    assert "28,300" in text  # the show's visitors over three days
    assert "¥130,000.00" in text  # the agreement the exhibitor signed


def test_without_an_expected_value_the_report_says_why_there_is_no_figure(db, actor, steel, tmp_path):
    update_exhibitor(db, actor, steel, {"expected_value_fen": None})
    text = re.sub(r"\s+", "", text_of(render(db, steel, "both", tmp_path)))
    assert "尚未记录展商的期望值" in text and "Noexpectedvaluehasbeenrecorded" in text
    assert "0.50" not in text and FORMULA.replace(" ", "") in text


def test_a_report_with_nothing_recorded_after_the_show_still_renders(db, sales, tmp_path):
    path = render(db, sales["fish"], "both", tmp_path)
    text = re.sub(r"\s+", "", text_of(path))
    assert "尚未录入观众人数" in text and "Novisitorcountsrecordedyet" in text
    assert unembedded_fonts(path) == set()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed")
def test_every_page_renders_to_an_image(db, steel, tmp_path):
    path = render(db, steel, "both", tmp_path)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(path).pages) >= 2
    assert all(p.stat().st_size > 5_000 for p in pages)


def test_many_sectors_are_charted_as_the_largest_the_exhibitors_own_and_the_others(db, actor, sales, steel, tmp_path):
    for n in range(40):
        post_show.set_visitors(db, actor, sales["show"]["id"], "2026-09-18", f"行业{n:02d}", 50_000 + n)
    text = text_of(render(db, steel, "both", tmp_path))
    assert "行业39" in text and "行业00" not in text  # the smallest are among the others
    assert "钢铁 / Steel" in text  # the exhibitor's own sector stays, however small
    assert "其他 26 个行业 / 26 other sectors" in text
