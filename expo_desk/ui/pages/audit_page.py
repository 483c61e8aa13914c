"""The Audit trail page: who changed what and when, filtered in SQL, with every old and new value.

Only those who may view the audit (department manager, administrator) see entries; for
anyone else the services refuse and the page says so instead of showing a table.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.audit import AuditFilter
from expo_desk.errors import PermissionDenied, UserError
from expo_desk.services import audit as audit_service
from expo_desk.services.changes import ChangeSet
from expo_desk.ui.context import AppContext
from expo_desk.ui.formats import ui_date
from expo_desk.ui.models.audit_table_model import AuditTableModel, local_time
from expo_desk.ui.record_names import action_label, field_label, shown, table_label

PAGE_SIZE = 200
NO_DATE = QDate(2000, 1, 1)  # the lowest date an edit accepts, shown as "any"


class AuditPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._people: list[dict] = []

        self.person_combo = QComboBox()
        self.person_combo.setObjectName("audit_person")
        self.person_combo.setMinimumContentsLength(12)
        self.from_date = self._date_edit("audit_from")
        self.to_date = self._date_edit("audit_to")
        self.table_combo = QComboBox()
        self.table_combo.setObjectName("audit_table")
        self.table_combo.setMinimumContentsLength(12)
        self.record_edit = QLineEdit()
        self.record_edit.setObjectName("audit_record")
        self.record_edit.setClearButtonEnabled(True)
        self.record_edit.setPlaceholderText(self.tr("Record id"))
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("audit_text")
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setPlaceholderText(self.tr("Find in old or new values… (Ctrl+F)"))
        self.clear_button = QPushButton(self.tr("C&lear filters"))
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        self.export_button.setToolTip(self.tr("Save the entries that match the filters as a CSV file"))
        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count")

        filters = QHBoxLayout()
        for label, widget, stretch in (
            (self.tr("Person"), self.person_combo, 0), (self.tr("From"), self.from_date, 0),
            (self.tr("To"), self.to_date, 0), (self.tr("Table"), self.table_combo, 0),
            (self.tr("Record"), self.record_edit, 1), (None, self.text_edit, 2),
        ):
            if label:
                caption = QLabel(label)
                caption.setBuddy(widget)
                filters.addWidget(caption)
            filters.addWidget(widget, stretch)
        filters.addWidget(self.clear_button)
        filters.addWidget(self.export_button)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("audit_entries")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        longest_time = self.table.fontMetrics().horizontalAdvance(f"{ui_date('2026-12-28')} 23:59:59") + 16
        for column, width in enumerate((longest_time, 90, 60, 80, 220)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_entry(current.row()))

        self.detail_title = QLabel()
        self.detail_title.setObjectName("audit_detail_title")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_values = QTableWidget(0, 3)
        self.detail_values.setObjectName("audit_detail_values")
        self.detail_values.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.detail_values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail_values.verticalHeader().hide()
        self.detail_values.setWordWrap(True)
        values_header = self.detail_values.horizontalHeader()
        values_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        values_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        values_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        detail = QWidget()
        detail_box = QVBoxLayout(detail)
        detail_box.setContentsMargins(0, 4, 0, 0)
        detail_box.addWidget(self.detail_title)
        detail_box.addWidget(self.detail_values, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        content = QWidget()
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(filters)
        box.addWidget(self.count_label)
        box.addWidget(self.splitter, 1)

        self.notice = QLabel()
        self.notice.setObjectName("audit_notice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setMargin(40)
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.notice)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(250)
        self._text_timer.timeout.connect(self.refresh)
        self.record_edit.textChanged.connect(lambda _text: self._text_timer.start())
        self.text_edit.textChanged.connect(lambda _text: self._text_timer.start())
        self.record_edit.returnPressed.connect(self.refresh)
        self.text_edit.returnPressed.connect(self.refresh)
        self.person_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.from_date.dateChanged.connect(lambda _d: self.refresh())
        self.to_date.dateChanged.connect(lambda _d: self.refresh())
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button.clicked.connect(self.choose_export_file)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_text,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        context.data_changed.connect(self._on_data_changed)
        context.database_changed.connect(self._on_database_changed)
        context.actor_changed.connect(self._on_data_changed)  # may the new person view it?
        self._on_database_changed()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any day"))
        edit.setDate(NO_DATE)
        edit.setToolTip(self.tr("In your local time; the lowest date means any day"))
        return edit

    # -- filters -------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        person = self.person_combo.currentData()
        first, last = (None if e.date() <= NO_DATE else e.date().toPython() for e in (self.from_date, self.to_date))
        since, until = audit_service.local_day_bounds(first, last)
        return AuditFilter(
            user_ids=tuple(person["user_ids"]) if person else (),
            user_names=tuple(person["user_names"]) if person else (),
            since=since, until=until,
            table=self.table_combo.currentData() or None,
            row_id=self.record_edit.text().strip() or None,
            text=self.text_edit.text().strip(),
        )

    def set_person(self, label: str) -> bool:
        """Choose a person by the name the picker shows; False when not in the trail."""
        index = self.person_combo.findText(label)
        if index >= 0:
            self.person_combo.setCurrentIndex(index)
        return index >= 0

    def set_table(self, table: str | None) -> None:
        index = self.table_combo.findData(table) if table else 0
        if index < 0:
            self.table_combo.addItem(table_label(table), table)
            index = self.table_combo.count() - 1
        self.table_combo.setCurrentIndex(index)

    def set_dates(self, first: QDate | None, last: QDate | None) -> None:
        with _Quiet(self.from_date, self.to_date):
            self.from_date.setDate(first or NO_DATE)
            self.to_date.setDate(last or NO_DATE)
        self.refresh()

    def show_record(self, table: str | None, row_id: str) -> None:
        """The whole history of one record (other filters cleared)."""
        with _Quiet(self.person_combo, self.table_combo, self.from_date, self.to_date, self.record_edit, self.text_edit):
            self._reset_filters()
            self.set_table(table)
            self.record_edit.setText(row_id)
        self.refresh()

    def clear_filters(self) -> None:
        with _Quiet(self.person_combo, self.table_combo, self.from_date, self.to_date, self.record_edit, self.text_edit):
            self._reset_filters()
        self.refresh()

    def _reset_filters(self) -> None:
        self.person_combo.setCurrentIndex(0)
        self.table_combo.setCurrentIndex(0)
        self.from_date.setDate(NO_DATE)
        self.to_date.setDate(NO_DATE)
        self.record_edit.clear()
        self.text_edit.clear()

    def _fill_pickers(self) -> None:
        """People and tables present in the trail, keeping what was chosen."""
        ctx = self._context
        person = self.person_combo.currentText() if self.person_combo.currentIndex() > 0 else None
        table = self.table_combo.currentData()
        self._people = audit_service.audit_people(ctx.db, ctx.actor)
        tables = audit_service.audit_tables(ctx.db, ctx.actor)
        with _Quiet(self.person_combo, self.table_combo):
            self.person_combo.clear()
            self.person_combo.addItem(self.tr("Everyone"), None)
            for p in self._people:
                self.person_combo.addItem(p["label"], p)
            self.person_combo.setCurrentIndex(max(0, self.person_combo.findText(person)) if person else 0)
            self.table_combo.clear()
            self.table_combo.addItem(self.tr("All tables"), None)
            for name in sorted(tables, key=lambda t: table_label(t).casefold()):
                self.table_combo.addItem(table_label(name), name)
            if table:
                self.set_table(table)

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the filtered query; the notice replaces the table when it is refused."""
        self._text_timer.stop()
        ctx = self._context
        if ctx.db is None:
            self._show_notice(self.tr("Open a show file to see its audit trail."))
            return
        f = self.current_filter()
        try:
            rows, total = audit_service.audit_page(ctx.db, ctx.actor, f, limit=PAGE_SIZE)
        except PermissionDenied as exc:
            self._show_notice(self.tr("The audit trail is for department managers and administrators.")
                              + "\n\n" + str(exc))
            return
        self.stack.setCurrentIndex(0)

        def fetch_more(offset: int) -> list[dict]:
            return audit_service.audit_entries(ctx.db, ctx.actor, f, limit=PAGE_SIZE, offset=offset)

        self.model.set_rows(rows, total, fetch_more)
        self.count_label.setText(self.tr("%n entry(s), newest first", "", total))
        self.export_button.setEnabled(total > 0)
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_entry(0 if self.model.rowCount() else -1)

    def _show_notice(self, text: str) -> None:
        self.model.set_rows([], 0)
        self._show_entry(-1)
        self.notice.setText(text)
        self.stack.setCurrentIndex(1)

    @property
    def refused(self) -> bool:
        return self.stack.currentIndex() == 1

    def _reload(self) -> None:
        ctx = self._context
        if ctx.db is None:
            self.refresh()
            return
        try:
            self._fill_pickers()
        except PermissionDenied:
            pass  # refresh() shows why
        self.refresh()

    def _on_database_changed(self) -> None:
        with _Quiet(self.person_combo, self.table_combo, self.from_date, self.to_date, self.record_edit, self.text_edit):
            self._reset_filters()
        if self.isVisible():
            self._reload()

    def _on_data_changed(self, _changes: ChangeSet | None = None) -> None:
        # every audited change adds entries; a hidden page catches up when it is shown
        if self.isVisible():
            self._reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # the signed-in person may have changed while the page was hidden: always re-check
        self._reload()

    def _focus_text(self) -> None:
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    # -- the selected entry ---------------------------------------------------------------
    def selected_entry(self) -> dict | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _show_entry(self, row: int) -> None:
        entry = self.model.row_at(row)
        if entry is None:
            self.detail_title.setText("")
            self.detail_values.setRowCount(0)
            return
        record = entry.get("record") or ""
        self.detail_title.setText(
            f"<b>{_escape(local_time(entry['at']))}</b> · {_escape(entry['user_name'])} · "
            f"{_escape(action_label(entry['action']))} · {_escape(table_label(entry['table_name']))}"
            f"{' · ' + _escape(record) if record else ''}<br><small>{_escape(entry['row_id'])}</small>")
        old, new = entry["old"], entry["new"]
        fields = list(dict.fromkeys([*old, *new]))
        self.detail_values.setRowCount(len(fields))
        for r, key in enumerate(fields):
            name = QTableWidgetItem(field_label(key))
            name.setToolTip(key)
            self.detail_values.setItem(r, 0, name)
            for c, values in ((1, old), (2, new)):
                text = shown(key, values.get(key)) if key in values else ""
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.detail_values.setItem(r, c, item)

    # -- export ---------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        ctx = self._context
        if ctx.db is None:
            return
        start = Path(ctx.settings.value("folders/export", str(Path.home()))) / "audit-trail.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit trail"), str(start),
                                              self.tr("CSV files (*.csv)"))
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            ctx.settings.setValue("folders/export", str(Path(path).parent))
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        ctx = self._context
        try:
            written = audit_service.export_audit_csv(ctx.db, ctx.actor, self.current_filter(), path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return None
        self.count_label.setText(self.tr("%n entry(s) exported to %1", "", written).replace("%1", str(path)))
        return written


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Quiet:
    """Block the widgets' signals for a block of programmatic changes."""

    def __init__(self, *widgets: QWidget):
        self._widgets = widgets

    def __enter__(self) -> None:
        self._blocked = [w.blockSignals(True) for w in self._widgets]

    def __exit__(self, *_exc) -> None:
        for widget, was in zip(self._widgets, self._blocked):
            widget.blockSignals(was)
