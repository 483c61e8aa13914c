"""Texts that come in pairs from the domain show in the window's language."""

from __future__ import annotations

from expo_desk.ui.language import pick, pick_pair, set_ui_language, ui_language


def test_pairs_follow_the_window_language(qapp):
    try:
        set_ui_language("zh")
        assert ui_language() == "zh" and pick("已签约", "signed") == "已签约" and pick_pair(("", "paid")) == "paid"
        set_ui_language("en")
        assert pick_pair(("已签约", "signed")) == "signed" and pick("草稿", "") == "草稿"
        set_ui_language("klingon")
        assert ui_language() == "en"
    finally:
        set_ui_language("en")


def test_amounts_in_the_window_follow_its_language(qapp):
    from expo_desk.ui.formats import ui_money

    try:
        set_ui_language("zh")
        assert ui_money(1_234_500) == "12,345.00 元" and ui_money(-49_000) == "-490.00 元"
        set_ui_language("en")
        assert ui_money(1_234_500) == "¥12,345.00"
    finally:
        set_ui_language("en")
