"""The department manager's dashboard: figure tiles, then tables per account manager,
sector and hall with a bar per row.

Every figure comes from ``services.dashboard.dashboard``; the page formats, it does not
add up money. It recomputes when something changed (shortly after, so a burst of changes
costs one refresh) and only while it is visible; a hidden page catches up when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.services.dashboard import dashboard
from expo_desk.ui.context import AppContext
from expo_desk.ui.floorplan.booth_item import sector_label
from expo_desk.ui.formats import ui_date, ui_money
from expo_desk.ui.widgets.follow_changes import FollowChanges
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table

_TILES = ("sold", "occupancy", "revenue", "received", "overdue")
_OVERDUE_STYLE = "color: #b00020;"
BAR_WIDTH = 240
_BAR_COLOUR = "#2f7fc1"


def _m2(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") + " m²"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"


class PercentBar(QWidget):
    """A bar out of 100 % with the figure beside it (which may pass 100 %), never on it."""

    def __init__(self, percent: float | None = None, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self._percent = percent
        self.setMinimumSize(120, 18)

    def text(self) -> str:
        return _pct(self._percent)

    def set_percent(self, percent: float | None) -> None:
        self._percent = percent
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_width = self.fontMetrics().horizontalAdvance("100.0 %") + 8
        track = QRectF(4, self.height() / 2 - 6, max(self.width() - label_width - 8, 10), 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e3e6ea"))
        painter.drawRoundedRect(track, 3, 3)
        if self._percent:
            filled = QRectF(track)
            filled.setWidth(track.width() * max(0.0, min(self._percent, 100.0)) / 100)
            painter.setBrush(QColor(_BAR_COLOUR))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(QRectF(track.right() + 6, 0, label_width, self.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self.text())
        painter.end()


def _unbroken_units(text: str) -> str:
    """A wrapped line never parts a figure from its unit ('89,549.00 元', '8,811 m²')."""
    return text.replace(" 元", "\u00a0元").replace(" m²", "\u00a0m²").replace(" %", "\u00a0%")


class _Tile(QFrame):
    """One figure: a caption, the figure large, a line of context and an optional bar."""

    def __init__(self, name: str, caption: str, with_bar: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"tile_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555;")
        self.value = QLabel()
        self.value.setObjectName(f"tile_{name}_value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setObjectName(f"tile_{name}_detail")
        self.detail.setWordWrap(True)
        self.bar = PercentBar(None, f"tile_{name}_bar") if with_bar else None
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.setSpacing(2)
        for widget in (self.caption, self.value, self.detail, self.bar):
            if widget is not None:
                box.addWidget(widget)
        box.addStretch(1)

    def set(self, value: str, detail: str, percent: float | None = None) -> None:
        self.value.setText(value)
        self.detail.setText(_unbroken_units(detail))
        if self.bar is not None:
            self.bar.set_percent(percent)


class DashboardPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.figures: dict | None = None

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.as_of = QLabel()
        self.as_of.setObjectName("as_of")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.setToolTip(self.tr("Work the figures out again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.as_of)
        top.addWidget(self.refresh_button)

        captions = {"sold": self.tr("Sold"), "occupancy": self.tr("Occupancy"),
                    "revenue": self.tr("Signed revenue"), "received": self.tr("Received"),
                    "overdue": self.tr("Overdue")}
        self.tiles = {name: _Tile(name, captions[name], name in ("occupancy", "revenue", "received"))
                      for name in _TILES}
        self.tiles["overdue"].value.setStyleSheet(_OVERDUE_STYLE)
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for column, name in enumerate(_TILES):
            tiles.addWidget(self.tiles[name], 0, column)
            tiles.setColumnStretch(column, 1)

        money = [self.tr("Contracts"), self.tr("Signed revenue"), self.tr("Share"), self.tr("Due"),
                 self.tr("Received"), self.tr("Overdue"), self.tr("Received of due")]
        self.by_manager = record_table([self.tr("Account manager"), *money], stretch=0, name="by_manager")
        self.by_sector = record_table([self.tr("Sector"), *money], stretch=0, name="by_sector")
        self.by_hall = record_table([self.tr("Hall"), self.tr("Booths"), self.tr("Sold m²"), self.tr("Reserved m²"),
                                     self.tr("Available m²"), self.tr("Booth revenue"), self.tr("Due"),
                                     self.tr("Received"), self.tr("Overdue"), self.tr("Occupancy (sold)")],
                                    stretch=0, name="by_hall")
        self.by_hall.setToolTip(self.tr("Booth revenue: the booth lines of signed contracts in the hall. Money: the "
                                        "contracts with a booth in the hall (a contract in two halls counts in both)."))
        for table in (self.by_manager, self.by_sector, self.by_hall):
            last = table.columnCount() - 1
            table.verticalHeader().setDefaultSectionSize(26)
            table.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(last, BAR_WIDTH)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("breakdowns")
        self.tabs.addTab(self.by_manager, self.tr("By account manager"))
        self.tabs.addTab(self.by_sector, self.tr("By sector"))
        self.tabs.addTab(self.by_hall, self.tr("By hall"))

        self.notice = notice_label("")
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(tiles)
        layout.addWidget(self.tabs, 1)

        self.follow = FollowChanges(self, self.refresh, 300, context.data_changed, context.database_changed)

    # -- when to work the figures out --------------------------------------------------------
    def refresh(self) -> None:
        self.follow.fresh()
        ctx = self._context
        if ctx.db is None or ctx.show is None:
            self.figures = None
            self.notice.setText(self.tr("Open a show file to see its figures."))
            self.notice.show()
            return
        self.notice.hide()
        self.figures = dashboard(ctx.db, ctx.show["id"])
        self._show(self.figures)

    # -- showing them ---------------------------------------------------------------------
    def _show(self, f: dict) -> None:
        show = self._context.show
        self.heading.setText(f"{show['name']}" + (f" · {show['name_en']}" if show.get("name_en") else ""))
        self.as_of.setText(self.tr("As of %1").replace("%1", ui_date(f["today"])))
        b, r, m = f["booths"], f["revenue"], f["money"]
        self.tiles["sold"].set(
            _m2(b["sold_m2"]),
            self.tr("%n booth(s) sold · %1 reserved · %2 available", "", b["sold_booths"])
            .replace("%1", _m2(b["reserved_m2"])).replace("%2", _m2(b["available_m2"])))
        self.tiles["occupancy"].set(
            _pct(b["occupancy_percent"]),
            self.tr("of %1 for sale; %2 with reservations").replace("%1", _m2(b["sellable_m2"]))
            .replace("%2", _pct(b["taken_percent"])), b["occupancy_percent"])
        target = self.tr("target %1").replace("%1", ui_money(r["target_fen"])) if r["target_fen"] else self.tr(
            "no target set")
        fees = self.tr(" (incl. %1 cancellation fees)").replace("%1", ui_money(r["fees_fen"])) if r["fees_fen"] else ""
        self.tiles["revenue"].set(ui_money(r["signed_fen"]),
                                  self.tr("%n contract(s)", "", r["contracts"]) + fees + " · " + target,
                                  r["target_percent"])
        self.tiles["received"].set(ui_money(m["paid_fen"]),
                                   self.tr("of %1 due; %2 still to come").replace("%1", ui_money(m["due_fen"]))
                                   .replace("%2", ui_money(m["outstanding_fen"])), m["received_percent"])
        self.tiles["overdue"].set(ui_money(m["overdue_fen"]),
                                  self.tr("%n contract(s) late", "", m["overdue_contracts"]))
        self._fill_money(self.by_manager, f["by_manager"], self.tr("(no account manager)"))
        self._fill_money(self.by_sector, f["by_sector"], self.tr("(no sector)"), sector_label)
        self._fill_halls(f["by_hall"])

    def _fill_money(self, table: QTableWidget, rows: list[dict], nobody: str, label=str) -> None:
        table.setRowCount(0)  # replacing items beside the old bars costs 40 times more than starting afresh
        fill_table(table, [[label(r["name"]) if r["name"] else nobody, f"{r['contracts']:,}", ui_money(r["revenue_fen"]),
                            _pct(r["share_percent"]), ui_money(r["due_fen"]), ui_money(r["paid_fen"]),
                            ui_money(r["overdue_fen"]), ""] for r in rows], [r["key"] for r in rows])
        for n, r in enumerate(rows):
            table.setCellWidget(n, 7, PercentBar(r["received_percent"]))
        _align_numbers(table, range(1, 7))

    def _fill_halls(self, rows: list[dict]) -> None:
        table = self.by_hall
        table.setRowCount(0)
        fill_table(table, [[f"{h['code']} {h['name']}".strip(), f"{h['booths']:,}", _m2(h["sold_m2"]),
                            _m2(h["reserved_m2"]), _m2(h["available_m2"]), ui_money(h["booth_revenue_fen"]),
                            ui_money(h["due_fen"]), ui_money(h["paid_fen"]), ui_money(h["overdue_fen"]), ""]
                           for h in rows], [h["hall_id"] for h in rows])
        for n, h in enumerate(rows):
            table.setCellWidget(n, 9, PercentBar(h["occupancy_percent"]))
        _align_numbers(table, range(1, 9))

    def row_texts(self, table: QTableWidget) -> list[list[str]]:
        """What a table shows, row by row (a bar as its label)."""
        found = []
        for r in range(table.rowCount()):
            row = []
            for c in range(table.columnCount()):
                widget = table.cellWidget(r, c)
                row.append(widget.text() if isinstance(widget, PercentBar) else table.item(r, c).text())
            found.append(row)
        return found


def _align_numbers(table: QTableWidget, columns: range) -> None:
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for r in range(table.rowCount()):
        for c in columns:
            table.item(r, c).setTextAlignment(right)
