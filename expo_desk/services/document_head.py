"""What every printed document of a show starts from: the document's language, the
organizer's name and logo (business settings kept in the file), the show's names, place,
dates and currency. One reading of them, so every document heads the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from expo_desk.domain.plan_report import LANGUAGES
from expo_desk.errors import UserError
from expo_desk.store.settings import get_setting

if TYPE_CHECKING:
    from expo_desk.store.db import Database

Pair = tuple[str, str]  # (Chinese, English)

# business settings (kept in the file) for the header of every report
ORGANIZER_SETTING = "report.organizer_name"
LOGO_SETTING = "report.logo_path"

CURRENCY_SYMBOLS = {"CNY": "¥", "RMB": "¥", "EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "HKD": "HK$"}


def check_language(language: str) -> None:
    """A document is in Chinese, English or both; anything else is bad input."""
    if language not in LANGUAGES:
        raise UserError(f"语言应为 zh、en 或 both / language must be zh, en or both: '{language}'")


def organizer_name(db: Database) -> str:
    return (get_setting(db, ORGANIZER_SETTING) or "").strip()


def logo_path(db: Database) -> str | None:
    """The organizer's logo file, or None when none is set."""
    return (get_setting(db, LOGO_SETTING) or "").strip() or None


def currency_symbol(code: str) -> str:
    """¥ for CNY and the like; an unknown currency is written as its code and a space."""
    return CURRENCY_SYMBOLS.get(code.upper(), f"{code} ")


def show_name(show: dict) -> Pair:
    """The show's name in both languages (the Chinese one stands in for a missing English one)."""
    return show.get("name") or "", show.get("name_en") or show.get("name") or ""


@dataclass(frozen=True)
class ShowDocument:
    """The heading fields of an exhibitor's document (contract documents, post-show report)."""

    language: str
    printed_on: str
    organizer: str
    logo_path: str | None
    currency_symbol: str
    show_code: str
    show_name: Pair
    venue: str
    city: str
    open_dates: tuple[str | None, str | None]


def show_document_fields(db: Database, show: dict, language: str, printed_on: str) -> dict:
    """The ``ShowDocument`` fields of a document of ``show``, all but the currency symbol (the caller's)."""
    return dict(language=language, printed_on=printed_on, organizer=organizer_name(db), logo_path=logo_path(db),
                show_code=show["code"], show_name=show_name(show), venue=show.get("venue") or "",
                city=show.get("city") or "", open_dates=(show.get("start_date"), show.get("end_date")))
