"""Which automatic backups to keep: 7 daily, 4 weekly, 12 monthly.

The rule counts periods that *have* a backup (as restic's ``--keep-daily`` does): "7
daily" keeps the newest backup of each of the 7 most recent days on which a backup was
made, so a file left alone for a month still keeps a week of history. Weeks are ISO
weeks (Monday first), months calendar months; a backup kept by one rule is also counted
by the others. Backups dated after ``now`` (a clock set back) are always kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _day(stamp: datetime) -> Hashable:
    return stamp.date()


def _week(stamp: datetime) -> Hashable:
    year, week, _ = stamp.isocalendar()
    return year, week


def _month(stamp: datetime) -> Hashable:
    return stamp.year, stamp.month


def _newest_per_period(stamps: list[datetime], period: Callable[[datetime], Hashable], count: int) -> set[datetime]:
    kept: set[datetime] = set()
    seen: set[Hashable] = set()
    for stamp in stamps:  # newest first
        if len(seen) >= count:
            break
        key = period(stamp)
        if key not in seen:
            seen.add(key)
            kept.add(stamp)
    return kept


def backups_to_keep(stamps: Iterable[datetime], now: datetime, *, daily: int = DAILY, weekly: int = WEEKLY,
                    monthly: int = MONTHLY) -> set[datetime]:
    """The stamps to keep; every other one may be deleted.

    ``stamps`` and ``now`` must be alike (all naive local times, or all aware).
    """
    ordered = sorted(set(stamps), reverse=True)
    future = {s for s in ordered if s > now}
    past = [s for s in ordered if s <= now]
    return (future
            | _newest_per_period(past, _day, daily)
            | _newest_per_period(past, _week, weekly)
            | _newest_per_period(past, _month, monthly))


def backups_to_delete(stamps: Iterable[datetime], now: datetime, **counts: int) -> list[datetime]:
    """The stamps the rule lets go, oldest first."""
    listed = list(stamps)
    keep = backups_to_keep(listed, now, **counts)
    return sorted(s for s in set(listed) if s not in keep)
