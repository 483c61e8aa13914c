"""Sell the selected booths from the plan: pick the exhibitor, see the price, sign now or hold."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.services.exhibitors import search_exhibitors


class SellDialog(QDialog):
    """``values()`` gives (exhibitor id, signing date or None for a draft)."""

    def __init__(self, context, numbers: list[str], price_lines: list[str], parent=None):
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("Sell booths"))
        self.setMinimumWidth(640)
        self.search = QLineEdit()
        self.search.setObjectName("sell_search")
        self.search.setPlaceholderText(self.tr("Type part of the exhibitor's name"))
        self.search.setClearButtonEnabled(True)
        self.exhibitors = QListWidget()
        self.exhibitors.setObjectName("sell_exhibitors")
        self.exhibitors.setMinimumHeight(160)
        self.sign_now = QCheckBox(self.tr("Sign the contract now"))
        self.sign_now.setObjectName("sell_sign_now")
        self.signed_on = QDateEdit()
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("yyyy-MM-dd")
        self.signed_on.setDate(QDate.currentDate())
        self.signed_on.setEnabled(False)
        self.sign_now.toggled.connect(self.signed_on.setEnabled)
        shown = ", ".join(numbers[:8]) + ("…" if len(numbers) > 8 else "")
        prices = QLabel("\n".join(price_lines))
        prices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Booths"), QLabel(shown))
        form.addRow(self.tr("Price today"), prices)
        form.addRow(self.tr("Exhibitor"), self.search)
        form.addRow("", self.exhibitors)
        form.addRow(self.sign_now, self.signed_on)
        note = QLabel(self.tr("Without signing, a draft contract holds the booths for the show's hold period."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sell"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(self.buttons)
        self.search.textChanged.connect(self._fill)
        self.exhibitors.currentRowChanged.connect(lambda _r: self._update_ok())
        self.exhibitors.itemDoubleClicked.connect(lambda _i: self.accept())
        self._fill("")

    def _fill(self, text: str) -> None:
        """The show's exhibitors matching the text (an account manager's own only)."""
        ctx = self._context
        mine = None if can(ctx.actor, Action.EDIT_ANY_EXHIBITOR) else ctx.actor.user_id
        self.exhibitors.clear()
        for row in search_exhibitors(ctx.db, ctx.show["id"], text, limit=200, manager_id=mine):
            label = row["company_name"] + (f"  ({row['company_name_en']})" if row.get("company_name_en") else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.exhibitors.addItem(item)
        if self.exhibitors.count() == 1:
            self.exhibitors.setCurrentRow(0)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.exhibitors.currentItem() is not None)

    def choose(self, exhibitor_id: str) -> bool:
        for row in range(self.exhibitors.count()):
            if self.exhibitors.item(row).data(Qt.ItemDataRole.UserRole) == exhibitor_id:
                self.exhibitors.setCurrentRow(row)
                return True
        return False

    def values(self) -> tuple[str, str | None]:
        item = self.exhibitors.currentItem()
        signed = self.signed_on.date().toString("yyyy-MM-dd") if self.sign_now.isChecked() else None
        return item.data(Qt.ItemDataRole.UserRole), signed
