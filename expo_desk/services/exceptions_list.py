"""What the department manager should look at first: the exceptions of a show.

Discounts above the threshold (approved or still waiting), overdue money (from the
receivables), booth reservations ending within the show's warning days (or already ended
and not released), and contracts edited after they were signed, with the edits.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import TYPE_CHECKING

from expo_desk.domain import contracts as rules
from expo_desk.domain.money import format_fen
from expo_desk.services.contracts import today_text
from expo_desk.services.payments import receivables
from expo_desk.services.sales_terms import terms as show_terms
from expo_desk.store import dashboard as store

if TYPE_CHECKING:
    from expo_desk.store.db import Database


def discounts_above_threshold(db: Database, show_id: str, threshold_bp: int) -> list[dict]:
    """Each row: the contract, ``discount_fen`` (positive), ``limit_fen``, ``percent`` of the
    booth price and ``waiting`` (no department manager has approved it)."""
    found = []
    for row in store.discounted_contracts(db, show_id):
        if not rules.discount_needs_approval(row["discount_fen"], row["booth_price_fen"], threshold_bp):
            continue
        price = row["booth_price_fen"]
        found.append({**row, "discount_fen": -row["discount_fen"],
                      "limit_fen": rules.discount_limit_fen(price, threshold_bp),
                      "percent": round(100 * -row["discount_fen"] / price, 1) if price > 0 else None,
                      "waiting": not row["approved_by_name"]})
    found.sort(key=lambda r: (not r["waiting"], r["number"]))
    return found


def expiring_reservations(db: Database, show_id: str, today: str, warning_days: int) -> list[dict]:
    """Reserved booths whose hold ends within ``warning_days`` (``days_left`` < 0: already ended)."""
    last = (_dt.date.fromisoformat(today) + _dt.timedelta(days=warning_days)).isoformat()
    start = _dt.date.fromisoformat(today)
    return [{**row, "days_left": (_dt.date.fromisoformat(row["reserved_until"][:10]) - start).days}
            for row in store.reservations_ending_by(db, show_id, last)]


_FIELD_NAMES = {"total_fen": "合同金额 / total", "discount_fen": "优惠 / discount", "status": "状态 / status",
                "amount_fen": "金额 / amount", "quantity": "数量 / quantity", "unit_price_fen": "单价 / unit price",
                "description": "内容 / description"}
_NOT_SHOWN = ("edited_after_signing",)  # the flag that put the contract on this list


def _shown(key: str, value: object) -> str:
    return format_fen(value) if key.endswith("_fen") and isinstance(value, int) else str(value)


def _edit_summary(entry: dict) -> str:
    """One audit entry as "+ line (amount)", "− line (amount)" or "field: a → b"."""
    old = json.loads(entry["old_values"]) if entry["old_values"] else {}
    new = json.loads(entry["new_values"]) if entry["new_values"] else {}
    if entry["action"] in ("insert", "delete"):
        values, sign = (new, "+") if entry["action"] == "insert" else (old, "−")
        return f"{sign} {values.get('description', '')} ({_shown('amount_fen', values.get('amount_fen', 0))})"
    return ", ".join(f"{_FIELD_NAMES.get(k, k)}: {_shown(k, old.get(k))} → {_shown(k, v)}"
                     for k, v in new.items() if k not in _NOT_SHOWN)


def edited_after_signing(db: Database, show_id: str) -> list[dict]:
    """Contracts flagged as edited after signing, each with ``edits`` (the audit entries on
    its lines and total after the signing entry, oldest first, as ``at``, ``user_name``,
    ``summary``)."""
    found = []
    for row in store.edited_contracts(db, show_id):
        edits = [{"at": e["at"], "user_name": e["user_name"], "table_name": e["table_name"],
                  "action": e["action"], "summary": _edit_summary(e)} for e in store.edits_after_signing(db, row["id"])]
        found.append({**row, "edits": edits})
    return found


def exceptions_list(db: Database, show_id: str, today: str | _dt.date | None = None) -> dict:
    """``{"discounts", "overdue", "expiring", "edited", "threshold_bp", "warning_days"}``;
    ``overdue`` are the receivables' rows with money overdue, most days late first."""
    day = today_text(today)
    terms = show_terms(db, show_id)
    return {
        "threshold_bp": terms["discount_threshold_bp"],
        "warning_days": terms["expiry_warning_days"],
        "discounts": discounts_above_threshold(db, show_id, terms["discount_threshold_bp"]),
        "overdue": receivables(db, show_id, day, overdue_only=True)["rows"],
        "expiring": expiring_reservations(db, show_id, day, terms["expiry_warning_days"]),
        "edited": edited_after_signing(db, show_id),
    }
