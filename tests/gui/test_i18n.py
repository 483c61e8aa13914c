"""Chinese or English: the choice, Qt's and our translations, the pseudo-locale, the .ts
kept complete, and Settings ▸ Language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QKeySequence

from expo_desk.paths import AppPaths
from expo_desk.ui import i18n
from expo_desk.ui.dialogs.language_dialog import LanguageDialog
from expo_desk.ui.i18n import (
    LANGUAGE_KEY,
    catalogue_file,
    chosen_language,
    compile_ts,
    install_translators,
    pseudo_factor,
    pseudo_text,
)

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "translations.py"
TS_HEADER = '<TS version="2.1" language="zh_CN">'


def ts_text(context: str, messages: dict[str, str | None]) -> str:
    """A .ts with one context; None is a string nobody has translated yet."""
    body = "".join(
        f"<message><source>{escape(source)}</source>"
        + (f"<translation>{escape(text)}</translation>" if text is not None
           else '<translation type="unfinished"></translation>')
        + "</message>"
        for source, text in messages.items())
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{TS_HEADER}\n'
            f"<context><name>{context}</name>{body}</context>\n</TS>\n")


@pytest.fixture
def app(qapp):
    """The application, with whatever a test installs taken away again afterwards."""
    locale = QLocale()
    yield qapp
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(locale)
    qapp.setProperty("expo_desk_language", None)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "expo-desk.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def small_ts(tmp_path, monkeypatch):
    """A source tree whose .ts translates the File menu, used in place of the real one."""
    path = tmp_path / "source" / "expo_desk_zh_CN.ts"
    path.parent.mkdir()
    path.write_text(ts_text("MainWindow", {"&File": "文件(&F)", "&Quit": None}), encoding="utf-8")
    monkeypatch.setattr(i18n, "TS_FILE", path)
    return path


# -- which language ------------------------------------------------------------------------

@pytest.mark.parametrize(("stored", "locale_name", "expected"), [
    (None, "zh_CN", "zh"),  # the first start follows the system
    (None, "zh_TW", "zh"),
    (None, "en_US", "en"),
    (None, "de_DE", "en"),
    ("system", "zh_CN", "zh"),
    ("system", "en_US", "en"),
    ("zh", "en_US", "zh"),  # a choice made in the settings wins
    ("en", "zh_CN", "en"),
    ("en", "zh_TW", "en"),
    ("klingon", "zh_CN", "zh"),  # a setting nobody understands: the system again
])
def test_language_choice(stored, locale_name, expected):
    assert chosen_language(stored, locale_name) == expected


def test_first_start_on_a_taiwanese_system_speaks_chinese_with_qts_own_dialog_buttons(app, settings, data_dir):
    language = install_translators(app, settings, AppPaths(data_dir), locale_name="zh_TW", environ={})
    assert language == "zh"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert i18n.current_language() == "zh"
    assert QLocale().language() == QLocale.Language.Chinese  # date edits and spin boxes too


def test_english_chosen_on_a_chinese_system_installs_no_translation(app, settings, data_dir):
    settings.setValue(LANGUAGE_KEY, "en")
    assert install_translators(app, settings, AppPaths(data_dir), locale_name="zh_CN", environ={}) == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert i18n.current_language() == "en"


def test_chinese_from_the_source_tree_is_compiled_into_the_cache_folder(app, settings, data_dir, small_ts):
    settings.setValue(LANGUAGE_KEY, "zh")
    install_translators(app, settings, AppPaths(data_dir), locale_name="en_US", environ={})
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("MainWindow", "&Quit") == "&Quit"  # not translated yet: the source
    assert (data_dir / "cache" / "translations" / "expo_desk_zh_CN.qm").is_file()
    assert sorted(p.name for p in small_ts.parent.iterdir()) == ["expo_desk_zh_CN.ts"]  # nothing written beside it


# -- finding and compiling the catalogue ------------------------------------------------------

def test_lrelease_compiles_a_ts_that_qt_loads(tmp_path):
    ts_file = tmp_path / "booths_zh_CN.ts"
    ts_file.write_text(ts_text("BoothPage", {"Sell booth": "出售展位", "Release booth": None}), encoding="utf-8")
    qm_file = tmp_path / "cache" / "booths_zh_CN.qm"
    compile_ts(ts_file, qm_file)
    translator = QTranslator()
    assert translator.load(str(qm_file))
    assert translator.translate("BoothPage", "Sell booth") == "出售展位"
    assert translator.translate("BoothPage", "Release booth") == ""
    assert oct(qm_file.stat().st_mode & 0o777) == oct(0o644)


def test_the_cached_catalogue_is_compiled_again_only_when_the_ts_is_newer(tmp_path):
    ts_file = tmp_path / "expo_desk_zh_CN.ts"
    ts_file.write_text(ts_text("BoothPage", {"Sell booth": "出售展位"}), encoding="utf-8")
    cache = tmp_path / "cache"
    qm_file = catalogue_file(cache, ts_file, tmp_path / "not-built-in.qm")
    assert qm_file == cache / "expo_desk_zh_CN.qm"
    made = qm_file.stat().st_mtime_ns
    assert catalogue_file(cache, ts_file, tmp_path / "not-built-in.qm").stat().st_mtime_ns == made

    ts_file.write_text(ts_text("BoothPage", {"Sell booth": "销售展位"}), encoding="utf-8")
    later = made + 5_000_000_000
    os.utime(ts_file, ns=(later, later))
    catalogue_file(cache, ts_file, tmp_path / "not-built-in.qm")
    translator = QTranslator()
    assert translator.load(str(qm_file))
    assert translator.translate("BoothPage", "Sell booth") == "销售展位"


def test_a_built_in_catalogue_wins_and_nothing_is_compiled(tmp_path):
    built_in = tmp_path / "package" / "expo_desk_zh_CN.qm"
    built_in.parent.mkdir()
    built_in.write_bytes(b"")
    ts_file = tmp_path / "expo_desk_zh_CN.ts"
    ts_file.write_text(ts_text("BoothPage", {"Sell booth": "出售展位"}), encoding="utf-8")
    assert catalogue_file(tmp_path / "cache", ts_file, built_in) == built_in
    assert not (tmp_path / "cache").exists()
    assert catalogue_file(tmp_path / "cache", tmp_path / "none.ts", tmp_path / "none.qm") is None


# -- the pseudo-locale -------------------------------------------------------------------------

def shown(text: str) -> str:
    """What a label shows of a text: no tags, one character for an entity or a mnemonic."""
    return re.sub(r"<[^>]*>", "", text).replace("&amp;", "&").replace("&&", "&").replace("&S", "S")


@pytest.mark.parametrize("text", [
    "Add booth to %1", "%n booth(s)", "&Save", "Contract %L1 of %2", "<b>Total</b>: {amount}",
    "Tom && Jerry", "Price &amp; area", "Line one\nline two",
])
def test_pseudo_text_is_longer_and_keeps_what_qt_and_python_fill_in(text):
    pseudo = pseudo_text(text, 1.4)
    assert pseudo.startswith("[") and pseudo.endswith("]")
    assert len(shown(pseudo)) - 2 >= 1.4 * len(shown(text))
    for kept in ("%1", "%2", "%L1", "%n", "&S", "<b>", "</b>", "{amount}", "&&", "&amp;", "\n"):
        assert text.count(kept) == pseudo.count(kept), kept
    assert pseudo != f"[{text}]"  # letters swapped for look-alikes


@pytest.mark.parametrize(("value", "factor"), [("1.4", 1.4), ("2", 2.0), ("", None), ("abc", None), ("0.5", None)])
def test_pseudo_factor_from_the_environment(value, factor):
    assert pseudo_factor({"EXPO_DESK_PSEUDO": value}) == factor


def test_the_pseudo_locale_lengthens_every_string_the_interface_asks_for(app, settings, data_dir):
    settings.setValue(LANGUAGE_KEY, "zh")
    install_translators(app, settings, AppPaths(data_dir), environ={"EXPO_DESK_PSEUDO": "1.4"})
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    assert cancel.startswith("[取消") and cancel.endswith("]")  # the translation, lengthened
    untranslated = QCoreApplication.translate("ContractsPage", "Add booth to %1")
    assert untranslated.startswith("[") and "%1" in untranslated and len(untranslated) > 1.4 * 15
    booths = QCoreApplication.translate("ContractsPage", "%n booth(s)", None, 3)
    assert "3" in booths and "%n" not in booths
    assert QKeySequence("Ctrl+S").toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+S"  # key names alone


# -- the .ts and its check --------------------------------------------------------------------

def test_the_ts_file_is_valid_and_for_simplified_chinese():
    text = i18n.TS_FILE.read_text(encoding="utf-8")
    assert TS_HEADER in text
    root = ET.fromstring(text)
    assert (root.tag, root.get("version"), root.get("language")) == ("TS", "2.1", "zh_CN")
    sources = {m.findtext("source") for m in root.iter("message")}
    assert "&Language…" in sources


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_check_finds_a_string_taken_out_of_a_copy_of_the_ts(tmp_path):
    tree = ET.parse(i18n.TS_FILE)
    context = next(c for c in tree.getroot().iter("context") if c.findtext("name") == "MainWindow")
    context.remove(next(m for m in context.iter("message") if m.findtext("source") == "&Language…"))
    copy = tmp_path / "expo_desk_zh_CN.ts"
    tree.write(copy, encoding="utf-8", xml_declaration=True)
    done = run_tool("--ts", str(copy), "check")
    assert done.returncode == 1
    assert "missing: MainWindow: '&Language…'" in done.stdout.splitlines()


def test_check_passes_only_when_every_string_is_there_and_finished(tmp_path):
    source = tmp_path / "src" / "booth_page.py"
    source.parent.mkdir()
    source.write_text("from PySide6.QtWidgets import QWidget\n\n\nclass BoothPage(QWidget):\n"
                      "    def labels(self):\n"
                      "        return self.tr('Sell booth'), self.tr('Release booth')\n", encoding="utf-8")
    ts_file = tmp_path / "expo_desk_zh_CN.ts"
    check = ("--ts", str(ts_file), "--sources", str(source.parent), "check")

    ts_file.write_text(ts_text("BoothPage", {"Sell booth": "出售展位"}), encoding="utf-8")
    done = run_tool(*check)
    assert done.returncode == 1
    assert "missing: BoothPage: 'Release booth'" in done.stdout
    assert "Sell booth" not in done.stdout

    ts_file.write_text(ts_text("BoothPage", {"Sell booth": "出售展位", "Release booth": None}), encoding="utf-8")
    done = run_tool(*check)
    assert done.returncode == 1
    assert "unfinished: BoothPage: 'Release booth'" in done.stdout

    ts_file.write_text(ts_text("BoothPage", {"Sell booth": "出售展位", "Release booth": "释放展位"}), encoding="utf-8")
    done = run_tool(*check)
    assert done.returncode == 0, done.stdout
    assert "2 strings: 0 missing" in done.stdout


def test_update_adds_new_strings_and_keeps_translations(tmp_path):
    source = tmp_path / "src" / "booth_page.py"
    source.parent.mkdir()
    source.write_text("from PySide6.QtWidgets import QWidget\n\n\nclass BoothPage(QWidget):\n"
                      "    def labels(self):\n"
                      "        return self.tr('Sell booth'), self.tr('Release booth')\n", encoding="utf-8")
    ts_file = tmp_path / "expo_desk_zh_CN.ts"
    ts_file.write_text(ts_text("BoothPage", {"Sell booth": "出售展位"}), encoding="utf-8")
    assert run_tool("--ts", str(ts_file), "--sources", str(source.parent), "update").returncode == 0
    messages = {m.findtext("source"): m.find("translation") for m in ET.parse(ts_file).getroot().iter("message")}
    assert messages["Sell booth"].text == "出售展位"
    assert messages["Release booth"].get("type") == "unfinished"
    assert run_tool("--ts", str(ts_file), "compile", str(tmp_path / "out")).returncode == 0
    assert QTranslator().load(str(tmp_path / "out" / "expo_desk_zh_CN.qm"))


# -- Settings ▸ Language ------------------------------------------------------------------------

def test_language_dialog_saves_the_choice_for_the_next_start(qtbot, window):
    dialog = LanguageDialog(window.context)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.group.buttons()[0]), "language_system").isChecked()  # nothing chosen yet
    assert "starts again" in dialog.note.text()
    dialog.findChild(type(dialog.group.buttons()[0]), "language_zh").click()
    dialog.accept()
    assert window.context.settings.value(LANGUAGE_KEY) == "zh"

    again = LanguageDialog(window.context)
    qtbot.addWidget(again)
    assert again.choice() == "zh"
    again.reject()


def test_settings_menu_opens_the_language_dialog(window, on_modal):
    settings_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Se&ttings")
    action = next(a for a in settings_menu.actions() if a.text() == "&Language…")

    def choose_english(dialog):
        assert isinstance(dialog, LanguageDialog)
        dialog.findChild(type(dialog.group.buttons()[0]), "language_en").click()
        dialog.accept()

    on_modal(choose_english)
    action.trigger()
    assert on_modal.calls
    assert window.context.settings.value(LANGUAGE_KEY) == "en"
