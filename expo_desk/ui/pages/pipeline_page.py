"""The sales pipeline page: the day's follow-ups beside the leads list, and the actions an
account manager takes many times a day (new lead, follow-up, visit, lost, import)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain import leads as rules
from expo_desk.domain.enums import LeadStage
from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.services import leads as lead_service
from expo_desk.services.changes import ChangeSet
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.lead_dialog import FollowUpDialog, LeadDialog, LeadImportDialog, VisitDialog
from expo_desk.ui.formats import ui_date, ui_money
from expo_desk.ui.language import pick
from expo_desk.ui.models.lead_table_model import OVERDUE_COLOR, LeadTableModel, stage_text
from expo_desk.ui.widgets import list_page

PAGE_SIZE = 200
_WATCHED = ("leads", "follow_ups", "exhibitors", "users")
_ID = Qt.ItemDataRole.UserRole


class PipelinePage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._sort, self._descending = "next_follow_up", False
        self._selected_id: str | None = None

        self.search_box = list_page.SearchBox(self.tr("Search company or prospect… (Ctrl+F)"))
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stage_filter")
        self.stage_filter.addItem(self.tr("All stages"), None)
        self.stage_filter.addItem(self.tr("Open (not signed or lost)"), "open")
        for stage in rules.STAGE_ORDER:
            self.stage_filter.addItem(stage_text(stage), stage.value)
        self.manager_filter = QComboBox()
        self.manager_filter.setObjectName("manager_filter")
        self.count_label = QLabel(objectName="count")
        self.summary = QLabel(objectName="summary", wordWrap=True)

        self.new_button = QPushButton(self.tr("&New lead…"), toolTip=self.tr("Add a lead (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("&Edit…"), toolTip=self.tr("Edit the selected lead (Enter)"))
        self.follow_up_button = QPushButton(self.tr("&Log follow-up…"))
        self.visit_button = QPushButton(self.tr("Book &visit…"))
        self.lost_button = QPushButton(self.tr("&Mark lost…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.import_button = QPushButton(self.tr("&Import…"),
                                         toolTip=self.tr("Import leads from Excel (.xlsx) or CSV (Ctrl+I)"))

        self.today_label = QLabel(objectName="today_title", styleSheet="font-weight: bold;")
        self.today_tree = QTreeWidget()
        self.today_tree.setObjectName("today")
        self.today_tree.setHeaderLabels([self.tr("Due"), self.tr("Stage"), self.tr("Company")])
        self.today_tree.setRootIsDecorated(False)
        self.today_tree.setIndentation(8)
        self.today_tree.setUniformRowHeights(True)
        for column in (0, 1):
            self.today_tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.today_tree.itemClicked.connect(self._today_clicked)
        self.today_tree.itemActivated.connect(self._today_activated)

        self.model = LeadTableModel(self)
        self.table = list_page.paged_table(self.model, "leads", (125, 190, 100, 105, 120, 90), sort_column=2)
        self.model.sort_requested.connect(self._sort_by)
        widest_day = ui_date("2026-12-28")  # a two-digit day and the longest month name
        list_page.widen_for(self.table, 2, widest_day)
        list_page.widen_for(self.table, 4, f"{widest_day} 00:00")
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._table_row(current.row()))

        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.stage_filter)
        filters.addWidget(self.manager_filter)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.follow_up_button, self.visit_button, self.lost_button,
                       self.delete_button, self.import_button):
            actions.addWidget(button)
        actions.addStretch(1)
        today_box = QWidget()
        today_layout = QVBoxLayout(today_box)
        today_layout.setContentsMargins(0, 0, 0, 0)
        today_layout.addWidget(self.today_label)
        today_layout.addWidget(self.today_tree, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(today_box)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

        self.search_box.settled.connect(self.refresh)
        self.search_box.returnPressed.connect(self.table.setFocus)
        self.stage_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.manager_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_lead)
        self.edit_button.clicked.connect(self.edit_selected)
        self.follow_up_button.clicked.connect(self.log_follow_up)
        self.visit_button.clicked.connect(self.book_visit)
        self.lost_button.clicked.connect(self.mark_lost)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.choose_import_file)
        page_keys = ((QKeySequence.StandardKey.Find, self.search_box.focus_all),
                     (QKeySequence.StandardKey.New, self.new_lead),
                     (QKeySequence("Ctrl+I"), self.choose_import_file))
        table_keys = ((QKeySequence(Qt.Key.Key_Return), self.edit_selected),
                      (QKeySequence(Qt.Key.Key_F2), self.edit_selected),
                      (QKeySequence.StandardKey.Delete, self.delete_selected))
        list_page.add_shortcuts(self, page_keys, self.table, table_keys)

        context.data_changed.connect(self._on_data_changed)
        context.database_changed.connect(self._reload)
        context.actor_changed.connect(self._reload)
        self._reload()

    # -- loading -----------------------------------------------------------------------
    def _reload(self) -> None:
        """Another file, show or person: the manager picker first, then the lists."""
        ctx = self._context
        self.manager_filter.blockSignals(True)
        self.manager_filter.clear()
        if ctx.db is not None:
            if can(ctx.actor, Action.EDIT_ANY_EXHIBITOR):
                self.manager_filter.addItem(self.tr("All account managers"), None)
            for user in lead_service.lead_managers(ctx.db, ctx.actor):
                self.manager_filter.addItem(user["display_name"], user["id"])
        self.manager_filter.setEnabled(self.manager_filter.count() > 1)
        self.manager_filter.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Re-run the list, the day's follow-ups and the stage counts in SQL."""
        self.search_box.forget_pending()
        ctx = self._context
        enabled = ctx.db is not None and ctx.show is not None
        for widget in (self.search_box, self.stage_filter, self.table, self.today_tree):
            widget.setEnabled(enabled)
        self.new_button.setEnabled(enabled and can(ctx.actor, Action.EDIT_EXHIBITORS))
        self.import_button.setEnabled(enabled and can(ctx.actor, Action.IMPORT_EXHIBITORS))
        if not enabled:
            self.model.set_rows([], 0)
            self.today_tree.clear()
            self.count_label.setText("")
            self.summary.setText("")
            self._select(None)
            return
        today, show_id, manager = date.today(), ctx.show["id"], self.manager_filter.currentData()
        query = {"manager_id": manager, "stage": self.stage_filter.currentData(), "text": self.search_box.text(),
                 "sort": self._sort, "descending": self._descending, "limit": PAGE_SIZE}
        rows, total = lead_service.search_leads(ctx.db, ctx.actor, show_id, **query)

        def fetch_more(offset: int) -> list[dict]:
            return lead_service.search_leads(ctx.db, ctx.actor, show_id, **query, offset=offset)[0]

        self.model.today = today
        self.model.set_rows(rows, total, fetch_more)
        self.count_label.setText(self.tr("%n lead(s)", "", total))
        self._fill_today(lead_service.today_view(ctx.db, ctx.actor, show_id, today, manager))
        self._fill_summary(lead_service.stage_counts(ctx.db, ctx.actor, show_id, manager))
        self._reselect()

    def _fill_today(self, view: lead_service.TodayView) -> None:
        who = self.manager_filter.currentText() if self.manager_filter.currentData() or not can(
            self._context.actor, Action.EDIT_ANY_EXHIBITOR) else self.tr("everyone")
        self.today_label.setText(self.tr("Follow up today — %1").replace("%1", who))
        self.today_tree.clear()
        red = QBrush(OVERDUE_COLOR)
        for title, leads, overdue in ((self.tr("Overdue"), view.overdue, True), (self.tr("Today"), view.today, False),
                                      (self.tr("This week"), view.this_week, False)):
            group = QTreeWidgetItem([f"{title} ({len(leads)})"])
            bold = QFont(group.font(0))
            bold.setBold(True)
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if overdue and leads:
                group.setForeground(0, red)
            self.today_tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for lead in leads:
                item = QTreeWidgetItem([ui_date(lead["next_follow_up"]), stage_text(lead["stage"]), lead["company_name"] or ""])
                item.setData(0, _ID, lead["id"])
                item.setToolTip(2, f"{lead['company_name']}\n{stage_text(lead['stage'])}")
                if overdue:
                    for column in range(3):
                        item.setForeground(column, red)
                group.addChild(item)
        self.today_tree.expandAll()

    def _fill_summary(self, counts: list[dict]) -> None:
        per_stage = {stage: 0 for stage in rules.STAGE_ORDER}
        open_value = 0
        for row in counts:
            per_stage[LeadStage(row["stage"])] += row["leads"]
            if row["stage"] in rules.OPEN_STAGES:
                open_value += row["expected_value_fen"]
        parts = [f"{stage_text(stage)}: {n}" for stage, n in per_stage.items()]
        self.summary.setText("  ·  ".join(parts) + "  ·  " +
                             self.tr("open expected value %1").replace("%1", ui_money(open_value)))

    def _reselect(self) -> None:
        row = self.model.row_of(self._selected_id) if self._selected_id else -1
        if row < 0 and self._selected_id is None and self.model.rowCount() > 0:
            row = 0  # the first lead, so Enter edits it
        if row >= 0:
            list_page.select_row(self.table, row)
            return
        self.table.clearSelection()
        self._select(self._selected_id)

    def _table_row(self, row: int) -> None:
        record = self.model.row_at(row)
        self._select(record["id"] if record else None)

    def _today_clicked(self, item: QTreeWidgetItem) -> None:
        lead_id = item.data(0, _ID)
        if lead_id:
            row = self.model.row_of(lead_id)
            if row >= 0:
                self.table.selectRow(row)
            self._select(lead_id)

    def _today_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Enter or a double click on a due lead opens it."""
        if item.data(0, _ID):
            self._today_clicked(item)
            self.edit_selected()

    def _select(self, lead_id: str | None) -> None:
        """The lead the buttons act on (from the table or the day's list); buttons follow it."""
        self._selected_id = lead_id
        lead = self.current_lead()
        may = lead is not None and self._may_change(lead)
        for button in (self.edit_button, self.follow_up_button, self.delete_button):
            button.setEnabled(may)
        self.visit_button.setEnabled(may and lead["stage"] != LeadStage.LOST)
        self.lost_button.setEnabled(may and lead["stage"] in rules.OPEN_STAGES)

    def _may_change(self, lead: dict) -> bool:
        return list_page.may_change_owned(self._context.actor, lead["account_manager_id"])

    def current_lead(self) -> dict | None:
        if not self._selected_id or self._context.db is None:
            return None
        try:
            return lead_service.lead_detail(self._context.db, self._context.actor, self._selected_id)
        except UserError:
            return None

    def _sort_by(self, key: str, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.refresh()

    def _on_data_changed(self, changes: ChangeSet) -> None:
        if any(changes.touches(t) for t in _WATCHED):
            if changes.touches("users"):
                self._reload()
            else:
                self.refresh()

    # -- actions -----------------------------------------------------------------------
    def _open(self, dialog) -> None:
        if dialog.exec() and dialog.changes:
            inserted = dialog.changes.inserted.get("leads")
            if inserted:
                self._selected_id = inserted[0]
            self._context.announce(dialog.changes)

    def new_lead(self) -> None:
        if self._context.show is not None and can(self._context.actor, Action.EDIT_EXHIBITORS):
            self._open(LeadDialog(self._context, None, self))

    def edit_selected(self) -> None:
        lead = self.current_lead()
        if lead is not None and self._may_change(lead):
            self._open(LeadDialog(self._context, lead, self))

    def log_follow_up(self) -> None:
        lead = self.current_lead()
        if lead is not None:
            self._open(FollowUpDialog(self._context, lead, self))

    def book_visit(self) -> None:
        lead = self.current_lead()
        if lead is not None:
            self._open(VisitDialog(self._context, lead, self))

    def mark_lost(self) -> None:
        lead = self.current_lead()
        if lead is None or lead["stage"] not in rules.OPEN_STAGES:
            return
        picks = [pick(zh, en) for zh, en in rules.OBJECTION_PICKS.values()]
        reason, ok = QInputDialog.getItem(
            self, self.tr("Mark lost"), self.tr("Why did %1 say no?").replace("%1", lead["company_name"]),
            picks, 0, True)
        if not ok:
            return
        self._run(lambda: lead_service.move_stage(self._context.db, self._context.actor, lead["id"],
                                                  LeadStage.LOST, reason))

    def delete_selected(self) -> None:
        lead = self.current_lead()
        if lead is None or not self._may_change(lead):
            return
        answer = QMessageBox.question(
            self, self.tr("Delete lead"), self.tr("Delete the lead for %1 and its follow-ups?")
            .replace("%1", lead["company_name"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._selected_id = None
            self._run(lambda: lead_service.delete_lead(self._context.db, self._context.actor, lead["id"]))

    def _run(self, call) -> None:
        try:
            changes = call()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        self._context.announce(changes)

    def choose_import_file(self) -> None:
        if self._context.show is None or not can(self._context.actor, Action.IMPORT_EXHIBITORS):
            return
        path = list_page.spreadsheet_to_import(self, self._context.settings, self.tr("Import leads"))
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> LeadImportDialog:
        """Run the import with a progress dialog; returns the dialog (shown modally)."""
        return LeadImportDialog(self._context, path, self).run()
