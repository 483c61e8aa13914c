"""The department manager's figures: occupancy, signed revenue against the target, money
received against money due, by account manager, by sector and by hall.

Every amount comes from the database or from the receivables (one allocation of payments
to instalments for the whole app); the page only formats what is here.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from expo_desk.domain.enums import BoothStatus
from expo_desk.services import booths as booth_service
from expo_desk.services.contracts import today_text
from expo_desk.services.payments import receivables
from expo_desk.services.sales_terms import terms as show_terms
from expo_desk.store import dashboard as store

if TYPE_CHECKING:
    from expo_desk.store.db import Database

_MONEY = ("due_fen", "paid_fen", "outstanding_fen", "overdue_fen")


def percent(part: float, whole: float) -> float | None:
    """``part`` of ``whole`` in per cent with one decimal; None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


def _booth_figures(bucket: dict) -> dict:
    """Booths and m² by status, with occupancy measured on what can be sold (not blocked)."""
    by = bucket["by_status"]
    sellable = bucket["area_m2"] - by[BoothStatus.BLOCKED]["area_m2"]
    sold, reserved = by[BoothStatus.SOLD]["area_m2"], by[BoothStatus.RESERVED]["area_m2"]
    return {
        **{f"{status}_booths": by[status]["booths"] for status in BoothStatus},
        **{f"{status}_m2": by[status]["area_m2"] for status in BoothStatus},
        "booths": bucket["booths"], "area_m2": bucket["area_m2"], "sellable_m2": round(sellable, 2),
        "occupancy_percent": percent(sold, sellable),
        "taken_percent": percent(sold + reserved, sellable),
    }


def _no_money() -> dict:
    return dict.fromkeys(_MONEY, 0) | {"overdue_contracts": 0}


def _money_groups(rows: list[dict], keys_of) -> dict[str, dict]:
    """The receivables' money summed per group; ``keys_of(row)`` names the groups of a row."""
    groups: dict[str, dict] = {}
    for row in rows:
        for key in keys_of(row):
            bucket = groups.setdefault(key or "", _no_money())
            for name in _MONEY:
                bucket[name] += row[name]
            bucket["overdue_contracts"] += 1 if row["overdue_fen"] else 0
    return groups


def _breakdown(revenue_rows: list[dict], money: dict[str, dict], total_revenue: int) -> list[dict]:
    """One row per group: revenue from SQL beside the receivables' money, largest first."""
    result = []
    for row in revenue_rows:
        revenue = row["contract_fen"] + row["fees_fen"]
        cash = money.get(row["key"] or "", _no_money())
        result.append({"key": row["key"] or "", "name": row["name"] or "", "contracts": row["contracts"],
                       "cancelled": row["cancelled"], "revenue_fen": revenue, **cash,
                       "received_percent": percent(cash["paid_fen"], cash["due_fen"]),
                       "share_percent": percent(revenue, total_revenue)})
    result.sort(key=lambda r: (-r["revenue_fen"], r["name"]))
    return result


def dashboard(db: Database, show_id: str, today: str | _dt.date | None = None) -> dict:
    """Every figure of the dashboard for one show on a date (today by default).

    ``booths``: booths and m² per status, ``occupancy_percent`` (sold m² of the sellable
    m²) and ``taken_percent`` (sold and reserved); ``revenue``: ``contract_fen`` (signed,
    part-paid and paid totals) + ``fees_fen`` (kept on cancellations) = ``signed_fen``,
    against ``target_fen``; ``money``: the receivables' ``due_fen``, ``paid_fen``,
    ``outstanding_fen``, ``overdue_fen``, ``overdue_contracts``; ``by_manager``,
    ``by_sector`` (revenue and money per group) and ``by_hall`` (booth figures, the booth
    lines' revenue, and the money of the contracts with a booth in the hall: a contract in
    two halls counts in both). Percentages are None when their base is zero.
    """
    day = today_text(today)
    show = show_terms(db, show_id)["show"]
    occupancy = booth_service.occupancy(db, show_id)
    owed = receivables(db, show_id, day)
    total = store.revenue_total(db, show_id)
    signed = total["contract_fen"] + total["fees_fen"]
    target = show["revenue_target_fen"] or 0
    money = {name: owed["total"][name] for name in _MONEY}
    money["overdue_contracts"] = sum(1 for r in owed["rows"] if r["overdue_fen"])
    money["received_percent"] = percent(money["paid_fen"], money["due_fen"])
    hall_revenue: dict[str, int] = {}
    halls_of: dict[str, list[str]] = {}
    for contract_id, hall_id, booth_fen in store.contract_halls(db, show_id):
        hall_revenue[hall_id] = hall_revenue.get(hall_id, 0) + booth_fen
        halls_of.setdefault(contract_id, []).append(hall_id)
    hall_money = _money_groups(owed["rows"], lambda r: halls_of.get(r["id"], []))
    halls = [{"hall_id": h["hall_id"], "code": h["code"], "name": h["name"], **_booth_figures(h),
              "booth_revenue_fen": hall_revenue.get(h["hall_id"], 0), **hall_money.get(h["hall_id"], _no_money())}
             for h in occupancy["halls"]]
    return {
        "today": day,
        "currency": show["currency"],
        "booths": _booth_figures(occupancy["total"]),
        "revenue": {"contracts": total["contracts"], "cancelled": total["cancelled"],
                    "contract_fen": total["contract_fen"], "fees_fen": total["fees_fen"], "signed_fen": signed,
                    "target_fen": target, "target_percent": percent(signed, target)},
        "money": money,
        "by_manager": _breakdown(store.revenue_by_manager(db, show_id),
                                 _money_groups(owed["rows"], lambda r: [r["account_manager_id"]]), signed),
        "by_sector": _breakdown(store.revenue_by_sector(db, show_id),
                                _money_groups(owed["rows"], lambda r: [r["sector"]]), signed),
        "by_hall": halls,
    }
