"""Building blocks of the contract documents: words in the document's language, money,
and the tables, boxes and signature blocks the three documents share.

In a bilingual document a label is stacked — Chinese, and the English under it in a
smaller grey line — so a narrow column stays readable; running text is "中文 / English".
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from expo_desk.domain.money import format_fen
from expo_desk.reports.base import ACCENT, INK, MUTED, RULE, label
from expo_desk.reports.fonts import FONT

if TYPE_CHECKING:
    from expo_desk.services.contract_documents import ContractDocuments, DocumentInstalment

GROUPS = (
    (("booth", "premium"), ("展位及价格调整", "Booths and price adjustments")),
    (("service",), ("服务", "Services")),
    (("discount",), ("优惠", "Discount")),
    (("fee",), ("费用", "Fees")),
)
HEAD_FILL = colors.HexColor("#e9eff7")
BAND_FILL = colors.HexColor("#f4f6f9")
TOTAL_FILL = colors.HexColor("#dde7f3")
WARN = colors.HexColor("#b42318")
GOOD = colors.HexColor("#1e7b45")


def cell_styles(body: ParagraphStyle) -> dict[str, ParagraphStyle]:
    """Table cell styles derived from the report's body style."""
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.8)
    return {
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=cell, fontSize=8, leading=10, textColor=ACCENT),
        "head_right": ParagraphStyle("head_right", parent=cell, fontSize=8, leading=10, textColor=ACCENT,
                                     alignment=TA_RIGHT),
        "key": ParagraphStyle("key", parent=cell, fontSize=8, leading=10, textColor=MUTED),
        "value": ParagraphStyle("value", parent=cell, fontSize=9, leading=11.5),
        "name": ParagraphStyle("name", parent=cell, fontSize=11.5, leading=14.5),
        "total": ParagraphStyle("total", parent=cell, fontSize=10.5, leading=13, textColor=ACCENT),
        "total_right": ParagraphStyle("total_right", parent=cell, fontSize=10.5, leading=13, textColor=ACCENT,
                                      alignment=TA_RIGHT),
        "note": ParagraphStyle("note", parent=cell, fontSize=8, leading=10.5, textColor=MUTED),
        "heading": ParagraphStyle("doc_heading", parent=body, fontSize=12, leading=15, textColor=ACCENT,
                                  spaceBefore=7, spaceAfter=3),
    }


class Words:
    """What a document says, in its language, with money in its currency."""

    def __init__(self, language: str, styles: dict[str, ParagraphStyle], currency_symbol: str = "¥"):
        self.language = language
        self.styles = {**styles, **cell_styles(styles["body"])}
        self.symbol = currency_symbol

    def say(self, zh: str, en: str, sep: str = " / ") -> str:
        """Running text: one language, or both joined."""
        return label(self.language, zh, en, sep)

    def pair(self, pair: tuple[str, str], sep: str = " / ") -> str:
        return self.say(pair[0], pair[1], sep)

    def money(self, fen: int) -> str:
        return format_fen(fen, self.symbol)

    def markup(self, zh: str, en: str, size: float = 7) -> str:
        """Paragraph markup: stacked in a bilingual document, the English smaller and grey."""
        zh, en = escape(zh), escape(en)
        if self.language == "zh":
            return zh
        if self.language == "en" or zh == en:
            return en
        return f"{zh}<br/><font size='{size}' color='{MUTED.hexval()}'>{en}</font>"

    def stacked(self, zh: str, en: str, style: str = "cell", size: float = 7) -> Paragraph:
        return Paragraph(self.markup(zh, en, size), self.styles[style])

    def para(self, text: str, style: str = "cell") -> Paragraph:
        return Paragraph(escape(text), self.styles[style])

    def note(self, zh: str, en: str) -> Paragraph:
        return Paragraph(escape(self.say(zh, en)), self.styles["note"])

    def money_cell(self, fen: int, style: str = "cell_right") -> Paragraph:
        return Paragraph(self.money(fen), self.styles[style])

    def heading(self, zh: str, en: str) -> Paragraph:
        return Paragraph(escape(self.say(zh, en)), self.styles["heading"])


# ---------------------------------------------------------------- tables


def plain_table(rows: list[list], **kwargs) -> Table:
    """A Table whose every cell starts in the bundled font, the empty ones too: otherwise
    ReportLab writes Helvetica for them, which is not embedded in the file."""
    table = Table(rows, **kwargs)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5)]))
    return table


def grid(rows: list[list], widths: list[float], *, header: bool = True, extra: list | None = None,
         repeat: bool = True) -> Table:
    """A ruled table: a tinted header row, hairlines between rows, numbers right-aligned by their cells."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header and repeat else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.8),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL), ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT)]
    table.setStyle(TableStyle(style + (extra or [])))
    return table


def total_row_style(row: int) -> list:
    """The emphasised total line of a table."""
    return [("BACKGROUND", (0, row), (-1, row), TOTAL_FILL), ("LINEABOVE", (0, row), (-1, row), 0.8, ACCENT),
            ("LINEBELOW", (0, row), (-1, row), 0.8, ACCENT)]


def band_row_style(row: int) -> list:
    """A group's title line across the whole table."""
    return [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), BAND_FILL)]


def subtotal_row_style(row: int) -> list:
    return [("LINEABOVE", (0, row), (-1, row), 0.5, MUTED)]


def key_values(words: Words, pairs: list[tuple[str, str, str | Flowable]], width: float, columns: int = 2,
               key_width: float | None = None) -> Table:
    """Label–value pairs laid out in ``columns`` column pairs, read left to right; a value is
    paragraph markup or a flowable."""
    key_w = key_width or (27 * mm if words.language != "en" else 30 * mm)
    value_w = width / columns - key_w
    cells = [[words.stacked(zh, en, "key", 6.5),
              value if isinstance(value, Flowable) else Paragraph(value, words.styles["value"])]
             for zh, en, value in pairs]
    rows = []
    for start in range(0, len(cells), columns):
        row = []
        for pair in cells[start:start + columns]:
            row += pair
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    table = Table(rows, colWidths=[key_w, value_w] * columns)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),  # empty cells too: no unembedded base font in the file
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def title_lines(w: Words, title: tuple[str, str]) -> list[Flowable]:
    """A document's title in its language; in a bilingual one the English under it, smaller."""
    zh, en = title
    lines: list[Flowable] = [Paragraph(escape(en if w.language == "en" else zh), w.styles["title"])]
    if w.language == "both":
        lines.append(Paragraph(escape(en), w.styles["heading"]))
    return lines


def opening_head(w: Words, title: list[Flowable], facts: list, width: float, facts_width: float,
                 **key_value_options) -> list[Flowable]:
    """A document's head: its title beside its key facts, ruled off below."""
    head = plain_table([[title, key_values(w, facts, facts_width, **key_value_options)]],
                       colWidths=[width - facts_width, facts_width])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [head, HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=3, spaceAfter=5)]


def boxes(cells: list[list[Flowable]], width: float, gap: float = 5 * mm) -> Table:
    """Framed boxes side by side, each holding a few flowables (the two parties, the key figures)."""
    count = len(cells)
    box_w = (width - gap * (count - 1)) / count
    row: list = []
    widths: list[float] = []
    style = [("FONT", (0, 0), (-1, -1), FONT, 8.5), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("TOPPADDING", (0, 0), (-1, -1), 5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (0, 0), (-1, -1), 6),
             ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
    for i, content in enumerate(cells):
        if i:
            row.append("")
            widths.append(gap)
            style.append(("LEFTPADDING", (2 * i - 1, 0), (2 * i - 1, 0), 0))
        col = 2 * i
        row.append(content)
        widths.append(box_w)
        style += [("BOX", (col, 0), (col, 0), 0.6, RULE), ("LINEABOVE", (col, 0), (col, 0), 1.6, ACCENT)]
    table = Table([row], colWidths=widths)
    table.setStyle(TableStyle(style))
    return table


def signature_blocks(words: Words, parties: list[tuple[tuple[str, str], str]], width: float,
                     intro: Flowable | None = None) -> Flowable:
    """One block per party: who signs, a line for the signature and stamp, a line for the date;
    ``intro`` (what the parties confirm) stays on the same page."""
    cells = []
    for (zh, en), name in parties:
        cells.append([
            words.stacked(zh, en, "key", 6.5),
            Paragraph(escape(name) or "&nbsp;", words.styles["value"]),
            Spacer(1, 11 * mm),
            _SignLines([(words.say("签字（盖章）", "Signature (and stamp)"), 0.62), (words.say("日期", "Date"), 0.32)]),
        ])
    return KeepTogether([Spacer(1, 1.5 * mm), *([intro] if intro else []), Spacer(1, 1.5 * mm),
                         boxes(cells, width, gap=10 * mm)])


class _SignLines(Flowable):
    """Lines to write on side by side (signature, date), each with its caption under it;
    each takes its share of the width, the rest is the gap between them."""

    def __init__(self, lines: list[tuple[str, float]]):
        super().__init__()
        self.lines = lines

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, 5 * mm
        return self.width, self.height

    def draw(self):
        c = self.canv
        gap = self.width * (1 - sum(share for _, share in self.lines)) / max(len(self.lines) - 1, 1)
        x = 0.0
        for caption, share in self.lines:
            length = self.width * share
            c.setStrokeColor(INK)
            c.setLineWidth(0.5)
            c.line(x, self.height - 0.5 * mm, x + length, self.height - 0.5 * mm)
            c.setFillColor(MUTED)
            c.setFont(FONT, 7)
            c.drawString(x, self.height - 3.6 * mm, caption)
            x += length + gap


class Stamp(Flowable):
    """A framed word across the width (DRAFT, CANCELLED) that no reader can miss."""

    def __init__(self, text: str, color=WARN, size: float = 11):
        super().__init__()
        self.text, self.color, self.size = text, color, size

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, self.size + 9
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(self.color)
        c.setLineWidth(1.2)
        c.rect(0, 1, self.width, self.height - 3, stroke=1, fill=0)
        c.setFillColor(self.color)
        c.setFont(FONT, self.size)
        c.drawCentredString(self.width / 2, 1 + (self.height - 3) / 2 - self.size * 0.36, self.text)


# ---------------------------------------------------------------- the documents' tables


def booth_table(w: Words, d: ContractDocuments, width: float) -> Flowable:
    """The booths: number, hall, size, area, type, open sides and price."""
    heads = [("展位号", "Booth"), ("展馆", "Hall"), ("尺寸", "Size"), ("面积", "Area"), ("类型", "Type"),
             ("开口", "Open sides"), ("价格", "Price")]
    rows = [[w.stacked(zh, en, "head_right" if en == "Price" else "head") for zh, en in heads]]
    for b in d.booths:
        rows.append([w.para(b.number), w.stacked(b.hall_name or b.hall_code, f"Hall {b.hall_code}"),
                     w.para(f"{b.width_cm / 100:g} × {b.depth_cm / 100:g} m"), w.para(f"{b.area_m2} m²"),
                     w.stacked(*b.type_name), w.stacked(*b.open_sides), w.money_cell(b.price_fen)])
    if not d.booths:
        rows.append([w.note("此合同没有展位", "No booth on this contract")] + [""] * 6)
    widths = [22 * mm, 30 * mm, 24 * mm, 18 * mm, 26 * mm, 26 * mm]
    return grid(rows, widths + [width - sum(widths)],
                extra=[] if d.booths else [("SPAN", (0, 1), (-1, 1))])


def booth_price_table(w: Words, d: ContractDocuments, width: float) -> Flowable:
    """Each booth line and price-rule adjustment, the booths' total and the contract total."""
    rows = [[w.stacked("价格明细", "Price details", "head"), w.stacked("金额", "Amount", "head_right")]]
    for line in d.lines:
        if line.kind in ("booth", "premium"):
            rows.append([w.stacked(*line.text), w.money_cell(line.amount_fen)])
    extra = subtotal_row_style(len(rows))
    rows.append([w.stacked("展位费合计", "Booths total"), w.money_cell(d.totals.booth_price_fen)])
    rest = d.total_fen - d.totals.booth_price_fen
    if rest:
        rows.append([w.stacked("服务、优惠及费用（见合同摘要）", "Services, discount and fees (see the contract summary)"),
                     w.money_cell(rest)])
    extra += total_row_style(len(rows))
    rows.append([w.stacked("合同总额", "Contract total", "total", 8), w.money_cell(d.total_fen, "total_right")])
    return grid(rows, [width - 40 * mm, 40 * mm], extra=extra)


def lines_table(w: Words, d: ContractDocuments, width: float, approval: Flowable) -> Flowable:
    """Every line grouped (booths, services, discount with ``approval`` under it, fees), subtotals and the total."""
    rows = [[w.stacked("项目", "Item", "head"), w.stacked("数量", "Qty", "head_right"),
             w.stacked("单价", "Unit price", "head_right"), w.stacked("金额", "Amount", "head_right")]]
    extra: list = []
    for kinds, (zh, en) in GROUPS:
        lines = [ln for ln in d.lines if ln.kind in kinds]
        if not lines:
            continue
        extra += band_row_style(len(rows))
        rows.append([w.stacked(zh, en, "head")] + [""] * 3)
        for ln in lines:
            priced = ln.kind == "service"
            rows.append([w.stacked(*ln.text), w.para(f"{ln.quantity:,}" if priced else "", "cell_right"),
                         Paragraph(w.money(ln.unit_price_fen) if priced else "", w.styles["cell_right"]),
                         w.money_cell(ln.amount_fen)])
        if "discount" in kinds:
            rows.append([approval, "", "", ""])
            extra.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        extra += subtotal_row_style(len(rows))
        rows.append([w.stacked("小计", "Subtotal"), "", "", w.money_cell(sum(ln.amount_fen for ln in lines))])
    if len(rows) == 1:
        rows.append([w.note("此合同尚无项目", "Nothing on this contract yet"), "", "", ""])
    extra += total_row_style(len(rows))
    rows.append([w.stacked("合同总额", "Contract total", "total", 8), "", "",
                 w.money_cell(d.total_fen, "total_right")])
    table = grid(rows, [width - 84 * mm, 16 * mm, 32 * mm, 36 * mm], extra=extra)
    if d.edited_after_signing and d.signed_total_fen is not None:
        note = w.note(f"签约后合同有修改；签约时金额 {w.money(d.signed_total_fen)}。",
                          f"Changed after signing; the total at signing was {w.money(d.signed_total_fen)}.")
        return KeepTogether([table, Spacer(1, 1 * mm), note])
    return table


def instalment_table(w: Words, d: ContractDocuments, width: float) -> Flowable:
    """Each instalment with what is paid, what is outstanding and whether it is overdue."""
    heads = [("款项", "Instalment"), ("到期日", "Due date"), ("金额", "Amount"), ("已付", "Paid"),
             ("未付", "Outstanding"), ("状态", "State")]
    rows = [[w.stacked(zh, en, "head" if i in (0, 1, 5) else "head_right") for i, (zh, en) in enumerate(heads)]]
    for inst in d.instalments:
        rows.append([w.stacked(*inst.label), w.para(inst.due_on), w.money_cell(inst.amount_fen),
                     w.money_cell(inst.paid_fen), w.money_cell(inst.outstanding_fen),
                     _instalment_state(w, inst)])
    if not d.instalments:
        rows.append([w.note("暂无应付款项（签约后生成付款计划）", "No instalment yet (made when the contract is signed)")]
                    + [""] * 5)
        return grid(rows, _instalment_widths(width), extra=[("SPAN", (0, 1), (-1, 1))])
    extra = total_row_style(len(rows))
    rows.append([w.stacked("合计", "Total", "total", 8), "",
                 w.money_cell(sum(i.amount_fen for i in d.instalments), "total_right"),
                 w.money_cell(sum(i.paid_fen for i in d.instalments), "total_right"),
                 w.money_cell(sum(i.outstanding_fen for i in d.instalments), "total_right"), ""])
    return grid(rows, _instalment_widths(width), extra=extra)


def _instalment_widths(width: float) -> list[float]:
    widths = [24 * mm, 27 * mm, 27 * mm, 27 * mm, 33 * mm]
    return [width - sum(widths)] + widths


def _instalment_state(w: Words, inst: DocumentInstalment) -> Paragraph:
    if inst.overdue:
        zh, en, color = f"逾期 {inst.days_overdue} 天", f"{inst.days_overdue} days overdue", WARN
    elif inst.outstanding_fen == 0:
        zh, en, color = "已付清", "Paid", GOOD
    elif inst.paid_fen:
        zh, en, color = "部分已付", "Part-paid", MUTED
    else:
        zh, en, color = "未到期", "Not yet due", MUTED
    return Paragraph(f"<font color='{color.hexval()}'>{w.markup(zh, en)}</font>", w.styles["cell"])


def payment_table(w: Words, d: ContractDocuments, width: float) -> Flowable:
    """Payments and refunds (negative, with their reason) and the total paid."""
    heads = [("日期", "Date"), ("方式", "Method"), ("凭证号", "Reference"), ("说明", "Note"), ("金额", "Amount")]
    rows = [[w.stacked(zh, en, "head_right" if en == "Amount" else "head") for zh, en in heads]]
    widths = [24 * mm, 30 * mm, 36 * mm, 0, 34 * mm]
    widths[3] = width - sum(widths)
    if not d.payments:
        rows.append([w.note("尚无收付款记录", "No payment recorded yet")] + [""] * 4)
        return grid(rows, widths, extra=[("SPAN", (0, 1), (-1, 1))])
    for p in d.payments:
        zh, en = p.reason
        note = w.stacked(f"退款：{zh}", f"Refund: {en}") if p.amount_fen < 0 else w.stacked(zh, en)
        amount = Paragraph(f"<font color='{WARN.hexval()}'>{w.money(p.amount_fen)}</font>"
                           if p.amount_fen < 0 else w.money(p.amount_fen), w.styles["cell_right"])
        rows.append([w.para(p.paid_on), w.stacked(*p.method), w.para(p.reference), note, amount])
    extra = total_row_style(len(rows))
    rows.append([w.stacked("已付合计", "Total paid", "total", 8), "", "", "", w.money_cell(d.paid_fen, "total_right")])
    return grid(rows, widths, extra=extra)


__all__ = ["Stamp", "Words", "booth_price_table", "booth_table", "boxes", "grid", "instalment_table", "key_values",
           "lines_table", "payment_table", "signature_blocks"]
