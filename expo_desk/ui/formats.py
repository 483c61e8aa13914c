"""Money, dates and numbers as the screen shows them in the chosen language.

Pure functions, so pages and tables agree on one way of writing each thing; reports keep
their own per-document language and formats. ``language`` is ``"zh"`` or ``"en"`` (what
``ui.i18n.install_translators`` chose).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal

from expo_desk.domain.money import format_fen
from expo_desk.ui.language import ui_language

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_ZH = "一二三四五六日"


def _is_chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def money(fen: int, language: str) -> str:
    """12345600 → '¥123,456.00' in English, '123,456.00 元' in Chinese (the sign in front)."""
    if _is_chinese(language):
        return f"{format_fen(fen, symbol='')} 元"
    return format_fen(fen)


def number(value: int | float | Decimal, language: str, decimals: int | None = None) -> str:
    """12345 → '12,345'; with ``decimals`` the fixed places ('1,234.50'). Chinese and English
    both group thousands with commas; the language is asked for so callers need not know."""
    del language  # same digits in both languages today; the parameter keeps callers uniform
    if decimals is None:
        return f"{value:,}"
    return f"{value:,.{decimals}f}"


def _day(value: date, language: str) -> str:
    if _is_chinese(language):
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def date_text(iso: str | date | None, language: str) -> str:
    """'2026-09-18' → '2026年9月18日' / '18 Sep 2026' (day first: never 9/18 or 18/9); '' for none."""
    if not iso:
        return ""
    day = iso if isinstance(iso, date) else date.fromisoformat(iso)
    return _day(day, language)


def _as_date(iso: str | date) -> date:
    if isinstance(iso, datetime):
        return iso.date()
    return iso if isinstance(iso, date) else date.fromisoformat(iso)


def short_date(iso: str | date | None, language: str) -> str:
    """'2026-09-18' → '9月18日' / 'Sep 18': day and month only, for narrow column headings
    (a Gantt or crew-load grid) where the year is shown elsewhere; '' for none."""
    if not iso:
        return ""
    day = _as_date(iso)
    if _is_chinese(language):
        return f"{day.month}月{day.day}日"
    return f"{_MONTHS[day.month - 1]} {day.day}"


def weekday_name(iso: str | date | None, language: str, short: bool = False) -> str:
    """'2026-09-18' → '星期五' / 'Friday'; with ``short`` '周五' / 'Fri'; '' for none."""
    if not iso:
        return ""
    index = _as_date(iso).weekday()
    if _is_chinese(language):
        return ("周" if short else "星期") + _WEEKDAYS_ZH[index]
    name = _WEEKDAYS_EN[index]
    return name[:3] if short else name


def _local(iso: str | datetime, zone: tzinfo | None) -> datetime:
    when = iso if isinstance(iso, datetime) else datetime.fromisoformat(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(zone)


def local_date_text(iso: str | datetime | None, language: str, zone: tzinfo | None = None) -> str:
    """The day of a stored UTC timestamp at the user's local time (or ``zone``), without the
    hour, for narrow columns: '2026年9月19日' / '19 Sep 2026'; '' for none."""
    if not iso:
        return ""
    return _day(_local(iso, zone).date(), language)


def datetime_text(iso: str | datetime | None, language: str, zone: tzinfo | None = None) -> str:
    """A stored UTC timestamp at the user's local time (or ``zone``): '2026年9月18日 16:05' /
    '18 Sep 2026 16:05'; '' for none. Timestamps without a zone are taken as UTC."""
    if not iso:
        return ""
    local = _local(iso, zone)
    return f"{_day(local.date(), language)} {local:%H:%M}"


def ui_money(fen: int) -> str:
    """An amount for the window, in its language: '¥12,345.00' or '12,345.00 元'."""
    return money(fen, ui_language())


def ui_date(iso: str | date | None) -> str:
    """A calendar date for the window, in its language: '18 Sep 2026' or '2026年9月18日'."""
    return date_text(iso, ui_language())


def ui_datetime(iso: str | datetime | None) -> str:
    """A stored UTC timestamp for the window, at local time: '18 Sep 2026 16:05'."""
    return datetime_text(iso, ui_language())


def ui_local_date(iso: str | datetime | None) -> str:
    """The local day of a stored UTC timestamp for the window: '18 Sep 2026'."""
    return local_date_text(iso, ui_language())
