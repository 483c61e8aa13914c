"""Helpers the tests share: the command line run as a script runs it, and spreadsheets written
as another program writes them (raw: not through ``services.tabular.write_table``, which
neutralises formulas and always writes a byte-order mark)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

import openpyxl

from expo_desk.cli import main


def run_cli(capsys, *argv: object) -> tuple[int, str, str]:
    """``expo-desk argv…``: the exit code and what it printed to stdout and stderr."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def write_csv(path: Path, header: Sequence, rows: Iterable[Sequence], encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, header: Sequence, rows: Iterable[Sequence], sheet_title: str = "Sheet") -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def signed_contract(db, sales: dict, numbers, on: str, who: str = "am1", exhibitor: str = "steel") -> str:
    """The id of a contract of ``who`` for ``exhibitor`` on the booths ``numbers`` of the
    ``sales`` fixture, made and signed on the day ``on``."""
    from expo_desk.services.contract_signing import sign_contract
    from expo_desk.services.contracts import create_contract

    cid = create_contract(db, sales[who], sales["show"]["id"], sales[exhibitor],
                          [sales["booths"][n] for n in numbers], today=on).inserted["contracts"][0]
    sign_contract(db, sales[who], cid, signed_on=on)
    return cid


def guarded_show_file(path: Path) -> Path:
    """A new show file (RZ2026) that requires sign-in: ``admin`` (password admin-pass-1) and
    the construction executor ``zhang`` (build-it-123)."""
    from expo_desk.domain.actors import local_actor
    from expo_desk.domain.enums import Role
    from expo_desk.services import users as user_service
    from expo_desk.store.db import open_database

    assert main(["new", str(path), "--show", "RZ2026", "--name", "2026日照国际博览会"]) == 0
    db = open_database(path)
    admin = local_actor()
    user_service.create_user(db, admin, "admin", "管理员", Role.ADMINISTRATOR, "admin-pass-1")
    user_service.create_user(db, admin, "zhang", "张执行", Role.CONSTRUCTION_EXECUTOR, "build-it-123")
    user_service.set_sign_in_required(db, admin, True)
    db.close()
    return path


def contents(db) -> dict[tuple[str, str], dict]:
    """Every row of the tables that travel between copies of a show, by (table, id)."""
    from expo_desk.domain.sync_rules import travels

    rows = {}
    for table in db.table_names():
        if travels(table) and not table.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")):
            for row in db[table].rows:
                rows[(table, row["id"] if "id" in row else row.get("key"))] = row
    return rows


def differing(a, b) -> set[tuple[str, str]]:
    """The rows (table, id) two copies do not hold alike."""
    left, right = contents(a), contents(b)
    return {key for key in left.keys() | right.keys() if left.get(key) != right.get(key)}


def executor_owns_a001(db, actor, sales: dict) -> None:
    """A-001 of the ``sales`` fixture signed to steel, and one construction executor
    (``sales["ce"]``, 孙师傅), who therefore owns the booth's construction tasks."""
    from expo_desk.domain.actors import Actor
    from expo_desk.domain.enums import Role
    from expo_desk.services import users

    uid = users.create_user(db, actor, "ce1", "孙师傅", Role.CONSTRUCTION_EXECUTOR).inserted["users"][0]
    sales["ce"] = Actor(uid, "孙师傅", Role.CONSTRUCTION_EXECUTOR)
    signed_contract(db, sales, ["A-001"], "2026-06-01")
