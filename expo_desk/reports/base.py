"""The one base renderer: page geometry, styles, header, footer with "Page x of y".

A report subclasses ``BaseReport`` and returns its flowables from ``story()``; the base
lays them out on A4 portrait or A3 landscape pages, with the organizer's name (and logo)
in the header and the page count in the footer. Texts are chosen per document language
with ``label``: "zh", "en" or "both" (bilingual, Chinese first).
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import IO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from expo_desk.reports.fonts import FONT, register_fonts

LANGUAGES = ("zh", "en", "both")
PAGE_FORMATS = {
    "A4": portrait(A4),
    "A4-landscape": landscape(A4),
    "A3": portrait(A3),
    "A3-landscape": landscape(A3),
}

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#66788a")
RULE = colors.HexColor("#b8c2cc")
ACCENT = colors.HexColor("#1d4e89")


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}: {language!r}")
    return language


def label(language: str, zh: str, en: str, sep: str = " / ") -> str:
    """The text in the document's language; both languages joined, Chinese first."""
    if language == "zh":
        return zh
    if language == "en":
        return en
    return f"{zh}{sep}{en}" if zh != en else zh


def page_label(language: str, page: int, total: int) -> str:
    """``第 x 页 / 共 y 页 · Page x of y`` (or one language of it)."""
    zh, en = f"第 {page} 页 / 共 {total} 页", f"Page {page} of {total}"
    return label(language, zh, en, sep=" · ")


@dataclass(frozen=True)
class DocumentSettings:
    """What every report page shares."""

    title_zh: str
    title_en: str
    organizer: str = ""
    logo_path: str | None = None
    language: str = "both"
    page_format: str = "A4"
    subtitle: str = ""  # e.g. the show's name, at the left of the footer

    @property
    def title(self) -> str:
        return label(self.language, self.title_zh, self.title_en)

    @property
    def pagesize(self) -> tuple[float, float]:
        try:
            return PAGE_FORMATS[self.page_format]
        except KeyError:
            raise ValueError(f"page format must be one of {', '.join(PAGE_FORMATS)}: {self.page_format!r}") from None


def show_document_settings(data, title: tuple[str, str], *details: str) -> DocumentSettings:
    """An A4 document of a show (``data`` with its ``show_name`` pair, ``language``, ``organizer``
    and ``logo_path``): the organizer, or else the show, at the top; the show's name in the
    document's language and then ``details`` in the footer."""
    show = data.show_name[1] if data.language == "en" else data.show_name[0]
    return DocumentSettings(title_zh=title[0], title_en=title[1], organizer=data.organizer or show,
                            logo_path=data.logo_path, language=data.language, page_format="A4",
                            subtitle=" · ".join((show, *details)))


def make_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of every report, in the CJK font (wordWrap="CJK" breaks Chinese anywhere)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=13, textColor=INK, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=23, textColor=ACCENT, spaceAfter=6),
        "heading": ParagraphStyle("heading", parent=base, fontSize=13, leading=17, textColor=ACCENT,
                                  spaceBefore=8, spaceAfter=4),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


def _numbered_canvas(settings: DocumentSettings, margin: float) -> type[Canvas]:
    """A canvas that holds its pages until the end, then writes "Page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("initialFontName", FONT)  # else an unembedded Helvetica is listed in every file
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab's name)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.setFont(FONT, 8)
                self.setFillColor(MUTED)
                self.drawRightString(width - margin, margin + 1.5 * mm, page_label(settings.language, number, total))
                super().showPage()
            super().save()

    return NumberedCanvas


class BaseReport:
    """Page templates, header and footer; a subclass gives ``story()``."""

    margin = 12 * mm
    header_height = 11 * mm
    footer_height = 7 * mm

    def __init__(self, settings: DocumentSettings):
        check_language(settings.language)
        register_fonts()
        self.settings = settings
        self.language = settings.language
        self.styles = make_styles()

    # ---------------------------------------------------------------- for subclasses

    def label(self, zh: str, en: str, sep: str = " / ") -> str:
        return label(self.language, zh, en, sep)

    def story(self) -> list[Flowable]:
        raise NotImplementedError

    # ---------------------------------------------------------------- geometry

    @property
    def pagesize(self) -> tuple[float, float]:
        return self.settings.pagesize

    def frame_box(self) -> tuple[float, float, float, float]:
        """x, y, width, height of the body frame between header and footer."""
        width, height = self.pagesize
        x, y = self.margin, self.margin + self.footer_height
        return x, y, width - 2 * self.margin, height - y - self.margin - self.header_height

    # ---------------------------------------------------------------- rendering

    def render(self, out: str | Path | IO[bytes]) -> None:
        """Write the PDF to a path or a binary file object."""
        target = str(out) if isinstance(out, Path) else out
        doc = BaseDocTemplate(
            target, pagesize=self.pagesize, leftMargin=self.margin, rightMargin=self.margin,
            topMargin=self.margin + self.header_height, bottomMargin=self.margin + self.footer_height,
            title=self.settings.title, author=self.settings.organizer or "", creator="Expo Desk",
            subject=self.settings.subtitle, initialFontName=FONT,
        )
        x, y, w, h = self.frame_box()
        frame = Frame(x, y, w, h, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate, pagesize=self.pagesize)])
        doc.build(self.story(), canvasmaker=_numbered_canvas(self.settings, self.margin))

    def render_bytes(self) -> bytes:
        buffer = BytesIO()
        self.render(buffer)
        return buffer.getvalue()

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Header (logo, organizer, title) and the footer's left part; the page count comes at the end."""
        width, height = self.pagesize
        m = self.margin
        top = height - m
        canvas.saveState()
        text_x = m
        logo = self.settings.logo_path
        if logo and Path(logo).is_file():
            try:
                canvas.drawImage(str(logo), m, top - 8 * mm, width=24 * mm, height=8 * mm,
                                 preserveAspectRatio=True, anchor="w", mask="auto")
                text_x = m + 27 * mm
            except Exception:  # an unreadable image: the name alone is enough
                text_x = m
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 11)
        canvas.drawString(text_x, top - 6 * mm, self.settings.organizer or "")
        canvas.setFillColor(ACCENT)
        canvas.setFont(FONT, 11)
        canvas.drawRightString(width - m, top - 6 * mm, self.settings.title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(m, top - self.header_height + 1.5 * mm, width - m, top - self.header_height + 1.5 * mm)
        canvas.line(m, m + self.footer_height - 2 * mm, width - m, m + self.footer_height - 2 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 8)
        canvas.drawString(m, m + 1.5 * mm, self.settings.subtitle)
        canvas.restoreState()
