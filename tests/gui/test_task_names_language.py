"""Build tasks made from templates are named '中文 / English'; the window shows one half."""

from __future__ import annotations

from expo_desk.ui.gantt.items import row_title
from expo_desk.ui.language import pick_joined, set_ui_language


def test_a_template_task_shows_the_half_in_the_windows_language(chinese):
    assert pick_joined("特装搭建（A1馆） / custom builds in hall A1") == "特装搭建（A1馆）"
    assert row_title({"level": "task", "booth_number": "A1-035", "name": "搭建 / build"}) == "A1-035  搭建"
    set_ui_language("en")
    assert pick_joined("特装搭建（A1馆） / custom builds in hall A1") == "custom builds in hall A1"


def test_a_typed_name_is_left_as_it_is(qapp):
    for typed in ("Wiring A / B", "电路 / 照明 检查", "加急", "Check / "):
        assert pick_joined(typed) == typed
