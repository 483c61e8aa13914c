"""The window's language once chosen at start-up, and the pick between a Chinese and an
English text that comes as a pair from the domain (status names, sectors, roles…).

The choice is kept as a property of the application object, set once when the
translators are installed, so every widget reads the same answer without a global.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

PROPERTY = "expo_desk_language"
LANGUAGES = ("zh", "en")


def set_ui_language(language: str) -> None:
    app = QCoreApplication.instance()
    if app is not None:
        app.setProperty(PROPERTY, language if language in LANGUAGES else "en")


def ui_language() -> str:
    """``zh`` or ``en``: English until the translators say otherwise (tests run in English)."""
    app = QCoreApplication.instance()
    value = app.property(PROPERTY) if app is not None else None
    return value if value in LANGUAGES else "en"


def pick(zh: str, en: str) -> str:
    """The text of the pair in the window's language (the other one when it is empty)."""
    if ui_language() == "zh":
        return zh or en
    return en or zh


def pick_pair(pair: tuple[str, str]) -> str:
    return pick(pair[0], pair[1])


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def pick_joined(text: str) -> str:
    """A name stored as '中文 / English' (a build task made from a template: '招展 / sales') in
    the window's language; any other text (a name someone typed, 'Wiring A / B') as it is."""
    parts = text.split(" / ")
    if len(parts) != 2 or not _has_chinese(parts[0]) or _has_chinese(parts[1]) or not parts[1].strip():
        return text
    return pick(parts[0].strip(), parts[1].strip())
