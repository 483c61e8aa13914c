"""What a list page (exhibitors, pipeline) is built from: the search box that waits for a
pause in typing, the table over a model that pages rows in from SQL, the page's keys, and
picking the spreadsheet to import."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QItemSelectionModel,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QLineEdit, QStyle, QTableView, QWidget

from expo_desk.domain.actors import Actor
from expo_desk.domain.permissions import Action, can

TYPING_PAUSE_MS = 40
ROW_HEIGHT = 26
Keys = Iterable[tuple[QKeySequence | QKeySequence.StandardKey, Callable[[], object]]]


class SearchBox(QLineEdit):
    """The search field: a clear button, and ``settled`` once typing pauses, so a fast
    typist runs one query rather than one per key."""

    settled = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("search")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.settled)
        self.textChanged.connect(lambda _text: self._pause.start())

    def forget_pending(self) -> None:
        """No ``settled`` for what was typed so far (the list is being loaded anyway)."""
        self._pause.stop()

    def focus_all(self) -> None:
        """Ctrl+F: the cursor in the box with its text selected, to type over it."""
        self.setFocus()
        self.selectAll()


def paged_table(model: QAbstractItemModel, name: str, widths: Iterable[int], sort_column: int) -> QTableView:
    """A read-only table of whole rows, one selected at a time, sorted by ``sort_column`` to
    start with (the model sorts in SQL); each column at least as wide as its header text
    (longer in some languages), the last one taking the room left."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicator(sort_column, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrowed heading ends in '…', whole in its tooltip
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
    header.setStretchLastSection(True)
    return table


def widen_for(table: QTableView, column: int, sample: str) -> None:
    """Make ``column`` wide enough for ``sample`` (the longest value it shows, e.g. a date in
    the window's language), so it is not cut to '…' in one language and roomy in the other."""
    needed = table.fontMetrics().horizontalAdvance(sample) + 2 * table.style().pixelMetric(
        QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 12
    table.setColumnWidth(column, max(table.columnWidth(column), needed))


def select_row(table: QTableView, row: int) -> None:
    """Make ``row`` the table's current, selected row and scroll to it."""
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(index)


def add_shortcuts(page: QWidget, page_keys: Keys, table: QTableView, table_keys: Keys) -> None:
    """``page_keys`` work wherever the focus is on the page (Ctrl+F, Ctrl+N, …);
    ``table_keys`` only in the table (Enter, F2, Delete), so they never act on typed text."""
    for keys, slot in page_keys:
        QShortcut(keys, page, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for keys, slot in table_keys:
        QShortcut(keys, table, slot, context=Qt.ShortcutContext.WidgetShortcut)


def may_change_owned(actor: Actor, owner_id: str | None) -> bool:
    """Mirror of the services' owner rule (``require_owner``), only to grey out buttons;
    the services decide."""
    return can(actor, Action.EDIT_ANY_EXHIBITOR) or (can(actor, Action.EDIT_EXHIBITORS) and owner_id == actor.user_id)


def spreadsheet_to_import(page: QWidget, settings: QSettings, title: str) -> Path | None:
    """Ask for the .xlsx or .csv to import, starting in the folder of the last import
    (remembered for the next one); None when the person cancels."""
    start = settings.value("folders/import", str(Path.home()))
    kinds = QCoreApplication.translate("ListPage", "Spreadsheets (*.xlsx *.csv)")
    path, _ = QFileDialog.getOpenFileName(page, title, start, kinds)
    if not path:
        return None
    settings.setValue("folders/import", str(Path(path).parent))
    return Path(path)
