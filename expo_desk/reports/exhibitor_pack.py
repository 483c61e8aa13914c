"""The exhibitor pack (展商手册 / 参展指南), printed before the show, one per exhibitor:
a cover, then welcome, the booth with its hall plan, build-up and tear-down, services and
fascia, the payment statement, badges, venue rules and contacts — A4, in Chinese, English
or both.

Drawn from ``PackData`` (plain data from ``services.pack_data``), never from the database;
the sections are in ``reports.pack_sections``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, PageBreak, Paragraph, Spacer, TableStyle

from expo_desk.reports.base import ACCENT, MUTED, BaseReport, show_document_settings
from expo_desk.reports.contract_tables import Words, boxes, key_values, plain_table
from expo_desk.reports.fonts import FONT
from expo_desk.reports.pack_sections import PackSections
from expo_desk.reports.texts import dates_text

if TYPE_CHECKING:
    from expo_desk.services.pack_data import PackData

TITLE = ("展商手册", "Exhibitor Pack")
SUBTITLE = ("参展指南", "Exhibitor guide")
FOOTER_BOOTHS = 3  # booth numbers named in the footer before "+N"


class ExhibitorPack(BaseReport):
    """One exhibitor's pack: the cover on its own page, then the sections."""

    def __init__(self, data: PackData):
        name = (data.exhibitor_name_en or data.exhibitor_name) if data.language == "en" else data.exhibitor_name
        booths = list(data.booth_numbers)
        shown = ", ".join(booths[:FOOTER_BOOTHS]) + (f" +{len(booths) - FOOTER_BOOTHS}" if len(booths) > FOOTER_BOOTHS
                                                     else "")
        super().__init__(show_document_settings(data, TITLE, name, shown))
        self.data = data
        self.words = Words(data.language, self.styles, data.currency_symbol)
        self.styles = self.words.styles
        self.width = self.frame_box()[2]
        self.sections = PackSections(data, self.words, self.width)

    def story(self) -> list[Flowable]:
        s = self.sections
        out = self.cover() + [PageBreak()]
        number = 1
        for part in (s.welcome, s.booth, s.build_and_tear_down, s.services, s.payments, s.badges, s.venue_rules,
                     s.contacts):
            flowables = part(number)  # a section without text (welcome, venue rules) is left out, unnumbered
            out += flowables
            number += bool(flowables)
        return out

    def _decorate(self, canvas, doc) -> None:
        """No running header on the cover: it carries the organizer and the title itself."""
        if doc.page > 1:
            super()._decorate(canvas, doc)

    # ---------------------------------------------------------------- the cover

    def cover(self) -> list[Flowable]:
        """Organizer, show, the document's name on a band, then the exhibitor with its booths,
        the three periods of the show and who to call."""
        d = self.data
        style = self._cover_styles()
        out: list[Flowable] = []
        logo = _logo(d.logo_path, 60 * mm, 22 * mm)
        if logo is not None:
            out += [logo, Spacer(1, 3 * mm)]
        if d.organizer:  # without one the show's name below stands for it
            out.append(Paragraph(escape(d.organizer), style["organizer"]))
        out.append(Spacer(1, (22 if logo is not None or d.organizer else 30) * mm))
        first, second = (d.show_name[1], "") if self.language == "en" else (
            d.show_name[0], d.show_name[1] if self.language == "both" and d.show_name[1] != d.show_name[0] else "")
        out.append(Paragraph(escape(first), style["show"]))
        if second:
            out.append(Paragraph(escape(second), style["show_en"]))
        where = ", ".join(x for x in (d.venue_text(), d.city) if x)
        if where:
            out += [Spacer(1, 2 * mm), Paragraph(escape(where), style["where"])]
        out += [Spacer(1, 9 * mm), self._band(style), Spacer(1, 12 * mm), self._exhibitor(style),
                Spacer(1, 6 * mm), self._periods(style), Spacer(1, 6 * mm), self._facts()]
        return out

    def _cover_styles(self) -> dict[str, ParagraphStyle]:
        body = self.styles["body"]
        return {
            "organizer": ParagraphStyle("c_org", parent=body, fontSize=13, leading=17, textColor=MUTED),
            "show": ParagraphStyle("c_show", parent=body, fontSize=26, leading=32, textColor=ACCENT),
            "show_en": ParagraphStyle("c_show_en", parent=body, fontSize=14, leading=18, textColor=MUTED),
            "where": ParagraphStyle("c_where", parent=body, fontSize=11, leading=15),
            "band": ParagraphStyle("c_band", parent=body, fontSize=20, leading=25, textColor=colors.white),
            "band_en": ParagraphStyle("c_band_en", parent=body, fontSize=11, leading=14,
                                      textColor=colors.HexColor("#dbe6f3")),
            "key": ParagraphStyle("c_key", parent=body, fontSize=9, leading=12, textColor=MUTED),
            "name": ParagraphStyle("c_name", parent=body, fontSize=20, leading=25),
            "name_en": ParagraphStyle("c_name_en", parent=body, fontSize=12, leading=15, textColor=MUTED),
            "booths": ParagraphStyle("c_booths", parent=body, fontSize=26, leading=31, textColor=ACCENT),
            "period": ParagraphStyle("c_period", parent=body, fontSize=11, leading=14),
        }

    def _band(self, style: dict[str, ParagraphStyle]) -> Flowable:
        """The document's name on a coloured band across the page."""
        zh, en = TITLE
        sub_zh, sub_en = SUBTITLE
        if self.language == "en":
            cells = [Paragraph(escape(en), style["band"])]
        elif self.language == "zh":
            cells = [Paragraph(f"{escape(zh)}&nbsp;&nbsp;·&nbsp;&nbsp;{escape(sub_zh)}", style["band"])]
        else:
            cells = [Paragraph(f"{escape(zh)}&nbsp;&nbsp;·&nbsp;&nbsp;{escape(sub_zh)}", style["band"]),
                     Paragraph(escape(f"{en} · {sub_en}"), style["band_en"])]
        band = plain_table([[cells]], colWidths=[self.width])
        band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), ACCENT), ("TOPPADDING", (0, 0), (-1, -1), 9),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 11), ("LEFTPADDING", (0, 0), (-1, -1), 10)]))
        return band

    def _exhibitor(self, style: dict[str, ParagraphStyle]) -> Flowable:
        """The exhibitor's name and booth numbers in a framed box, large."""
        d, w = self.data, self.words
        inner = self.width - 12
        if self.language == "en":
            first, second = d.exhibitor_name_en or d.exhibitor_name, ""
        else:
            first = d.exhibitor_name
            second = d.exhibitor_name_en if self.language == "both" and d.exhibitor_name_en != first else ""
        out: list[Flowable] = [Paragraph(escape(w.say("参展商", "Exhibitor")), style["key"]),
                               Paragraph(escape(first), style["name"])]
        if second:
            out.append(Paragraph(escape(second), style["name_en"]))
        booths = ", ".join(d.booth_numbers)
        size = _fitting_size(booths, inner, 26, 13, lines=2)
        booth_style = ParagraphStyle("c_booths_fit", parent=style["booths"], fontSize=size, leading=size * 1.22)
        key = w.say("展位号", "Booth" if len(d.booths) == 1 else "Booths")
        halls = ", ".join(dict.fromkeys(w.say(b.hall_name or b.hall_code, f"Hall {b.hall_code}") for b in d.booths))
        out += [Spacer(1, 5 * mm), Paragraph(escape(key), style["key"]), Paragraph(escape(booths), booth_style),
                Paragraph(escape(halls), style["where"])]
        return boxes([out], self.width)

    def _periods(self, style: dict[str, ParagraphStyle]) -> Flowable:
        """Build-up, open days and tear-down side by side."""
        d, w = self.data, self.words
        cells = []
        for zh, en, period in (("布展", "Build-up", d.build_up), ("展期", "Open days", d.open_days),
                               ("撤展", "Tear-down", d.tear_down)):
            cells.append([Paragraph(escape(w.say(zh, en)), style["key"]),
                          Paragraph(escape(dates_text(*period, self.sections.unknown_date())), style["period"])])
        return boxes(cells, self.width, gap=4 * mm)

    def _facts(self) -> Flowable:
        d, w = self.data, self.words
        facts = [("项目经理", "Account manager", escape(d.manager_name or "—")),
                 ("印制日期", "Printed on", d.printed_on)]
        return key_values(w, facts, self.width, columns=2, key_width=30 * mm)


def _fitting_size(text: str, width: float, largest: float, smallest: float, lines: int = 1) -> float:
    """The largest font size (down to ``smallest``) at which ``text`` fits ``lines`` lines of ``width``."""
    needed = stringWidth(text, FONT, 1) / lines * 1.08  # room for breaking at commas, not mid-number
    return max(smallest, min(largest, width / max(needed, 1)))


def _logo(path: str | None, width: float, height: float) -> Flowable | None:
    """The organizer's logo scaled into the box, or None when it is missing or unreadable."""
    if not path or not Path(path).is_file():
        return None
    try:
        image_w, image_h = ImageReader(path).getSize()
    except Exception:  # an unreadable image: the name alone is enough
        return None
    scale = min(width / image_w, height / image_h)
    logo = Image(path, width=image_w * scale, height=image_h * scale)
    logo.hAlign = "LEFT"
    return logo


def render_pack(data: PackData, out) -> None:
    """Write one exhibitor's pack to a path or a binary file object."""
    ExhibitorPack(data).render(out)


__all__ = ["ExhibitorPack", "render_pack"]
