"""Import exhibitors from a spreadsheet: check every row first, then write all or nothing.

Problems come back one per line as ``FILE:ROW:COLUMN: message`` with the row number and
the header text as the spreadsheet shows them. Companies the show already has are skipped
(and listed), not doubled; unknown account managers are added without a password.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.exhibitors import clean_contact, clean_exhibitor, normalise_company
from expo_desk.domain.money import parse_yuan
from expo_desk.domain.permissions import Action, require
from expo_desk.errors import PermissionDenied, Problem, ValidationError
from expo_desk.services.backups import BEFORE_IMPORT, backup_before
from expo_desk.services.changes import ChangeSet
from expo_desk.services.exhibitors import create_exhibitor
from expo_desk.services.headers import Column, Sheet, fold, header_lookup
from expo_desk.services.tabular import RowProgress, Table, is_blank, read_table
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import users as user_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

COLUMNS: tuple[Column, ...] = (
    Column("company_name", "公司名称", "company_name", required=True),
    Column("company_name_en", "英文名称", "company_name_en"),
    Column("sector", "行业", "sector"),
    Column("contact_name", "联系人", "contact_name"),
    Column("phone", "电话", "phone"),
    Column("email", "邮箱", "email"),
    Column("account_manager", "客户经理", "account_manager"),
    Column("expected_value", "期望值", "expected_value",
           aliases=("期望值(元)", "期望值(人民币)", "expected_value_yuan", "expected_value(yuan)",
                    "expected_value(CNY)")),
)
BY_KEY = {c.key: c for c in COLUMNS}

# Which spreadsheet column a field checked by the domain rules comes from.
_EXHIBITOR_FIELD_COLUMN = {"expected_value_fen": "expected_value"}
_CONTACT_FIELD_COLUMN = {"name": "contact_name"}


_HEADERS = header_lookup(COLUMNS)


def column_for_header(text: str) -> str | None:
    """The column key a header means ('邮箱', 'E-mail'?, '邮箱 email'), or None."""
    return _HEADERS.get(fold(text or ""))


@dataclass
class ImportResult:
    created: int = 0
    skipped_duplicates: list[str] = field(default_factory=list)
    added_managers: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Row:
    number: int
    exhibitor: dict
    contact: dict | None
    manager: str


class _Checker(Sheet):
    """Turns the table into clean rows, collecting every problem with its place."""

    def check_row(self, number: int, cells: list[object]) -> _Row | None:
        before = len(self.found)
        self.check_unheaded(number, cells)
        found: list[tuple[str, str]] = []
        values = {k: self.text(cells, k) for k in ("company_name", "company_name_en", "sector", "phone", "email")}
        amount = self.cell(cells, "expected_value")
        expected = None
        if not is_blank(amount):
            try:
                expected = parse_yuan(amount.strip() if isinstance(amount, str) else amount)
            except ValueError:
                found.append((self.heading("expected_value"),
                              f"期望值不是有效金额（单位元，最多两位小数） / expected value is not an amount"
                              f" in yuan with at most two decimals: '{amount}'"))
        values["expected_value_fen"] = expected
        cleaned, problems = clean_exhibitor(values)
        found += [(self.heading(_EXHIBITOR_FIELD_COLUMN.get(p.field, p.field)), p.message) for p in problems]
        contact = None
        contact_name = self.text(cells, "contact_name")
        if contact_name:
            contact, problems = clean_contact({
                "name": contact_name, "phone": values["phone"], "email": values["email"], "is_primary": True,
            })
            found += [(self.heading(_CONTACT_FIELD_COLUMN.get(p.field, p.field)), p.message) for p in problems]
        seen: set[tuple[str, str]] = set()
        for column, message in found:
            if (column, message) not in seen:  # phone/e-mail are checked for company and contact
                seen.add((column, message))
                self.problem(number, column, message)
        if len(self.found) > before:
            return None
        return _Row(number, cleaned, contact, self.text(cells, "account_manager"))


def _validate(db: Database, show_id: str, file: str, table: Table, tick: Callable[[], None]
              ) -> tuple[list[_Row], list[str], list[str]]:
    """Clean rows to create, names skipped as already in the show, and the problems."""
    checker = _Checker(file, table, COLUMNS)
    if not checker.map_header():
        return [], [], checker.problems
    existing = exhibitor_store.by_company_keys(db, show_id)
    first_row: dict[str, tuple[int, str]] = {}
    to_create: list[_Row] = []
    skipped: list[str] = []
    name_header = checker.heading("company_name")
    for number, cells in table.rows:
        tick()
        if all(is_blank(v) for v in cells):
            continue
        row = checker.check_row(number, cells)
        if row is None:
            continue
        name = row.exhibitor["company_name"]
        key = normalise_company(name)
        if key in first_row:
            other, other_name = first_row[key]
            checker.problem(number, name_header,
                            f"与第 {other} 行重复 / duplicates row {other}: '{other_name}' = '{name}'")
            continue
        first_row[key] = (number, name)
        if key in existing:
            skipped.append(name)
        else:
            to_create.append(row)
    return to_create, skipped, checker.problems


def new_managers(db: Database, rows: Iterable) -> list[str]:
    """Account manager names in the rows (``row.manager``) that no user answers to yet,
    first spelling kept: who a dry run says would be added."""
    seen: dict[str, str] = {}
    for row in rows:
        if row.manager and row.manager.casefold() not in seen:
            seen[row.manager.casefold()] = row.manager
    return [name for name in seen.values() if user_store.user_by_name(db, name) is None]


class AccountManagers:
    """The account managers an import's rows name, each found (or added without a
    password) once; additions go on ``changes`` and are listed in ``added``."""

    def __init__(self, db: Database, actor: Actor, changes: ChangeSet):
        self._db, self._actor, self._changes = db, actor, changes
        self._ids: dict[str, str] = {}
        self.added: list[str] = []

    def id_of(self, name: str) -> str:
        folded = name.casefold()
        if folded not in self._ids:
            user, was_added = find_or_add_account_manager(self._db, self._actor, name)
            self._ids[folded] = user["id"]
            if was_added:
                self.added.append(name)
                self._changes.add("inserted", "users", user["id"])
        return self._ids[folded]


def _field_header(problem: Problem) -> str:
    key = _EXHIBITOR_FIELD_COLUMN.get(problem.field, problem.field)
    if key == "account_manager_id":
        key = "account_manager"
    return BY_KEY[key].header if key in BY_KEY else problem.field


class _Abort(Exception):
    """Rolls the outer transaction back when a row fails at write time."""


def import_exhibitors(db: Database, actor: Actor, show_id: str, path: Path | str, *,
                      dry_run: bool = False, progress: Callable[[int, int], None] | None = None,
                      should_cancel: Callable[[], bool] | None = None,
                      backup_dir: Path | None = None) -> ImportResult:
    """Import the exhibitors of an .xlsx or .csv file into a show, whole or not at all.

    Raises UserError when the file cannot be read and ImportCancelled when
    ``should_cancel()`` says so; a file with bad rows returns a result with problems.
    """
    require(actor, Action.IMPORT_EXHIBITORS)
    file = os.fspath(path)
    table = read_table(path)
    counter = RowProgress(len(table.rows) * (1 if dry_run else 2), progress, should_cancel)
    counter.check_cancel()
    counter.report()
    rows, skipped, problems = _validate(db, show_id, file, table, counter.tick)
    if problems:
        return ImportResult(problems=problems, dry_run=dry_run)
    result = ImportResult(skipped_duplicates=skipped, dry_run=dry_run)
    if dry_run:
        result.created = len(rows)
        result.added_managers = new_managers(db, rows)
        counter.finish()
        return result

    if rows:  # a verified copy first (``backups/`` beside the file unless ``backup_dir``)
        backup_before(db, BEFORE_IMPORT, backup_dir)
    counter.done = len(table.rows)
    changes = ChangeSet()
    managers = AccountManagers(db, actor, changes)
    write_problems: list[str] = []
    try:
        with transaction(db):
            for row in rows:
                counter.tick()
                values = dict(row.exhibitor)
                manager_header = _field_header(Problem("account_manager_id", ""))
                try:
                    if row.manager:
                        values["account_manager_id"] = managers.id_of(row.manager)
                    changes.merge(create_exhibitor(db, actor, show_id, values,
                                                   [row.contact] if row.contact else None))
                except ValidationError as exc:
                    write_problems += [f"{file}:{row.number}:{_field_header(p)}: {p.message}" for p in exc.problems]
                except PermissionDenied as exc:
                    write_problems.append(f"{file}:{row.number}:{manager_header}: {exc}")
            if write_problems:
                raise _Abort()
    except _Abort:
        result.problems = write_problems
        return result
    counter.finish()
    result.created = len(rows)
    result.added_managers = managers.added
    result.changes = changes
    return result
