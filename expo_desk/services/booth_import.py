"""Import a booth list from a spreadsheet: check every row first, then write all or nothing.

Headers in Chinese or English (展位号/booth_no, 展馆/hall, 宽/width_m, 深/depth_m, 类型/type,
X/x_m, Y/y_m, 行业/sector); sizes and positions in metres (at most two decimals, i.e. whole
centimetres); type 标准/shell or 光地/raw (shell when empty). The same rules as adding
booths by hand: numbers unique in the show, inside the hall, no overlap with each other or
the booths already there. Problems come back one per line as ``FILE:ROW:COLUMN: message``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain import booth_geometry as geometry
from expo_desk.domain.actors import Actor
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothType
from expo_desk.domain.permissions import Action, require
from expo_desk.errors import UserError
from expo_desk.services.backups import BEFORE_IMPORT, backup_before
from expo_desk.services.booths import add_booths
from expo_desk.services.changes import ChangeSet
from expo_desk.services.headers import Column, Sheet, fold, header_lookup
from expo_desk.services.tabular import RowProgress, is_blank, read_table
from expo_desk.store import booths as booth_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

COLUMNS: tuple[Column, ...] = (
    Column("booth_no", "展位号", "booth_no", required=True, aliases=("展位", "booth", "booth_number", "number")),
    Column("hall", "展馆", "hall", required=True, aliases=("馆", "hall_code")),
    Column("width_m", "宽", "width_m", required=True, aliases=("宽(m)", "宽度", "width", "宽(米)")),
    Column("depth_m", "深", "depth_m", required=True, aliases=("深(m)", "深度", "depth", "深(米)")),
    Column("type", "类型", "type", aliases=("展位类型", "booth_type")),
    Column("x_m", "X", "x_m", required=True, aliases=("x(m)", "x(米)")),
    Column("y_m", "Y", "y_m", required=True, aliases=("y(m)", "y(米)")),
    Column("sector", "行业", "sector"),
)
# What the export adds after the list; read back, these columns are ignored (the import
# lays out booths, it does not reserve or sell them).
INFO_COLUMNS: tuple[Column, ...] = (
    Column("status", "状态", "status"), Column("reserved_for", "预留给", "reserved_for"),
    Column("reserved_until", "预留至", "reserved_until"), Column("blocked_reason", "封锁原因", "blocked_reason"),
)
BY_KEY = {c.key: c for c in COLUMNS}
_HEADERS = header_lookup(COLUMNS + INFO_COLUMNS)

TYPE_WORDS = {fold(w): BoothType.SHELL for w in ("标准", "标准展位", "标展", "shell", "shell scheme", "standard")}
TYPE_WORDS.update({fold(w): BoothType.RAW for w in ("光地", "特装", "raw", "raw space", "space only")})
TYPE_LABELS = {BoothType.SHELL: "标准 shell", BoothType.RAW: "光地 raw"}  # what the export writes
TYPE_WORDS.update({fold(label): kind for kind, label in TYPE_LABELS.items()})


def column_for_header(text: str) -> str | None:
    """The booth column a header means ('展位号', 'Booth No', '宽 width_m'), or None.
    X/Y alone are matched exactly (any header holding an x is not a position)."""
    return _HEADERS.get(fold(text or ""))


@dataclass
class BoothImportResult:
    created: int = 0
    per_hall: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def metres_to_cm(value: object) -> int:
    """'3', 3, 2.5, '1,5' (a decimal comma) -> cm; ValueError when not a length in whole cm."""
    if isinstance(value, bool):
        raise ValueError(value)
    text = str(value).strip().replace(",", ".")
    if text.lower().endswith("m"):
        text = text[:-1].strip()
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(value) from exc
    cm = number * 100
    if not number.is_finite() or cm != cm.to_integral_value():
        raise ValueError(value)
    return int(cm)


@dataclass
class _Row:
    number: int
    hall_id: str
    draft: BoothDraft


def _validate(db: Database, show_id: str, file: str, path: Path | str, default_hall: dict | None,
              tick: Callable[[], None]) -> tuple[list[_Row], list[str], dict[str, dict]]:
    sheet = Sheet(file, read_table(path), COLUMNS, ignored=INFO_COLUMNS, optional=("hall",) if default_hall else ())
    if not sheet.map_header() or sheet.found:
        return [], sheet.problems, {}
    at, cell, text = sheet.at, sheet.cell, sheet.text
    halls: dict[str, dict] = {}
    taken = booth_store.show_booth_numbers(db, show_id)
    first_row: dict[str, int] = {}
    found: list[_Row] = []
    for number, cells in sheet.table.rows:
        tick()
        if all(is_blank(v) for v in cells):
            continue
        before = len(sheet.found)
        booth_no = text(cells, "booth_no")
        if not booth_no:
            at(number, "booth_no", "展位号必填 / the booth number is required")
        elif booth_no in taken:
            at(number, "booth_no", f"本届展会已有展位 {booth_no} / this show already has booth {booth_no}")
        elif booth_no in first_row:
            at(number, "booth_no", f"与第 {first_row[booth_no]} 行重复 / duplicates row "
                                   f"{first_row[booth_no]}: '{booth_no}'")
        else:
            first_row[booth_no] = number
        hall_text = text(cells, "hall")
        hall = default_hall
        if hall_text:
            if hall_text.casefold() not in halls:
                found_hall = booth_store.hall_by_code(db, show_id, hall_text)
                if found_hall is not None:
                    halls[hall_text.casefold()] = found_hall
            hall = halls.get(hall_text.casefold())
            if hall is None:
                known = ", ".join(h["code"] for h in booth_store.list_halls(db, show_id)) or "-"
                at(number, "hall", f"没有展馆 {hall_text}（已有：{known}）/ no hall {hall_text} "
                                   f"(known: {known})")
            elif default_hall is not None and hall["id"] != default_hall["id"]:
                at(number, "hall", f"与 --hall {default_hall['code']} 不同 / differs from the hall "
                                   f"given ({default_hall['code']}): '{hall_text}'")
                hall = None
        elif hall is None:
            at(number, "hall", "展馆必填 / the hall is required")
        sizes: dict[str, int] = {}
        for key in ("width_m", "depth_m", "x_m", "y_m"):
            value = cell(cells, key)
            if is_blank(value):
                at(number, key, "必填 / required")
                continue
            try:
                sizes[key] = metres_to_cm(value)
            except ValueError:
                at(number, key, f"不是以米为单位的长度（最多两位小数）/ not a length in metres with at "
                                f"most two decimals: '{value}'")
                continue
            if key in ("width_m", "depth_m") and sizes[key] <= 0:
                at(number, key, f"必须大于 0 / must be larger than 0: '{value}'")
            if key in ("x_m", "y_m") and sizes[key] < 0:
                at(number, key, f"不能为负 / cannot be negative: '{value}'")
        type_text = text(cells, "type")
        booth_type = BoothType.SHELL
        if type_text:
            booth_type = TYPE_WORDS.get(fold(type_text))
            if booth_type is None:
                at(number, "type", f"类型应为 标准/shell 或 光地/raw / type must be 标准/shell or "
                                   f"光地/raw: '{type_text}'")
        if len(sheet.found) == before and hall is not None:
            halls[hall["code"].casefold()] = hall
            found.append(_Row(number, hall["id"], BoothDraft(booth_no, sizes["x_m"], sizes["y_m"], sizes["width_m"],
                                                             sizes["depth_m"], booth_type, text(cells, "sector"))))
    halls_by_id = {h["id"]: h for h in halls.values()}
    if default_hall is not None:
        halls_by_id[default_hall["id"]] = default_hall
    if not sheet.found:  # the layout: inside the hall, no overlaps (with each other and what is there)
        for hall_id, hall in halls_by_id.items():
            mine = [r for r in found if r.hall_id == hall_id]
            existing = booth_store.hall_layout(db, hall_id)
            for r in mine:
                if not geometry.inside_hall(r.draft, hall["width_cm"], hall["depth_cm"]):
                    at(r.number, "x_m", f"超出展馆 {hall['code']}（{hall['width_cm'] / 100:g} m × "
                                        f"{hall['depth_cm'] / 100:g} m）/ outside hall {hall['code']} "
                                        f"({hall['width_cm'] / 100:g} m x {hall['depth_cm'] / 100:g} m)")
            for i, j, k in geometry.find_overlaps([r.draft for r in mine], existing):
                if j is None:
                    other = existing[k]["number"]
                    at(mine[i].number, "x_m", f"与已有展位 {other} 重叠 / overlaps booth {other} "
                                              f"already in the hall")
                else:
                    at(mine[j].number, "x_m", f"与第 {mine[i].number} 行的展位 {mine[i].draft.number} "
                                              f"重叠 / overlaps booth {mine[i].draft.number} of row "
                                              f"{mine[i].number}")
    return found, sheet.problems, halls_by_id


def import_booths(db: Database, actor: Actor, show_id: str, path: Path | str, *,
                  hall_code: str | None = None, dry_run: bool = False,
                  progress: Callable[[int, int], None] | None = None,
                  backup_dir: Path | None = None) -> BoothImportResult:
    """Import the booths of an .xlsx or .csv file into a show, whole or not at all.

    ``hall_code`` is the hall for rows without one (and then the hall column may be left
    out). Raises UserError when the file cannot be read or the hall is unknown; a file with
    bad rows returns a result with problems and nothing written.
    """
    require(actor, Action.EDIT_BOOTHS)
    file = os.fspath(path)
    default_hall = None
    if hall_code:
        default_hall = booth_store.hall_by_code(db, show_id, hall_code)
        if default_hall is None:
            known = ", ".join(h["code"] for h in booth_store.list_halls(db, show_id)) or "-"
            raise UserError(f"没有展馆 {hall_code}（已有：{known}）/ no hall {hall_code} (known: {known})")
    counter = RowProgress(None, progress)  # the total is not known before the file is read
    rows, problems, halls = _validate(db, show_id, file, path, default_hall, counter.tick)
    per_hall: dict[str, int] = {}
    for row in rows:
        code = halls[row.hall_id]["code"]
        per_hall[code] = per_hall.get(code, 0) + 1
    if problems:
        return BoothImportResult(problems=problems, dry_run=dry_run)
    result = BoothImportResult(created=len(rows), per_hall=per_hall, dry_run=dry_run)
    if dry_run or not rows:
        return result
    backup_before(db, BEFORE_IMPORT, backup_dir)
    with transaction(db):
        for hall_id in halls:
            drafts = [r.draft for r in rows if r.hall_id == hall_id]
            if drafts:
                result.changes.merge(add_booths(db, actor, show_id, hall_id, drafts))
    return result
