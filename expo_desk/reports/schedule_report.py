"""The schedule progress report for management (项目进度报告), A4 portrait, in Chinese,
English or both: where the build stands as of a day, what is late, and what decides the
finish.

Drawn from ``ScheduleReportData`` (plain data from ``services.schedule_report_data``), never
from the database; the tables and boxes are those of the contract documents.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from expo_desk.reports.base import ACCENT, INK, MUTED, RULE, BaseReport, show_document_settings
from expo_desk.reports.contract_tables import (
    GOOD,
    WARN,
    Words,
    band_row_style,
    boxes,
    grid,
    opening_head,
    plain_table,
    title_lines,
)
from expo_desk.reports.fonts import FONT
from expo_desk.reports.texts import fit, span

if TYPE_CHECKING:
    from expo_desk.services.schedule_report_data import ReportIssue, ScheduleReportData

TITLE = ("项目进度报告", "Schedule progress report")
AMBER = colors.HexColor("#b7791f")
TRACK = colors.HexColor("#e6eaef")
STATE_COLORS = {"done": GOOD, "on_time": ACCENT, "at_risk": AMBER, "late": WARN, "blocked": WARN,
                "in_progress": ACCENT, "not_started": INK}
STATE_FILLS = {"at_risk": colors.HexColor("#fdf1d8"), "late": colors.HexColor("#fbe4e2")}  # milestones to look at


def _percent(value: float) -> str:
    """``37.5%``, ``64%``, ``100%``: one decimal at most."""
    return f"{round(value, 1):g}%"


class ProgressBar(Flowable):
    """A thin horizontal bar: the done share filled, the late share in red after it."""

    def __init__(self, percent: float, late_share: float = 0.0, height: float = 2.6 * mm):
        super().__init__()
        self.percent, self.late_share, self.bar_height = percent, late_share, height

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, self.bar_height
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setFillColor(TRACK)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        done_w = self.width * max(0.0, min(100.0, self.percent)) / 100
        c.setFillColor(GOOD)
        c.rect(0, 0, done_w, self.height, stroke=0, fill=1)
        late_w = min(self.width - done_w, self.width * max(0.0, self.late_share))
        if late_w > 0:
            c.setFillColor(WARN)
            c.rect(done_w, 0, late_w, self.height, stroke=0, fill=1)


class ScheduleReport(BaseReport):
    """The one document: the overview on the first page, the lists behind it after."""

    def __init__(self, data: ScheduleReportData):
        super().__init__(show_document_settings(data, TITLE, data.show_code, data.today))
        self.data = data
        self.words = Words(data.language, self.styles)
        self.styles = self.words.styles
        self.styles["heading"].keepWithNext = True  # never a heading alone at the foot of a page
        self.styles["figure"] = ParagraphStyle("figure", parent=self.styles["total"], fontSize=17, leading=21)
        self.width = self.frame_box()[2]

    def story(self) -> list[Flowable]:
        """The overview first (summary, milestones, their timeline, the roles), then the lists behind it."""
        return [*self._opening(), self._summary(), *self._milestones(), *self._roles(), *self._issues(),
                *self._critical_path()]

    # ---------------------------------------------------------------- opening and summary

    def _opening(self) -> list[Flowable]:
        w, d = self.words, self.data
        title = title_lines(w, TITLE)
        title.append(w.stacked(*d.show_name, style="value", size=8))
        facts = [("展会代码", "Show", escape(d.show_code)), ("截至", "As of", d.today)]
        if d.open_dates[0]:
            days = d.days_to_opening
            facts.append(("展期", "Open days", span(*d.open_dates)))
            if days is not None and days >= 0:
                facts.append(("距开幕", "To opening", escape(w.say(f"{days} 天", f"{days} days"))))
        if d.build_start:
            facts.append(("布展开始", "Build-up from", d.build_start))
        if d.project_finish:
            facts.append(("预计完工", "Forecast finish", d.project_finish))
        return opening_head(w, title, facts, self.width, 112 * mm, key_width=(25 if self.language == "en" else 19) * mm)

    def _figure(self, text: str, color=ACCENT, qualifier: tuple[str, str] | None = None) -> Paragraph:
        """A key figure, large, with an optional small grey word after it ("done")."""
        small = ""
        if qualifier:
            small = f" <font size='7.5' color='{MUTED.hexval()}'>{escape(self.words.say(*qualifier, ' '))}</font>"
        return Paragraph(f"<font color='{color.hexval()}'>{escape(text)}</font>{small}", self.styles["figure"])

    def _counts(self, items: list[tuple[tuple[str, str], int, object]]) -> Table:
        """One line per count under a key figure: the label, and the number in its colour when not zero."""
        rows = []
        for (zh, en), count, color in items:
            name = escape(zh) if self.language != "en" else escape(en)
            if self.language == "both":
                name += f" <font size='6.8' color='{MUTED.hexval()}'>{escape(en)}</font>"
            shown = f"<font color='{color.hexval()}'>{count:,}</font>" if count else f"{count:,}"
            rows.append([Paragraph(name, self.styles["cell"]), Paragraph(shown, self.styles["cell_right"])])
        table = plain_table(rows, colWidths=["*", 12 * mm])
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
                                   ("LINEBELOW", (0, 0), (-1, -2), 0.25, TRACK)]))
        return table

    def _summary(self) -> Flowable:
        """Four boxes: done overall, milestones, late tasks, open punch items (when tracked)."""
        w, d = self.words, self.data
        overall = [w.stacked("总体完成（按工期加权）", "Done overall, weighted by duration", "key", 6.5),
                   self._figure(_percent(d.percent)),
                   ProgressBar(d.percent), Spacer(1, 1.2 * mm),
                   self._counts([(("任务", "tasks"), d.tasks, INK), (("已完成", "done"), d.done, GOOD)])]
        milestones = [w.stacked("里程碑", "Milestones", "key", 6.5),
                      self._figure(f"{d.milestone_count('done')} / {len(d.milestones)}", qualifier=("已完成", "done")),
                      self._counts([(("正常", "on time"), d.milestone_count("on_time"), ACCENT),
                                    (("有风险", "at risk"), d.milestone_count("at_risk"), AMBER),
                                    (("延误", "late"), d.milestone_count("late"), WARN)])]
        late = [w.stacked("延误任务", "Late tasks", "key", 6.5),
                self._figure(f"{d.late_tasks:,}", WARN if d.late_tasks else GOOD),
                self._counts([(("受阻", "blocked"), d.blocked, WARN)])]
        cells = [overall, milestones, late]
        if d.punch is not None:
            serious = sum(p.count for p in d.punch if p.severity in ("critical", "high"))
            punch = [w.stacked("待整改问题", "Open punch items", "key", 6.5),
                     self._figure(f"{sum(p.count for p in d.punch):,}", WARN if serious else ACCENT),
                     self._counts([(p.name, p.count, WARN if p.severity in ("critical", "high") else AMBER)
                                   for p in d.punch])]
            cells.append(punch)
        return boxes(cells, self.width, gap=3 * mm)

    # ---------------------------------------------------------------- milestones

    def _state_cell(self, state: str, name: tuple[str, str], inline: bool = False) -> Paragraph:
        """A status in its colour; ``inline`` keeps a bilingual one on one line (long tables)."""
        color = STATE_COLORS.get(state, INK)
        text = self.words.markup(*name)
        if inline and self.language == "both":
            text = f"{escape(name[0])} <font size='7' color='{MUTED.hexval()}'>{escape(name[1])}</font>"
        return Paragraph(f"<font color='{color.hexval()}'>{text}</font>", self.styles["cell"])

    def _milestones(self) -> list[Flowable]:
        w, d = self.words, self.data
        out: list[Flowable] = [w.heading("里程碑（总进度）", "Milestones (overall schedule)")]
        if not d.milestones:
            return out + [w.note("尚无里程碑。", "No milestones yet.")]
        heads = [("里程碑", "Milestone"), ("计划日期", "Planned"), ("预测 / 实际", "Forecast / actual"),
                 ("偏差（天）", "Slip (days)"), ("完成", "Done"), ("状态", "Status")]
        rows = [[w.stacked(zh, en, "head_right" if i in (3, 4) else "head") for i, (zh, en) in enumerate(heads)]]
        extra = []
        for m in d.milestones:
            slip = f"+{m.slip_days}" if m.slip_days else "0"
            rows.append([w.stacked(*m.name), w.para(m.planned), w.para(m.actual or m.forecast),
                         w.para(slip, "cell_right"), w.para(_percent(m.percent), "cell_right"),
                         self._state_cell(m.state, m.state_name, inline=True)])
            if m.state in STATE_FILLS:
                extra.append(("BACKGROUND", (5, len(rows) - 1), (5, len(rows) - 1), STATE_FILLS[m.state]))
        widths = [24 * mm, 26 * mm, 20 * mm, 16 * mm, 26 * mm]
        table = grid(rows, [self.width - sum(widths)] + widths, extra=extra)
        chart = MilestoneTimeline(d, self.language, self.width)
        return [*out, table, Spacer(1, 3 * mm),
                KeepTogether([w.heading("里程碑时间线", "Milestone timeline"), chart])]

    # ---------------------------------------------------------------- issues and critical path

    def _more(self, rows: list, count: int, columns: int) -> list:
        """The "and N more" line closing a cut list."""
        if not count:
            return []
        rows.append([self.words.note(f"另有 {count:,} 项未列出", f"and {count:,} more")] + [""] * (columns - 1))
        return [("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1))]

    def _issues(self) -> list[Flowable]:
        """One table: a band per level (main events, tasks), each cut with "and N more"."""
        w, d = self.words, self.data
        total = d.issue_count
        out: list[Flowable] = [CondPageBreak(45 * mm),  # the heading and a few rows, or a new page
                               w.heading(f"延误及有风险事项（{total:,}）", f"Late and at-risk items ({total:,})")]
        if not total:
            return out + [w.note("没有延误或有风险的事项。", "Nothing is late or at risk.")]
        heads = [("事项", "Event / task"), ("展位", "Booth"), ("负责人", "Owner"), ("计划完成", "Planned finish"),
                 ("延误天数", "Days late"), ("状态", "State")]
        rows = [[w.stacked(zh, en, "head_right" if i == 4 else "head") for i, (zh, en) in enumerate(heads)]]
        extra: list = []
        for group in d.issue_groups:
            extra += band_row_style(len(rows))
            rows.append([w.stacked(f"{group.name[0]} · {group.total:,}", f"{group.name[1]} · {group.total:,}", "head")]
                        + [""] * (len(heads) - 1))
            for item in group.items:
                rows.append(self._issue_row(item))
            extra += self._more(rows, group.more, len(heads))
        widths = [20 * mm, 30 * mm, 22 * mm, 17 * mm, 24 * mm]
        return [*out, grid(rows, [self.width - sum(widths)] + widths, extra=extra)]

    def _issue_row(self, item: ReportIssue) -> list[Flowable]:
        w = self.words
        what = w.markup(*item.name)
        if item.reason[0]:
            what += f"<br/><font size='6.8' color='{MUTED.hexval()}'>{escape(w.pair(item.reason))}</font>"
        return [Paragraph(what, self.styles["cell"]), w.para(item.booth or "—"),
                w.stacked(*item.owner) if item.owner[0] else w.para("—"), w.para(item.planned_finish),
                w.para(str(item.days_late) if item.days_late else "—", "cell_right"),
                self._state_cell(item.state, item.state_name, inline=True)]

    def _critical_path(self) -> list[Flowable]:
        w, d = self.words, self.data
        intro = w.stacked("决定完工日期的任务链，按顺序排列：浮动时间为 0 的任务每延误一天，完工就推迟一天。"
                          "多个展位同期进行的同一任务合为一行。",
                          "The chain of tasks that decides the finish date, in order: a task with no float that "
                          "slips one day moves the finish by one day. The same task of several booths on the same "
                          "days is one line.", "note")
        out: list[Flowable] = [CondPageBreak(45 * mm), w.heading("关键路径", "Critical path"), intro,
                               Spacer(1, 1.5 * mm)]
        if not d.critical_path:
            return out + [w.note("尚无关键路径（没有相互关联的任务）。", "No critical path yet (no linked tasks).")]
        heads = [("序号", "#"), ("任务", "Task"), ("展位", "Booth"), ("开始", "Start"), ("完成", "Finish"),
                 ("浮动（天）", "Float (days)"), ("状态", "Status")]
        rows = [[w.stacked(zh, en, "head_right" if i in (0, 5) else "head") for i, (zh, en) in enumerate(heads)]]
        for n, step in enumerate(d.critical_path, start=1):
            state = "late" if step.float_days < 0 and step.status != "done" else step.status
            booth = w.para(step.booth or "—")
            if step.count > 1:
                booth = w.stacked(f"{step.count:,} 个展位", f"{step.count:,} booths")
            rows.append([w.para(str(n), "cell_right"), w.stacked(*step.name), booth,
                         w.para(step.start), w.para(step.finish), w.para(str(step.float_days), "cell_right"),
                         self._state_cell(state, step.status_name, inline=True)])
        extra = self._more(rows, d.path_more, len(heads))
        widths = [9 * mm, 20 * mm, 22 * mm, 22 * mm, 18 * mm, 27 * mm]
        return [*out, grid(rows, [widths[0], self.width - sum(widths)] + widths[1:], extra=extra)]

    # ---------------------------------------------------------------- roles

    def _roles(self) -> list[Flowable]:
        w, d = self.words, self.data
        out: list[Flowable] = [w.heading("各岗位进度（详细进度）", "Progress per role (detailed schedule)")]
        if not d.roles:
            return out + [w.note("尚无任务。", "No tasks yet.")]
        heads = [("岗位", "Role"), ("任务", "Tasks"), ("已完成", "Done"), ("延误", "Late"), ("完成率", "Percent"),
                 ("", "")]
        rows = [[w.stacked(zh, en, "head" if i in (0, 5) else "head_right") for i, (zh, en) in enumerate(heads)]]
        for r in d.roles:
            late = w.para(f"{r.late:,}", "cell_right")
            if r.late:
                late = Paragraph(f"<font color='{WARN.hexval()}'>{r.late:,}</font>", self.styles["cell_right"])
            rows.append([w.stacked(*r.name), w.para(f"{r.tasks:,}", "cell_right"), w.para(f"{r.done:,}", "cell_right"),
                         late, w.para(_percent(r.percent), "cell_right"),
                         ProgressBar(r.percent, r.late / r.tasks if r.tasks else 0.0)])
        widths = [42 * mm, 20 * mm, 20 * mm, 18 * mm, 20 * mm]
        legend = w.stacked("条形：绿色为完成率，红色为延误任务所占比例。",
                           "Bars: green is the share done, red the share of tasks that are late.", "note")
        return [KeepTogether([*out, grid(rows, widths + [self.width - sum(widths)]), Spacer(1, 1 * mm), legend])]


class MilestoneTimeline(Drawing):
    """Milestones on a date line, one row each: the planned day (hollow diamond), the forecast
    or actual day (filled, in the state's colour), a line for the slip between, and today.

    The line starts shortly before today or the first open milestone, so the weeks that matter
    are wide; a milestone done before that sits at the left edge with its date."""

    ROW = 5.2 * mm
    AXIS = 11 * mm  # the date line, its labels and the legend under them
    LEAD_DAYS = 21  # days shown before today or the first open milestone
    def __init__(self, data: ScheduleReportData, language: str, width: float):
        super().__init__(width, len(data.milestones) * self.ROW + self.AXIS + 4 * mm)
        self.initialFontName = FONT  # the drawing's starting font: no unembedded Helvetica in the file
        self._draw(data, language, width)

    def _draw(self, d: ScheduleReportData, language: str, width: float) -> None:
        names = [m.name[1] if language == "en" else m.name[0] for m in d.milestones]  # the table has both
        label_w = min(52 * mm, max(stringWidth(n, FONT, 7.5) for n in names) + 4 * mm)
        left, right = label_w + 2 * mm, width - 4 * mm
        today = _ordinal(d.today)
        shown = [_ordinal(m.actual or m.forecast or m.planned) for m in d.milestones]  # forecast or actual
        every = [day for m, seen in zip(d.milestones, shown) for day in (_ordinal(m.planned), seen) if day]
        still_open = [day for m, seen in zip(d.milestones, shown) if m.state != "done"
                      for day in (_ordinal(m.planned), seen) if day]
        first = min([today] + (still_open or every)) - self.LEAD_DAYS
        last = max(every + [today]) + 7

        def x_of(day: int) -> float:
            return left + (right - left) * (max(first, day) - first) / max(1, last - first)

        top = self.height - 2 * mm
        axis_y = self.AXIS - 1 * mm
        for i, name in enumerate(names):
            y = top - (i + 0.5) * self.ROW
            if i % 2 == 0:
                self.add(Rect(0, y - self.ROW / 2, width, self.ROW, fillColor=colors.HexColor("#f6f8fa"),
                              strokeColor=None))
            self.add(String(0, y - 2.5, fit(name, label_w - 2 * mm), fontName=FONT, fontSize=7.5, fillColor=INK))
        self._axis(first, last, x_of, axis_y, top)
        for i, m in enumerate(d.milestones):
            y = top - (i + 0.5) * self.ROW
            color = STATE_COLORS.get(m.state, ACCENT)
            planned, actual = _ordinal(m.planned), shown[i]
            if actual and actual < first:  # long done: at the edge, with its date
                self.add(_diamond(left, y, 3.0, color, color))
                self.add(String(left + 5, y - 2.3, f"◀ {date.fromordinal(actual).isoformat()}", fontName=FONT,
                                fontSize=6.5, fillColor=MUTED))
                continue
            if planned and actual and planned != actual:
                self.add(Line(x_of(planned), y, x_of(actual), y, strokeColor=color, strokeWidth=1.2))
                self.add(_diamond(x_of(planned), y, 2.6, None, MUTED))
            if actual:
                self.add(_diamond(x_of(actual), y, 3.0, color, color))
        x_today = x_of(today)
        self.add(Line(x_today, axis_y, x_today, top, strokeColor=WARN, strokeWidth=0.8, strokeDashArray=[2, 1.5]))
        today_text = {"zh": "今天", "en": "Today"}.get(language, "今天 Today")
        self.add(String(x_today, top + 0.6 * mm, today_text, fontName=FONT, fontSize=6.5, fillColor=WARN,
                        textAnchor="middle"))
        self._legend(width, language)

    def _axis(self, first: int, last: int, x_of, y: float, top: float) -> None:
        """Weekly ticks (Mondays) over a few months, else monthly; labels far enough apart to read."""
        self.add(Line(x_of(first), y, x_of(last), y, strokeColor=RULE, strokeWidth=0.6))
        if last - first <= 150:
            ticks = list(range(first + (7 - date.fromordinal(first).weekday()) % 7, last + 1, 7))
        else:
            ticks, day = [], _next_month_start(first)
            while day <= last:
                ticks.append(day)
                day = _next_month_start(day)
        spacing = (x_of(last) - x_of(first)) / max(1, len(ticks))
        label_every = max(1, math.ceil(14 * mm / max(spacing, 1)))
        for n, tick in enumerate(ticks):
            x = x_of(tick)
            self.add(Line(x, y, x, top, strokeColor=colors.HexColor("#e4e8ec"), strokeWidth=0.4))
            if n % label_every == 0:
                when = date.fromordinal(tick)
                text = when.strftime("%m-%d") if last - first <= 150 else when.strftime("%Y-%m")
                self.add(String(x, y - 7, text, fontName=FONT, fontSize=6.5, fillColor=MUTED, textAnchor="middle"))

    def _legend(self, width: float, language: str) -> None:
        """Hollow = planned, filled = forecast or actual; at the bottom right, clear of the today line's label."""
        say = {"zh": ("计划", "预测 / 实际"), "en": ("planned", "forecast / actual")}.get(
            language, ("计划 planned", "预测 / 实际 forecast / actual"))
        y = 0.5 * mm
        x = width - stringWidth(say[1], FONT, 6.5) - 4
        self.add(_diamond(x - 6, y + 2, 2.4, ACCENT, ACCENT))
        self.add(String(x, y, say[1], fontName=FONT, fontSize=6.5, fillColor=MUTED))
        x -= 16 + stringWidth(say[0], FONT, 6.5)
        self.add(_diamond(x - 6, y + 2, 2.4, None, MUTED))
        self.add(String(x, y, say[0], fontName=FONT, fontSize=6.5, fillColor=MUTED))


def _ordinal(iso: str) -> int:
    return date.fromisoformat(iso).toordinal() if iso else 0


def _next_month_start(ordinal: int) -> int:
    day = date.fromordinal(ordinal)
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, 1).toordinal()


def _diamond(x: float, y: float, r: float, fill, stroke) -> Polygon:
    return Polygon([x, y + r, x + r, y, x, y - r, x - r, y], fillColor=fill or colors.white, strokeColor=stroke,
                   strokeWidth=0.8)


def render_schedule_report(data: ScheduleReportData, out) -> None:
    """Write the report to a path or a binary file object."""
    ScheduleReport(data).render(out)


__all__ = ["ScheduleReport", "render_schedule_report"]
