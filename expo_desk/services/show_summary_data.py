"""The data of the show summary (展会总结报告) for the organizer's leadership and the
exhibition office: exhibitors and space by sector and hall, occupancy, revenue, visitors,
leads and agreements, and the same figures of the previous edition beside them.

Occupancy, revenue and money are the dashboard's figures (one source for the whole app);
only the breakdowns it does not give are read here (``store.show_summary``). Reading only:
the result is plain frozen data, and ``expo_desk.reports.show_summary`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from expo_desk.domain.enums import SECTORS
from expo_desk.errors import UserError
from expo_desk.services.contracts import today_text
from expo_desk.services.dashboard import dashboard, percent
from expo_desk.services.document_head import Pair, check_language, logo_path, organizer_name, show_name
from expo_desk.store import show_summary as store
from expo_desk.store.shows import show_by_id

if TYPE_CHECKING:
    from expo_desk.store.db import Database

NO_SECTOR: Pair = ("未填行业", "No sector")


def sector_name(sector: str) -> Pair:
    """A stored sector (in Chinese, e.g. 钢铁) with its English name where one is known."""
    if not sector:
        return NO_SECTOR
    return sector, SECTORS.get(sector, sector)


def _m2(area_cm2: int | None) -> float:
    return round((area_cm2 or 0) / 10_000, 2)


@dataclass(frozen=True)
class KeyFigures:
    """One edition's headline figures; percentages are None when their base is zero."""

    exhibitors: int  # with at least one sold booth
    booths_sold: int
    sold_m2: float
    sellable_m2: float  # every booth but the blocked ones
    occupancy_percent: float | None  # sold m² of the sellable m²
    taken_percent: float | None  # sold and reserved
    signed_fen: int  # signed contracts' totals plus the fees kept on cancellations
    target_fen: int
    target_percent: float | None
    due_fen: int
    received_fen: int
    outstanding_fen: int
    overdue_fen: int
    received_percent: float | None
    visitors: int
    leads: int
    agreements: int
    agreement_fen: int


@dataclass(frozen=True)
class SectorRow:
    key: str  # the sector as stored ('' for none)
    name: Pair
    exhibitors: int
    booths: int
    area_m2: float  # sold
    area_share_percent: float | None  # of the show's sold m²
    revenue_fen: int
    received_fen: int
    visitors: int
    leads: int
    agreements: int
    agreement_fen: int
    previous_area_m2: float | None = None  # sold in the previous edition; None without one


@dataclass(frozen=True)
class HallRow:
    code: str
    name: Pair
    exhibitors: int
    booths: int
    sold_booths: int
    sold_m2: float
    reserved_m2: float
    sellable_m2: float
    occupancy_percent: float | None
    booth_revenue_fen: int  # the booth lines of signed contracts in the hall


@dataclass(frozen=True)
class VisitorDay:
    day: str  # ISO date
    visitors: int
    counted_overall: bool  # some of the day's visitors were counted without a sector


@dataclass(frozen=True)
class ComparedFigure:
    """A figure of this edition beside the previous one's. ``change_percent`` is the relative
    change, None when the previous value is zero or unknown (no division by zero); a
    percentage figure changes in points (``change_points``) instead."""

    key: str
    name: Pair
    unit: str  # count / m2 / fen / percent
    current: float | int | None
    previous: float | int | None
    change_percent: float | None
    change_points: float | None = None


@dataclass(frozen=True)
class PreviousEdition:
    code: str
    name: Pair
    open_dates: tuple[str, str]
    figures: tuple[ComparedFigure, ...]
    visitor_days: tuple[VisitorDay, ...] = ()

    def figure(self, key: str) -> ComparedFigure:
        return next(f for f in self.figures if f.key == key)


@dataclass(frozen=True)
class ShowSummaryData:
    show_code: str
    show_name: Pair
    venue: str
    city: str
    open_dates: tuple[str, str]
    organizer: str
    logo_path: str | None
    language: str
    currency: str
    today: str  # the as-of date of money figures
    figures: KeyFigures
    sectors: tuple[SectorRow, ...]  # most m² first, "no sector" last
    halls: tuple[HallRow, ...]
    visitor_days: tuple[VisitorDay, ...]
    previous: PreviousEdition | None

    @property
    def agreement_sectors(self) -> tuple[Pair, ...]:
        """Sectors with an agreement signed, known sectors in their usual order first."""
        order = list(SECTORS)
        found = [s for s in self.sectors if s.agreements]
        found.sort(key=lambda s: (s.key not in SECTORS, order.index(s.key) if s.key in SECTORS else 0, s.key))
        return tuple(s.name for s in found)


# ---------------------------------------------------------------- assembly

COMPARED: tuple[tuple[str, Pair, str], ...] = (
    ("exhibitors", ("参展商", "Exhibitors"), "count"),
    ("booths_sold", ("已售展位", "Booths sold"), "count"),
    ("sold_m2", ("已售面积", "Space sold"), "m2"),
    ("occupancy_percent", ("出租率", "Occupancy"), "percent"),
    ("signed_fen", ("签约收入", "Signed revenue"), "fen"),
    ("received_fen", ("已收款", "Received"), "fen"),
    ("visitors", ("观众人次", "Visitors"), "count"),
    ("leads", ("意向客户", "Leads"), "count"),
    ("agreements", ("合作协议", "Agreements signed"), "count"),
)


def compare(key: str, name: Pair, unit: str, current, previous) -> ComparedFigure:
    """The change from ``previous`` to ``current``: never a division by zero."""
    if current is None or previous is None:
        return ComparedFigure(key, name, unit, current, previous, None)
    change = percent(current - previous, previous)
    points = round(current - previous, 1) if unit == "percent" else None
    return ComparedFigure(key, name, unit, current, previous, change, points)


@dataclass(frozen=True)
class _Edition:
    figures: KeyFigures
    board: dict  # the dashboard's figures
    space: list[dict]  # sold space by sector
    leads: dict[str, dict]  # by sector
    visitors: dict[str, int]  # by sector
    days: list[dict]


def _edition(db: Database, show_id: str, today: str) -> _Edition:
    board = dashboard(db, show_id, today)
    space = store.sold_space_by_sector(db, show_id)
    leads = {r["sector"] or "": r for r in store.leads_by_sector(db, show_id)}
    days = store.visitors_by_day(db, show_id)
    booths, revenue, money = board["booths"], board["revenue"], board["money"]
    figures = KeyFigures(
        exhibitors=sum(r["exhibitors"] for r in space), booths_sold=booths["sold_booths"],
        sold_m2=booths["sold_m2"], sellable_m2=booths["sellable_m2"], occupancy_percent=booths["occupancy_percent"],
        taken_percent=booths["taken_percent"], signed_fen=revenue["signed_fen"], target_fen=revenue["target_fen"],
        target_percent=revenue["target_percent"], due_fen=money["due_fen"], received_fen=money["paid_fen"],
        outstanding_fen=money["outstanding_fen"], overdue_fen=money["overdue_fen"],
        received_percent=money["received_percent"], visitors=sum(d["visitors"] for d in days),
        leads=sum(r["leads"] for r in leads.values()), agreements=sum(r["agreements"] for r in leads.values()),
        agreement_fen=sum(r["agreement_fen"] for r in leads.values()))
    return _Edition(figures, board, space, leads, store.visitors_by_sector(db, show_id), days)


def _sector_rows(edition: _Edition, previous: _Edition | None) -> tuple[SectorRow, ...]:
    space = {r["sector"]: r for r in edition.space}
    money = {r["key"]: r for r in edition.board["by_sector"]}
    before = {r["sector"]: _m2(r["area_cm2"]) for r in previous.space} if previous else {}
    keys = set(space) | set(money) | set(edition.leads) | set(edition.visitors) | {k for k, m2 in before.items() if m2}
    total_m2 = edition.figures.sold_m2
    result = []
    for key in keys:
        room, cash, got = space.get(key, {}), money.get(key, {}), edition.leads.get(key, {})
        area = _m2(room.get("area_cm2"))
        result.append(SectorRow(
            key=key, name=sector_name(key), exhibitors=room.get("exhibitors", 0), booths=room.get("booths", 0),
            area_m2=area, area_share_percent=percent(area, total_m2), revenue_fen=cash.get("revenue_fen", 0),
            received_fen=cash.get("paid_fen", 0), visitors=edition.visitors.get(key, 0), leads=got.get("leads", 0),
            agreements=got.get("agreements", 0), agreement_fen=got.get("agreement_fen", 0),
            previous_area_m2=before.get(key, 0.0) if previous else None))
    result.sort(key=lambda r: (r.key == "", -r.area_m2, -r.revenue_fen, -r.leads, r.key))
    return tuple(result)


def _hall_rows(db: Database, show_id: str, edition: _Edition) -> tuple[HallRow, ...]:
    exhibitors = store.exhibitors_by_hall(db, show_id)
    return tuple(HallRow(
        code=h["code"], name=(h["name"] or h["code"], f"Hall {h['code']}"), exhibitors=exhibitors.get(h["hall_id"], 0),
        booths=h["booths"], sold_booths=h["sold_booths"], sold_m2=h["sold_m2"], reserved_m2=h["reserved_m2"],
        sellable_m2=h["sellable_m2"], occupancy_percent=h["occupancy_percent"],
        booth_revenue_fen=h["booth_revenue_fen"]) for h in edition.board["by_hall"])


def _previous(edition: _Edition, before: _Edition, previous_show: dict) -> PreviousEdition:
    figures = tuple(compare(key, name, unit, getattr(edition.figures, key), getattr(before.figures, key))
                    for key, name, unit in COMPARED)
    return PreviousEdition(code=previous_show["code"], name=show_name(previous_show),
                           open_dates=(previous_show["start_date"] or "", previous_show["end_date"] or ""),
                           figures=figures, visitor_days=_visitor_days(before))


def _visitor_days(edition: _Edition) -> tuple[VisitorDay, ...]:
    return tuple(VisitorDay(d["day"], d["visitors"], bool(d["counted_overall"])) for d in edition.days)


def show_summary_data(db: Database, show_id: str, language: str = "both", *, today=None) -> ShowSummaryData:
    """The show's summary as of ``today`` (default: the real today), ready to draw; with the
    previous edition's figures when ``shows.previous_show_id`` names one."""
    check_language(language)
    show = show_by_id(db, show_id)
    if show is None:
        raise UserError(f"没有此展会 / no such show: {show_id}")
    day = today_text(today)
    edition = _edition(db, show_id, day)
    previous_show = show_by_id(db, show["previous_show_id"]) if show.get("previous_show_id") else None
    before = _edition(db, previous_show["id"], day) if previous_show else None
    return ShowSummaryData(
        show_code=show["code"], show_name=show_name(show), venue=show["venue"] or "", city=show["city"] or "",
        open_dates=(show["start_date"] or "", show["end_date"] or ""),
        organizer=organizer_name(db), logo_path=logo_path(db), language=language,
        currency=show["currency"] or "CNY", today=day, figures=edition.figures,
        sectors=_sector_rows(edition, before), halls=_hall_rows(db, show_id, edition),
        visitor_days=_visitor_days(edition),
        previous=_previous(edition, before, previous_show) if before and previous_show else None)
