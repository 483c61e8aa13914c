"""Export a show's exhibitors to .xlsx or .csv in the layout the importer reads back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.services.exhibitor_import import COLUMNS
from expo_desk.services.tabular import YUAN_FORMAT, check_suffix, write_table, yuan_cell
from expo_desk.store import exhibitors as exhibitor_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database

SHEET_TITLE = "展商 Exhibitors"


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
        values = {**record, "expected_value": yuan_cell(record["expected_value_fen"], as_number=as_number)}
        rows.append([values.get(key) for key in keys])
    return write_table(path, [c.header for c in COLUMNS], rows, sheet_title=SHEET_TITLE,
                       number_formats={money: YUAN_FORMAT})
