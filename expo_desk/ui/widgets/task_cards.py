"""How a build task looks on the task pages: its status, role and severity names, where it
is (booth and hall), whether it is late, the big buttons on a My-tasks row and the card on
the board. Shared so the three pages and the dialogs say the same thing the same way."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
)

from expo_desk.domain import task_names
from expo_desk.domain.enums import Role, TaskStatus
from expo_desk.domain.permissions import ROLE_NAMES
from expo_desk.ui.formats import short_date, ui_date
from expo_desk.ui.language import pick, pick_joined, ui_language
from expo_desk.ui.models.contract_table_model import OVERDUE_COLOUR

BUILD_ROLES = task_names.TASK_ROLES
STATUS_NAMES = task_names.TASK_STATUS_NAMES
SEVERITY_NAMES = task_names.SEVERITY_NAMES
PUNCH_STATUS_NAMES = task_names.PUNCH_STATUS_NAMES
STATUS_COLOURS = {TaskStatus.NOT_STARTED: QColor("#6b7280"), TaskStatus.IN_PROGRESS: QColor("#2f7fc1"),
                  TaskStatus.BLOCKED: QColor("#c77700"), TaskStatus.DONE: QColor("#1e7b34")}
LATE_COLOUR = OVERDUE_COLOUR
Index = QModelIndex | QPersistentModelIndex


def pair_text(names: dict[str, tuple[str, str]], key: str | None) -> str:
    """'进行中' or 'In progress': a vocabulary entry in the window's language (the key if unknown)."""
    zh, en = names.get(key or "", (key or "", ""))
    return pick(zh, en)


def status_text(status: str | None) -> str:
    return pair_text(STATUS_NAMES, status)


def role_text(role: str | None) -> str:
    """'项目执行' or 'Construction executor'; '—' for a task of no role (a milestone)."""
    if role not in {r.value for r in Role}:
        return "—"
    zh, en = ROLE_NAMES[Role(role)].split(" ", 1)  # the app's name of the role: '项目执行 construction executor'
    return pick(zh, en[:1].upper() + en[1:])


def place_text(row: dict) -> str:
    """'A1-012 · A1馆' (booth and hall), the hall alone for hall work, '' for show-wide work."""
    booth, hall = row.get("booth_number") or "", row.get("hall_code") or ""
    hall_text = QCoreApplication.translate("TaskCards", "Hall %1").replace("%1", hall) if hall else ""
    return " · ".join(p for p in (booth, hall_text) if p)


def checklist_text(row: dict) -> str:
    """'3/5 ✓' of the checklist, '' when the task has none."""
    total = row.get("checklist_total") or 0
    return f"{row.get('checklist_done') or 0}/{total}" if total else ""


def is_late(row: dict, today: str) -> bool:
    """Its planned finish has passed and it is not done (ISO dates compare as text)."""
    finish = row.get("planned_finish")
    return bool(finish) and finish < today and row.get("status") != TaskStatus.DONE


def short_day(iso_day: str | None) -> str:
    """'Sep 14' / '9月14日' for a day of the show's year (the year is on the page's date range)."""
    return short_date(iso_day, ui_language()) if iso_day else "—"


def span_text(first: str | None, last: str | None) -> str:
    """'14 Sep 2026 → 17 Sep 2026' in the window's language, '—' for a missing end."""
    return f"{ui_date(first) or '—'} → {ui_date(last) or '—'}"


# -- the buttons on a My-tasks row ------------------------------------------------------------

MIN_BUTTON_WIDTH = 96  # a finger's press wide, even where the words are short
BUTTON_GAP = 8
# action -> (label, key): the keys work on the selected row as well; ``task_action_label`` translates
ACTIONS: dict[str, tuple[str, str]] = {
    "start": (QT_TRANSLATE_NOOP("TaskCards", "▶ Start"), "S"),
    "finish": (QT_TRANSLATE_NOOP("TaskCards", "✓ Finish"), "F"),
    "problem": (QT_TRANSLATE_NOOP("TaskCards", "⚠ Problem"), "P"),
    "block": (QT_TRANSLATE_NOOP("TaskCards", "⊘ Block"), "B"),
    "unblock": (QT_TRANSLATE_NOOP("TaskCards", "↺ Unblock"), "B"),
}


def task_action_label(action: str) -> str:
    """The button's text in the window's language."""
    return QCoreApplication.translate("TaskCards", ACTIONS[action][0])


def row_actions(status: str | None) -> list[str]:
    """The buttons a task in this status offers, the next step first."""
    return {
        TaskStatus.NOT_STARTED: ["start", "problem", "block"],
        TaskStatus.IN_PROGRESS: ["finish", "problem", "block"],
        TaskStatus.BLOCKED: ["unblock", "problem"],
    }.get(status, ["problem"])


def actions_width(metrics: QFontMetrics) -> int:
    """Room for three buttons as wide as the longest label in the window's language."""
    widest = max(metrics.horizontalAdvance(task_action_label(action)) for action in ACTIONS)
    return 3 * max(MIN_BUTTON_WIDTH, widest + 28) + 4 * BUTTON_GAP


def button_rects(cell: QRect, status: str | None) -> list[tuple[str, QRect]]:
    """Where each button of the row sits inside its cell, left to right (three share the cell)."""
    height = max(cell.height() - 10, 20)
    top = cell.top() + (cell.height() - height) // 2
    width = max(20, (cell.width() - 4 * BUTTON_GAP) // 3)
    return [(action, QRect(cell.left() + BUTTON_GAP + n * (width + BUTTON_GAP), top, width, height))
            for n, action in enumerate(row_actions(status))]


def paint_buttons(painter: QPainter, option: QStyleOptionViewItem, status: str | None) -> None:
    """Real push buttons, drawn by the style (a view cell cannot hold thousands of widgets)."""
    style = option.widget.style() if option.widget else QApplication.style()
    for action, rect in button_rects(option.rect, status):
        button = QStyleOptionButton()
        button.rect = rect
        button.text = task_action_label(action)
        button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        button.palette = option.palette
        button.fontMetrics = option.fontMetrics
        style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, option.widget)


# -- a card on the board ----------------------------------------------------------------------

CARD_HEIGHT = 78
CARD_MIN_WIDTH = 160
CARD_MARGIN = 4


class CardDelegate(QStyledItemDelegate):
    """A task as a card: its name in bold, booth and hall, owner, due date (red when late).
    The item's UserRole holds the task row; ``today`` (ISO) decides what is late."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = ""

    def sizeHint(self, _option: QStyleOptionViewItem, _index) -> QSize:
        # narrow: a list lays its items out as wide as the viewport, never narrower, so a
        # card grows with its column and never pushes out a horizontal scroll bar
        return QSize(CARD_MIN_WIDTH, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        row = index.data(Qt.ItemDataRole.UserRole) or {}
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(CARD_MARGIN, CARD_MARGIN, -CARD_MARGIN, -CARD_MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        late = is_late(row, self.today)
        painter.setPen(QColor("#2f7fc1") if selected else QColor("#c9ced6"))
        painter.setBrush(QColor("#e8f1fb") if selected else option.palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 5, 5)
        painter.fillRect(QRectF(card.left(), card.top() + 4, 4, card.height() - 8),
                         LATE_COLOUR if late else STATUS_COLOURS.get(row.get("status"), QColor("#6b7280")))
        text = card.adjusted(12, 6, -8, -6)
        line = option.fontMetrics.height() + 2
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        metrics = painter.fontMetrics()
        painter.drawText(QRectF(text.left(), text.top(), text.width(), line), Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(pick_joined(row.get("name") or ""), Qt.TextElideMode.ElideRight, int(text.width())))
        painter.setFont(option.font)
        metrics = painter.fontMetrics()
        place = place_text(row) or QCoreApplication.translate("TaskCards", "No booth")
        painter.drawText(QRectF(text.left(), text.top() + line, text.width(), line), Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(place, Qt.TextElideMode.ElideRight, int(text.width())))
        owner = row.get("owner_name") or QCoreApplication.translate("TaskCards", "(no owner)")
        due = QCoreApplication.translate("TaskCards", "due %1").replace("%1", ui_date(row.get("planned_finish")) or "—")
        due_width = metrics.horizontalAdvance(due) + 4
        bottom = QRectF(text.left(), text.top() + 2 * line, text.width(), line)
        painter.setPen(QColor("#555"))
        painter.drawText(bottom.adjusted(0, 0, -due_width - 6, 0), Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(owner, Qt.TextElideMode.ElideRight, int(bottom.width() - due_width - 6)))
        painter.setPen(LATE_COLOUR if late else QColor("#555"))
        painter.drawText(bottom, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, due)
        painter.restore()


# -- when a page reads its tasks again --------------------------------------------------------


# -- the rows of My tasks ---------------------------------------------------------------------

ROW_HEIGHT = 46  # a finger's width: the rows are tapped on a laptop's touch screen
GROUPS: dict[str, str] = {  # key -> its heading, translated by MyTasksModel
    "overdue": QT_TRANSLATE_NOOP("MyTasksModel", "Overdue"), "today": QT_TRANSLATE_NOOP("MyTasksModel", "Today"),
    "this_week": QT_TRANSLATE_NOOP("MyTasksModel", "This week"), "later": QT_TRANSLATE_NOOP("MyTasksModel", "Later"),
}
_GROUP_BACKGROUND = {"overdue": QColor("#fbe3e6")}
_HEADER_BACKGROUND = QColor("#eef0f3")


class MyTasksModel(QAbstractItemModel):
    """Two levels: the four groups, and under each its task rows (handed in; no database)."""

    COLUMNS = [("name", QT_TRANSLATE_NOOP("MyTasksModel", "Task")),
               ("place", QT_TRANSLATE_NOOP("MyTasksModel", "Booth · hall")),
               ("exhibitor", QT_TRANSLATE_NOOP("MyTasksModel", "Exhibitor")),
               ("planned_finish", QT_TRANSLATE_NOOP("MyTasksModel", "Due")),
               ("checklist", QT_TRANSLATE_NOOP("MyTasksModel", "Checklist")),
               ("status", QT_TRANSLATE_NOOP("MyTasksModel", "Status")), ("actions", "")]
    ACTIONS_COLUMN = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[tuple[str, list[dict]]] = [(key, []) for key in GROUPS]
        self._where: dict[str, tuple[int, int]] = {}  # task id -> (group, row)

    def set_groups(self, groups: dict[str, list[dict]]) -> None:
        self.beginResetModel()
        self._groups = [(key, list(groups.get(key) or [])) for key in GROUPS]
        self._where = {r["id"]: (g, n) for g, (_key, rows) in enumerate(self._groups) for n, r in enumerate(rows)}
        self.endResetModel()

    def group_rows(self, key: str) -> list[dict]:
        return dict(self._groups)[key]

    def task_index(self, task_id: str) -> QModelIndex:
        """Where a task is now (invalid when it left the list)."""
        found = self._where.get(task_id)
        return self.index(found[1], 0, self.index(found[0], 0)) if found else QModelIndex()

    def row_at(self, index: Index) -> dict | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    # -- the tree --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, _parent: Index = QModelIndex()) -> int:
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            title = self.COLUMNS[section][1]
            return self.tr(title) if title else ""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        row = self.row_at(index)
        key = self.COLUMNS[index.column()][0]
        group = self._groups[index.internalId() - 1][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "planned_finish" and group == "overdue":
                return LATE_COLOUR
            if key == "status":
                return STATUS_COLOURS.get(row.get("status"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _text(self, row: dict, key: str) -> str:
        if key == "place":
            return place_text(row)
        if key == "checklist":
            return checklist_text(row)
        if key == "status":
            return status_text(row.get("status"))
        if key == "name" and row.get("status") == TaskStatus.BLOCKED and row.get("blocked_reason"):
            return f"{row.get('name') or ''}  ⊘ {row['blocked_reason']}"  # why, where the eye is
        if key == "actions":
            return ""
        if key == "planned_finish":
            return ui_date(row.get(key))
        return str(row.get(key) or "")

    def _tooltip(self, row: dict, key: str) -> str | None:
        if key == "actions":
            return self.tr("S start · F finish · P report a problem · B block or unblock · Enter: details")
        lines = [pick_joined(row.get("name") or ""), role_text(row.get("role"))]
        if row.get("planned_start"):
            lines.append(span_text(row["planned_start"], row.get("planned_finish")))
        if row.get("status") == "blocked" and row.get("blocked_reason"):
            lines.append(self.tr("Blocked: %1").replace("%1", row["blocked_reason"]))
        return "\n".join(line for line in lines if line)

    def _group_data(self, index: Index, role: int):
        key, rows = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{self.tr(GROUPS[key])} · {len(rows):,}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and key == "overdue" and rows:
            return LATE_COLOUR
        if role == Qt.ItemDataRole.BackgroundRole:
            return _GROUP_BACKGROUND.get(key, _HEADER_BACKGROUND) if rows else _HEADER_BACKGROUND
        return None


class RowDelegate(QStyledItemDelegate):
    """Tall rows; the last column paints the row's buttons and turns a click on one into
    ``clicked(action, row)``."""

    clicked = Signal(str, dict)

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setHeight(ROW_HEIGHT)
        if index.column() == MyTasksModel.ACTIONS_COLUMN:
            size.setWidth(actions_width(option.fontMetrics))
        return size

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        row = index.data(Qt.ItemDataRole.UserRole)
        if row is not None and index.column() == MyTasksModel.ACTIONS_COLUMN:
            paint_buttons(painter, option, row.get("status"))

    def editorEvent(self, event, model, option, index) -> bool:
        row = index.data(Qt.ItemDataRole.UserRole)
        if (row is None or index.column() != MyTasksModel.ACTIONS_COLUMN
                or event.type() != QEvent.Type.MouseButtonRelease or event.button() != Qt.MouseButton.LeftButton):
            return super().editorEvent(event, model, option, index)
        for action, rect in button_rects(option.rect, row.get("status")):
            if rect.contains(event.position().toPoint()):
                self.clicked.emit(action, row)
                return True
        return False
