"""Build schedule: the Gantt chart of milestones, main events and detailed tasks.

Row names on the left (indented by level, collapsible), bars on the right: coloured by
status with their progress, the baseline under each bar, late days hatched red up to the
today line, the critical path outlined red, events and milestones at risk flagged, and the
finish-to-start arrows between rows on screen. Day / week / month scale, Ctrl + wheel zoom,
pan, Today, a hall filter and a search that opens the way to a task and selects it.

A planner (``Action.PLAN_SCHEDULE``) drags a detailed task's bar to move it by whole days,
or its end to change its finish; the change goes through ``services.tasks.reschedule_task``
onto the undo stack. The chart is worked out when the page is shown and again shortly after
the tasks change, never while it is hidden; the working out (critical path and roll-up of
every task of the show: seconds on a show of 750,000 tasks) runs on a connection of its
own off the window's thread, and the chart keeps showing the last answer meanwhile.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.services import booths as booth_service
from expo_desk.services import tasks as task_service
from expo_desk.services.changes import ChangeSet
from expo_desk.services.schedule import schedule_view
from expo_desk.ui.context import AppContext
from expo_desk.ui.formats import ui_date
from expo_desk.ui.gantt.commands import RescheduleTaskCommand
from expo_desk.ui.gantt.items import (
    ROW_HEIGHT,
    iso_of,
)
from expo_desk.ui.gantt.rows import RowHeader, RowTree
from expo_desk.ui.gantt.scene import GanttScene, Prepared, prepare
from expo_desk.ui.gantt.view import SCALES, GanttView, Legend, TimeAxis
from expo_desk.ui.widgets.file_job import start_file_job
from expo_desk.ui.worker import Job

_WATCHED = ("tasks", "task_dependencies")


class GanttPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gantt_page")
        self._context = context
        self.today: str | None = None  # None: the calendar's today
        self.data: dict | None = None
        self.tree: RowTree | None = None
        self._stale = True
        self._again = False  # asked to read again while a reading runs
        self._job: Job | None = None
        self._generation = 0  # the file and show on screen; a reading for another is dropped
        self._job_generation = 0
        self._scrolled_to_today = False

        self.hall_box = QComboBox(objectName="gantt_hall")
        self.hall_box.setMinimumWidth(160)
        self.search_box = QLineEdit(objectName="gantt_search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Find a task, booth number or owner… (Ctrl+F, Enter for next)"))
        self.search_result = QLabel(objectName="gantt_search_result")
        self.scale_buttons = QButtonGroup(self)
        scale_row = QHBoxLayout()
        scale_row.setSpacing(0)
        for key, text in (("day", self.tr("Day")), ("week", self.tr("Week")), ("month", self.tr("Month"))):
            button = QToolButton(text=text, checkable=True, objectName=f"gantt_scale_{key}")
            button.setToolTip(self.tr("Time scale: one %1 per column").replace("%1", text.lower()))
            button.clicked.connect(lambda _c=False, k=key: self.set_scale(k))
            self.scale_buttons.addButton(button)
            scale_row.addWidget(button)
        self.weekends_box = QCheckBox(self.tr("Weekends"), checked=True, objectName="gantt_weekends")

        self.scene = GanttScene(self)
        self.view = GanttView()
        self.view.setScene(self.scene)
        self.axis = TimeAxis(self.view)
        self.header = RowHeader()
        self.header.scroll_bar = self.view.verticalScrollBar()
        self.status = QLabel(objectName="gantt_status")
        self.notice = QLabel(objectName="gantt_notice", styleSheet="color: #8a6d00;")
        self.loading_label = QLabel(objectName="gantt_loading", styleSheet="color: #1e88e5;")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Hall")))
        top.addWidget(self.hall_box)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.search_result)
        top.addLayout(scale_row)
        for text, slot, keys, tip in (
                (self.tr("−"), self.view.zoom_out, "Ctrl+-", self.tr("Zoom out (Ctrl+−, Ctrl+wheel)")),
                (self.tr("+"), self.view.zoom_in, "Ctrl+=", self.tr("Zoom in (Ctrl+=, Ctrl+wheel)")),
                (self.tr("Today"), self.scroll_to_today, "Ctrl+T", self.tr("Scroll to the today line (Ctrl+T)")),
                (self.tr("Collapse"), self.collapse_all, None, self.tr("Back to milestones and main events"))):
            top.addWidget(self._button(text, slot, keys, tip))
        self.baseline_button = self._button(self.tr("Save baseline"), self.ask_save_baseline, None, self.tr(
            "Keep today's plan as the baseline the actual dates are compared with"))
        top.addWidget(self.baseline_button)
        top.addWidget(self.weekends_box)

        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(0)
        chart_layout.addWidget(self.axis)
        chart_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.header)
        self.splitter.addWidget(chart)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 1000])
        legend = QHBoxLayout()  # the legend on a line of its own: with the counts it is too wide for a laptop
        legend.addWidget(Legend())
        legend.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.loading_label)
        bottom.addWidget(self.notice)
        bottom.addStretch(1)
        bottom.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(legend)
        layout.addLayout(bottom)

        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.search_box.setFocus(), self.search_box.selectAll()))
        self.addAction(find)
        for keys, slot in (("Down", lambda: self.step_selection(1)), ("Up", lambda: self.step_selection(-1)),
                           ("Right", lambda: self._fold_selected(True)), ("Left", lambda: self._fold_selected(False)),
                           ("Return", lambda: self._fold_selected(None))):
            for widget in (self.view, self.header):
                QShortcut(QKeySequence(keys), widget, slot, context=Qt.ShortcutContext.WidgetShortcut)
        self.header.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.hall_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_box.returnPressed.connect(lambda: self.find(self.search_box.text()))
        self.weekends_box.toggled.connect(self._set_weekends)
        self.view.moved.connect(lambda: self.header.set_top(self.view.top_scene_y()))
        self.view.scale_changed.connect(lambda _px: self._check_scale_button())
        self.view.row_clicked.connect(self.select_task)
        self.view.bar_dragged.connect(self._on_bar_dragged)
        self.header.clicked.connect(self.select_task)
        self.header.toggled.connect(self.toggle)
        app = QApplication.instance()
        if app is not None:  # a reading still running when the program ends is waited for
            app.aboutToQuit.connect(self.wait_loaded)
        context.data_changed.connect(self._on_data_changed)
        context.database_changed.connect(self._on_database_changed)
        context.actor_changed.connect(self._update_permissions)
        self._check_scale_button()
        self._update_permissions()
        self._fill_halls()

    def _button(self, text: str, slot, keys: str | None, tip: str) -> QToolButton:
        action = QAction(text, self)
        action.setToolTip(tip)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False: slot())
        self.addAction(action)
        button = QToolButton()
        button.setDefaultAction(action)
        return button

    # -- when to work the chart out -------------------------------------------------------------
    def _on_data_changed(self, changes: ChangeSet) -> None:
        if any(changes.touches(t) for t in _WATCHED):
            self._stale = True
            if self.isVisible():
                self._timer.start()

    def _on_database_changed(self) -> None:
        self._generation += 1  # a reading under way is for the file before
        self.tree = None
        self.data = None
        self.scene.clear_rows()
        self.header.set_tree(None)
        self._scrolled_to_today = False
        self._fill_halls()
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _fill_halls(self) -> None:
        ctx = self._context
        halls = booth_service.list_halls(ctx.db, ctx.show["id"]) if ctx.db is not None and ctx.show else []
        blocked = self.hall_box.blockSignals(True)
        self.hall_box.clear()
        self.hall_box.addItem(self.tr("All halls"), None)
        for hall in halls:
            self.hall_box.addItem(f"{hall['code']}  {hall.get('name') or ''}".strip(), hall["id"])
        self.hall_box.blockSignals(blocked)

    def today_text(self) -> str:
        return self.today or date.today().isoformat()

    def set_today(self, day: str | None) -> None:
        """Work the chart out as of another day (None: the calendar's today)."""
        self.today = day
        self.refresh()

    @property
    def loading(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        """Read the schedule again off the window's thread; asked again meanwhile, it reads once
        more after. The rows opened, the selection and the scroll position are kept."""
        self._timer.stop()
        self._stale = False
        ctx = self._context
        if ctx.db is None or ctx.show is None or ctx.db_path is None:
            self.data, self.tree = None, None
            self.scene.clear_rows()
            self.header.set_tree(None)
            return
        if self._job is not None:
            self._again = True
            return
        self._again = False
        show_id, today, hall_id = ctx.show["id"], self.today_text(), self.hall_box.currentData()
        expanded = set(self.tree.expanded) if self.tree is not None else None

        def work(db, _progress, _cancel):
            return prepare(schedule_view(db, show_id, today, hall_id=hall_id), expanded)

        self._job_generation = self._generation
        self.loading_label.setText(self.tr("Working out the schedule…"))
        # bound methods of the page, so the answers come back on the window's thread
        self._job = start_file_job(ctx.db_path, work, progressed=self._ignore_progress,
                                   finished=self._loaded, failed=self._failed)

    def _ignore_progress(self, _done: int, _total: int) -> None:
        pass

    def _job_done(self) -> bool:
        """Let the finished reading go; False when it is stale or another was asked for (it starts)."""
        self._job.wait()
        self._job = None
        self.loading_label.setText("")
        if self._again or self._job_generation != self._generation:
            self.refresh()
            return False
        return True

    def _loaded(self, prepared: Prepared) -> None:
        if not self._job_done():
            return
        if self.tree is not None:  # rows opened or closed while it was read
            prepared.tree.set_expanded_ids(self.tree.expanded)
        self.data, self.tree = prepared.data, prepared.tree
        bars = (self.view.horizontalScrollBar().value(), self.view.verticalScrollBar().value())
        self.view.cancel_drag()  # its item is about to go
        self.scene.load(prepared)
        self.axis.set_days(self.scene.origin, self.scene.today)
        self._after_rebuild()
        if self._scrolled_to_today:
            self.view.horizontalScrollBar().setValue(bars[0])
            self.view.verticalScrollBar().setValue(bars[1])
        else:
            self._scrolled_to_today = True
            self.scroll_to_today()

    def _failed(self, exc: Exception) -> None:
        if not self._job_done():
            return
        if not isinstance(exc, UserError):
            raise exc
        self.status.setText(str(exc))

    def wait_loaded(self, msecs: int = 120_000) -> None:
        """Block until a reading under way has been shown (closing, benchmarks)."""
        while self._job is not None:
            self._job.wait(msecs)
            QApplication.processEvents()

    def closeEvent(self, event) -> None:
        if self._job is not None:
            self._job.wait()
        super().closeEvent(event)

    def _after_rebuild(self) -> None:
        self.header.late = self.scene.late_ids()
        self.header.selected = self.scene.selected_id
        self.header.set_tree(self.tree)
        self.header.set_top(self.view.top_scene_y())
        rows = self.scene.rows
        critical = sum(1 for r in rows if r.critical)
        late = sum(1 for r in rows if r.late)
        risk = sum(1 for r in rows if r.at_risk)
        total = len(self.tree.rows) if self.tree is not None else 0
        self.status.setText(self.tr("%1 of %2 rows shown · critical %3 · late %4 · at risk %5 · as of %6")
                            .replace("%1", f"{len(rows):,}").replace("%2", f"{total:,}")
                            .replace("%3", str(critical)).replace("%4", str(late)).replace("%5", str(risk))
                            .replace("%6", ui_date(self.today_text())))

    # -- rows -----------------------------------------------------------------------------------
    def toggle(self, task_id: str) -> None:
        """Expand or collapse a row (its items are made or dropped)."""
        if self.tree is not None and self.tree.toggle(task_id):
            self._rebuild()

    def set_expanded(self, task_id: str, expanded: bool) -> None:
        if self.tree is not None and self.tree.set_expanded(task_id, expanded):
            self._rebuild()

    def collapse_all(self) -> None:
        if self.tree is not None:
            self.tree.collapse_all()
            self._rebuild()

    def _rebuild(self) -> None:
        bars = (self.view.horizontalScrollBar().value(), self.view.verticalScrollBar().value())
        self.view.cancel_drag()
        self.scene.rebuild()
        self.view.horizontalScrollBar().setValue(bars[0])
        self.view.verticalScrollBar().setValue(bars[1])
        self._after_rebuild()

    def select_task(self, task_id: str | None) -> bool:
        """Select a row, opening its parents and scrolling it into sight."""
        if self.tree is None or (task_id is not None and task_id not in self.tree.rows):
            return False
        if task_id is not None and self.tree.expand_to(task_id):
            self._rebuild()
        self.scene.select(task_id)
        self.header.selected = task_id
        self.header.update()
        item = self.scene.items_by_id.get(task_id or "")
        if item is not None:
            self.view.scroll_to_row(item.index, ROW_HEIGHT)
            span = item.bar_span()
            viewport_x = self.view.mapFromScene(QPointF(span[0], 0)).x() if span else 0
            if span and not 0 <= viewport_x <= self.view.viewport().width() - 80:
                self.view.scroll_to_x(span[0])
        return True

    def step_selection(self, step: int) -> None:
        """Select the row above (−1) or below (+1) the selected one."""
        if not self.scene.rows:
            return
        current = self.scene.items_by_id.get(self.scene.selected_id or "")
        index = 0 if current is None else max(0, min(len(self.scene.rows) - 1, current.index + step))
        self.select_task(self.scene.rows[index].task_id)

    def _fold_selected(self, expanded: bool | None) -> None:
        task_id = self.scene.selected_id
        if task_id is not None and self.tree is not None and self.tree.has_children(task_id):
            self.set_expanded(task_id, not self.tree.is_expanded(task_id) if expanded is None else expanded)

    def find(self, text: str) -> str | None:
        """Select the next task whose name, booth or owner holds ``text``; None when there is none."""
        if self.tree is None:
            return None
        task_id = self.tree.find(text, after=self.scene.selected_id)
        if task_id is None:
            self.search_result.setText(self.tr("not found") if text.strip() else "")
            return None
        self.search_result.setText("")
        self.select_task(task_id)
        return task_id

    # -- scale ----------------------------------------------------------------------------------
    def set_scale(self, key: str) -> None:
        self.view.set_day_width(SCALES[key])
        self._check_scale_button()

    def _check_scale_button(self) -> None:
        px = self.view.day_width()
        for button in self.scale_buttons.buttons():
            key = button.objectName().rsplit("_", 1)[1]
            button.setChecked(abs(SCALES[key] - px) < 1e-6)

    def scroll_to_today(self) -> None:
        self.view.scroll_to_x(self.scene.today - self.scene.origin + 0.5, 0.35)

    def _set_weekends(self, shown: bool) -> None:
        self.scene.show_weekends = shown
        self.scene.update()

    # -- rescheduling -----------------------------------------------------------------------------
    def _update_permissions(self) -> None:
        allowed = can(self._context.actor, Action.PLAN_SCHEDULE)
        self.view.can_drag = allowed
        self.baseline_button.setEnabled(allowed)
        self.notice.setText("" if allowed else self.tr(
            "Read-only: only a department manager or an administrator moves bars."))

    def ask_save_baseline(self) -> None:
        answer = QMessageBox.question(self, self.tr("Save baseline"), self.tr(
            "Keep every task's planned dates as the baseline? The baseline saved before is replaced."))
        if answer == QMessageBox.StandardButton.Yes:
            self.save_baseline()

    def save_baseline(self) -> bool:
        """The plan as it stands becomes the baseline (the thin bars under the actual ones)."""
        ctx = self._context
        try:
            changes = task_service.save_baseline(ctx.db, ctx.actor, ctx.show["id"])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Save baseline"), str(exc))
            return False
        ctx.announce(changes)
        return True

    def _on_bar_dragged(self, task_id: str, start: int, finish: int) -> None:
        self.reschedule(task_id, iso_of(start), iso_of(finish))

    def reschedule(self, task_id: str, start: str, finish: str) -> bool:
        """Give a task new planned dates, as one undoable step; a refusal is shown and changes nothing."""
        item = self.scene.items_by_id.get(task_id)
        row = item.row if item is not None else (self.tree.rows.get(task_id) if self.tree else None)
        if row is None:
            return False
        ctx = self._context
        before = (row["planned_start"], row["planned_finish"])
        if before == (start, finish):
            return False
        try:
            changes = task_service.reschedule_task(ctx.db, ctx.actor, task_id, start, finish)
        except UserError as exc:
            if item is not None:
                item.set_preview(None)
                self.scene.refresh_links()
            QMessageBox.warning(self, self.tr("Build schedule"), str(exc))
            return False
        if item is not None:  # the bar stays where it was dropped; float and flags follow the reading
            item.move_to(start, finish)
            self.scene.refresh_links()
            self.header.update()
        ctx.announce(changes)
        ctx.undo_stack.push(RescheduleTaskCommand(ctx, task_id, before, (start, finish), self.tr(
            "Reschedule %1").replace("%1", row["name"])))
        return True
