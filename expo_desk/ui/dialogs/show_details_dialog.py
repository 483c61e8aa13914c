"""Show ▸ Show details: the show's names, venue and the dates the documents print (build-up,
open days, tear-down). The code stays: contract numbers and files are named by it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from expo_desk.domain.permissions import Action, can
from expo_desk.services.shows import require_show, update_show
from expo_desk.ui.context import AppContext
from expo_desk.ui.widgets.field_form import FieldForm
from expo_desk.ui.widgets.tables import notice_label

_DAY = "YYYY-MM-DD"
# (key, label, placeholder): English, translated when the dialog opens
_FIELDS = (
    ("name", QT_TRANSLATE_NOOP("ShowDetailsDialog", "Show name (Chinese)"), ""),
    ("name_en", QT_TRANSLATE_NOOP("ShowDetailsDialog", "Show name (English)"), ""),
    ("venue", QT_TRANSLATE_NOOP("ShowDetailsDialog", "Venue (Chinese)"),
     QT_TRANSLATE_NOOP("ShowDetailsDialog", "e.g. 日照国际博览中心")),
    ("venue_en", QT_TRANSLATE_NOOP("ShowDetailsDialog", "Venue (English)"),
     QT_TRANSLATE_NOOP("ShowDetailsDialog", "e.g. Rizhao International Expo Centre")),
    ("city", QT_TRANSLATE_NOOP("ShowDetailsDialog", "City"), ""),
    ("build_start", QT_TRANSLATE_NOOP("ShowDetailsDialog", "Build-up starts"), _DAY),
    ("start_date", QT_TRANSLATE_NOOP("ShowDetailsDialog", "Opening day"), _DAY),
    ("end_date", QT_TRANSLATE_NOOP("ShowDetailsDialog", "Last day"), _DAY),
    ("teardown_end", QT_TRANSLATE_NOOP("ShowDetailsDialog", "Tear-down ends"), _DAY),
)


def _translate(text: str) -> str:
    return QCoreApplication.translate("ShowDetailsDialog", text) if text else ""


class ShowDetailsDialog(FieldForm):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        show = context.show or {}
        self.setWindowTitle(self.tr("Show details — %1").replace("%1", show.get("code", "")))
        self.setMinimumWidth(560)
        self.edits: dict[str, QLineEdit] = {}
        for key, label, placeholder in _FIELDS:
            edit = QLineEdit(show.get(key) or "")
            edit.setPlaceholderText(_translate(placeholder))
            self.edits[key] = self.add_field(key, _translate(label), edit)
        editor = can(context.actor, Action.CREATE_SHOWS)
        for edit in self.edits.values():
            edit.setReadOnly(not editor)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(editor)
        self.finish_layout(*([] if editor else [notice_label(self.tr(
            "Only a department manager or an administrator changes the show's details."))]))

    def save(self) -> None:
        ctx = self._context
        values = {key: edit.text() for key, edit in self.edits.items()}
        self.run(lambda: update_show(ctx.db, ctx.actor, ctx.show["id"], values))
        if self.changes:
            ctx.set_show(require_show(ctx.db, ctx.show["code"]))
            ctx.announce(self.changes)
