"""Show ▸ Review conflicts: what two copies of the show changed differently, both values
with who made them and when, and the department manager's choice between them (which
travels to every copy with the next file sent from here)."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.services import sync_conflicts
from expo_desk.services.contracts import contract_or_error
from expo_desk.services.shows import show_or_error
from expo_desk.services.users import list_users
from expo_desk.ui.context import AppContext
from expo_desk.ui.formats import ui_date, ui_datetime, ui_money
from expo_desk.ui.language import pick, pick_pair
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table

TABLE_NAMES = {
    "exhibitors": ("展商", "Exhibitor"), "contacts": ("联系人", "Contact"), "booths": ("展位", "Booth"),
    "halls": ("展馆", "Hall"), "contracts": ("合同", "Contract"), "contract_lines": ("合同明细", "Contract line"),
    "payment_schedule": ("付款计划", "Payment plan"), "payments": ("收款", "Payment"), "tasks": ("任务", "Task"),
    "leads": ("销售线索", "Lead"), "follow_ups": ("跟进记录", "Follow-up"), "service_items": ("服务项目", "Service"),
    "users": ("用户", "User"), "shows": ("展会", "Show"), "punch_items": ("现场问题", "Punch item"),
    "spot_checks": ("抽查", "Spot check"), "spot_check_items": ("抽查项", "Spot check item"),
    "rebooking_offers": ("续展邀请", "Rebooking offer"), "show_terms": ("销售条款", "Sales terms"),
    "pricing_rules": ("价格规则", "Pricing rule"), "audit_log": ("操作记录", "Audit entry"),
}
COLUMN_NAMES = {
    "company_name": ("公司名称", "company name"), "company_name_en": ("英文名称", "English name"),
    "sector": ("行业", "sector"), "phone": ("电话", "phone"), "email": ("邮箱", "email"), "website": ("网站", "website"),
    "address": ("地址", "address"), "notes": ("备注", "notes"), "expected_value_fen": ("预计金额", "expected value"),
    "account_manager_id": ("项目经理", "account manager"), "name": ("名称", "name"), "title": ("职务", "title"),
    "is_primary": ("主要联系人", "primary contact"), "number": ("编号", "number"), "status": ("状态", "status"),
    "booth_type": ("展位类型", "booth type"), "blocked_reason": ("原因", "reason"),
    "reserved_for": ("预留给", "reserved for"), "reserved_until": ("预留至", "reserved until"),
    "total_fen": ("合同金额", "total"), "discount_fen": ("优惠", "discount"), "signed_on": ("签约日期", "signed on"),
    "cancelled_on": ("取消日期", "cancelled on"), "fascia_text": ("楣板文字", "fascia text"),
    "description": ("说明", "description"), "quantity": ("数量", "quantity"), "unit_price_fen": ("单价", "unit price"),
    "amount_fen": ("金额", "amount"), "due_on": ("到期日", "due on"), "paid_on": ("付款日期", "paid on"),
    "method": ("付款方式", "method"), "reference": ("凭证号", "reference"), "label": ("名称", "label"),
    "planned_start": ("计划开始", "planned start"), "planned_finish": ("计划完成", "planned finish"),
    "actual_start": ("实际开始", "actual start"), "actual_finish": ("实际完成", "actual finish"),
    "owner_id": ("负责人", "owner"), "stage": ("阶段", "stage"), "next_follow_up": ("下次跟进", "next follow-up"),
    "prospect_name": ("潜在客户", "prospect"), "lost_reason": ("丢单原因", "reason lost"),
    "display_name": ("姓名", "name"), "role": ("角色", "role"), "active": ("启用", "active"),
    "severity": ("严重程度", "severity"), "venue": ("展馆", "venue"), "city": ("城市", "city"),
    "name_en": ("英文名称", "English name"), "build_start": ("布展开始", "build-up starts"),
    "start_date": ("开幕日期", "opening day"), "end_date": ("闭幕日期", "last day"),
    "teardown_end": ("撤展结束", "tear-down ends"), "revenue_target_fen": ("收入目标", "revenue target"), "width_cm": ("宽度", "width"), "depth_cm": ("深度", "depth"),
}
OWN_COLUMN_NAMES = {
    ("contacts", "name"): ("姓名", "name"), ("tasks", "name"): ("任务名称", "task name"),
    ("contracts", "number"): ("合同编号", "contract number"), ("booths", "number"): ("展位号", "booth number"),
}
AUDIT_ACTIONS = {"insert": ("新增", "added"), "update": ("修改", "changed"), "delete": ("删除", "deleted")}
_SUMMARY_COLUMNS = ("number", "company_name", "display_name", "name", "prospect_name", "description", "label", "title")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_SHORT = 40


def _short(text: str, limit: int = _SHORT) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def table_name(table: str) -> str:
    """A table as a person knows it ('Exhibitor' / '展商'); the raw name when not mapped."""
    return pick_pair(TABLE_NAMES[table]) if table in TABLE_NAMES else table


def column_name(table: str, column: str) -> str:
    pair = OWN_COLUMN_NAMES.get((table, column)) or COLUMN_NAMES.get(column)
    return pick_pair(pair) if pair else column


class ConflictsDialog(QDialog):
    """The open conflicts (and, on request, the resolved ones); ``conflicts`` are the rows shown."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.conflicts: list[dict] = []
        self._users = {u["id"]: u["display_name"] for u in list_users(context.db)}
        self.setWindowTitle(self.tr("Review conflicts"))
        self.resize(1180, 600)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("What two copies of the show changed differently. Nothing was overwritten: pick "
                               "the value to keep; every copy makes the same choice when it receives the next "
                               "file sent from here."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.may_resolve = can(context.actor, Action.RESOLVE_CONFLICTS)
        if not self.may_resolve:
            layout.addWidget(notice_label(self.tr("Only the department manager decides conflicts; you can see "
                                                  "them here.")))
        self.show_resolved = QCheckBox(self.tr("Show resolved ones too"))
        self.show_resolved.setObjectName("show_resolved")
        self.show_resolved.toggled.connect(self.refresh)
        layout.addWidget(self.show_resolved)
        self.table = record_table([self.tr("Record"), self.tr("Field"), self.tr("Kind"), self.tr("This copy"),
                                   self.tr("Other copy"), self.tr("Detail"), self.tr("Choice")],
                                  stretch=5, name="conflicts")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (0, 2, 3, 4, 5):  # the long texts share the width and wrap; no sideways scrolling
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._fit_rows = QTimer(self)  # rows as tall as their wrapped text, once the widths are known
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No conflicts wait for review."))
        self.empty.setObjectName("empty")
        layout.addWidget(self.empty)
        self.kind_notice = notice_label(self.tr("For this kind only this copy's data can be kept."))
        self.kind_notice.hide()
        layout.addWidget(self.kind_notice)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("&Keep this copy's"))
        self.keep_button.setObjectName("keep")
        self.keep_button.clicked.connect(lambda: self.resolve("ours"))
        self.take_button = QPushButton(self.tr("&Take the other copy's"))
        self.take_button.setObjectName("take")
        self.take_button.clicked.connect(lambda: self.resolve("theirs"))
        row.addWidget(self.keep_button)
        row.addWidget(self.take_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.refresh()

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        status = None if self.show_resolved.isChecked() else "open"
        self.conflicts = sync_conflicts.list_conflicts(self._context.db, status)
        fill_table(self.table, [self._row(c) for c in self.conflicts], [c["id"] for c in self.conflicts])
        self.table.setColumnHidden(6, not self.show_resolved.isChecked())
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.conflicts)
        if self.conflicts:
            self.table.selectRow(0)
        self._selection_changed()

    def _row(self, conflict: dict) -> list[str]:
        table, column = conflict["table_name"], conflict["column_name"]
        ours = "\n".join(filter(None, [self.value_text(conflict, "ours"),
                                       self._who(conflict["ours_by"], conflict["ours_at"])]))
        theirs = "\n".join(filter(None, [self.value_text(conflict, "theirs"),
                                         self._who(conflict["theirs_by"], conflict["theirs_at"], conflict["theirs_copy"])]))
        return [f"{table_name(table)}: {self._label(conflict)}",
                column_name(table, column) if column else self.tr("(whole record)"),
                pick_pair(sync_conflicts.KINDS.get(conflict["kind"], (conflict["kind"], conflict["kind"]))),
                ours, theirs, conflict["detail"], self._choice(conflict)]

    def _label(self, conflict: dict) -> str:
        if conflict["table_name"] == "shows" and conflict["label"] == conflict["row_id"][:8]:
            try:
                show = show_or_error(self._context.db, conflict["row_id"])
                return pick(show["name"], show.get("name_en") or "")
            except UserError:
                pass
        return _short(conflict["label"])

    def _who(self, by: str, at: str, copy: str = "") -> str:
        return " · ".join(part for part in (by, ui_datetime(at) if at else "", copy) if part)

    def _choice(self, conflict: dict) -> str:
        if conflict["status"] != "resolved":
            return ""
        chosen = self.tr("Kept this copy's") if conflict["chosen"] == "ours" else self.tr("Took the other copy's")
        who = " · ".join(p for p in (conflict["resolved_by"] or "", ui_datetime(conflict["resolved_at"])) if p)
        return f"{chosen}\n{who}"

    def value_text(self, conflict: dict, side: str) -> str:
        """One side's value as a person reads it: money, dates, names of people, a short
        description of a whole row."""
        value = conflict[f"{side}_value"]
        if value is None:
            if conflict["kind"] == "refused":
                return self.tr("(as it is here)")
            return self.tr("(deleted)") if conflict["kind"] == "missing" else self.tr("(none)")
        if isinstance(value, dict):
            return self.row_text(conflict["table_name"], value)
        return self._field_text(conflict["column_name"], value)

    def _field_text(self, column: str, value: object) -> str:
        if value is None or value == "":
            return self.tr("(empty)")
        if column.endswith("_fen") and isinstance(value, int):
            return ui_money(value)
        if isinstance(value, str):
            if column.endswith("_id") and value in self._users:
                return self._users[value]
            if _DATE.match(value):
                return ui_date(value)
            if _TIMESTAMP.match(value):
                return ui_datetime(value)
        return _short(str(value))

    def row_text(self, table: str, row: dict) -> str:
        """A whole row in a line: its name or number, an amount and a date where it has them
        (a contract line with its contract's number); else its first few fields."""
        if table == "audit_log" and row.get("table_name"):
            return self._audit_text(row)
        parts = [self._contract_number(row["contract_id"])] if table == "contract_lines" and row.get("contract_id") else []
        parts += [_short(str(row[c])) for c in _SUMMARY_COLUMNS if row.get(c)][:1]
        for column in ("amount_fen", "total_fen"):
            if isinstance(row.get(column), int):
                parts.append(ui_money(row[column]))
                break
        for column in ("paid_on", "due_on", "signed_on"):
            if row.get(column):
                parts.append(ui_date(row[column]))
                break
        if not any(parts):
            parts = self._fields_text(table, row)
        return " · ".join(p for p in parts if p) or table_name(table)

    def _fields_text(self, table: str, values: dict) -> list[str]:
        return [f"{column_name(table, c)}: {_short(self._field_text(c, v))}" for c, v in values.items()
                if c != "id" and not c.endswith("_id") and v not in (None, "")][:3]

    def _audit_text(self, row: dict) -> str:
        """An audit entry as what it records: 'changed Show · venue: 别处'."""
        action = AUDIT_ACTIONS.get(row.get("action"))
        parts = [f"{pick_pair(action) if action else row.get('action')} {table_name(row['table_name'])}"]
        try:
            values = json.loads(row.get("new_values") or row.get("old_values") or "null")
        except ValueError:
            values = None
        if isinstance(values, dict):
            parts += self._fields_text(row["table_name"], values)
        return " · ".join(parts)

    def _contract_number(self, contract_id: str) -> str:
        try:
            return contract_or_error(self._context.db, contract_id)["number"]
        except UserError:
            return ""

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) and self.table.selectedItems() else None

    def _selection_changed(self) -> None:
        conflict = self.selected()
        is_open = conflict is not None and conflict["status"] == "open"
        only_ours = is_open and conflict["kind"] in ("missing", "refused")
        self.keep_button.setEnabled(self.may_resolve and is_open)
        self.take_button.setEnabled(self.may_resolve and is_open and not only_ours)
        self.kind_notice.setVisible(only_ours)

    # -- the choice ---------------------------------------------------------------------
    def resolve(self, choice: str) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        what = f"{table_name(conflict['table_name'])}: {self._label(conflict)}"
        if conflict["column_name"]:
            what += f" ▸ {column_name(conflict['table_name'], conflict['column_name'])}"
        side = "ours" if choice == "ours" else "theirs"
        question = (self.tr("Keep this copy's value for %1?\n%2") if choice == "ours"
                    else self.tr("Take the other copy's value for %1?\n%2"))
        text = question.replace("%1", what).replace("%2", self.value_text(conflict, side))
        text += "\n\n" + self.tr("Every copy makes the same choice when it receives the next file sent from here.")
        answer = QMessageBox.question(self, self.tr("Resolve the conflict"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            changes = sync_conflicts.resolve_conflict(self._context.db, self._context.actor, conflict["id"], choice)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot resolve the conflict"), str(exc))
            self.refresh()
            return
        changes.add("updated", "sync_conflicts", conflict["id"])
        self._context.announce(changes)
        self.refresh()


def open_conflicts_dialog(window) -> None:
    """Show ▸ Review conflicts… on the window's open file."""
    if window.context.db is not None:
        ConflictsDialog(window.context, window).exec()

