"""The exchange file: one changeset and what a receiver must know about it.

A zip holding ``meta.json`` (who, when, from which copy, the schema version, the files the
sender had applied, the conflict choices made there) and ``changes.bin`` (the changeset
exactly as SQLite's session extension wrote it). Written to a temporary name and renamed,
so a reader on a shared folder or a USB stick never sees half a file.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from expo_desk.errors import UserError

SUFFIX = ".expochanges"
FORMAT = 1
BASE_SUFFIX = ".sync-base"


def base_file(path: Path) -> Path:
    """Where a copy keeps the state it last exchanged: beside the file."""
    return Path(path).with_name(Path(path).name + BASE_SUFFIX)


@dataclass
class ExchangeFile:
    """A changeset file's description (``meta.json``) and, once read, its changes."""

    file_id: str
    replica_id: str
    replica_name: str
    seq: int
    previous: str | None
    made_at: str
    made_by_id: str | None
    made_by_name: str
    schema_version: int
    after: dict[str, str] = field(default_factory=dict)  # origin copy → last file applied from it
    settled: list[dict] = field(default_factory=list)
    changes: int = 0
    path: Path | None = None

    def file_name(self) -> str:
        stamp = self.made_at[:19].replace("-", "").replace(":", "").replace("T", "-")
        return f"{stamp}-{self.replica_id[:8]}-{self.seq:05d}-{self.file_id[:8]}{SUFFIX}"

    def meta(self) -> dict:
        values = dict(self.__dict__)
        values.pop("path")
        return {"format": FORMAT, **values}


def write(folder: Path, exchange: ExchangeFile, changeset: bytes) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: 文件夹不存在 / folder not found")
    dest = folder / exchange.file_name()
    tmp = dest.with_name(dest.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("meta.json", json.dumps(exchange.meta(), ensure_ascii=False, indent=1))
            archive.writestr("changes.bin", changeset)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"{dest}: 无法写入变更文件 / cannot write the changes file: {exc.strerror or exc}") from exc
    exchange.path = dest
    return dest


def read_meta(path: Path) -> ExchangeFile:
    """The description of an exchange file; ``UserError`` naming the file when it is not one."""
    try:
        with zipfile.ZipFile(path) as archive:
            meta = json.loads(archive.read("meta.json").decode("utf-8"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise UserError(f"{path}: 不是 Expo Desk 变更文件 / not an Expo Desk changes file ({exc})") from exc
    if meta.get("format") != FORMAT:
        raise UserError(f"{path}: 变更文件格式 {meta.get('format')} 不受支持 / changes file format not supported")
    meta.pop("format")
    try:
        exchange = ExchangeFile(**meta)
    except TypeError as exc:
        raise UserError(f"{path}: 变更文件内容不全 / the changes file is incomplete ({exc})") from exc
    exchange.path = Path(path)
    return exchange


def read_changes(exchange: ExchangeFile) -> bytes:
    try:
        with zipfile.ZipFile(exchange.path) as archive:
            return archive.read("changes.bin")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise UserError(f"{exchange.path}: 无法读取变更 / cannot read the changes ({exc})") from exc


def found_in(folder: Path) -> tuple[list[ExchangeFile], list[str]]:
    """The exchange files in a folder, oldest first, and a problem line per unreadable one."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: 文件夹不存在 / folder not found")
    found, problems = [], []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            found.append(read_meta(path))
        except UserError as exc:
            problems.append(str(exc))
    found.sort(key=lambda f: (f.made_at, f.replica_id, f.seq))
    return found, problems
