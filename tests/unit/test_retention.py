"""The backup retention rule: 7 daily, 4 weekly, 12 monthly, counted over periods that have backups."""

from __future__ import annotations

from datetime import datetime, timedelta

from expo_desk.domain.retention import backups_to_delete, backups_to_keep

NOW = datetime(2026, 11, 26, 18, 0)  # a Thursday


def hourly(days: int, per_day: int = 3, end: datetime = NOW) -> list[datetime]:
    """``per_day`` backups a day (08:00, 12:00, 16:00 ...) for ``days`` days up to ``end``."""
    start = end.replace(hour=8, minute=0) - timedelta(days=days - 1)
    return [start + timedelta(days=d, hours=4 * h) for d in range(days) for h in range(per_day)]


def test_nothing_to_keep_or_delete_without_backups():
    assert backups_to_keep([], NOW) == set()
    assert backups_to_delete([], NOW) == []


def test_a_few_backups_are_all_kept():
    stamps = [NOW - timedelta(days=d) for d in range(5)]
    assert backups_to_keep(stamps, NOW) == set(stamps)


def test_only_the_newest_backup_of_a_day_is_kept_for_that_day():
    today = [NOW.replace(hour=h) for h in (9, 12, 17)]
    assert backups_to_keep(today, NOW) == {NOW.replace(hour=17)}
    assert backups_to_delete(today, NOW) == [NOW.replace(hour=9), NOW.replace(hour=12)]


def test_seven_daily_four_weekly_twelve_monthly_over_two_years():
    stamps = hourly(730)
    kept = backups_to_keep(stamps, NOW)
    days = sorted({s.date() for s in kept}, reverse=True)
    # the last 7 days each keep their newest backup
    for d in range(7):
        day = (NOW - timedelta(days=d)).date()
        assert max(s for s in stamps if s.date() == day) in kept
    # 4 weeks: the newest of each of the 4 newest ISO weeks (the current one included)
    weeks = {s.isocalendar()[:2] for s in kept}
    assert len([w for w in weeks if w >= (NOW - timedelta(weeks=3)).isocalendar()[:2]]) == 4
    # 12 months: the newest backup of each of the 12 newest months (Dec 2025 .. Nov 2026)
    months = sorted({(s.year, s.month) for s in kept}, reverse=True)
    assert months[:12] == [(2026, m) for m in range(11, 0, -1)] + [(2025, 12)]
    assert (2025, 11) not in months  # the 13th month back is let go
    assert max(s for s in stamps if (s.year, s.month) == (2026, 1)) in kept  # the month's last backup
    assert len(kept) <= 7 + 4 + 12
    assert len(days) == len(kept)  # one backup per kept day at most


def test_the_newest_backup_is_always_kept():
    stamps = hourly(100)
    assert max(stamps) in backups_to_keep(stamps, NOW)


def test_periods_are_counted_where_backups_exist():
    """A file used on a few days only keeps those days, however far apart."""
    stamps = [NOW - timedelta(days=10 * d) for d in range(10)]
    kept = backups_to_keep(stamps, NOW)
    assert {NOW - timedelta(days=10 * d) for d in range(7)} <= kept


def test_weekly_takes_the_newest_of_each_week():
    # Two backups (Monday and Friday) in each of six ISO weeks.
    monday = datetime(2026, 11, 16, 10, 0)
    stamps = [monday - timedelta(weeks=w) + timedelta(days=off) for w in range(6) for off in (0, 4)]
    kept = backups_to_keep(stamps, NOW, daily=0, monthly=0)
    assert kept == {monday - timedelta(weeks=w) + timedelta(days=4) for w in range(4)}


def test_monthly_alone():
    stamps = [datetime(2026, m, d, 12) for m in range(1, 12) for d in (1, 15)]
    kept = backups_to_keep(stamps, NOW, daily=0, weekly=0, monthly=3)
    assert kept == {datetime(2026, 11, 15, 12), datetime(2026, 10, 15, 12), datetime(2026, 9, 15, 12)}


def test_backups_dated_in_the_future_are_kept():
    ahead = [NOW + timedelta(days=d) for d in range(1, 20)]
    assert backups_to_keep(ahead + hourly(30), NOW) >= set(ahead)


def test_a_year_boundary_iso_week():
    # 2026-12-31 (Thursday) and 2027-01-01 (Friday) are in the same ISO week 2026-W53.
    stamps = [datetime(2026, 12, 31, 12), datetime(2027, 1, 1, 12)]
    now = datetime(2027, 1, 2)
    assert backups_to_keep(stamps, now, daily=0, monthly=0) == {datetime(2027, 1, 1, 12)}
    assert backups_to_keep(stamps, now, daily=0, weekly=0) == set(stamps)  # two months


def test_delete_is_the_complement_oldest_first():
    stamps = hourly(60)
    kept = backups_to_keep(stamps, NOW)
    doomed = backups_to_delete(stamps, NOW)
    assert set(doomed) | kept == set(stamps) and not set(doomed) & kept
    assert doomed == sorted(doomed)
