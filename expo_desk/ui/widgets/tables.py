"""Small read-only tables and the amber notice line, as every dialog and pane shows them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem

NOTICE_STYLE = "color: #8a6d00;"
LONG_TEXT = 24  # characters beyond which a cell may be cut short, so it carries its text as a tooltip


def record_table(headers: list[str], stretch: int | None = None, name: str = "") -> QTableWidget:
    """Rows selected whole, one at a time, not editable; columns sized to their contents,
    ``stretch`` (or the last one) taking the room left."""
    table = QTableWidget(0, len(headers))
    if name:
        table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    for column, text in enumerate(headers):
        table.horizontalHeaderItem(column).setToolTip(text)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a squeezed heading ends in '…', whole in its tooltip
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    """Replace the table's rows; ``ids`` ride along as each cell's UserRole data."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if len(value) > LONG_TEXT:
                item.setToolTip(value)  # the whole text when the column cuts it to '…'
            if ids:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)


def notice_label(text: str) -> QLabel:
    """The amber line that says why something is read-only or not there yet."""
    label = QLabel(text)
    label.setObjectName("notice")
    label.setStyleSheet(NOTICE_STYLE)
    label.setWordWrap(True)
    return label
