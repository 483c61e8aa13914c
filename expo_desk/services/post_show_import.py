"""Import post-show data from other systems' spreadsheets: check every row, then write all or nothing.

Visitors come from a registration system in one of two shapes, told apart by the headers:
counts (日期/day, 行业/sector, 人数/visitors: one row per day and sector) or one row per
registered visitor (a date and a sector, any other columns ignored), counted here.
Counts replace those stored for the same day and sector; others stay.

Exhibitor leads come from a lead-scanning export: 展商/exhibitor (the company's name, or
the number of a booth it holds), 日期/captured_on, 姓名/visitor_name, 公司/visitor_company,
联系方式/contact, 意向/interest, 签约/agreement_signed (是/否), 金额/agreement_value (yuan),
来源/source. A lead already stored (same exhibitor, day, name, company and contact) is
skipped and listed, so an export can be imported again after more scans.

Problems come back one per line as ``FILE:ROW:COLUMN: message`` as for the other imports,
and nothing is written while there is one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.exhibitors import normalise_company
from expo_desk.domain.permissions import Action, require, require_owner
from expo_desk.errors import PermissionDenied, UserError, ValidationError
from expo_desk.services.backups import BEFORE_IMPORT, backup_before
from expo_desk.services.exhibitor_import import ImportResult
from expo_desk.services.headers import Column, Sheet, fold, header_lookup
from expo_desk.services.post_show import add_exhibitor_lead, clean_exhibitor_lead, clean_visitor_count, set_visitors
from expo_desk.services.tabular import RowProgress, is_blank, read_table, spreadsheet_day
from expo_desk.store import post_show as store
from expo_desk.store import shows as show_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

DAY = Column("day", "日期", "day", required=True,
             aliases=("观展日期", "参观日期", "入场日期", "到场日期", "签到日期", "入场时间", "签到时间", "date",
                      "visit_date", "visited_on", "check_in"))
SECTOR = Column("sector", "行业", "sector", aliases=("所属行业", "观众行业", "行业类别", "industry"))
VISITORS = Column("visitors", "人数", "visitors", required=True,
                  aliases=("人次", "观众人数", "观众数", "参观人数", "count", "visitor_count", "number_of_visitors"))
COUNT_COLUMNS: tuple[Column, ...] = (DAY, SECTOR, VISITORS)
PER_VISITOR_COLUMNS: tuple[Column, ...] = (DAY, SECTOR)
COUNTS, PER_VISITOR = "counts", "per_visitor"

LEAD_COLUMNS: tuple[Column, ...] = (
    Column("exhibitor", "展商", "exhibitor", required=True,
           aliases=("参展商", "展商名称", "参展企业", "展位号", "展位", "booth", "booth_no", "exhibitor_name")),
    Column("captured_on", "日期", "captured_on", aliases=("采集日期", "扫描日期", "date", "scanned_on")),
    Column("visitor_name", "姓名", "visitor_name", aliases=("观众姓名", "客户姓名", "name")),
    Column("visitor_company", "公司", "visitor_company", aliases=("观众公司", "客户公司", "单位", "company")),
    Column("contact", "联系方式", "contact", aliases=("联系电话", "手机", "phone", "mobile")),
    Column("interest", "意向", "interest", aliases=("兴趣", "意向产品", "需求", "interested_in")),
    Column("agreement_signed", "签约", "agreement_signed", aliases=("是否签约", "已签约", "协议", "signed", "agreement")),
    Column("agreement_value", "金额", "agreement_value",
           aliases=("签约金额", "协议金额", "金额(元)", "value", "agreement_value_yuan", "amount")),
    Column("source", "来源", "source", aliases=("渠道", "采集方式", "线索来源", "channel")),
)
_VISITOR_HEADERS = header_lookup(COUNT_COLUMNS)
_LEAD_HEADERS = header_lookup(LEAD_COLUMNS)
_STAMP = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


def visit_day(value: object) -> str | None:
    """A day as YYYY-MM-DD from '2026-09-18', '2026/9/18' or a check-in time '2026-09-18 09:32'."""
    found = _STAMP.match(str(value).strip())
    return spreadsheet_day(found.group(1)) if found else None


def visitor_shape(header: list[str]) -> str:
    """COUNTS when a column says how many (人数/visitors), else PER_VISITOR (one row each)."""
    keys = {_VISITOR_HEADERS.get(fold(text or "")) for text in header}
    return COUNTS if "visitors" in keys or "day" not in keys else PER_VISITOR


def visitor_column_for_header(text: str) -> str | None:
    """The visitor column a header means ('日期', 'Check-in', '人数 visitors'), or None."""
    return _VISITOR_HEADERS.get(fold(text or ""))


def lead_column_for_header(text: str) -> str | None:
    """The lead column a header means ('展商', 'Booth No', '签约 agreement_signed'), or None."""
    return _LEAD_HEADERS.get(fold(text or ""))


@dataclass
class VisitorImportResult(ImportResult):
    shape: str = COUNTS
    visitors: int = 0  # in the whole file
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # (day, sector) -> visitors


@dataclass
class LeadImportResult(ImportResult):
    agreements: int = 0
    agreement_value_fen: int = 0
    exhibitors: int = 0  # how many exhibitors the leads went to


class _Abort(Exception):
    """Rolls an import's transaction back when a row fails at write time."""


def _visitor_sheet(path: Path | str) -> tuple[Sheet, str]:
    """The sheet read with the columns of its shape, and the shape."""
    table = read_table(path)
    shape = visitor_shape(table.header)
    if shape == COUNTS:
        return Sheet(os.fspath(path), table, COUNT_COLUMNS), shape
    others = tuple(Column(f"other{i}", text, text) for i, text in enumerate(table.header)
                   if text and fold(text) not in _VISITOR_HEADERS)  # a registration export's other columns
    return Sheet(os.fspath(path), table, PER_VISITOR_COLUMNS, ignored=others), shape


def _read_visitors(sheet: Sheet, show: dict, shape: str, tick: Callable[[], None]) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    first_row: dict[tuple[str, str], int] = {}
    for number, cells in sheet.table.rows:
        tick()
        if all(is_blank(v) for v in cells):
            continue
        sheet.check_unheaded(number, cells)
        raw_day = sheet.cell(cells, "day")
        day = None if is_blank(raw_day) else visit_day(raw_day)
        if day is None:
            sheet.at(number, "day", "必填 / required" if is_blank(raw_day) else
                     f"日期应为 YYYY-MM-DD / the day must be YYYY-MM-DD: '{raw_day}'")
        raw_visitors = sheet.cell(cells, "visitors") if shape == COUNTS else 1
        if is_blank(raw_visitors):
            sheet.at(number, "visitors", "必填 / required")
        (day, sector, visitors), problems = clean_visitor_count(show, day or "", sheet.text(cells, "sector"),
                                                                 None if is_blank(raw_visitors) else raw_visitors)
        for problem in problems:
            if problem.field != "day" or day is not None:
                sheet.at(number, problem.field, problem.message)
        if problems or visitors is None:
            continue
        key = (day, sector)
        if shape == COUNTS and key in first_row:
            sheet.at(number, "day", f"与第 {first_row[key]} 行的日期和行业相同 / the same day and sector as row "
                                    f"{first_row[key]}")
        first_row.setdefault(key, number)
        counts[key] = counts.get(key, 0) + visitors
    return counts


def import_visitors(db: Database, actor: Actor, show_id: str, path: Path | str, *, dry_run: bool = False,
                    progress: Callable[[int, int], None] | None = None, should_cancel: Callable[[], bool] | None = None,
                    backup_dir: Path | None = None) -> VisitorImportResult:
    """Visitors by day and sector from a registration system's .xlsx or .csv, whole or not at all.

    Raises UserError when the file cannot be read and ImportCancelled when
    ``should_cancel()`` says so; a file with bad rows returns a result with problems.
    """
    require(actor, Action.EDIT_BOOTHS)
    sheet, shape = _visitor_sheet(path)
    counter = RowProgress(len(sheet.table.rows), progress, should_cancel)
    counter.check_cancel()
    result = VisitorImportResult(dry_run=dry_run, shape=shape)
    show = show_store.show_by_id(db, show_id)
    if show is None:
        raise UserError("展会不存在 / no such show")
    counts = _read_visitors(sheet, show, shape, counter.tick) if sheet.map_header() else {}
    if sheet.found:
        return VisitorImportResult(dry_run=dry_run, shape=shape, problems=sheet.problems)
    result.counts, result.visitors, result.created = counts, sum(counts.values()), len(counts)
    if counts and not dry_run:
        backup_before(db, BEFORE_IMPORT, backup_dir)  # a verified copy first
        with transaction(db):
            for (day, sector), visitors in counts.items():
                result.changes.merge(set_visitors(db, actor, show_id, day, sector, visitors))
    counter.finish()
    return result


# -- exhibitor leads ----------------------------------------------------------------------

class _Exhibitors:
    """Finds the exhibitor a lead belongs to by booth number, company name or English name."""

    def __init__(self, db: Database, show_id: str, actor: Actor):
        self.actor = actor
        self.by_id = {e["id"]: e for e in store.exhibitor_names(db, show_id)}
        self.booths = {normalise_company(n): e for n, e in store.booth_holders(db, show_id).items()}
        self.names = {e["company_key"]: e["id"] for e in self.by_id.values()}
        self.english: dict[str, str | None] = {}
        for e in self.by_id.values():
            key = normalise_company(e["company_name_en"])
            if key:
                self.english[key] = None if self.english.get(key, e["id"]) != e["id"] else e["id"]

    def find(self, text: str) -> tuple[dict | None, str]:
        """(the exhibitor, '') or (None, why not)."""
        key = normalise_company(text)
        found = self.booths.get(key) or self.names.get(key) or self.english.get(key)
        if found is None:
            why = (f"多个展商的英文名称为 '{text}'，请写中文名称或展位号 / several exhibitors are called '{text}'; "
                   "write the Chinese name or a booth number") if key in self.english else (
                f"本届展会没有此展商或展位 / no exhibitor or booth '{text}' in this show (a booth counts once a "
                "contract holds it)")
            return None, why
        exhibitor = self.by_id[found]
        try:
            require_owner(self.actor, exhibitor["account_manager_id"], exhibitor["company_name"])
        except PermissionDenied as exc:
            return None, str(exc)
        return exhibitor, ""


@dataclass
class _Lead:
    number: int
    exhibitor: dict
    values: dict

    @property
    def key(self) -> tuple:
        v = self.values
        return self.exhibitor["id"], v["captured_on"] or "", v["visitor_name"], v["visitor_company"], v["contact"]

    def __str__(self) -> str:
        who = " · ".join(p for p in (self.values["visitor_name"], self.values["visitor_company"]) if p)
        return f"{self.exhibitor['company_name']}: {who or self.values['contact']} (row {self.number})"


def _read_lead(sheet: Sheet, exhibitors: _Exhibitors, number: int, cells: list[object]) -> _Lead | None:
    before = len(sheet.found)
    sheet.check_unheaded(number, cells)
    name = sheet.text(cells, "exhibitor")
    exhibitor, why = exhibitors.find(name) if name else (None, "必填 / required")
    if exhibitor is None:
        sheet.at(number, "exhibitor", why)
    values = {c.key: sheet.cell(cells, c.key) for c in LEAD_COLUMNS if c.key != "exhibitor"}
    captured = values["captured_on"]
    values["captured_on"] = captured if is_blank(captured) else (visit_day(captured) or captured)
    cleaned, problems = clean_exhibitor_lead(values)
    for problem in problems:
        sheet.at(number, problem.field, problem.message)
    return None if len(sheet.found) > before else _Lead(number, exhibitor, cleaned)


def _read_leads(db: Database, sheet: Sheet, exhibitors: _Exhibitors, result: LeadImportResult,
                tick: Callable[[], None]) -> list[_Lead]:
    leads: list[_Lead] = []
    for number, cells in sheet.table.rows:
        tick()
        if not all(is_blank(v) for v in cells):
            lead = _read_lead(sheet, exhibitors, number, cells)
            if lead is not None:
                leads.append(lead)
    stored = store.lead_keys(db, list({lead.exhibitor["id"] for lead in leads}))
    fresh, first_row = [], {}
    for lead in leads:
        if lead.key in stored:
            result.skipped_duplicates.append(f"{lead}: 已导入 / already stored")
        elif lead.key in first_row:
            result.skipped_duplicates.append(f"{lead}: 与第 {first_row[lead.key]} 行相同 / the same as row "
                                             f"{first_row[lead.key]}")
        else:
            first_row[lead.key] = lead.number
            fresh.append(lead)
    return fresh


def import_exhibitor_leads(db: Database, actor: Actor, show_id: str, path: Path | str, *, dry_run: bool = False,
                           progress: Callable[[int, int], None] | None = None,
                           should_cancel: Callable[[], bool] | None = None,
                           backup_dir: Path | None = None) -> LeadImportResult:
    """Leads and agreements from a lead-scanning .xlsx or .csv, to each row's exhibitor, all or none.

    An account manager imports leads of their own exhibitors only (another's is a problem
    on that row). Raises UserError when the file cannot be read and ImportCancelled when
    ``should_cancel()`` says so; a file with bad rows returns a result with problems.
    """
    require(actor, Action.EDIT_EXHIBITORS)
    sheet = Sheet(os.fspath(path), read_table(path), LEAD_COLUMNS)
    counter = RowProgress(len(sheet.table.rows) * (1 if dry_run else 2), progress, should_cancel)
    counter.check_cancel()
    result = LeadImportResult(dry_run=dry_run)
    leads = _read_leads(db, sheet, _Exhibitors(db, show_id, actor), result, counter.tick) if sheet.map_header() else []
    if sheet.found:
        return LeadImportResult(dry_run=dry_run, problems=sheet.problems)
    if leads and not dry_run:
        backup_before(db, BEFORE_IMPORT, backup_dir)  # a verified copy first
        counter.done = len(sheet.table.rows)
        try:
            with transaction(db):
                for lead in leads:
                    counter.tick()
                    try:
                        result.changes.merge(add_exhibitor_lead(db, actor, lead.exhibitor["id"], lead.values))
                    except ValidationError as exc:
                        for p in exc.problems:
                            sheet.at(lead.number, p.field, p.message)
                    except UserError as exc:
                        sheet.at(lead.number, "exhibitor", str(exc))
                if sheet.found:
                    raise _Abort()
        except _Abort:
            return LeadImportResult(dry_run=dry_run, problems=sheet.problems)
    signed = [lead.values for lead in leads if lead.values["agreement_signed"]]
    result.created, result.agreements = len(leads), len(signed)
    result.agreement_value_fen = sum(v["agreement_value_fen"] or 0 for v in signed)
    result.exhibitors = len({lead.exhibitor["id"] for lead in leads})
    counter.finish()
    return result
