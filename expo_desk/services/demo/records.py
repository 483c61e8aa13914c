"""The booths, exhibitors and contracts the generation steps hand to each other.

They hold what later steps need (ids, who owns what, dates as day ordinals); the table
rows are built from them, not stored in them.
"""

from __future__ import annotations

SHELL = "shell"  # a 3 m × 3 m shell-scheme booth
RAW = "raw"  # raw space (光地) the exhibitor's builder fills


class Booth:
    __slots__ = ("id", "hall", "number", "x", "y", "w", "d", "type", "sector", "status",
                 "blocked_reason", "reserved_for", "reserved_until", "supervisor", "executor")

    def __init__(self, hall: int, x: int, y: int, w: int, d: int, kind: str):
        self.hall, self.x, self.y, self.w, self.d, self.type = hall, x, y, w, d, kind
        self.status, self.blocked_reason, self.reserved_for, self.reserved_until = "available", "", "", None

    @property
    def square_metres(self) -> int:
        return self.w * self.d // 10_000

    @property
    def unsold_shell(self) -> bool:
        """An unsold shell booth: built and torn down all the same."""
        return self.type == SHELL and self.status in ("available", "reserved")


class Exhibitor:
    __slots__ = ("id", "name", "name_en", "key", "sector", "city", "domain", "manager", "booths", "contract",
                 "created", "expected")

    def __init__(self) -> None:
        self.booths: list[Booth] = []
        self.contract: Contract | None = None
        self.expected: int | None = None


class Contract:
    __slots__ = ("id", "exhibitor", "status", "signed", "cancelled", "total", "deposit_due", "deposit_paid_on",
                 "paid_in_full_on", "late", "number", "created")
