"""Lead and follow-up queries: filters, the day's follow-ups and the stage counts, in SQL."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import like_pattern, one, rows, scalar

OPEN = ("contacted", "visit_booked", "proposal")
_OPEN_SQL = "('contacted', 'visit_booked', 'proposal')"
_STAGE_RANK = ("CASE l.stage WHEN 'contacted' THEN 1 WHEN 'visit_booked' THEN 2 WHEN 'proposal' THEN 3"
               " WHEN 'signed' THEN 4 ELSE 5 END")

# Columns a user may sort by, mapped to SQL (never interpolate user text).
SORT_COLUMNS = {
    "stage": _STAGE_RANK,
    "company_name": "company_name",
    "account_manager": "account_manager",
    "next_follow_up": "l.next_follow_up IS NULL, l.next_follow_up",
    "visit_at": "l.visit_at IS NULL, l.visit_at",
    "expected_value_fen": "l.expected_value_fen",
    "objections": "l.objections",
}

_SELECT = """
SELECT l.id, l.show_id, l.exhibitor_id, l.prospect_name,
       coalesce(e.company_name, l.prospect_name) AS company_name, e.company_name_en,
       e.account_manager_id AS exhibitor_manager_id,
       l.account_manager_id, u.display_name AS account_manager, l.stage, l.lost_reason, l.objections,
       l.expected_value_fen, l.next_follow_up, l.visit_at, l.notes, l.created_at
FROM leads l
LEFT JOIN exhibitors e ON e.id = l.exhibitor_id
LEFT JOIN users u ON u.id = l.account_manager_id
"""


def _where(show_id: str, manager_id: str | None, stage: str | None, text: str) -> tuple[str, list]:
    """Every typed word must appear in the prospect's or the exhibitor's name."""
    clauses, params = ["l.show_id = ?"], [show_id]
    if manager_id is not None:  # '' matches no one: an account manager without an id sees nothing
        clauses.append("l.account_manager_id = ?")
        params.append(manager_id)
    if stage == "open":
        clauses.append(f"l.stage IN {_OPEN_SQL}")
    elif stage:
        clauses.append("l.stage = ?")
        params.append(stage)
    for word in text.split():
        clauses.append("(l.prospect_name LIKE ? ESCAPE '\\' OR e.company_name LIKE ? ESCAPE '\\'"
                       " OR e.company_name_en LIKE ? ESCAPE '\\')")
        params += [like_pattern(word)] * 3
    return " AND ".join(clauses), params


def list_leads(db: sqlite_utils.Database, show_id: str, *, manager_id: str | None = None, stage: str | None = None,
               text: str = "", sort: str = "next_follow_up", descending: bool = False, limit: int = 200,
               offset: int = 0) -> list[dict]:
    """One page of a show's leads; ``stage`` 'open' means any stage before signed or lost."""
    where, params = _where(show_id, manager_id, stage, text)
    order = SORT_COLUMNS.get(sort, SORT_COLUMNS["next_follow_up"])
    if descending:  # blanks stay last either way
        order = ", ".join(part if part.endswith("IS NULL") else f"{part} DESC" for part in order.split(", "))
    return rows(db, f"{_SELECT} WHERE {where} ORDER BY {order}, company_name, l.id LIMIT ? OFFSET ?",
                [*params, limit, offset])


def count_leads(db: sqlite_utils.Database, show_id: str, *, manager_id: str | None = None,
                stage: str | None = None, text: str = "") -> int:
    where, params = _where(show_id, manager_id, stage, text)
    return scalar(db, f"SELECT count(*) FROM leads l LEFT JOIN exhibitors e ON e.id = l.exhibitor_id WHERE {where}",
                  params)


def due_leads(db: sqlite_utils.Database, show_id: str, until: str, manager_id: str | None = None) -> list[dict]:
    """Open leads whose next follow-up is on or before ``until``, the longest overdue first."""
    where, params = _where(show_id, manager_id, "open", "")
    return rows(db, f"{_SELECT} WHERE {where} AND l.next_follow_up IS NOT NULL AND l.next_follow_up <= ?"
                    " ORDER BY l.next_follow_up, company_name, l.id", [*params, until])


def stage_counts(db: sqlite_utils.Database, show_id: str, manager_id: str | None = None) -> list[dict]:
    """Leads and expected value per account manager and stage (no manager: account_manager NULL)."""
    where, params = _where(show_id, manager_id, None, "")
    return rows(
        db,
        "SELECT l.account_manager_id, u.display_name AS account_manager, l.stage, count(*) AS leads,"
        " coalesce(sum(l.expected_value_fen), 0) AS expected_value_fen"
        " FROM leads l LEFT JOIN users u ON u.id = l.account_manager_id"
        f" WHERE {where} GROUP BY l.account_manager_id, l.stage ORDER BY u.display_name, {_STAGE_RANK}",
        params,
    )


def get(db: sqlite_utils.Database, lead_id: str) -> dict | None:
    return one(db, f"{_SELECT} WHERE l.id = ?", [lead_id])


def open_lead_ids_of_exhibitor(db: sqlite_utils.Database, exhibitor_id: str) -> list[str]:
    cursor = db.execute(f"SELECT id FROM leads WHERE exhibitor_id = ? AND stage IN {_OPEN_SQL} ORDER BY id",
                        [exhibitor_id])
    return [r[0] for r in cursor.fetchall()]


def lead_companies(db: sqlite_utils.Database, show_id: str, *, open_only: bool = True) -> list[dict]:
    """id, exhibitor and company name of every (open) lead of a show, for duplicate checks."""
    stages = f" AND l.stage IN {_OPEN_SQL}" if open_only else ""
    return rows(db, "SELECT l.id, l.exhibitor_id, coalesce(e.company_name, l.prospect_name) AS company_name"
                    f" FROM leads l LEFT JOIN exhibitors e ON e.id = l.exhibitor_id WHERE l.show_id = ?{stages}",
                [show_id])


def exhibitor_by_key(db: sqlite_utils.Database, show_id: str, company_key: str) -> str | None:
    """The id of the show's exhibitor with this normalised name (to link a prospect typed by name)."""
    return scalar(db, "SELECT id FROM exhibitors WHERE show_id = ? AND company_key = ?", [show_id, company_key])


def exhibitor_names(db: sqlite_utils.Database, show_id: str) -> list[str]:
    cursor = db.execute("SELECT company_name FROM exhibitors WHERE show_id = ? ORDER BY company_name", [show_id])
    return [r[0] for r in cursor.fetchall()]


def follow_ups(db: sqlite_utils.Database, lead_id: str) -> list[dict]:
    """A lead's follow-ups, newest first, with who made them."""
    return rows(db, "SELECT f.*, u.display_name AS user_name FROM follow_ups f LEFT JOIN users u ON u.id = f.user_id"
                    " WHERE f.lead_id = ? ORDER BY f.happened_at DESC, f.id", [lead_id])


def follow_up_ids(db: sqlite_utils.Database, lead_id: str) -> list[str]:
    cursor = db.execute("SELECT id FROM follow_ups WHERE lead_id = ? ORDER BY id", [lead_id])
    return [r[0] for r in cursor.fetchall()]
