"""The show's own texts printed in every exhibitor pack (welcome, build-up, tear-down, badges,
venue rules, contacts, rebooking), Chinese and English side by side.

A text nobody wrote shows its default, made from the show's name, venue and dates; saved
unchanged it stays a default, so it follows the show's dates when they move. Only a
department manager or an administrator changes them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.services import post_show
from expo_desk.ui.context import AppContext
from expo_desk.ui.language import pick
from expo_desk.ui.widgets.field_form import FieldForm
from expo_desk.ui.widgets.tables import notice_label

_STATE_STYLE = "color: #555;"


class ShowTextsDialog(FieldForm):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._show_id = context.show["id"]
        self._editor = can(context.actor, Action.EDIT_BOOTHS)
        self.setWindowTitle(self.tr("Exhibitor pack texts — %1").replace("%1", context.show["code"]))
        self.resize(1040, 760)
        texts = post_show.show_texts(context.db, self._show_id)
        self.defaults = post_show.show_text_defaults(context.db, self._show_id)
        self.editors: dict[str, tuple[QPlainTextEdit, QPlainTextEdit]] = {}
        self.states: dict[str, QLabel] = {}
        self.form.addRow("", self._language_headings())
        for key, (zh, en) in post_show.TEXT_KEYS.items():
            self.add_field(key, pick(zh, en), self._text_pair(key, texts[key]))
        inner = QWidget()
        QVBoxLayout(inner).addLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        if not self._editor:
            layout.addWidget(notice_label(self.tr("Only a department manager or an administrator changes the pack's "
                                                  "texts.")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(self._editor)

    def _language_headings(self) -> QWidget:
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate((self.tr("Chinese"), self.tr("English"))):
            heading = QLabel(text)
            heading.setStyleSheet("font-weight: bold;")
            grid.addWidget(heading, 0, column)
        return row

    def _text_pair(self, key: str, texts: tuple[str, str]) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        pair = []
        for column, text in enumerate(texts):
            edit = QPlainTextEdit(text, objectName=f"{key}_{('zh', 'en')[column]}", tabChangesFocus=True)
            edit.setMinimumHeight(112)
            edit.setReadOnly(not self._editor)
            edit.textChanged.connect(lambda k=key: self._show_state(k))
            grid.addWidget(edit, 0, column)
            pair.append(edit)
        self.editors[key] = (pair[0], pair[1])
        self.states[key] = QLabel(objectName=f"{key}_state", styleSheet=_STATE_STYLE)
        restore = QPushButton(self.tr("Restore default"), objectName=f"{key}_restore")
        restore.setEnabled(self._editor)
        restore.clicked.connect(lambda _checked=False, k=key: self.restore(k))
        grid.addWidget(self.states[key], 1, 0)
        grid.addWidget(restore, 1, 1, alignment=Qt.AlignmentFlag.AlignRight)
        self._show_state(key)
        return box

    def is_default(self, key: str) -> bool:
        zh, en = (edit.toPlainText().strip() for edit in self.editors[key])
        return (zh or self.defaults[key][0], en or self.defaults[key][1]) == self.defaults[key]

    def _show_state(self, key: str) -> None:
        self.states[key].setText(self.tr("Default text: follows the show's name and dates")
                                 if self.is_default(key) else self.tr("Written for this show"))

    def restore(self, key: str) -> None:
        for edit, text in zip(self.editors[key], self.defaults[key]):
            edit.setPlainText(text)

    def save(self) -> None:
        ctx = self._context
        texts = {key: (zh.toPlainText(), en.toPlainText()) for key, (zh, en) in self.editors.items()}
        self.run(lambda: post_show.set_show_texts(ctx.db, ctx.actor, self._show_id, texts))
        if self.changes:
            ctx.announce(self.changes)
