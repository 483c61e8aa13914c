"""Import payments from a bank statement or a collections sheet: check every row, then record all or none.

Headers in Chinese or English (合同号/contract_no, 日期/paid_on, 金额/amount, 方式/method,
流水号/reference, 原因/reason). Amounts in yuan, negative for a refund; the method by its
Chinese or English name (empty = bank transfer). Every row goes through
``services.payments.record_payment`` inside one transaction, so its rules apply as for a
payment typed in (a draft contract takes no money, a refund needs a reason …); a row
that breaks one is named ``FILE:ROW:COLUMN`` and nothing at all is recorded. A payment
already recorded (same contract, date, amount and reference) is skipped and listed, so a
statement can be imported again after new lines were added; the same payment twice in
the file is a problem.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.contracts import PAYMENT_METHODS
from expo_desk.domain.money import format_fen, parse_yuan
from expo_desk.domain.permissions import Action, require
from expo_desk.errors import UserError, ValidationError
from expo_desk.services.backups import BEFORE_IMPORT, backup_before
from expo_desk.services.changes import ChangeSet
from expo_desk.services.exhibitor_import import ImportResult
from expo_desk.services.headers import Column, Sheet, fold, header_lookup
from expo_desk.services.payments import record_payment
from expo_desk.services.tabular import RowProgress, is_blank, read_table, spreadsheet_day
from expo_desk.store import contracts as contract_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

COLUMNS: tuple[Column, ...] = (
    Column("contract_no", "合同号", "contract_no", required=True,
           aliases=("合同编号", "合同", "contract", "contract_number")),
    Column("paid_on", "日期", "paid_on", required=True, aliases=("付款日期", "收款日期", "到账日期", "date")),
    Column("amount", "金额", "amount", required=True,
           aliases=("金额(元)", "付款金额", "收款金额", "amount_yuan", "amount(yuan)", "amount(CNY)")),
    Column("method", "方式", "method", aliases=("付款方式", "收款方式", "payment_method")),
    Column("reference", "流水号", "reference", aliases=("银行流水号", "交易流水号", "凭证号", "reference_no", "ref")),
    Column("reason", "原因", "reason", aliases=("退款原因", "refund_reason")),
)
BY_KEY = {c.key: c for c in COLUMNS}
_HEADERS = header_lookup(COLUMNS)
# What record_payment names a field, as the sheet's column.
_FIELD_COLUMN = {"paid_on": "paid_on", "amount": "amount", "method": "method", "reason": "reason"}

METHOD_WORDS = {fold(word): key for key, names in PAYMENT_METHODS.items() for word in (key, *names)}
METHOD_WORDS.update({fold(w): "bank_transfer" for w in ("转账", "银行汇款", "汇款", "电汇", "transfer", "bank")})
METHOD_WORDS.update({fold("微信"): "wechat"})


def column_for_header(text: str) -> str | None:
    """The column a header means ('合同号', 'Contract No', '金额 amount'), or None."""
    return _HEADERS.get(fold(text or ""))


def payment_method(text: str) -> str | None:
    """'微信支付', 'WeChat Pay', 'wechat' -> 'wechat'; empty -> bank transfer; None when unknown."""
    return METHOD_WORDS.get(fold(text)) if text.strip() else "bank_transfer"


@dataclass
class PaymentImportResult(ImportResult):
    recorded_fen: int = 0  # net of refunds


@dataclass
class _Payment:
    number: int
    contract: dict
    paid_on: str
    amount_fen: int
    method: str
    reference: str
    reason: str

    @property
    def key(self) -> tuple:
        return self.contract["id"], self.paid_on, self.amount_fen, self.reference

    def __str__(self) -> str:
        reference = f" {self.reference}" if self.reference else ""
        return f"{self.contract['number']} {self.paid_on} {format_fen(self.amount_fen)}{reference}"


class _Sheet(Sheet):
    """The payment columns of a table; ``read_row`` checks one row against them."""

    def read_row(self, db: Database, show_id: str, number: int, cells: list[object]) -> _Payment | None:
        before = len(self.found)
        self.check_unheaded(number, cells)
        values = {c.key: self.text(cells, c.key) for c in self.columns}
        for column in self.columns:
            if column.required and not values[column.key]:
                self.at(number, column.key, "必填 / required")
        contract = None
        if values["contract_no"]:
            contract = contract_store.contract_by_number(db, show_id, values["contract_no"])
            if contract is None:
                self.at(number, "contract_no", f"本届展会没有合同 {values['contract_no']} / no contract "
                                               f"{values['contract_no']} in this show")
        paid_on = spreadsheet_day(values["paid_on"]) if values["paid_on"] else None
        if values["paid_on"] and paid_on is None:
            self.at(number, "paid_on", f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{values['paid_on']}'")
        amount = None
        try:
            amount = parse_yuan(values["amount"])
        except ValueError:
            self.at(number, "amount", f"金额应以元为单位，最多两位小数 / the amount must be in yuan with at most two "
                                      f"decimals: '{values['amount']}'")
        method = payment_method(values["method"])
        if method is None:
            known = "、".join(zh for zh, _en in PAYMENT_METHODS.values())
            self.at(number, "method", f"未知的付款方式 / unknown payment method: '{values['method']}' "
                                      f"(known: {known})")
        if len(self.found) > before or contract is None or paid_on is None or amount is None:
            return None
        return _Payment(number, contract, paid_on, amount, method, values["reference"], values["reason"])


def _recorded_keys(db: Database, contract: dict, cache: dict[str, set]) -> set:
    if contract["id"] not in cache:
        cache[contract["id"]] = {(p["contract_id"], p["paid_on"], p["amount_fen"], p["reference"].strip())
                                 for p in contract_store.payments(db, contract["id"])}
    return cache[contract["id"]]


def _record(db: Database, actor: Actor, sheet: _Sheet, payments: list[_Payment], result: PaymentImportResult,
            tick: Callable[[], None]) -> None:
    """Record every payment in the caller's transaction; what the payment rules refuse goes on ``sheet``."""
    for payment in payments:
        tick()
        try:
            result.changes.merge(record_payment(
                db, actor, payment.contract["id"], payment.amount_fen, paid_on=payment.paid_on,
                method=payment.method, reference=payment.reference, reason=payment.reason))
        except ValidationError as exc:
            for p in exc.problems:
                sheet.at(payment.number, _FIELD_COLUMN.get(p.field, "contract_no"), p.message)
            continue
        except UserError as exc:  # a draft or cancelled contract, another manager's contract
            sheet.at(payment.number, "contract_no", str(exc))
            continue
        result.created += 1
        result.recorded_fen += payment.amount_fen


class _Rollback(Exception):
    """Ends the import's transaction without keeping anything (problems found, or a dry run)."""


def import_payments(db: Database, actor: Actor, show_id: str, path: Path | str, *, dry_run: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    should_cancel: Callable[[], bool] | None = None,
                    backup_dir: Path | None = None) -> PaymentImportResult:
    """Record the payments of an .xlsx or .csv file against the show's contracts, all or none.

    Raises UserError when the file cannot be read and ImportCancelled when
    ``should_cancel()`` says so; a file with bad rows returns a result with problems.
    A dry run checks every row against the payment rules too, and keeps nothing.
    """
    require(actor, Action.EDIT_CONTRACTS)
    sheet = _Sheet(os.fspath(path), read_table(path), COLUMNS)
    counter = RowProgress(len(sheet.table.rows) * 2, progress, should_cancel)
    counter.check_cancel()
    result = PaymentImportResult(dry_run=dry_run)
    if not sheet.map_header():
        result.problems = sheet.problems
        return result
    payments: list[_Payment] = []
    first_row: dict[tuple, int] = {}
    recorded: dict[str, set] = {}
    for number, cells in sheet.table.rows:
        counter.tick()
        if all(is_blank(v) for v in cells):
            continue
        payment = sheet.read_row(db, show_id, number, cells)
        if payment is None:
            continue
        if payment.key in first_row:
            sheet.at(number, "reference", f"与第 {first_row[payment.key]} 行是同一笔付款 / the same payment as row "
                                          f"{first_row[payment.key]}: {payment}")
        elif payment.key in _recorded_keys(db, payment.contract, recorded):
            result.skipped_duplicates.append(f"{payment} (row {number})")
        else:
            payments.append(payment)
        first_row.setdefault(payment.key, number)
    if not sheet.found and payments and not dry_run:
        backup_before(db, BEFORE_IMPORT, backup_dir)  # a verified copy first
    counter.done = len(sheet.table.rows)
    try:
        with transaction(db):
            _record(db, actor, sheet, payments, result, counter.tick)
            if sheet.found or dry_run:
                raise _Rollback()
    except _Rollback:
        pass
    if sheet.found:
        return PaymentImportResult(problems=sheet.problems, dry_run=dry_run)
    if dry_run:
        result.changes = ChangeSet()
    counter.finish()
    return result
