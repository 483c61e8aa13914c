"""Reading the audit trail: filtered, newest first, a page at a time, quick on a million entries.

Every filter but free text is answered from an index (migration 0003 adds ``(user_id, at)``,
``(user_name, at)`` and ``(table_name, at)``, and ``at`` to ``(table_name, row_id)``, beside
0001's ``(at)``), so a page is a short index walk in ``at`` order rather than a sort.
Free text is a LIKE over the stored JSON and reads every entry the other filters leave.
The lists of people and tables for the filter pickers jump from one distinct
value to the next through the same indexes (a "skip scan"), a few lookups each however
long the trail is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import sqlite_utils

from expo_desk.domain.audit import AuditFilter
from expo_desk.store.queries import like_pattern, marks, rows, scalar, tuples_in

COLUMNS = "rowid AS seq, id, at, user_id, user_name, action, table_name, row_id, old_values, new_values"


def _where(db: sqlite_utils.Database, f: AuditFilter) -> tuple[str, list]:
    where: list[str] = []
    params: list = []
    people: list[str] = []
    for column, values in (("user_id", f.user_ids), ("user_name", f.user_names)):
        values = [v for v in dict.fromkeys(values) if v]
        if len(values) == 1:
            people.append(f"{column} = ?")
        elif values:
            people.append(f"{column} IN ({marks(values)})")
        params += values
    if people:
        where.append(people[0] if len(people) == 1 else "(" + " OR ".join(people) + ")")
    if f.since:
        where.append("at >= ?")
        params.append(f.since)
    if f.until:
        where.append("at < ?")
        params.append(f.until)
    if f.table:
        # With a person too, walk that person's entries (a unary + keeps SQLite off the
        # table's index): a table holds far more of the trail than one person does.
        where.append("+table_name = ?" if people and not f.row_id else "table_name = ?")
        params.append(f.table)
    if f.row_id:
        if not f.table:
            # audit_log_row is (table_name, row_id, at): naming every table lets it seek each one
            names = tables(db) or [""]
            where.append(f"table_name IN ({marks(names)})")
            params += names
        where.append("row_id = ?")
        params.append(f.row_id.strip())
    for word in f.text.split():
        where.append("(new_values LIKE ? ESCAPE '\\' OR old_values LIKE ? ESCAPE '\\')")
        params += [like_pattern(word)] * 2
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def _order(oldest_first: bool) -> str:
    return "ORDER BY at, rowid" if oldest_first else "ORDER BY at DESC, rowid DESC"


def search(db: sqlite_utils.Database, f: AuditFilter, *, limit: int = 200, offset: int = 0,
           oldest_first: bool = False) -> list[dict]:
    """One page of matching entries, newest first (or oldest first)."""
    clause, params = _where(db, f)
    return rows(db, f"SELECT {COLUMNS} FROM audit_log {clause} {_order(oldest_first)} LIMIT ? OFFSET ?",
                [*params, int(limit), int(offset)])


def count(db: sqlite_utils.Database, f: AuditFilter) -> int:
    clause, params = _where(db, f)
    return int(scalar(db, f"SELECT count(*) FROM audit_log {clause}", params) or 0)


def iterate(db: sqlite_utils.Database, f: AuditFilter, *, oldest_first: bool = True,
            batch: int = 1000) -> Iterator[list[dict]]:
    """Every matching entry in batches, from one cursor (no OFFSET walks on long exports)."""
    clause, params = _where(db, f)
    cursor = db.execute(f"SELECT {COLUMNS} FROM audit_log {clause} {_order(oldest_first)}", params)
    names = [c[0] for c in cursor.description]
    while True:
        chunk = cursor.fetchmany(batch)
        if not chunk:
            return
        yield [dict(zip(names, r)) for r in chunk]


def explain(db: sqlite_utils.Database, f: AuditFilter) -> list[str]:
    """SQLite's plan for a page of ``f`` (for tests that keep the filters on an index)."""
    clause, params = _where(db, f)
    cursor = db.execute(f"EXPLAIN QUERY PLAN SELECT {COLUMNS} FROM audit_log {clause} {_order(False)} LIMIT 200",
                        params)
    return [r[-1] for r in cursor.fetchall()]


def _distinct(db: sqlite_utils.Database, column: str, extra: str = "", params: list | tuple = ()) -> list:
    """Distinct non-null values of an indexed column, one index seek per value."""
    found = []
    value = scalar(db, f"SELECT min({column}) FROM audit_log WHERE {column} IS NOT NULL {extra}", params)
    while value is not None:
        found.append(value)
        value = scalar(db, f"SELECT min({column}) FROM audit_log WHERE {column} > ? {extra}", [value, *params])
    return found


def tables(db: sqlite_utils.Database) -> list[str]:
    """The tables that have audit entries, by name."""
    return _distinct(db, "table_name")


def people(db: sqlite_utils.Database) -> tuple[list[tuple[str, str]], list[str]]:
    """``([(user_id, latest recorded name)], [every recorded name])`` of the people in the trail."""
    with_id = [
        (user_id, scalar(db, "SELECT user_name FROM audit_log WHERE user_id = ? ORDER BY at DESC LIMIT 1", [user_id]))
        for user_id in _distinct(db, "user_id")
    ]
    return with_id, _distinct(db, "user_name")


def display_names(db: sqlite_utils.Database, user_ids: Iterable[str]) -> dict[str, str]:
    """Current display names of the given users (absent ids are left out)."""
    ids = list(dict.fromkeys(i for i in user_ids if i))
    return dict(tuples_in(db, "SELECT id, display_name FROM users WHERE id IN ({marks})", ids))


# How a row of each table is named for a person: (id, label) queries with "{marks}" for the ids.
_LABELS: dict[str, str] = {
    "exhibitors": "SELECT id, company_name FROM exhibitors WHERE id IN ({marks})",
    "contacts": "SELECT c.id, e.company_name || ' · ' || c.name FROM contacts c"
                " JOIN exhibitors e ON e.id = c.exhibitor_id WHERE c.id IN ({marks})",
    "exhibitor_leads": "SELECT x.id, e.company_name || ' · ' || x.visitor_name FROM exhibitor_leads x"
                       " JOIN exhibitors e ON e.id = x.exhibitor_id WHERE x.id IN ({marks})",
    "survey_answers": "SELECT x.id, e.company_name FROM survey_answers x"
                      " JOIN exhibitors e ON e.id = x.exhibitor_id WHERE x.id IN ({marks})",
    "shows": "SELECT id, code || ' ' || name FROM shows WHERE id IN ({marks})",
    "users": "SELECT id, display_name FROM users WHERE id IN ({marks})",
    "halls": "SELECT id, code FROM halls WHERE id IN ({marks})",
    "booths": "SELECT id, number FROM booths WHERE id IN ({marks})",
    "contracts": "SELECT k.id, k.number || coalesce(' · ' || e.company_name, '') FROM contracts k"
                 " LEFT JOIN exhibitors e ON e.id = k.exhibitor_id WHERE k.id IN ({marks})",
    "leads": "SELECT l.id, coalesce(e.company_name, l.prospect_name) FROM leads l"
             " LEFT JOIN exhibitors e ON e.id = l.exhibitor_id WHERE l.id IN ({marks})",
    "service_items": "SELECT id, name FROM service_items WHERE id IN ({marks})",
    "tasks": "SELECT id, name FROM tasks WHERE id IN ({marks})",
    "payments": "SELECT p.id, k.number FROM payments p JOIN contracts k ON k.id = p.contract_id WHERE p.id IN ({marks})",
    "contract_lines": "SELECT l.id, k.number || ' · ' || l.description FROM contract_lines l"
                      " JOIN contracts k ON k.id = l.contract_id WHERE l.id IN ({marks})",
    "payment_schedule": "SELECT s.id, k.number || ' · ' || s.label FROM payment_schedule s"
                        " JOIN contracts k ON k.id = s.contract_id WHERE s.id IN ({marks})",
    "pricing_rules": "SELECT id, kind || ' ' || label FROM pricing_rules WHERE id IN ({marks})",
    "task_templates": "SELECT id, scope || ' ' || position || ' ' || name FROM task_templates WHERE id IN ({marks})",
    "punch_items": "SELECT id, severity || ' · ' || description FROM punch_items WHERE id IN ({marks})",
    "post_show_outcomes": "SELECT o.id, e.company_name FROM post_show_outcomes o"
                          " JOIN exhibitors e ON e.id = o.id WHERE o.id IN ({marks})",
    "show_texts": "SELECT id, key FROM show_texts WHERE id IN ({marks})",
    "visitor_counts": "SELECT id, day || ' ' || sector FROM visitor_counts WHERE id IN ({marks})",
}


def record_labels(db: sqlite_utils.Database, table: str, row_ids: Iterable[str]) -> dict[str, str]:
    """A short name for each row that still exists (a company, a booth number…); {} for other tables."""
    sql = _LABELS.get(table)
    ids = list(dict.fromkeys(i for i in row_ids if i))
    if sql is None or not ids:
        return {}
    return {row_id: label for row_id, label in tuples_in(db, sql, ids) if label}
