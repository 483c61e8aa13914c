"""The Contracts page: a sale from first draft to fully paid, and the show's receivables.

The list and the detail pane show figures the services computed (``contract_detail``,
``receivables``); every action is one service call whose refusal is shown and changes
nothing. Buttons are greyed out when the signed-in role may not act; the services decide.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.contracts import STATUS_NAMES
from expo_desk.domain.enums import Role
from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.reports.contract_docs import render_contract_documents
from expo_desk.services import contracts as contract_service
from expo_desk.services.changes import ChangeSet
from expo_desk.services.contract_documents import contract_documents
from expo_desk.services.contract_view import contract_detail, list_contracts
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs import contract_dialogs as dialogs
from expo_desk.ui.dialogs.payment_dialog import CancelDialog, PaymentDialog, SignDialog
from expo_desk.ui.dialogs.sales_terms_dialog import SalesTermsDialog
from expo_desk.ui.language import pick
from expo_desk.ui.models.contract_table_model import ContractTableModel
from expo_desk.ui.widgets.contract_detail import ContractDetail
from expo_desk.ui.widgets.follow_changes import FollowChanges
from expo_desk.ui.widgets.list_page import SearchBox, may_change_owned, paged_table, select_row
from expo_desk.ui.widgets.receivables_view import ReceivablesView

_WATCHED = ("contracts", "contract_lines", "payments", "payment_schedule", "booths", "exhibitors", "users",
            "show_terms", "service_items")
_ALL_ROWS = 10_000_000
# (key, text, shortcut): the order of the buttons and of the context menu
_ACTIONS = (
    ("new", QT_TRANSLATE_NOOP("ContractsPage", "&New contract…"), "Ctrl+N"),
    ("add_booth", QT_TRANSLATE_NOOP("ContractsPage", "Add &booth…"), "Ctrl+B"),
    ("remove_booth", QT_TRANSLATE_NOOP("ContractsPage", "&Remove booth"), ""),
    ("reprice", QT_TRANSLATE_NOOP("ContractsPage", "Re&price draft"), ""),
    ("add_service", QT_TRANSLATE_NOOP("ContractsPage", "Add ser&vice…"), "Ctrl+Shift+A"),
    ("quantity", QT_TRANSLATE_NOOP("ContractsPage", "Change &quantity…"), ""),
    ("discount", QT_TRANSLATE_NOOP("ContractsPage", "&Discount…"), "Ctrl+D"),
    ("approve", QT_TRANSLATE_NOOP("ContractsPage", "&Approve discount"), ""),
    ("sign", QT_TRANSLATE_NOOP("ContractsPage", "&Sign…"), "Ctrl+Shift+S"),
    ("payment", QT_TRANSLATE_NOOP("ContractsPage", "Record &payment…"), "Ctrl+Shift+P"),
    ("refund", QT_TRANSLATE_NOOP("ContractsPage", "Re&fund…"), ""),
    ("cancel", QT_TRANSLATE_NOOP("ContractsPage", "&Cancel contract…"), ""),
    ("documents", QT_TRANSLATE_NOOP("ContractsPage", "Print d&ocuments…"), "Ctrl+P"),
)
_LANGUAGES = (("both", QT_TRANSLATE_NOOP("ContractsPage", "Chinese and English")),
              ("zh", QT_TRANSLATE_NOOP("ContractsPage", "Chinese")),
              ("en", QT_TRANSLATE_NOOP("ContractsPage", "English")))
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def _translated(text: str) -> str:
    return QCoreApplication.translate("ContractsPage", text)


def _without_mnemonic(text: str) -> str:
    """'新建合同(&N)…' -> '新建合同…', '&New contract…' -> 'New contract…': for tooltips."""
    return _MNEMONIC.sub("", text)


class ContractsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._selected_id: str | None = None
        self._detail: dict | None = None

        self.search_box = SearchBox(self.tr("Search contract number, exhibitor, booth… (Ctrl+F)"))
        self.search_box.setObjectName("contract_search")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status, (zh, en) in STATUS_NAMES.items():
            self.status_filter.addItem(pick(zh, en), status)
        self.mine_only = QCheckBox(self.tr("&Mine only"))
        self.mine_only.setObjectName("mine_only")
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.terms_button = QToolButton()
        self.terms_button.setText(self.tr("Sales &terms and services…"))
        self.terms_button.clicked.connect(self.edit_terms)

        self.model = ContractTableModel(self)
        self.table = paged_table(self.model, "contracts", (100, 150, 76, 118, 92, 88, 92, 64), 0)
        self.table.setSortingEnabled(False)  # listed by number, in SQL
        self.table.setColumnWidth(1, 170)  # the exhibitor: wide enough for a Chinese company name
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_row(current.row()))

        self.actions: dict[str, QAction] = {}
        buttons = QGridLayout()
        buttons.setSpacing(4)
        made: list[QToolButton] = []
        for key, text, keys in _ACTIONS:
            action = QAction(_translated(text), self)
            action.setObjectName(f"action_{key}")
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.setToolTip(f"{_without_mnemonic(_translated(text))} ({keys})")
            action.triggered.connect(getattr(self, f"do_{key}"))
            self.addAction(action)
            self.actions[key] = action
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(f"button_{key}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            made.append(button)
        # every label whole: four to a row, or three when the language's words are long
        widest = max(button.sizeHint().width() for button in made)
        per_row = 4 if widest * 4 <= 560 else 3
        for n, button in enumerate(made):
            button.setMinimumWidth(widest)
            buttons.addWidget(button, n // per_row, n % per_row)
        self.detail = ContractDetail()
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(4, 0, 0, 0)
        side.addLayout(buttons)
        side.addWidget(self.detail, 1)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.mine_only)
        top.addWidget(self.count_label)
        top.addWidget(self.terms_button)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([800, 580])
        contracts_tab = QWidget()
        box = QVBoxLayout(contracts_tab)
        box.setContentsMargins(0, 4, 0, 0)
        box.addLayout(top)
        box.addWidget(self.splitter, 1)
        self.receivables = ReceivablesView()
        self.receivables.open_contract.connect(self.open_contract)
        self.receivables.overdue_only.toggled.connect(lambda _on: self._load_receivables())
        self.tabs = QTabWidget()
        self.tabs.addTab(contracts_tab, self.tr("Contracts"))
        self.tabs.addTab(self.receivables, self.tr("Receivables"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.search_box.settled.connect(self.refresh)
        self.search_box.returnPressed.connect(self.table.setFocus)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.mine_only.toggled.connect(lambda _on: self.refresh())
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box, self.search_box.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)

        # a large show's list costs a moment: read while shown, a hidden page catches up when shown
        self.follow = FollowChanges(self, self.refresh, 0, context.database_changed)
        context.data_changed.connect(self._on_data_changed)
        context.actor_changed.connect(self._actor_changed)
        self._actor_changed()

    # -- loading -----------------------------------------------------------------------
    def _actor_changed(self) -> None:
        """An account manager starts with their own contracts; others with everyone's."""
        self.mine_only.blockSignals(True)
        self.mine_only.setChecked(self._context.actor.role == Role.ACCOUNT_MANAGER)
        self.mine_only.setEnabled(self._context.actor.user_id is not None)
        self.mine_only.blockSignals(False)
        self.follow.changed()

    def _manager_filter(self) -> str | None:
        return self._context.actor.user_id if self.mine_only.isChecked() else None

    def refresh(self) -> None:
        """Ask the services again, keeping the selected contract when it still matches."""
        self.follow.fresh()
        self.search_box.forget_pending()
        ctx = self._context
        ready = ctx.db is not None and ctx.show is not None
        for widget in (self.search_box, self.status_filter, self.table, self.terms_button, self.receivables):
            widget.setEnabled(ready)
        if not ready:
            self.model.set_rows([], 0)
            self.count_label.setText("")
            self._load_receivables()
            self._show_row(-1)
            return
        show_id, manager = ctx.show["id"], self._manager_filter()
        rows = list_contracts(ctx.db, show_id, status=self.status_filter.currentData(), manager_id=manager,
                              search=self.search_box.text(), limit=_ALL_ROWS)
        self.model.set_rows(rows, len(rows))
        self.count_label.setText(self.tr("%n contract(s)", "", len(rows)))
        self._load_receivables()
        self._reselect()

    def _load_receivables(self) -> None:
        ctx = self._context
        self.receivables.load(ctx.db, (ctx.show or {}).get("id"), self._manager_filter())

    def _reselect(self) -> None:
        row = self.model.row_of(self._selected_id) if self._selected_id else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            select_row(self.table, row)
        else:
            self.table.clearSelection()
        self._show_row(row)

    def _show_row(self, row: int) -> None:
        record = self.model.row_at(row)
        self._selected_id = record["id"] if record else None
        self._detail = None
        if record is not None:
            try:
                self._detail = contract_detail(self._context.db, record["id"])
            except UserError:
                self._detail = None
        self.detail.show_detail(self._detail)
        self._update_actions()

    def _update_actions(self) -> None:
        ctx, detail = self._context, self._detail
        ready = ctx.db is not None and ctx.show is not None
        self.actions["new"].setEnabled(ready and can(ctx.actor, Action.EDIT_CONTRACTS))
        contract = (detail or {}).get("contract") or {}
        status = contract.get("status")
        mine = bool(contract) and can(ctx.actor, Action.EDIT_CONTRACTS) and may_change_owned(
            ctx.actor, contract.get("account_manager_id"))
        open_ = mine and status != "cancelled"
        has_services = any(line["kind"] == "service" for line in (detail or {}).get("lines", []))
        enabled = {
            "add_booth": open_, "add_service": open_, "discount": open_, "cancel": open_,
            "remove_booth": open_ and bool((detail or {}).get("booths")),
            "quantity": open_ and has_services,
            "reprice": open_ and status == "draft", "sign": open_ and status == "draft",
            "approve": bool(detail) and can(ctx.actor, Action.APPROVE_DISCOUNTS) and detail["discount_waiting"],
            "payment": mine and status not in (None, "draft"),
            "refund": mine and status not in (None, "draft") and (detail or {}).get("paid_fen", 0) > 0,
            "documents": bool(detail),
        }
        for key, on in enabled.items():
            self.actions[key].setEnabled(bool(on))

    def _on_data_changed(self, changes: ChangeSet) -> None:
        if any(changes.touches(t) for t in _WATCHED):
            self.follow.changed()

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_box.focus_all()

    def _context_menu(self, position) -> None:
        menu = QMenu(self)
        for key, _text, _keys in _ACTIONS:
            menu.addAction(self.actions[key])
        menu.exec(self.table.viewport().mapToGlobal(position))

    def open_contract(self, contract_id: str) -> None:
        """Show one contract in the list, clearing filters that would hide it."""
        self.tabs.setCurrentIndex(0)
        self._selected_id = contract_id
        if self.model.row_of(contract_id) < 0:
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
            self.status_filter.blockSignals(True)
            self.status_filter.setCurrentIndex(0)
            self.status_filter.blockSignals(False)
            self.refresh()
        else:
            self._reselect()

    def selected_detail(self) -> dict | None:
        return self._detail

    # -- actions -----------------------------------------------------------------------
    def _run_dialog(self, dialog) -> bool:
        if dialog.exec() and dialog.changes:
            self._context.announce(dialog.changes)
            return True
        return False

    def _call(self, title: str, call) -> None:
        """A use case without a form: its refusal in a message box, nothing changed."""
        try:
            changes = call()
        except UserError as exc:
            QMessageBox.warning(self, title, str(exc))
            return
        self._context.announce(changes)

    def do_new(self) -> None:
        if not self.actions["new"].isEnabled():
            return
        dialog = dialogs.NewContractDialog(self._context, self)
        if dialog.exec() and dialog.changes:
            self._selected_id = dialog.contract_id
            self._context.announce(dialog.changes)

    def do_add_booth(self) -> None:
        if self.actions["add_booth"].isEnabled():
            self._run_dialog(dialogs.AddBoothDialog(self._context, self._detail, self))

    def do_remove_booth(self) -> None:
        if not self.actions["remove_booth"].isEnabled():
            return
        booths = self._detail["booths"]
        line = self.detail.selected_line()
        chosen = next((b for b in booths if line and b["id"] == line["booth_id"]), None)
        if chosen is None and len(booths) == 1:
            chosen = booths[0]
        if chosen is None:
            number, ok = QInputDialog.getItem(self, self.tr("Remove booth"), self.tr("Booth"),
                                              [b["number"] for b in booths], 0, False)
            chosen = next((b for b in booths if b["number"] == number), None) if ok else None
        if chosen is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove booth"), self.tr(
            "Take booth %1 off contract %2? It becomes available again.").replace("%1", chosen["number"])
            .replace("%2", self._detail["contract"]["number"]))
        if answer == QMessageBox.StandardButton.Yes:
            ctx = self._context
            self._call(self.tr("Cannot remove the booth"),
                       lambda: contract_service.remove_booth(ctx.db, ctx.actor, self._selected_id, chosen["id"]))

    def do_reprice(self) -> None:
        if self.actions["reprice"].isEnabled():
            ctx = self._context
            self._call(self.tr("Cannot reprice"), lambda: contract_service.reprice(ctx.db, ctx.actor, self._selected_id))

    def do_add_service(self) -> None:
        if self.actions["add_service"].isEnabled():
            self._run_dialog(dialogs.AddServiceDialog(self._context, self._detail, self))

    def do_quantity(self) -> None:
        if self.actions["quantity"].isEnabled():
            line = self.detail.selected_line()
            self._run_dialog(dialogs.QuantityDialog(self._context, self._detail, line["id"] if line else None, self))

    def do_discount(self) -> None:
        if self.actions["discount"].isEnabled():
            self._run_dialog(dialogs.DiscountDialog(self._context, self._detail, self))

    def do_approve(self) -> None:
        if self.actions["approve"].isEnabled():
            ctx = self._context
            self._call(self.tr("Cannot approve"),
                       lambda: contract_service.approve_discount(ctx.db, ctx.actor, self._selected_id))

    def do_sign(self) -> None:
        if self.actions["sign"].isEnabled():
            self._run_dialog(SignDialog(self._context, self._detail, self))

    def do_payment(self) -> None:
        if self.actions["payment"].isEnabled():
            self._run_dialog(PaymentDialog(self._context, self._detail, False, self))

    def do_refund(self) -> None:
        if self.actions["refund"].isEnabled():
            self._run_dialog(PaymentDialog(self._context, self._detail, True, self))

    def do_cancel(self) -> None:
        if self.actions["cancel"].isEnabled():
            self._run_dialog(CancelDialog(self._context, self._detail, self))

    def do_documents(self) -> None:
        """Booth confirmation, contract summary and payment statement as one PDF."""
        if not self.actions["documents"].isEnabled():
            return
        labels = [_translated(label) for _code, label in _LANGUAGES]
        label, ok = QInputDialog.getItem(self, self.tr("Print documents"), self.tr("Language"), labels, 0, False)
        if not ok:
            return
        language = _LANGUAGES[labels.index(label)][0]
        number = self._detail["contract"]["number"]
        start = str((self._context.db_path or Path.home()).parent / f"{number}-{language}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the documents as"), start, self.tr("PDF (*.pdf)"))
        if path:
            self.write_documents(Path(path), language)

    def write_documents(self, path: Path, language: str = "both") -> bool:
        """Write the selected contract's documents; a refusal is shown and nothing is written."""
        try:
            data = contract_documents(self._context.db, self._detail["contract"]["id"], language)
            render_contract_documents(data, path)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Print documents"), str(exc))
            return False
        return True

    def edit_terms(self) -> None:
        if self._context.show is not None:
            SalesTermsDialog(self._context, self).exec()  # it tells the pages what it changed
