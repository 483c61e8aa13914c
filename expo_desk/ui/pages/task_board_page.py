"""The task board (任务看板): one role's tasks across all booths in four columns by status,
optionally one hall's. Dragging a card to another column (or "Move to…" on its menu) starts,
finishes, blocks or unblocks it through the services.

A column shows at most ``SHOWN_PER_COLUMN`` cards, as ``services.tasks.board`` gives them,
and says how many more there are: a large show has hundreds of thousands of tasks per role.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.enums import TaskStatus
from expo_desk.errors import UserError
from expo_desk.services import tasks as task_service
from expo_desk.services.booths import list_halls
from expo_desk.services.changes import ChangeSet
from expo_desk.services.task_views import board_counts
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.task_dialogs import TaskDetailDialog, run_task_action
from expo_desk.ui.language import pick_joined
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.follow_changes import FollowChanges
from expo_desk.ui.widgets.tables import notice_label
from expo_desk.ui.widgets.task_cards import (
    BUILD_ROLES,
    STATUS_COLOURS,
    CardDelegate,
    role_text,
    status_text,
)

SHOWN_PER_COLUMN = 200
COLUMN_ORDER = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.DONE)

# (from, to) -> the service step that moves a card; a finished task is not reopened here, and
# an unblocked task goes back to where it was (then, if need be, one more step)
MOVES: dict[tuple[str, str], str] = {
    ("not_started", "in_progress"): "start",
    ("not_started", "done"): "finish",
    ("not_started", "blocked"): "block",
    ("in_progress", "done"): "finish",
    ("in_progress", "blocked"): "block",
    ("blocked", "not_started"): "unblock",
    ("blocked", "in_progress"): "unblock",
    ("blocked", "done"): "unblock",
}


def move_step(status_from: str, status_to: str) -> str | None:
    """The next action on the way from one column to another; None when there is none."""
    return MOVES.get((status_from, status_to))


class BoardColumn(QListWidget):
    """One status's cards. A card dropped here from another column is reported as
    ``dropped(row, status)``; the board moves it through the services and reloads."""

    dropped = Signal(dict, str)

    def __init__(self, status: str, delegate: CardDelegate, parent: QWidget | None = None):
        super().__init__(parent)
        self.status = status
        self.setObjectName(f"column_{status}")
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def set_rows(self, rows: list[dict]) -> None:
        self.clear()
        for row in rows:
            item = QListWidgetItem(pick_joined(row.get("name") or ""))
            item.setData(Qt.ItemDataRole.UserRole, row)
            item.setToolTip(_card_tooltip(row))
            self.addItem(item)

    def rows(self) -> list[dict]:
        return [self.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.count())]

    def _from_other_column(self, event) -> bool:
        source = event.source()
        return isinstance(source, BoardColumn) and source is not self and source.currentItem() is not None

    def dragEnterEvent(self, event) -> None:
        if self._from_other_column(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._from_other_column(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        if not self._from_other_column(event):
            event.ignore()
            return
        row = event.source().currentItem().data(Qt.ItemDataRole.UserRole)
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the reload places the card, not Qt
        event.accept()
        self.dropped.emit(row, self.status)


def _card_tooltip(row: dict) -> str:
    lines = [pick_joined(row.get("name") or ""), status_text(row.get("status"))]
    if row.get("exhibitor"):
        lines.append(row["exhibitor"])
    lines.append(f"{row.get('planned_start') or '—'} → {row.get('planned_finish') or '—'}")
    if row.get("blocked_reason"):
        lines.append(row["blocked_reason"])
    return "\n".join(lines)


class TaskBoardPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.today: date | None = None  # None: the computer's date
        self.board: dict[str, list[dict]] = {}

        self.role = QComboBox()
        self.role.setObjectName("board_role")
        for role in BUILD_ROLES:
            self.role.addItem(role_text(role), role.value)
        self._follow_role()
        context.actor_changed.connect(self._follow_role)
        self.hall = QComboBox()
        self.hall.setObjectName("board_hall")
        self.hall.setMinimumContentsLength(12)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.setShortcut("F5")
        refresh.setToolTip(self.tr("Read the board again (F5)"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        for label, widget in ((self.tr("&Role"), self.role), (self.tr("&Hall"), self.hall)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Drag a card to another column, or right-click it: Move to…")))
        top.addWidget(refresh)

        self.errors = ErrorLabel()
        self.notice = notice_label("")
        self.notice.hide()
        self.delegate = CardDelegate(self)
        self.columns: dict[str, BoardColumn] = {}
        self.headers: dict[str, QLabel] = {}
        self.more: dict[str, QLabel] = {}
        lanes = QHBoxLayout()
        for status in COLUMN_ORDER:
            lanes.addWidget(self._lane(status), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.errors)
        layout.addWidget(self.notice)
        layout.addLayout(lanes, 1)

        self.role.currentIndexChanged.connect(lambda _i: self.refresh())
        self.hall.currentIndexChanged.connect(lambda _i: self.refresh())
        self.follow = FollowChanges(self, self.refresh, 300, context.data_changed)
        context.database_changed.connect(self._on_database)

    def _lane(self, status: str) -> QFrame:
        lane = QFrame()
        lane.setObjectName(f"lane_{status}")
        lane.setFrameShape(QFrame.Shape.StyledPanel)
        header = QLabel()
        header.setObjectName(f"header_{status}")
        font = header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        header.setFont(font)
        header.setStyleSheet(f"color: {STATUS_COLOURS[status].name()}; padding: 4px;")
        column = BoardColumn(status, self.delegate)
        column.dropped.connect(self.move_card)
        column.customContextMenuRequested.connect(lambda point, c=column: self._menu_at(c, point))
        column.itemDoubleClicked.connect(self.open_detail)
        more = QLabel()
        more.setObjectName(f"more_{status}")
        more.setStyleSheet("color: #555; padding: 2px 4px;")
        more.setWordWrap(True)
        more.hide()
        box = QVBoxLayout(lane)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(header)
        box.addWidget(column, 1)
        box.addWidget(more)
        self.columns[status], self.headers[status], self.more[status] = column, header, more
        return lane

    # -- when to read the board -----------------------------------------------------------
    def _on_database(self) -> None:
        self._fill_halls()
        self.follow.changed()

    def _fill_halls(self) -> None:
        ctx = self._context
        chosen = self.hall.currentData()
        self.hall.blockSignals(True)
        self.hall.clear()
        self.hall.addItem(self.tr("All halls"), None)
        if ctx.db is not None and ctx.show is not None:
            for hall in list_halls(ctx.db, ctx.show["id"]):
                self.hall.addItem(f"{hall['code']} {hall.get('name') or ''}".strip(), hall["id"])
        self.hall.setCurrentIndex(max(0, self.hall.findData(chosen)))
        self.hall.blockSignals(False)

    def today_text(self) -> str:
        return (self.today or date.today()).isoformat()

    def refresh(self) -> None:
        self.follow.fresh()
        ctx = self._context
        if self.hall.count() == 0:
            self._fill_halls()
        if ctx.db is None or ctx.show is None:
            self.notice.setText(self.tr("Open a show file to see its tasks."))
            self.notice.show()
            return
        self.notice.hide()
        self.delegate.today = self.today_text()
        hall_id = self.hall.currentData()
        # one card more than shown tells whether a hall's column goes on; the whole show's
        # columns are counted exactly
        self.board = task_service.board(ctx.db, ctx.show["id"], self.role.currentData(), hall_id=hall_id,
                                        limit_per_column=SHOWN_PER_COLUMN + 1)
        totals = None if hall_id else board_counts(ctx.db, ctx.show["id"], self.role.currentData())
        for status in COLUMN_ORDER:
            rows = self.board.get(status) or []
            shown = rows[:SHOWN_PER_COLUMN]
            self.columns[status].set_rows(shown)
            if totals is not None:
                hidden = totals.get(status, len(rows)) - len(shown)
                count = f"{totals.get(status, len(rows)):,}"
                more = self.tr("+%1 more — choose a hall to narrow the board").replace("%1", f"{hidden:,}")
            else:
                hidden = len(rows) - len(shown)
                count = f"{len(shown):,}" + ("+" if hidden else "")
                more = self.tr("+ more in this hall: the soonest due %1 are shown").replace(
                    "%1", str(SHOWN_PER_COLUMN))
            self.headers[status].setText(f"{status_text(status)} · {count}")
            self.more[status].setText(more)
            self.more[status].setVisible(hidden > 0)

    # -- moving cards ---------------------------------------------------------------------------
    def menu_for(self, column: BoardColumn, item: QListWidgetItem) -> QMenu:
        """The card's menu: open it, or move it to each column it can go to."""
        row = item.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        menu.addAction(self.tr("Open…"), lambda: self.open_detail(item))
        move = menu.addMenu(self.tr("Move to…"))
        for status in COLUMN_ORDER:
            if status == column.status:
                continue
            action = move.addAction(status_text(status), lambda s=status: self.move_card(row, s))
            action.setObjectName(f"move_to_{status}")
            action.setEnabled(move_step(column.status, status) is not None)
        return menu

    def _menu_at(self, column: BoardColumn, point: QPoint) -> None:
        item = column.itemAt(point)
        if item is not None:
            column.setCurrentItem(item)
            self.menu_for(column, item).exec(column.viewport().mapToGlobal(point))

    def move_card(self, row: dict, status: str) -> None:
        """Take the task to the column ``status`` through the services, a step at a time
        (unblocking returns a task to where it was, which may already be the column)."""
        if move_step(row.get("status") or "", status) is None:
            self.errors.show_message(self.tr("%1 cannot go from %2 to %3 on the board.")
                                     .replace("%1", pick_joined(row.get("name") or "")).replace("%2", status_text(row.get("status")))
                                     .replace("%3", status_text(status)))
            return
        ctx, changes, current = self._context, ChangeSet(), dict(row)
        try:
            for _ in range(3):  # at most unblock, then start or finish
                action = move_step(current["status"], status)
                step = run_task_action(self, ctx, action, current, self.today_text()) if action else None
                if step is None:  # there, or the person cancelled a dialog
                    break
                changes.merge(step)
                detail = task_service.task_detail(ctx.db, row["id"])
                current = dict(detail.get("task", detail))
        except UserError as exc:
            self.errors.show_message(str(exc))
        else:
            self.errors.show_message("")
        if changes:
            ctx.announce(changes)
            self.refresh()

    def open_detail(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        dialog = TaskDetailDialog(self._context, row["id"], self.today_text(), self)
        dialog.exec()
        if dialog.changed:
            self.refresh()

    def _follow_role(self) -> None:
        """Open on the signed-in person's own role (the board of the others stays a choice away)."""
        role = self._context.actor.role
        if role in BUILD_ROLES:
            self.role.setCurrentIndex(BUILD_ROLES.index(role))
