"""The Exhibitors page: search as you type (in SQL), sort, detail pane, add/edit/delete,
import and export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.changes import ChangeSet
from expo_desk.services.exhibitor_export import export_exhibitors
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.contact_dialog import ContactDialog
from expo_desk.ui.dialogs.exhibitor_dialog import ExhibitorDialog
from expo_desk.ui.dialogs.import_dialog import ImportDialog
from expo_desk.ui.models.exhibitor_table_model import ExhibitorTableModel
from expo_desk.ui.undo import AddExhibitorCommand, DeleteExhibitorCommand, EditExhibitorCommand
from expo_desk.ui.widgets import list_page
from expo_desk.ui.widgets.exhibitor_detail import ExhibitorDetail

PAGE_SIZE = 200
_WATCHED = ("exhibitors", "contacts", "contracts", "contract_lines", "payments", "users")


class ExhibitorsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._sort, self._descending = "company_name", False
        self._selected_id: str | None = None

        self.search_box = list_page.SearchBox(
            self.tr("Search company, English name, sector, contact, phone… (Ctrl+F)"))
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.add_button = QPushButton(self.tr("&New exhibitor…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.add_button.setToolTip(self.tr("Add an exhibitor to this show (Ctrl+N)"))
        self.import_button.setToolTip(self.tr("Import exhibitors from Excel (.xlsx) or CSV (Ctrl+I)"))

        self.model = ExhibitorTableModel(self)
        self.table = list_page.paged_table(self.model, "exhibitors", (180, 170, 56, 64, 104, 76, 80, 100),
                                           sort_column=0)
        self.model.sort_requested.connect(self._sort_by)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_row(current.row()))

        self.detail = ExhibitorDetail()
        self.detail.add_contact.connect(self._add_contact)
        self.detail.edit_contact.connect(self._edit_contact)
        self.detail.delete_contact.connect(self._delete_contact)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        for button in (self.add_button, self.edit_button, self.delete_button, self.import_button, self.export_button):
            top.addWidget(button)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.search_box.settled.connect(self.refresh)
        self.search_box.returnPressed.connect(self.table.setFocus)

        self.add_button.clicked.connect(self.add_exhibitor)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button.clicked.connect(self.choose_export_file)
        page_keys = ((QKeySequence.StandardKey.Find, self.search_box.focus_all),
                     (QKeySequence.StandardKey.New, self.add_exhibitor),
                     (QKeySequence("Ctrl+I"), self.choose_import_file),
                     (QKeySequence("Ctrl+E"), self.choose_export_file))
        table_keys = ((QKeySequence.StandardKey.Delete, self.delete_selected),
                      (QKeySequence(Qt.Key.Key_Return), self.edit_selected),
                      (QKeySequence(Qt.Key.Key_F2), self.edit_selected))
        list_page.add_shortcuts(self, page_keys, self.table, table_keys)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box, self.search_box.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)

        context.data_changed.connect(self._on_data_changed)
        context.database_changed.connect(self.refresh)
        context.actor_changed.connect(self.refresh)
        self.refresh()

    # -- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the search in SQL, keeping the selected exhibitor when it still matches."""
        self.search_box.forget_pending()
        ctx = self._context
        enabled = ctx.db is not None and ctx.show is not None
        for widget in (self.search_box, self.export_button, self.table):
            widget.setEnabled(enabled)
        actor = ctx.actor
        self.add_button.setEnabled(enabled and can(actor, Action.EDIT_EXHIBITORS))
        self.import_button.setEnabled(enabled and can(actor, Action.IMPORT_EXHIBITORS))
        if not enabled:
            self.model.set_rows([], 0)
            self.count_label.setText("")
            self._show_row(-1)
            return
        text, show_id = self.search_box.text(), ctx.show["id"]
        sort, descending = self._sort, self._descending
        rows, total = exhibitor_service.search_exhibitors_page(ctx.db, show_id, text, sort=sort,
                                                               descending=descending, limit=PAGE_SIZE)

        def fetch_more(offset: int) -> list[dict]:
            page, _ = exhibitor_service.search_exhibitors_page(ctx.db, show_id, text, sort=sort,
                                                               descending=descending, limit=PAGE_SIZE, offset=offset)
            return page

        self.model.set_rows(rows, total, fetch_more)
        self.count_label.setText(self.tr("%n exhibitor(s)", "", total))
        self._reselect()

    def _reselect(self) -> None:
        row = self.model.row_of(self._selected_id) if self._selected_id else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0  # the first match, so Enter edits it
        if row >= 0:
            list_page.select_row(self.table, row)
        else:
            self.table.clearSelection()
        self._show_row(row)

    def _show_row(self, row: int) -> None:
        record = self.model.row_at(row)
        self._selected_id = record["id"] if record else None
        has = record is not None
        may_change = has and self._may_change(record)
        self.edit_button.setEnabled(may_change)
        self.delete_button.setEnabled(may_change)
        detail = exhibitor_service.exhibitor_detail(self._context.db, record["id"]) if has else None
        self.detail.show_detail(detail)

    def _may_change(self, record: dict) -> bool:
        return list_page.may_change_owned(self._context.actor, record.get("account_manager_id"))

    def _sort_by(self, key: str, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.refresh()

    def _on_data_changed(self, changes: ChangeSet) -> None:
        if any(changes.touches(t) for t in _WATCHED):
            self.refresh()

    def selected_exhibitor(self) -> dict | None:
        return self.model.row_at(self.table.currentIndex().row())

    # -- actions -----------------------------------------------------------------------
    def add_exhibitor(self) -> None:
        if self._context.show is None:
            return
        dialog = ExhibitorDialog(self._context, None, self)
        if dialog.exec() and dialog.changes:
            self._selected_id = dialog.changes.inserted["exhibitors"][0]
            self._context.announce(dialog.changes)
            name = dialog.fields["company_name"].text().strip()
            self._context.undo_stack.push(AddExhibitorCommand(self._context, self._selected_id, name))

    def edit_selected(self) -> None:
        record = self.selected_exhibitor()
        if record is None:
            return
        detail = exhibitor_service.exhibitor_detail(self._context.db, record["id"])
        if detail is None:
            self.refresh()
            return
        before = exhibitor_service.exhibitor_values(self._context.db, record["id"])
        dialog = ExhibitorDialog(self._context, detail["exhibitor"], self)
        if dialog.exec() and dialog.changes:
            self._context.announce(dialog.changes)
            after = exhibitor_service.exhibitor_values(self._context.db, record["id"])
            self._context.undo_stack.push(
                EditExhibitorCommand(self._context, record["id"], after["company_name"], before, after))

    def delete_selected(self) -> None:
        record = self.selected_exhibitor()
        if record is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete exhibitor"),
            self.tr("Delete %1 and its contacts? Edit ▸ Undo (Ctrl+Z) brings it back.")
            .replace("%1", record["company_name"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            snapshot = exhibitor_service.exhibitor_snapshot(self._context.db, record["id"])
            changes = exhibitor_service.delete_exhibitor(self._context.db, self._context.actor, record["id"])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), str(exc))
            return
        next_row = self.model.row_at(self.table.currentIndex().row() + 1) or self.model.row_at(self.table.currentIndex().row() - 1)
        self._selected_id = next_row["id"] if next_row else None
        self._context.announce(changes)
        self._context.undo_stack.push(DeleteExhibitorCommand(self._context, snapshot))

    def choose_import_file(self) -> None:
        if self._context.show is None:
            return
        path = list_page.spreadsheet_to_import(self, self._context.settings, self.tr("Import exhibitors"))
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> ImportDialog:
        """Run the import with a progress dialog; returns the dialog (shown modally)."""
        return ImportDialog(self._context, path, self).run()

    def choose_export_file(self) -> None:
        if self._context.show is None:
            return
        start = Path(self._context.settings.value("folders/export", str(Path.home())))
        suggested = start / f"{self._context.show['code']}-exhibitors.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export exhibitors"), str(suggested),
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self._context.settings.setValue("folders/export", str(Path(path).parent))
            self.export_file(Path(path))

    def export_file(self, path: Path) -> int | None:
        try:
            count = export_exhibitors(self._context.db, self._context.show["id"], path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return None
        self.window().statusBar().showMessage(
            self.tr("%1 exhibitor(s) exported to %2").replace("%1", f"{count:,}").replace("%2", str(path)), 8000)
        return count

    def _add_contact(self) -> None:
        if self._selected_id:
            dialog = ContactDialog(self._context, self._selected_id, None, self)
            if dialog.exec() and dialog.changes:
                self._context.announce(dialog.changes)

    def _edit_contact(self, contact: dict) -> None:
        dialog = ContactDialog(self._context, self._selected_id, contact, self)
        if dialog.exec() and dialog.changes:
            self._context.announce(dialog.changes)

    def _delete_contact(self, contact: dict) -> None:
        answer = QMessageBox.question(self, self.tr("Delete contact"),
                                      self.tr("Delete contact %1?").replace("%1", contact["name"]))
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self._context.announce(exhibitor_service.delete_contact(self._context.db, self._context.actor, contact["id"]))
            except UserError as exc:
                QMessageBox.warning(self, self.tr("Cannot delete"), str(exc))
