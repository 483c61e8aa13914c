"""Export a show's exhibitors to .xlsx or .csv in the layout the importer reads back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.services.exhibitor_import import COLUMNS
from expo_desk.services.tabular import check_suffix, write_table
from expo_desk.store import exhibitors as exhibitor_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database

SHEET_TITLE = "展商 Exhibitors"
_YUAN_FORMAT = "#,##0.00"


def _yuan(fen: int | None, *, as_number: bool) -> object:
    if fen is None:
        return None
    if as_number:
        return Decimal(fen) / 100
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"


def export_exhibitors(db: Database, show_id: str, path: Path | str) -> int:
    """Write every exhibitor of a show to ``path`` (.xlsx or .csv); returns the rows written.

    Headers are bilingual ('公司名称 company_name'); the expected value is in yuan.
    Text that a spreadsheet would run as a formula is neutralised.
    """
    as_number = check_suffix(path) == ".xlsx"
    keys = [c.key for c in COLUMNS]
    money = keys.index("expected_value")
    rows = []
    for record in exhibitor_store.all_for_export(db, show_id):
        values = {**record, "expected_value": _yuan(record["expected_value_fen"], as_number=as_number)}
        rows.append([values.get(key) for key in keys])
    return write_table(path, [c.header for c in COLUMNS], rows, sheet_title=SHEET_TITLE,
                       number_formats={money: _YUAN_FORMAT})
