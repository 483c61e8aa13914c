"""Show ▸ Review conflicts: what two copies of the show changed differently, both values
with who made them and when, and the department manager's choice between them (which
travels to every copy with the next file sent from here)."""

from __future__ import annotations

import json

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
from expo_desk.ui.record_names import action_label, field_label, shown, table_label
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table

_SHORT = 40


def _short(text: str, limit: int = _SHORT) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


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
        return [f"{table_label(table)}: {self._label(conflict)}",
                field_label(column, table) if column else self.tr("(whole record)"),
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
        if isinstance(value, str) and column.endswith("_id") and value in self._users:
            return self._users[value]
        return _short(shown(column, value))

    def row_text(self, table: str, row: dict) -> str:
        """A whole row in a line: its name or number, an amount and a date where it has them
        (a contract line with its contract's number); else its first few fields."""
        if table == "audit_log" and row.get("table_name"):
            return self._audit_text(row)
        parts = [self._contract_number(row["contract_id"])] if table == "contract_lines" and row.get("contract_id") else []
        parts.append(_short(sync_conflicts.row_name(row)))
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
        return " · ".join(p for p in parts if p) or table_label(table)

    def _fields_text(self, table: str, values: dict) -> list[str]:
        return [f"{field_label(c, table)}: {_short(self._field_text(c, v))}" for c, v in values.items()
                if c != "id" and not c.endswith("_id") and v not in (None, "")][:3]

    def _audit_text(self, row: dict) -> str:
        """An audit entry as what it records: 'changed Show · venue: 别处'."""
        parts = [f"{action_label(row.get('action') or '')} {table_label(row['table_name'])}"]
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
        what = f"{table_label(conflict['table_name'])}: {self._label(conflict)}"
        if conflict["column_name"]:
            what += f" ▸ {field_label(conflict['column_name'], conflict['table_name'])}"
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

