"""My tasks (我的任务): the signed-in person's build tasks, for a laptop in the hall.

Big rows grouped Overdue / Today / This week / Later, each with its booth, exhibitor, due
date and checklist, and the next step one click (or one key: S start, F finish, P problem,
B block) away; Enter opens the task with its checklist. The open problems of the show (the
punch list) are in the second tab. ``services.tasks.my_tasks`` picks and groups the rows in
SQL, so the page never holds more than this person's work.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from expo_desk.errors import UserError
from expo_desk.services import tasks as task_service
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.task_dialogs import ReportProblemDialog, TaskDetailDialog, run_task_action
from expo_desk.ui.formats import ui_date, ui_local_date
from expo_desk.ui.language import pick_joined
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.follow_changes import FollowChanges
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table
from expo_desk.ui.widgets.task_cards import (
    GROUPS,
    LATE_COLOUR,
    SEVERITY_NAMES,
    Index,
    MyTasksModel,
    RowDelegate,
    actions_width,
    pair_text,
    place_text,
    role_text,
)

KEYS = (("S", "start"), ("F", "finish"), ("P", "problem"), ("B", "block"))
SHOWN_PROBLEMS = 500
_SEVERITY_COLOURS = {"critical": "#b00020", "high": "#c77700"}


class PunchListView(QWidget):
    """The show's open problems, worst first as the service orders them; mark one fixed or
    close it, or report another."""

    counted = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.table = record_table([self.tr("Severity"), self.tr("Booth"), self.tr("Problem"), self.tr("Task"),
                                   self.tr("Reported"), self.tr("By"), self.tr("Photo")], stretch=2,
                                  name="punch_list")
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setToolTip(self.tr("Double-click a problem with a photo to open the photo"))
        self.table.itemDoubleClicked.connect(lambda item: self.open_photo(item.row()))
        self.fixed_button = QPushButton(self.tr("✓ Fixed"))
        self.fixed_button.setObjectName("punch_fixed")
        self.fixed_button.clicked.connect(lambda: self.close_selected("fixed"))
        self.close_button = QPushButton(self.tr("Close (no fix needed)"))
        self.close_button.setObjectName("punch_closed")
        self.close_button.clicked.connect(lambda: self.close_selected("closed"))
        self.errors = ErrorLabel()
        self.more = notice_label("")
        self.more.hide()
        bar = QHBoxLayout()
        for button in (self.fixed_button, self.close_button):
            button.setMinimumHeight(40)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.errors)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more)
        self.rows: list[dict] = []

    def refresh(self) -> None:
        ctx = self._context
        self.rows = task_service.punch_list(ctx.db, ctx.show["id"]) if ctx.db and ctx.show else []
        shown = self.rows[:SHOWN_PROBLEMS]
        fill_table(self.table, [[pair_text(SEVERITY_NAMES, r.get("severity")), place_text(r),
                                 r.get("description") or "", pick_joined(r.get("task_name") or ""), ui_local_date(r.get("reported_at")),
                                 r.get("reported_by_name") or "", r.get("photo_path") or ""] for r in shown],
                   [r["id"] for r in shown])
        for n, r in enumerate(shown):
            colour = _SEVERITY_COLOURS.get(r.get("severity"))
            if colour:
                self.table.item(n, 0).setForeground(QColor(colour))
        self.more.setText(self.tr("+%1 more not shown").replace("%1", f"{len(self.rows) - len(shown):,}"))
        self.more.setVisible(len(self.rows) > len(shown))
        self.counted.emit(len(self.rows))

    def open_photo(self, row: int) -> None:
        photo = self.rows[row].get("photo_path") if 0 <= row < len(self.rows) else ""
        if photo and Path(photo).is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(photo))

    def close_selected(self, status: str) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.errors.show_message(self.tr("Choose a problem first."))
            return
        ctx = self._context
        try:
            changes = task_service.close_problem(ctx.db, ctx.actor, self.rows[row]["id"], status)
        except UserError as exc:
            self.errors.show_message(str(exc))
            return
        self.errors.show_message("")
        ctx.announce(changes)
        self.refresh()


class MyTasksPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.today: date | None = None  # None: the computer's date
        self.last_refresh_seconds = 0.0

        self.heading = QLabel(self.tr("My tasks"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.who = QLabel()
        self.who.setObjectName("who")
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.report_button = QPushButton(self.tr("⚠ Report a problem…"))
        self.report_button.setObjectName("report_problem")
        self.report_button.clicked.connect(lambda: self.act("problem", None))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.setToolTip(self.tr("Read the tasks again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        for button in (self.report_button, self.refresh_button):
            button.setMinimumHeight(40)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.who)
        top.addStretch(1)
        top.addWidget(self.counts)
        top.addWidget(self.report_button)
        top.addWidget(self.refresh_button)

        self.errors = ErrorLabel()
        self.notice = notice_label("")
        self.notice.hide()
        self.model = MyTasksModel(self)
        self.tree = self._make_tree()
        self.punch_list = PunchListView(context, self)
        self.punch_list.counted.connect(self._punch_counted)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tree, self.tr("Tasks"))
        self.tabs.addTab(self.punch_list, self.tr("Punch list"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.errors)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self.follow = FollowChanges(self, self.refresh, 200, context.data_changed, context.database_changed,
                                    context.actor_changed)

    def _make_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName("my_tasks")
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setMouseTracking(True)
        font = tree.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        tree.setFont(font)
        self.delegate = RowDelegate(tree)
        self.delegate.clicked.connect(self.act)
        tree.setItemDelegate(self.delegate)
        header = tree.header()
        header.setStretchLastSection(False)
        # the name takes the room left; booth, due date, checklist and status are as wide as
        # their words in this language, the exhibitor's name is cut with "…" past a width
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        tree.setColumnWidth(2, 170)
        header.setSectionResizeMode(MyTasksModel.ACTIONS_COLUMN, QHeaderView.ResizeMode.Fixed)
        tree.setColumnWidth(MyTasksModel.ACTIONS_COLUMN, actions_width(tree.fontMetrics()))
        tree.doubleClicked.connect(lambda index: self.open_detail(index))
        keys = [(QKeySequence(Qt.Key.Key_Return), self.open_detail), (QKeySequence(Qt.Key.Key_Enter), self.open_detail)]
        keys += [(QKeySequence(key), lambda a=action: self.act_on_current(a)) for key, action in KEYS]
        for key, slot in keys:
            QShortcut(key, tree, slot, context=Qt.ShortcutContext.WidgetShortcut)
        return tree

    # -- when to read the tasks -----------------------------------------------------------
    def today_text(self) -> str:
        return (self.today or date.today()).isoformat()

    def refresh(self) -> None:
        self.follow.fresh()
        ctx = self._context
        if ctx.db is None or ctx.show is None:
            self.model.set_groups({})
            self._say(self.tr("Open a show file to see your tasks."))
            return
        current = self.current_row()
        started = time.perf_counter()
        groups = task_service.my_tasks(ctx.db, ctx.actor, ctx.show["id"], self.today_text())
        self.model.set_groups(groups)
        for group in range(self.model.rowCount()):  # "Overdue (62)" reads across the row
            self.tree.setFirstColumnSpanned(group, QModelIndex(), True)
        self.tree.expandAll()
        self.last_refresh_seconds = time.perf_counter() - started
        self._show_counts(groups)
        if current is not None:
            index = self.model.task_index(current["id"])
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self.punch_list.refresh()

    def _show_counts(self, groups: dict[str, list[dict]]) -> None:
        actor = self._context.actor
        self.who.setText(f"{actor.name} · {role_text(actor.role)}")
        total = sum(len(groups.get(key) or []) for key in GROUPS)
        late = len(groups.get("overdue") or [])
        self.counts.setText(self.tr("%1 open · %2 overdue · as of %3").replace("%1", f"{total:,}")
                            .replace("%2", f"{late:,}").replace("%3", ui_date(self.today_text())))
        self.counts.setStyleSheet(f"color: {LATE_COLOUR.name()};" if late else "")
        self.counts.setToolTip(self.tr("Read in %1 s").replace("%1", f"{self.last_refresh_seconds:.3f}"))
        self._say("" if total else self.tr(
            "Nothing to do: no open task is yours or waiting for your role. Tasks belong to account managers, "
            "design supervisors and construction executors; sign in as one to see theirs."))

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _punch_counted(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("Punch list · %1").replace("%1", f"{count:,}"))

    # -- doing -------------------------------------------------------------------------------
    def current_row(self) -> dict | None:
        return self.model.row_at(self.tree.currentIndex())

    def act_on_current(self, action: str) -> None:
        row = self.current_row()
        if row is None:
            return
        if action == "block" and row.get("status") == "blocked":
            action = "unblock"
        self.act(action, row)

    def act(self, action: str, row: dict | None) -> None:
        """Start, finish, block, unblock or report a problem on ``row`` (a problem may have no task)."""
        if row is not None:
            self.tree.setCurrentIndex(self.model.task_index(row["id"]))
        try:
            if row is None:
                dialog = ReportProblemDialog(self._context, None, self)
                changes = dialog.changes if dialog.exec() else None
            else:
                changes = run_task_action(self, self._context, action, row, self.today_text())
        except UserError as exc:
            self.errors.show_message(str(exc))
            return
        self.errors.show_message("")
        if changes:
            self._context.announce(changes)
            self.refresh()

    def open_detail(self, index: Index | None = None) -> None:
        row = self.model.row_at(index if index is not None else self.tree.currentIndex())
        if row is None:
            return
        dialog = TaskDetailDialog(self._context, row["id"], self.today_text(), self)
        dialog.exec()
        if dialog.changed:
            self.refresh()
