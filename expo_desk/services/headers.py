"""Spreadsheet headers in Chinese or English: the columns an import knows, how a header
as typed ('公司名称', 'Company Name', '公司名称 company_name') finds its column, and the
sheet every import reads its rows through (problems as FILE:ROW:COLUMN)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from expo_desk.services.tabular import Table, is_blank


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


class Sheet:
    """A table's header mapped to an import's columns, and every problem found in it as
    ``FILE:ROW:COLUMN: message``, listed in row order whichever order they were found in.

    ``ignored`` columns are known (an export writes them for reading) but not imported;
    ``optional`` names required columns this import may do without (a default stands in).
    """

    def __init__(self, file: str, table: Table, columns: tuple[Column, ...], *,
                 ignored: tuple[Column, ...] = (), optional: Iterable[str] = ()):
        self.file, self.table, self.columns = file, table, columns
        self.by_key = {c.key: c for c in columns}
        self.lookup = header_lookup(columns + ignored)
        self.ignored = {c.key for c in ignored}
        self.optional = set(optional)
        self.found: list[tuple[int, int, str]] = []
        self.positions: dict[str, int] = {}  # column key -> index in the row
        self.headers: dict[str, str] = {}  # column key -> header text as written

    @property
    def problems(self) -> list[str]:
        return [text for _row, _seq, text in sorted(self.found)]

    def problem(self, row: int, column: str, message: str) -> None:
        self.found.append((row, len(self.found), f"{self.file}:{row}:{column}: {message}"))

    def heading(self, key: str) -> str:
        """The column ``key`` named as the file heads it (else its bilingual header)."""
        return self.headers.get(key) or (self.by_key[key].header if key in self.by_key else key)

    def at(self, row: int, key: str, message: str) -> None:
        """A problem in the column ``key``."""
        self.problem(row, self.heading(key), message)

    def map_header(self) -> bool:
        """Find each column in the header; False when a required one is missing (or no header)."""
        row = self.table.header_row
        if not self.table.header:
            self.at(row, self.columns[0].key, "文件没有表头或是空的 / the file is empty or has no header row")
            return False
        for index, text in enumerate(self.table.header):
            key = self.lookup.get(fold(text)) if text else ""
            if key is None:
                self.problem(row, text, "不认识的列 / unknown column (known: "
                                        f"{', '.join(c.header for c in self.columns)})")
            elif key in self.positions:
                self.problem(row, text, f"与列 '{self.headers[key]}' 重复 / the same column as '{self.headers[key]}'")
            elif key and key not in self.ignored:
                self.positions[key], self.headers[key] = index, text
        missing = [c for c in self.columns if c.required and c.key not in self.positions
                   and c.key not in self.optional]
        for column in missing:
            self.problem(row, column.header, "缺少必填列 / required column is missing")
        return not missing

    def cell(self, cells: list[object], key: str) -> object:
        index = self.positions.get(key)
        return None if index is None or index >= len(cells) else cells[index]

    def text(self, cells: list[object], key: str) -> str:
        value = self.cell(cells, key)
        return "" if is_blank(value) else str(value).strip()

    def check_unheaded(self, number: int, cells: list[object]) -> None:
        """A value under no header is a problem: it would be silently lost."""
        for index, value in enumerate(cells):
            if (index >= len(self.table.header) or not self.table.header[index]) and not is_blank(value):
                letter = get_column_letter(index + 1)
                self.problem(number, f"列 {letter} / column {letter}",
                             f"这一列没有表头 / a value in a column without a header: '{value}'")
