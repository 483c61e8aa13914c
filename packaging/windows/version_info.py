"""The Windows version resource of the .exe files (Properties ▸ Details), from ``expo_desk.__version__``.

Written in PyInstaller's version-file format (a ``VSVersionInfo(...)`` expression), which its
EXE reads on Windows only; the spec writes one per .exe into the build folder. Kept as text,
not PyInstaller's classes, because those need ``pefile``, which PyInstaller installs only on
Windows. ``python packaging/windows/version_info.py [NAME.exe]`` prints it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCT = "Expo Desk"
DESCRIPTION = "Expo Desk 展会管理"
COPYRIGHT = "Apache License 2.0"
# Simplified Chinese and US English, both Unicode (code page 1200 = 0x04B0).
TABLES = ("080404B0", "040904B0")


def project_version() -> str:
    """``__version__`` read from the source, without importing the package."""
    text = (ROOT / "expo_desk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if found is None:
        raise SystemExit("expo_desk/__init__.py: no __version__")
    return found.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' → (1, 2, 3, 0); a suffix such as 'rc1' or '.dev2' is dropped (Windows takes four numbers)."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(part) for part in release.group(0).split(".")[:4]] if release else []
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_file_text(version: str, exe_name: str) -> str:
    numbers = version_tuple(version)
    strings = {
        "CompanyName": PRODUCT,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name.removesuffix(".exe"),
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": exe_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    structs = ",\n          ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    tables = ",\n      ".join(f"StringTable({table!r}, [\n          {structs}])" for table in TABLES)
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      {tables}]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200, 0x0409, 1200])])
  ]
)
"""


def write_version_file(folder: Path, exe_name: str, version: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"version-{exe_name.removesuffix('.exe')}.txt"
    path.write_text(version_file_text(version or project_version(), exe_name), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(version_file_text(project_version(), sys.argv[1] if len(sys.argv) > 1 else "ExpoDesk.exe"))
