"""The data of one exhibitor's post-show report (展后报告): what the organizer did for them,
the show's traffic and their own leads, the satisfaction figure (参展满意度) with its cost and
expected value, the outcomes beyond sales, the survey, and the offer to rebook.

Reading only; ``expo_desk.reports.post_show`` draws it. Every text is a (Chinese, English)
pair so the renderer picks the document's language.

The participation cost (参展费用) is the sum of the exhibitor's contracts that are signed,
part-paid or paid. Drafts were never a participation, and a cancelled contract is not one
either: its cancellation fee pays for the cancellation, not for being at the show.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from expo_desk.domain import contracts as rules
from expo_desk.domain.enums import SECTORS
from expo_desk.domain.pricing import m2_text
from expo_desk.domain.satisfaction import Satisfaction, satisfaction
from expo_desk.errors import UserError
from expo_desk.services import post_show
from expo_desk.services.contract_documents import BOOTH_TYPE_NAMES, split_pair
from expo_desk.services.contracts import today_text
from expo_desk.services.document_head import Pair, ShowDocument, check_language, currency_symbol, show_document_fields
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import next_edition as edition_store
from expo_desk.store import shows as show_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database

COUNTED = ("signed", "part_paid", "paid")  # the contracts whose totals are the participation cost
COST_RULE: Pair = ("参展费用为已签约、部分付款和已付清合同的总额；草稿和已取消的合同不计入（取消费不属于参展费用）。",
                   "The participation cost is the total of the signed, part-paid and paid contracts; drafts and "
                   "cancelled contracts are left out (a cancellation fee is not a cost of taking part).")
OUTCOME_TITLES: dict[str, Pair] = {
    "sales_network": ("扩大销售网络", "Wider sales network"),
    "brand_image": ("树立企业形象", "Brand image"),
    "customer_needs": ("了解客户需求", "Customers' needs"),
    "competition": ("了解行业竞争状况", "The competition"),
}
WORK_TITLES: dict[str, Pair] = {
    "services_delivered": ("现场服务", "Services delivered"),
    "promotion": ("宣传推广", "Promotion"),
    "matchmaking": ("商务对接", "Matchmaking"),
}
OFFER_STATUS: dict[str, Pair] = {"offered": ("已为您保留", "Held for you"), "accepted": ("已确认", "Confirmed"),
                                 "declined": ("已谢绝", "Declined"), "expired": ("已过期", "Expired")}
UNDATED = "—"
DEFAULT_REBOOKING: Pair = ("欢迎预订下一届展会：老展商优先选位，原展位为您优先保留。请联系您的项目经理。",
                           "Book your place at the next edition: returning exhibitors choose first and your booth is "
                           "held for you first. Please contact your account manager.")


@dataclass(frozen=True)
class ReportBooth:
    number: str
    hall: Pair  # the hall's name, or its code
    size: str  # "3 × 3 m"
    area_m2: str
    type_name: Pair


@dataclass(frozen=True)
class CostContract:
    """One contract and whether its total is part of the participation cost."""

    number: str
    status_name: Pair
    total_fen: int
    counted: bool


@dataclass(frozen=True)
class DeliveredService:
    name: Pair
    quantity: int
    unit: str
    amount_fen: int


@dataclass(frozen=True)
class Count:
    """A bar of a chart: a day or a sector and its number; ``own`` marks the exhibitor's sector."""

    label: Pair
    value: int
    own: bool = False


@dataclass(frozen=True)
class LeadDay:
    day: str
    leads: int
    agreements: int


@dataclass(frozen=True)
class ReportLead:
    captured_on: str
    visitor_name: str
    visitor_company: str
    contact: str
    interest: str
    source: str
    agreement_signed: bool
    agreement_value_fen: int | None


@dataclass(frozen=True)
class Note:
    """A titled text the account manager wrote (what was done, an outcome); empty when not written."""

    key: str
    title: Pair
    text: Pair


@dataclass(frozen=True)
class SurveyAnswer:
    question: Pair
    answer: Pair
    score: int | None


@dataclass(frozen=True)
class Rebooking:
    """The next edition and the booth held for the exhibitor in it, or the show's rebooking text."""

    next_show_name: Pair | None
    next_dates: tuple[str | None, str | None]
    venue: str
    city: str
    booth_numbers: tuple[str, ...]
    offered_until: str | None
    status_name: Pair | None
    text: Pair
    contacts: Pair


@dataclass(frozen=True)
class PostShowData(ShowDocument):
    """Everything the post-show report prints; plain values only."""

    exhibitor_name: str
    exhibitor_name_en: str
    sector: Pair
    manager_name: str
    booths: tuple[ReportBooth, ...]
    contracts: tuple[CostContract, ...]
    satisfaction: Satisfaction
    services: tuple[DeliveredService, ...]
    work: tuple[Note, ...]  # services delivered, promotion, matchmaking
    visitors_by_day: tuple[Count, ...]
    visitors_by_sector: tuple[Count, ...]
    leads: tuple[ReportLead, ...]
    leads_by_day: tuple[LeadDay, ...]
    outcomes: tuple[Note, ...]  # sales network, brand image, customer needs, competition
    survey: tuple[SurveyAnswer, ...]
    rebooking: Rebooking
    cost_rule: Pair = COST_RULE

    @property
    def cost_fen(self) -> int:
        return self.satisfaction.cost_fen

    @property
    def expected_value_fen(self) -> int | None:
        return self.satisfaction.expected_value_fen

    @property
    def total_visitors(self) -> int:
        return sum(c.value for c in self.visitors_by_day)

    @property
    def agreements(self) -> int:
        return sum(1 for lead in self.leads if lead.agreement_signed)

    @property
    def agreements_value_fen(self) -> int:
        return sum(lead.agreement_value_fen or 0 for lead in self.leads if lead.agreement_signed)


# ---------------------------------------------------------------- pieces


def _status_name(status: str) -> Pair:
    zh, en = rules.STATUS_NAMES.get(status, (status, status))
    return zh, en[:1].upper() + en[1:]


def sector_pair(sector: str) -> Pair:
    return (sector, SECTORS.get(sector, sector)) if sector else ("未分行业", "No sector")


def _booths(db: Database, contract_ids: list[str]) -> tuple[ReportBooth, ...]:
    found: list[ReportBooth] = []
    halls: dict[str, dict] = {}
    for contract_id in contract_ids:
        for b in contract_store.contract_booths(db, contract_id):
            if b["hall_id"] not in halls:
                halls[b["hall_id"]] = booth_store.get_hall(db, b["hall_id"]) or {"code": "", "name": ""}
            hall = halls[b["hall_id"]]
            found.append(ReportBooth(
                number=b["number"], hall=(hall["name"] or hall["code"], f"Hall {hall['code']}"),
                size=f"{b['width_cm'] / 100:g} × {b['depth_cm'] / 100:g} m",
                area_m2=m2_text(int(b["width_cm"]) * int(b["depth_cm"])),
                type_name=BOOTH_TYPE_NAMES.get(b["booth_type"], (b["booth_type"], b["booth_type"]))))
    return tuple(sorted(found, key=lambda booth: booth.number))


def _services(db: Database, show_id: str, contract_ids: list[str]) -> tuple[DeliveredService, ...]:
    """The services ordered on the counted contracts, one line per service with the quantities added up."""
    units = {s["id"]: s["unit"] for s in contract_store.service_items(db, show_id)}
    merged: dict[str, list] = {}
    for contract_id in contract_ids:
        for line in contract_store.lines(db, contract_id):
            if line["kind"] != "service":
                continue
            key = line["service_item_id"] or line["description"]
            if key not in merged:
                zh, en = split_pair(line["description"], capitalise=True)
                if line.get("service_name_en"):
                    suffix = f" / {line['service_name_en']}"
                    text = line["description"]
                    zh, en = (text[:-len(suffix)] if text.endswith(suffix) else zh).strip(), line["service_name_en"]
                merged[key] = [(zh, en), 0, units.get(line["service_item_id"], ""), 0]
            merged[key][1] += int(line["quantity"])
            merged[key][3] += int(line["amount_fen"])
    return tuple(DeliveredService(name, qty, unit, amount) for name, qty, unit, amount in merged.values())


def _visitors(table: post_show.VisitorTable, own_sector: str) -> tuple[tuple[Count, ...], tuple[Count, ...]]:
    """Visitors by day (every count of the day: by sector and not by sector) and by sector over
    all days, largest first; the counts not broken down by sector are in the days only."""
    by_day = tuple(Count((day, day), table.by_day[day]) for day in table.days)
    sectors = sorted(((s, n) for s, n in table.by_sector.items() if s), key=lambda item: (-item[1], item[0]))
    return by_day, tuple(Count(sector_pair(s), n, own=s == own_sector) for s, n in sectors)


def _leads(rows: list[dict]) -> tuple[tuple[ReportLead, ...], tuple[LeadDay, ...]]:
    leads = tuple(ReportLead(
        captured_on=r.get("captured_on") or "", visitor_name=r.get("visitor_name") or "",
        visitor_company=r.get("visitor_company") or "", contact=r.get("contact") or "",
        interest=r.get("interest") or "", source=r.get("source") or "",
        agreement_signed=bool(r.get("agreement_signed")),
        agreement_value_fen=None if r.get("agreement_value_fen") is None else int(r["agreement_value_fen"]))
        for r in rows)
    days: dict[str, list[int]] = {}
    for lead in leads:
        counts = days.setdefault(lead.captured_on or UNDATED, [0, 0])
        counts[0] += 1
        counts[1] += int(lead.agreement_signed)
    ordered = sorted(days.items(), key=lambda item: (item[0] == UNDATED, item[0]))
    return leads, tuple(LeadDay(day, n, agreed) for day, (n, agreed) in ordered)


def _notes(values: dict, titles: dict[str, Pair]) -> tuple[Note, ...]:
    return tuple(Note(key, title, split_pair(values.get(key) or "")) for key, title in titles.items())


def _survey(rows: list[dict]) -> tuple[SurveyAnswer, ...]:
    return tuple(SurveyAnswer(split_pair(r["question"]), split_pair(r.get("answer") or ""),
                              None if r.get("score") is None else int(r["score"])) for r in rows)


def _written_texts(db: Database, show_id: str) -> dict[str, Pair]:
    """The show's texts someone wrote. The defaults speak to an exhibitor before or during the
    show ("before the show closes"), which reads wrong in a report made after it."""
    written = post_show.written_show_texts(db, show_id)
    return {key: pair for key, pair in post_show.show_texts(db, show_id).items() if key in written}


def _rebooking(db: Database, show: dict, exhibitor: dict, contract_ids: set[str],
               texts: dict[str, Pair]) -> Rebooking:
    """The next edition (the show whose previous edition is this one) and the offer made there to
    this company: found by the contract it rebooks, or by the company in the new edition."""
    text = texts.get("rebooking") or ("", "")
    if not any(text):
        text = DEFAULT_REBOOKING
    contacts = texts.get("contacts") or ("", "")
    following = [s for s in show_store.list_shows(db) if s.get("previous_show_id") == show["id"]]
    if not following:
        return Rebooking(None, (None, None), "", "", (), None, None, text, contacts)
    nxt = min(following, key=lambda s: (s.get("start_date") or "9999", s["code"]))
    same_company = edition_store.exhibitor_ids_by_key(db, nxt["id"]).get(exhibitor["company_key"])
    offers = [o for o in edition_store.list_offers(db, nxt["id"])
              if o["previous_contract_id"] in contract_ids or o["exhibitor_id"] == same_company]
    live = [o for o in offers if o["status"] in ("offered", "accepted")] or offers
    numbers = tuple(sorted({o["booth_number"] for o in live if o["booth_number"]}))
    deadline = min((o["offered_until"] for o in live if o["offered_until"]), default=None)
    status = OFFER_STATUS.get(live[0]["status"]) if live else None
    return Rebooking((nxt["name"], nxt.get("name_en") or nxt["name"]), (nxt.get("start_date"), nxt.get("end_date")),
                     nxt.get("venue") or "", nxt.get("city") or "", numbers, deadline, status, text, contacts)


# ---------------------------------------------------------------- assembly


def post_show_data(db: Database, exhibitor_id: str, language: str = "both",
                   today: str | _dt.date | None = None) -> PostShowData:
    """Everything one exhibitor's post-show report prints, read in one go."""
    check_language(language)
    exhibitor = exhibitor_store.get(db, exhibitor_id)
    if exhibitor is None:
        raise UserError("展商不存在 / this exhibitor no longer exists")
    show = show_store.show_by_id(db, exhibitor["show_id"])
    contracts = exhibitor_store.contracts(db, exhibitor_id)
    counted = [k["id"] for k in contracts if k["status"] in COUNTED]
    cost = sum(int(k["total_fen"]) for k in contracts if k["status"] in COUNTED)
    own_sector = exhibitor.get("sector") or ""
    by_day, by_sector = _visitors(post_show.visitor_table(db, show["id"]), own_sector)
    leads, lead_days = _leads(post_show.exhibitor_leads(db, exhibitor_id))
    done = post_show.outcomes(db, exhibitor_id)
    texts = _written_texts(db, show["id"])
    return PostShowData(
        **show_document_fields(db, show, language, today_text(today)),
        currency_symbol=currency_symbol((show.get("currency") or "CNY").upper()),
        exhibitor_name=exhibitor["company_name"], exhibitor_name_en=exhibitor.get("company_name_en") or "",
        sector=sector_pair(own_sector), manager_name=exhibitor.get("account_manager") or "",
        booths=_booths(db, counted),
        contracts=tuple(CostContract(k["number"], _status_name(k["status"]), int(k["total_fen"]), k["status"] in COUNTED)
                        for k in contracts
                        if k["status"] != "draft"),
        satisfaction=satisfaction(cost, exhibitor.get("expected_value_fen")),
        services=_services(db, show["id"], counted),
        work=_notes(done, WORK_TITLES),
        visitors_by_day=by_day, visitors_by_sector=by_sector,
        leads=leads, leads_by_day=lead_days,
        outcomes=_notes(done, OUTCOME_TITLES),
        survey=_survey(post_show.survey_answers(db, exhibitor_id)),
        rebooking=_rebooking(db, show, exhibitor, {k["id"] for k in contracts}, texts),
    )


__all__ = ["PostShowData", "post_show_data"]
