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
