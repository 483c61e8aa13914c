"""The moments money changes: signing (the plan it makes), a payment or refund, cancelling (the fee).

Each shows the figures the services give before the person confirms, and stays open with
the services' reasons when they refuse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from expo_desk.domain import contracts as rules
from expo_desk.domain.pricing import bp_text
from expo_desk.errors import Problem, UserError
from expo_desk.services import payments
from expo_desk.services.contract_signing import cancel_contract, cancellation_quote, sign_contract, signing_preview
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.contract_dialogs import ContractForm, date_edit, iso, yuan_field
from expo_desk.ui.formats import ui_date, ui_money
from expo_desk.ui.language import pick
from expo_desk.ui.widgets.contract_detail import fit_table_height, instalment_label
from expo_desk.ui.widgets.error_label import ERROR_STYLE
from expo_desk.ui.widgets.file_field import FileField
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table


class SignDialog(ContractForm):
    """The signing date, and the payment plan signing on that date will make."""

    def __init__(self, context: AppContext, detail: dict, parent: QWidget | None = None):
        number = detail["contract"]["number"]
        super().__init__(context, self.tr("Sign %1").replace("%1", number), parent)
        self.setMinimumWidth(560)
        self._detail = detail
        self.signed_on = date_edit()
        self.add_field("signed_on", self.tr("Signed on"), self.signed_on)
        self.total = QLabel()
        self.total.setObjectName("sign_total")
        self.total.setWordWrap(True)
        self.plan = record_table([self.tr("Instalment"), self.tr("Due on"), self.tr("Amount")], stretch=0,
                                 name="plan")
        extra: list[QWidget] = [self.total, self.plan, notice_label(self.tr(
            "The booths are priced again on the signing date and frozen; if that changes the total, the plan "
            "follows it."))]
        if detail["discount_waiting"]:
            warning = QLabel(self.tr("The discount is above the approval limit: the department manager must "
                                     "approve it before the contract can be signed."))
            warning.setObjectName("discount_warning")
            warning.setWordWrap(True)
            warning.setStyleSheet(ERROR_STYLE)
            extra.append(warning)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Sign"))
        self.signed_on.dateChanged.connect(lambda _d: self._update_plan())
        self.finish_layout(*extra)
        self._update_plan()

    def _update_plan(self) -> None:
        terms = self._detail["terms"]
        try:
            preview = signing_preview(self._context.db, self._context.actor, self._detail["contract"]["id"],
                                      iso(self.signed_on))
        except UserError as exc:
            self.total.setText(str(exc))
            fill_table(self.plan, [])
            return
        total, plan = preview["total_fen"], preview["plan"]
        self.total.setText(self.tr("Total %1 — deposit %2, due %3 day(s) after signing; balance due %4.")
                           .replace("%1", ui_money(total)).replace("%2", bp_text(terms["deposit_bp"]))
                           .replace("%3", str(terms["deposit_due_days"]))
                           .replace("%4", ui_date(terms["balance_due"]) or self.tr("(no date: the show has no opening date)")))
        fill_table(self.plan, [[instalment_label(i.label), ui_date(i.due_on), ui_money(i.amount_fen)] for i in plan])
        for r in range(self.plan.rowCount()):
            self.plan.item(r, 2).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fit_table_height(self.plan, 2)

    def save(self) -> None:
        ctx = self._context
        self.run(lambda: sign_contract(ctx.db, ctx.actor, self._detail["contract"]["id"], iso(self.signed_on)))


class PaymentDialog(ContractForm):
    """Money received, or with ``refund`` money paid back (entered positive, with a reason)."""

    def __init__(self, context: AppContext, detail: dict, refund: bool = False, parent: QWidget | None = None):
        number = detail["contract"]["number"]
        title = self.tr("Refund on %1") if refund else self.tr("Record payment on %1")
        super().__init__(context, title.replace("%1", number), parent)
        self._contract_id, self._refund = detail["contract"]["id"], refund
        self.paid_on = date_edit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 32340 or 3.234万"))
        self.method = QComboBox()
        for key, (zh, en) in rules.PAYMENT_METHODS.items():
            self.method.addItem(pick(zh, en), key)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("bank reference, receipt number…"))
        self.reason = QLineEdit()
        self.proof_field = FileField(context.settings, "folders/proofs", self.tr("Proof of payment"),
                                     self.tr("Scans and documents (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
                                     "choose_proof", self.tr("optional: a scan or photo of the transfer"))
        self.proof = self.proof_field.edit
        self.add_field("paid_on", self.tr("Date"), self.paid_on)
        self.add_field("amount", self.tr("Refund (yuan)") if refund else self.tr("Amount (yuan)"), self.amount)
        self.add_field("method", self.tr("Method"), self.method)
        self.add_field("reference", self.tr("Reference"), self.reference)
        if refund:
            self.add_field("reason", self.tr("Reason"), self.reason)
        else:
            self.add_field("proof_path", self.tr("Proof"), self.proof_field)
        facts = QLabel(self.tr("Paid so far %1 · balance %2").replace("%1", ui_money(detail["paid_fen"]))
                       .replace("%2", ui_money(detail["balance_fen"])))
        facts.setObjectName("payment_facts")
        self.finish_layout(facts)


    def save(self) -> None:
        problems: list[Problem] = []
        fen = yuan_field(self.amount.text(), "amount", problems)
        if fen is not None and fen <= 0:
            problems.append(Problem("amount", "金额应大于零 / the amount must be more than zero"))
        ctx = self._context
        signed = -fen if self._refund and fen else fen
        self.run(lambda: payments.record_payment(
            ctx.db, ctx.actor, self._contract_id, signed, paid_on=iso(self.paid_on), method=self.method.currentData(),
            reference=self.reference.text(), proof_path=self.proof.text().strip(), reason=self.reason.text()),
            problems)


class CancelDialog(ContractForm):
    """The cancellation date and reason; the fee from the show's schedule is shown before confirming."""

    def __init__(self, context: AppContext, detail: dict, parent: QWidget | None = None):
        number = detail["contract"]["number"]
        super().__init__(context, self.tr("Cancel contract %1").replace("%1", number), parent)
        self._contract_id = detail["contract"]["id"]
        self.cancelled_on = date_edit()
        self.reason = QLineEdit()
        self.add_field("cancelled_on", self.tr("Cancelled on"), self.cancelled_on)
        self.add_field("cancel_reason", self.tr("Reason"), self.reason)
        self.quote = QLabel()
        self.quote.setObjectName("fee")
        self.quote.setWordWrap(True)
        self.quote.setStyleSheet("font-weight: bold;")
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Cancel the contract"))
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Keep it"))
        self.cancelled_on.dateChanged.connect(lambda _d: self._update_quote())
        self.finish_layout(self.quote, notice_label(self.tr("The booths become available again.")))
        self._update_quote()

    def _update_quote(self) -> None:
        try:
            quote = cancellation_quote(self._context.db, self._contract_id, iso(self.cancelled_on))
        except UserError as exc:
            self.quote.setText(str(exc))
            return
        days = quote["days_before_opening"]
        if days is None:
            when = ""
        elif days >= 0:
            when = self.tr(" (%n day(s) before the opening)", "", days)
        else:  # the show has opened: Qt writes no %n for a negative count
            when = self.tr(" (%n day(s) after the opening)", "", -days)
        text = self.tr("Cancellation fee: %1 — %2 of the total%3.").replace(
            "%1", ui_money(quote["fee_fen"])).replace("%2", bp_text(quote["fee_bp"])).replace("%3", when)
        text += "\n" + self.tr("Paid so far %1.").replace("%1", ui_money(quote["paid_fen"]))
        if quote["refund_fen"]:
            text += " " + self.tr("To pay back: %1.").replace("%1", ui_money(quote["refund_fen"]))
        if quote["owed_fen"]:
            text += " " + self.tr("Still owed by the exhibitor: %1.").replace("%1", ui_money(quote["owed_fen"]))
        self.quote.setText(text)

    def save(self) -> None:
        ctx = self._context
        self.run(lambda: cancel_contract(ctx.db, ctx.actor, self._contract_id, iso(self.cancelled_on),
                                         self.reason.text()))
