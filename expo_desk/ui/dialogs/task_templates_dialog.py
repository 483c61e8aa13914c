"""The show's build-schedule templates: its milestones and main events, and the steps a shell
scheme or raw space booth goes through once its contract is signed. Editable per show by
who plans the schedule; tasks already made keep their dates."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.domain.task_names import TASK_LEVEL_NAMES, TASK_ROLE_NAMES, TASK_ROLES
from expo_desk.errors import UserError
from expo_desk.services import task_templates as svc
from expo_desk.ui.context import AppContext
from expo_desk.ui.language import pick_pair
from expo_desk.ui.widgets.field_form import FieldForm
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table

# (value, English label) tables, translated when shown (``_choices``)
SCOPES = (("show", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "Milestones and main events")),
          ("shell", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "Shell scheme")),
          ("raw", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "Raw space / custom build")))
ANCHORS = (("", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "— (after the step before)")),
           ("signed", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "Signing day")),
           ("build_start", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "Build-up starts")),
           ("start_date", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "Opening")),
           ("end_date", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "Closing")),
           ("teardown_end", QT_TRANSLATE_NOOP("TaskTemplatesDialog", "Tear-down ends")))
LEVEL_KEYS = ("milestone", "event", "task")


def _choices(table: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((value, QCoreApplication.translate("TaskTemplatesDialog", label)) for value, label in table)


def _levels() -> tuple[tuple[str, str], ...]:
    """The schedule's levels by the domain's names, in the window's language."""
    return tuple((key, pick_pair(TASK_LEVEL_NAMES[key])) for key in LEVEL_KEYS)


def _roles() -> tuple[tuple[str, str], ...]:
    return (("", "—"), *((role.value, pick_pair(TASK_ROLE_NAMES[role])) for role in TASK_ROLES))


def _combo(choices: tuple[tuple[str, str], ...], current: str | None) -> QComboBox:
    box = QComboBox()
    for value, label in choices:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current or "")))
    return box


def _number(value: int | None, low: int, high: int = 3650, special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low - (1 if special else 0), high)
    if special:
        box.setSpecialValueText(special)
    box.setValue(low - 1 if value is None and special else (value or 0))
    return box


class TemplateStepDialog(FieldForm):
    """One step of a template: what, who, how long, after which step or from which date."""

    def __init__(self, context: AppContext, scope: str, step: dict | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._scope, self._step = context, scope, step
        step = step or {}
        self.setWindowTitle(self.tr("Template step") if step else self.tr("New template step"))
        self.setMinimumWidth(520)
        levels = _levels()[:2] if scope == "show" else _levels()[2:]
        self.level = self.add_field("level", self.tr("Level"), _combo(levels, step.get("level")))
        self.name = self.add_field("name", self.tr("Name"), QLineEdit(step.get("name", "")))
        self.name_en = self.add_field("name_en", self.tr("English name"), QLineEdit(step.get("name_en", "")))
        self.role = self.add_field("role", self.tr("Role"), _combo(_roles(), step.get("role")))
        self.duration = self.add_field("duration_days", self.tr("Days"), _number(step.get("duration_days", 1), 0))
        self.after = self.add_field("after_position", self.tr("After step no."),
                                    _number(step.get("after_position"), 1, 999, self.tr("none")))
        self.lag = self.add_field("lag_days", self.tr("Lag (days)"), _number(step.get("lag_days", 0), -365, 365))
        self.anchor = self.add_field("anchor", self.tr("Or from the date"), _combo(_choices(ANCHORS), step.get("anchor")))
        self.offset = self.add_field("anchor_offset_days", self.tr("Days from that date"),
                                     _number(step.get("anchor_offset_days", 0), -3650, 3650))
        self.parent_step = self.add_field("parent_position", self.tr("Under show step no."),
                                          _number(step.get("parent_position"), 1, 999, self.tr("none")))
        self.checklist = self.add_field("checklist", self.tr("Checklist (items separated by ;)"),
                                        QLineEdit("; ".join(step.get("checklist") or [])))
        self.finish_layout()

    @staticmethod
    def _optional(box: QSpinBox) -> int | None:
        return None if box.value() < box.minimum() + 1 and box.specialValueText() else box.value()

    def values(self) -> dict:
        return {"scope": self._scope, "level": self.level.currentData(), "name": self.name.text(),
                "name_en": self.name_en.text(), "role": self.role.currentData() or None,
                "duration_days": self.duration.value(), "after_position": self._optional(self.after),
                "lag_days": self.lag.value(), "anchor": self.anchor.currentData() or None,
                "anchor_offset_days": self.offset.value(), "parent_position": self._optional(self.parent_step),
                "checklist": [t.strip() for t in self.checklist.text().split(";") if t.strip()]}

    def save(self) -> None:
        ctx, values = self._context, self.values()
        if self._step:
            self.run(lambda: svc.update_template(ctx.db, ctx.actor, self._step["id"], values))
        else:
            self.run(lambda: svc.add_template(ctx.db, ctx.actor, ctx.show["id"], values))


class TaskTemplatesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("Build schedule templates — %1").replace("%1", (context.show or {}).get("code", "")))
        self.resize(980, 560)
        self._planner = can(context.actor, Action.PLAN_SCHEDULE)
        self._steps: dict[str, list[dict]] = {}
        self.tables: dict[str, QTableWidget] = {}
        self.tabs = QTabWidget()
        for scope, label in _choices(SCOPES):
            table = record_table([self.tr("No."), self.tr("Level"), self.tr("Name"), self.tr("Role"), self.tr("Days"),
                                  self.tr("After"), self.tr("From"), self.tr("Under"), self.tr("Checklist")],
                                 stretch=8, name=f"templates_{scope}")
            table.doubleClicked.connect(lambda _i: self.edit_step())
            self.tables[scope] = table
            self.tabs.addTab(table, label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add step…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.defaults_button = QPushButton(self.tr("Add the &default templates"))
        for button, slot in ((self.add_button, self.add_step), (self.edit_button, self.edit_step),
                             (self.delete_button, self.delete_step), (self.defaults_button, self.add_defaults)):
            button.clicked.connect(slot)
            button.setEnabled(self._planner)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        if not self._planner:
            layout.addWidget(notice_label(self.tr("Only a department manager or an administrator changes the "
                                                  "templates.")))
        layout.addWidget(notice_label(self.tr("A signed contract's booth gets the steps of its type; tasks "
                                              "already made keep their dates when a step changes.")))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.reload()

    def scope(self) -> str:
        return SCOPES[self.tabs.currentIndex()][0]

    def reload(self) -> None:
        ctx = self._context
        labels = {**dict(_levels()), **dict(_roles()), **dict(_choices(ANCHORS))}
        for scope, _label in SCOPES:
            steps = svc.list_templates(ctx.db, ctx.show["id"], scope)
            self._steps[scope] = steps
            fill_table(self.tables[scope], [[
                str(s["position"]), labels.get(s["level"], s["level"]), f"{s['name']} / {s['name_en']}".strip(" /"),
                labels.get(s["role"] or "", ""), str(s["duration_days"]),
                "" if s["after_position"] is None else f"{s['after_position']} (+{s['lag_days']})",
                "" if not s["anchor"] else f"{labels.get(s['anchor'], s['anchor'])} {s['anchor_offset_days']:+d}",
                "" if s["parent_position"] is None else str(s["parent_position"]),
                "; ".join(s.get("checklist") or [])] for s in steps])
        self.defaults_button.setVisible(not any(self._steps.values()))

    def _selected(self) -> dict | None:
        table = self.tables[self.scope()]
        row = table.currentRow()
        steps = self._steps.get(self.scope(), [])
        return steps[row] if 0 <= row < len(steps) else None

    def _after(self, changes) -> None:
        if changes:
            self._context.announce(changes)
        self.reload()

    def add_step(self) -> None:
        dialog = TemplateStepDialog(self._context, self.scope(), None, self)
        if dialog.exec():
            self._after(dialog.changes)

    def edit_step(self) -> None:
        step = self._selected()
        if step is None or not self._planner:
            return
        dialog = TemplateStepDialog(self._context, self.scope(), step, self)
        if dialog.exec():
            self._after(dialog.changes)

    def delete_step(self) -> None:
        step = self._selected()
        if step is None:
            return
        ctx = self._context
        try:
            changes = svc.delete_template(ctx.db, ctx.actor, step["id"])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Delete step"), str(exc))
            return
        self._after(changes)

    def add_defaults(self) -> None:
        ctx = self._context
        try:
            changes = svc.add_default_templates(ctx.db, ctx.actor, ctx.show["id"])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Templates"), str(exc))
            return
        self._after(changes)
