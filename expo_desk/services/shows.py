"""Creating and reading shows."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.permissions import Action, require
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_update
from expo_desk.store import records
from expo_desk.store import shows as show_store
from expo_desk.store.db import open_database
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$")


def _check_date(value: str | None, field: str, problems: list[Problem]) -> str | None:
    """The date as YYYY-MM-DD, or None; Python also reads '20260918' and week dates, so
    what is stored is normalised (dates are compared as text)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        problems.append(Problem(field, f"日期应为 YYYY-MM-DD / date must be YYYY-MM-DD: '{value}'"))
        return None


def create_show(db: Database, actor: Actor, code: str, name: str, *, name_en: str = "",
                venue: str = "", city: str = "", start_date: str | None = None, end_date: str | None = None,
                currency: str = "CNY") -> dict:
    """A new empty show; its code (e.g. ``RZ2026``) is unique in the file."""
    require(actor, Action.CREATE_SHOWS)
    code, name = (code or "").strip(), (name or "").strip()
    problems: list[Problem] = []
    if not _CODE.match(code):
        problems.append(Problem("code", f"展会代码只能含字母、数字、- 和 _ / show code may hold letters, digits, - and _: '{code}'"))
    if not name:
        problems.append(Problem("name", "必须填写展会名称 / show name is required"))
    start_date = _check_date(start_date, "start_date", problems)
    end_date = _check_date(end_date, "end_date", problems)
    if start_date and end_date and not problems and end_date < start_date:
        problems.append(Problem("end_date", "结束日期早于开始日期 / the end date is before the start date"))
    if problems:
        raise ValidationError(problems)
    with transaction(db):
        if show_store.show_by_code(db, code):
            raise UserError(f"展会代码 {code} 已存在 / show code {code} already exists")
        return records.insert(db, actor, "shows", {
            "code": code, "name": name, "name_en": name_en, "venue": venue, "city": city,
            "start_date": start_date, "end_date": end_date, "currency": currency,
            "created_at": records.utc_now(),
        })


def show_or_error(db: Database, show_id: str) -> dict:
    """The show, or UserError when it was deleted meanwhile."""
    show = show_store.show_by_id(db, show_id)
    if show is None:
        raise UserError("展会不存在 / this show no longer exists")
    return show


def require_show(db: Database, code: str) -> dict:
    """The show with this code, or a UserError listing the codes that exist."""
    show = show_store.show_by_code(db, code)
    if show is None:
        known = ", ".join(s["code"] for s in show_store.list_shows(db)) or "-"
        raise UserError(f"没有代码为 {code} 的展会 / no show with code {code} (known: {known})")
    return show


def new_show_file(path, actor: Actor, code: str, name: str, **show_fields) -> tuple[Database, dict]:
    """A new Expo Desk file holding one empty show; nothing is left behind on bad input."""
    path = Path(path)
    if path.exists():
        raise UserError(f"{path}: 文件已存在 / the file already exists")
    db = open_database(path)
    try:
        show = create_show(db, actor, code, name, **show_fields)
    except BaseException:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return db, show


def list_shows(db: Database) -> list[dict]:
    """Every show in the file, newest first."""
    return show_store.list_shows(db)


SHOW_FIELDS = ("name", "name_en", "venue", "venue_en", "city", "build_start", "start_date", "end_date",
               "teardown_end")


def update_show(db: Database, actor: Actor, show_id: str, values: dict) -> ChangeSet:
    """Change a show's names, venue and dates; the dates must run build-up ≤ opening ≤ last
    day ≤ tear-down end. Every problem is reported at once."""
    require(actor, Action.CREATE_SHOWS)
    unknown = set(values) - set(SHOW_FIELDS)
    if unknown:
        raise KeyError(f"unknown show fields: {sorted(unknown)}")
    problems: list[Problem] = []
    cleaned = {k: (values[k] or "").strip() for k in ("name", "name_en", "venue", "venue_en", "city") if k in values}
    if "name" in cleaned and not cleaned["name"]:
        problems.append(Problem("name", "必须填写展会名称 / show name is required"))
    for key in ("build_start", "start_date", "end_date", "teardown_end"):
        if key in values:
            cleaned[key] = _check_date(values[key], key, problems)
    changes = ChangeSet()
    with transaction(db):
        current = show_or_error(db, show_id)
        merged = {**current, **cleaned}
        order = [(k, merged.get(k)) for k in ("build_start", "start_date", "end_date", "teardown_end")]
        dated = [(k, v) for k, v in order if v]
        for (first, a), (second, b) in zip(dated, dated[1:]):
            if b < a and not any(p.field == second for p in problems):
                problems.append(Problem(second, f"{_DATE_NAMES[second][0]}早于{_DATE_NAMES[first][0]} / "
                                                f"{_DATE_NAMES[second][1]} is before {_DATE_NAMES[first][1]}"))
        if problems:
            raise ValidationError(problems)
        record_update(db, actor, changes, "shows", show_id, cleaned)
    return changes


_DATE_NAMES = {"build_start": ("布展开始日", "the build-up start"), "start_date": ("开幕日", "the opening day"),
               "end_date": ("闭幕日", "the last day"), "teardown_end": ("撤展结束日", "the tear-down end")}
