"""The audit trail for those who may read it: who changed what, when, from what to what.

Only a department manager or an administrator may read it (``Action.VIEW_AUDIT``); every
function here checks, whichever front end asks. Entries come back decoded: ``old`` and
``new`` are dicts, people are named instead of their ids, and ``record`` names the row
(an exhibitor's company, a contact with its company, a booth number…) where that is cheap.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, TextIO

from expo_desk.domain.actors import Actor
from expo_desk.domain.audit import USER_FIELDS, AuditFilter
from expo_desk.domain.money import format_fen
from expo_desk.domain.permissions import Action, require
from expo_desk.errors import UserError
from expo_desk.services.tabular import neutralise
from expo_desk.store import audit as audit_store
from expo_desk.store import users as user_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database

# Columns that only repeat what the change itself says.
QUIET_FIELDS = frozenset({"updated_at", "created_at", "company_key"})
# Values that name a row when the row itself is gone (first one present wins).
_NAME_FIELDS = ("company_name", "number", "code", "display_name", "name", "prospect_name", "visitor_name")
CSV_HEADER = ["at_utc", "local_time", "user_id", "user_name", "action", "table", "row_id", "record", "changes",
              "old_values", "new_values"]


# ---------------------------------------------------------------- dates


def parse_moment(text: str, option: str = "date", *, end: bool = False) -> str:
    """A local date (``YYYY-MM-DD``) or date and time as the UTC ISO string ``at`` is compared with.

    A date as a start means its first moment; as an end (``end=True``) the first moment of
    the next day, so the whole day is included.
    """
    value = (text or "").strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return local_day_start(day + timedelta(days=1) if end else day)
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        raise UserError(
            f"{option} {text!r}: 日期应为 YYYY-MM-DD（或 YYYY-MM-DD HH:MM） / "
            f"a date must look like YYYY-MM-DD (or YYYY-MM-DD HH:MM)") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a time without offset is local time
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def local_day_start(day: date) -> str:
    """The first moment of a local calendar day, as a UTC ISO string."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC).isoformat(timespec="seconds")


def local_day_bounds(first: date | None, last: date | None) -> tuple[str | None, str | None]:
    """``(since, until)`` covering the local days ``first`` … ``last``, both included."""
    return (local_day_start(first) if first else None,
            local_day_start(last + timedelta(days=1)) if last else None)


def local_time(at: str) -> str:
    """A stored UTC timestamp in the computer's time zone, with its offset."""
    try:
        return datetime.fromisoformat(at).astimezone().isoformat(sep=" ", timespec="seconds")
    except (TypeError, ValueError):
        return str(at)


# ---------------------------------------------------------------- reading


def audit_entries(db: Database, actor: Actor, f: AuditFilter = AuditFilter(), *, limit: int = 200,
                  offset: int = 0, oldest_first: bool = False) -> list[dict]:
    """One page of decoded entries, newest first unless ``oldest_first``."""
    require(actor, Action.VIEW_AUDIT)
    return decode_entries(db, audit_store.search(db, f, limit=limit, offset=offset, oldest_first=oldest_first))


def count_audit_entries(db: Database, actor: Actor, f: AuditFilter = AuditFilter()) -> int:
    require(actor, Action.VIEW_AUDIT)
    return audit_store.count(db, f)


def audit_page(db: Database, actor: Actor, f: AuditFilter = AuditFilter(), *, limit: int = 200,
               offset: int = 0) -> tuple[list[dict], int]:
    """A page of entries (newest first) and how many match in all."""
    return audit_entries(db, actor, f, limit=limit, offset=offset), count_audit_entries(db, actor, f)


def iter_audit_entries(db: Database, actor: Actor, f: AuditFilter = AuditFilter(), *,
                       oldest_first: bool = True) -> Iterator[dict]:
    """Every matching entry, decoded a batch at a time (for exports of any length)."""
    require(actor, Action.VIEW_AUDIT)
    for batch in audit_store.iterate(db, f, oldest_first=oldest_first):
        yield from decode_entries(db, batch)


def audit_tables(db: Database, actor: Actor) -> list[str]:
    require(actor, Action.VIEW_AUDIT)
    return audit_store.tables(db)


def audit_people(db: Database, actor: Actor) -> list[dict]:
    """The people in the trail for a picker: ``label``, and ``user_ids``/``user_names`` to filter by.

    Someone with an account is one choice (named as now, all their entries whatever name
    they had then); a name recorded without an account (the local user, the command line)
    is a choice of its own.
    """
    require(actor, Action.VIEW_AUDIT)
    with_id, names = audit_store.people(db)
    current = audit_store.display_names(db, [user_id for user_id, _ in with_id])
    chosen = []
    for user_id, latest in with_id:
        chosen.append({"label": current.get(user_id) or latest or user_id, "user_ids": (user_id,), "user_names": ()})
    taken = {p["label"] for p in chosen} | {latest for _, latest in with_id}
    chosen += [{"label": name, "user_ids": (), "user_names": (name,)} for name in names if name not in taken]
    chosen.sort(key=lambda p: p["label"].casefold())
    return chosen


def person_filter(db: Database, actor: Actor, name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(user_ids, user_names)`` matching a person typed by name (login or display name, any case)."""
    require(actor, Action.VIEW_AUDIT)
    wanted = name.strip().casefold()
    ids, names = [], [name.strip()]
    user = user_store.user_by_name(db, name)
    if user is not None:
        ids.append(user["id"])
    for person in audit_people(db, actor):
        if person["label"].casefold() == wanted:
            ids += person["user_ids"]
            names += person["user_names"]
    with_id, recorded = audit_store.people(db)
    ids += [user_id for user_id, latest in with_id if (latest or "").casefold() == wanted]
    names += [n for n in recorded if n.casefold() == wanted]
    return tuple(dict.fromkeys(ids)), tuple(dict.fromkeys(names))


# ---------------------------------------------------------------- decoding


def _loads(text: str | None) -> dict:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"value": text}
    return value if isinstance(value, dict) else {"value": value}


def decode_entries(db: Database, entries: list[dict]) -> list[dict]:
    """Entries with old/new values as dicts, people named, and a readable record label."""
    decoded = [{**e, "old": _loads(e["old_values"]), "new": _loads(e["new_values"])} for e in entries]
    person_ids = {v for e in decoded for values in (e["old"], e["new"])
                  for k, v in values.items() if k in USER_FIELDS and isinstance(v, str)}
    names = audit_store.display_names(db, person_ids)
    by_table: dict[str, set[str]] = {}
    for entry in decoded:
        by_table.setdefault(entry["table_name"], set()).add(entry["row_id"])
    labels = {table: audit_store.record_labels(db, table, ids) for table, ids in by_table.items()}
    # a removed contact (or lead, answer) is named by its exhibitor's company when that remains
    owners = {e["old"].get("exhibitor_id") or e["new"].get("exhibitor_id") for e in decoded
              if e["row_id"] not in labels.get(e["table_name"], {})}
    companies = audit_store.record_labels(db, "exhibitors", {o for o in owners if isinstance(o, str)})
    for entry in decoded:
        entry["record"] = labels.get(entry["table_name"], {}).get(entry["row_id"]) or _label_from_values(entry, companies)
        for values in (entry["old"], entry["new"]):
            for key in USER_FIELDS & values.keys():
                if isinstance(values[key], str):
                    values[key] = names.get(values[key], values[key])
    return decoded


def _label_from_values(entry: dict, companies: dict[str, str]) -> str:
    values = {**entry["old"], **entry["new"]}
    own = next((str(values[k]) for k in _NAME_FIELDS if values.get(k)), "")
    company = companies.get(values.get("exhibitor_id") or "")
    if company and entry["table_name"] != "exhibitors":
        return f"{company} · {own}" if own and own != company else company
    return own


def shown_value(field: str, value) -> str:
    """A stored value as a person reads it: money in yuan, '—' for nothing."""
    if value is None or value == "":
        return "—"
    if field.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
        return format_fen(value)
    return str(value)


def changed_fields(entry: dict) -> list[str]:
    """The fields an entry is about: what changed, or what the added/removed row held
    (links to other rows left out there: the record label already says whose it is)."""
    if entry["action"] == "update":
        fields = list(entry["new"]) or list(entry["old"])
    else:
        fields = [k for k, v in (entry["new"] or entry["old"]).items() if v not in (None, "")]
    return [k for k in fields if k not in QUIET_FIELDS and k != "id"
            and (entry["action"] == "update" or not (k.endswith("_id") and k not in USER_FIELDS))]


def describe_changes(entry: dict) -> str:
    """``field: old → new; …`` in plain text (field names as stored)."""
    return "; ".join(f"{k}: {shown_value(k, entry['old'].get(k))} → {shown_value(k, entry['new'].get(k))}"
                     for k in changed_fields(entry))


# ---------------------------------------------------------------- export


def write_audit_csv(db: Database, actor: Actor, f: AuditFilter, handle: TextIO, *,
                    oldest_first: bool = True) -> int:
    """Matching entries as CSV (a header row, then one row per entry); returns how many."""
    writer = csv.writer(handle)
    writer.writerow(CSV_HEADER)
    written = 0
    for entry in iter_audit_entries(db, actor, f, oldest_first=oldest_first):
        writer.writerow([neutralise(v) for v in (
            entry["at"], local_time(entry["at"]), entry["user_id"] or "", entry["user_name"], entry["action"],
            entry["table_name"], entry["row_id"], entry["record"], describe_changes(entry),
            entry["old_values"] or "", entry["new_values"] or "")])
        written += 1
    return written


def export_audit_csv(db: Database, actor: Actor, f: AuditFilter, path) -> int:
    """Write the matching entries (oldest first) to a .csv file Excel opens with Chinese intact."""
    require(actor, Action.VIEW_AUDIT)
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            return write_audit_csv(db, actor, f, handle)
    except OSError as exc:
        raise UserError(f"{path}: 无法写入 / cannot be written: {exc.strerror or exc}") from exc
