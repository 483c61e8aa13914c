"""Add or edit a lead, log a follow-up, book a visit (each problem shown under its field), import leads."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain import leads as rules
from expo_desk.domain.enums import LeadStage
from expo_desk.domain.money import format_fen
from expo_desk.domain.permissions import Action, can
from expo_desk.services import leads as lead_service
from expo_desk.services.lead_import import import_leads
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.import_dialog import ImportDialog
from expo_desk.ui.language import pick
from expo_desk.ui.models.lead_table_model import stage_text
from expo_desk.ui.widgets.field_form import FieldForm


class OptionalDate(QWidget):
    """A date that may be left unset: a tick box beside a calendar date (or date and time)."""

    def __init__(self, with_time: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.with_time = with_time
        self.check = QCheckBox()
        self.edit = QDateTimeEdit() if with_time else QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm" if with_time else "yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def set_value(self, text: str | None, default: date | None = None) -> None:
        """Show an ISO date (or 'YYYY-MM-DDTHH:MM'); unticked with ``default`` shown when None."""
        self.check.setChecked(bool(text))
        if self.with_time:
            when = QDateTime.fromString(text[:16], "yyyy-MM-ddTHH:mm") if text else QDateTime(
                QDate(default or date.today()), QTime(10, 0))
            self.edit.setDateTime(when)
        else:
            self.edit.setDate(QDate.fromString(text[:10], "yyyy-MM-dd") if text else QDate(default or date.today()))

    def value(self) -> str | None:
        if not self.check.isChecked():
            return None
        if self.with_time:
            return self.edit.dateTime().toString("yyyy-MM-ddTHH:mm")
        return self.edit.date().toString("yyyy-MM-dd")


class LeadDialog(FieldForm):
    """With ``lead`` None it adds one; otherwise it edits it, stage included."""

    def __init__(self, context: AppContext, lead: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._lead = context, lead
        self.setWindowTitle(self.tr("Edit lead") if lead else self.tr("New lead"))
        self.setMinimumWidth(560)
        db, actor = context.db, context.actor

        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("An exhibitor of this show, or a new prospect"))
        completer = QCompleter(lead_service.exhibitor_names(db, context.show["id"]), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self.add_field("prospect_name", self.tr("Company"), self.company, "exhibitor_id")
        self.manager = QComboBox()
        assigns_anyone = can(actor, Action.EDIT_ANY_EXHIBITOR)
        if assigns_anyone:
            self.manager.addItem(self.tr("(none)"), None)
        for user in lead_service.lead_managers(db, actor):
            self.manager.addItem(user["display_name"], user["id"])
        if lead and lead["account_manager_id"] and self.manager.findData(lead["account_manager_id"]) < 0:
            self.manager.addItem(lead["account_manager"] or "?", lead["account_manager_id"])  # e.g. no longer active
        self.manager.setEnabled(assigns_anyone)
        self.add_field("account_manager_id", self.tr("Account manager"), self.manager)
        self.stage = QComboBox()
        current = LeadStage(lead["stage"]) if lead else None
        for stage in ([current, *rules.allowed_moves(current)] if current else rules.STAGE_ORDER):
            self.stage.addItem(stage_text(stage), stage.value)
        self.add_field("stage", self.tr("Stage"), self.stage)
        self.lost_reason = QLineEdit()
        self.lost_reason.setPlaceholderText(self.tr("Why the prospect said no (required when lost)"))
        self.add_field("lost_reason", self.tr("Lost because"), self.lost_reason)
        self.expected = QLineEdit()
        self.expected.setPlaceholderText(self.tr("yuan, e.g. 80000 or 8万"))
        self.add_field("expected_value", self.tr("Expected value (yuan)"), self.expected, "expected_value_fen")
        self.next_follow_up = OptionalDate()
        self.add_field("next_follow_up", self.tr("Next follow-up"), self.next_follow_up)
        self.visit = OptionalDate(with_time=True)
        self.add_field("visit_at", self.tr("Visit appointment"), self.visit)
        self.picks: dict[str, QCheckBox] = {}
        box = QWidget()
        picks = QVBoxLayout(box)  # one per line: the English labels are too long side by side
        picks.setContentsMargins(0, 0, 0, 0)
        for key, (zh, en) in rules.OBJECTION_PICKS.items():  # kept under the Chinese label whatever is shown
            self.picks[zh] = QCheckBox(pick(zh, en))
            self.picks[zh].setObjectName(key)
            picks.addWidget(self.picks[zh])
        self.add_field("objections", self.tr("Objections"), box)
        self.other_objections = QLineEdit()
        self.other_objections.setObjectName("other_objections")
        self.other_objections.setPlaceholderText(self.tr("Other objections, separated by ; or 、"))
        self.form.addRow("", self.other_objections)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.add_field("notes", self.tr("Notes"), self.notes)
        self.finish_layout()
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self._load(lead)
        self.company.setFocus()

    def _load(self, lead: dict | None) -> None:
        tomorrow = date.today() + timedelta(days=1)
        if lead is None:
            self.next_follow_up.set_value(date.today().isoformat())
            self.visit.set_value(None, tomorrow)
            self.manager.setCurrentIndex(max(self.manager.findData(self._context.actor.user_id), 0))
            self._stage_changed()
            return
        self.company.setText(lead["company_name"] or "")
        self.manager.setCurrentIndex(max(self.manager.findData(lead["account_manager_id"]), 0))
        self.lost_reason.setText(lead["lost_reason"] or "")
        value = lead["expected_value_fen"]
        self.expected.setText("" if value is None else format_fen(value, symbol=""))
        self.next_follow_up.set_value(lead["next_follow_up"])
        self.visit.set_value(lead["visit_at"], tomorrow)
        others = []
        for objection in rules.load_objections(lead["objections"]):
            if objection in self.picks:
                self.picks[objection].setChecked(True)
            else:
                others.append(objection)
        self.other_objections.setText("；".join(others))
        self.notes.setPlainText(lead["notes"] or "")
        self._stage_changed()

    def _stage_changed(self) -> None:
        self.lost_reason.setEnabled(self.stage.currentData() == LeadStage.LOST)

    def values(self) -> dict:
        """The form as service input (the services check and clean it)."""
        objections = [zh for zh, box in self.picks.items() if box.isChecked()]
        objections += rules.split_objections(self.other_objections.text())
        values = {
            "prospect_name": self.company.text(), "account_manager_id": self.manager.currentData(),
            "expected_value": self.expected.text(), "next_follow_up": self.next_follow_up.value(),
            "visit_at": self.visit.value(), "objections": objections, "notes": self.notes.toPlainText(),
        }
        if self._lead is not None and self._lead["exhibitor_id"] and self.company.text().strip() == \
                self._lead["company_name"]:
            values["exhibitor_id"] = self._lead["exhibitor_id"]
        return values

    def save(self) -> None:
        db, actor, values = self._context.db, self._context.actor, self.values()
        stage, reason = self.stage.currentData(), self.lost_reason.text()
        if self._lead is None:
            self.run(lambda: lead_service.create_lead(db, actor, self._context.show["id"], values, stage=stage,
                                                      lost_reason=reason))
        else:
            self.run(lambda: lead_service.update_lead(db, actor, self._lead["id"], values, stage=stage,
                                                      lost_reason=reason))


class FollowUpDialog(FieldForm):
    """What was said, how, and when to follow up next (a week on by default)."""

    def __init__(self, context: AppContext, lead: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._lead = context, lead
        self.setWindowTitle(self.tr("Log follow-up: %1").replace("%1", lead["company_name"]))
        self.setMinimumWidth(460)
        self.kind = QComboBox()
        for key, (zh, en) in rules.FOLLOW_UP_KINDS.items():
            self.kind.addItem(pick(zh, en), key)
        self.add_field("kind", self.tr("How"), self.kind)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.note.setTabChangesFocus(True)
        self.add_field("note", self.tr("What was said"), self.note)
        self.next_follow_up = OptionalDate()
        self.next_follow_up.set_value((date.today() + timedelta(days=7)).isoformat())
        self.add_field("next_follow_up", self.tr("Next follow-up"), self.next_follow_up)
        self.finish_layout()
        self.note.setFocus()

    def save(self) -> None:
        ctx = self._context
        self.run(lambda: lead_service.log_follow_up(
            ctx.db, ctx.actor, self._lead["id"], kind=self.kind.currentData(), note=self.note.toPlainText(),
            next_follow_up=self.next_follow_up.value()))


class VisitDialog(FieldForm):
    """The date and time of the visit the seed's sales manager always asks for."""

    def __init__(self, context: AppContext, lead: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._lead = context, lead
        self.setWindowTitle(self.tr("Book visit: %1").replace("%1", lead["company_name"]))
        self.setMinimumWidth(420)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        start = QDateTime.fromString(lead["visit_at"], "yyyy-MM-ddTHH:mm") if lead.get("visit_at") else QDateTime(
            QDate(date.today() + timedelta(days=1)), QTime(10, 0))
        self.when.setDateTime(start)
        self.add_field("visit_at", self.tr("Visit on"), self.when)
        self.finish_layout()

    def save(self) -> None:
        ctx = self._context
        self.run(lambda: lead_service.book_visit(ctx.db, ctx.actor, self._lead["id"],
                                                 self.when.dateTime().toString("yyyy-MM-ddTHH:mm")))


class LeadImportDialog(ImportDialog):
    """The exhibitor import's dialog (progress, Cancel, the problem list) running the lead import."""

    def __init__(self, context: AppContext, source: Path, parent: QWidget | None = None):
        super().__init__(context, source, parent, run_import=import_leads)
        self.setWindowTitle(self.tr("Import leads"))

    def summary_lines(self, result) -> list[str]:
        lines = [self.tr("%1 lead(s) imported from %2.").replace("%1", f"{result.created:,}")
                 .replace("%2", self._source.name)]
        if result.skipped_duplicates:
            lines.append(self.tr("%1 already have a lead in this show, not added again:")
                         .replace("%1", str(len(result.skipped_duplicates))))
        return lines + self.new_managers_line(result)
