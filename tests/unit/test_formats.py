"""Money, dates and numbers as the screen writes them in Chinese and in English."""

from __future__ import annotations

from datetime import date, timedelta, timezone

import pytest

from expo_desk.ui.formats import date_text, datetime_text, money, number

BEIJING = timezone(timedelta(hours=8))


@pytest.mark.parametrize(("fen", "en", "zh"), [
    (1234500, "¥12,345.00", "12,345.00 元"),
    (0, "¥0.00", "0.00 元"),
    (5, "¥0.05", "0.05 元"),
    (123456789, "¥1,234,567.89", "1,234,567.89 元"),
    (-250000, "-¥2,500.00", "-2,500.00 元"),  # a refund keeps its sign in front
])
def test_money_in_each_language(fen, en, zh):
    assert money(fen, "en") == en
    assert money(fen, "zh") == zh


def test_money_takes_a_locale_name_too():
    assert money(100, "zh_CN") == "1.00 元"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_numbers_group_thousands(language):
    assert number(12345, language) == "12,345"
    assert number(1234.5, language, decimals=2) == "1,234.50"
    assert number(-7, language) == "-7"


def test_dates_day_first_in_english_and_with_characters_in_chinese():
    assert date_text("2026-09-18", "zh") == "2026年9月18日"
    assert date_text("2026-09-18", "en") == "18 Sep 2026"
    assert date_text(date(2027, 1, 2), "en") == "2 Jan 2027"


@pytest.mark.parametrize("blank", [None, ""])
def test_no_date_shows_nothing(blank):
    assert date_text(blank, "zh") == ""
    assert datetime_text(blank, "en") == ""


def test_a_date_that_is_not_one_is_refused():
    with pytest.raises(ValueError):
        date_text("18/09/2026", "en")


def test_stored_utc_timestamps_show_at_local_time():
    assert datetime_text("2026-09-18T08:05:00+00:00", "zh", BEIJING) == "2026年9月18日 16:05"
    assert datetime_text("2026-09-18T20:30:00+00:00", "en", BEIJING) == "19 Sep 2026 04:30"
    assert datetime_text("2026-09-18T08:05:00", "en", BEIJING) == "18 Sep 2026 16:05"  # no zone: UTC
