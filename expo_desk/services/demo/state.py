"""What the generation steps share: one random stream, the rows so far, and ids, dates and times drawn from it.

``DemoShow`` is put together from one mixin per subject (people, floor, sales, leads,
schedule); each of them reads and sets the attributes declared here.
"""

from __future__ import annotations

from datetime import date
from random import Random

from expo_desk.domain.pricing import PricingRule, QuoteTerm
from expo_desk.services.demo.columns import COLUMNS, SCHEDULE_TABLES
from expo_desk.services.demo.names import Company, company
from expo_desk.services.demo.records import Booth, Contract, Exhibitor
from expo_desk.services.demo.tiers import Tier

_V4_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_V4_SET = (0x8000 << 48) | (4 << 76)


def money(fen: float, step: int = 10_000) -> int:
    """Round to whole multiples of ``step`` fen (default ¥100)."""
    return int(round(fen / step)) * step


class DemoState:
    """The state of one generation run; every random draw comes from ``rng``, ids included."""

    # set by the steps, in the order DemoShow runs them
    show_id: str
    show_row: list
    department_manager: str
    administrator: str
    managers: list[str]
    supervisors: list[str]
    executors: list[str]
    services: list[tuple[str, str, int, float, int]]  # (id, name, price, chance ordered, max quantity)
    raw_fee: tuple[str, str, int]  # (id, name, price per m²)
    price_rules: list[PricingRule]  # the show's pricing rules, to quote with
    _rule_values: list[dict]  # the same, as stored
    _quotes: dict[tuple, tuple[QuoteTerm, ...]]  # (type, width, depth, open sides, day) -> quote terms
    open_sides: dict[str, str]  # booth id -> inline, corner, peninsula or island
    halls: list[tuple[str, str]]  # (id, code)
    booths: list[Booth]
    exhibitors: list[Exhibitor]
    reserved_for: dict[str, Exhibitor]  # booth id -> the exhibitor it is held for
    contracts: list[Contract]  # signed, part-paid and paid ones
    optional_share: float
    expected_tasks: int

    def __init__(self, tier: Tier, seed: int):
        self.tier = tier
        self.rng = Random(seed)
        self._bits = self.rng.getrandbits
        self._iso: dict[int, str] = {}
        self.rows: dict[str, list[tuple]] = {t: [] for t in COLUMNS if t not in SCHEDULE_TABLES}
        self._company_keys: set[str] = set()

    def uid(self) -> str:
        h = "%032x" % ((self._bits(128) & _V4_CLEAR) | _V4_SET)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def iso(self, day: int) -> str:
        text = self._iso.get(day)
        if text is None:
            text = self._iso[day] = date.fromordinal(day).isoformat()
        return text

    def stamp(self, day: int) -> str:
        """A UTC timestamp during office hours in China (UTC+8) on ``day``."""
        return f"{self.iso(day)}T{self.rng.randint(0, 9):02d}:{self.rng.randint(0, 59):02d}:00+00:00"

    def company(self, sector: str) -> Company:
        """A company name unique in the show: (Chinese, English, key, city, web domain)."""
        return company(self.rng, sector, self._company_keys)
