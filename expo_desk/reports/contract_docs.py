"""The contract documents handed to an exhibitor: booth confirmation (展位确认书), contract
summary (合同摘要) and payment statement (付款对账单), on A4, in Chinese, English or both.

Drawn from ``ContractDocuments`` (plain data from ``services.contract_documents``), never
from the database. Several documents go into one file one after the other, each starting
on a new page with its own title in the header.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import ActionFlowable, Flowable, KeepTogether, Paragraph, Spacer, TableStyle

from expo_desk.reports.base import ACCENT, RULE, BaseReport, show_document_settings
from expo_desk.reports.contract_tables import (
    WARN,
    Stamp,
    Words,
    booth_price_table,
    booth_table,
    boxes,
    grid,
    instalment_table,
    key_values,
    lines_table,
    opening_head,
    payment_table,
    plain_table,
    signature_blocks,
    title_lines,
    total_row_style,
)
from expo_desk.reports.fonts import FONT
from expo_desk.reports.pack_plan import MarkedHallPlan
from expo_desk.reports.statement_parts import balance_words, conclusion_box, figure_boxes
from expo_desk.reports.texts import dates_text

if TYPE_CHECKING:
    from expo_desk.services.contract_documents import ContractDocuments

KINDS = ("confirmation", "summary", "statement")
TITLES = {
    "confirmation": ("展位确认书", "Booth Confirmation"),
    "summary": ("合同摘要", "Contract Summary"),
    "statement": ("付款对账单", "Payment Statement"),
}
class _StartDocument(ActionFlowable):
    """Starts the next document on a new page, with its title in the header from there on."""

    def __init__(self, report: ContractDocumentsReport, kind: str):
        super().__init__()
        self.report, self.kind = report, kind

    def apply(self, doc):
        zh, en = TITLES[self.kind]
        self.report.settings = replace(self.report.settings, title_zh=zh, title_en=en)
        doc.handle_pageBreak()


class ContractDocumentsReport(BaseReport):
    """One or more of the contract documents of one contract, A4 portrait."""

    def __init__(self, data: ContractDocuments, kinds: tuple[str, ...] = KINDS):
        unknown = [k for k in kinds if k not in KINDS]
        if unknown or not kinds:
            raise ValueError(f"document kinds must be among {', '.join(KINDS)}: {unknown or kinds}")
        super().__init__(show_document_settings(data, TITLES[kinds[0]], data.number))
        self.data, self.kinds = data, kinds
        self.words = Words(data.language, self.styles, data.currency_symbol)
        self.styles = self.words.styles
        self.styles["term"] = ParagraphStyle("term", parent=self.styles["cell"], leftIndent=5 * mm, bulletIndent=0,
                                             spaceBefore=1.5)
        self.styles["fascia"] = ParagraphStyle("fascia", parent=self.styles["title"], fontSize=14, leading=18,
                                               alignment=TA_CENTER, spaceAfter=0)
        self.width = self.frame_box()[2]

    def story(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        for i, kind in enumerate(self.kinds):
            if i:
                flowables.append(_StartDocument(self, kind))
            flowables += getattr(self, f"_{kind}")()
        return flowables

    # ---------------------------------------------------------------- shared parts

    def _opening(self, kind: str) -> list[Flowable]:
        """Title, number and dates, the draft or cancelled stamp, the show and both parties."""
        w, d = self.words, self.data
        facts = [("合同编号", "Contract no.", escape(d.number)), ("合同日期", "Contract date", d.contract_date),
                 ("状态", "Status", w.stacked(*d.status_name, style="value"))]
        if kind == "statement":
            facts.append(("对账日期", "Statement date", d.printed_on))
        out = opening_head(w, title_lines(w, TITLES[kind]), facts, self.width, 104 * mm,
                           key_width=(23 if self.language == "en" else 19) * mm)
        if d.status == "draft":
            out += [Stamp(w.say("草稿 · 尚未签约", "DRAFT · not signed yet", "  /  ")), Spacer(1, 3 * mm)]
        elif d.cancelled:
            out += [Stamp(w.say(f"合同已于 {d.cancelled_on} 取消", f"CANCELLED on {d.cancelled_on}", "  /  ")),
                    Spacer(1, 3 * mm)]
        return out + [self._parties(), Spacer(1, 1 * mm)]

    def _parties(self) -> Flowable:
        """The exhibitor beside the organizer and its show (name, venue, open, build-up and tear-down days)."""
        w, d, s = self.words, self.data, self.styles
        first, second = (d.exhibitor_name_en, d.exhibitor_name) if self.language == "en" else (
            d.exhibitor_name, d.exhibitor_name_en)
        exhibitor: list[Flowable] = [w.stacked("参展商", "Exhibitor", "key", 6.5),
                                     Paragraph(escape(first or second), s["name"])]
        if first and second and second != first:
            exhibitor.append(Paragraph(escape(second), s["note"]))
        contact = "  ".join(x for x in (d.contact_name, d.contact_phone or d.exhibitor_phone) if x)
        exhibitor += self._facts([("地址", "Address", d.exhibitor_address), ("联系人", "Contact", contact),
                                  ("邮箱", "Email", d.exhibitor_email)])
        organizer: list[Flowable] = [w.stacked("主办方", "Organizer", "key", 6.5),
                                     Paragraph(escape(self.settings.organizer), s["name"])]
        organizer += self._facts([("项目经理", "Account manager", d.manager_name)])
        if d.organizer:  # without an organizer's name the show's name stands for it, above
            organizer += [Spacer(1, 1.5 * mm), w.stacked(*d.show_name, style="value")]
        organizer += self._facts([
            ("场馆", "Venue", ", ".join(x for x in (d.venue, d.city) if x)),
            ("展期", "Open days", dates_text(*d.open_dates)),
            ("布展开始", "Build-up from", d.build_start or ""),
            ("撤展截止", "Tear-down until", d.teardown_end or "")])
        return boxes([exhibitor, organizer], self.width)

    def _facts(self, facts: list[tuple[str, str, str]]) -> list[Flowable]:
        """One "label: value" line per fact that has a value."""
        return [Paragraph(f"{escape(self.words.say(zh, en))}: {escape(value)}", self.styles["cell"])
                for zh, en, value in facts if value]

    # ---------------------------------------------------------------- booth confirmation

    def _confirmation(self) -> list[Flowable]:
        w, d = self.words, self.data
        out = self._opening("confirmation")
        out += [w.heading("展位", "Booths"), booth_table(w, d, self.width), Spacer(1, 2 * mm),
                booth_price_table(w, d, self.width)]
        out += [Spacer(1, 2 * mm), self._fascia_and_plan()]
        agreed = self.words.note("双方确认上述展位、价格及楣板文字。", "Both parties confirm the booths, prices and fascia text above.")
        party = self.settings.organizer
        exhibitor = (d.exhibitor_name_en or d.exhibitor_name) if self.language == "en" else d.exhibitor_name
        out.append(signature_blocks(w, [(("主办方", "Organizer"), party), (("参展商", "Exhibitor"), exhibitor)],
                                    self.width, intro=agreed))
        return out

    def _fascia_and_plan(self) -> Flowable:
        """The fascia text beside the small plan: one row, kept together."""
        left_w = 66 * mm
        right_w = self.width - left_w - 6 * mm
        row = plain_table([[self._fascia(left_w), "", self._plans(right_w)]], colWidths=[left_w, 6 * mm, right_w])
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        return row

    def _fascia(self, width: float) -> list[Flowable]:
        w, d = self.words, self.data
        out: list[Flowable] = [w.heading("楣板文字", "Fascia text")]
        if not any(b.booth_type == "shell" for b in d.booths):
            if d.booths:
                out.append(self.words.note("光地展位不设楣板，展台由展商委托的特装搭建商搭建。",
                                      "Raw space has no fascia board: the exhibitor's own builder builds the stand."))
            return out
        size = max(9.0, min(14.0, (width - 12) / max(stringWidth(d.fascia_text, FONT, 1), 1)))
        style = ParagraphStyle("fascia_fit", parent=self.styles["fascia"], fontSize=size, leading=size * 1.25)
        board = plain_table([[Paragraph(escape(d.fascia_text) or "&nbsp;", style)]], colWidths=[width])
        board.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, RULE), ("LINEABOVE", (0, 0), (-1, 0), 1.6, ACCENT),
                                   ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
        return out + [board, Spacer(1, 1.5 * mm),
                      self.words.note("标准展位楣板按此文字制作；如需修改，请于布展前告知项目经理。",
                                 "The shell-scheme fascia board is made with this text; tell your account manager "
                                 "before build-up if it needs a change.")]

    def _plans(self, width: float) -> list[Flowable]:
        w, d = self.words, self.data
        out: list[Flowable] = [w.heading("展位位置", "Booth location")]
        height = (42 if len(d.halls) == 1 else 34) * mm
        for marked in d.halls:
            hall = marked.hall
            name = w.say(hall.name or hall.code, f"Hall {hall.code}")
            caption = f"{name} · {w.say('标注展位', 'Marked')}: {', '.join(marked.marked)}"
            out += [Paragraph(escape(caption), self.styles["note"]), Spacer(1, 3 * mm),
                    MarkedHallPlan(marked.hall, marked.marked, self.language, width, height), Spacer(1, 1.5 * mm)]
        if not d.halls:
            out.append(self.words.note("此合同没有展位", "No booth on this contract"))
        return out

    # ---------------------------------------------------------------- contract summary

    def _summary(self) -> list[Flowable]:
        w = self.words
        out = self._opening("summary")
        out += [w.heading("合同明细", "Contract lines"), lines_table(w, self.data, self.width, self._approval())]
        out += self._schedule()
        out += self._terms()
        out += self._status()
        return out

    def _approval(self) -> Paragraph:
        d = self.data
        if d.discount_approved_by:
            when = f"（{d.discount_approved_on}）" if d.discount_approved_on else ""
            when_en = f" ({d.discount_approved_on})" if d.discount_approved_on else ""
            return self.words.note(f"批准人：{d.discount_approved_by}{when}", f"Approved by {d.discount_approved_by}{when_en}")
        if d.discount_waiting:
            return self.words.note("待部门经理批准", "Awaiting the department manager's approval")
        return self.words.note("在优惠审批线以内，无需审批", "Within the discount threshold: no approval needed")

    def _schedule(self) -> list[Flowable]:
        w, d = self.words, self.data
        out: list[Flowable] = [w.heading("付款计划", "Payment schedule")]
        if not d.instalments:
            if d.status == "draft":
                return out + [self.words.note("签约时生成付款计划。", "The payment schedule is made when the contract is signed.")]
            return out + [self.words.note("无应付款项。", "Nothing to pay.")]
        rows = [[w.stacked("款项", "Instalment", "head"), w.stacked("到期日", "Due date", "head"),
                 w.stacked("金额", "Amount", "head_right")]]
        for inst in d.instalments:
            rows.append([w.stacked(*inst.label), w.para(inst.due_on), self.words.money_cell(inst.amount_fen)])
        extra = total_row_style(len(rows))
        rows.append([w.stacked("合计", "Total", "total", 8), "",
                     self.words.money_cell(sum(i.amount_fen for i in d.instalments), "total_right")])
        return [KeepTogether(out + [grid(rows, [self.width - 76 * mm, 36 * mm, 40 * mm], extra=extra)])]

    def _terms(self) -> list[Flowable]:
        w, d = self.words, self.data
        opening = d.open_dates[0]
        when, when_en = (f"（{opening}）", f" ({opening})") if opening else ("", "")
        intro = w.stacked(f"退订费按取消日距开幕日{when}的天数计算：",
                          f"The cancellation fee depends on how many days before the opening{when_en} the contract "
                          "is cancelled:", "note")
        items: list[Flowable] = [w.heading("退订条款", "Cancellation terms"), intro]
        for i, (zh, en) in enumerate(d.cancellation_terms, start=1):
            items.append(Paragraph(w.markup(zh, en, 7.5), self.styles["term"], bulletText=f"{i}."))
        return [KeepTogether(items)]

    def _status(self) -> list[Flowable]:
        w, d = self.words, self.data
        facts = [("状态", "Status", escape(w.pair(d.status_name)))]
        if d.signed_on:
            facts.append(("签约日期", "Signed on", d.signed_on))
        facts += [("已付", "Paid", w.money(d.paid_fen)), *self._balance_fact()]
        if d.cancelled:
            facts += [("取消日期", "Cancelled on", d.cancelled_on or ""),
                      ("退订费", "Cancellation fee", w.money(d.cancellation_fee_fen))]
            if d.cancel_reason[0]:
                facts.append(("取消原因", "Reason", escape(w.pair(d.cancel_reason))))
        return [KeepTogether([w.heading("合同状态", "Status"), key_values(w, facts, self.width)])]

    def _balance_fact(self) -> list[tuple[str, str, str]]:
        w, d = self.words, self.data
        if d.balance_fen < 0:
            return [("应退款", "Refund owed", w.money(d.refund_owed_fen))]
        return [("余额", "Balance due", w.money(d.balance_fen))]

    # ---------------------------------------------------------------- payment statement

    def _statement(self) -> list[Flowable]:
        w = self.words
        out = self._opening("statement")
        out += [self._figures(), Spacer(1, 1 * mm)]
        out += [w.heading("付款计划", "Instalments"), instalment_table(w, self.data, self.width)]
        out += [w.heading("收付款记录", "Payments and refunds"), payment_table(w, self.data, self.width)]
        out += [Spacer(1, 3 * mm), self._conclusion()]
        return out

    def _figures(self) -> Flowable:
        w, d = self.words, self.data
        if d.cancelled:
            cells = [(("退订费", "Cancellation fee"), d.cancellation_fee_fen, ACCENT), (("已付", "Paid"), d.paid_fen, ACCENT)]
        else:
            cells = [(("合同总额", "Contract total"), d.total_fen, ACCENT), (("已付", "Paid"), d.paid_fen, ACCENT),
                     (("逾期", "Overdue"), d.overdue_fen, WARN if d.overdue_fen else ACCENT)]
        if d.balance_fen < 0:
            cells.append((("应退款", "Refund owed"), d.refund_owed_fen, WARN))
        else:
            cells.append((("余额", "Balance due"), d.balance_fen, WARN if d.balance_fen and d.overdue_fen else ACCENT))
        return figure_boxes(w, cells, self.width)

    def _conclusion(self) -> Flowable:
        w, d = self.words, self.data
        if d.cancelled:
            reason = f"（{d.cancel_reason[0]}）" if d.cancel_reason[0] else ""
            reason_en = f" ({d.cancel_reason[1]})" if d.cancel_reason[1] else ""
            zh = (f"本合同已于 {d.cancelled_on} 取消{reason}。按退订条款收取退订费 {w.money(d.cancellation_fee_fen)}，"
                  f"已付 {w.money(d.paid_fen)}。")
            en = (f"This contract was cancelled on {d.cancelled_on}{reason_en}. Under the cancellation terms the fee "
                  f"is {w.money(d.cancellation_fee_fen)}; {w.money(d.paid_fen)} has been paid.")
            if d.refund_owed_fen:
                zh += f"主办方应退还展商 {w.money(d.refund_owed_fen)}。"
                en += f" The organizer owes the exhibitor a refund of {w.money(d.refund_owed_fen)}."
            elif d.still_owed_fen:
                zh += f"展商尚需支付 {w.money(d.still_owed_fen)}。"
                en += f" The exhibitor still owes {w.money(d.still_owed_fen)}."
            else:
                zh += "账目已结清。"
                en += " The account is settled."
        else:
            zh, en = balance_words(w, d.balance_fen, d.overdue_fen, d.number, f"contract {d.number}")
        text = Paragraph(escape(w.say(zh, en, "<br/>")).replace("&lt;br/&gt;", "<br/>"), self.styles["value"])
        return conclusion_box(text, self.width, ACCENT)


def render_contract_documents(data: ContractDocuments, out, kinds: tuple[str, ...] = KINDS) -> None:
    """Write the chosen documents of one contract, in this order, to a path or a binary file object."""
    ContractDocumentsReport(data, kinds).render(out)


__all__ = ["KINDS", "TITLES", "ContractDocumentsReport", "render_contract_documents"]
