"""The show summary (展会总结报告), A4 portrait, in Chinese, English or both: for the
organizer's leadership and the exhibition office (会展办), what the show achieved.

The first page carries the key figures in boxes, the summary in one paragraph and the two
main charts; the tables by sector and hall, the visitors by day and the comparison with
the previous edition follow. Drawn from ``ShowSummaryData`` only, with the tables and boxes
of the contract documents so every font is embedded.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus.flowables import HRFlowable

from expo_desk.reports.base import ACCENT, INK, MUTED, RULE, BaseReport, show_document_settings
from expo_desk.reports.contract_tables import (
    GOOD,
    WARN,
    Words,
    boxes,
    grid,
    opening_head,
    plain_table,
    title_lines,
    total_row_style,
)
from expo_desk.reports.fonts import FONT
from expo_desk.reports.schedule_report import TRACK, ProgressBar
from expo_desk.reports.texts import fit, span

if TYPE_CHECKING:
    from expo_desk.services.show_summary_data import ComparedFigure, ShowSummaryData

TITLE = ("展会总结报告", "Show summary report")
PREVIOUS_INK = colors.HexColor("#9aabbd")
SOFT_FILL = colors.HexColor("#f3f6fa")
CHART_SECTORS = 12  # bars in the sector chart; the rest are one "others" bar (the table lists them all)
WEEKDAYS = (("周一", "Mon"), ("周二", "Tue"), ("周三", "Wed"), ("周四", "Thu"), ("周五", "Fri"), ("周六", "Sat"),
            ("周日", "Sun"))


def count(value: int) -> str:
    return f"{value:,}"


def counted(value: int, noun: str) -> str:
    """``1 booth``, ``389 booths``."""
    return f"{value:,} {noun}{'' if value == 1 else 's'}"


def area(value: float) -> str:
    """``7,659 m²``: decimals only where a booth size needs them."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} m²"


def share(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def yuan(fen: int, symbol: str = "¥") -> str:
    """Whole yuan for the key figures and charts (the tables give fen)."""
    return f"{'-' if fen < 0 else ''}{symbol}{round(abs(fen) / 100):,}"


def change_text(figure: ComparedFigure) -> tuple[str, str]:
    """``+15.6%``, ``-6.2%``, in points for a percentage; "—" when there is nothing to divide by."""
    if figure.unit == "percent":
        if figure.change_points is None:
            return "—", "—"
        return f"{figure.change_points:+.1f} 个百分点", f"{figure.change_points:+.1f} pp"
    if figure.change_percent is None:
        return "—", "—"
    return f"{figure.change_percent:+.1f}%", f"{figure.change_percent:+.1f}%"


def change_color(figure: ComparedFigure):
    delta = figure.change_points if figure.unit == "percent" else figure.change_percent
    return MUTED if not delta else (GOOD if delta > 0 else WARN)


class ShowSummaryReport(BaseReport):
    def __init__(self, data: ShowSummaryData):
        super().__init__(show_document_settings(data, TITLE, data.show_code, data.today))
        self.data = data
        self.words = Words(data.language, self.styles, "¥" if data.currency == "CNY" else f"{data.currency} ")
        self.styles = self.words.styles
        self.styles["heading"].keepWithNext = True
        self.styles["lead"] = ParagraphStyle("lead", parent=self.styles["body"], fontSize=9.5, leading=14.5)
        for name in ("sum", "sum_right"):  # totals of wide tables: emphasised, yet on one line
            self.styles[name] = ParagraphStyle(name, parent=self.styles[name.replace("sum", "total")], fontSize=9,
                                               leading=11.5)
        self.styles["detail"] = ParagraphStyle("detail", parent=self.styles["cell_right"], fontSize=7.8, leading=9.5)
        self.width = self.frame_box()[2]

    def story(self) -> list[Flowable]:
        return [*self._opening(), *self._key_figures(), self._highlights(), *self._charts(),
                *self._sector_tables(), *self._halls(), *self._visitors(), *self._comparison(), *self._notes()]

    # ---------------------------------------------------------------- helpers

    def name(self, pair: tuple[str, str]) -> str:
        """A name on one line: one language, or Chinese then English."""
        zh, en = pair
        return {"zh": zh, "en": en}.get(self.language, zh if zh == en else f"{zh} {en}")

    def heads(self, pairs: list[tuple[str, str]], left: int = 1) -> list[Paragraph]:
        w = self.words
        return [w.stacked(zh, en, "head" if i < left else "head_right") for i, (zh, en) in enumerate(pairs)]

    def right(self, text: str, style: str = "cell_right") -> Paragraph:
        return Paragraph(escape(text), self.styles[style])

    def money(self, fen: int, style: str = "cell_right") -> Paragraph:
        return self.words.money_cell(fen, style)

    def yuan(self, fen: int) -> str:
        return yuan(fen, self.words.symbol)

    # ---------------------------------------------------------------- first page

    def _opening(self) -> list[Flowable]:
        w, d = self.words, self.data
        title = title_lines(w, TITLE)
        title.append(w.stacked(*d.show_name, style="value", size=8))
        facts = [("展会代码", "Show", escape(d.show_code))]
        if d.open_dates[0]:
            facts.append(("展期", "Open days", span(*d.open_dates)))
        place = " · ".join(p for p in (d.venue, d.city) if p)
        if place:
            facts.append(("地点", "Venue", escape(place)))
        facts.append(("数据截至", "Figures as of", d.today))
        if d.previous:
            facts.append(("上届", "Previous edition", escape(f"{d.previous.code} · {self.name(d.previous.name)}")))
        return opening_head(w, title, facts, self.width, 100 * mm, columns=1, key_width=26 * mm)

    def _figure(self, text: str, width: float, color=ACCENT) -> Paragraph:
        """A key figure as large as its box allows."""
        size = 17.0
        while size > 10 and stringWidth(text, FONT, size) > width:
            size -= 0.5
        style = ParagraphStyle("figure", parent=self.styles["total"], fontSize=size, leading=size * 1.25)
        return Paragraph(f"<font color='{color.hexval()}'>{escape(text)}</font>", style)

    def inline(self, pair: tuple[str, str], style: str = "cell", size: float = 6.8) -> Paragraph:
        """A name on one line; in both languages the English follows, smaller and grey."""
        zh, en = pair
        text = escape({"zh": zh, "en": en}.get(self.language, zh))
        if self.language == "both" and en != zh:
            text += f" <font size='{size}' color='{MUTED.hexval()}'>{escape(en)}</font>"
        return Paragraph(text, self.styles[style])

    def _details(self, items: list[tuple[tuple[str, str], str, object]]) -> Flowable:
        """Label–value lines under a key figure, the value in its colour at the right."""
        rows = [[self.inline(pair, "note", 6.3),
                 Paragraph(f"<font color='{color.hexval()}'>{escape(value)}</font>", self.styles["detail"])]
                for pair, value, color in items]
        value_w = max(stringWidth(value, FONT, 7.8) for _, value, _ in items) + 2
        table = plain_table(rows, colWidths=["*", value_w])
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0.8), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
                                   ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("LINEABOVE", (0, 1), (-1, -1), 0.25, TRACK)]))
        return table

    def _before(self, key: str, shown) -> list[tuple[tuple[str, str], str, object]]:
        """The previous edition's value and the change, as detail lines of a key figure."""
        if not self.data.previous:
            return []
        figure = self.data.previous.figure(key)
        zh, en = change_text(figure)
        change = {"zh": zh, "en": en}.get(self.language, en if figure.unit != "percent" else f"{en} 百分点")
        return [(("上届", "Previous"), "—" if figure.previous is None else shown(figure.previous), MUTED),
                (("变化", "Change"), change, change_color(figure))]

    def _box(self, pair: tuple[str, str], figure: str, width: float, details: list, color=ACCENT,
             bar: float | None | bool = False) -> list[Flowable]:
        cells = [self.words.stacked(*pair, style="key", size=6.5), self._figure(figure, width, color)]
        if bar is not False:
            cells += [Spacer(1, 0.6 * mm), ProgressBar(bar or 0.0), Spacer(1, 0.6 * mm)]
        return cells + [Spacer(1, 0.6 * mm), self._details(details)]

    def _key_figures(self) -> list[Flowable]:
        f, gap = self.data.figures, 3 * mm
        inner = (self.width - 3 * gap) / 4 - 12
        days = self.data.visitor_days
        peak = max(days, key=lambda day: day.visitors) if days else None
        per = f"{f.leads / f.exhibitors:.1f}" if f.exhibitors else "—"
        first = [
            self._box(("参展商", "Exhibitors"), count(f.exhibitors), inner,
                      [(("已售展位", "Booths sold"), count(f.booths_sold), INK), *self._before("exhibitors", count)]),
            self._box(("已售面积", "Space sold"), area(f.sold_m2), inner,
                      [(("出租率", "Occupancy"), share(f.occupancy_percent), INK),
                       *self._before("sold_m2", area)], bar=f.occupancy_percent),
            self._box(("签约收入", "Signed revenue"), self.yuan(f.signed_fen), inner,
                      [(("目标完成", "Of target"), share(f.target_percent), INK),
                       *self._before("signed_fen", self.yuan)], bar=f.target_percent),
            self._box(("观众人次", "Visitors"), count(f.visitors), inner,
                      [(("高峰日", "Peak day"), f"{peak.day[5:]} · {count(peak.visitors)}" if peak else "—", INK),
                       *self._before("visitors", count)]),
        ]
        second = [
            self._box(("已收款", "Received"), self.yuan(f.received_fen), inner,
                      [(("占应收", "Of due"), share(f.received_percent), INK),
                       *self._before("received_fen", self.yuan)], GOOD, bar=f.received_percent),
            self._box(("未收款", "Outstanding"), self.yuan(f.outstanding_fen), inner,
                      [(("应收合计", "Due"), self.yuan(f.due_fen), INK),
                       (("其中逾期", "Overdue"), self.yuan(f.overdue_fen), WARN if f.overdue_fen else INK)],
                      WARN if f.overdue_fen else ACCENT),
            self._box(("意向客户", "Leads collected"), count(f.leads), inner,
                      [(("家均", "Per exhibitor"), per, INK), *self._before("leads", count)]),
            self._box(("合作协议", "Agreements signed"), count(f.agreements), inner,
                      [(("协议金额", "Value"), self.yuan(f.agreement_fen) if f.agreement_fen else "—", INK),
                       *self._before("agreements", count)], GOOD if f.agreements else ACCENT),
        ]
        return [boxes(first, self.width, gap=gap), Spacer(1, 2.5 * mm), boxes(second, self.width, gap=gap)]

    def _highlights(self) -> Flowable:
        """The summary in one paragraph, as the seed's event report words it."""
        f, d = self.data.figures, self.data
        sectors = [s for s in d.agreement_sectors]
        zh = (f"本届展会共有参展商 {count(f.exhibitors)} 家，已售展位 {count(f.booths_sold)} 个、面积 {area(f.sold_m2)}，"
              f"出租率 {share(f.occupancy_percent)}；签约收入 {self.words.money(f.signed_fen)}，"
              f"已收款 {self.words.money(f.received_fen)}。展期接待观众 {count(f.visitors)} 人次；"
              f"展商收集意向客户 {count(f.leads)} 个，签订合作协议 {count(f.agreements)} 项")
        en = (f"{counted(f.exhibitors, 'exhibitor')} took {counted(f.booths_sold, 'booth')}, {area(f.sold_m2)} "
              f"({share(f.occupancy_percent)} occupancy); contracts signed for {self.words.money(f.signed_fen)}, "
              f"of which {self.words.money(f.received_fen)} received. The show welcomed "
              f"{counted(f.visitors, 'visitor')}; exhibitors collected {counted(f.leads, 'lead')} and signed "
              f"{counted(f.agreements, 'cooperation agreement')}")
        if sectors:
            zh += f"，涉及{_join_zh([s[0] for s in sectors])}行业"
            en += f" in {_join_en([s[1].lower() for s in sectors])}"
        text = escape(zh + "。") if self.language != "en" else escape(en + ".")
        if self.language == "both":
            text += f"<br/><font size='8' color='{MUTED.hexval()}'>{escape(en + '.')}</font>"
        box = plain_table([[Paragraph(text, self.styles["lead"])]], colWidths=[self.width])
        box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), SOFT_FILL), ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                 ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
        return KeepTogether([Spacer(1, 4 * mm), box])

    def _charts(self) -> list[Flowable]:
        w, d = self.words, self.data
        left_w = self.width * 0.58
        right_w = self.width - left_w - 6 * mm
        rows = [(self.name(s.name), s.area_m2, s.previous_area_m2) for s in d.sectors if s.area_m2 or s.previous_area_m2]
        if len(rows) > CHART_SECTORS:
            rest = rows[CHART_SECTORS - 1:]
            before = [r[2] for r in rest if r[2] is not None]
            rows = rows[:CHART_SECTORS - 1] + [(self.name(("其他", "Others")), sum(r[1] for r in rest),
                                                 sum(before) if d.previous else None)]
        sector_chart = SectorChart(rows, left_w, self.language) if rows else w.note("尚无已售展位。", "No booth sold yet.")
        day_chart = DayChart(d, right_w, self.language) if d.visitor_days else w.note(
            "尚无观众统计。", "No visitor counts yet.")
        cells = [[w.heading("各行业已售面积", "Space sold by sector"), sector_chart], "",
                 [w.heading("每日观众人次", "Visitors by day"), day_chart]]
        table = plain_table([cells], colWidths=[left_w, 6 * mm, right_w])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [Spacer(1, 2 * mm), table]

    # ---------------------------------------------------------------- tables

    def _sector_tables(self) -> list[Flowable]:
        w, d = self.words, self.data
        if not d.sectors:
            return [w.heading("按行业", "By sector"), w.note("尚无数据。", "Nothing recorded yet.")]
        previous = d.previous is not None
        heads = [("行业", "Sector"), ("参展商", "Exhibitors"), ("展位", "Booths"), ("已售面积", "Space sold"),
                 ("占比", "Share"), *([("上届面积", "Previous")] if previous else []),
                 ("签约收入", "Signed revenue"), ("已收款", "Received")]
        rows = [self.heads(heads)]
        for s in d.sectors:
            rows.append([self.inline(s.name), self.right(count(s.exhibitors)), self.right(count(s.booths)),
                         self.right(area(s.area_m2)), self.right(share(s.area_share_percent)),
                         *([self.right(area(s.previous_area_m2 or 0), "note")] if previous else []),
                         self.money(s.revenue_fen), self.money(s.received_fen)])
        f = d.figures
        total_revenue = sum(s.revenue_fen for s in d.sectors)
        extra = total_row_style(len(rows))
        rows.append([self.inline(("合计", "Total"), "sum"), self.right(count(f.exhibitors), "sum_right"),
                     self.right(count(sum(s.booths for s in d.sectors)), "sum_right"),
                     self.right(area(sum(s.area_m2 for s in d.sectors)), "sum_right"), self.right("100%", "sum_right"),
                     *([self.right(area(sum(s.previous_area_m2 or 0 for s in d.sectors)), "sum_right")]
                       if previous else []),
                     self.money(total_revenue, "sum_right"),
                     self.money(sum(s.received_fen for s in d.sectors), "sum_right")])
        widths = [17 * mm, 15 * mm, 22 * mm, 14 * mm, *([20 * mm] if previous else []), 32 * mm, 32 * mm]
        space = grid(rows, [self.width - sum(widths)] + widths, extra=extra)

        heads = [("行业", "Sector"), ("观众人次", "Visitors"), ("意向客户", "Leads"), ("家均意向客户", "Per exhibitor"),
                 ("合作协议", "Agreements"), ("协议金额", "Agreement value")]
        rows = [self.heads(heads)]
        for s in d.sectors:
            per = f"{s.leads / s.exhibitors:.1f}" if s.exhibitors else "—"
            agreements = self.right(count(s.agreements))
            if s.agreements:
                agreements = Paragraph(f"<font color='{GOOD.hexval()}'>{count(s.agreements)}</font>",
                                       self.styles["cell_right"])
            rows.append([self.inline(s.name), self.right(count(s.visitors) if s.visitors else "—"), self.right(count(s.leads)),
                         self.right(per), agreements,
                         self.money(s.agreement_fen) if s.agreement_fen else self.right("—")])
        sector_visitors = sum(s.visitors for s in d.sectors)
        extra = total_row_style(len(rows))
        rows.append([self.inline(("合计", "Total"), "sum"), self.right(count(sector_visitors), "sum_right"),
                     self.right(count(f.leads), "sum_right"),
                     self.right(f"{f.leads / f.exhibitors:.1f}" if f.exhibitors else "—", "sum_right"),
                     self.right(count(f.agreements), "sum_right"), self.money(f.agreement_fen, "sum_right")])
        widths = [24 * mm, 22 * mm, 22 * mm, 24 * mm, 34 * mm]
        results = [grid(rows, [self.width - sum(widths)] + widths, extra=extra)]
        if sector_visitors != f.visitors:
            results += [Spacer(1, 1 * mm), w.note(
                f"按行业登记的观众人次合计 {count(sector_visitors)}；全场 {count(f.visitors)} 人次（观众可参观多个行业，"
                "部分观众未登记行业）。",
                f"Visitors counted by sector add up to {count(sector_visitors)}; the show counted {count(f.visitors)} "
                "(a visitor may see several sectors, and some are counted for the show only).")]
        return [CondPageBreak(60 * mm), w.heading("展商与面积（按行业）", "Exhibitors and space by sector"), space,
                Spacer(1, 2 * mm),
                KeepTogether([w.heading("观众、意向客户与合作协议（按行业）", "Visitors, leads and agreements by sector"),
                              *results])]

    def _halls(self) -> list[Flowable]:
        w, d = self.words, self.data
        out: list[Flowable] = [CondPageBreak(50 * mm), w.heading("按展馆", "By hall")]
        if not d.halls:
            return out + [w.note("尚无展馆。", "No hall yet.")]
        heads = [("展馆", "Hall"), ("参展商", "Exhibitors"), ("已售 / 展位", "Sold / booths"),
                 ("已售面积", "Space sold"), ("可售面积", "Sellable"), ("出租率", "Occupancy"), ("", ""),
                 ("展位收入", "Booth revenue")]
        rows = [self.heads(heads)]
        for h in d.halls:
            rows.append([self.inline(h.name), self.right(count(h.exhibitors)),
                         self.right(f"{count(h.sold_booths)} / {count(h.booths)}"), self.right(area(h.sold_m2)),
                         self.right(area(h.sellable_m2)), self.right(share(h.occupancy_percent)),
                         ProgressBar(h.occupancy_percent or 0.0), self.money(h.booth_revenue_fen)])
        f = d.figures
        extra = total_row_style(len(rows))
        rows.append([self.inline(("全场", "Whole show"), "sum"), self.right(count(f.exhibitors), "sum_right"),
                     self.right(f"{count(f.booths_sold)} / {count(sum(h.booths for h in d.halls))}", "sum_right"),
                     self.right(area(f.sold_m2), "sum_right"), self.right(area(f.sellable_m2), "sum_right"),
                     self.right(share(f.occupancy_percent), "sum_right"), ProgressBar(f.occupancy_percent or 0.0),
                     self.money(sum(h.booth_revenue_fen for h in d.halls), "sum_right")])
        widths = [17 * mm, 26 * mm, 24 * mm, 24 * mm, 15 * mm, 22 * mm, 32 * mm]
        note = w.note("一家展商在多个展馆有展位时，在各馆分别计数；全场按家计一次。展位收入为展位及价格调整行，"
                      "不含服务、优惠和费用。",
                      "An exhibitor with booths in several halls counts in each hall and once for the show. Booth "
                      "revenue is the booth and price-adjustment lines, without services, discounts or fees.")
        return [*out, grid(rows, [self.width - sum(widths)] + widths, extra=extra), Spacer(1, 1 * mm), note]

    def _visitors(self) -> list[Flowable]:
        w, d = self.words, self.data
        if not d.visitor_days:
            return []
        before = d.previous.visitor_days if d.previous else ()
        heads = [("日期", "Day"), ("", ""), ("观众人次", "Visitors"), ("占比", "Share"),
                 *([("上届同日", "Previous, same day"), ("变化", "Change")] if before else [])]
        rows = [self.heads(heads, left=2)]
        total = self.data.figures.visitors
        for n, day in enumerate(d.visitor_days):
            weekday = WEEKDAYS[date.fromisoformat(day.day).weekday()]
            rows.append([w.para(day.day), self.inline((f"第 {n + 1} 天 {weekday[0]}", f"Day {n + 1}, {weekday[1]}")),
                         self.right(count(day.visitors)), self.right(share(100 * day.visitors / total if total else None)),
                         *(self._day_change(day.visitors, before[n].visitors if n < len(before) else None)
                           if before else [])])
        extra = total_row_style(len(rows))
        prior = sum(b.visitors for b in before)
        rows.append([self.inline(("合计", "Total"), "sum"), "", self.right(count(total), "sum_right"),
                     self.right("100%", "sum_right"),
                     *(self._day_change(total, prior, "sum_right") if before else [])])
        widths = [26 * mm, 34 * mm, 26 * mm, 20 * mm, *([30 * mm, 22 * mm] if before else [])]
        widths[1] += self.width - sum(widths)
        return [KeepTogether([w.heading("观众（按日）", "Visitors by day"), grid(rows, widths, extra=extra)])]

    def _day_change(self, now: int, before: int | None, style: str = "cell_right") -> list[Paragraph]:
        if before is None:
            return [self.right("—", style), self.right("—", style)]
        if not before:
            return [self.right("0", style), self.right("—", style)]
        change = 100 * (now - before) / before
        color = GOOD if change > 0 else WARN if change < 0 else MUTED
        return [self.right(count(before), style),
                Paragraph(f"<font color='{color.hexval()}'>{change:+.1f}%</font>", self.styles[style])]

    def _comparison(self) -> list[Flowable]:
        w, d = self.words, self.data
        out: list[Flowable] = [CondPageBreak(70 * mm), w.heading("与上届对比", "Compared with the previous edition")]
        if not d.previous:
            return out + [w.note("未设置上届展会，没有可对比的数据。", "No previous edition is set: nothing to compare.")]
        p = d.previous
        intro = w.note(f"上届：{p.code} {p.name[0]}（{span(*p.open_dates)}）。变化为相对上届的百分比；"
                       "出租率的变化以百分点计；上届为 0 时不计算变化（—）。",
                       f"Previous edition: {p.code} {p.name[1]} ({span(*p.open_dates)}). Changes are in per cent of "
                       "the previous value, occupancy in percentage points; none (—) where the previous value is 0.")
        heads = [("指标", "Figure"), ("本届", "This edition"), ("上届", "Previous"), ("变化", "Change"),
                 ("", "")]
        rows = [self.heads(heads)]
        for figure in p.figures:
            zh, en = change_text(figure)
            change = Paragraph(f"<font color='{change_color(figure).hexval()}'>{w.markup(zh, en)}</font>",
                               self.styles["cell_right"])
            rows.append([self.inline(figure.name), self.right(self._value(figure, figure.current)),
                         self.right(self._value(figure, figure.previous)), change, PairBars(figure)])
        widths = [32 * mm, 32 * mm, 24 * mm, 50 * mm]
        table = grid(rows, [self.width - sum(widths)] + widths)
        legend = Legend([(ACCENT, w.say("本届", "this edition", " ")), (PREVIOUS_INK, w.say("上届", "previous", " "))])
        return [*out, intro, Spacer(1, 1.5 * mm), KeepTogether([table, Spacer(1, 1 * mm), legend])]

    def _value(self, figure: ComparedFigure, value) -> str:
        if value is None:
            return "—"
        return {"m2": area, "percent": share, "fen": self.words.money}.get(figure.unit, count)(value)

    def _notes(self) -> list[Flowable]:
        w, d = self.words, self.data
        return [KeepTogether([Spacer(1, 3 * mm), HRFlowable(width="100%", thickness=0.4, color=RULE, spaceAfter=2), w.note(
            f"口径：参展商指有已售展位的展商；出租率 = 已售面积 ÷ 可售面积（不含封存展位）；签约收入 = 已签合同金额 + "
            f"退订保留的费用；已收款、未收款和逾期截至 {d.today}；观众人次为每日计数之和。",
            f"Definitions: exhibitors are those with a sold booth; occupancy = space sold ÷ sellable space (blocked "
            f"booths left out); signed revenue = signed contracts plus fees kept on cancellations; received, "
            f"outstanding and overdue as of {d.today}; visitors are the sum of the daily counts.")])]


# ---------------------------------------------------------------- graphics


class PairBars(Flowable):
    """This edition's value above the previous one's, both scaled to the larger."""

    def __init__(self, figure: ComparedFigure):
        super().__init__()
        self.now, self.before = figure.current or 0, figure.previous or 0

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, 4.4 * mm
        return self.width, self.height

    def draw(self):
        c, top = self.canv, max(self.now, self.before, 0)
        for n, (value, color) in enumerate(((self.now, ACCENT), (self.before, PREVIOUS_INK))):
            y = self.height - (n + 1) * 2.2 * mm
            c.setFillColor(TRACK)
            c.rect(0, y, self.width, 1.8 * mm, stroke=0, fill=1)
            if top and value > 0:
                c.setFillColor(color)
                c.rect(0, y, self.width * value / top, 1.8 * mm, stroke=0, fill=1)


class Legend(Flowable):
    def __init__(self, items: list[tuple[object, str]]):
        super().__init__()
        self.items = items

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, 4 * mm
        return self.width, self.height

    def draw(self):
        c, x = self.canv, self.width
        for color, text in reversed(self.items):
            x -= stringWidth(text, FONT, 7) + 2 * mm
            c.setFont(FONT, 7)
            c.setFillColor(MUTED)
            c.drawString(x, 1 * mm, text)
            x -= 4 * mm
            c.setFillColor(color)
            c.rect(x, 1 * mm, 3 * mm, 2 * mm, stroke=0, fill=1)
            x -= 4 * mm


class SectorChart(Drawing):
    """Horizontal bars of m² sold per sector, largest first, the value and share at the end;
    a dark tick marks the previous edition's m² when there is one."""

    ROW = 5.4 * mm

    def __init__(self, rows: list[tuple[str, float, float | None]], width: float, language: str):
        with_previous = any(r[2] for r in rows)
        super().__init__(width, len(rows) * self.ROW + (6 * mm if with_previous else 1 * mm))
        self.initialFontName = FONT
        total = sum(r[1] for r in rows)
        label_w = min(34 * mm, max(stringWidth(r[0], FONT, 7.5) for r in rows) + 2 * mm)
        value_w = 30 * mm
        left, span = label_w + 1 * mm, width - label_w - 1 * mm - value_w
        top = max(max(r[1], r[2] or 0) for r in rows) or 1
        for i, (name, value, before) in enumerate(rows):
            y = self.height - (i + 1) * self.ROW
            self.add(String(0, y + 1.6 * mm, fit(name, label_w - 1 * mm, 7.5), fontName=FONT, fontSize=7.5,
                            fillColor=INK))
            self.add(Rect(left, y + 1 * mm, max(0.5, span * value / top), self.ROW - 2 * mm, fillColor=ACCENT,
                          strokeColor=None))
            text = f"{area(value)}  {share(100 * value / total if total else None)}"
            self.add(String(left + span * value / top + 1.5 * mm, y + 1.6 * mm, text, fontName=FONT, fontSize=6.8,
                            fillColor=MUTED))
            if before:
                x = left + span * before / top
                self.add(Line(x, y + 0.3 * mm, x, y + self.ROW - 0.3 * mm, strokeColor=INK, strokeWidth=1.1))
        if with_previous:
            say = {"zh": "上届面积", "en": "previous edition"}.get(language, "上届面积 previous edition")
            self.add(Line(left, 1.2 * mm, left, 3.8 * mm, strokeColor=INK, strokeWidth=1.1))
            self.add(String(left + 1.5 * mm, 1.5 * mm, say, fontName=FONT, fontSize=6.5, fillColor=MUTED))


class DayChart(Drawing):
    """Columns of visitors per open day, with the previous edition's same day beside in grey."""

    HEIGHT = 58 * mm

    def __init__(self, data: ShowSummaryData, width: float, language: str):
        before = data.previous.visitor_days if data.previous else ()
        super().__init__(width, self.HEIGHT + (5 * mm if before else 0))
        self.initialFontName = FONT
        days = data.visitor_days
        base = 10 * mm + (5 * mm if before else 0)
        plot_h = self.height - base - 6 * mm
        top = max([d.visitors for d in days] + [b.visitors for b in before]) or 1
        slot = width / len(days)
        bar_w = min(14 * mm, slot * (0.36 if before else 0.6))
        self.add(Line(0, base, width, base, strokeColor=RULE, strokeWidth=0.6))
        for i, day in enumerate(days):
            middle = slot * (i + 0.5)
            x = middle - (bar_w if before else bar_w / 2)
            self._column(x, base, bar_w, plot_h * day.visitors / top, day.visitors, ACCENT, INK)
            if i < len(before):
                self._column(x + bar_w + 0.6 * mm, base, bar_w, plot_h * before[i].visitors / top,
                             before[i].visitors, PREVIOUS_INK, MUTED)
            weekday = WEEKDAYS[date.fromisoformat(day.day).weekday()]
            caption = {"zh": weekday[0], "en": weekday[1]}.get(language, f"{weekday[0]} {weekday[1]}")
            self.add(String(middle, base - 3.6 * mm, day.day[5:], fontName=FONT, fontSize=7, fillColor=INK,
                            textAnchor="middle"))
            self.add(String(middle, base - 7 * mm, caption, fontName=FONT, fontSize=6.5, fillColor=MUTED,
                            textAnchor="middle"))
        if before:
            say = {"zh": ("本届", "上届同日"), "en": ("this edition", "previous, same day")}.get(
                language, ("本届 this edition", "上届 previous"))
            x = 0.0
            for color, text in ((ACCENT, say[0]), (PREVIOUS_INK, say[1])):
                self.add(Rect(x, 1 * mm, 3 * mm, 2 * mm, fillColor=color, strokeColor=None))
                self.add(String(x + 4 * mm, 1 * mm, text, fontName=FONT, fontSize=6.5, fillColor=MUTED))
                x += 8 * mm + stringWidth(text, FONT, 6.5)

    def _column(self, x: float, base: float, width: float, height: float, value: int, color, ink) -> None:
        self.add(Rect(x, base, width, max(0.4, height), fillColor=color, strokeColor=None))
        self.add(String(x + width / 2, base + height + 1.2 * mm, count(value), fontName=FONT, fontSize=6.5,
                        fillColor=ink, textAnchor="middle"))


def _join_zh(names: list[str]) -> str:
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]


def _join_en(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def render_show_summary(data: ShowSummaryData, out) -> None:
    """Write the summary to a path or a binary file object."""
    ShowSummaryReport(data).render(out)


__all__ = ["ShowSummaryReport", "render_show_summary"]
