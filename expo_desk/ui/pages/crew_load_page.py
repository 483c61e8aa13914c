"""Crew load (施工排班): each construction executor a row, each day a column, each cell the
booths they work on that day. Someone booked on two booths the same day cannot be in both
places: the cell is red and its tooltip names the tasks; "clashes only" leaves just those.

The days default to the show's build-up through tear-down; ``services.tasks.crew_load``
works out the days and the clashes.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from expo_desk.errors import UserError
from expo_desk.services import tasks as task_service
from expo_desk.services.task_templates import anchor_days
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.contract_dialogs import date_edit, iso
from expo_desk.ui.formats import ui_date, weekday_name
from expo_desk.ui.language import ui_language
from expo_desk.ui.widgets.file_job import start_file_job
from expo_desk.ui.widgets.follow_changes import FollowChanges
from expo_desk.ui.widgets.tables import notice_label
from expo_desk.ui.widgets.task_cards import LATE_COLOUR, place_text, short_day
from expo_desk.ui.worker import Job

CLASH_BACKGROUND = QColor("#f8d7da")
SHOWN_BOOTHS = 6  # per cell; the tooltip lists them all
SHOWN_TASKS = 25  # per tooltip
DAY_WIDTH = 150  # a day's column when the range is too long to fit the page


def weekday_text(day: str) -> str:
    """'Mon' (or '周一') of an ISO date."""
    return weekday_name(day, ui_language(), short=True)


def days_between(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def phase_of(dates: dict, day: str) -> str:
    """Build-up, show or tear-down, by the show's anchor dates ('' outside them)."""
    build, opening, closing, cleared = (dates.get(k) for k in ("build_start", "start_date", "end_date",
                                                                "teardown_end"))
    if build and opening and build <= day < opening:
        return QCoreApplication.translate("CrewLoadPage", "Build-up")
    if opening and closing and opening <= day <= closing:
        return QCoreApplication.translate("CrewLoadPage", "Show days")
    if closing and cleared and closing < day <= cleared:
        return QCoreApplication.translate("CrewLoadPage", "Tear-down")
    return ""


def task_line(task: dict) -> str:
    where = place_text(task)
    return f"{task.get('name') or ''}" + (f" — {where}" if where else "") + (
        f" ({short_day(task.get('planned_start'))}→{short_day(task.get('planned_finish'))})")


class CrewLoadPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.load: list[dict] = []
        self.days: list[str] = []

        self.first_day = date_edit()
        self.first_day.setObjectName("first_day")
        self.last_day = date_edit()
        self.last_day.setObjectName("last_day")
        self.clashes_only = QCheckBox(self.tr("&Clashes only"))
        self.clashes_only.setObjectName("clashes_only")
        self.clashes_only.setToolTip(self.tr("Only the people booked on two booths the same day, and only those days"))
        self.clashes_only.toggled.connect(lambda _on: self._show())
        show_days = QPushButton(self.tr("&Build-up to tear-down"))
        show_days.setToolTip(self.tr("The show's own days again"))
        show_days.clicked.connect(self.reset_days)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.setShortcut("F5")
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.first_day)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.last_day)
        top.addWidget(show_days)
        top.addSpacing(16)
        top.addWidget(self.clashes_only)
        top.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("crew_summary")
        top.addWidget(self.summary)
        top.addWidget(refresh)
        self.notice = notice_label("")
        self.notice.hide()

        self.table = QTableWidget(0, 0)
        self.table.setObjectName("crew_load")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(52)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setMinimumWidth(88)  # a name of three or four characters, unclipped
        self.table.horizontalHeader().setDefaultSectionSize(DAY_WIDTH)
        self.table.horizontalHeader().setMinimumSectionSize(110)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)

        self.follow = FollowChanges(self, self.refresh, 300, context.data_changed)
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(self.follow.changed)
        context.database_changed.connect(self._on_database)
        self._days_set_for: str | None = None
        self._job: Job | None = None  # the reading under way
        self._again = False  # asked to read again while it runs

    # -- when to read the load ------------------------------------------------------------
    def _on_database(self) -> None:
        self._days_set_for = None
        self.follow.changed()

    def reset_days(self) -> None:
        """Build-up through tear-down of the show (as its build tasks are dated)."""
        dates = anchor_days(self._context.show or {})
        first = dates["build_start"] or dates["start_date"] or date.today().isoformat()
        last = dates["teardown_end"] or dates["end_date"] or first
        for edit, day in ((self.first_day, first), (self.last_day, last)):
            edit.blockSignals(True)
            edit.setDate(QDate.fromString(day, "yyyy-MM-dd"))
            edit.blockSignals(False)
        self._days_set_for = (self._context.show or {}).get("id")
        self.refresh()

    def refresh(self) -> None:
        """Read the load again, on a connection of its own off the window's thread (a large
        show's crew takes seconds); asked again meanwhile, it reads once more after."""
        ctx = self._context
        if ctx.db is None or ctx.show is None:
            self.notice.setText(self.tr("Open a show file to see who works where."))
            self.notice.show()
            return
        if self._days_set_for != ctx.show["id"]:
            self.reset_days()
            return
        self.follow.fresh()
        if self._job is not None:
            self._again = True
            return
        self._again = False
        show_id, first, last = ctx.show["id"], iso(self.first_day), iso(self.last_day)
        self.summary.setText(self.tr("Reading…"))
        self.summary.setStyleSheet("")
        self._job = start_file_job(ctx.db_path, lambda db, _progress, _cancel: (
            first, last, task_service.crew_load(db, show_id, first, last)),
            progressed=self._ignore_progress, finished=self._loaded, failed=self._failed)

    @property
    def loading(self) -> bool:
        return self._job is not None

    def _ignore_progress(self, _done: int, _total: int) -> None:
        pass

    def _job_done(self) -> bool:
        """Let the finished reading go; False when another was asked for meanwhile (it starts)."""
        self._job.wait()
        self._job = None
        if self._again:
            self.refresh()
            return False
        return True

    def _loaded(self, result: tuple) -> None:
        if self._job_done():
            first, last, self.load = result
            self.days = days_between(first, last)
            self._show()

    def _failed(self, exc: Exception) -> None:
        if not self._job_done():
            return
        if not isinstance(exc, UserError):
            raise exc
        self.load, self.days = [], []
        self.table.clear()
        self.table.setRowCount(0)
        self.summary.setText("")
        self.notice.setText(str(exc))
        self.notice.show()

    def closeEvent(self, event) -> None:
        if self._job is not None:
            self._job.wait()
        super().closeEvent(event)

    # -- showing it -----------------------------------------------------------------------------
    def _show(self) -> None:
        self.notice.hide()
        people = [p for p in self.load if p.get("clashes")] if self.clashes_only.isChecked() else self.load
        days = self.days
        if self.clashes_only.isChecked():
            clash_days = {d for p in people for d in p.get("clashes") or {}}
            days = [d for d in days if d in clash_days]
        dates = anchor_days(self._context.show or {})
        table = self.table
        table.clear()
        table.setRowCount(len(people))
        table.setColumnCount(len(days))
        for c, day in enumerate(days):
            weekday = weekday_text(day)
            header = QTableWidgetItem(f"{short_day(day)} {weekday}\n{phase_of(dates, day)}".strip())
            header.setToolTip(f"{ui_date(day)} {weekday_name(day, ui_language())}")
            header.setData(Qt.ItemDataRole.UserRole, day)
            table.setHorizontalHeaderItem(c, header)
        bold = QFont(table.font())
        bold.setBold(True)
        for r, person in enumerate(people):
            table.setVerticalHeaderItem(r, QTableWidgetItem(person.get("name") or ""))
            for c, day in enumerate(days):
                tasks = (person.get("days") or {}).get(day) or []
                if not tasks:
                    continue
                item = QTableWidgetItem(self.cell_text(tasks))
                clash = set((person.get("clashes") or {}).get(day) or [])
                item.setToolTip(self._tooltip(person, day, tasks, clash))
                if clash:
                    item.setBackground(QBrush(CLASH_BACKGROUND))
                    item.setForeground(QBrush(LATE_COLOUR))
                    item.setFont(bold)
                table.setItem(r, c, item)
        self._fit_days(len(days))
        clashing = sum(1 for p in self.load if p.get("clashes"))
        self.summary.setText(self.tr("%n executor(s) · %1 with clashes", "", len(self.load))
                             .replace("%1", str(clashing)))
        self.summary.setStyleSheet(f"color: {LATE_COLOUR.name()};" if clashing else "")
        if not people:
            self.notice.setText(self.tr("No clashes on these days.") if self.clashes_only.isChecked()
                                else self.tr("No construction executor has work on these days."))
            self.notice.show()

    def cell_text(self, tasks: list[dict]) -> str:
        """The booths of a day: one named, or how many and the first few ('12 booth(s)' over
        'A1-001, A1-002, …'); hall work shows as its task."""
        places = list(dict.fromkeys(p for p in (t.get("booth_number") or t.get("name") for t in tasks) if p))
        if len(places) <= 1:
            return places[0] if places else ""
        listed = ", ".join(places[:SHOWN_BOOTHS]) + (", …" if len(places) > SHOWN_BOOTHS else "")
        return self.tr("%n booth(s)", "", len(places)) + "\n" + listed

    def _fit_days(self, count: int) -> None:
        """The days share the width when they fit in it; a long range scrolls sideways."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        fits = count and count * header.minimumSectionSize() <= room
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.Interactive)
        if not fits:
            for column in range(count):
                self.table.setColumnWidth(column, DAY_WIDTH)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_days(self.table.columnCount())

    def _tooltip(self, person: dict, day: str, tasks: list[dict], clash: set[str]) -> str:
        heading = f"{person.get('name') or ''} · {ui_date(day)} {weekday_text(day)}"
        if clash:
            heading += "\n" + self.tr("Clash: booked on more than one booth this day")
            tasks = [t for t in tasks if t.get("id") in clash] + [t for t in tasks if t.get("id") not in clash]
        lines = [task_line(t) for t in tasks[:SHOWN_TASKS]]
        if len(tasks) > SHOWN_TASKS:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(tasks) - SHOWN_TASKS)))
        return "\n".join([heading, *lines])

    def cell(self, person_name: str, day: str) -> QTableWidgetItem | None:
        """The cell of a person and a day as shown (None when empty or filtered out)."""
        rows = [r for r in range(self.table.rowCount()) if self.table.verticalHeaderItem(r).text() == person_name]
        columns = [c for c in range(self.table.columnCount())
                   if self.table.horizontalHeaderItem(c).data(Qt.ItemDataRole.UserRole) == day]
        return self.table.item(rows[0], columns[0]) if rows and columns else None
