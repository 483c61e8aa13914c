"""The .deb as an office Linux PC gets it: installed with dpkg, the installed program passes its
smoke test, and removing the package leaves nothing behind.

Slow (it builds the frozen program, about two minutes) and it installs into the system, so it
runs only as root on a Debian-like system with PyInstaller present (``uv run --group packaging
pytest -m slow tests/packaging``), or on a .deb already built, given as ``EXPO_DESK_DEB``
(what CI does after ``packaging/build.py``). Plain ``uv run pytest`` skips it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.packaging.packaging_modules import load

build = load("build.py", "expo_desk_build")

INSTALLED = {
    "program": Path("/opt/expo-desk/expo-desk"),
    "command": Path("/usr/bin/expo-desk"),
    "desktop entry": Path("/usr/share/applications/expo-desk.desktop"),
    "icon": Path("/usr/share/icons/hicolor/256x256/apps/expo-desk.png"),
    "scalable icon": Path("/usr/share/icons/hicolor/scalable/apps/expo-desk.svg"),
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1200),
    pytest.mark.skipif(shutil.which("dpkg") is None, reason="needs dpkg (Debian or Ubuntu)"),
    pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="installs a package: needs root"),
    pytest.mark.skipif(not os.environ.get("EXPO_DESK_DEB") and find_spec("PyInstaller") is None,
                       reason="builds the program: needs the packaging group (uv run --group packaging) "
                              "or a built .deb in EXPO_DESK_DEB"),
]


def _installed(package: str) -> bool:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False)
    return done.returncode == 0 and "installed" in done.stdout.split()


@pytest.fixture
def deb(tmp_path) -> Path:
    given = os.environ.get("EXPO_DESK_DEB")
    if given:
        return Path(given).resolve()
    assert build.main(["--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")]) == 0
    return next((tmp_path / "dist").glob("expo-desk_*.deb"))


def test_deb_installs_passes_its_smoke_test_and_removes_cleanly(deb, tmp_path):
    if _installed("expo-desk"):
        pytest.skip("expo-desk is installed on this machine already; not touching it")
    info = subprocess.run(["dpkg-deb", "--field", str(deb), "Package", "Depends"], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: expo-desk" in info and "libxkbcommon0" in info
    try:
        done = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr  # a missing dependency is named here
        for what, path in INSTALLED.items():
            assert path.exists(), f"{what} not installed: {path}"
        assert INSTALLED["command"].resolve() == INSTALLED["program"]
        desktop = INSTALLED["desktop entry"].read_text(encoding="utf-8")
        assert "Exec=expo-desk" in desktop and "Icon=expo-desk" in desktop

        smoke = subprocess.run([str(INSTALLED["command"]), "--smoke-test", "--data-dir", str(tmp_path / "smoke")],
                               capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path)
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr
        assert "smoke: report: ok" in smoke.stdout and ", frozen," in smoke.stdout
        assert not list(Path("/opt/expo-desk").rglob("__pycache__"))  # nothing written into the install
    finally:
        subprocess.run(["dpkg", "--purge", "expo-desk"], capture_output=True, check=False)

    assert not _installed("expo-desk")
    for what, path in INSTALLED.items():
        assert not path.exists() and not path.is_symlink(), f"{what} left behind: {path}"
    assert not Path("/opt/expo-desk").exists()
