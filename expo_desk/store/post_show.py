"""Post-show data queries: visitors per day and sector, the leads and agreements an exhibitor
collected, survey answers, the account manager's notes on outcomes, and the show's own texts."""

from __future__ import annotations

import sqlite_utils

from expo_desk.store.queries import one, rows, tuples_in


def visitor_counts(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Every stored count of the show, by day then sector ('' = not broken down by sector)."""
    return rows(db, "SELECT id, day, sector, visitors FROM visitor_counts WHERE show_id = ? ORDER BY day, sector",
                [show_id])


def visitor_count(db: sqlite_utils.Database, show_id: str, day: str, sector: str) -> dict | None:
    return one(db, "SELECT * FROM visitor_counts WHERE show_id = ? AND day = ? AND sector = ?", [show_id, day, sector])


def exhibitor_sectors(db: sqlite_utils.Database, show_id: str) -> list[str]:
    """The sectors the show's exhibitors are in, for the visitor grid's rows."""
    cursor = db.execute("SELECT DISTINCT sector FROM exhibitors WHERE show_id = ? AND sector <> '' ORDER BY sector",
                        [show_id])
    return [r[0] for r in cursor.fetchall()]


def exhibitor_leads(db: sqlite_utils.Database, exhibitor_id: str) -> list[dict]:
    """An exhibitor's leads, by the day they were captured (undated last), then name."""
    return rows(db, "SELECT * FROM exhibitor_leads WHERE exhibitor_id = ?"
                    " ORDER BY captured_on IS NULL, captured_on, visitor_name, visitor_company, id", [exhibitor_id])


def lead_keys(db: sqlite_utils.Database, exhibitor_ids: list[str]) -> set[tuple]:
    """(exhibitor, day, name, company, contact) of the leads already stored, to skip them on import."""
    return set(tuples_in(db, "SELECT exhibitor_id, coalesce(captured_on, ''), visitor_name, visitor_company, contact"
                             " FROM exhibitor_leads WHERE exhibitor_id IN ({marks})", exhibitor_ids))


def survey_answers(db: sqlite_utils.Database, exhibitor_id: str) -> list[dict]:
    return rows(db, "SELECT * FROM survey_answers WHERE exhibitor_id = ? ORDER BY rowid", [exhibitor_id])


def survey_answer(db: sqlite_utils.Database, exhibitor_id: str, question: str) -> dict | None:
    return one(db, "SELECT * FROM survey_answers WHERE exhibitor_id = ? AND question = ? ORDER BY rowid LIMIT 1",
               [exhibitor_id, question])


def outcomes(db: sqlite_utils.Database, exhibitor_id: str) -> dict | None:
    """The outcome notes with the display name of who saved them last."""
    return one(db, "SELECT o.*, u.display_name AS updated_by_name FROM post_show_outcomes o"
                   " LEFT JOIN users u ON u.id = o.updated_by WHERE o.id = ?", [exhibitor_id])


def show_texts(db: sqlite_utils.Database, show_id: str) -> dict[str, dict]:
    """key -> the stored row, for the keys someone has written."""
    return {r["key"]: r for r in rows(db, "SELECT * FROM show_texts WHERE show_id = ?", [show_id])}


def booth_holders(db: sqlite_utils.Database, show_id: str) -> dict[str, str]:
    """Booth number -> the exhibitor whose active contract holds it."""
    return dict(db.execute(
        "SELECT b.number, k.exhibitor_id FROM contract_lines l JOIN contracts k ON k.id = l.contract_id"
        " JOIN booths b ON b.id = l.booth_id WHERE l.holds_booth = 1 AND k.show_id = ?", [show_id]).fetchall())


def exhibitor_names(db: sqlite_utils.Database, show_id: str) -> list[dict]:
    """Id, names, company key and account manager of every exhibitor of the show (to match imported rows)."""
    return rows(db, "SELECT id, company_name, company_name_en, company_key, account_manager_id FROM exhibitors"
                    " WHERE show_id = ?", [show_id])


def booth_holder(db: sqlite_utils.Database, show_id: str, number: str) -> str | None:
    """The exhibitor whose active contract holds the booth with this number (any case)."""
    row = db.execute(
        "SELECT k.exhibitor_id FROM booths b JOIN contract_lines l ON l.booth_id = b.id AND l.holds_booth = 1"
        " JOIN contracts k ON k.id = l.contract_id WHERE b.show_id = ? AND b.number = ? COLLATE NOCASE LIMIT 1",
        [show_id, number]).fetchone()
    return row[0] if row else None


def held_booths(db: sqlite_utils.Database, exhibitor_id: str) -> str:
    """The numbers of the booths the exhibitor's contracts hold, space-separated."""
    row = db.execute(
        "SELECT group_concat(b.number, ' ') FROM contract_lines l JOIN contracts k ON k.id = l.contract_id"
        " JOIN booths b ON b.id = l.booth_id WHERE k.exhibitor_id = ? AND l.holds_booth = 1", [exhibitor_id]).fetchone()
    return (row[0] if row else None) or ""
