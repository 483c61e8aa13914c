"""What of the analysed program goes into the frozen folder: the spec and the tests share these rules.

PyInstaller's Qt hooks take every plugin and translation that the imported Qt modules might
use; Expo Desk needs far fewer. Kept: the platforms the office runs on (Windows, X11,
Wayland, and offscreen for the smoke test), themes and input methods (Chinese input goes
through ibus/fcitx), image formats, icon engines and printing. Left out: QML and Quick,
designer, SQL drivers, network and TLS, embedded-device platforms, and every translation of
Qt but the Chinese one that ``expo_desk.ui.i18n`` loads.
"""

from __future__ import annotations

import re

# Folders of resources/ that the frozen program reads (resources/translations is compiled
# into expo_desk/translations/*.qm instead; resources/demo holds nothing the program reads).
RESOURCE_FOLDERS = ("fonts", "icons", "templates")

QT_TRANSLATIONS_KEPT = {"qtbase_zh_CN.qm"}
PLUGIN_GROUPS_KEPT = {
    "platforms", "platformthemes", "platforminputcontexts", "imageformats", "iconengines", "styles",
    "printsupport", "xcbglintegrations", "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-shell-integration",
}
PLATFORMS_KEPT = re.compile(r"^(lib)?q(xcb|offscreen|minimal|wayland[-\w]*|windows|direct2d)\.(so|dll)$", re.I)
# In a kept group, plugins still left out: the GTK theme (it drags GTK's own libraries of the
# build machine in; the portal theme gives native dialogs), and Wayland's server-buffer and
# legacy shell plugins (for Qt-based compositors and embedded shells, not a desktop session).
PLUGINS_LEFT_OUT = re.compile(
    r"^(lib)?(qgtk3|[\w-]+-server|wl-shell-plugin|ivi-shell|fullscreen-shell-v1|qt-shell)\.(so|dll)$", re.I)
QT_LIBRARIES_LEFT_OUT = re.compile(
    r"^(lib)?Qt6(Qml\w*|Quick\w*|Labs\w*|Lottie\w*|Designer\w*|Help|Test|Sql|Network|UiTools|Concurrent|Xml"
    r"|OpenGLWidgets|WaylandCompositor\w*|WaylandEgl\w*|WlShell\w*|Egl[Ff][Ss]\w*|ShaderTools|VirtualKeyboard\w*"
    r"|StateMachine\w*|SpatialAudio|TextToSpeech)\b", re.I)


def keep_in_bundle(destination: str) -> bool:
    """Whether a file PyInstaller would put at ``destination`` (relative to the bundle) is kept."""
    parts = destination.replace("\\", "/").split("/")
    if not parts or parts[0] != "PySide6":
        return True
    name = parts[-1]
    if "translations" in parts[:-1]:
        return name in QT_TRANSLATIONS_KEPT
    if "plugins" in parts[:-1]:
        group = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) - 1 else ""
        if group not in PLUGIN_GROUPS_KEPT or PLUGINS_LEFT_OUT.match(name):
            return False
        return group != "platforms" or bool(PLATFORMS_KEPT.match(name))
    return not QT_LIBRARIES_LEFT_OUT.match(name)


def _closure(sources: list[str], imports_of) -> set[str]:
    """Base names of every library ``sources`` load, directly or through each other."""
    seen: set[str] = set()
    todo = list(sources)
    done: set[str] = set()
    while todo:
        path = todo.pop()
        if path in done:
            continue
        done.add(path)
        for name, full_path in imports_of(path):
            seen.add(name.rsplit("/", 1)[-1])
            if full_path:
                seen.add(full_path.rsplit("/", 1)[-1])
                todo.append(full_path)
    return seen


def trim(binaries: list[tuple], datas: list[tuple], imports_of=None) -> tuple[list, list, list[str]]:
    """The analysed binaries and data less what the rules leave out, and less the libraries that
    only the left-out plugins needed (the GTK theme alone brings cairo, pango, gdk-pixbuf…).
    Returns (binaries, datas, names of what was left out)."""
    if imports_of is None:
        from PyInstaller.depend.bindepend import get_imports as imports_of
    left_out = [entry for entry in binaries if not keep_in_bundle(entry[0])]
    kept = [entry for entry in binaries if keep_in_bundle(entry[0])]
    # The program's own parts (extension modules, Qt's libraries and plugins) are the roots; a library
    # at the top of the bundle is there because something loads it.
    roots = [entry[1] for entry in kept if entry[2] != "SYMLINK" and not _top_level_library(entry)]
    needed_by_kept = _closure(roots, imports_of)
    needed_by_left_out = _closure([entry[1] for entry in left_out if entry[2] != "SYMLINK"], imports_of)
    orphans = needed_by_left_out - needed_by_kept  # only what a left-out plugin needed: never a ctypes library
    binaries_kept = [entry for entry in kept if not (_top_level_library(entry) and entry[0] in orphans)]
    present = {entry[0].replace("\\", "/") for entry in binaries_kept}
    # a link to a library that is no longer there goes too
    binaries_kept = [entry for entry in binaries_kept if entry[2] != "SYMLINK" or _link_target(entry) in present]
    datas_kept = [entry for entry in datas if keep_in_bundle(entry[0])]
    gone = sorted({entry[0] for entry in binaries if entry not in binaries_kept}
                  | {entry[0] for entry in datas if entry not in datas_kept})
    return binaries_kept, datas_kept, gone


def _top_level_library(entry: tuple) -> bool:
    return entry[2] == "BINARY" and "/" not in entry[0].replace("\\", "/")


def _link_target(entry: tuple) -> str:
    """Where a SYMLINK entry (destination, target relative to it, 'SYMLINK') points, from the bundle's top."""
    import posixpath

    destination, target = entry[0].replace("\\", "/"), str(entry[1]).replace("\\", "/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(destination), target))
