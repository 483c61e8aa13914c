"""Export a show's booth list to .xlsx or .csv, in the columns the booth import reads back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.enums import BoothType
from expo_desk.services.booth_import import COLUMNS, INFO_COLUMNS, TYPE_LABELS
from expo_desk.services.tabular import write_table
from expo_desk.store import booths as booth_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database



def _m(cm: int) -> float | int:
    return cm // 100 if cm % 100 == 0 else cm / 100


def export_booths(db: Database, show_id: str, path: Path | str) -> int:
    """Write every booth of the show (by hall and number); returns the rows written.

    The columns are the import's (bilingual headers), then status, reservation and block
    reason for reading; the booth import reads the file back as it is (ignoring those).
    """
    header = [c.header for c in COLUMNS] + [c.header for c in INFO_COLUMNS]
    rows = ([b["number"], b["hall_code"], _m(b["width_cm"]), _m(b["depth_cm"]), TYPE_LABELS[BoothType(b["booth_type"])],
             _m(b["x_cm"]), _m(b["y_cm"]), b["sector"], b["status"], b["reserved_for"], b["reserved_until"] or "",
             b["blocked_reason"]] for b in booth_store.show_booths(db, show_id))
    return write_table(path, header, rows, sheet_title="展位 booths", number_formats={2: "0.00", 3: "0.00", 5: "0.00", 6: "0.00"})
