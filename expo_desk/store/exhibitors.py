"""Exhibitor queries: search and sort in SQL so a 30,000-row show answers each keystroke."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import like_pattern, one, rows, scalar

# Columns a user may sort by, mapped to SQL (never interpolate user text).
SORT_COLUMNS = {
    "company_name": "e.company_name",
    "company_name_en": "e.company_name_en COLLATE NOCASE",
    "sector": "e.sector",
    "account_manager": "u.display_name",
    "contact_name": "primary_contact",
    "phone": "e.phone",
    "expected_value_fen": "e.expected_value_fen",
    "booths": "booths",
    "updated_at": "e.updated_at",
}

_SELECT = """
SELECT e.id, e.company_name, e.company_name_en, e.sector, e.phone, e.email,
       e.expected_value_fen, e.account_manager_id, u.display_name AS account_manager,
       (SELECT c.name FROM contacts c WHERE c.exhibitor_id = e.id
         ORDER BY c.is_primary DESC, c.name LIMIT 1) AS primary_contact,
       (SELECT group_concat(b.number, ' ') FROM contract_lines l
          JOIN contracts k ON k.id = l.contract_id JOIN booths b ON b.id = l.booth_id
         WHERE k.exhibitor_id = e.id AND l.holds_booth = 1) AS booths,
       e.updated_at
FROM exhibitors e LEFT JOIN users u ON u.id = e.account_manager_id
"""


def _where(show_id: str, text: str, alias: str = "e.", manager_id: str | None = None) -> tuple[str, list]:
    """Every typed word must appear somewhere in the exhibitor's search text (and, when
    given, the exhibitor belongs to that account manager)."""
    clauses, params = [f"{alias}show_id = ?"], [show_id]
    if manager_id is not None:
        clauses.append(f"{alias}account_manager_id = ?")
        params.append(manager_id)
    for word in text.split():
        clauses.append(f"{alias}search_text LIKE ? ESCAPE '\\'")
        params.append(like_pattern(word))
    return " AND ".join(clauses), params


# Above this many matches, walking the name index finds a page at once; below it,
# filtering on the covering search index first and sorting the few matches is quicker.
DENSE_MATCHES = 2_000


def search(db: sqlite_utils.Database, show_id: str, text: str = "", *, sort: str = "company_name",
           descending: bool = False, limit: int = 200, offset: int = 0, matches: int | None = None,
           manager_id: str | None = None) -> list[dict]:
    """One page of a show's exhibitors matching every word of ``text``.

    ``matches`` (from ``count``) lets the query pick its plan; it is counted when omitted.
    """
    where, params = _where(show_id, text, manager_id=manager_id)
    order = SORT_COLUMNS.get(sort, "e.company_name")
    if text.split():
        if matches is None:
            matches = count(db, show_id, text, manager_id)
        if matches < DENSE_MATCHES:
            # Few matches: find them on the covering index, then sort only those.
            inner, params = _where(show_id, text, alias="", manager_id=manager_id)
            where = f"e.rowid IN (SELECT rowid FROM exhibitors WHERE {inner})"
    direction = "DESC" if descending else "ASC"
    sql = f"{_SELECT} WHERE {where} ORDER BY {order} {direction}, e.id LIMIT ? OFFSET ?"
    return rows(db, sql, [*params, limit, offset])


def search_page(db: sqlite_utils.Database, show_id: str, text: str = "", *, sort: str = "company_name",
                descending: bool = False, limit: int = 200, offset: int = 0) -> tuple[list[dict], int]:
    """A page of matches and how many match in all: what one keystroke needs."""
    total = count(db, show_id, text)
    page = search(db, show_id, text, sort=sort, descending=descending, limit=limit, offset=offset, matches=total)
    return page, total


def count(db: sqlite_utils.Database, show_id: str, text: str = "", manager_id: str | None = None) -> int:
    where, params = _where(show_id, text, manager_id=manager_id)
    return scalar(db, f"SELECT count(*) FROM exhibitors e WHERE {where}", params)


def get(db: sqlite_utils.Database, exhibitor_id: str) -> dict | None:
    return one(
        db,
        "SELECT e.*, u.display_name AS account_manager FROM exhibitors e"
        " LEFT JOIN users u ON u.id = e.account_manager_id WHERE e.id = ?",
        [exhibitor_id],
    )


def by_company_keys(db: sqlite_utils.Database, show_id: str) -> dict[str, str]:
    """company_key -> company_name of every exhibitor of a show (for duplicate checks)."""
    cursor = db.execute("SELECT company_key, company_name FROM exhibitors WHERE show_id = ?", [show_id])
    return dict(cursor.fetchall())


def contacts(db: sqlite_utils.Database, exhibitor_id: str) -> list[dict]:
    return rows(db, "SELECT * FROM contacts WHERE exhibitor_id = ? ORDER BY is_primary DESC, name", [exhibitor_id])


def contracts(db: sqlite_utils.Database, exhibitor_id: str) -> list[dict]:
    """The exhibitor's contracts with their booths and what has been paid."""
    return rows(
        db,
        "SELECT k.id, k.number, k.status, k.total_fen, k.signed_on,"
        " (SELECT coalesce(sum(p.amount_fen), 0) FROM payments p WHERE p.contract_id = k.id) AS paid_fen,"
        " (SELECT group_concat(b.number, ' ') FROM contract_lines l JOIN booths b ON b.id = l.booth_id"
        "   WHERE l.contract_id = k.id AND l.kind = 'booth') AS booths"
        " FROM contracts k WHERE k.exhibitor_id = ? ORDER BY k.number",
        [exhibitor_id],
    )


def all_for_export(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Every exhibitor of a show with its primary contact, in name order."""
    return rows(
        db,
        "SELECT e.company_name, e.company_name_en, e.sector, c.name AS contact_name,"
        " coalesce(nullif(c.phone, ''), e.phone) AS phone, coalesce(nullif(c.email, ''), e.email) AS email,"
        " u.display_name AS account_manager, e.expected_value_fen"
        " FROM exhibitors e LEFT JOIN users u ON u.id = e.account_manager_id"
        " LEFT JOIN contacts c ON c.id = (SELECT id FROM contacts WHERE exhibitor_id = e.id"
        "   ORDER BY is_primary DESC, name LIMIT 1)"
        " WHERE e.show_id = ? ORDER BY e.company_name",
        [show_id],
    )


def company_key_owner(db: sqlite_utils.Database, show_id: str, company_key: str,
                      exclude_id: str | None = None) -> str | None:
    """The name of another exhibitor of the show with this company key, if any."""
    return scalar(
        db, "SELECT company_name FROM exhibitors WHERE show_id = ? AND company_key = ? AND id IS NOT ?",
        [show_id, company_key, exclude_id],
    )


def touch(db: sqlite_utils.Database, exhibitor_id: str, when: str) -> None:
    """Stamp ``updated_at`` (not audited on its own: the change it marks is)."""
    db.execute("UPDATE exhibitors SET updated_at = ? WHERE id = ?", [when, exhibitor_id])


def dependent_ids(db: sqlite_utils.Database, exhibitor_id: str) -> dict[str, list[str]]:
    """Rows that point at an exhibitor and go (or lose the link) when it is deleted."""
    found: dict[str, list[str]] = {}
    for table in ("contacts", "leads", "exhibitor_leads", "survey_answers", "rebooking_offers"):
        cursor = db.execute(f"SELECT id FROM [{table}] WHERE exhibitor_id = ? ORDER BY id", [exhibitor_id])
        found[table] = [r[0] for r in cursor.fetchall()]
    # the account manager's post-show notes are keyed by the exhibitor's own id
    found["post_show_outcomes"] = [r[0] for r in db.execute("SELECT id FROM post_show_outcomes WHERE id = ?",
                                                            [exhibitor_id]).fetchall()]
    return found
