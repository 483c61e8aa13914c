"""Keep the Chinese translations in step with the code (the Qt Linguist workflow).

    uv run python tools/translations.py update          # every tr() of expo_desk/ into the .ts
    uv run python tools/translations.py compile OUTDIR  # each .ts into OUTDIR/<name>.qm
    uv run python tools/translations.py check           # what is missing or unfinished; exit 1 if any

``update`` keeps every translation already made (strings gone from the code stay as
"vanished" so a string that comes back finds its translation). Translate with
``uv run pyside6-linguist resources/translations/expo_desk_zh_CN.ts`` and mark each
string finished. Compiled ``.qm`` files are build outputs: a wheel gets them from
``hatch_build.py``, a frozen build from ``compile`` (put them in ``expo_desk/translations/``),
and a run from the source tree compiles the ``.ts`` into its cache folder by itself.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # also runs in a wheel's build environment, where expo_desk is not installed
    sys.path.insert(0, str(ROOT))

from expo_desk.ui.i18n import TS_FILE, compile_ts, qt_tool  # noqa: E402

SOURCES = [ROOT / "expo_desk"]
GONE = ("vanished", "obsolete")


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    comment: str = ""

    def __str__(self) -> str:
        where = f"{self.context} ({self.comment})" if self.comment else self.context
        return f"{where}: {self.source!r}"


@dataclass
class Findings:
    missing: list[Message] = field(default_factory=list)
    unfinished: list[Message] = field(default_factory=list)
    total: int = 0

    def __bool__(self) -> bool:
        return bool(self.missing or self.unfinished)


def read_ts(path: Path) -> dict[Message, str]:
    """Each message of a .ts with its state: 'finished', 'unfinished', 'vanished' or 'obsolete'."""
    messages: dict[Message, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = Message(name, message.findtext("source", ""), message.findtext("comment", ""))
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            texts = [translation.text or ""] if translation is not None else [""]
            if translation is not None and message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.iter("numerusform")] or [""]
            if kind in GONE:
                messages[key] = kind
            else:
                messages[key] = "unfinished" if kind == "unfinished" or not all(texts) else "finished"
    return messages


def lupdate(sources: list[Path], ts_file: Path, quiet: bool = False) -> None:
    """Merge every translatable string of ``sources`` into ``ts_file`` (made if missing)."""
    tool = qt_tool("lupdate")
    if tool is None:
        raise SystemExit("lupdate not found (it comes with PySide6: uv sync)")
    command = [str(tool), "-extensions", "py", "-locations", "relative",
               *[str(s) for s in sources], "-ts", str(ts_file)]
    done = subprocess.run(command, cwd=ROOT, capture_output=quiet, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"lupdate failed: {(done.stderr or done.stdout or '').strip()}")


def check(ts_file: Path, sources: list[Path]) -> Findings:
    """Run lupdate on a copy of ``ts_file``: what the code asks for that the file lacks,
    and what the file has but nobody finished translating."""
    current = read_ts(ts_file) if ts_file.is_file() else {}
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / ts_file.name  # the same name: lupdate reads the language from it
        if ts_file.is_file():
            shutil.copyfile(ts_file, copy)
        lupdate(sources, copy, quiet=True)
        wanted = read_ts(copy)
    findings = Findings()
    for message, state in sorted(wanted.items()):
        if state in GONE:
            continue
        findings.total += 1
        if current.get(message, "vanished") in GONE:
            findings.missing.append(message)
        elif current[message] == "unfinished":
            findings.unfinished.append(message)
    return findings


def compile_all(folder: Path, out_dir: Path) -> list[Path]:
    """Each .ts of ``folder`` compiled into ``out_dir``; the .qm files made."""
    made = []
    for ts_file in sorted(folder.glob("*.ts")):
        qm_file = out_dir / f"{ts_file.stem}.qm"
        compile_ts(ts_file, qm_file)
        made.append(qm_file)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE, help="the .ts file (default: %(default)s)")
    parser.add_argument("--sources", type=Path, action="append", help="a folder or file to scan, repeatable "
                        "(default: expo_desk/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="refresh the .ts from the code, keeping every translation")
    compile_parser = commands.add_parser("compile", help="compile the .ts files next to --ts into OUTDIR")
    compile_parser.add_argument("out_dir", type=Path, metavar="OUTDIR")
    commands.add_parser("check", help="list missing and unfinished strings; exit 1 if there are any")
    args = parser.parse_args(argv)
    sources = args.sources or SOURCES

    if args.command == "update":
        args.ts.parent.mkdir(parents=True, exist_ok=True)
        lupdate(sources, args.ts)
        return 0
    if args.command == "compile":
        for qm_file in compile_all(args.ts.parent, args.out_dir):
            print(qm_file)
        return 0
    findings = check(args.ts, sources)
    for message in findings.missing:
        print(f"missing: {message}")
    for message in findings.unfinished:
        print(f"unfinished: {message}")
    print(f"{findings.total} strings: {len(findings.missing)} missing from {args.ts.name}, "
          f"{len(findings.unfinished)} unfinished")
    if findings.missing:
        print("Run `uv run python tools/translations.py update`, then translate in Qt Linguist.")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
