"""The demo show itself and its calendar, as day ordinals (``date.toordinal``)."""

from __future__ import annotations

from datetime import date

SHOW = {
    "code": "RZ2026",
    "name": "2026日照国际博览会",
    "name_en": "Rizhao International Expo 2026",
    "venue": "日照国际博览中心",
    "city": "日照",
    "currency": "CNY",
}


def day(text: str) -> int:
    """The day ordinal of an ISO date."""
    return date.fromisoformat(text).toordinal()


SNAPSHOT = day("2026-08-20")  # the day the demo data "stands" on
SET_UP = day("2025-11-03")  # the show and its users were entered
FIRST_SIGNING = day("2026-01-06")  # the day after the booth plan was released
BUILD_START = day("2026-09-14")
SHOW_START = day("2026-09-18")
SHOW_END = day("2026-09-20")
TEARDOWN_END = day("2026-09-22")
PLAN_RELEASED = day("2026-01-05")
SALES_CLOSE = day("2026-09-10")
LATE_SIGNING = day("2026-07-31")  # signed after this: one full payment instead of deposit + balance
BALANCE_DUE = day("2026-08-31")
RAW_DESIGN_OPEN, RAW_DESIGN_END = day("2026-06-15"), day("2026-09-05")
SHELL_DESIGN_OPEN, SHELL_DESIGN_END = day("2026-07-20"), day("2026-09-08")
POST_SHOW_END = day("2026-10-15")
