"""Spreadsheets in and out: .xlsx and .csv as a header row plus numbered data rows.

Reading keeps each row's number as the spreadsheet shows it (1-based), so a problem can
point at the exact cell. Writing neutralises text that a spreadsheet would run as a
formula (``=cmd()``, ``+1``, ``@SUM``) by putting a single quote in front; reading takes
that quote off again, so what was exported comes back unchanged. Money goes out in yuan
(:func:`yuan_cell`); an import counts its rows through :class:`RowProgress`, which also
listens for Cancel.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import InvalidFileException

from expo_desk.domain.pricing import parse_date
from expo_desk.errors import UserError

SUFFIXES = (".xlsx", ".csv")
CSV_ENCODINGS = ("utf-8-sig", "gb18030")  # Chinese Excel saves CSV in GBK (a subset of GB18030)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
YUAN_FORMAT = "#,##0.00"  # Excel's number format for money in yuan
PROGRESS_STEP = 200  # rows between progress reports and cancel checks


@dataclass
class Table:
    """What a sheet holds: the header (as written) and the data rows after it.

    ``rows`` pairs each row's number in the file (1-based) with its cell values; a value
    is ``None`` for an empty cell, text, or a number/date as the spreadsheet stored it.
    """

    header: list[str]
    header_row: int = 1
    rows: list[tuple[int, list[object]]] = field(default_factory=list)


class ImportCancelled(UserError):
    """The person cancelled the import; nothing was written."""

    def __init__(self, message: str = "已取消导入，未写入任何数据 / import cancelled; nothing was written"):
        super().__init__(message)


class RowProgress:
    """Counts the rows an import has been through: every ``PROGRESS_STEP`` rows it asks
    ``should_cancel()`` (ImportCancelled when yes) and reports ``progress(done, total)``.

    A ``total`` of None (not known) reports the rows done so far as the total.
    """

    def __init__(self, total: int | None, progress: Callable[[int, int], None] | None = None,
                 should_cancel: Callable[[], bool] | None = None):
        self.total, self.done = total, 0
        self._progress, self._should_cancel = progress, should_cancel

    def check_cancel(self) -> None:
        if self._should_cancel is not None and self._should_cancel():
            raise ImportCancelled()

    def report(self, done: int | None = None) -> None:
        """Tell ``progress`` how far the import is (``done`` rows, or as counted)."""
        if self._progress is not None:
            done = self.done if done is None else done
            self._progress(done, done if self.total is None else self.total)

    def finish(self) -> None:
        self.report(self.total)

    def tick(self) -> None:
        self.done += 1
        if self.done % PROGRESS_STEP == 0:
            self.check_cancel()
            self.report()


def yuan_cell(fen: int | None, *, as_number: bool) -> object:
    """Money for a sheet: an exact number of yuan (.xlsx, shown with ``YUAN_FORMAT``) or
    the text '1234.50' (.csv); None stays an empty cell."""
    if fen is None:
        return None
    if as_number:
        return Decimal(fen) / 100
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"


def neutralise(value: object) -> object:
    """Text a spreadsheet would take for a formula gets a leading quote; others unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unneutralise(value: object) -> object:
    """Undo :func:`neutralise` on a value read back from a file."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cannot_read(path: Path | str, reason: object) -> UserError:
    return UserError(f"{path}: 无法读取文件 / cannot read the file: {reason}")


def check_suffix(path: Path | str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            f"{path}: 只支持 .xlsx 和 .csv 文件 / only .xlsx and .csv files are supported"
        )
    return suffix


def _split(numbered: Iterable[tuple[int, Sequence[object]]]) -> Table:
    """First non-blank row is the header; trailing empty cells are dropped everywhere."""
    header: list[str] | None = None
    table = Table(header=[])
    for number, raw in numbered:
        cells = [unneutralise(v.strip() if isinstance(v, str) else v) for v in raw]
        while cells and is_blank(cells[-1]):
            cells.pop()
        if header is None:
            if cells:
                header = ["" if c is None else str(c).strip() for c in cells]
                table.header, table.header_row = header, number
            continue
        table.rows.append((number, cells))
    return table


def _xlsx_value(value: object) -> object:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)  # a phone number typed as a number comes back as 13800138000.0
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _read_xlsx(path: Path) -> Table:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, ParseError, KeyError, ValueError, OSError) as exc:
        raise _cannot_read(path, exc) from exc
    try:
        if not workbook.worksheets:
            raise _cannot_read(path, "没有工作表 / no worksheet")
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers record a wrong size; read every cell there is
        numbered = ((n, [_xlsx_value(v) for v in row])
                    for n, row in enumerate(sheet.iter_rows(values_only=True), start=1))
        return _split(numbered)
    except UserError:
        raise
    except (zipfile.BadZipFile, ParseError, KeyError, ValueError, OSError) as exc:
        raise _cannot_read(path, exc) from exc
    finally:
        workbook.close()


def _decode(path: Path, data: bytes) -> str:
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _cannot_read(path, "编码不是 UTF-8 或 GBK / text is neither UTF-8 nor GBK")


def _read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _cannot_read(path, exc.strerror or exc) from exc
    if b"\x00" in data:
        raise _cannot_read(path, "不是文本文件（含 NUL 字节）/ not a text file (it holds NUL bytes)")
    text = _decode(path, data)
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first_line:
        delimiter = next((d for d in (";", "\t") if d in first_line), ",")
    # strict: an unterminated quote is an error, not the rest of the file swallowed into one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return _split(enumerate(reader, start=1))  # a record is a row, even with line breaks inside
    except csv.Error as exc:
        raise _cannot_read(path, f"第 {reader.line_num} 行附近引号不成对 / line {reader.line_num}: {exc}") from exc


def read_table(path: Path | str) -> Table:
    """Read the first sheet of an .xlsx, or a .csv; UserError naming the file if unreadable."""
    suffix = check_suffix(path)
    file = Path(path)
    if not file.is_file():
        raise _cannot_read(path, "文件不存在 / no such file")
    return _read_xlsx(file) if suffix == ".xlsx" else _read_csv(file)


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    return str(neutralise(value))


def write_table(path: Path | str, header: Sequence[str], rows: Iterable[Sequence[object]], *,
                sheet_title: str = "Sheet1", number_formats: dict[int, str] | None = None) -> int:
    """Write a header and rows to .xlsx or .csv (by suffix); returns the data rows written.

    ``number_formats`` maps a column index to an Excel number format (xlsx only).
    CSV is written as UTF-8 with a byte-order mark, which Excel opens correctly.
    """
    suffix = check_suffix(path)
    count = 0
    try:
        if suffix == ".csv":
            with open(path, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow([_csv_text(h) for h in header])
                for row in rows:
                    writer.writerow([_csv_text(v) for v in row])
                    count += 1
            return count
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet(sheet_title)
        sheet.freeze_panes = "A2"
        sheet.append([neutralise(h) for h in header])
        formats = number_formats or {}
        for row in rows:
            cells: list[object] = []
            for index, value in enumerate(row):
                value = neutralise(value)
                if index in formats and isinstance(value, (int, float, Decimal)):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = formats[index]
                    value = cell
                cells.append(value)
            sheet.append(cells)
            count += 1
        workbook.save(path)
    except OSError as exc:
        raise UserError(f"{path}: 无法写入文件 / cannot write the file: {exc.strerror or exc}") from exc
    return count


_SLASHED_DATE = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def spreadsheet_day(value: object) -> str | None:
    """A date cell as YYYY-MM-DD, or None; exports also write 2026/6/10 and 2026.06.10."""
    text = str(value).strip()
    slashed = _SLASHED_DATE.match(text)
    if slashed:
        text = "-".join((slashed.group(1), slashed.group(2).zfill(2), slashed.group(3).zfill(2)))
    return parse_date(text)
