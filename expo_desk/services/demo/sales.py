"""Selling the floor: the show's pricing rules, the service catalogue, which exhibitor gets
which booths, contracts with their booth, premium, service and discount lines, payment
schedules and payments.

Prices are in fen. The show has the default price list of ``services.pricing`` as its
pricing rules, and every booth on a contract is priced by those rules on the day the
contract was made, as the plan quotes it: the space (base price and area bands) is the
booth line, the open-sides premium and an early-bird discount are premium lines. The
money that has come in by the snapshot day sets each contract's status (signed,
part-paid, paid).
"""

from __future__ import annotations

from collections import deque

from expo_desk.domain.booth_geometry import OpenKind, Rect, open_sides_all
from expo_desk.domain.pricing import RULE_FIELDS, PricingRule, QuoteTerm, clean_rule, quote
from expo_desk.services.demo.names import SECTOR_NAMES
from expo_desk.services.demo.records import RAW, SHELL, Booth, Contract
from expo_desk.services.demo.show_dates import BALANCE_DUE, FIRST_SIGNING, LATE_SIGNING, SHOW, SNAPSHOT
from expo_desk.services.demo.state import DemoState, money
from expo_desk.services.pricing import default_rules

SPACE_TERMS = ("shell_base", "raw_base", "area_band")  # quote terms that make up a booth line
# code, name, English name, unit, price (fen), chance a contract orders it, max quantity
_SERVICES = (
    ("POWER-10A", "加电 10A/220V", "Extra power 10 A / 220 V", "处", 60_000, 0.30, 2),
    ("POWER-380", "动力电 15A/380V", "Three-phase power 15 A / 380 V", "处", 180_000, 0.06, 1),
    ("FURN-TABLE", "洽谈桌", "Meeting table", "张", 15_000, 0.25, 2),
    ("FURN-CHAIR", "折椅", "Folding chair", "把", 3_000, 0.30, 6),
    ("FURN-SHOWCASE", "玻璃展柜", "Glass showcase", "个", 45_000, 0.15, 2),
    ("FURN-SPOT", "射灯", "Spotlight", "盏", 8_000, 0.25, 4),
    ("FURN-SHELF", "层板", "Shelf", "块", 6_000, 0.15, 4),
    ("BADGE", "加办参展证", "Extra exhibitor badges", "张", 5_000, 0.35, 10),
    ("CATALOGUE", "会刊彩页广告", "Show catalogue colour page", "页", 300_000, 0.12, 1),
    ("CATALOGUE-LOGO", "会刊企业标识", "Company logo in the catalogue", "项", 80_000, 0.15, 1),
    ("FASCIA", "楣板改字", "Fascia lettering change", "块", 10_000, 0.08, 1),
    ("WATER", "给排水", "Water supply and drain", "处", 150_000, 0.03, 1),
    ("WIFI", "无线网络", "Wi-Fi for the open days", "个", 80_000, 0.10, 1),
    ("CLEAN", "展位保洁（每天）", "Booth cleaning (per day)", "天", 20_000, 0.10, 3),
    ("STORAGE", "仓储", "Storage", "立方米", 12_000, 0.05, 5),
)
_RAW_MANAGEMENT = ("RAW-MGMT", "特装管理费", "Raw space management fee", "平方米", 2_500)


class SalesSteps(DemoState):
    def booths_for_sale(self) -> list[Booth]:
        return [b for b in self.booths if b.status != "blocked"]

    def _make_pricing_rules(self) -> None:
        """The show's pricing rules: the default price list, cleaned as the pricing service stores it.

        Their ids are drawn by ``_pricing_rule_rows`` after every other step, so that the
        price list leaves the rest of the random stream (booths, exhibitors, sales) alone.
        """
        self._rule_values = []
        for values in default_rules({"start_date": self.show_row[7]}):
            cleaned, problems = clean_rule(values)
            if problems:  # a bug in the default list, not something a user did
                raise ValueError(f"default pricing rule {values}: {problems}")
            self._rule_values.append(cleaned)
        self.price_rules = [PricingRule.from_row(cleaned) for cleaned in self._rule_values]
        self._quotes = {}

    def _pricing_rule_rows(self) -> None:
        created = self.show_row[12]  # entered with the show
        for cleaned in self._rule_values:
            self.rows["pricing_rules"].append(
                (self.uid(), self.show_id, *(cleaned[k] for k in RULE_FIELDS), created))

    def _work_out_open_sides(self) -> None:
        """Each booth's open sides on the finished plan, by the rule the plan's quote uses
        (neighbours and hall walls close a side; a booth walled in all round pays as inline)."""
        sizes = {i: (width, depth) for i, (_id, _show, _code, _name, width, depth) in enumerate(self.rows["halls"])}
        by_hall: dict[int, list[Booth]] = {}
        for b in self.booths:
            by_hall.setdefault(b.hall, []).append(b)
        self.open_sides = {}
        for hall, booths in by_hall.items():
            found = open_sides_all([Rect(b.x, b.y, b.w, b.d) for b in booths], hall=sizes[hall])
            for b, sides in zip(booths, found, strict=True):
                kind = sides.kind
                self.open_sides[b.id] = str(OpenKind.INLINE if kind == OpenKind.ENCLOSED else kind)

    def price_terms(self, b: Booth, day: int) -> tuple[QuoteTerm, ...]:
        """The quote's terms for a booth under the show's rules on ``day``."""
        key = (b.type, b.w, b.d, self.open_sides[b.id], day)
        terms = self._quotes.get(key)
        if terms is None:
            terms = self._quotes[key] = quote(self.price_rules, b.type, b.w, b.d, key[3], self.iso(day)).terms
        return terms

    def _make_services(self) -> None:
        """The service catalogue; raw spaces pay a management fee per m² on top."""
        self.services = []
        for code, name, name_en, unit, price, chance, most in _SERVICES:
            sid = self.uid()
            self.rows["service_items"].append((sid, self.show_id, code, name, name_en, unit, price))
            self.services.append((sid, name, price, chance, most))
        code, name, name_en, unit, price = _RAW_MANAGEMENT
        self.raw_fee = (self.uid(), name, price)
        self.rows["service_items"].append((self.raw_fee[0], self.show_id, code, name, name_en, unit, price))

    def _sell_booths(self) -> None:
        """Give booths to exhibitors: adjacent booths in their sector's zone where possible."""
        rng = self.rng
        open_booths = self.booths_for_sale()
        sold_target = round(len(open_booths) * 0.80)
        buyers = rng.sample(self.exhibitors, min(round(len(self.exhibitors) * 0.88), sold_target))
        wanted = [1] * len(buyers)
        big = max(1, len(buyers) // 4)
        for _ in range(sold_target - len(buyers)):
            wanted[rng.randrange(big)] += 1
        pools: dict[str, deque[Booth]] = {s: deque() for s in SECTOR_NAMES}
        for b in open_booths:
            pools[b.sector].append(b)
        sold = carry = 0  # booths wanted by earlier buyers who could not get them side by side
        for e, k_wanted in zip(buyers, wanted, strict=True):
            if sold >= sold_target:
                break
            pool = pools[e.sector] or max(pools.values(), key=len)
            if not pool:
                break
            first = pool.popleft()
            e.booths.append(first)
            k = min(k_wanted + carry, 12)  # at most one block of a double row
            while first.type == SHELL and len(e.booths) < k and pool and pool[0].type == SHELL \
                    and pool[0].hall == first.hall:
                e.booths.append(pool.popleft())
            carry += k_wanted - len(e.booths)
            sold += len(e.booths)
        # holds for exhibitors still deciding
        remaining = [b for pool in pools.values() for b in pool if b.type == SHELL or rng.random() < 0.5]
        rng.shuffle(remaining)
        undecided = [e for e in self.exhibitors if not e.booths]
        rng.shuffle(undecided)
        self.reserved_for = {}
        holds = remaining[: round(len(open_booths) * 0.06)]
        for i, b in enumerate(holds):
            b.status = "reserved"
            b.reserved_until = self.iso(SNAPSHOT + rng.randint(3, 21))
            if i < len(undecided):
                owner = undecided[i]
                b.reserved_for = owner.name
                self.reserved_for[b.id] = owner
            else:
                b.reserved_for = self.company(rng.choice(SECTOR_NAMES))[0]

    def _make_contracts(self) -> None:
        """A contract per exhibitor with booths (a few cancelled), drafts for some held booths,
        numbered in the order they were made; then the show's revenue target."""
        rng = self.rng
        contracts: list[Contract] = []
        span = SNAPSHOT - 1 - FIRST_SIGNING
        for e in self.exhibitors:
            if not e.booths:
                continue
            c = Contract()
            c.id, c.exhibitor = self.uid(), e
            raw = e.booths[0].type == RAW
            c.signed = FIRST_SIGNING + int(rng.triangular(0, span, span * (0.25 if raw else 0.4)))
            c.cancelled = None
            c.status = "signed"
            if rng.random() < 0.03:
                c.status = "cancelled"
            for b in e.booths:
                b.status = "sold" if c.status != "cancelled" else "available"
            e.contract = c
            contracts.append(c)
        drafts = []
        booth_by_id = {b.id: b for b in self.booths}
        for booth_id, e in self.reserved_for.items():
            if e.contract is None and rng.random() < 0.5:
                c = Contract()
                c.id, c.exhibitor, c.status, c.signed, c.cancelled = self.uid(), e, "draft", None, None
                e.contract = c
                drafts.append(c)
            if e.contract is not None and e.contract.status == "draft":
                e.booths.append(booth_by_id[booth_id])
        for c in drafts:
            c.created = SNAPSHOT - rng.randint(1, 20)
        for c in contracts:
            c.created = c.signed
        everything = sorted(contracts + drafts, key=lambda c: (c.created, c.id))
        digits = max(4, len(str(len(everything))))
        for n, c in enumerate(everything, start=1):
            c.number = f"{SHOW['code']}-{n:0{digits}d}"
            self._contract_rows(c)
        self.contracts = [c for c in everything if c.status not in ("draft", "cancelled")]
        # the revenue target: 90 % of the open floor at the price on the snapshot day
        target = sum(t.amount_fen for b in self.booths_for_sale() for t in self.price_terms(b, SNAPSHOT))
        self.show_row[11] = money(target * 0.9, 1_000_000)

    def _contract_rows(self, c: Contract) -> None:
        rng, e = self.rng, c.exhibitor
        active = c.status not in ("draft", "cancelled")
        lines = self.rows["contract_lines"]
        subtotal = 0
        booth_total = 0
        has_shell = False
        for b in e.booths:
            terms = self.price_terms(b, c.created)
            space = sum(t.amount_fen for t in terms if t.kind in SPACE_TERMS)
            if b.type == SHELL:
                has_shell = True
                desc = f"{b.number} 标准展位 3m×3m / shell booth"
            else:
                desc = f"{b.number} 光地 {b.w // 100}m×{b.d // 100}m / raw space"
            lines.append((self.uid(), c.id, "booth", b.id, None, desc, 1, space, space, 1 if active else 0))
            booth_total += space
            for t in terms:
                if t.kind not in SPACE_TERMS and t.amount_fen:
                    lines.append((self.uid(), c.id, "premium", b.id, None, f"{b.number} {t.label} / {t.label_en}",
                                  1, t.amount_fen, t.amount_fen, 0))
                    booth_total += t.amount_fen
            if b.type == RAW:
                qty = b.square_metres
                fee_id, fee_name, fee_price = self.raw_fee
                lines.append((self.uid(), c.id, "service", b.id, fee_id, f"{b.number} {fee_name}", qty,
                              fee_price, qty * fee_price, 0))
                subtotal += qty * fee_price
        subtotal += booth_total
        for sid, name, price, chance, most in self.services:
            if rng.random() < chance:
                qty = rng.randint(1, most)
                lines.append((self.uid(), c.id, "service", None, sid, name, qty, price, qty * price, 0))
                subtotal += qty * price
        discount = 0
        if rng.random() < 0.15:
            discount = money(booth_total * rng.choice((0.05, 0.08, 0.10)))
            if discount:
                lines.append((self.uid(), c.id, "discount", None, None, "优惠 / discount", 1, -discount,
                              -discount, 0))
        c.total = subtotal - discount
        c.late = c.signed is not None and c.signed > LATE_SIGNING
        payments = self._schedule_and_payments(c) if c.status != "draft" else []
        fee = 0
        if c.status == "cancelled":
            fee = sum(p for _, p in payments)
        self.rows["contracts"].append((
            c.id, self.show_id, e.id, c.number, c.status, e.manager, c.total, discount,
            self.department_manager if discount else None, fee,
            self.iso(c.signed) if c.signed else None, self.iso(c.cancelled) if c.cancelled else None,
            e.name if has_shell else "", "", self.stamp(c.created),
            c.total if c.signed else None, "展商取消参展 / the exhibitor withdrew" if c.status == "cancelled" else "",
        ))
        if c.status != "draft":
            expected_factor = rng.lognormvariate(0.6, 0.7)
            e.expected = money(c.total * expected_factor, 100_000)

    def _schedule_and_payments(self, c: Contract) -> list[tuple[int, int]]:
        """Payment plan of a signed contract and what has come in by the snapshot day.

        Sets the contract's status from the money: paid, part-paid or signed (nothing
        in yet); a cancelled contract keeps its deposit as the cancellation fee.
        """
        rng = self.rng
        schedule: list[tuple] = []
        deposit = money(c.total * 0.3, 100)
        c.deposit_due = c.signed + 14
        if c.late:
            schedule.append((self.uid(), c.id, "全款 / full payment", self.iso(c.deposit_due), c.total))
        else:
            schedule.append((self.uid(), c.id, "定金 / deposit", self.iso(c.deposit_due), deposit))
            schedule.append((self.uid(), c.id, "尾款 / balance", self.iso(BALANCE_DUE), c.total - deposit))
        paid: list[tuple[int, int]] = []
        last_day = SNAPSHOT - 1
        first_pay = min(last_day, c.signed + rng.randint(2, 16))
        if c.status == "cancelled":
            c.cancelled = min(last_day, c.signed + rng.randint(20, 90))
            if not c.late and rng.random() < 0.7 and first_pay < c.cancelled:
                paid.append((first_pay, deposit))
            # the plan becomes the fee alone: the deposit paid is kept as the fee
            fee_id = schedule[0][0]
            schedule = [(fee_id, c.id, "退订费 / cancellation fee", self.iso(c.cancelled), deposit)] if paid else []
        elif c.late:
            if first_pay < SNAPSHOT and rng.random() < (0.75 if c.deposit_due < SNAPSHOT else 0.4):
                paid.append((first_pay, c.total))
        else:
            r = rng.random()
            if r < 0.90:
                paid.append((first_pay, deposit))
                if r < 0.45:
                    paid.append((min(last_day, first_pay + rng.randint(1, 150)), c.total - deposit))
                elif r < 0.58:
                    part = money((c.total - deposit) * rng.choice((0.3, 0.5)), 100)
                    if 0 < part < c.total - deposit:
                        paid.append((min(last_day, first_pay + rng.randint(1, 120)), part))
        self.rows["payment_schedule"].extend(schedule)
        for day, amount in paid:
            self.rows["payments"].append((
                self.uid(), c.id, self.iso(day), amount, "bank_transfer",
                f"HX{self.iso(day).replace('-', '')}{rng.randrange(10 ** 6):06d}",
                c.exhibitor.manager, self.stamp(day),
            ))
        got = sum(a for _, a in paid)
        if got:
            c.deposit_paid_on = paid[0][0]
        else:
            c.deposit_paid_on = None
        c.paid_in_full_on = paid[-1][0] if got == c.total and got else None
        if c.status != "cancelled":
            c.status = "paid" if got == c.total else "part_paid" if got else "signed"
        return paid
