"""The moments a build task changes by hand: blocking it (with the reason), reporting a
problem on site (the punch list), and one task in detail with its checklist to tick.

``run_task_action`` is the one place the task pages turn a button, a key or a card moved on
the board into a service call; each dialog stays open with the services' reasons when they
refuse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services import tasks as task_service
from expo_desk.services.booths import find_booth
from expo_desk.services.changes import ChangeSet
from expo_desk.ui.context import AppContext
from expo_desk.ui.formats import ui_date, ui_local_date
from expo_desk.ui.language import pick_joined
from expo_desk.ui.widgets.contract_detail import fit_table_height
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.field_form import FieldForm
from expo_desk.ui.widgets.file_field import FileField
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table
from expo_desk.ui.widgets.task_cards import (
    ACTIONS,
    PUNCH_STATUS_NAMES,
    SEVERITY_NAMES,
    pair_text,
    place_text,
    role_text,
    row_actions,
    span_text,
    status_text,
    task_action_label,
)

BIG_TICK = "QCheckBox::indicator { width: 22px; height: 22px; }"  # ticked with a finger on site


def run_task_action(parent: QWidget, context: AppContext, action: str, row: dict,
                    on: str | None = None) -> ChangeSet | None:
    """Do ``action`` (start, finish, block, unblock, problem) to the task ``row``; None when
    the person cancelled a dialog. A refusal raises the services' UserError."""
    db, actor, task_id = context.db, context.actor, row["id"]
    if action == "start":
        return task_service.start_task(db, actor, task_id, on)
    if action == "finish":
        return task_service.finish_task(db, actor, task_id, on)
    if action == "unblock":
        return task_service.unblock_task(db, actor, task_id)
    dialog = BlockDialog(context, row, parent) if action == "block" else ReportProblemDialog(context, row, parent)
    return dialog.changes if dialog.exec() else None


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("task_title")
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def _task_heading(row: dict) -> str:
    where = place_text(row)
    name = pick_joined(row.get("name") or "")
    return f"{name}\n{where}" if where else name


class BlockDialog(FieldForm):
    """Why the task cannot go on: the reason is required and shown wherever the task is."""

    def __init__(self, context: AppContext, row: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._row = context, row
        self.setWindowTitle(self.tr("Block a task"))
        self.setMinimumWidth(480)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("What stops the work? e.g. drawings not approved, no power at the booth"))
        self.reason.setMaximumHeight(110)
        self.add_field("reason", self.tr("Reason"), self.reason, "blocked_reason")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Block"))
        self.form.insertRow(0, _title(_task_heading(row)))
        self.finish_layout()
        self.reason.setFocus()

    def save(self) -> None:
        ctx = self._context
        self.run(lambda: task_service.block_task(ctx.db, ctx.actor, self._row["id"], self.reason.toPlainText().strip()))


class ReportProblemDialog(FieldForm):
    """A problem found on site, for the punch list: how bad, which booth, what, and a photo."""

    def __init__(self, context: AppContext, row: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._row = context, row or {}
        self.setWindowTitle(self.tr("⚠ Report a problem"))
        self.setMinimumWidth(520)
        self.severity = QComboBox()
        for key in ("low", "medium", "high", "critical"):
            self.severity.addItem(pair_text(SEVERITY_NAMES, key), key)
        self.severity.setCurrentIndex(1)
        self.booth = QLineEdit(self._row.get("booth_number") or "")
        self.booth.setPlaceholderText(self.tr("booth number, e.g. A1-012 (empty: not at a booth)"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("What is wrong, and where exactly?"))
        self.description.setMaximumHeight(120)
        self.photo_field = FileField(context.settings, "folders/photos", self.tr("Photo of the problem"),
                                     self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp);;All files (*)"),
                                     "choose_photo", self.tr("optional: a photo of it"))
        self.photo = self.photo_field.edit
        self.add_field("severity", self.tr("Severity"), self.severity)
        self.add_field("booth", self.tr("Booth"), self.booth, "booth_id")
        self.add_field("description", self.tr("Problem"), self.description)
        self.add_field("photo_path", self.tr("Photo"), self.photo_field, "photo")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Report"))
        if self._row.get("name"):
            self.form.insertRow(0, _title(_task_heading(self._row)))
        self.finish_layout()
        self.description.setFocus()


    def _booth_id(self, number: str) -> str | None:
        """The booth typed, by its number (the task's own when left as it was); None when
        nothing is typed or no booth has that number."""
        if number == (self._row.get("booth_number") or "") and self._row.get("booth_id"):
            return self._row["booth_id"]
        ctx = self._context
        for booth in find_booth(ctx.db, ctx.show["id"], number, limit=5) if number else []:
            if booth["number"].casefold() == number.casefold():
                return booth["id"]
        return None

    def save(self) -> None:
        ctx, number = self._context, self.booth.text().strip()
        booth_id = self._booth_id(number)
        unknown = number and booth_id is None

        def report() -> ChangeSet:
            # an unknown number goes to the service as an id no booth has, so it refuses the
            # booth together with every other problem of the form, in one go
            try:
                return task_service.report_problem(
                    ctx.db, ctx.actor, ctx.show["id"], description=self.description.toPlainText().strip(),
                    severity=self.severity.currentData(), task_id=self._row.get("id"),
                    booth_id=f"unknown:{number}" if unknown else booth_id, photo_path=self.photo.text().strip())
            except ValidationError as exc:
                booth = [Problem("booth", f"没有此展位 / there is no booth {number} in this show")] if unknown else []
                raise ValidationError(booth + [p for p in exc.problems if not (unknown and p.field == "booth_id")]) from None

        self.run(report)


class TaskDetailDialog(QDialog):
    """One task: where, whose, when, the checklist to tick (saved on each tick), what comes
    before and after it, its problems, and the same buttons as its row."""

    def __init__(self, context: AppContext, task_id: str, today: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._task_id, self._today = context, task_id, today
        self.changed = ChangeSet()
        self.setWindowTitle(self.tr("Task"))
        self.resize(720, 720)
        self.title = _title("")
        self.facts = QGridLayout()
        self.facts.setColumnStretch(1, 1)
        self.blocked = notice_label("")
        self.checklist_box = QGroupBox(self.tr("Checklist"))
        self.checklist_box.setObjectName("checklist")
        self.checklist = QVBoxLayout(self.checklist_box)
        self.checks: dict[str, QCheckBox] = {}
        self.before = record_table([self.tr("Before this"), self.tr("Status"), self.tr("Finish")], stretch=0,
                                   name="predecessors")
        self.after = record_table([self.tr("After this"), self.tr("Status"), self.tr("Start")], stretch=0,
                                  name="successors")
        self.problems = record_table([self.tr("Problem"), self.tr("Severity"), self.tr("Status"), self.tr("Reported")],
                                     stretch=0, name="problems")
        self.errors = ErrorLabel()
        self.actions = QHBoxLayout()
        body = QWidget()
        box = QVBoxLayout(body)
        box.addWidget(self.title)
        box.addLayout(self.facts)
        box.addWidget(self.blocked)
        box.addWidget(self.checklist_box)
        for table in (self.before, self.after, self.problems):
            box.addWidget(table)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)
        layout.addLayout(self.actions)
        layout.addWidget(close)
        self.load()

    def load(self) -> None:
        detail = task_service.task_detail(self._context.db, self._task_id)
        self.detail = detail
        task = detail.get("task", detail)
        self.task = task
        self.title.setText(pick_joined(task.get("name") or ""))
        self._fill_facts(task)
        self.blocked.setText(self.tr("Blocked: %1").replace("%1", task.get("blocked_reason") or ""))
        self.blocked.setVisible(task.get("status") == "blocked")
        self._fill_checklist(detail.get("checklist") or [])
        self._fill_links(detail)
        self._fill_actions(task.get("status"))

    def _fill_facts(self, task: dict) -> None:
        while self.facts.count():
            self.facts.takeAt(0).widget().deleteLater()
        owner = task.get("owner_name") or self.tr("(no owner)")
        planned = span_text(task.get("planned_start"), task.get("planned_finish"))
        actual = span_text(task.get("actual_start"), task.get("actual_finish"))
        facts = [(self.tr("Status"), status_text(task.get("status"))),
                 (self.tr("Booth"), place_text(task) or self.tr("No booth")),
                 (self.tr("Exhibitor"), task.get("exhibitor") or "—"),
                 (self.tr("Owner"), f"{owner} · {role_text(task.get('role'))}"),
                 (self.tr("Planned"), planned), (self.tr("Actual"), actual)]
        if task.get("baseline_finish"):
            facts.append((self.tr("Baseline"), span_text(task.get("baseline_start"), task["baseline_finish"])))
        if task.get("notes"):
            facts.append((self.tr("Notes"), task["notes"]))
        for n, (caption, value) in enumerate(facts):
            name = QLabel(caption)
            name.setStyleSheet("color: #555;")
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addWidget(name, n, 0)
            self.facts.addWidget(text, n, 1)

    def _fill_checklist(self, items: list[dict]) -> None:
        for check in self.checks.values():
            check.deleteLater()
        self.checks = {}
        self.checklist_box.setVisible(bool(items))
        done = sum(1 for item in items if item.get("done"))
        self.checklist_box.setTitle(self.tr("Checklist %1/%2").replace("%1", str(done))
                                    .replace("%2", str(len(items))))
        for item in items:
            check = QCheckBox(item.get("text") or "")
            check.setObjectName(f"check_{item['id']}")
            check.setChecked(bool(item.get("done")))
            check.setMinimumHeight(36)
            check.setStyleSheet(BIG_TICK)
            font = QFont(check.font())
            font.setPointSizeF(font.pointSizeF() * 1.1)
            check.setFont(font)
            check.toggled.connect(lambda ticked, item_id=item["id"]: self.tick(item_id, ticked))
            self.checklist.addWidget(check)
            self.checks[item["id"]] = check

    def _fill_links(self, detail: dict) -> None:
        before, after = detail.get("predecessors") or [], detail.get("successors") or []
        problems = detail.get("punch_items") or []
        fill_table(self.before, [[pick_joined(r.get("name") or ""), status_text(r.get("status")), ui_date(r.get("planned_finish"))]
                                 for r in before])
        fill_table(self.after, [[pick_joined(r.get("name") or ""), status_text(r.get("status")), ui_date(r.get("planned_start"))]
                                for r in after])
        fill_table(self.problems, [[r.get("description") or "", pair_text(SEVERITY_NAMES, r.get("severity")),
                                    pair_text(PUNCH_STATUS_NAMES, r.get("status")), ui_local_date(r.get("reported_at"))]
                                   for r in problems])
        for table, rows in ((self.before, before), (self.after, after), (self.problems, problems)):
            table.setVisible(bool(rows))
            fit_table_height(table)

    def _fill_actions(self, status: str | None) -> None:
        while self.actions.count():
            item = self.actions.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for action in row_actions(status):
            key = ACTIONS[action][1]
            button = QPushButton(f"{task_action_label(action)} ({key})")
            button.setObjectName(f"detail_{action}")
            button.setShortcut(QKeySequence(key))
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, a=action: self.act(a))
            self.actions.addWidget(button)
        self.actions.addStretch(1)

    def _took(self, changes: ChangeSet | None) -> None:
        if changes:
            self.changed.merge(changes)
            self._context.announce(changes)

    def tick(self, item_id: str, done: bool) -> None:
        ctx = self._context
        try:
            self._took(task_service.set_checklist_item(ctx.db, ctx.actor, item_id, done))
        except UserError as exc:
            self.errors.show_message(str(exc))
            check = self.checks[item_id]
            check.blockSignals(True)
            check.setChecked(not done)
            check.blockSignals(False)
            return
        self.errors.show_message("")
        items = self.detail.get("checklist") or []
        for item in items:
            if item["id"] == item_id:
                item["done"] = done
        ticked = sum(1 for item in items if item.get("done"))
        self.checklist_box.setTitle(self.tr("Checklist %1/%2").replace("%1", str(ticked))
                                    .replace("%2", str(len(items))))

    def act(self, action: str) -> None:
        try:
            self._took(run_task_action(self, self._context, action, self.task, self._today))
        except UserError as exc:
            self.errors.show_message(str(exc))
            return
        self.errors.show_message("")
        self.load()
