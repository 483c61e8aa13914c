"""Money as integer fen (1/100 yuan): parsing what people type, and formatting it back."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_CLEAN = re.compile(r"[\s,，¥￥元]|CNY|RMB", re.IGNORECASE)


def parse_yuan(text: str | int | float | Decimal | None) -> int | None:
    """Turn '12,345.60', '¥12345.6', 12345 or '1.2万' into fen; None for blank.

    Raises ValueError with a plain message for anything that is not an amount
    or has more than two decimals.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValueError("not an amount")
    if isinstance(text, int):
        return text * 100
    raw = str(text).strip()
    if not raw:
        return None
    multiplier = 1
    cleaned = _CLEAN.sub("", raw)  # before the 万 test: '1.2万元' and '¥3 万' are common
    if cleaned.endswith("万"):
        multiplier, cleaned = 10_000, cleaned[:-1]
    try:
        value = Decimal(cleaned) * multiplier
    except InvalidOperation:
        raise ValueError(f"'{text}' is not an amount") from None
    if not value.is_finite():
        raise ValueError(f"'{text}' is not an amount")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"'{text}' has more than two decimals")
    return int(fen)


def format_fen(fen: int, symbol: str = "¥") -> str:
    """12345600 -> '¥123,456.00' (negative amounts keep their sign in front)."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{symbol}{yuan:,}.{cents:02d}"
