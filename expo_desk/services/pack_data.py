"""The data of the exhibitor pack (展商手册 / 参展指南): everything one exhibitor needs
before the show, gathered in one read and handed to the renderer as plain values.

Booths, money and the hall plan come from ``services.contract_documents`` (one
``ContractDocuments`` per contract), so the pack's payment statement is the contract's
own statement to the fen; the show's texts (welcome, rules, contacts …) from
``services.post_show.show_texts``. Nothing here draws (``reports.exhibitor_pack`` does).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from expo_desk.errors import UserError
from expo_desk.services.contract_documents import ContractDocuments, MarkedHall, Pair, PrintedBooth, contract_documents
from expo_desk.services.contracts import today_text
from expo_desk.services.document_head import check_language
from expo_desk.services.post_show import TEXT_KEYS, show_texts
from expo_desk.store import contracts as contract_store
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import shows as show_store
from expo_desk.store import users as user_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database

ACTIVE_STATUSES = ("signed", "part_paid", "paid")  # a draft holds booths but is not yet agreed
BADGE_WORDS = ("badge", "参展证", "证件", "胸卡")  # how a badge service is told from the others


@dataclass(frozen=True)
class PackBooth(PrintedBooth):
    """One of the exhibitor's booths as the pack lists it, with the contract holding it."""

    contract_number: str


@dataclass(frozen=True)
class PackService:
    """A service ordered on a contract line (extra power, furniture, badges …)."""

    name: Pair
    code: str
    unit: str
    quantity: int
    unit_price_fen: int
    amount_fen: int
    booth_number: str  # "" when it is for the whole stand
    contract_number: str
    is_badge: bool


@dataclass(frozen=True)
class PackFascia:
    """The fascia board text of a contract's shell-scheme booths."""

    contract_number: str
    text: str
    booth_numbers: tuple[str, ...]


@dataclass(frozen=True)
class PackContact:
    name: str
    title: str
    phone: str
    email: str


@dataclass(frozen=True)
class PackData:
    """Everything one exhibitor's pack prints; plain values only, no database behind it."""

    language: str
    printed_on: str
    organizer: str  # the organizer's name from the business settings ("" when none is set)
    logo_path: str | None
    currency_symbol: str
    show_code: str
    show_name: Pair
    venue: str
    venue_en: str
    city: str
    build_up: tuple[str | None, str | None]  # first and last day
    open_days: tuple[str | None, str | None]
    tear_down: tuple[str | None, str | None]
    exhibitor_name: str
    exhibitor_name_en: str
    exhibitor_phone: str
    exhibitor_email: str
    exhibitor_address: str
    contacts: tuple[PackContact, ...]
    manager_name: str
    manager_phone: str
    manager_email: str
    booths: tuple[PackBooth, ...]
    services: tuple[PackService, ...]
    fascias: tuple[PackFascia, ...]
    statements: tuple[ContractDocuments, ...]  # one per active contract: its booths, lines and money
    halls: tuple[MarkedHall, ...]  # every hall holding one of the booths, those booths marked
    texts: dict[str, Pair]  # the show's texts by key (post_show.TEXT_KEYS), defaults filled in

    def venue_text(self) -> str:
        """The venue in the pack's language: Chinese, English (when known) or both."""
        if self.language == "en":
            return self.venue_en or self.venue
        if self.language == "both" and self.venue_en and self.venue_en != self.venue:
            return f"{self.venue} / {self.venue_en}"
        return self.venue

    @property
    def booth_numbers(self) -> tuple[str, ...]:
        return tuple(b.number for b in self.booths)

    @property
    def badges(self) -> tuple[PackService, ...]:
        return tuple(s for s in self.services if s.is_badge)

    @property
    def badge_count(self) -> int:
        return sum(s.quantity for s in self.badges)

    @property
    def total_fen(self) -> int:
        return sum(d.total_fen for d in self.statements)

    @property
    def paid_fen(self) -> int:
        return sum(d.paid_fen for d in self.statements)

    @property
    def balance_fen(self) -> int:
        return sum(d.balance_fen for d in self.statements)

    @property
    def overdue_fen(self) -> int:
        return sum(d.overdue_fen for d in self.statements)

    @property
    def has_shell(self) -> bool:
        return any(b.booth_type == "shell" for b in self.booths)

    def text(self, key: str) -> Pair:
        return self.texts.get(key, ("", ""))


# ---------------------------------------------------------------- assembly


def _day(iso: str | None, days: int) -> str | None:
    return (_dt.date.fromisoformat(iso) + _dt.timedelta(days=days)).isoformat() if iso else None


def show_periods(show: dict) -> tuple[tuple[str | None, str | None], ...]:
    """Build-up (from its first day to the eve of the opening), the open days, and tear-down
    (from the closing day, after the last visitor, to its last day)."""
    start, end = show.get("start_date"), show.get("end_date")
    build_start = show.get("build_start")
    build_end = _day(start, -1) if build_start else None
    if build_start and build_end and build_end < build_start:
        build_end = build_start
    teardown_end = show.get("teardown_end")
    return (build_start, build_end), (start, end), ((end or teardown_end) if teardown_end else None, teardown_end)


def is_badge_service(code: str, name: str, name_en: str) -> bool:
    text = f"{code} {name} {name_en}".casefold()
    return any(word in text for word in BADGE_WORDS)


def _services(docs: ContractDocuments, rows: list[dict], catalogue: dict[str, dict]) -> list[PackService]:
    """The contract's service lines; the stored rows (read in the same order) give each its
    catalogue item, for the unit and for telling badges (a row that does not match leaves both
    to the line's own text)."""
    found = []
    for line, row in zip(docs.lines, rows, strict=False):
        if line.kind != "service":
            continue
        same = row.get("kind") == "service" and int(row.get("amount_fen") or 0) == line.amount_fen
        item = catalogue.get(row.get("service_item_id") or "", {}) if same else {}
        found.append(PackService(
            name=line.text, code=item.get("code") or "", unit=item.get("unit") or "", quantity=line.quantity,
            unit_price_fen=line.unit_price_fen, amount_fen=line.amount_fen, booth_number=line.booth_number,
            contract_number=docs.number,
            is_badge=is_badge_service(item.get("code") or "", item.get("name") or line.text[0],
                                      item.get("name_en") or line.text[1])))
    return found


def _merged_halls(statements: list[ContractDocuments]) -> tuple[MarkedHall, ...]:
    """One marked hall per hall code, with the booths of every contract in it."""
    halls: dict[str, MarkedHall] = {}
    for docs in statements:
        for marked in docs.halls:
            known = halls.get(marked.hall.code)
            numbers = (known.marked if known else ()) + tuple(n for n in marked.marked
                                                              if not known or n not in known.marked)
            halls[marked.hall.code] = MarkedHall(marked.hall, numbers)
    return tuple(halls.values())


def _no_booth_yet(exhibitor: dict, contracts: list[dict]) -> UserError:
    name = exhibitor["company_name"]
    drafts = [c["number"] for c in contracts if c["status"] == "draft"]
    if drafts:
        listed = ", ".join(drafts)
        return UserError(f"{name} 还没有展位：合同 {listed} 尚未签约 / {name} has no booth yet: contract {listed} "
                         "is not signed yet")
    if contracts:
        return UserError(f"{name} 还没有展位：合同已取消 / {name} has no booth yet: the contract was cancelled")
    return UserError(f"{name} 还没有展位：尚无合同 / {name} has no booth yet: there is no contract")


def pack_data(db: Database, exhibitor_id: str, language: str = "both",
              today: str | _dt.date | None = None) -> PackData:
    """The pack of one exhibitor, figures as of ``today``: every signed contract of theirs
    (a draft or cancelled one is left out; none at all is a UserError)."""
    check_language(language)
    day = today_text(today)
    exhibitor = exhibitor_store.get(db, exhibitor_id)
    if exhibitor is None:
        raise UserError("展商不存在 / this exhibitor no longer exists")
    contracts = exhibitor_store.contracts(db, exhibitor_id)
    active = [c for c in contracts if c["status"] in ACTIVE_STATUSES]
    if not active:
        raise _no_booth_yet(exhibitor, contracts)

    catalogue = {item["id"]: item for item in contract_store.service_items(db, exhibitor["show_id"])}
    statements: list[ContractDocuments] = []
    booths: list[PackBooth] = []
    services: list[PackService] = []
    fascias: list[PackFascia] = []
    for contract in active:
        docs = contract_documents(db, contract["id"], language, today=day)
        statements.append(docs)
        booths += [PackBooth(b.number, b.hall_code, b.hall_name, b.width_cm, b.depth_cm, b.area_m2, b.booth_type,
                             b.type_name, b.open_sides, docs.number) for b in docs.booths]
        services += _services(docs, contract_store.lines(db, contract["id"]), catalogue)
        shell = tuple(b.number for b in docs.booths if b.booth_type == "shell")
        if shell:
            fascias.append(PackFascia(docs.number, docs.fascia_text, shell))

    if not booths:  # signed, but every booth was taken off again
        listed = ", ".join(d.number for d in statements)
        raise UserError(f"{exhibitor['company_name']} 还没有展位：合同 {listed} 上没有展位 / {exhibitor['company_name']} "
                        f"has no booth yet: contract {listed} holds no booth")
    first = statements[0]
    build_up, open_days, tear_down = show_periods({
        "build_start": first.build_start, "start_date": first.open_dates[0], "end_date": first.open_dates[1],
        "teardown_end": first.teardown_end})
    texts = show_texts(db, exhibitor["show_id"])
    show = show_store.show_by_id(db, exhibitor["show_id"]) or {}
    manager = user_store.get_user(db, exhibitor["account_manager_id"]) if exhibitor.get("account_manager_id") else None
    return PackData(
        language=language, printed_on=day, organizer=first.organizer,
        logo_path=first.logo_path, currency_symbol=first.currency_symbol, show_code=first.show_code,
        show_name=first.show_name, venue=first.venue, venue_en=show.get("venue_en") or "", city=first.city,
        build_up=build_up, open_days=open_days, tear_down=tear_down,
        exhibitor_name=exhibitor["company_name"], exhibitor_name_en=exhibitor.get("company_name_en") or "",
        exhibitor_phone=exhibitor.get("phone") or "", exhibitor_email=exhibitor.get("email") or "",
        exhibitor_address=exhibitor.get("address") or "",
        contacts=tuple(PackContact(c["name"], c.get("title") or "", c.get("phone") or "", c.get("email") or "")
                       for c in exhibitor_store.contacts(db, exhibitor_id)),
        manager_name=first.manager_name or exhibitor.get("account_manager") or "",
        manager_phone=(manager or {}).get("phone") or "", manager_email=(manager or {}).get("email") or "",
        booths=tuple(sorted(booths, key=lambda b: (b.hall_code, b.number))),
        services=tuple(services), fascias=tuple(fascias), statements=tuple(statements),
        halls=_merged_halls(statements),
        texts={key: texts.get(key, ("", "")) for key in TEXT_KEYS},
    )


__all__ = ["PackBooth", "PackContact", "PackData", "PackFascia", "PackService", "is_badge_service", "pack_data",
           "show_periods"]
