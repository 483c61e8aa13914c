"""Small text helpers every report draws with: a text cut to a width, a span of dates."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from expo_desk.reports.fonts import FONT


def fit(text: str, width: float, size: float = 7.5) -> str:
    """The text, cut with an ellipsis to fit ``width`` at ``size`` in the report font."""
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text + "…"


def span(first: str, last: str) -> str:
    """``2026-09-18 – 09-20``: the year once when both days share it."""
    if not last or last == first:
        return first
    return f"{first} – {last[5:] if last[:4] == first[:4] else last}"


def dates_text(start: str | None, end: str | None, unknown: str = "", *, short_year: bool = False) -> str:
    """``start – end``, one day when they are the same or one is missing, ``unknown`` when both are;
    with ``short_year`` the end leaves out a year it shares with the start."""
    if start and end and start != end:
        return f"{start} – {end[5:] if short_year and end[:4] == start[:4] else end}"
    return start or end or unknown
