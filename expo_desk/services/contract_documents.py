"""The data of the contract documents (booth confirmation, contract summary, payment
statement), assembled from ``contract_detail``, the show and the organizer's settings.

Reading only, no drawing (``expo_desk.reports.contract_docs`` draws it). Every text is kept
as a (Chinese, English) pair so the renderer picks the document's language, and every
figure is taken from ``contract_detail`` so what is on paper equals what is on screen.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from expo_desk.domain import contracts as rules
from expo_desk.domain.contracts import Totals
from expo_desk.domain.plan_report import PlanHall
from expo_desk.domain.pricing import OPEN_SIDES_NAMES, OpenSides, bp_text, m2_text
from expo_desk.errors import UserError
from expo_desk.services import booths as booth_service
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.contract_view import contract_detail
from expo_desk.services.document_head import Pair, ShowDocument, check_language, currency_symbol, show_document_fields
from expo_desk.services.plan_report import plan_report_data
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import exhibitors as exhibitor_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database

BOOTH_TYPE_NAMES: dict[str, Pair] = {"shell": ("标准展位", "Shell scheme"), "raw": ("光地", "Raw space")}
ENCLOSED: Pair = ("封闭", "enclosed")
MAX_CANDIDATES = 20  # names listed when a name matches several exhibitors


@dataclass(frozen=True)
class DocumentLine:
    """One contract line: its text in both languages and its money."""

    kind: str  # booth / premium / service / discount / fee
    text: Pair
    booth_number: str
    quantity: int
    unit_price_fen: int
    amount_fen: int


@dataclass(frozen=True)
class PrintedBooth:
    """A booth as every document describes it: where it is, its size, its kind, its open sides."""

    number: str
    hall_code: str
    hall_name: str
    width_cm: int
    depth_cm: int
    area_m2: str  # exact, e.g. "9" or "12.5"
    booth_type: str  # shell / raw
    type_name: Pair
    open_sides: Pair


@dataclass(frozen=True)
class DocumentBooth(PrintedBooth):
    price_fen: int  # its booth line with its price-rule adjustments


@dataclass(frozen=True)
class DocumentInstalment:
    label: Pair
    due_on: str
    amount_fen: int
    paid_fen: int
    outstanding_fen: int
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class DocumentPayment:
    paid_on: str
    amount_fen: int  # a refund is negative
    method: Pair
    reference: str
    reason: Pair


@dataclass(frozen=True)
class MarkedHall:
    """A hall to draw small, with the contract's booths in it marked."""

    hall: PlanHall
    marked: tuple[str, ...]


@dataclass(frozen=True)
class ContractDocuments(ShowDocument):
    """Everything the three contract documents print; plain values only."""

    build_start: str | None
    teardown_end: str | None
    number: str
    status: str
    status_name: Pair
    contract_date: str  # the signing date, or the day the draft was made
    signed_on: str | None
    cancelled_on: str | None
    cancel_reason: Pair
    exhibitor_name: str
    exhibitor_name_en: str
    exhibitor_address: str
    exhibitor_phone: str
    exhibitor_email: str
    contact_name: str
    contact_phone: str
    manager_name: str
    fascia_text: str
    booths: tuple[DocumentBooth, ...]
    lines: tuple[DocumentLine, ...]
    totals: Totals
    discount_reason: Pair
    discount_approved_by: str
    discount_approved_on: str | None
    discount_waiting: bool
    signed_total_fen: int | None
    edited_after_signing: bool
    instalments: tuple[DocumentInstalment, ...]
    payments: tuple[DocumentPayment, ...]
    paid_fen: int
    balance_fen: int  # still to pay; negative when money is owed back
    overdue_fen: int
    cancellation_fee_fen: int
    cancellation_terms: tuple[Pair, ...]
    halls: tuple[MarkedHall, ...]

    @property
    def total_fen(self) -> int:
        return self.totals.total_fen

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def refund_owed_fen(self) -> int:
        return max(-self.balance_fen, 0)

    @property
    def still_owed_fen(self) -> int:
        return max(self.balance_fen, 0)


# ---------------------------------------------------------------- texts


def split_pair(text: str, capitalise: bool = False) -> Pair:
    """A stored "中文 / English" text as a pair (the English capitalised for a label); a text
    in one language stands for both. "/m²" in a price basis is no separator: no space follows."""
    whole = (text or "").strip()
    zh, sep, en = whole.rpartition("/ ")
    if not sep or not zh.strip() or not en.strip():
        return whole, whole
    en = en.strip()
    return zh.strip(), (en[:1].upper() + en[1:]) if capitalise else en


def _named(names: dict[str, Pair], key: str) -> Pair:
    """A domain name pair with the English capitalised for a heading or a cell ("part-paid" → "Part-paid")."""
    zh, en = names.get(key, (key, key))
    return zh, en[:1].upper() + en[1:]


def cancellation_terms(schedule: tuple[tuple[int, int], ...]) -> tuple[Pair, ...]:
    """The show's cancellation schedule in words, one sentence per step, largest notice first.

    The rule it tells (``domain.contracts.cancellation_fee``): a step applies from its number
    of days before the opening up to the step above; the last step also covers later dates.
    """
    steps = sorted(schedule, reverse=True)
    if not steps:
        return (("取消合同不收取费用", "No fee is charged for a cancellation"),)
    if len(steps) == 1:
        share = bp_text(steps[0][1])
        return ((f"任何时间取消，收取合同总额的 {share}", f"Cancellation at any time: {share} of the contract total"),)
    words: list[Pair] = []
    for i, (days, bp) in enumerate(steps):
        share = bp_text(bp)
        if i == 0:
            words.append((f"开幕前 {days} 天或更早取消：收取合同总额的 {share}",
                          f"{days} days or more before the opening: {share} of the contract total"))
        elif i < len(steps) - 1:
            upper = steps[i - 1][0] - 1
            words.append((f"开幕前 {days}–{upper} 天取消：收取合同总额的 {share}",
                          f"{days}–{upper} days before the opening: {share} of the contract total"))
        else:
            above = steps[i - 1][0]
            words.append((f"开幕前不足 {above} 天或开幕后取消：收取合同总额的 {share}",
                          f"Fewer than {above} days before the opening, or later: {share} of the contract total"))
    return tuple(words)


def _line_text(line: dict, discount_reason: str) -> Pair:
    zh, en = split_pair(line["description"], capitalise=True)
    number = line.get("booth_number") or ""
    if line["kind"] == "discount":
        reason_zh, reason_en = split_pair(discount_reason)
        return (f"优惠：{reason_zh}" if reason_zh else "优惠",
                f"Discount: {reason_en}" if reason_en else "Discount")
    if line["kind"] == "service" and line.get("service_name_en"):
        suffix = f" / {line['service_name_en']}"
        name = line["description"][:-len(suffix)] if line["description"].endswith(suffix) else zh
        zh, en = name.strip(), line["service_name_en"]
    if number and not en.startswith(number):  # the stored English text leaves the booth number out
        en = f"{number} {en[:1].upper()}{en[1:]}"
    return zh, en


# ---------------------------------------------------------------- assembly


def _booths(db: Database, lines: list[dict]) -> tuple[tuple[DocumentBooth, ...], dict[str, list[str]]]:
    """The contract's booths (also those a cancelled contract let go) and their numbers by hall id."""
    booth_ids = list(dict.fromkeys(ln["booth_id"] for ln in lines if ln["kind"] == "booth" and ln["booth_id"]))
    rows = {b["id"]: b for b in booth_store.booths_by_ids(db, booth_ids)}
    prices: dict[str, int] = {}
    for line in lines:
        if line["kind"] in ("booth", "premium") and line["booth_id"]:
            prices[line["booth_id"]] = prices.get(line["booth_id"], 0) + int(line["amount_fen"])
    halls: dict[str, dict] = {}
    sides: dict[str, dict] = {}
    by_hall: dict[str, list[str]] = {}
    found = []
    for booth_id in booth_ids:
        booth = rows.get(booth_id)
        if booth is None:
            continue
        hall_id = booth["hall_id"]
        if hall_id not in halls:
            halls[hall_id] = booth_store.get_hall(db, hall_id) or {"code": "", "name": ""}
            sides[hall_id] = booth_service.hall_open_sides(db, hall_id)
        kind = str(sides[hall_id][booth_id].kind) if booth_id in sides[hall_id] else "inline"
        open_name = OPEN_SIDES_NAMES[OpenSides(kind)] if kind in OpenSides.__members__.values() else ENCLOSED
        found.append(DocumentBooth(
            number=booth["number"], hall_code=halls[hall_id]["code"], hall_name=halls[hall_id]["name"] or "",
            width_cm=int(booth["width_cm"]), depth_cm=int(booth["depth_cm"]),
            area_m2=m2_text(int(booth["width_cm"]) * int(booth["depth_cm"])), booth_type=booth["booth_type"],
            type_name=BOOTH_TYPE_NAMES.get(booth["booth_type"], (booth["booth_type"], booth["booth_type"])),
            open_sides=open_name, price_fen=prices.get(booth_id, 0)))
        by_hall.setdefault(halls[hall_id]["code"], []).append(booth["number"])
    return tuple(found), by_hall


def _marked_halls(db: Database, show_id: str, by_hall: dict[str, list[str]], language: str) -> tuple[MarkedHall, ...]:
    marked = []
    for code, numbers in by_hall.items():
        plan = plan_report_data(db, show_id, hall_code=code, language=language)
        marked += [MarkedHall(hall, tuple(numbers)) for hall in plan.halls]
    return tuple(marked)


def _date_of(timestamp: str | None) -> str | None:
    return timestamp[:10] if timestamp else None


def contract_documents(db: Database, contract_id: str, language: str = "both",
                       today: str | _dt.date | None = None) -> ContractDocuments:
    """The data of the three documents of one contract, figures as of ``today``."""
    check_language(language)
    detail = contract_detail(db, contract_id, today)
    contract, exhibitor, terms = detail["contract"], detail["exhibitor"] or {}, detail["terms"]
    show = terms["show"]
    contacts = exhibitor_store.contacts(db, contract["exhibitor_id"])
    contact = contacts[0] if contacts else {}
    booths, by_hall = _booths(db, detail["lines"])
    reason = contract.get("discount_reason") or ""
    money = detail["schedule"]
    return ContractDocuments(
        **show_document_fields(db, show, language, detail["today"]),
        currency_symbol=currency_symbol(show.get("currency") or "CNY"),
        build_start=show.get("build_start"),
        teardown_end=show.get("teardown_end"),
        number=contract["number"], status=contract["status"],
        status_name=_named(rules.STATUS_NAMES, contract["status"]),
        contract_date=contract.get("signed_on") or _date_of(contract.get("created_at")) or detail["today"],
        signed_on=contract.get("signed_on"), cancelled_on=contract.get("cancelled_on"),
        cancel_reason=split_pair(contract.get("cancel_reason") or ""),
        exhibitor_name=exhibitor.get("company_name") or "", exhibitor_name_en=exhibitor.get("company_name_en") or "",
        exhibitor_address=exhibitor.get("address") or "", exhibitor_phone=exhibitor.get("phone") or "",
        exhibitor_email=exhibitor.get("email") or "", contact_name=contact.get("name") or "",
        contact_phone=contact.get("phone") or "", manager_name=detail["manager_name"],
        fascia_text=contract.get("fascia_text") or "",
        booths=booths,
        lines=tuple(DocumentLine(ln["kind"], _line_text(ln, reason), ln.get("booth_number") or "",
                                 int(ln["quantity"]), int(ln["unit_price_fen"]), int(ln["amount_fen"]))
                    for ln in detail["lines"]),
        totals=detail["totals"], discount_reason=split_pair(reason), discount_approved_by=detail["approved_by_name"],
        discount_approved_on=_date_of(contract.get("discount_approved_at")),
        discount_waiting=bool(detail["discount_waiting"]),
        signed_total_fen=contract.get("signed_total_fen"), edited_after_signing=bool(contract.get("edited_after_signing")),
        instalments=tuple(DocumentInstalment(split_pair(i.label, capitalise=True), i.due_on, i.amount_fen, i.paid_fen,
                                             i.outstanding_fen, i.overdue, i.days_overdue)
                          for i in money.instalments),
        payments=tuple(DocumentPayment(p["paid_on"], int(p["amount_fen"]),
                                       _named(rules.PAYMENT_METHODS, p["method"]),
                                       p.get("reference") or "", split_pair(p.get("reason") or ""))
                       for p in detail["payments"]),
        paid_fen=detail["paid_fen"], balance_fen=detail["balance_fen"], overdue_fen=money.overdue_fen,
        cancellation_fee_fen=int(contract.get("cancellation_fee_fen") or 0),
        cancellation_terms=cancellation_terms(terms["schedule"]),
        halls=_marked_halls(db, contract["show_id"], by_hall, language),
    )


# ---------------------------------------------------------------- finding the contract


def find_exhibitor(db: Database, show_id: str, name: str) -> dict:
    """The exhibitor whose Chinese or English name is ``name`` (any case), or else the only one
    whose name contains it; a UserError names the candidates when there are several or none."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        raise UserError("请填写展商名称 / give the exhibitor's name")
    found = exhibitor_service.search_exhibitors(db, show_id, name, limit=10_000)

    def names(row: dict) -> list[str]:
        return [" ".join(n.split()).casefold() for n in (row["company_name"], row["company_name_en"] or "") if n]

    exact = [r for r in found if wanted in names(r)]
    partial = [r for r in found if any(wanted in n for n in names(r))]
    chosen = exact or partial
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        raise UserError(f"没有名为“{name}”的展商 / exhibitor not found: {name}")
    listed = [f"  {r['company_name']}" + (f" ({r['company_name_en']})" if r["company_name_en"] else "")
              for r in chosen[:MAX_CANDIDATES]]
    more = [f"  … {len(chosen) - MAX_CANDIDATES} more"] if len(chosen) > MAX_CANDIDATES else []
    raise UserError("\n".join([f"“{name}”对应 {len(chosen)} 家展商，请写得更具体 / {len(chosen)} exhibitors match "
                               f"'{name}'; be more specific:", *listed, *more]))


def exhibitor_contract(db: Database, exhibitor: dict, number: str | None = None) -> dict:
    """The exhibitor's contract with this number, or its only contract; a UserError otherwise."""
    contracts = exhibitor_store.contracts(db, exhibitor["id"])
    company = exhibitor["company_name"]
    if number is not None:
        wanted = number.strip().casefold()
        match = [c for c in contracts if c["number"].casefold() == wanted]
        if match:
            return contract_store.get_contract(db, match[0]["id"])
        known = ", ".join(c["number"] for c in contracts) or "-"
        raise UserError(f"{company} 没有合同 {number} / {company} has no contract {number} (known: {known})")
    if not contracts:
        raise UserError(f"{company} 还没有合同 / {company} has no contract yet")
    if len(contracts) > 1:
        known = ", ".join(f"{c['number']} ({c['status']})" for c in contracts)
        raise UserError(f"{company} 有 {len(contracts)} 份合同，请用 --contract 指定 / {company} has "
                        f"{len(contracts)} contracts; choose one with --contract: {known}")
    return contract_store.get_contract(db, contracts[0]["id"])
