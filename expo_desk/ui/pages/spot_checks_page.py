"""The Spot checks page (抽查): past checks, drawing a sample, working through its items with
the checklist, signing off, replaying a draw, and the exceptions list in a second tab.

Only the department manager draws, records verdicts and signs off; anyone else sees the
same page read-only (the services refuse them whatever the page shows). Each verdict is
saved when it is clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain import spot_checks as rules
from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.services import spot_checks as svc
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.spot_check_draw_dialog import DrawDialog
from expo_desk.ui.formats import ui_date, ui_datetime, ui_local_date, ui_money
from expo_desk.ui.language import pick, pick_pair
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.exceptions_view import ROW_HEIGHT, ExceptionsView
from expo_desk.ui.widgets.follow_changes import FollowChanges
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table

_PASS, _FAIL, _UNKNOWN = "✓", "✗", "?"
_MARK_STYLES = {True: "color: #1e7b34; font-weight: bold;", False: "color: #b00020; font-weight: bold;",
                None: "color: #8a6d00; font-weight: bold;"}
_SHOWN_DIFFERENCES = 10


def _mark(value: bool | None) -> str:
    return _UNKNOWN if value is None else (_PASS if value else _FAIL)



def _item_text(item: dict) -> str:
    """A drawn payment as the window writes dates and money ('31 Mar 2026 ¥3,357.00 · RZ2026-0065 …');
    a contract, or a record deleted since, as the service labels it."""
    if item.get("paid_on") is None or item.get("amount_fen") is None or item.get("number") is None:
        return item["label"]
    return f"{ui_date(item['paid_on'])} {ui_money(item['amount_fen'])} · {item['number']} {item.get('company_name') or ''}"

class SpotChecksPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._checks: list[dict] = []
        self.detail: dict | None = None
        self._item_index = -1
        self._note_shown: tuple[str | None, str] = (None, "")  # the item whose note the editor shows, and that note
        self._kind_built: str | None = None
        self.verdict_buttons: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self._check_labels: dict[str, tuple[QLabel, QLabel]] = {}

        self.read_only_notice = notice_label(self.tr(
            "Read-only: only the department manager draws samples, records verdicts and signs off."))
        self.read_only_notice.setObjectName("read_only")
        self.draw_button = QPushButton(self.tr("&Draw sample…"))
        self.draw_button.setObjectName("draw")
        self.draw_button.clicked.connect(self.choose_draw)
        self.replay_button = QPushButton(self.tr("&Replay draw"))
        self.replay_button.setObjectName("replay")
        self.replay_button.setToolTip(self.tr("Draw again from the seed over the records as they are now"))
        self.replay_button.clicked.connect(self.replay)
        self.sign_off_button = QPushButton(self.tr("&Sign off…"))
        self.sign_off_button.setObjectName("sign_off")
        self.sign_off_button.clicked.connect(self.choose_sign_off)
        self.errors = ErrorLabel()
        bar = QHBoxLayout()
        for button in (self.draw_button, self.replay_button, self.sign_off_button):
            bar.addWidget(button)
        bar.addStretch(1)

        self.check_table = record_table([self.tr("Drawn"), self.tr("Kind"), self.tr("Items"), self.tr("Population"),
                                         self.tr("Seed"), self.tr("By"), self.tr("Signed off")], stretch=6,
                                        name="spot_checks")
        self.check_table.itemSelectionChanged.connect(self._check_selected)
        self.check_title = QLabel()
        self.check_title.setObjectName("check_title")
        self.check_title.setWordWrap(True)
        self.check_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.replay_label = QLabel()
        self.replay_label.setObjectName("replay_result")
        self.replay_label.setWordWrap(True)
        self.item_table = record_table(["#", self.tr("Item"), self.tr("Computer"), self.tr("Verdicts"),
                                        self.tr("Note")], stretch=1, name="items")
        # what was drawn takes the room (cut with its tooltip when it must); a note a set width
        self.item_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.item_table.setColumnWidth(4, 130)
        self.item_table.itemSelectionChanged.connect(self._item_selected)

        for table in (self.check_table, self.item_table):
            table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.item_box = QGroupBox()
        self.item_box.setObjectName("item_box")
        self.checklist = QGridLayout()
        self.checklist.setColumnStretch(2, 1)
        self.agree_button = QPushButton(self.tr("&Agree with the computer"))
        self.agree_button.setObjectName("agree")
        self.agree_button.setToolTip(self.tr("Record the computer's result as your verdict where it could decide"))
        self.agree_button.clicked.connect(self.agree_with_computer)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("item_note")
        self.note_edit.setPlaceholderText(self.tr("Note on this item…"))
        self.note_edit.setMaximumHeight(70)
        self.save_note_button = QPushButton(self.tr("Save &note"))
        self.save_note_button.clicked.connect(self.save_note)
        self.previous_button = QPushButton(self.tr("◀ &Previous"))
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.next_button.setObjectName("next_item")
        self.next_button.clicked.connect(lambda: self._step(1))
        steps = QHBoxLayout()
        for widget in (self.agree_button, self.save_note_button):
            steps.addWidget(widget)
        steps.addStretch(1)
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        item_layout = QVBoxLayout(self.item_box)
        item_layout.addLayout(self.checklist)
        item_layout.addWidget(self.note_edit)
        item_layout.addLayout(steps)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.check_title)
        right_box.addWidget(self.replay_label)
        right_box.addWidget(self.item_table, 1)
        right_box.addWidget(self.item_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.check_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([580, 620])  # the list of checks whole, signed-off column included
        checks_tab = QWidget()
        checks_box = QVBoxLayout(checks_tab)
        checks_box.addLayout(bar)
        checks_box.addWidget(self.errors)
        checks_box.addWidget(splitter, 1)

        self.exceptions = ExceptionsView()
        self.tabs = QTabWidget()
        self.tabs.addTab(checks_tab, self.tr("Spot checks"))
        self.tabs.addTab(self.exceptions, self.tr("Exceptions"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_exceptions())
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_notice)
        layout.addWidget(self.tabs, 1)

        self.follow = FollowChanges(self, self.refresh, 200, context.data_changed, context.database_changed, context.actor_changed)

    # -- state ----------------------------------------------------------------------------
    @property
    def may_work(self) -> bool:
        return can(self._context.actor, Action.SIGN_OFF_SPOT_CHECKS)

    def refresh(self) -> None:
        """Reload the list (keeping the selected check and item) and the open tab."""
        self.follow.fresh()
        ctx = self._context
        self.read_only_notice.setVisible(not self.may_work)
        self.draw_button.setEnabled(self.may_work and ctx.show is not None)
        if ctx.db is None or ctx.show is None:
            self._checks = []
            fill_table(self.check_table, [])
            self._load_check(None)
            return
        selected = self.detail["check"]["id"] if self.detail else None
        self._checks = svc.spot_checks(ctx.db, ctx.show["id"])
        fill_table(self.check_table, [[
            ui_datetime(c["drawn_at"]), pick_pair(rules.KINDS[c["kind"]]), str(c["items"]),
            f"{c['population']:,}", str(c["seed"]), c["drawn_by_name"],
            f"{c['signed_off_by_name'] or ''} {ui_local_date(c['signed_off_at'])}" if c["signed_off_at"] else "—"]
            for c in self._checks], [c["id"] for c in self._checks])
        ids = [c["id"] for c in self._checks]
        self._select_check(ids.index(selected) if selected in ids else (0 if ids else -1))
        self._refresh_exceptions()

    def _refresh_exceptions(self) -> None:
        ctx = self._context
        if self.tabs.currentWidget() is self.exceptions and ctx.db is not None and ctx.show is not None:
            self.exceptions.refresh(ctx.db, ctx.show["id"])

    # -- one check ------------------------------------------------------------------------
    def _select_check(self, row: int) -> None:
        self.check_table.blockSignals(True)
        self.check_table.selectRow(row) if row >= 0 else self.check_table.clearSelection()
        self.check_table.blockSignals(False)
        self._load_check(self._checks[row]["id"] if row >= 0 else None)

    def _check_selected(self) -> None:
        row = self.check_table.currentRow()
        if 0 <= row < len(self._checks) and (not self.detail or self.detail["check"]["id"] != self._checks[row]["id"]):
            self.replay_label.clear()
            self._item_index = 0
            self._load_check(self._checks[row]["id"])

    def _load_check(self, check_id: str | None) -> None:
        self.detail = svc.spot_check_detail(self._context.db, check_id) if check_id else None
        open_check = self.detail is not None and not self.detail["signed_off"]
        self.replay_button.setEnabled(self.detail is not None)
        self.sign_off_button.setEnabled(self.may_work and open_check)
        if self.detail is None:
            self.check_title.setText(self.tr("No spot check yet.") if not self._checks else "")
            fill_table(self.item_table, [])
            self.item_box.hide()
            return
        c, items = self.detail["check"], self.detail["items"]
        status = (self.tr("Signed off by %1 on %2: %3").replace("%1", c["signed_off_by_name"] or "")
                  .replace("%2", ui_local_date(c["signed_off_at"])).replace("%3", c["note"] or "—") if self.detail["signed_off"]
                  else self.tr("%n verdict(s) still to give", "", self.detail["unconfirmed"]))
        seed = self.tr("seed %1").replace("%1", str(c["seed"]))
        self.check_title.setText(f"<b>{_escape(pick_pair(rules.KINDS[c['kind']]))}</b> · {len(items)} / "
                                 f"{c['population']:,} · {_escape(seed)} · {_escape(c['drawn_by_name'])} "
                                 f"{ui_local_date(c['drawn_at'])}<br>{_escape(status)}")
        fill_table(self.item_table, [[str(i["position"]), _item_text(i), _computer_summary(i["checks"]),
                                      _verdict_summary(i["checks"]), i["note"]] for i in items],
                   [i["id"] for i in items])
        for row, item in enumerate(items):
            failed = any(v.get("auto") is False for v in item["checks"].values())
            self.item_table.item(row, 2).setForeground(QColor("#b00020" if failed else "#1e7b34"))
        self._show_item(min(max(self._item_index, 0), len(items) - 1))

    # -- one item -------------------------------------------------------------------------
    def _build_checklist(self, kind: str) -> None:
        while self.checklist.count():
            widget = self.checklist.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.verdict_buttons.clear()
        self._check_labels.clear()
        for row, name in enumerate(rules.check_names(kind)):
            mark, detail = QLabel(), QLabel()
            detail.setWordWrap(True)
            detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            ok, problem = QRadioButton(self.tr("OK")), QRadioButton(self.tr("Problem"))
            ok.setObjectName(f"ok_{name}")
            problem.setObjectName(f"problem_{name}")
            group = QButtonGroup(self.item_box)
            group.addButton(ok)
            group.addButton(problem)
            ok.clicked.connect(lambda _c=False, n=name: self.set_verdict(n, True))
            problem.clicked.connect(lambda _c=False, n=name: self.set_verdict(n, False))
            self.checklist.addWidget(QLabel(_check_text(kind, name)), row, 0)
            self.checklist.addWidget(mark, row, 1)
            self.checklist.addWidget(detail, row, 2)
            self.checklist.addWidget(ok, row, 3)
            self.checklist.addWidget(problem, row, 4)
            self.verdict_buttons[name] = (ok, problem)
            self._check_labels[name] = (mark, detail)
        self._kind_built = kind

    def current_item(self) -> dict | None:
        if self.detail is None or not 0 <= self._item_index < len(self.detail["items"]):
            return None
        return self.detail["items"][self._item_index]

    def _show_item(self, index: int) -> None:
        if self.detail is None or not self.detail["items"]:
            self.item_box.hide()
            return
        items = self.detail["items"]
        self._item_index = index
        item = items[index]
        if self._kind_built != self.detail["check"]["kind"]:
            self._build_checklist(self.detail["check"]["kind"])
        self.item_table.blockSignals(True)
        self.item_table.selectRow(index)
        self.item_table.blockSignals(False)
        self.item_box.setTitle(self.tr("Item %1 of %2: %3").replace("%1", str(item["position"]))
                               .replace("%2", str(len(items))).replace("%3", _item_text(item)))
        editable = self.may_work and not self.detail["signed_off"]
        for name, (ok, problem) in self.verdict_buttons.items():
            values = item["checks"].get(name, {})
            mark, detail = self._check_labels[name]
            mark.setText(_mark(values.get("auto")))
            mark.setStyleSheet(_MARK_STYLES[values.get("auto")])
            mark.setToolTip(self.tr("The computer's result"))
            detail.setText(values.get("detail", ""))
            group = ok.group()
            group.setExclusive(False)  # an exclusive group cannot show "no verdict yet"
            ok.setChecked(values.get("confirmed") is True)
            problem.setChecked(values.get("confirmed") is False)
            group.setExclusive(True)
            ok.setEnabled(editable)
            problem.setEnabled(editable)
        typing = (item["id"] == self._note_shown[0] and self.note_edit.toPlainText().strip() != self._note_shown[1])
        if not typing:  # a refresh from elsewhere keeps a note being written
            self.note_edit.setPlainText(item["note"])
        self._note_shown = (item["id"], item["note"])
        self.note_edit.setReadOnly(not editable)
        for widget in (self.agree_button, self.save_note_button):
            widget.setEnabled(editable)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(items) - 1)
        self.item_box.show()

    def _item_selected(self) -> None:
        row = self.item_table.currentRow()
        if row >= 0 and row != self._item_index:
            self.save_note()  # a note being written goes with the item it was written on
            self._show_item(row)

    def _step(self, delta: int) -> None:
        self.save_note()
        if self.detail and 0 <= self._item_index + delta < len(self.detail["items"]):
            self._show_item(self._item_index + delta)

    # -- the manager's actions --------------------------------------------------------------
    def _run(self, call) -> bool:
        """One service call; its refusal is shown, its changes announced and the page reloaded."""
        try:
            changes = call()
        except UserError as exc:
            self.errors.show_message(str(exc))
            return False
        self.errors.show_message("")
        self._context.announce(changes)
        self.refresh()
        return True

    def set_verdict(self, check: str, confirmed: bool | None) -> None:
        item = self.current_item()
        if item is not None:
            self._run(lambda: svc.set_verdicts(self._context.db, self._context.actor, item["id"], {check: confirmed}))

    def agree_with_computer(self) -> None:
        item = self.current_item()
        if item is not None and rules.agreeing_verdicts(item["checks"]):
            self._run(lambda: svc.set_verdicts(self._context.db, self._context.actor, item["id"],
                                               rules.agreeing_verdicts(item["checks"])))

    def save_note(self) -> None:
        item = self.current_item()
        text = self.note_edit.toPlainText().strip()
        if item is None or not self.may_work or self.detail["signed_off"] or text == item["note"]:
            return
        self._run(lambda: svc.set_item_note(self._context.db, self._context.actor, item["id"], text))

    def choose_draw(self) -> None:
        dialog = DrawDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.draw(*dialog.values())

    def draw(self, kind: str, size: int, seed: int | None = None) -> bool:
        ctx = self._context
        try:
            changes = svc.draw_spot_check(ctx.db, ctx.actor, ctx.show["id"], kind, size, seed)
        except UserError as exc:
            self.errors.show_message(str(exc))
            return False
        self.errors.show_message("")
        self.detail, self._item_index = None, 0
        ctx.announce(changes)
        self.refresh()
        new_id = changes.inserted["spot_checks"][0]
        self._select_check([c["id"] for c in self._checks].index(new_id))
        return True

    def choose_sign_off(self) -> None:
        if self.detail is None:
            return
        self.save_note()
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Sign off the spot check"),
                                                 self.tr("Conclusion (kept with your name and the time):"))
        if ok:
            self.sign_off(note)

    def sign_off(self, note: str) -> bool:
        check_id = self.detail["check"]["id"]
        return self._run(lambda: svc.sign_off_spot_check(self._context.db, self._context.actor, check_id, note))

    def replay(self) -> None:
        if self.detail is None:
            return
        result = svc.replay_spot_check(self._context.db, self.detail["check"]["id"])
        population = self.tr("population %1 then, %2 now").replace("%1", f"{result['population_then']:,}").replace(
            "%2", f"{result['population_now']:,}")
        if result["same"]:
            text = self.tr("Same: drawing again from seed %1 gives the same items").replace(
                "%1", str(self.detail["check"]["seed"])) + f" ({population})."
        else:
            lines = [f"#{d['position']}: {d['was_label'] or '—'} → {d['now_label'] or '—'}"
                     for d in result["differences"][:_SHOWN_DIFFERENCES]]
            if len(result["differences"]) > _SHOWN_DIFFERENCES:
                lines.append("…")
            text = self.tr("Different: %n item(s) differ", "", len(result["differences"])) + (
                f" ({population})\n" + "\n".join(lines))
        self.replay_label.setText(text)
        self.replay_label.setStyleSheet("" if result["same"] else "color: #b00020;")


def _check_text(kind: str, name: str) -> str:
    """One line of the checklist in the window's language."""
    return next((pick(zh, en) for key, zh, en in rules.CHECKS[kind] if key == name), name)


def _computer_summary(checks: dict) -> str:
    values = [v.get("auto") for v in checks.values()]
    failed, unknown = values.count(False), values.count(None)
    if not failed and not unknown:
        return _PASS
    return " ".join(part for part in (f"{_FAIL} {failed}" if failed else "", f"{_UNKNOWN} {unknown}" if unknown else "")
                    if part)


def _verdict_summary(checks: dict) -> str:
    given = [v.get("confirmed") for v in checks.values() if v.get("confirmed") is not None]
    text = f"{len(given)}/{len(checks)}"
    return text + (f" {_FAIL} {given.count(False)}" if False in given else (f" {_PASS}" if len(given) == len(checks)
                                                                             else ""))


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
