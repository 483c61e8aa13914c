"""A show's contracts and its receivables to .xlsx or .csv, with Chinese or English headers.

Money is in yuan, exact to the fen (numbers with two decimals in .xlsx, text in .csv), the
same way the exhibitor export writes it; text a spreadsheet would run as a formula (a
company called ``=HYPERLINK(…)``) is neutralised by ``services.tabular``. The contract
number column reads back into the payment import.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.contracts import STATUS_NAMES
from expo_desk.errors import UserError
from expo_desk.services.contract_view import list_contracts
from expo_desk.services.headers import Column
from expo_desk.services.payments import receivables
from expo_desk.services.tabular import YUAN_FORMAT, check_suffix, write_table, yuan_cell

if TYPE_CHECKING:
    from expo_desk.store.db import Database

LANGUAGES = ("zh", "en")

_NUMBER = Column("number", "合同号", "contract_no")  # the payment import reads it back
_EXHIBITOR = Column("exhibitor", "展商", "exhibitor")
_MANAGER = Column("manager", "客户经理", "account_manager")
CONTRACT_COLUMNS: tuple[Column, ...] = (
    _NUMBER, _EXHIBITOR,
    Column("booths", "展位", "booths"),
    Column("status", "状态", "status"),
    Column("total_fen", "合同金额", "total"),
    Column("paid_fen", "已付", "paid"),
    Column("balance_fen", "余额", "balance"),
    _MANAGER,
    Column("signed_on", "签约日期", "signed_on"),
)
RECEIVABLE_COLUMNS: tuple[Column, ...] = (
    _NUMBER, _EXHIBITOR, _MANAGER,
    Column("due_fen", "应收", "due"),
    Column("paid_fen", "已收", "paid"),
    Column("outstanding_fen", "未收", "outstanding"),
    Column("overdue_fen", "逾期金额", "overdue"),
    Column("days_overdue", "逾期天数", "days_overdue"),
    Column("next_due_on", "下次到期", "next_due_on"),
)


def _language(lang: str) -> int:
    """0 for Chinese, 1 for English (the index into the zh / en name pairs)."""
    if lang not in LANGUAGES:
        raise UserError(f"语言应为 zh 或 en / the language must be zh or en: '{lang}'")
    return LANGUAGES.index(lang)


def _exhibitor(row: dict, index: int) -> str:
    return (row.get("company_name_en") or row["company_name"]) if index else row["company_name"]


def _write(path: Path | str, columns: tuple[Column, ...], records: Iterable[dict], index: int, title: str) -> int:
    as_number = check_suffix(path) == ".xlsx"
    money = [i for i, c in enumerate(columns) if c.key.endswith("_fen")]
    rows = ([yuan_cell(record[c.key], as_number=as_number) if i in money else record[c.key]
             for i, c in enumerate(columns)] for record in records)
    header = [c.en if index else c.zh for c in columns]
    return write_table(path, header, rows, sheet_title=title, number_formats=dict.fromkeys(money, YUAN_FORMAT))


def contract_rows(db: Database, show_id: str, lang: str = "zh") -> list[dict]:
    """Every contract of the show by number: what the export writes (money in fen).

    The balance is what is still to pay: the total less what was paid, or for a cancelled
    contract its cancellation fee less what was paid (negative when money is owed back).
    """
    index = _language(lang)
    found = []
    for c in list_contracts(db, show_id):
        found.append({"number": c["number"], "exhibitor": _exhibitor(c, index), "booths": c["booth_numbers"] or "",
                      "status": STATUS_NAMES[c["status"]][index], "total_fen": c["total_fen"],
                      "paid_fen": c["paid_fen"], "balance_fen": c["balance_fen"], "manager": c["manager_name"] or "",
                      "signed_on": c["signed_on"] or ""})
    return found


def export_contracts(db: Database, show_id: str, path: Path | str, *, lang: str = "zh") -> int:
    """Write the show's contracts (number, exhibitor, booths, status, total, paid, balance,
    manager, signing date) to ``path``; returns the rows written."""
    index = _language(lang)
    return _write(path, CONTRACT_COLUMNS, contract_rows(db, show_id, lang), index, ("合同", "Contracts")[index])


def export_receivables(db: Database, show_id: str, path: Path | str, *, lang: str = "zh",
                       today: str | _dt.date | None = None) -> int:
    """Write what is still owed on the show's contracts, longest overdue first (as
    ``services.payments.receivables`` orders them); returns the rows written."""
    index = _language(lang)
    rows = [{**r, "exhibitor": _exhibitor(r, index), "manager": r["manager_name"] or "",
             "next_due_on": r["next_due_on"] or ""} for r in receivables(db, show_id, today)["rows"]]
    return _write(path, RECEIVABLE_COLUMNS, rows, index, ("应收款", "Receivables")[index])
