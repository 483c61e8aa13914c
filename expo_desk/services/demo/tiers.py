"""The four sizes of the demo show, from a city show to a whole Canton Fair session."""

from __future__ import annotations

from typing import NamedTuple

from expo_desk.errors import UserError


class Tier(NamedTuple):
    exhibitors: int
    booths: int
    tasks: int


TIERS: dict[str, Tier] = {
    "S": Tier(exhibitors=300, booths=500, tasks=10_000),
    "M": Tier(exhibitors=4_000, booths=5_000, tasks=150_000),
    "L": Tier(exhibitors=10_000, booths=25_000, tasks=750_000),
    "XL": Tier(exhibitors=30_000, booths=74_000, tasks=2_000_000),
}


def tier_of(size: str) -> Tier:
    """The tier named ``size`` (any case); ``UserError`` for an unknown name."""
    tier = TIERS.get(str(size).upper())
    if tier is None:
        raise UserError(f"未知规模 {size} / unknown size {size}; choose one of {', '.join(TIERS)}")
    return tier
