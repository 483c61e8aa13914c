"""Import leads from a spreadsheet: check every row first, then write all or nothing.

Headers in Chinese or English (公司/prospect, 客户经理/account_manager, 阶段/stage,
下次跟进/next_follow_up, 期望值/expected_value, 异议/objections, 备注/notes, …). A company
that is an exhibitor of the show is linked to it by its normalised name; any other stays a
prospect. Companies that already have a lead in the show are skipped (and listed), not
doubled. Problems come back one per line as ``FILE:ROW:COLUMN: message``, as for the
exhibitor and booth imports, and nothing is written while there is one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.exhibitors import normalise_company
from expo_desk.domain.leads import clean_lead, stage_problems
from expo_desk.domain.permissions import Action, require
from expo_desk.errors import PermissionDenied, ValidationError
from expo_desk.services import exhibitor_import
from expo_desk.services.backups import BEFORE_IMPORT, backup_before
from expo_desk.services.exhibitor_import import AccountManagers, ImportResult, new_managers
from expo_desk.services.headers import Column, Sheet, fold, header_lookup
from expo_desk.services.leads import create_lead
from expo_desk.services.tabular import RowProgress, is_blank, read_table
from expo_desk.store import leads as lead_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

COLUMNS: tuple[Column, ...] = (
    Column("prospect_name", "公司", "prospect", required=True,
           aliases=("公司名称", "客户", "客户名称", "展商", "company", "company_name", "prospect_name")),
    exhibitor_import.BY_KEY["account_manager"],
    Column("stage", "阶段", "stage", aliases=("销售阶段",)),
    Column("next_follow_up", "下次跟进", "next_follow_up", aliases=("下次跟进日期", "跟进日期", "follow_up")),
    exhibitor_import.BY_KEY["expected_value"],
    Column("objections", "异议", "objections", aliases=("客户异议",)),
    Column("visit_at", "拜访时间", "visit_at", aliases=("拜访", "visit")),
    Column("lost_reason", "流失原因", "lost_reason", aliases=("原因",)),
    Column("notes", "备注", "notes", aliases=("说明",)),
)
BY_KEY = {c.key: c for c in COLUMNS}
_HEADERS = header_lookup(COLUMNS)
_TEXT_KEYS = ("prospect_name", "stage", "objections", "lost_reason", "notes", "account_manager")
_VALUE_KEYS = ("expected_value", "next_follow_up", "visit_at")
# Which column a field named by the lead rules or services comes from.
_FIELD_COLUMN = {"exhibitor_id": "prospect_name", "account_manager_id": "account_manager"}


def column_for_header(text: str) -> str | None:
    """The column key a header means ('公司', 'Prospect', '下次跟进 next_follow_up'), or None."""
    return _HEADERS.get(fold(text or ""))


@dataclass
class _Row:
    number: int
    values: dict
    stage: str
    lost_reason: str
    manager: str


class _Sheet(Sheet):
    """The lead columns of a table, and every problem with its file, row and column."""

    def field_problem(self, row: int, field: str, message: str) -> None:
        """A problem with a field, placed in its column as the file heads it."""
        self.at(row, _FIELD_COLUMN.get(field, field), message)

    def read_row(self, number: int, cells: list[object]) -> _Row | None:
        before = len(self.found)
        self.check_unheaded(number, cells)
        text = {k: self.text(cells, k) for k in _TEXT_KEYS}
        values = {k: self.cell(cells, k) for k in _VALUE_KEYS}
        values.update(prospect_name=text["prospect_name"], objections=text["objections"], notes=text["notes"])
        _, problems = clean_lead(values)  # the service cleans them again as it writes
        stage, found = stage_problems(text["stage"], text["lost_reason"])
        for p in problems + found:
            self.field_problem(number, p.field, p.message)
        if len(self.found) > before:
            return None
        return _Row(number, values, stage.value, text["lost_reason"], text["account_manager"])


def _validate(db: Database, show_id: str, sheet: _Sheet, tick: Callable[[], None]) -> tuple[list[_Row], list[str]]:
    """Rows to create and the companies skipped as already having a lead; problems on ``sheet``."""
    if not sheet.map_header():
        return [], []
    taken = {normalise_company(r["company_name"] or ""): r["company_name"]
             for r in lead_store.lead_companies(db, show_id, open_only=False)}
    first_row: dict[str, int] = {}
    rows: list[_Row] = []
    skipped: list[str] = []
    for number, cells in sheet.table.rows:
        tick()
        if all(is_blank(v) for v in cells):
            continue
        row = sheet.read_row(number, cells)
        if row is None:
            continue
        key = normalise_company(row.values["prospect_name"])
        if key in first_row:
            sheet.field_problem(number, "prospect_name", f"与第 {first_row[key]} 行重复 / duplicates row {first_row[key]}: "
                                                   f"'{row.values['prospect_name']}'")
        elif key in taken:
            skipped.append(row.values["prospect_name"])
        else:
            rows.append(row)
        first_row.setdefault(key, number)
    return rows, skipped


def _write(db: Database, actor: Actor, show_id: str, sheet: _Sheet, rows: list[_Row], result: ImportResult,
           tick: Callable[[], None]) -> bool:
    """Create every row in the caller's transaction; False (with the problems on ``sheet``) if one fails."""
    managers = AccountManagers(db, actor, result.changes)
    for row in rows:
        tick()
        values = dict(row.values)
        try:
            if row.manager:
                values["account_manager_id"] = managers.id_of(row.manager)
            result.changes.merge(create_lead(db, actor, show_id, values, stage=row.stage, lost_reason=row.lost_reason,
                                             check_duplicates=False))
        except ValidationError as exc:
            for p in exc.problems:
                sheet.field_problem(row.number, p.field, p.message)
        except PermissionDenied as exc:
            sheet.field_problem(row.number, "account_manager" if row.manager else "prospect_name", str(exc))
    result.added_managers += managers.added
    return not sheet.found


class _Abort(Exception):
    """Rolls the import's transaction back when a row fails at write time."""


def import_leads(db: Database, actor: Actor, show_id: str, path: Path | str, *, dry_run: bool = False,
                 progress: Callable[[int, int], None] | None = None, should_cancel: Callable[[], bool] | None = None,
                 backup_dir: Path | None = None) -> ImportResult:
    """Import the leads of an .xlsx or .csv file into a show, whole or not at all.

    Raises UserError when the file cannot be read and ImportCancelled when
    ``should_cancel()`` says so; a file with bad rows returns a result with problems.
    """
    require(actor, Action.IMPORT_EXHIBITORS)
    sheet = _Sheet(os.fspath(path), read_table(path), COLUMNS)
    counter = RowProgress(len(sheet.table.rows) * (1 if dry_run else 2), progress, should_cancel)
    counter.check_cancel()
    rows, skipped = _validate(db, show_id, sheet, counter.tick)
    result = ImportResult(skipped_duplicates=skipped, dry_run=dry_run, problems=sheet.problems)
    if sheet.found or not rows:
        return result
    if dry_run:
        result.created = len(rows)
        result.added_managers = new_managers(db, rows)
    else:
        backup_before(db, BEFORE_IMPORT, backup_dir)  # a verified copy first
        counter.done = len(sheet.table.rows)
        try:
            with transaction(db):
                if not _write(db, actor, show_id, sheet, rows, result, counter.tick):
                    raise _Abort()
        except _Abort:
            return ImportResult(problems=sheet.problems)
        result.created = len(rows)
    counter.finish()
    return result
