"""Short dates and weekdays for narrow headings, in Chinese and in English."""

from __future__ import annotations

from datetime import date, timedelta, timezone

import pytest

from expo_desk.ui.formats import local_date_text, short_date, weekday_name


def test_short_date_drops_the_year():
    assert short_date("2026-09-18", "en") == "Sep 18"
    assert short_date("2026-09-18", "zh") == "9月18日"
    assert short_date(date(2027, 1, 2), "zh_CN") == "1月2日"


def test_weekday_in_each_language():
    assert weekday_name("2026-09-18", "en") == "Friday"
    assert weekday_name("2026-09-18", "zh") == "星期五"
    assert weekday_name("2026-09-20", "en", short=True) == "Sun"
    assert weekday_name("2026-09-20", "zh", short=True) == "周日"


@pytest.mark.parametrize("blank", [None, ""])
def test_no_date_gives_no_text(blank):
    assert short_date(blank, "en") == ""
    assert weekday_name(blank, "zh") == ""


def test_the_day_of_a_timestamp_is_the_local_day():
    beijing = timezone(timedelta(hours=8))
    assert local_date_text("2026-09-18T20:30:00+00:00", "en", beijing) == "19 Sep 2026"
    assert local_date_text("2026-09-18T08:05:00", "zh", beijing) == "2026年9月18日"
    assert local_date_text(None, "en") == ""


def test_the_window_language_decides(qapp):
    from expo_desk.ui.formats import ui_date
    from expo_desk.ui.language import set_ui_language

    set_ui_language("zh")
    try:
        assert ui_date("2026-09-18") == "2026年9月18日"
    finally:
        set_ui_language("en")
    assert ui_date("2026-09-18") == "18 Sep 2026"
