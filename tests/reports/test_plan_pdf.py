"""The hall plan PDF for real: text read back with pypdf, the embedded font, page size,
a highlighted booth, an empty hall, a 2,500-booth hall, and a page rendered to PNG."""

from __future__ import annotations

import shutil
import subprocess
import time
from io import BytesIO

import pytest
from pypdf import PdfReader

from expo_desk.domain.plan_report import PlanBooth, PlanHall, PlanReportData
from expo_desk.reports.base import label, page_label
from expo_desk.reports.plan import fit_lines, place_hall, render_plan, wrap_text

A3_LANDSCAPE = (1190.55, 841.89)
NAMES = [("日照港集团", "Rizhao Port"), ("青岛啤酒", "Tsingtao Brewery"), ("山东钢铁", "Shandong Steel")]


def grid_hall(code: str, rows: int, cols: int, size_cm: int = 600, aisle_cm: int = 300, sold_every: int = 3,
              language: str = "both", gap_cm: int | None = None) -> PlanHall:
    gap_cm = aisle_cm // 3 if gap_cm is None else gap_cm
    booths = []
    for r in range(rows):
        for c in range(cols):
            i = r * cols + c
            status = ("sold", "available", "reserved", "blocked")[i % 4] if i % sold_every else "sold"
            zh, en = NAMES[i % len(NAMES)]
            labels = {"zh": (zh,), "en": (en,), "both": (zh, en)}[language] if status == "sold" else ()
            booths.append(PlanBooth(number=f"{code}-{i + 1:03d}", x_cm=aisle_cm + c * (size_cm + gap_cm),
                                    y_cm=aisle_cm + r * (size_cm + aisle_cm), width_cm=size_cm, depth_cm=size_cm,
                                    status=status, labels=labels))
    width = 2 * aisle_cm + cols * (size_cm + gap_cm)
    depth = 2 * aisle_cm + rows * (size_cm + aisle_cm)
    return PlanHall(code=code, name=f"{code}馆", width_cm=width, depth_cm=depth, booths=tuple(booths))


def report_data(halls, language="both", highlight=None, organizer="日照国际会展有限公司") -> PlanReportData:
    return PlanReportData(show_code="RZ2026", show_name="2026日照国际博览会", show_name_en="Rizhao International Expo 2026",
                          start_date="2026-09-18", end_date="2026-09-20", venue="日照国际会展中心",
                          organizer=organizer, language=language, printed_on="2026-09-01",
                          halls=tuple(halls), highlight=highlight)


def render(data, **kwargs) -> PdfReader:
    buffer = BytesIO()
    render_plan(data, buffer, **kwargs)
    return PdfReader(BytesIO(buffer.getvalue()))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def embedded_fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]))
    return names


@pytest.fixture(scope="module")
def three_halls_pdf():
    halls = [grid_hall("A1", 3, 6), grid_hall("A2", 2, 4), PlanHall(code="B1", name="B1馆", width_cm=4000, depth_cm=3000)]
    return render(report_data(halls, highlight="A2-005"))


def test_one_a3_landscape_page_per_hall(three_halls_pdf):
    assert len(three_halls_pdf.pages) == 3
    for page in three_halls_pdf.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A3_LANDSCAPE, abs=0.1)


def test_text_holds_booth_numbers_names_header_and_page_count(three_halls_pdf):
    texts = page_texts(three_halls_pdf)
    first = texts[0]
    for number in ("A1-001", "A1-009", "A1-018"):
        assert number in first
    assert "日照港集团" in first and "Rizhao Port" in first and "青岛啤酒" in first
    assert "日照国际会展有限公司" in first  # the organizer, in the header
    assert "展位平面图 / Hall plan" in first
    assert "A1馆 / Hall A1" in first and "2026日照国际博览会" in first and "2026-09-01" in first
    for n, text in enumerate(texts, start=1):
        assert f"Page {n} of 3" in text and f"第 {n} 页 / 共 3 页" in text
    assert "A2-001" in texts[1] and "A1-001" not in texts[1]


def test_the_cjk_font_is_embedded_as_a_subset(three_halls_pdf):
    fonts = embedded_fonts(three_halls_pdf)
    assert fonts and all("WenQuanYi" in name for name in fonts)
    tags = {name.lstrip("/").split("+")[0] for name in fonts}
    assert all(tag.isalpha() and tag.isupper() and len(tag) == 6 for tag in tags)  # a subset's tag, e.g. AAAAAA+


def test_the_highlighted_booth_is_outlined_and_noted_on_its_hall_only(three_halls_pdf):
    texts = page_texts(three_halls_pdf)
    assert "Marked booth: A2-005" in texts[1]
    assert "Marked booth is in A2馆: A2-005" in texts[0]
    red_stroke = b".843137 .14902 .239216 RG"  # the highlight colour #d7263d as a stroke colour
    assert red_stroke in three_halls_pdf.pages[1].get_contents().get_data()
    assert red_stroke not in three_halls_pdf.pages[0].get_contents().get_data()


def test_an_empty_hall_prints_its_outline_and_a_note(three_halls_pdf):
    text = page_texts(three_halls_pdf)[2]
    assert "此展馆尚无展位 / No booths in this hall yet" in text
    assert "B1馆 / Hall B1" in text and "Page 3 of 3" in text


def test_a_show_without_halls_prints_one_page_saying_so():
    reader = render(report_data([]))
    assert len(reader.pages) == 1
    assert "This show has no halls yet" in reader.pages[0].extract_text()


@pytest.mark.parametrize(("language", "present", "absent"), [
    ("zh", ["日照港集团", "第 1 页 / 共 1 页", "展位平面图", "图例"], ["Rizhao Port", "Page 1 of 1", "Legend"]),
    ("en", ["Rizhao Port", "Page 1 of 1", "Hall plan", "Legend", "Hall A1"], ["日照港集团", "第 1 页", "图例"]),
])
def test_one_language_documents(language, present, absent):
    text = render(report_data([grid_hall("A1", 2, 3, language=language)], language=language)).pages[0].extract_text()
    for expected in present:
        assert expected in text
    for unexpected in absent:
        assert unexpected not in text


def test_a4_portrait_is_available():
    page = render(report_data([grid_hall("A1", 2, 3)]), page_format="A4").pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((595.28, 841.89), abs=0.1)
    assert "(A4)" in page.extract_text() and "A1-006" in page.extract_text()


def test_2500_booths_in_one_hall_render_in_reasonable_time(capsys):
    hall = grid_hall("A1", 50, 50, size_cm=300, aisle_cm=150, gap_cm=0)  # 3 m booths, 1.5 m aisles
    assert len(hall.booths) == 2500
    start = time.perf_counter()
    reader = render(report_data([hall], highlight="A1-1250"))
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(f"\nhall plan: 2,500 booths rendered in {elapsed:.2f} s")
    assert elapsed < 15
    text = reader.pages[0].extract_text()
    assert "A1-001" in text and "A1-2500" in text and "Marked booth: A1-1250" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_a_page_renders_to_a_png_that_is_not_blank(tmp_path):
    from PIL import Image

    pdf = tmp_path / "plan.pdf"
    render_plan(report_data([grid_hall("A1", 3, 6)], highlight="A1-004"), pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    png = next(tmp_path.glob("page*.png"))
    with Image.open(png) as image:
        assert image.size[0] > image.size[1]  # landscape
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20  # status fills, text, lines: not a blank page
    dominant = max(colours)[0] / sum(count for count, _ in colours)
    assert dominant < 0.9


# ---------------------------------------------------------------- text fitting and geometry


def test_wrap_breaks_chinese_anywhere_and_english_between_words():
    assert wrap_text("日照港集团", 2.05) == ["日照", "港集", "团"]
    lines = wrap_text("Rizhao Port Group", 6)
    assert lines is not None and len(lines) >= 2 and " ".join(lines) == "Rizhao Port Group"
    assert wrap_text("日", 0.5) is None


def test_fit_lines_shrinks_then_drops_the_second_name_then_gives_up():
    size, lines = fit_lines(("日照港集团", "Rizhao Port"), 100, 40)
    assert "".join(lines).startswith("日照港集团") and "Rizhao Port" in " ".join(lines)
    only_first = fit_lines(("日照港集团", "Rizhao Port Group Co., Ltd."), 20, 7)
    assert only_first is not None and "Rizhao" not in " ".join(only_first[1])
    assert fit_lines(("日照港集团有限公司",), 3, 3) is None


def test_place_hall_uses_a_round_scale_and_keeps_the_hall_inside_the_box():
    hall = PlanHall(code="A1", name="", width_cm=12800, depth_cm=9300)
    p = place_hall(hall, 0, 0, 1100, 600)
    assert p.ratio % 10 == 0
    x, y, w, h = p.box(0, 0, hall.width_cm, hall.depth_cm)
    assert x >= -0.01 and y >= -0.01 and x + w <= 1100.01 and y + h <= 600.01


def test_labels_and_page_label_per_language():
    assert label("both", "已售", "Sold") == "已售 / Sold"
    assert label("zh", "已售", "Sold") == "已售" and label("en", "已售", "Sold") == "Sold"
    assert page_label("both", 2, 7) == "第 2 页 / 共 7 页 · Page 2 of 7"
