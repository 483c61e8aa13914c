"""Spreadsheet headers in Chinese or English: the columns an import knows and how a header
as typed ('公司名称', 'Company Name', '公司名称 company_name') finds its column."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    required: bool = False
    aliases: tuple[str, ...] = ()  # other spellings, in either language

    @property
    def header(self) -> str:
        """The bilingual header the template and the export use: '公司名称 company_name'."""
        return f"{self.zh} {self.en}"


def fold(text: str) -> str:
    """Case, width, spaces and separators folded: 'Company Name' == 'company_name'."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s_\-/\\|()\[\]（）:：*]+", "", folded)


def header_lookup(columns: Iterable[Column]) -> dict[str, str]:
    """Folded header text -> column key, for each language alone and both together."""
    lookup: dict[str, str] = {}
    for column in columns:
        forms = [fold(f) for f in (column.zh, column.en, *column.aliases)]
        for first in forms:
            lookup[first] = column.key
            for second in forms:  # bilingual: '公司名称 company_name', 'company_name 公司名称'
                lookup[first + second] = column.key
    return lookup
