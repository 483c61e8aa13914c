"""The installer's parts that can be checked without building: the spec's resource list, what
is trimmed from Qt, the Windows version resource and NSIS script, the desktop entry, the icons."""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import subprocess

import pytest
from PIL import Image

import expo_desk
from tests.packaging.packaging_modules import PACKAGING, ROOT, load

rules = load("bundle_rules.py", "expo_desk_bundle_rules")
version_info = load("windows/version_info.py", "expo_desk_version_info")
build = load("build.py", "expo_desk_build")

DESKTOP_FILE = PACKAGING / "linux" / "expo-desk.desktop"


def _resource_folders_read_by_the_app() -> set[str]:
    """First arguments of every ``resource_path("folder", ...)`` call in expo_desk/."""
    folders = set()
    for path in (ROOT / "expo_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "resource_path"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                folders.add(node.args[0].value)
    return folders


def test_the_spec_bundles_every_resource_folder_the_app_reads():
    read = _resource_folders_read_by_the_app()
    assert "fonts" in read  # the scan finds the calls

    # translations/ holds the .ts, which the build compiles into expo_desk/translations/*.qm
    assert read - {"translations"} <= set(rules.RESOURCE_FOLDERS)
    for folder in rules.RESOURCE_FOLDERS:
        assert any((ROOT / "resources" / folder).iterdir()), f"resources/{folder} is empty"
    spec = (PACKAGING / "expo_desk.spec").read_text(encoding="utf-8")
    assert "RESOURCE_FOLDERS" in spec and "translations.py" in spec and '"expo_desk/translations"' in spec


@pytest.mark.parametrize("destination", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt6Svg.dll",
    "numpy/core/_multiarray_umath.so",
])
def test_what_the_office_needs_stays_in_the_bundle(destination):
    assert rules.keep_in_bundle(destination)


@pytest.mark.parametrize("destination", [
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt6Qml.dll",
])
def test_unused_qt_parts_are_left_out(destination):
    assert not rules.keep_in_bundle(destination)


def test_libraries_only_a_left_out_plugin_needed_go_too():
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/q/libqgtk3.so", "BINARY"),
        ("libxcb-cursor.so.0", "/s/libxcb-cursor.so.0", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
        ("libglib-2.0.so.0", "/s/libglib-2.0.so.0", "BINARY"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
    ]
    imports = {"/q/libqxcb.so": [("libxcb-cursor.so.0", "/s/libxcb-cursor.so.0"), ("libglib-2.0.so.0", "/s/libglib-2.0.so.0")],
               "/q/libqgtk3.so": [("libcairo.so.2", "/s/libcairo.so.2"), ("libglib-2.0.so.0", "/s/libglib-2.0.so.0")]}

    kept, _, gone = rules.trim(binaries, [], imports_of=lambda path: imports.get(path, []))

    assert [entry[0] for entry in kept] == ["PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb-cursor.so.0",
                                            "libglib-2.0.so.0"]
    assert gone == ["PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libQt6Quick.so.6", "libcairo.so.2"]


def test_windows_version_resource_carries_the_version():
    text = version_info.version_file_text(expo_desk.__version__, "ExpoDesk.exe")

    ast.parse(text)  # PyInstaller evaluates it as a Python expression
    numbers = version_info.version_tuple(expo_desk.__version__)
    assert f"filevers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{expo_desk.__version__}')" in text
    assert "StringStruct('OriginalFilename', 'ExpoDesk.exe')" in text
    assert version_info.project_version() == expo_desk.__version__


@pytest.mark.parametrize(("version", "numbers", "debian"), [
    ("0.1.0", (0, 1, 0, 0), "0.1.0"),
    ("1.2", (1, 2, 0, 0), "1.2"),
    ("2.0.0rc1", (2, 0, 0, 0), "2.0.0~rc1"),
    ("1.4.0.dev3", (1, 4, 0, 0), "1.4.0~dev3"),
])
def test_version_numbers_for_windows_and_debian(version, numbers, debian):
    assert version_info.version_tuple(version) == numbers
    assert build.debian_version(version) == debian


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (Debian: nsis)")
def test_nsis_script_compiles_with_a_placeholder_payload(tmp_path):
    payload = tmp_path / "expo-desk"
    (payload / "_internal").mkdir(parents=True)
    for name in ("ExpoDesk.exe", "expo-desk.exe", "_internal/base_library.zip"):
        (payload / name).write_bytes(b"placeholder")
    setup = tmp_path / "ExpoDesk-0.1.0-setup.exe"

    done = subprocess.run(
        ["makensis", "-V4", "-DVERSION=0.1.0", "-DVERSION_NUMBERS=0.1.0.0", f"-DPAYLOAD={payload}",
         f"-DOUTFILE={setup}", f"-DICON={ROOT / 'resources' / 'icons' / 'expo-desk.ico'}",
         str(PACKAGING / "windows" / "expo-desk.nsi")],
        capture_output=True, text=True, check=False)

    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    assert setup.stat().st_size > 50_000
    for name in ("ExpoDesk.exe", "expo-desk.exe", "base_library.zip"):
        assert f'File: "{name}"' in done.stdout  # the payload went in
    assert "Uninstall:" in done.stdout


def test_the_uninstaller_removes_only_what_the_installer_put_there():
    script = (PACKAGING / "windows" / "expo-desk.nsi").read_text(encoding="utf-8")
    uninstall = script.split('Section "Uninstall"', 1)[1]
    removals = [line.strip() for line in uninstall.splitlines() if line.strip().startswith(("RMDir", "Delete "))]

    assert removals
    assert all("$INSTDIR" in line or "$SMPROGRAMS" in line for line in removals)  # never the data folder
    assert 'RMDir "$INSTDIR"' in removals  # the program folder goes only when empty…
    assert not any(re.fullmatch(r'RMDir\s+/r\s+"\$INSTDIR"', line) for line in removals)  # …never with what else it holds


def test_desktop_entry_is_valid_and_matches_the_package():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]

    assert section["Exec"].split()[0] == build.NAME  # /usr/bin/expo-desk in the .deb
    assert section["Icon"] == build.NAME  # /usr/share/icons/hicolor/*/apps/expo-desk.png in the .deb
    assert section["Name[zh_CN]"]
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_icons_exist_in_every_size_the_package_installs():
    icons = ROOT / "resources" / "icons"
    for size in build.ICON_SIZES:
        with Image.open(icons / f"expo-desk-{size}.png") as image:
            assert image.size == (size, size)
            assert image.getpixel((size // 2, size // 2))[3] == 255  # opaque in the middle
    with Image.open(icons / "expo-desk.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    assert "<svg" in (icons / "expo-desk.svg").read_text(encoding="utf-8")
