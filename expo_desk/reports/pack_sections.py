"""The sections of the exhibitor pack after its cover: welcome, the booth with its plan,
build-up and tear-down, services and fascia, the payment statement, badges, venue rules
and contacts. Each returns flowables; ``reports.exhibitor_pack`` puts them in order.

Tables come from ``reports.contract_tables`` (the payment statement's instalments and
payments are the contract documents' own tables), so every font stays embedded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus.flowables import HRFlowable

from expo_desk.reports.base import ACCENT, MUTED, RULE
from expo_desk.reports.contract_tables import (
    WARN,
    Words,
    boxes,
    grid,
    instalment_table,
    payment_table,
    plain_table,
    total_row_style,
)
from expo_desk.reports.fonts import FONT
from expo_desk.reports.pack_plan import hall_plans
from expo_desk.reports.statement_parts import balance_words, conclusion_box, figure_boxes
from expo_desk.reports.texts import dates_text

if TYPE_CHECKING:
    from expo_desk.services.pack_data import PackData

Pair = tuple[str, str]
SECOND_LANGUAGE = colors.HexColor("#52606d")  # the English of a bilingual text, a step quieter
BULLET = re.compile(r"^\s*(?:[-•·*]\s+|(\d{1,2})[.、)）]\s*|[（(](\d{1,2})[)）]\s*)")


class PackSections:
    """Builds each section of one pack from its data, in the pack's language."""

    def __init__(self, data: PackData, words: Words, width: float):
        self.data, self.w, self.width = data, words, width
        self.language = data.language
        s = words.styles
        s["section"] = ParagraphStyle("section", parent=s["body"], fontSize=15, leading=19, textColor=ACCENT,
                                      spaceBefore=4, spaceAfter=1)
        s["section_en"] = ParagraphStyle("section_en", parent=s["body"], fontSize=9, leading=11, textColor=MUTED)
        s["text"] = ParagraphStyle("text", parent=s["body"], fontSize=9.5, leading=14, spaceAfter=2.5)
        s["text_en"] = ParagraphStyle("text_en", parent=s["text"], fontSize=8.5, leading=12, textColor=SECOND_LANGUAGE)
        s["item"] = ParagraphStyle("item", parent=s["text"], leftIndent=6 * mm, bulletIndent=1 * mm, spaceAfter=1.5)
        s["item_en"] = ParagraphStyle("item_en", parent=s["text_en"], leftIndent=6 * mm, bulletIndent=1 * mm,
                                      spaceAfter=1.5)
        s["text_pair"] = ParagraphStyle("text_pair", parent=s["text"], leading=13, spaceAfter=3.5)
        s["item_pair"] = ParagraphStyle("item_pair", parent=s["item"], leading=13, spaceAfter=3)
        s["sign_off"] = ParagraphStyle("sign_off", parent=s["text"], alignment=TA_RIGHT, textColor=MUTED, spaceBefore=2)
        s["fascia"] = ParagraphStyle("pack_fascia", parent=s["title"], alignment=TA_CENTER, spaceAfter=0)
        self.styles = s

    # ---------------------------------------------------------------- shared pieces

    def section(self, number: int, zh: str, en: str, *first: Flowable, room: float = 0) -> list[Flowable]:
        """A numbered section title (Chinese large with the English under it, or one language),
        kept on one page with the ``first`` flowables of the section (none of them a KeepTogether:
        nested, ReportLab would break the page before them); on a new page when less than
        ``room`` is left."""
        title = en if self.language == "en" else zh
        out: list[Flowable] = [Paragraph(f"{number}&nbsp;&nbsp;{escape(title)}", self.styles["section"])]
        if self.language == "both":
            out.append(Paragraph(escape(en), self.styles["section_en"]))
        out.append(HRFlowable(width="100%", thickness=0.9, color=ACCENT, spaceBefore=2, spaceAfter=5))
        return ([CondPageBreak(room)] if room else []) + [KeepTogether(out + list(first))]

    def text(self, pair: Pair) -> list[Flowable]:
        """A show text in the pack's language, a paragraph or list item per line. In both
        languages the English goes under each Chinese line when their lines pair up, else after
        the Chinese; a text missing in one language is given in the other."""
        zh, en = (part.strip() for part in pair)
        if self.language != "both" or not zh or not en or zh == en:
            chosen = (en or zh) if self.language == "en" else (zh or en)
            return [self._paragraph(line) for line in _filled(chosen)]
        zh_lines, en_lines = _filled(zh), _filled(en)
        if len(zh_lines) == len(en_lines):
            return [self._paragraph(z, e) for z, e in zip(zh_lines, en_lines, strict=True)]
        return [self._paragraph(z) for z in zh_lines] + [self._paragraph(e, quiet=True) for e in en_lines]

    def _paragraph(self, line: str, second: str | None = None, quiet: bool = False) -> Paragraph:
        """One line of a text: a list item when it starts like one ("- ", "1.", "（1）"), the
        ``second`` language under it in a smaller, quieter line."""
        bullet, body = _bullet(line)
        markup = escape(body)
        if second is not None:
            markup += (f"<br/><font size='{self.styles['text_en'].fontSize}' "
                       f"color='{SECOND_LANGUAGE.hexval()}'>{escape(_bullet(second)[1])}</font>")
        style = ("item" if bullet else "text") + ("_en" if quiet else "")
        if second is not None:
            style = "item_pair" if bullet else "text_pair"
        return Paragraph(markup, self.styles[style], bulletText=bullet)

    def hall_name(self, code: str, name: str) -> Pair:
        return (name or code, f"Hall {code}")

    def unknown_date(self) -> str:
        return self.w.say("另行通知", "to be announced")

    def organizer(self) -> str:
        """The organizer's name; the show's, in the pack's language, when none is set."""
        d = self.data
        return d.organizer or (d.show_name[1] if self.language == "en" else d.show_name[0])

    def exhibitor_name(self) -> str:
        d = self.data
        if self.language == "en":
            return d.exhibitor_name_en or d.exhibitor_name
        if self.language == "both" and d.exhibitor_name_en and d.exhibitor_name_en != d.exhibitor_name:
            return f"{d.exhibitor_name} / {d.exhibitor_name_en}"
        return d.exhibitor_name

    # ---------------------------------------------------------------- 1 welcome

    def welcome(self, number: int) -> list[Flowable]:
        d = self.data
        text = self.text(d.text("welcome"))
        if not text:
            return []
        sign_off = Paragraph(escape(self.organizer()), self.styles["sign_off"])
        return self.section(number, "欢迎参展", "Welcome", *text[:1]) + text[1:] + [sign_off]

    # ---------------------------------------------------------------- 2 the booth

    def booth(self, number: int) -> list[Flowable]:
        out = self.section(number, "您的展位", "Your booth", self.booth_table())
        for marked in self.data.halls:
            out += [Spacer(1, 4 * mm), *hall_plans(self.w, marked, self.width)]
        return out

    def booth_table(self) -> Flowable:
        w, d = self.w, self.data
        several = len(d.statements) > 1
        heads = [("展位号", "Booth"), ("展馆", "Hall"), ("尺寸", "Size"), ("面积", "Area"), ("类型", "Type"),
                 ("开口", "Open sides")] + ([("合同", "Contract")] if several else [])
        rows = [[w.stacked(zh, en, "head") for zh, en in heads]]
        for b in d.booths:
            rows.append([w.para(b.number, "value"), w.stacked(*self.hall_name(b.hall_code, b.hall_name)),
                         w.para(f"{b.width_cm / 100:g} × {b.depth_cm / 100:g} m"), w.para(f"{b.area_m2} m²"),
                         w.stacked(*b.type_name), w.stacked(b.open_sides[0], _capital(b.open_sides[1]))]
                        + ([w.para(b.contract_number)] if several else []))
        widths = [24 * mm, 30 * mm, 26 * mm, 20 * mm, 28 * mm] + ([30 * mm] if several else [])
        widths.insert(5, self.width - sum(widths))
        total = sum(_area(b.area_m2) for b in d.booths)
        extra: list = []
        if len(d.booths) > 1:
            extra = total_row_style(len(rows))
            rows.append([w.stacked("合计", "Total", "total", 8), w.para(""), w.para(""),
                         w.para(f"{total:g} m²", "total"), w.para(""), w.para("")] + ([w.para("")] if several else []))
        return grid(rows, widths, extra=extra)

    # ---------------------------------------------------------------- 3 build-up and tear-down

    def build_and_tear_down(self, number: int) -> list[Flowable]:
        w, d = self.w, self.data
        rows = [[w.stacked("阶段", "Stage", "head"), w.stacked("日期", "Dates", "head")]]
        for zh, en, period in (("布展（进场搭建）", "Build-up (move-in)", d.build_up),
                               ("展期（对观众开放）", "Open days (open to visitors)", d.open_days),
                               ("撤展（闭幕后）", "Tear-down (after closing)", d.tear_down)):
            rows.append([w.stacked(zh, en, "value"), w.para(dates_text(*period, self.unknown_date()), "value")])
        out = self.section(number, "布展与撤展", "Build-up and tear-down", grid(rows, [self.width - 80 * mm, 80 * mm]))
        out.append(Spacer(1, 3 * mm))
        for key, zh, en in (("build_up", "布展须知", "Build-up"), ("tear_down", "撤展须知", "Tear-down")):
            text = self.text(d.text(key))
            if text:
                out += [KeepTogether([w.heading(zh, en), *text[:1]]), *text[1:]]
        raw = ", ".join(b.number for b in d.booths if b.booth_type == "raw")
        if raw:  # the general text speaks of custom builds; this exhibitor must arrange one
            out += [Spacer(1, 2 * mm), w.note(
                f"您的展位 {raw} 为光地：请委托特装搭建商搭建，并在布展前将搭建图纸报主办方审核。",
                f"Your booth {raw} is raw space: have it built by a stand builder of your choice, and have the "
                "drawings approved by the organizer before build-up.")]
        return out

    # ---------------------------------------------------------------- 4 services and fascia

    def services(self, number: int) -> list[Flowable]:
        w, d = self.w, self.data
        first = self.service_table() if d.services else w.note(
            "未订购额外服务。如需加电、家具等，请联系项目经理。",
            "No extra services ordered. For extra power, furniture and more, ask your account manager.")
        return self.section(number, "已订服务与楣板", "Services ordered and fascia", first) + self.fascia()

    def service_table(self) -> Flowable:
        w, d = self.w, self.data
        rows = [[w.stacked("服务项目", "Service", "head"), w.stacked("展位", "Booth", "head"),
                 w.stacked("数量", "Qty", "head_right"), w.stacked("单价", "Unit price", "head_right"),
                 w.stacked("金额", "Amount", "head_right")]]
        for s in d.services:
            quantity = f"{s.quantity:,}" + (f" {s.unit}" if s.unit and self.language != "en" else "")
            rows.append([w.stacked(*s.name), w.para(s.booth_number or "—"), w.para(quantity, "cell_right"),
                         w.money_cell(s.unit_price_fen), w.money_cell(s.amount_fen)])
        extra = total_row_style(len(rows))
        rows.append([w.stacked("服务合计", "Services total", "total", 8), "", "", "",
                     w.money_cell(sum(s.amount_fen for s in d.services), "total_right")])
        widths = [22 * mm, 22 * mm, 30 * mm, 32 * mm]
        return grid(rows, [self.width - sum(widths), *widths], extra=extra)

    def fascia(self) -> list[Flowable]:
        w, d = self.w, self.data
        out: list[Flowable] = [w.heading("楣板文字", "Fascia text")]
        if not d.fascias:
            return out + [w.note("光地展位不设楣板，展台由您委托的特装搭建商搭建。",
                                 "Raw space has no fascia board: your own builder builds the stand.")]
        width = 120 * mm
        for fascia in d.fascias:
            text = fascia.text.strip()
            size = max(10.0, min(20.0, (width - 16) / max(stringWidth(text, FONT, 1), 1)))
            style = ParagraphStyle("fascia_fit", parent=self.styles["fascia"], fontSize=size, leading=size * 1.25,
                                   textColor=ACCENT if text else MUTED)
            shown = escape(text) if text else escape(w.say("（尚未提供楣板文字）", "(no fascia text given yet)"))
            board = plain_table([[Paragraph(shown, style)]], colWidths=[width])
            board.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, RULE),
                                       ("LINEABOVE", (0, 0), (-1, 0), 2, ACCENT),
                                       ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
            label = w.say("展位", "Booths") + ": " + ", ".join(fascia.booth_numbers)
            out += [KeepTogether([w.para(label, "note"), Spacer(1, 1.5 * mm), board]), Spacer(1, 2 * mm)]
        out.append(w.note("标准展位楣板按此文字制作；如需修改，请于布展前告知项目经理。",
                          "The shell-scheme fascia board is made with this text; tell your account manager before "
                          "build-up if it needs a change."))
        return out

    # ---------------------------------------------------------------- 5 payment statement

    def payments(self, number: int) -> list[Flowable]:
        w, d = self.w, self.data
        out = self.section(number, "付款情况", "Payment statement", self.figures(), Spacer(1, 1 * mm),
                           w.note(f"截至 {d.printed_on}", f"As of {d.printed_on}"), room=110 * mm)
        for docs in d.statements:
            title = w.say(f"合同 {docs.number}", f"Contract {docs.number}") + " · " + w.pair(docs.status_name)
            out += [KeepTogether([Paragraph(escape(title), w.styles["heading"]),
                                  w.stacked("付款计划", "Instalments", "key", 6.5), Spacer(1, 1 * mm),
                                  instalment_table(w, docs, self.width)]),
                    Spacer(1, 2 * mm),
                    KeepTogether([w.stacked("收付款记录", "Payments and refunds", "key", 6.5), Spacer(1, 1 * mm),
                                  payment_table(w, docs, self.width)])]
        out += [Spacer(1, 3 * mm), self.conclusion()]
        return out

    def figures(self) -> Flowable:
        w, d = self.w, self.data
        cells = [(("合同总额", "Contract total"), d.total_fen, ACCENT), (("已付", "Paid"), d.paid_fen, ACCENT),
                 (("逾期未付", "Overdue"), d.overdue_fen, WARN if d.overdue_fen else ACCENT)]
        if d.balance_fen < 0:
            cells.append((("应退款", "Refund owed"), -d.balance_fen, WARN))
        else:
            cells.append((("余额", "Balance due"), d.balance_fen, WARN if d.overdue_fen else ACCENT))
        return figure_boxes(w, cells, self.width)

    def conclusion(self) -> Flowable:
        w, d = self.w, self.data
        numbers = ", ".join(s.number for s in d.statements)
        zh, en = balance_words(w, d.balance_fen, d.overdue_fen, numbers, numbers)
        text = escape(w.say(zh, en, "\n")).replace("\n", "<br/>")
        return conclusion_box(Paragraph(text, w.styles["value"]), self.width, WARN if d.overdue_fen else ACCENT)

    # ---------------------------------------------------------------- 6 badges

    def badges(self, number: int) -> list[Flowable]:
        w, d = self.w, self.data
        text = self.text(d.text("badges"))
        out = self.section(number, "参展证件", "Badges", *text[:1]) + text[1:]
        badges = d.badges
        if not badges:
            return out + [Spacer(1, 1 * mm), w.note("未加办参展证。", "No extra badges ordered.")]
        rows = [[w.stacked("已加办证件", "Extra badges ordered", "head"), w.stacked("数量", "Qty", "head_right")]]
        for s in badges:
            quantity = f"{s.quantity:,}" + (f" {s.unit}" if s.unit and self.language != "en" else "")
            rows.append([w.stacked(*s.name), w.para(quantity, "cell_right")])
        extra = total_row_style(len(rows))
        units = {s.unit for s in badges}
        total = f"{d.badge_count:,}" + (f" {units.pop()}" if len(units) == 1 and self.language != "en" else "")
        rows.append([w.stacked("合计", "Total", "total", 8), w.para(total, "total_right")])
        return out + [Spacer(1, 2 * mm), grid(rows, [self.width - 40 * mm, 40 * mm], extra=extra)]

    # ---------------------------------------------------------------- 7 venue rules

    def venue_rules(self, number: int) -> list[Flowable]:
        text = self.text(self.data.text("venue_rules"))
        if not text:
            return []
        return self.section(number, "场馆规定", "Venue rules", *text[:1]) + text[1:]

    # ---------------------------------------------------------------- 8 contacts

    def contacts(self, number: int) -> list[Flowable]:
        w, d = self.w, self.data
        manager: list[Flowable] = [w.stacked("您的项目经理", "Your account manager", "key", 6.5),
                                   Paragraph(escape(d.manager_name or "—"), w.styles["name"]),
                                   *[Paragraph(escape(x), w.styles["value"]) for x in (d.manager_phone, d.manager_email)
                                     if x],
                                   w.note("展位、服务、付款等事宜请直接联系。",
                                          "Your single contact for booths, services and payments.")]
        organizer: list[Flowable] = [w.stacked("主办方", "Organizer", "key", 6.5),
                                     Paragraph(escape(self.organizer()), w.styles["name"]), *self.text(d.text("contacts"))]
        return self.section(number, "联系方式", "Contacts", boxes([manager, organizer], self.width),
                            Spacer(1, 3 * mm)) + self.exhibitor_contacts()

    def exhibitor_contacts(self) -> list[Flowable]:
        """The exhibitor's contacts as the organizer has them, to be checked."""
        w, d = self.w, self.data
        rows = [[w.stacked(zh, en, "head") for zh, en in (("姓名", "Name"), ("职务", "Title"), ("电话", "Phone"),
                                                           ("邮箱", "Email"))]]
        for c in d.contacts:
            rows.append([w.para(c.name), w.para(c.title), w.para(c.phone), w.para(c.email)])
        if not d.contacts and (d.exhibitor_phone or d.exhibitor_email):
            rows.append([w.para(self.exhibitor_name()), w.para(""), w.para(d.exhibitor_phone),
                         w.para(d.exhibitor_email)])
        heading = w.heading("贵司联系人", "Your contacts on file")
        if len(rows) == 1:
            return [KeepTogether([heading, w.note("尚无贵司联系人记录，请将参展负责人的姓名和电话告知项目经理。",
                                                  "We have no contact of yours on file: please give your account "
                                                  "manager the name and phone number of the person in charge.")])]
        widths = [34 * mm, 40 * mm, 40 * mm]
        table = grid(rows, [*widths, self.width - sum(widths)])
        return [KeepTogether([heading, table, Spacer(1, 1 * mm),
                              w.note("如有变动请告知项目经理。", "Please tell your account manager if these change.")])]


def _bullet(line: str) -> tuple[str | None, str]:
    """A list item's bullet ("•" or "3.") and its text; no bullet for a plain line."""
    match = BULLET.match(line)
    if not match:
        return None, line
    number = match.group(1) or match.group(2)
    return (f"{number}." if number else "•"), line[match.end():]


def _filled(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _area(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


__all__ = ["PackSections"]
