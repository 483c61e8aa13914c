"""The contract documents for real: a contract made through the services on a real file,
its PDFs read back with pypdf, every figure compared with ``contract_detail``."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO

import pytest
from pypdf import PdfReader

from expo_desk.domain.money import format_fen
from expo_desk.reports.contract_docs import render_contract_documents
from expo_desk.services import contracts as svc
from expo_desk.services import payments, sales_terms
from expo_desk.services.contract_documents import cancellation_terms, contract_documents, split_pair
from expo_desk.services.contract_signing import cancel_contract, sign_contract
from expo_desk.services.contract_view import contract_detail
from expo_desk.store.queries import scalar
from expo_desk.store.settings import set_setting

SIGNED_ON = "2026-06-01"
STATEMENT_DAY = "2026-09-01"  # after the balance date (2026-08-19): the balance is overdue
A4 = (595.28, 841.89)


def new_contract(db, sales, numbers=("A-001",), who="am1", exhibitor="steel"):
    changes = svc.create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor],
                                  [sales["booths"][n] for n in numbers], today=SIGNED_ON,
                                  fascia_text="日照钢铁 RIZHAO STEEL")
    return changes.inserted["contracts"][0]


@pytest.fixture
def signed(db, actor, sales):
    """A-001 (corner, ¥10,780) with two 10 A power points (¥1,200) and a ¥1,000 discount the
    department manager approved: ¥10,980 in all; the deposit paid, ¥100 of it refunded."""
    set_setting(db, actor, "report.organizer_name", "日照国际会展有限公司")
    sales_terms.add_service(db, actor, sales["show"]["id"], {
        "code": "POWER-10A", "name": "加电 10A", "name_en": "Power 10 A", "unit": "处", "unit_price": "600"})
    cid = new_contract(db, sales)
    svc.add_service(db, sales["am1"], cid, scalar(db, "SELECT id FROM service_items"), 2, today=SIGNED_ON)
    svc.set_discount(db, sales["am1"], cid, 100_000, "老客户 / returning exhibitor", today=SIGNED_ON)
    svc.approve_discount(db, sales["dm"], cid)
    sign_contract(db, sales["am1"], cid, signed_on=SIGNED_ON)
    payments.record_payment(db, sales["am1"], cid, 329_400, paid_on="2026-06-10", reference="BOC-0610")
    payments.record_payment(db, sales["am1"], cid, -10_000, paid_on="2026-06-12", reference="BOC-R01",
                            reason="双重扣款 / charged twice")
    return cid


def pdf(db, contract_id, kinds, language="both", today=STATEMENT_DAY) -> PdfReader:
    data = contract_documents(db, contract_id, language=language, today=today)
    buffer = BytesIO()
    render_contract_documents(data, buffer, kinds)
    return PdfReader(BytesIO(buffer.getvalue()))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_booth_confirmation_shows_booths_prices_fascia_plan_and_signatures(db, sales, signed):
    reader = pdf(db, signed, ("confirmation",))
    assert len(reader.pages) == 1  # one booth: one page, signatures included
    assert tuple(float(v) for v in reader.pages[0].mediabox[2:]) == pytest.approx(A4, abs=0.1)
    text = text_of(reader)
    for expected in ("展位确认书", "Booth Confirmation", "日照国际会展有限公司", "RZ2026-0001", SIGNED_ON,
                     "日照钢铁集团有限公司", "Rizhao Steel", "A-001", "3 × 3 m", "9 m²", "标准展位", "Shell scheme",
                     "角位", "corner", "¥9,800.00", "¥980.00", "¥10,780.00", "日照钢铁 RIZHAO STEEL",
                     "楣板文字", "Fascia text", "签字", "Signature", "Page 1 of 1"):
        assert expected in text, expected
    assert format_fen(contract_detail(db, signed)["totals"].total_fen) in text  # the contract total too
    # the hall plan is drawn with its other booths; the contract's booth is named as marked
    assert "A-002" in text and "A-003" in text and "R-001" in text
    assert "Marked: A-001" in text


def test_the_summary_total_is_the_contract_total_to_the_fen(db, sales, signed):
    detail = contract_detail(db, signed, STATEMENT_DAY)
    text = text_of(pdf(db, signed, ("summary",)))
    assert format_fen(detail["totals"].total_fen) == "¥10,980.00"
    assert "¥10,980.00" in text
    for line in detail["lines"]:
        assert format_fen(line["amount_fen"]) in text
    for heading in ("展位及价格调整", "Booths and price adjustments", "服务", "Services", "Power 10 A", "加电 10A",
                    "优惠：老客户", "Discount: returning exhibitor", "赵部长", "合同总额", "Contract total"):
        assert heading in text, heading
    for inst in detail["schedule"].instalments:  # the payment schedule
        assert inst.due_on in text and format_fen(inst.amount_fen) in text
    # the show's cancellation terms in words, and the status
    assert "90 days or more before the opening: 30% of the contract total" in text
    assert "开幕前 30–89 天取消：收取合同总额的 50%" in text
    assert "Fewer than 30 days before the opening, or later: 100% of the contract total" in text
    assert "部分付款" in text and "Part-paid" in text


def test_the_statement_figures_are_those_of_the_contract(db, sales, signed):
    detail = contract_detail(db, signed, STATEMENT_DAY)
    text = text_of(pdf(db, signed, ("statement",)))
    assert "付款对账单" in text and "Payment Statement" in text and STATEMENT_DAY in text
    deposit, balance = detail["schedule"].instalments
    assert (deposit.paid_fen, balance.overdue) == (319_400, True)
    for inst in (deposit, balance):
        for fen in (inst.amount_fen, inst.paid_fen, inst.outstanding_fen):
            assert format_fen(fen) in text
    assert f"逾期 {balance.days_overdue} 天" in text and f"{balance.days_overdue} days overdue" in text
    assert "BOC-0610" in text and "¥3,294.00" in text
    assert "-¥100.00" in text and "Refund: charged twice" in text and "退款：双重扣款" in text
    assert format_fen(detail["paid_fen"]) == "¥3,194.00" and "¥3,194.00" in text
    assert format_fen(detail["balance_fen"]) == "¥7,786.00" and "¥7,786.00" in text
    assert "银行转账" in text and "Bank transfer" in text


@pytest.mark.parametrize(("language", "present", "absent"), [
    ("zh", ["展位确认书", "合同摘要", "付款对账单", "展位号", "合同总额", "到期日", "第 1 页 / 共"],
     ["Booth Confirmation", "Contract total", "Due date", "Page 1 of"]),
    ("en", ["Booth Confirmation", "Contract Summary", "Payment Statement", "Booth", "Contract total", "Due date",
            "Page 1 of"],
     ["展位确认书", "合同总额", "到期日", "第 1 页"]),
    ("both", ["展位确认书", "Booth Confirmation", "合同总额", "Contract total", "到期日", "Due date",
              "第 1 页 / 共", "Page 1 of"], []),
])
def test_labels_follow_the_language(db, sales, signed, language, present, absent):
    text = text_of(pdf(db, signed, ("confirmation", "summary", "statement"), language=language))
    for word in present:
        assert word in text, word
    for word in absent:
        assert word not in text, word


def test_all_three_documents_each_start_a_page_under_their_own_title(db, sales, signed):
    reader = pdf(db, signed, ("confirmation", "summary", "statement"), language="en")
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 3
    assert pages[0].count("Booth Confirmation") == 2  # page header and document title
    summary_start = next(i for i, t in enumerate(pages) if "Contract lines" in t)
    assert summary_start >= 1 and "Booth Confirmation" not in pages[summary_start]
    assert "Contract Summary" in pages[summary_start]
    assert "Payment Statement" in pages[-1] and "Payments and refunds" in pages[-1]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_a_cancelled_contract_shows_the_fee_and_the_refund_owed(db, sales):
    cid = new_contract(db, sales)
    sign_contract(db, sales["am1"], cid, signed_on=SIGNED_ON)
    payments.record_payment(db, sales["am1"], cid, 1_078_000, paid_on="2026-06-05", method="wechat")
    cancel_contract(db, sales["am1"], cid, "2026-07-01", "预算取消 / budget cut")  # 79 days before: 50 %
    detail = contract_detail(db, cid, "2026-07-02")
    assert detail["balance_fen"] == -539_000
    text = text_of(pdf(db, cid, ("statement",), today="2026-07-02"))
    assert "CANCELLED on 2026-07-01" in text and "合同已于 2026-07-01 取消" in text
    assert "退订费" in text and "Cancellation fee" in text and "¥5,390.00" in text
    assert "应退款" in text and "Refund owed" in text
    assert "owes the exhibitor a refund of ¥5,390.00" in text and "主办方应退还展商 ¥5,390.00" in text
    assert "¥10,780.00" in text and "微信支付" in text
    # its confirmation and summary still show what was sold, stamped cancelled
    text = text_of(pdf(db, cid, ("confirmation", "summary"), today="2026-07-02"))
    assert "A-001" in text and "CANCELLED" in text and "budget cut" in text and "¥5,390.00" in text


def test_a_draft_is_stamped_and_has_no_payment_plan_yet(db, sales):
    cid = new_contract(db, sales, numbers=("R-001",))
    text = text_of(pdf(db, cid, ("confirmation", "summary", "statement"), today=SIGNED_ON))
    assert "草稿 · 尚未签约" in text and "DRAFT · not signed yet" in text
    assert "The payment schedule is made when the contract is signed" in text
    assert "光地" in text and "Raw space has no fascia board" in text  # raw space: no fascia board


def test_several_booths_are_all_marked_and_priced(db, sales):
    cid = new_contract(db, sales, numbers=("A-001", "A-002", "R-001"))
    data = contract_documents(db, cid, today=SIGNED_ON)
    assert [b.number for b in data.booths] == ["A-001", "A-002", "R-001"]
    assert [b.open_sides[1] for b in data.booths][:2] == ["corner", "inline"]
    assert sum(b.price_fen for b in data.booths) == data.totals.booth_price_fen
    assert [m.marked for m in data.halls] == [("A-001", "A-002", "R-001")]
    text = text_of(pdf(db, cid, ("confirmation",), today=SIGNED_ON))
    assert "Marked: A-001, A-002, R-001" in text and "100 m²" in text


def test_the_font_is_embedded(db, sales, signed):
    reader = pdf(db, signed, ("confirmation",))
    fonts = set()
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descriptor = font.get_object().get("/FontDescriptor")
        if descriptor is not None and "/FontFile2" in descriptor.get_object():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts


def test_texts_and_terms_in_words():
    assert split_pair("定金 / deposit", capitalise=True) == ("定金", "Deposit")
    assert split_pair("A-001 光地 100 m²（100 m² × ¥980/m²）/ raw space (100 m² × ¥980/m²)") == (
        "A-001 光地 100 m²（100 m² × ¥980/m²）", "raw space (100 m² × ¥980/m²)")
    assert split_pair("老客户") == ("老客户", "老客户")
    assert cancellation_terms(((0, 10_000),)) == (("任何时间取消，收取合同总额的 100%",
                                                   "Cancellation at any time: 100% of the contract total"),)
    words = cancellation_terms(((30, 5000), (90, 2500), (7, 10_000)))
    assert [en for _, en in words] == [
        "90 days or more before the opening: 25% of the contract total",
        "30–89 days before the opening: 50% of the contract total",
        "Fewer than 30 days before the opening, or later: 100% of the contract total"]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_the_confirmation_renders_with_the_booth_marked_in_red(db, sales, signed, tmp_path):
    from PIL import Image

    out = tmp_path / "confirmation.pdf"
    render_contract_documents(contract_documents(db, signed, today=STATEMENT_DAY), out, ("confirmation",))
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(tmp_path / "page")], check=True, timeout=60)
    with Image.open(next(tmp_path.glob("page*.png"))) as image:
        assert image.size[0] < image.size[1]  # portrait
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    red = sum(count for count, (r, g, b) in colours if r > 170 and g < 90 and b < 100)
    assert red > 40  # the highlight around the booth on the plan
    white = sum(count for count, colour in colours if colour == (255, 255, 255))
    assert 1 - white / sum(count for count, _ in colours) > 0.05  # not a blank page
