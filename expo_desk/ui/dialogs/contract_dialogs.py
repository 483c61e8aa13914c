"""Dialogs that shape a contract: a new one, booths, services, quantities and the discount.

Each dialog hands its values to one service call and stays open showing, under the field
it names, every problem the service found; nothing is changed until the service accepts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain import contracts as rules
from expo_desk.domain.money import format_fen, parse_yuan
from expo_desk.domain.permissions import Action, can
from expo_desk.domain.pricing import bp_text
from expo_desk.errors import Problem
from expo_desk.services import contracts as contract_service
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services import sales_terms
from expo_desk.ui.context import AppContext
from expo_desk.ui.floorplan.booth_item import status_label, type_label
from expo_desk.ui.formats import ui_money
from expo_desk.ui.widgets.field_form import FieldForm
from expo_desk.ui.widgets.tables import notice_label

MAX_LISTED = 300  # a search narrows longer lists


def date_edit(day: str | None = None) -> QDateEdit:
    """A calendar date shown as YYYY-MM-DD, today unless ``day`` is given."""
    edit = QDateEdit(QDate.fromString(day, "yyyy-MM-dd") if day else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def yuan_field(text: str, field: str, problems: list[Problem]) -> int | None:
    """What was typed as fen, or a problem naming ``field``."""
    try:
        fen = parse_yuan(text)
    except ValueError as exc:
        problems.append(Problem(field, f"金额无效 / not an amount: {exc}"))
        return None
    if fen is None:
        problems.append(Problem(field, "请填写金额 / enter the amount"))
    return fen


class ContractForm(FieldForm):
    """A field form on the open file, titled, wide enough for bilingual messages."""

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(title)
        self.setMinimumWidth(480)


class SearchList(QWidget):
    """A search box over a list; ticks (``multi``) or one selection survive a new search."""

    def __init__(self, source: Callable[[str], list[tuple[str, str]]], multi: bool, placeholder: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._source, self._multi = source, multi
        self._checked: dict[str, str] = {}
        self._selected: str | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(placeholder)
        self.list = QListWidget()
        self.list.setMinimumHeight(180)
        self.more = QLabel()
        self.more.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.list.itemChanged.connect(self._ticked)
        self.list.currentItemChanged.connect(self._current)

    def reload(self) -> None:
        self._timer.stop()
        items = self._source(self.search.text().strip())
        self.list.blockSignals(True)
        self.list.clear()
        for text, key in items[:MAX_LISTED]:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(text)
            if self._multi:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
            if key == self._selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        hidden = len(items) - min(len(items), MAX_LISTED)
        self.more.setText(self.tr("%n more: type to narrow the list", "", hidden) if hidden else "")
        self.more.setVisible(bool(hidden))

    def _ticked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._checked[key] = item.text()
        else:
            self._checked.pop(key, None)

    def _current(self, item: QListWidgetItem | None, _previous=None) -> None:
        self._selected = item.data(Qt.ItemDataRole.UserRole) if item else None

    def choose(self, text: str) -> bool:
        """Tick (or select) the listed item whose text starts with ``text``: for keyboard and tests."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text().startswith(text):
                if self._multi:
                    item.setCheckState(Qt.CheckState.Checked)
                self.list.setCurrentItem(item)
                return True
        return False

    def chosen(self) -> list[str]:
        return list(self._checked) if self._multi else ([self._selected] if self._selected else [])


def booth_source(context: AppContext, holder: Callable[[], str]) -> Callable[[str], list[tuple[str, str]]]:
    """The show's booths a contract may take: available, or reserved for its own exhibitor."""

    def matching(text: str) -> list[tuple[str, str]]:
        found = []
        for b in contract_service.booths_for_sale(context.db, context.show["id"], holder(), text, MAX_LISTED + 1):
            size = f"{b['width_cm'] / 100:g} m × {b['depth_cm'] / 100:g} m"
            found.append((f"{b['number']}   {b['hall_code']} · {size} · {type_label(b['booth_type'])}"
                          f" · {status_label(b['status'])}", b["id"]))
        return found

    return matching


class NewContractDialog(ContractForm):
    """Pick the exhibitor and the booths; the draft is priced by the show's rules and holds them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, self.tr("New contract"), parent)
        self.setMinimumSize(620, 520)
        self.contract_id: str | None = None
        self._names: dict[str, str] = {}
        self.exhibitor = SearchList(self._exhibitors, False, self.tr("Search company…"))
        self.booths = SearchList(booth_source(context, self._exhibitor_name), True, self.tr("Booth number…"))
        self.add_field("exhibitor", self.tr("Exhibitor"), self.exhibitor, "exhibitor_id")
        self.add_field("booths", self.tr("Booths"), self.booths, "booth")
        self.exhibitor.list.currentItemChanged.connect(lambda *_a: self.booths.reload())
        self.finish_layout(notice_label(self.tr("The booths are held for the exhibitor while the contract is "
                                                "a draft; prices follow the show's rules until it is signed.")))
        self.exhibitor.reload()
        self.booths.reload()
        self.exhibitor.search.setFocus()

    def _exhibitors(self, text: str) -> list[tuple[str, str]]:
        ctx = self._context
        mine = None if can(ctx.actor, Action.EDIT_ANY_EXHIBITOR) else ctx.actor.user_id
        rows = exhibitor_service.search_exhibitors(ctx.db, ctx.show["id"], text, limit=MAX_LISTED + 1, manager_id=mine)
        self._names.update({r["id"]: r["company_name"] for r in rows})
        return [(f"{r['company_name']}  {r['company_name_en'] or ''}".strip(), r["id"]) for r in rows]

    def _exhibitor_name(self) -> str:
        chosen = self.exhibitor.chosen()
        return self._names.get(chosen[0], "") if chosen else ""

    def save(self) -> None:
        chosen = self.exhibitor.chosen()
        problems = [] if chosen else [Problem("exhibitor", "请选择展商 / choose the exhibitor")]
        ctx = self._context
        self.run(lambda: contract_service.create_contract(ctx.db, ctx.actor, ctx.show["id"], chosen[0],
                                                          self.booths.chosen()), problems)
        if self.changes:
            self.contract_id = self.changes.inserted["contracts"][0]


class AddBoothDialog(ContractForm):
    def __init__(self, context: AppContext, detail: dict, parent: QWidget | None = None):
        super().__init__(context, self.tr("Add booth to %1").replace("%1", detail["contract"]["number"]), parent)
        self._contract_id = detail["contract"]["id"]
        holder = (detail.get("exhibitor") or {}).get("company_name", "")
        self.booth = SearchList(booth_source(context, lambda: holder), False, self.tr("Booth number…"))
        self.add_field("booth", self.tr("Booth"), self.booth)
        self.finish_layout()
        self.booth.reload()

    def save(self) -> None:
        chosen = self.booth.chosen()
        problems = [] if chosen else [Problem("booth", "请选择展位 / choose the booth")]
        ctx = self._context
        self.run(lambda: contract_service.add_booth(ctx.db, ctx.actor, self._contract_id, chosen[0]), problems)


class AddServiceDialog(ContractForm):
    """A service from the show's catalogue, at its price today (kept on the line)."""

    def __init__(self, context: AppContext, detail: dict, parent: QWidget | None = None):
        super().__init__(context, self.tr("Add service to %1").replace("%1", detail["contract"]["number"]), parent)
        self._contract_id = detail["contract"]["id"]
        self.service = QComboBox()
        for item in sales_terms.list_services(context.db, context.show["id"]):
            name = " / ".join(t for t in (item["name"], item["name_en"]) if t)
            unit = f" / {item['unit']}" if item["unit"] else ""
            self.service.addItem(f"{item['code']}  {name} — {ui_money(item['unit_price_fen'])}{unit}", item["id"])
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 100_000)
        self.add_field("service", self.tr("Service"), self.service, "service_item_id")
        self.add_field("quantity", self.tr("Quantity"), self.quantity)
        extra = []
        if self.service.count() == 0:
            extra.append(notice_label(self.tr("The show's service catalogue is empty: add services under "
                                              "Sales terms and services…")))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.finish_layout(*extra)

    def save(self) -> None:
        ctx = self._context
        self.run(lambda: contract_service.add_service(ctx.db, ctx.actor, self._contract_id,
                                                      self.service.currentData(), self.quantity.value()))


class QuantityDialog(ContractForm):
    """How many of an ordered service; 0 takes the line off the contract."""

    def __init__(self, context: AppContext, detail: dict, line_id: str | None = None, parent: QWidget | None = None):
        super().__init__(context, self.tr("Change quantity"), parent)
        self.line = QComboBox()
        self._quantities: dict[str, int] = {}
        for line in detail["lines"]:
            if line["kind"] == "service":
                self.line.addItem(f"{line['description']} × {line['quantity']}", line["id"])
                self._quantities[line["id"]] = line["quantity"]
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 100_000)
        self.quantity.setSpecialValueText(self.tr("0 (remove the line)"))
        self.line.currentIndexChanged.connect(
            lambda _i: self.quantity.setValue(self._quantities.get(self.line.currentData(), 1)))
        self.add_field("line", self.tr("Service"), self.line)
        self.add_field("quantity", self.tr("Quantity"), self.quantity)
        if line_id is not None and self.line.findData(line_id) >= 0:
            self.line.setCurrentIndex(self.line.findData(line_id))
        self.quantity.setValue(self._quantities.get(self.line.currentData(), 1))
        self.finish_layout()

    def save(self) -> None:
        ctx = self._context
        line_id = self.line.currentData()
        problems = [] if line_id else [Problem("line", "合同上没有服务 / the contract has no service")]
        self.run(lambda: contract_service.set_service_quantity(ctx.db, ctx.actor, line_id, self.quantity.value()),
                 problems)


class DiscountDialog(ContractForm):
    """The discount in yuan with its reason; says where approval starts before anyone saves."""

    def __init__(self, context: AppContext, detail: dict, parent: QWidget | None = None):
        super().__init__(context, self.tr("Discount on %1").replace("%1", detail["contract"]["number"]), parent)
        self._contract_id = detail["contract"]["id"]
        self._booth_price = detail["totals"].booth_price_fen
        self._threshold = detail["terms"]["discount_threshold_bp"]
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 5000 or 0.5万; 0 takes the discount back"))
        if detail["totals"].discount_fen:
            self.amount.setText(format_fen(-detail["totals"].discount_fen, symbol=""))
        self.reason = QLineEdit(detail["contract"].get("discount_reason") or "")
        self.add_field("discount", self.tr("Discount (yuan)"), self.amount)
        self.add_field("discount_reason", self.tr("Reason"), self.reason)
        self.limit = QLabel(self.tr("Up to %1 (%2 of the booth price %3) an account manager gives alone; above it "
                                    "the department manager must approve before the contract is signed.")
                            .replace("%1", ui_money(detail["discount_limit_fen"]))
                            .replace("%2", bp_text(self._threshold)).replace("%3", ui_money(self._booth_price)))
        self.limit.setObjectName("limit")
        self.limit.setWordWrap(True)
        self.hint = notice_label("")
        self.hint.setObjectName("approval_hint")
        self.amount.textChanged.connect(self._update_hint)
        self.finish_layout(self.limit, self.hint)
        self._update_hint()

    def _update_hint(self) -> None:
        try:
            fen = parse_yuan(self.amount.text()) or 0
        except ValueError:
            fen = 0
        waits = rules.discount_needs_approval(fen, self._booth_price, self._threshold)
        self.hint.setText(self.tr("This discount will wait for the department manager's approval.") if waits else "")
        self.hint.setVisible(waits)

    def save(self) -> None:
        problems: list[Problem] = []
        fen = 0 if not self.amount.text().strip() else yuan_field(self.amount.text(), "discount", problems)
        ctx = self._context
        self.run(lambda: contract_service.set_discount(ctx.db, ctx.actor, self._contract_id, fen,
                                                       self.reason.text()), problems)
