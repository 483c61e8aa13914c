"""Build Expo Desk for the office: freeze it, run the frozen smoke test, then package it.

    uv run --group packaging python packaging/build.py            # Linux: dist/expo-desk/ and the .deb
    uv run --group packaging python packaging/build.py --skip-deb # the frozen folder and its smoke test only
    uv run --group packaging python packaging/build.py            # Windows: dist\\expo-desk\\ and the setup .exe

Nothing is packaged unless the frozen program passed its smoke test (``expo-desk --smoke-test``).
At the end it prints the build time and the sizes of the folder and of each package.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
from windows.version_info import project_version, version_tuple  # noqa: E402

IS_WINDOWS = sys.platform == "win32"
NAME = "expo-desk"
INSTALL_DIR = "/opt/expo-desk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


class BuildFailed(Exception):
    pass


def _say(text: str) -> None:
    print(f"build: {text}", flush=True)


def _run(command: list[str], **options) -> subprocess.CompletedProcess:
    _say("$ " + " ".join(str(part) for part in command))
    done = subprocess.run([str(part) for part in command], **options)
    if done.returncode != 0:
        raise BuildFailed(f"{Path(str(command[0])).name} failed with exit code {done.returncode}")
    return done


# ---------------------------------------------------------------- freezing


def freeze(dist: Path, work: Path) -> Path:
    _run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
          "--distpath", dist, "--workpath", work, ROOT / "packaging" / "expo_desk.spec"], cwd=ROOT)
    folder = dist / NAME
    removed = remove_broken_links(folder)
    if removed:
        _say(f"removed {len(removed)} link(s) to libraries left out: {', '.join(removed)}")
    return folder


def remove_broken_links(folder: Path) -> list[str]:
    """PyInstaller links Qt's libraries at the top of the bundle; those of the libraries the spec
    left out point nowhere."""
    removed = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and not path.exists():
            path.unlink()
            removed.append(path.name)
    return removed


def program(folder: Path) -> Path:
    """The command-line program of the folder (on Windows the console one, beside ExpoDesk.exe)."""
    return folder / (f"{NAME}.exe" if IS_WINDOWS else NAME)


def check_qt_links(folder: Path) -> int:
    """Every Qt library and plugin of the folder finds the Qt libraries it needs in the folder
    (what the spec left out must be what nothing kept needs). Linux only: ``ldd``."""
    if IS_WINDOWS or shutil.which("ldd") is None:
        return 0
    internal = folder / "_internal"
    checked, missing = 0, []
    for path in sorted((internal / "PySide6").rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        checked += 1
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                              env=dict(os.environ, LD_LIBRARY_PATH=str(internal)), check=False)
        for line in done.stdout.splitlines():
            if "not found" in line and "libQt6" in line:
                missing.append(f"{path.relative_to(folder)}: {line.split()[0]}")
    if missing:
        raise BuildFailed("Qt libraries missing from the folder: " + "; ".join(missing))
    return checked


def smoke_test(folder: Path, scratch: Path) -> None:
    """The frozen program checks itself; a failure stops the build before anything is packaged."""
    data_dir = scratch / "smoke"
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    _run([program(folder), "--smoke-test", "--data-dir", data_dir], env=env, cwd=scratch)


# ---------------------------------------------------------------- the .deb


def debian_version(version: str) -> str:
    """PEP 440 → Debian: '1.2.0rc1' → '1.2.0~rc1' (a pre-release sorts before the release)."""
    return re.sub(r"\.?(a|b|rc|dev)(\d+)", r"~\1\2", version)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def make_deb(folder: Path, dist: Path, work: Path, version: str) -> Path:
    """``/opt/expo-desk`` with the folder, ``/usr/bin/expo-desk``, the desktop entry and the icons."""
    root = work / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(folder, root / INSTALL_DIR.lstrip("/"), symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / NAME).symlink_to(posixpath.join(INSTALL_DIR, NAME))
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "linux" / f"{NAME}.desktop", applications / f"{NAME}.desktop")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        target = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icons / f"{NAME}-{size}.png", target / f"{NAME}.png")
    scalable = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / f"{NAME}.svg", scalable / f"{NAME}.svg")
    _normalise_modes(root)
    control_dir = root / "DEBIAN"
    control_dir.mkdir()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    template = (ROOT / "packaging" / "linux" / "control.in").read_text(encoding="utf-8")
    control = (template.replace("@VERSION@", debian_version(version)).replace("@ARCH@", arch)
               .replace("@INSTALLED_SIZE@", str((folder_size(root) + 1023) // 1024)))
    (control_dir / "control").write_text(control, encoding="utf-8")
    deb = dist / f"{NAME}_{debian_version(version)}_{arch}.deb"
    _run(["dpkg-deb", "--build", "--root-owner-group", "-Zxz", root, deb])
    return deb


def _normalise_modes(root: Path) -> None:
    """Folders 755, programs and libraries 755, everything else 644, whatever the umask was."""
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        executable = path.is_dir() or bool(path.stat().st_mode & 0o111)
        path.chmod(0o755 if executable else 0o644)


# ---------------------------------------------------------------- the Windows installer


def make_windows_installer(folder: Path, dist: Path, version: str) -> Path:
    makensis = shutil.which("makensis")
    if makensis is None:
        raise BuildFailed("makensis not found: install NSIS (https://nsis.sourceforge.io) or pass --skip-installer")
    numbers = ".".join(str(n) for n in version_tuple(version))
    out = dist / f"ExpoDesk-{version}-setup.exe"
    _run([makensis, "-V2", f"-DVERSION={version}", f"-DVERSION_NUMBERS={numbers}", f"-DPAYLOAD={folder}",
          f"-DOUTFILE={out}", f"-DICON={ROOT / 'resources' / 'icons' / 'expo-desk.ico'}",
          ROOT / "packaging" / "windows" / "expo-desk.nsi"])
    return out


# ---------------------------------------------------------------- all of it


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB ({size:,} bytes)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder and packages go (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "packaging", help="PyInstaller's work folder")
    parser.add_argument("--skip-deb", action="store_true", help="Linux: stop after the smoke test")
    parser.add_argument("--skip-installer", action="store_true", help="Windows: stop after the smoke test")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    version = project_version()
    begun = time.monotonic()
    try:
        _say(f"Expo Desk {version}: freezing")
        folder = freeze(dist, work)
        frozen_at = time.monotonic()
        checked = check_qt_links(folder)
        if checked:
            _say(f"{checked} Qt libraries and plugins find their Qt libraries in the folder")
        with tempfile.TemporaryDirectory(prefix="expo-desk-build-") as scratch:
            smoke_test(folder, Path(scratch))
        smoked_at = time.monotonic()
        packages = []
        if IS_WINDOWS and not args.skip_installer:
            packages.append(make_windows_installer(folder, dist, version))
        elif not IS_WINDOWS and not args.skip_deb:
            packages.append(make_deb(folder, dist, work, version))
    except BuildFailed as exc:
        print(f"build: FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    done_at = time.monotonic()
    _say(f"build time {done_at - begun:.0f} s (freeze {frozen_at - begun:.0f} s, smoke test "
         f"{smoked_at - frozen_at:.0f} s, packaging {done_at - smoked_at:.0f} s)")
    _say(f"folder {folder}: {_mb(folder_size(folder))}")
    for package in packages:
        _say(f"package {package}: {_mb(package.stat().st_size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
