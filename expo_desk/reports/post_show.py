"""The post-show report (展后报告) for one exhibitor, A4 portrait, in Chinese, English or both:
the proof the sales manager promised — what the organizer did, the traffic, the exhibitor's
leads and agreements, the satisfaction figure 参展满意度 with its formula, the outcomes
beyond sales, and the offer to come back next year.

Drawn from ``PostShowData`` (plain data from ``services.post_show_data``), never from the
database; tables are those of the contract documents, charts in ``post_show_charts``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus.flowables import HRFlowable

from expo_desk.domain.satisfaction import EXPLANATION, FORMULA, NAME
from expo_desk.reports.base import ACCENT, MUTED, RULE, BaseReport, show_document_settings
from expo_desk.reports.contract_tables import GOOD, Words, boxes, grid, key_values, plain_table, total_row_style
from expo_desk.reports.post_show_charts import AMBER, BAR, PANEL, ColumnChart, SatisfactionScale, SectorBars
from expo_desk.reports.texts import dates_text

if TYPE_CHECKING:
    from expo_desk.services.post_show_data import Note, PostShowData

TITLE = ("展后报告", "Post-show report")
NOT_WRITTEN = ("（未填写）", "(not filled in)")
OFFER_FILL = colors.HexColor("#eef4fb")
MAX_SECTORS = 16  # bars in the sector chart before the smaller ones are added up


def _stars(score: int) -> str:
    """A 1–5 score as stars; any other number as it is."""
    return "★" * score + "☆" * (5 - score) if 0 <= score <= 5 else str(score)


class PostShowReport(BaseReport):
    """One exhibitor's report: the summary and the figure first, the evidence after, the offer last."""

    def __init__(self, data: PostShowData):
        name = (data.exhibitor_name_en or data.exhibitor_name) if data.language == "en" else data.exhibitor_name
        super().__init__(show_document_settings(data, TITLE, name))
        self.data = data
        self.words = Words(data.language, self.styles, data.currency_symbol)
        s = self.styles = self.words.styles
        s["heading"].keepWithNext = True
        s["kicker"] = ParagraphStyle("kicker", parent=s["body"], fontSize=8.5, leading=11, textColor=ACCENT)
        s["figure"] = ParagraphStyle("figure", parent=s["body"], fontSize=21, leading=25, textColor=ACCENT)
        s["hero"] = ParagraphStyle("hero", parent=s["body"], fontSize=40, leading=44, textColor=ACCENT,
                                   alignment=TA_CENTER)
        s["hero_label"] = ParagraphStyle("hero_label", parent=s["cell"], alignment=TA_CENTER, textColor=ACCENT)
        s["formula"] = ParagraphStyle("formula", parent=s["body"], fontSize=13, leading=17)
        s["prose"] = ParagraphStyle("prose", parent=s["body"], fontSize=9, leading=13)
        s["prose_en"] = ParagraphStyle("prose_en", parent=s["prose"], fontSize=8, leading=11, textColor=MUTED,
                                       spaceBefore=2)
        s["offer"] = ParagraphStyle("offer", parent=s["title"], fontSize=15, leading=19, spaceAfter=2)
        self.width = self.frame_box()[2]

    def story(self) -> list[Flowable]:
        return [*self._opening(), self._key_figures(), *self._satisfaction(), *self._work(), *self._traffic(),
                *self._leads(), *self._outcomes(), *self._survey(), self._rebooking()]

    # ---------------------------------------------------------------- helpers

    def _say(self, pair: tuple[str, str]) -> str:
        return self.words.say(*pair)

    def _prose(self, pair: tuple[str, str]) -> list[Flowable]:
        """Running text: one paragraph, or in a bilingual document the Chinese and the English under it."""
        zh, en = (escape(t) for t in pair)
        if self.language == "zh":
            return [Paragraph(zh, self.styles["prose"])]
        if self.language == "en" or zh == en:
            return [Paragraph(en, self.styles["prose"])]
        return [Paragraph(zh, self.styles["prose"]), Paragraph(en, self.styles["prose_en"])]

    def _text(self, pair: tuple[str, str], style: str = "cell") -> Paragraph:
        """A stored text pair (a text in one language stands for both) in the document's language."""
        if not any(pair):
            return self.words.note(*NOT_WRITTEN)
        return Paragraph(self.words.markup(*pair, size=7.5), self.styles[style])

    def _section(self, zh: str, en: str, room: float = 60 * mm) -> list[Flowable]:
        return [CondPageBreak(room), self.words.heading(zh, en)]

    def _bare(self, table, padding: float = 0) -> None:
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), padding),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), padding), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))

    # ---------------------------------------------------------------- opening

    def _opening(self) -> list[Flowable]:
        w, d, s = self.words, self.data, self.styles
        first, second = (d.exhibitor_name_en or d.exhibitor_name, d.exhibitor_name) if self.language == "en" else (
            d.exhibitor_name, d.exhibitor_name_en if self.language == "both" else "")
        left: list[Flowable] = [Paragraph(escape(w.say(*TITLE, sep=" · ")), s["kicker"]),
                                Paragraph(escape(first), s["title"])]
        if second and second != first:
            left.append(Paragraph(escape(second), s["note"]))
        booths = "; ".join(f"{b.number} · {self._say(b.hall)} · {b.size}" for b in d.booths)
        when = " · ".join(x for x in (dates_text(*d.open_dates, short_year=True), d.venue) if x)
        facts = [("展会", "Show", escape(self._say(d.show_name))), ("展期", "Open days", escape(when)),
                 ("展位", "Booth", escape(booths or "—")), ("项目经理", "Account manager", escape(d.manager_name)),
                 ("报告日期", "Report date", d.printed_on)]
        facts_w = 84 * mm
        head = plain_table([[left, key_values(w, [f for f in facts if f[2]], facts_w, columns=1,
                                              key_width=(18 if self.language == "zh" else 26) * mm)]],
                           colWidths=[self.width - facts_w, facts_w])
        self._bare(head)
        thanks = (f"感谢贵公司参加{d.show_name[0]}。展会前我们承诺用数据证明参展的价值——这份展后报告列出我们为您做的工作、"
                  "展会的客流、您收集的线索与签下的合作协议、参展满意度，以及销售之外的收获。",
                  f"Thank you for exhibiting at {d.show_name[1]}. Before the show we promised to prove its value "
                  "with figures: this report sets out what we did for you, the show's traffic, the leads you "
                  "collected and the agreements you signed, your satisfaction figure, and what you gained beyond sales.")
        return [head, HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=4, spaceAfter=5),
                *self._prose(thanks), Spacer(1, 3 * mm)]

    def _key_figures(self) -> Flowable:
        w, d = self.words, self.data
        companies = len({lead.visitor_company for lead in d.leads if lead.visitor_company})
        days = len(d.visitors_by_day)

        def box(label: tuple[str, str], figure: str, note: tuple[str, str] | None, color=ACCENT) -> list[Flowable]:
            cell = [w.stacked(*label, style="key", size=6.5),
                    Paragraph(f"<font color='{color.hexval()}'>{escape(figure)}</font>", self.styles["figure"])]
            return cell + ([w.note(*note)] if note else [])

        sat = d.satisfaction
        return boxes([
            box(NAME, sat.shown, ("参展费用 ÷ 期望值", "Cost ÷ expected value") if sat.available else ("暂无数据", "No figure")),
            box(("展会观众", "Show visitors"), f"{d.total_visitors:,}" if days else "—",
                (f"{days} 天合计", f"{days} day{'s' if days != 1 else ''} in all") if days else ("尚未录入", "Not recorded")),
            box(("您收集的线索", "Your leads"), f"{len(d.leads):,}" if d.leads else "—",
                (f"来自 {companies} 家公司", f"From {companies} compan{'ies' if companies != 1 else 'y'}")
                if d.leads else ("尚未录入", "Not recorded")),
            box(("合作协议", "Agreements signed"), f"{d.agreements:,}" if d.leads else "—",
                (w.money(d.agreements_value_fen), w.money(d.agreements_value_fen)) if d.agreements_value_fen else None, GOOD if d.agreements else ACCENT),
        ], self.width, gap=4 * mm)

    # ---------------------------------------------------------------- the figure

    def _satisfaction(self) -> list[Flowable]:
        """The figure large beside its formula, the amounts and what it says; the scale, the seed's
        explanation and the contracts the cost is made of under it."""
        w, d, s = self.words, self.data, self.styles
        sat = d.satisfaction
        hero_w = 52 * mm
        hero = [Paragraph(escape(sat.shown), s["hero"]), Paragraph(w.markup(*NAME, size=7), s["hero_label"])]
        right: list[Flowable] = [Paragraph(escape(FORMULA[0]), s["formula"])]
        if self.language != "zh":
            right.append(Paragraph(escape(FORMULA[1][:1].upper() + FORMULA[1][1:]), s["note"]))
        expected = "—" if sat.expected_value_fen is None else w.money(sat.expected_value_fen)
        amounts = [("参展费用", "Participation cost", w.money(sat.cost_fen)), ("期望值", "Expected value", expected)]
        right += [Spacer(1, 2 * mm), key_values(w, amounts, self.width - hero_w - 10 * mm, columns=2),
                  Spacer(1, 1.5 * mm)]
        if sat.available:
            worked = self._say(("计算", "Worked out"))
            right += [Paragraph(f"<font color='{MUTED.hexval()}'>{escape(worked)}:</font> "
                                f"{escape(sat.worked(d.currency_symbol))}", s["value"]), Spacer(1, 1.5 * mm)]
        color = MUTED if not sat.available else (GOOD if sat.value >= 1 else AMBER)
        right.append(Paragraph(f"<font color='{color.hexval()}'>{w.markup(*sat.reading, size=7.5)}</font>", s["cell"]))
        panel = plain_table([[hero, right]], colWidths=[hero_w, self.width - hero_w])
        panel.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BACKGROUND", (0, 0), (0, 0), PANEL),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("LINEABOVE", (0, 0), (-1, 0), 1.8, ACCENT),
            ("LINEAFTER", (0, 0), (0, 0), 0.6, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))
        figure: list[Flowable] = [panel, Spacer(1, 2 * mm)]
        if sat.available:
            words = (self._say(("期望值高于参展费用", "expectation above the cost")),
                     self._say(("期望值在参展费用以内", "expectation within the cost")))
            figure += [SatisfactionScale(sat.value, sat.shown, self.width, words), Spacer(1, 2.5 * mm)]
        heading = f"{NAME[1]} ({NAME[0]})" if self.language == "en" else NAME[1]
        return [CondPageBreak(110 * mm), KeepTogether([w.heading(NAME[0], heading), *figure]),
                *self._prose(EXPLANATION), Spacer(1, 2 * mm), self._cost_table()]

    def _cost_table(self) -> Flowable:
        w, d = self.words, self.data
        rows = [[w.stacked("合同", "Contract", "head"), w.stacked("状态", "Status", "head"),
                 w.stacked("计入参展费用", "Counted", "head"), w.stacked("金额", "Amount", "head_right")]]
        for k in d.contracts:
            counted = ("✓", "✓") if k.counted else ("不计入", "Not counted")
            rows.append([w.para(k.number), w.stacked(*k.status_name), w.stacked(*counted),
                         w.money_cell(k.total_fen)])
        extra = total_row_style(len(rows))
        rows.append([w.stacked("参展费用", "Participation cost", "total", 8), "", "",
                     w.money_cell(d.cost_fen, "total_right")])
        widths = [40 * mm, 34 * mm, 34 * mm]
        table = grid(rows, widths + [self.width - sum(widths)], extra=extra)
        return KeepTogether([table, Spacer(1, 1 * mm), w.note(*d.cost_rule)])

    # ---------------------------------------------------------------- what we did

    def _notes_boxes(self, notes: tuple[Note, ...], columns: int) -> list[Flowable]:
        """The notes written, in boxes side by side (an exhibitor reads no empty boxes)."""
        cells = [[self.words.stacked(*n.title, style="total", size=7.5), Spacer(1, 1 * mm), self._text(n.text)]
                 for n in notes if any(n.text)]
        rows = [boxes(cells[i:i + columns], self.width, gap=4 * mm) for i in range(0, len(cells), columns)]
        return [*rows, Spacer(1, 3 * mm)] if rows else []

    def _work(self) -> list[Flowable]:
        w, d = self.words, self.data
        out = [*self._section("我们为您做了什么", "What we did for you", 70 * mm), *self._notes_boxes(d.work, 3)]
        rows = [[w.stacked("您订购的服务", "Services you ordered", "head"), w.stacked("数量", "Qty", "head_right"),
                 w.stacked("金额", "Amount", "head_right")]]
        for item in d.services:
            unit = "" if self.language == "en" else item.unit  # catalogue units are Chinese words
            rows.append([w.stacked(*item.name), w.para(f"{item.quantity:,} {unit}".strip(), "cell_right"),
                         w.money_cell(item.amount_fen)])
        if not d.services:
            rows.append([w.note("未订购额外服务", "No extra services ordered"), "", ""])
            return out + [grid(rows, [self.width - 70 * mm, 30 * mm, 40 * mm], extra=[("SPAN", (0, 1), (-1, 1))])]
        return out + [grid(rows, [self.width - 70 * mm, 30 * mm, 40 * mm])]

    # ---------------------------------------------------------------- traffic

    def _traffic(self) -> list[Flowable]:
        w, d = self.words, self.data
        out = self._section("展会客流", "Show traffic", 90 * mm)
        if not d.visitors_by_day and not d.visitors_by_sector:
            return out + [w.note("尚未录入观众人数", "No visitor counts recorded yet")]
        left_w = 72 * mm
        right_w = self.width - left_w - 8 * mm
        day_chart = ColumnChart([c.label[0][5:] for c in d.visitors_by_day], [c.value for c in d.visitors_by_day],
                                left_w, 56 * mm)
        left = [w.stacked("每日观众人次", "Visitors per day", "head"), Spacer(1, 2 * mm), day_chart]
        right: list[Flowable] = [w.stacked("各行业观众人次（展期合计）", "Visitors by sector (all days)", "head"),
                                 Spacer(1, 2 * mm)]
        if d.visitors_by_sector:
            right.append(self._sector_chart(right_w))
        else:
            right.append(w.note("未按行业统计", "Not counted by sector"))
        table = plain_table([[left, "", right]], colWidths=[left_w, 8 * mm, right_w])
        self._bare(table)
        return out + [table]

    def _sector_chart(self, width: float, shown: int = MAX_SECTORS) -> SectorBars:
        """The largest sectors and the exhibitor's own; the rest added up as "others" (a chart
        taller than a page cannot be laid out)."""
        counts = self.data.visitors_by_sector
        kept = list(counts) if len(counts) <= shown else [
            c for i, c in enumerate(counts) if i < shown - 1 or c.own]
        rest = [c for c in counts if c not in kept]
        others = (self._say((f"其他 {len(rest)} 个行业", f"{len(rest)} other sectors")),
                  sum(c.value for c in rest)) if rest else None
        return SectorBars([(self._say(c.label), c.value, c.own) for c in kept], width,
                          self._say(("深色为贵公司所在行业", "dark: your sector")), others)

    # ---------------------------------------------------------------- leads

    def _leads(self) -> list[Flowable]:
        w, d = self.words, self.data
        out = self._section("您的线索与合作协议", "Your leads and agreements", 75 * mm)
        if not d.leads:
            return out + [w.note("尚未录入您在展会上收集的线索", "No leads collected at the show have been recorded yet")]
        chart_w = 80 * mm
        legend = [(self._say(("线索", "leads")), BAR),
                  (self._say(("已签协议", "agreement signed")), GOOD)]
        chart = ColumnChart([ld.day[5:] if len(ld.day) == 10 else ld.day for ld in d.leads_by_day],
                            [ld.leads for ld in d.leads_by_day], chart_w, 50 * mm,
                            part=[ld.agreements for ld in d.leads_by_day], legend=legend)
        companies = len({lead.visitor_company for lead in d.leads if lead.visitor_company})
        rate = f"{d.agreements * 100 / len(d.leads):.0f}%"
        facts = [("线索", "Leads", f"{len(d.leads):,}"), ("公司", "Companies", f"{companies:,}"),
                 ("合作协议", "Agreements", f"{d.agreements:,}"), ("签约率", "Signed share", rate),
                 ("协议金额", "Agreement value", w.money(d.agreements_value_fen))]
        side_w = self.width - chart_w - 8 * mm
        left = [w.stacked("每日线索", "Leads per day", "head"), Spacer(1, 2 * mm),
                chart]
        side = [w.stacked("汇总", "In all", "head"), Spacer(1, 2 * mm),
                key_values(w, facts, side_w, columns=1, key_width=(30 if self.language == "en" else 20) * mm)]
        top = plain_table([[left, "", side]], colWidths=[chart_w, 8 * mm, side_w])
        self._bare(top)
        return out + [top, Spacer(1, 3 * mm), self._lead_table()]

    def _lead_table(self) -> Flowable:
        w, d = self.words, self.data
        heads = [("日期", "Date"), ("公司", "Company"), ("联系人", "Name"), ("联系方式", "Contact"),
                 ("意向", "Interest"), ("来源", "Source"), ("协议", "Agreement")]
        rows = [[w.stacked(zh, en, "head_right" if en == "Agreement" else "head") for zh, en in heads]]
        extra = []
        for lead in d.leads:
            if lead.agreement_signed:
                extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#eef7f1")))
                value = w.money(lead.agreement_value_fen) if lead.agreement_value_fen else self._say(("已签", "Signed"))
                agreed = Paragraph(f"<font color='{GOOD.hexval()}'>✓ {escape(value)}</font>", w.styles["cell_right"])
            else:
                agreed = w.para("", "cell_right")
            rows.append([w.para(lead.captured_on[5:] if len(lead.captured_on) == 10 else lead.captured_on),
                         w.para(lead.visitor_company), w.para(lead.visitor_name), w.para(lead.contact),
                         w.para(lead.interest), w.para(lead.source), agreed])
        widths = [14 * mm, 0, 18 * mm, 27 * mm, 26 * mm, 18 * mm, 30 * mm]
        widths[1] = self.width - sum(widths)
        return grid(rows, widths, extra=extra)

    # ---------------------------------------------------------------- beyond sales

    def _outcomes(self) -> list[Flowable]:
        intro = ("参展的价值不只在现场成交：参展还能扩大销售网络、树立企业形象、了解客户需求、了解行业竞争状况，"
                 "这些后续效应往往更强烈也更重要。",
                 "A show's value is not only the sales made on the spot: it widens the sales network, builds the brand "
                 "image, shows what customers need and where the competition stands. These effects often last longer "
                 "and matter more.")
        found = ("以下是本届展会在这些方面为贵公司带来的收获。", "Here is what this show brought you in these respects.")
        notes = self._notes_boxes(self.data.outcomes, 2)
        if notes:
            intro = (f"{intro[0]}{found[0]}", f"{intro[1]} {found[1]}")
        return [*self._section("销售之外的收获", "Beyond sales", 50 * mm), *self._prose(intro), Spacer(1, 2 * mm),
                *notes]

    def _survey(self) -> list[Flowable]:
        w, d = self.words, self.data
        if not d.survey:
            return []
        rows = [[w.stacked("问题", "Question", "head"), w.stacked("回答", "Answer", "head"),
                 w.stacked("评分", "Score", "head")]]
        for answer in d.survey:
            score = "" if answer.score is None else _stars(answer.score)
            rows.append([self._text(answer.question), self._text(answer.answer),
                         Paragraph(f"<font color='{AMBER.hexval()}'>{escape(score)}</font>", w.styles["cell"])])
        return [*self._section("展商调查", "Exhibitor survey", 40 * mm),
                grid(rows, [self.width - 82 * mm, 56 * mm, 26 * mm])]

    # ---------------------------------------------------------------- rebooking

    def _rebooking(self) -> Flowable:
        w, d, s = self.words, self.data, self.styles
        r = d.rebooking
        invite = w.say("诚邀您参加下一届", "Join us at the next edition")
        if not r.next_show_name:
            body: list[Flowable] = [Paragraph(escape(invite), s["offer"])]
        else:
            body = [Paragraph(escape(invite), s["kicker"]), Paragraph(escape(self._say(r.next_show_name)), s["offer"])]
            where = ", ".join(x for x in (r.venue, r.city) if x)
            facts = [("展期", "Open days", dates_text(*r.next_dates, short_year=True)), ("场馆", "Venue", escape(where))]
            if r.booth_numbers:
                facts.append(("为您保留的展位", "Booth held for you", f"<b>{escape(', '.join(r.booth_numbers))}</b>"))
            if r.offered_until:
                facts.append(("保留至", "Held until", escape(r.offered_until)))
            if r.status_name:
                facts.append(("状态", "Status", escape(self._say(r.status_name))))
            body.append(key_values(w, [f for f in facts if f[2]], self.width - 16 * mm, columns=1,
                                   key_width=(34 if self.language == "en" else 26) * mm))
            body.append(Spacer(1, 2 * mm))
        body += self._prose(r.text)
        contact = [x for x in (self._say(r.contacts) if any(r.contacts) else "",
                               f"{self._say(('您的项目经理', 'Your account manager'))}: {d.manager_name}"
                               if d.manager_name else "") if x]
        if contact:
            body += [Spacer(1, 1.5 * mm), Paragraph(escape("  ·  ".join(contact)), s["note"])]
        panel = plain_table([[body]], colWidths=[self.width])
        panel.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), OFFER_FILL), ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
            ("LINEABOVE", (0, 0), (-1, 0), 2.4, ACCENT), ("TOPPADDING", (0, 0), (-1, -1), 9),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 10), ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))
        return KeepTogether([Spacer(1, 5 * mm), panel])


def render_post_show(data: PostShowData, out) -> None:
    """Write one exhibitor's post-show report to a path or a binary file object."""
    PostShowReport(data).render(out)


__all__ = ["PostShowReport", "render_post_show"]
