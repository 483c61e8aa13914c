"""The user interface in Chinese or English: which language, Qt's own and our translations,
and a pseudo-locale that lengthens every string so clipped labels show.

The language is chosen once, before the main window is made; a change in the settings
applies at the next start (widgets read ``tr()`` when they are built).

Where our compiled catalogue (``expo_desk_zh_CN.qm``) comes from:

- a wheel or a frozen build carries it in the package (``expo_desk/translations/``),
  compiled by the build (``hatch_build.py``, ``tools/translations.py compile``);
- a run from the source tree has only the ``.ts``: it is compiled with Qt's ``lrelease``
  (shipped in the PySide6 wheel) into the cache folder under the data folder whenever the
  compiled file is missing or older than the ``.ts``. Nothing is written into the source tree.
"""

from __future__ import annotations

import logging
import math
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator

import expo_desk
from expo_desk.paths import AppPaths, resource_path
from expo_desk.ui.language import set_ui_language, ui_language

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
LANGUAGE_CHOICES = ("zh", "en", "system")
CATALOGUE = "expo_desk_zh_CN"
TS_FILE = resource_path("translations", f"{CATALOGUE}.ts")
BUILT_IN_QM = Path(expo_desk.__file__).resolve().parent / "translations" / f"{CATALOGUE}.qm"
QT_CATALOGUE = "qtbase_zh_CN"
PSEUDO_VARIABLE = "EXPO_DESK_PSEUDO"


# -- which language ----------------------------------------------------------------------

def system_language(locale_name: str) -> str:
    """'zh' for any Chinese locale (zh_CN, zh_TW, zh_HK, ...), else 'en'."""
    return "zh" if locale_name.replace("-", "_").lower().split("_")[0] == "zh" else "en"


def chosen_language(setting: object, locale_name: str) -> str:
    """The stored choice ('zh', 'en'); 'system', nothing stored (the first start) or anything
    unknown follows the system locale."""
    if setting in ("zh", "en"):
        return str(setting)
    return system_language(locale_name)


def current_language() -> str:
    """The language the running interface was started in ('en' when none was installed)."""
    return ui_language()


def _ui_locale(language: str, system: QLocale) -> QLocale:
    """Dates and numbers in Qt's own widgets (date edits, spin boxes) follow the language."""
    if language == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


# -- compiling the .ts when running from source -------------------------------------------

def qt_tool(name: str) -> Path | None:
    """Qt's ``lrelease`` or ``lupdate`` as the PySide6 wheel ships them: the ``pyside6-NAME``
    launcher beside the Python executable, else the binary inside the PySide6 package."""
    suffix = ".exe" if sys.platform == "win32" else ""
    launcher = Path(sys.executable).parent / f"pyside6-{name}{suffix}"
    if launcher.is_file():
        return launcher
    spec = find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / f"{name}{suffix}"
        if binary.is_file():
            return binary
    return None


def compile_ts(ts_file: Path, qm_file: Path) -> None:
    """Compile a .ts into a .qm with ``lrelease``; the .qm is replaced whole, so another
    instance starting at the same moment never reads half a file."""
    tool = qt_tool("lrelease")
    if tool is None:
        raise RuntimeError("lrelease not found (it comes with PySide6)")
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=qm_file.stem, suffix=".qm", dir=qm_file.parent)
    os.close(handle)
    try:
        done = subprocess.run([str(tool), "-silent", str(ts_file), "-qm", partial],
                              capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"lrelease failed on {ts_file}: {(done.stderr or done.stdout).strip()}")
        os.chmod(partial, 0o644)  # mkstemp makes it owner-only; a build ships it to every user
        os.replace(partial, qm_file)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def translation_cache_dir(paths: AppPaths) -> Path:
    """Compiled translations are a cache: made again from the .ts whenever it changes."""
    return paths.data_dir / "cache" / "translations"


def catalogue_file(cache_dir: Path, ts_file: Path | None = None, built_in: Path | None = None) -> Path | None:
    """Our compiled catalogue: the one built into the package, else the source tree's .ts
    compiled into ``cache_dir`` (again when the .ts is newer); None when there is neither."""
    ts_file, built_in = ts_file or TS_FILE, built_in or BUILT_IN_QM
    if built_in.is_file():
        return built_in
    if not ts_file.is_file():
        return None
    cached = cache_dir / f"{ts_file.stem}.qm"
    if not cached.is_file() or cached.stat().st_mtime < ts_file.stat().st_mtime:
        try:
            compile_ts(ts_file, cached)
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            log.warning("Cannot compile the translations: %s", exc)
    return cached if cached.is_file() else None


# -- the pseudo-locale ---------------------------------------------------------------------

_LOOK_ALIKES = str.maketrans(
    "abcdefghijklnoprstuwyzABCDEFGHIJKLNOPRSTUWYZ",
    "àƀçđéƒğĥîĵķĺñöþŕšţûŵýžÅƁÇĐÉƑĜĤÎĴĶĻÑÖÞŔŠŢÛŴÝŽ",
)
# What must come through unchanged: HTML tags and entities, '&' mnemonics with their letter,
# Qt's %1 / %L1 / %n, Python's {name} and %s, and line breaks.
_KEEP = re.compile(r"<[^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|&&|&.|%L?\d+|%L?n|%%|%\(\w+\)[sd]|%[sd]"
                   r"|\{[^{}]*\}|\n")
_PADDING = "·ŵîðé ŧëxŧ "
# Strings Qt reads back rather than shows: key names, the layout direction.
_LEAVE_ALONE = {"QShortcut", "QKeySequence"}


def _shown_length(token: str) -> int:
    """A tag or a line break shows nothing, an entity or a mnemonic one character, a
    placeholder at least itself."""
    if token.startswith("<") or token == "\n":
        return 0
    return 1 if token.startswith("&") else len(token)


def pseudo_text(text: str, factor: float) -> str:
    """'&Save %1' → '[&Sàvé %1·ŵî]': look-alike letters, padded to ``factor`` times the
    length, in brackets so a cut-off end shows; placeholders, mnemonics and tags survive."""
    if not text:
        return text
    pieces, visible, last = [], 0, 0
    for kept in _KEEP.finditer(text):
        plain, token = text[last:kept.start()], kept.group()
        pieces += [plain.translate(_LOOK_ALIKES), token]
        visible += len(plain) + _shown_length(token)
        last = kept.end()
    tail = text[last:]
    pieces.append(tail.translate(_LOOK_ALIKES))
    visible += len(tail)
    extra = math.ceil(visible * (factor - 1))
    padding = (_PADDING * (extra // len(_PADDING) + 1))[:extra]
    if padding.endswith(" "):
        padding = padding[:-1] + "·"
    return f"[{''.join(pieces)}{padding}]"


def pseudo_factor(environ: Mapping[str, str]) -> float | None:
    """The lengthening asked for in ``EXPO_DESK_PSEUDO`` (e.g. '1.4'); None when unset or unusable."""
    raw = environ.get(PSEUDO_VARIABLE, "").strip()
    if not raw:
        return None
    try:
        factor = float(raw)
    except ValueError:
        factor = 0.0
    if not 1.0 <= factor <= 5.0:
        log.warning("%s=%r is not a factor between 1 and 5; ignored", PSEUDO_VARIABLE, raw)
        return None
    return factor


class PseudoTranslator(QTranslator):
    """Answers every lookup: the real translation (or the source text) made longer.

    Installed last, so Qt asks it first; it asks the real translators itself. A string a
    subclass inherits from its base class shows its source text lengthened, not the base's
    translation (PySide tries the base class's context only while the answer is the source).
    """

    def __init__(self, factor: float, inner: list[QTranslator], parent: QObject | None = None):
        super().__init__(parent)
        self.factor = factor
        self._inner = list(inner)

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        text = source
        for translator in reversed(self._inner):  # the most recently installed first, as Qt does
            found = translator.translate(context, source, disambiguation, n)
            if found:
                text = found
                break
        if context in _LEAVE_ALONE or source == "QT_LAYOUT_DIRECTION":
            return text
        return pseudo_text(text, self.factor)


# -- putting it together -----------------------------------------------------------------------

def _load(translator: QTranslator, what: str, *where: str) -> bool:
    if translator.load(*where):
        return True
    log.warning("Cannot load the %s translations from %s", what, " ".join(where))
    return False


def install_translators(app: QCoreApplication, settings: QSettings, paths: AppPaths,
                        locale_name: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Choose the language and install Qt's and our translators (and the pseudo-locale when
    ``EXPO_DESK_PSEUDO`` asks); returns 'zh' or 'en'. Call before any window is made."""
    system = QLocale.system()
    language = chosen_language(settings.value(LANGUAGE_KEY), locale_name or system.name())
    QLocale.setDefault(_ui_locale(language, system))
    installed: list[QTranslator] = []
    if language == "zh":
        qt = QTranslator(app)
        if _load(qt, "Qt", QT_CATALOGUE, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt)
        ours_file = catalogue_file(translation_cache_dir(paths))
        ours = QTranslator(app)
        if ours_file is None:
            log.warning("No Chinese translations found; the interface stays in English")
        elif _load(ours, "Expo Desk", str(ours_file)):
            installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    factor = pseudo_factor(os.environ if environ is None else environ)
    if factor is not None:
        app.installTranslator(PseudoTranslator(factor, installed, app))
    set_ui_language(language)
    return language
