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
