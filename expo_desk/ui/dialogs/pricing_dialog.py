"""Settings ▸ Pricing rules: the show's price list, its edits, and a quote preview.

Everyone may read the rules and try a quote; only a department manager or an
administrator adds, changes or deletes rules (the services refuse anyone else too).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.money import format_fen, parse_yuan
from expo_desk.domain.permissions import Action, can
from expo_desk.domain.pricing import KIND_NAMES, OPEN_SIDES_NAMES, OpenSides, RuleKind, bp_text
from expo_desk.errors import UserError, ValidationError
from expo_desk.services import pricing as pricing_service
from expo_desk.ui.context import AppContext
from expo_desk.ui.formats import ui_date, ui_money
from expo_desk.ui.language import pick, pick_pair
from expo_desk.ui.widgets.error_label import ERROR_STYLE, ErrorLabel
from expo_desk.ui.widgets.tables import NOTICE_STYLE, notice_label, record_table


def _kind_name(kind: str) -> str:
    return pick_pair(KIND_NAMES[RuleKind(kind)])


def _sides_name(sides: str) -> str:
    return pick_pair(OPEN_SIDES_NAMES[OpenSides(sides)])


def _percent_text(bp: int | None) -> str:
    return "" if bp is None else bp_text(bp).rstrip("%")


def _parse_percent(text: str) -> int | None:
    """'10' or '12.5' (per cent) as basis points; ValueError for anything else."""
    text = text.strip().rstrip("%").strip()
    if not text:
        return None
    try:
        value = Decimal(text) * 100
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or value != value.to_integral_value():
        raise ValueError(text)
    return int(value)


class RuleFormDialog(QDialog):
    """Add a rule (``rule`` None) or edit one; the services check it and name what is wrong."""

    def __init__(self, context: AppContext, show_id: str, rule: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._show_id, self._rule = context, show_id, rule
        self.changes = None
        rule = rule or {}
        self.setWindowTitle(self.tr("Edit pricing rule") if self._rule else self.tr("New pricing rule"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in RuleKind:
            self.kind.addItem(_kind_name(kind), str(kind))
        self.kind.setCurrentIndex(max(0, self.kind.findData(rule.get("kind", RuleKind.SHELL_BASE))))
        self.label = QLineEdit(rule.get("label") or "")
        self.label.setObjectName("label")
        self.label_en = QLineEdit(rule.get("label_en") or "")
        self.label_en.setObjectName("label_en")
        self.booth_type = QComboBox()
        self.booth_type.setObjectName("booth_type")
        for value, text in (("", self.tr("any type")), ("shell", self.tr("shell scheme")),
                            ("raw", self.tr("raw space"))):
            self.booth_type.addItem(text, value)
        self.booth_type.setCurrentIndex(max(0, self.booth_type.findData(rule.get("booth_type") or "")))
        self.amount = QLineEdit("" if rule.get("amount_fen") is None else format_fen(rule["amount_fen"], ""))
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 9800 or 980"))
        self.percent = QLineEdit(_percent_text(rule.get("percent_bp")))
        self.percent.setObjectName("percent")
        self.percent.setPlaceholderText(self.tr("per cent, e.g. 10 or 12.5"))
        self.min_area = QLineEdit("" if rule.get("min_area_m2") is None else str(rule["min_area_m2"]))
        self.min_area.setObjectName("min_area")
        self.area_from = QLineEdit("" if rule.get("area_from_m2") is None else str(rule["area_from_m2"]))
        self.area_from.setObjectName("area_from")
        self.area_to = QLineEdit("" if rule.get("area_to_m2") is None else str(rule["area_to_m2"]))
        self.area_to.setObjectName("area_to")
        self.open_sides = QComboBox()
        self.open_sides.setObjectName("open_sides")
        self.open_sides.addItem(self.tr("(none)"), "")
        for sides in OpenSides:
            self.open_sides.addItem(_sides_name(sides), str(sides))
        self.open_sides.setCurrentIndex(max(0, self.open_sides.findData(rule.get("open_sides") or "")))
        self.effective_from = QLineEdit(rule.get("effective_from") or "")
        self.effective_from.setObjectName("effective_from")
        self.effective_to = QLineEdit(rule.get("effective_to") or "")
        self.effective_to.setObjectName("effective_to")
        for edit in (self.effective_from, self.effective_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD, empty = open"))
        self.sort_order = QSpinBox()
        self.sort_order.setObjectName("sort_order")
        self.sort_order.setRange(-1_000_000, 1_000_000)
        self.sort_order.setValue(rule.get("sort_order") or 0)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Label (Chinese)"), self.label)
        form.addRow(self.tr("Label (English)"), self.label_en)
        form.addRow(self.tr("Booth type"), self.booth_type)
        form.addRow(self.tr("Amount (¥)"), self.amount)
        form.addRow(self.tr("Percentage (%)"), self.percent)
        form.addRow(self.tr("Minimum area (m²)"), self.min_area)
        form.addRow(self.tr("Band from (m²)"), self.area_from)
        form.addRow(self.tr("Band to (m²)"), self.area_to)
        form.addRow(self.tr("Open sides"), self.open_sides)
        form.addRow(self.tr("In force from"), self.effective_from)
        form.addRow(self.tr("In force until"), self.effective_to)
        form.addRow(self.tr("Order"), self.sort_order)
        self.help = QLabel()
        self.help.setObjectName("help")
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #555;")
        form.addRow(self.help)
        self.errors = ErrorLabel()
        form.addRow(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(self._explain)
        self._explain()

    def _explain(self) -> None:
        texts = {
            RuleKind.SHELL_BASE: self.tr("Amount: price of one standard 3 m × 3 m (9 m²) booth; larger booths pay "
                                         "pro rata (18 m² = 2 booths). Minimum area: 9 m² unless set."),
            RuleKind.RAW_BASE: self.tr("Amount: price per m². Minimum area: the least area charged (often 36 m²)."),
            RuleKind.AREA_BAND: self.tr("Raw space m² between 'from' and 'to' (empty = no end) pay the amount per m² "
                                        "instead of the base price, or the base price less the percentage."),
            RuleKind.OPEN_SIDES: self.tr("Added for a booth with these open sides: a percentage of the space price "
                                         "or a flat amount."),
            RuleKind.EARLY_BIRD: self.tr("Taken off when the quote date is on or before 'until': a percentage or a "
                                         "flat amount. Overlapping early birds: the largest applies."),
            RuleKind.LATE_SURCHARGE: self.tr("Added when the quote date is on or after 'from': a percentage or a "
                                             "flat amount. Overlapping surcharges: the largest applies."),
        }
        self.help.setText(texts[RuleKind(self.kind.currentData())])

    def values(self) -> dict:
        """What the form says, in stored units; ValueError naming the field when a number is unreadable."""
        try:
            amount = parse_yuan(self.amount.text())
        except ValueError:
            raise ValueError(self.tr("The amount is not a number.")) from None
        try:
            percent = _parse_percent(self.percent.text())
        except ValueError:
            raise ValueError(self.tr("The percentage is not a number (two decimals at most).")) from None
        return {
            "kind": self.kind.currentData(), "label": self.label.text(), "label_en": self.label_en.text(),
            "booth_type": self.booth_type.currentData(), "amount_fen": amount, "percent_bp": percent,
            "min_area_m2": self.min_area.text(), "area_from_m2": self.area_from.text(),
            "area_to_m2": self.area_to.text(), "open_sides": self.open_sides.currentData(),
            "effective_from": self.effective_from.text().strip() or None,
            "effective_to": self.effective_to.text().strip() or None, "sort_order": self.sort_order.value(),
        }

    def save(self) -> None:
        db, actor = self._context.db, self._context.actor
        try:
            values = self.values()
            if self._rule is None:
                self.changes = pricing_service.add_rule(db, actor, self._show_id, values)
            else:
                self.changes = pricing_service.update_rule(db, actor, self._rule["id"], values)
        except ValidationError as exc:
            self.errors.show_message("\n".join(p.message for p in exc.problems))
            return
        except (UserError, ValueError) as exc:
            self.errors.show_message(str(exc))
            return
        self.accept()


class PricingDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._rules: list[dict] = []
        show = context.show or {}
        self._show_id = show.get("id")
        self.setWindowTitle(self.tr("Pricing rules — %1").replace("%1", show.get("code", "")))
        self.resize(920, 640)
        layout = QVBoxLayout(self)
        editor = can(context.actor, Action.EDIT_BOOTHS)
        if not editor:
            layout.addWidget(notice_label(self.tr("Only a department manager or an administrator changes "
                                                  "pricing rules. You may try quotes.")))
        self.table = record_table([self.tr("Kind"), self.tr("Label"), self.tr("Applies to"),
                                              self.tr("Price"), self.tr("Dates")], stretch=1, name="rules")
        self.table.doubleClicked.connect(lambda _i: self.edit_rule())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add rule…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.defaults_button = QPushButton(self.tr("Use the &default price list"))
        for button, slot in ((self.add_button, self.add_rule), (self.edit_button, self.edit_rule),
                             (self.delete_button, self.delete_rule), (self.defaults_button, self.add_defaults)):
            button.clicked.connect(slot)
            button.setEnabled(editor and self._show_id is not None)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self._quote_box(), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._editor = editor
        self.refresh()

    # ------------------------------------------------------------ quote preview
    def _quote_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quote a booth"))
        outer = QVBoxLayout(box)
        inputs = QHBoxLayout()
        self.q_type = QComboBox()
        self.q_type.setObjectName("quote_type")
        self.q_type.addItem(self.tr("shell scheme"), "shell")
        self.q_type.addItem(self.tr("raw space"), "raw")
        self.q_width = QDoubleSpinBox()
        self.q_depth = QDoubleSpinBox()
        for spin, name in ((self.q_width, "quote_width"), (self.q_depth, "quote_depth")):
            spin.setObjectName(name)
            spin.setRange(0.0, 1000.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.setValue(3.0)
            spin.setSuffix(" m")
        self.q_sides = QComboBox()
        self.q_sides.setObjectName("quote_sides")
        for sides in OpenSides:
            self.q_sides.addItem(_sides_name(sides), str(sides))
        self.q_date = QDateEdit(QDate.currentDate())
        self.q_date.setObjectName("quote_date")
        self.q_date.setCalendarPopup(True)
        self.q_date.setDisplayFormat("yyyy-MM-dd")
        for text, widget in ((self.tr("Type"), self.q_type), (self.tr("Width"), self.q_width),
                             (self.tr("Depth"), self.q_depth), (self.tr("Open sides"), self.q_sides),
                             (self.tr("Date"), self.q_date)):
            inputs.addWidget(QLabel(text))
            inputs.addWidget(widget)
        inputs.addStretch(1)
        outer.addLayout(inputs)
        self.terms = QTableWidget(0, 3)
        self.terms.setObjectName("terms")
        self.terms.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Basis"), self.tr("Amount")])
        self.terms.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.terms.verticalHeader().hide()
        t_header = self.terms.horizontalHeader()
        t_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        outer.addWidget(self.terms, 1)
        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addWidget(self.total)
        self.quote_errors = ErrorLabel()
        self.quote_errors.setObjectName("quote_errors")
        outer.addWidget(self.quote_errors)
        self.q_type.currentIndexChanged.connect(self.update_quote)
        self.q_sides.currentIndexChanged.connect(self.update_quote)
        self.q_width.valueChanged.connect(self.update_quote)
        self.q_depth.valueChanged.connect(self.update_quote)
        self.q_date.dateChanged.connect(self.update_quote)
        return box

    def update_quote(self) -> None:
        self.terms.setRowCount(0)
        self.total.setText("")
        self.quote_errors.setStyleSheet(ERROR_STYLE)
        self.quote_errors.show_message("")
        if self._show_id is None:
            return
        rules = pricing_service.show_rules(self._context.db, self._show_id)
        width = round(Decimal(str(self.q_width.value())) * 100)
        depth = round(Decimal(str(self.q_depth.value())) * 100)
        try:
            quote = pricing_service.quote_rules(rules, self.q_type.currentData(), int(width), int(depth),
                                                self.q_sides.currentData(), self.q_date.date().toString("yyyy-MM-dd"))
        except UserError as exc:
            self.quote_errors.show_message(str(exc))
            return
        self.terms.setRowCount(len(quote.terms))
        for r, term in enumerate(quote.terms):
            amount = QTableWidgetItem(ui_money(term.amount_fen))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.terms.setItem(r, 0, QTableWidgetItem(pick(term.label, term.label_en)))
            self.terms.setItem(r, 1, QTableWidgetItem(pick(term.basis, term.basis_en)))
            self.terms.setItem(r, 2, amount)
        self.total.setText(self.tr("Total: %1").replace("%1", ui_money(quote.total_fen)))
        if quote.notes:
            self.quote_errors.setStyleSheet(NOTICE_STYLE)
            self.quote_errors.show_message("\n".join(quote.notes))

    # ------------------------------------------------------------ the rules
    def _applies_to(self, rule: dict) -> str:
        parts = []
        if rule["booth_type"]:
            parts.append(self.tr("shell scheme") if rule["booth_type"] == "shell" else self.tr("raw space"))
        if rule["open_sides"]:
            parts.append(_sides_name(rule["open_sides"]))
        if rule["kind"] == RuleKind.AREA_BAND:
            end = "∞" if rule["area_to_m2"] is None else str(rule["area_to_m2"])
            parts.append(f"{rule['area_from_m2']}–{end} m²")
        if rule["min_area_m2"]:
            parts.append(self.tr("at least %1 m²").replace("%1", str(rule["min_area_m2"])))
        return ", ".join(parts) or self.tr("every booth")

    def _price_text(self, rule: dict) -> str:
        kind = RuleKind(rule["kind"])
        if kind in (RuleKind.OPEN_SIDES, RuleKind.LATE_SURCHARGE):
            sign = "+"
        elif kind == RuleKind.EARLY_BIRD or (kind == RuleKind.AREA_BAND and rule["percent_bp"] is not None):
            sign = "−"
        else:
            sign = ""
        if rule["percent_bp"] is not None:
            return f"{sign}{bp_text(rule['percent_bp'])}"
        unit = {RuleKind.SHELL_BASE: self.tr(" per 9 m² booth"), RuleKind.RAW_BASE: self.tr(" per m²"),
                RuleKind.AREA_BAND: self.tr(" per m²")}.get(RuleKind(kind), "")
        return f"{sign}{ui_money(rule['amount_fen'])}{unit}"

    def refresh(self) -> None:
        self._rules = pricing_service.list_rules(self._context.db, self._show_id) if self._show_id else []
        self.table.setRowCount(len(self._rules))
        for r, rule in enumerate(self._rules):
            label = " / ".join(t for t in (rule["label"], rule["label_en"]) if t)
            dates = "" if not (rule["effective_from"] or rule["effective_to"]) else (
                f"{ui_date(rule['effective_from']) or '…'} – {ui_date(rule['effective_to']) or '…'}")
            for c, value in enumerate((_kind_name(rule["kind"]), label, self._applies_to(rule),
                                       self._price_text(rule), dates)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, rule["id"])
                self.table.setItem(r, c, item)
        has_rules = bool(self._rules)
        self.defaults_button.setEnabled(self._editor and self._show_id is not None and not has_rules)
        self.edit_button.setEnabled(self._editor and has_rules)
        self.delete_button.setEnabled(self._editor and has_rules)
        self.update_quote()

    def selected_rule(self) -> dict | None:
        row = self.table.currentRow()
        return self._rules[row] if 0 <= row < len(self._rules) else None

    def _changed(self, changes) -> None:
        self._context.announce(changes)
        self.refresh()

    def add_rule(self) -> None:
        dialog = RuleFormDialog(self._context, self._show_id, None, self)
        if dialog.exec() and dialog.changes:
            self._changed(dialog.changes)

    def edit_rule(self) -> None:
        rule = self.selected_rule()
        if rule is None or not self._editor:
            return
        dialog = RuleFormDialog(self._context, self._show_id, rule, self)
        if dialog.exec() and dialog.changes:
            self._changed(dialog.changes)

    def delete_rule(self) -> None:
        rule = self.selected_rule()
        if rule is None:
            return
        name = rule["label"] or _kind_name(rule["kind"])
        answer = QMessageBox.question(self, self.tr("Delete pricing rule"),
                                      self.tr("Delete the rule “%1”?").replace("%1", name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._changed(pricing_service.delete_rule(self._context.db, self._context.actor, rule["id"]))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(exc))

    def add_defaults(self) -> None:
        try:
            self._changed(pricing_service.add_default_rules(self._context.db, self._context.actor, self._show_id))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot add the default price list"), str(exc))
