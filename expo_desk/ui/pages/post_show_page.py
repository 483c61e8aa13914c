"""After the show: visitors by day and sector (typed into a grid or imported from the
registration system), and each exhibitor's results — the leads and agreements collected,
the survey answers and the account manager's notes on outcomes — that the post-show report
puts in front of the exhibitor. The show's texts for the exhibitor pack open from here too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.domain.pricing import parse_date
from expo_desk.errors import UserError, ValidationError
from expo_desk.services import post_show
from expo_desk.services.changes import ChangeSet
from expo_desk.services.post_show_import import PER_VISITOR, import_exhibitor_leads, import_visitors
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.contract_dialogs import ContractForm, SearchList
from expo_desk.ui.dialogs.import_dialog import ImportDialog
from expo_desk.ui.dialogs.show_texts_dialog import ShowTextsDialog
from expo_desk.ui.formats import ui_date, ui_datetime, ui_money, weekday_name
from expo_desk.ui.language import pick, ui_language
from expo_desk.ui.models.exhibitor_table_model import sector_key, sector_text
from expo_desk.ui.widgets import list_page
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table

_ID = Qt.ItemDataRole.UserRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TOTAL_BACKGROUND = "#eef1f4"
# Where a lead came from: offered in the window's language, stored in both ('名片 business card') for the report.
SOURCES = (("扫码", "badge scan"), ("名片", "business card"), ("配对会", "matchmaking"), ("展位登记", "booth sign-up"))


def _count(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _day_heading(iso: str) -> str:
    """'18 Sep 2026' over 'Fri' (or '2026年9月18日' over '周五')."""
    return f"{ui_date(iso)}\n{weekday_name(iso, ui_language(), short=True)}"


def question_text(question: str) -> str:
    """One of the organizer's own survey questions ('中文 / English') in the window's language."""
    if question in post_show.SURVEY_QUESTIONS:
        return pick(*question.split(" / ", 1))
    return question


def source_text(stored: str) -> str:
    """A known lead source in the window's language; anything else as stored."""
    return next((pick(zh, en) for zh, en in SOURCES if stored == f"{zh} {en}"), stored)


def source_value(text: str) -> str:
    """What to store for a source picked or typed in either language: a known one in both."""
    folded = text.strip().casefold()
    return next((f"{zh} {en}" for zh, en in SOURCES if folded in (zh, en.casefold(), f"{zh} {en}".casefold())), text)


class VisitorImportDialog(ImportDialog):
    def __init__(self, context: AppContext, source: Path, parent: QWidget | None = None):
        super().__init__(context, source, parent, run_import=import_visitors)
        self.setWindowTitle(self.tr("Import visitors"))

    def summary_lines(self, result) -> list[str]:
        read = (self.tr("Counted one row per registered visitor.") if result.shape == PER_VISITOR
                else self.tr("Read visitor counts."))
        return [read, self.tr("%1 visitor(s) in %2 day/sector count(s) imported from %3.")
                .replace("%1", f"{result.visitors:,}").replace("%2", str(result.created)).replace("%3", self._source.name)]


class LeadsImportDialog(ImportDialog):
    def __init__(self, context: AppContext, source: Path, parent: QWidget | None = None):
        super().__init__(context, source, parent, run_import=import_exhibitor_leads)
        self.setWindowTitle(self.tr("Import exhibitor leads"))

    def summary_lines(self, result) -> list[str]:
        lines = [self.tr("%1 lead(s) for %2 exhibitor(s) imported from %3; %4 agreement(s) signed, worth %5.")
                 .replace("%1", f"{result.created:,}").replace("%2", str(result.exhibitors))
                 .replace("%3", self._source.name).replace("%4", str(result.agreements))
                 .replace("%5", ui_money(result.agreement_value_fen))]
        if result.skipped_duplicates:
            lines.append(self.tr("%1 already there, not added again:").replace("%1", str(len(result.skipped_duplicates))))
        return lines


class VisitorGrid(QWidget):
    """Sectors down, days across, totals on the right and at the bottom; a cell saves as it is typed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._days: list[str] = []
        self._sectors: list[str] = []
        self._extra_days: set[str] = set()
        self._extra_sectors: set[str] = set()
        self._filling = False
        self.notice = notice_label(self.tr("Only a department manager or an administrator enters visitor counts."))
        self.summary = QLabel(objectName="visitor_summary")
        self.add_sector_button = QPushButton(self.tr("Add &sector…"))
        self.add_day_button = QPushButton(self.tr("Add &day…"),
                                          toolTip=self.tr("The show has no dates yet: add the days by hand"))
        self.import_button = QPushButton(self.tr("&Import…"), toolTip=self.tr(
            "Counts by day and sector, or the registration system's list of visitors (one row each), from .xlsx or .csv"))
        self.table = QTableWidget(objectName="visitor_grid")
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(110)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.errors = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.add_sector_button, self.add_day_button, self.import_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)
        self.hint = QLabel(self.tr("Type a number into a cell to save it; clear it to remove the count. "
                                   "“No sector” holds visitors whose sector is not known."), styleSheet="color: #555;")
        layout.addWidget(self.hint)
        self.table.itemChanged.connect(self._edited)
        self.add_sector_button.clicked.connect(self.add_sector)
        self.add_day_button.clicked.connect(self.add_day)
        self.import_button.clicked.connect(self.choose_import_file)

    def refresh(self) -> None:
        ctx = self._context
        editor = ctx.show is not None and can(ctx.actor, Action.EDIT_BOOTHS)
        self.notice.setVisible(ctx.show is not None and not editor)
        self.hint.setVisible(editor)
        for button in (self.add_sector_button, self.import_button):
            button.setEnabled(editor)
        self.add_day_button.setVisible(bool(ctx.show) and not post_show.show_days(ctx.show))
        self.add_day_button.setEnabled(editor)
        if ctx.show is None:
            self._days, self._sectors = [], []
            self._fill(post_show.VisitorTable(), False)
            return
        table = post_show.visitor_table(ctx.db, ctx.show["id"], with_empty=True)
        self._days = sorted(set(table.days) | self._extra_days)
        named = sorted((set(table.sectors) | self._extra_sectors) - {""})
        self._sectors = [*named, ""]
        self._fill(table, editor)
        self.summary.setText(self.tr("%1 visitor(s) over %2 day(s)").replace("%1", f"{table.total:,}")
                             .replace("%2", str(len(table.by_day))) if self._days else
                             self.tr("The show has no dates yet: add its open days with Add day…"))

    def _fill(self, table: post_show.VisitorTable, editor: bool) -> None:
        self._filling = True
        grid = self.table
        grid.setRowCount(len(self._sectors) + 1)
        grid.setColumnCount(len(self._days) + 1)
        grid.setHorizontalHeaderLabels([_day_heading(d) for d in self._days] + [self.tr("Total")])
        grid.setVerticalHeaderLabels([sector_text(s) or self.tr("No sector") for s in self._sectors] + [self.tr("Total")])
        bold = QFont(grid.font())
        bold.setBold(True)
        for r, sector in enumerate([*self._sectors, None]):
            for c, day in enumerate([*self._days, None]):
                if sector is not None and day is not None:
                    text, total = _count(table.cells.get((day, sector))), False
                elif sector is None and day is None:
                    text, total = f"{table.total:,}", True
                else:
                    value = table.by_day.get(day) if sector is None else table.by_sector.get(sector)
                    text, total = _count(value), True
                item = grid.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    grid.setItem(r, c, item)
                item.setText(text)
                item.setTextAlignment(_RIGHT)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editor and not total else flags)
                item.setFont(bold if total else grid.font())
                item.setBackground(QBrush(QColor(_TOTAL_BACKGROUND)) if total else QBrush())
        self._filling = False

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.row() >= len(self._sectors) or item.column() >= len(self._days):
            return
        ctx = self._context
        day, sector = self._days[item.column()], self._sectors[item.row()]
        try:
            changes = post_show.set_visitors(ctx.db, ctx.actor, ctx.show["id"], day, sector, item.text().strip() or None)
        except ValidationError as exc:
            self.errors.show_message("\n".join(p.message for p in exc.problems))
            self.refresh()
            return
        except UserError as exc:
            self.errors.show_message(str(exc))
            self.refresh()
            return
        self.errors.show_message("")
        ctx.announce(changes)
        self.refresh()  # the typed text in the grid's format, and the totals

    def add_sector(self) -> None:
        sector, ok = QInputDialog.getText(self, self.tr("Add sector"), self.tr("Sector (e.g. Steel, Automotive):"))
        sector = sector_key(" ".join(sector.split())) if ok else ""
        if sector:
            self._extra_sectors.add(sector)
            self.refresh()

    def add_day(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Add day"), self.tr("Day (YYYY-MM-DD):"))
        day = parse_date(text) if ok else None
        if ok and day is None:
            self.errors.show_message(self.tr("The day must be YYYY-MM-DD."))
        elif day:
            self._extra_days.add(day)
            self.refresh()

    def choose_import_file(self) -> None:
        if self._context.show is None or not can(self._context.actor, Action.EDIT_BOOTHS):
            return
        path = list_page.spreadsheet_to_import(self, self._context.settings, self.tr("Import visitors"))
        if path is not None:
            VisitorImportDialog(self._context, path, self).run()

    def forget_added(self) -> None:
        """Another file or show: the days and sectors added by hand belong to the last one."""
        self._extra_days.clear()
        self._extra_sectors.clear()
        self.errors.show_message("")


class LeadFormDialog(ContractForm):
    """One lead the exhibitor collected (a card, a badge scan) and whether it signed an agreement."""

    def __init__(self, context: AppContext, exhibitor: dict, parent: QWidget | None = None):
        super().__init__(context, self.tr("New lead — %1").replace("%1", exhibitor["company_name"]), parent)
        self._exhibitor_id = exhibitor["id"]
        self.fields: dict[str, QLineEdit] = {}
        for key, label, placeholder in (
                ("captured_on", self.tr("Date"), "YYYY-MM-DD"), ("visitor_name", self.tr("Visitor"), self.tr("e.g. 孙先生")),
                ("visitor_company", self.tr("Visitor's company"), ""), ("contact", self.tr("Phone or e-mail"), ""),
                ("interest", self.tr("Interested in"), self.tr("products, needs…"))):
            self.fields[key] = self.add_field(key, label, QLineEdit(placeholderText=placeholder))
        self.signed = self.add_field("agreement_signed", self.tr("Agreement"),
                                     QCheckBox(self.tr("Cooperation agreement signed")))
        self.fields["agreement_value"] = self.add_field(
            "agreement_value", self.tr("Agreement value (yuan)"), QLineEdit(placeholderText=self.tr("e.g. 120000 or 12万")))
        self.source = QComboBox(editable=True)
        self.source.addItems(["", *(pick(zh, en) for zh, en in SOURCES)])
        self.add_field("source", self.tr("Source"), self.source)
        self.finish_layout()
        self.setMinimumWidth(620)

    def show_problems(self, problems) -> None:
        """The red lines under the fields, with the dialog grown to show them whole."""
        super().show_problems(problems)
        self.adjustSize()

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.fields.items()}
        values.update(agreement_signed=self.signed.isChecked(), source=source_value(self.source.currentText()))
        ctx = self._context
        self.run(lambda: post_show.add_exhibitor_lead(ctx.db, ctx.actor, self._exhibitor_id, values))


class ExhibitorResults(QWidget):
    """Pick an exhibitor; its leads and agreements (each saved at once), then the survey and
    the outcome notes, saved together with Save."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.exhibitor: dict | None = None
        self._leads: list[dict] = []
        self._filling, self._dirty = False, False
        self.picker = SearchList(self._matching, False, self.tr("Search company or booth number…"))
        self.picker.setObjectName("exhibitor_picker")
        self.picker.list.currentItemChanged.connect(lambda item, _prev: self.select(item.data(_ID) if item else None))
        self.title = QLabel(objectName="exhibitor_title", styleSheet="font-size: 15px; font-weight: bold;")
        self.subtitle = QLabel(objectName="exhibitor_subtitle", wordWrap=True)
        self.notice = notice_label("")
        self.lead_summary = QLabel(objectName="lead_summary")
        self.leads_table = record_table([self.tr("Date"), self.tr("Visitor"), self.tr("Company"), self.tr("Contact"),
                                         self.tr("Interested in"), self.tr("Agreement"), self.tr("Value"),
                                         self.tr("Source")], stretch=4, name="leads")
        self.add_lead_button = QPushButton(self.tr("&Add lead…"))
        self.delete_lead_button = QPushButton(self.tr("&Delete lead"))
        self.import_button = QPushButton(self.tr("&Import leads…"), toolTip=self.tr(
            "Leads and agreements of the show's exhibitors from a lead-scanning export (.xlsx or .csv)"))
        self.survey = QTableWidget(0, 3, objectName="survey")
        self.survey.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Answer"), self.tr("Score 1–5")])
        self.survey.verticalHeader().hide()
        self.survey.setWordWrap(True)
        header = self.survey.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.survey.setColumnWidth(0, 420)
        self.outcome_edits: dict[str, QPlainTextEdit] = {}
        self.save_button = QPushButton(self.tr("&Save results"), toolTip=self.tr("Save the survey and the notes (Ctrl+S)"))
        self.saved_label = QLabel(objectName="saved", styleSheet="color: #555;")
        self.errors = ErrorLabel()
        self._layout()
        self.add_lead_button.clicked.connect(self.add_lead)
        self.delete_lead_button.clicked.connect(self.delete_lead)
        self.import_button.clicked.connect(self.choose_import_file)
        self.save_button.clicked.connect(self.save)
        self.survey.itemChanged.connect(self._changed)
        self.leads_table.itemSelectionChanged.connect(self._buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _layout(self) -> None:
        leads_box = QGroupBox(self.tr("Leads and agreements"))
        box = QVBoxLayout(leads_box)
        row = QHBoxLayout()
        row.addWidget(self.lead_summary, 1)
        for button in (self.add_lead_button, self.delete_lead_button, self.import_button):
            row.addWidget(button)
        box.addLayout(row)
        box.addWidget(self.leads_table, 1)
        outcomes = QWidget()
        grid = QGridLayout(outcomes)
        for index, (key, (zh, en)) in enumerate(post_show.OUTCOME_FIELDS.items()):
            edit = QPlainTextEdit(objectName=key, tabChangesFocus=True)
            edit.setMinimumHeight(44)
            edit.textChanged.connect(self._changed)
            self.outcome_edits[key] = edit
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(QLabel(pick(zh, en)))
            cell.addWidget(edit, 1)
            grid.addLayout(cell, index // 2, index % 2)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(outcomes, self.tr("Outcomes (account manager's notes)"))
        self.detail_tabs.addTab(self.survey, self.tr("Survey"))
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.addWidget(leads_box)
        parts.addWidget(self.detail_tabs)
        parts.setSizes([320, 420])
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_label, 1)
        save_row.addWidget(self.save_button)
        detail = QWidget()
        right = QVBoxLayout(detail)
        right.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.subtitle, self.notice):
            right.addWidget(widget)
        right.addWidget(parts, 1)
        right.addWidget(self.errors)
        right.addLayout(save_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.picker)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900])
        QVBoxLayout(self).addWidget(self.splitter)

    # -- loading -----------------------------------------------------------------------
    def _matching(self, text: str) -> list[tuple[str, str]]:
        ctx = self._context
        if ctx.show is None:
            return []
        return [(f"{e['company_name']}   {e['booths'] or ''}".rstrip(), e["id"])
                for e in post_show.find_exhibitors(ctx.db, ctx.show["id"], text)]

    def refresh(self) -> None:
        self.picker.reload()
        self.import_button.setEnabled(self._context.show is not None and can(self._context.actor, Action.EDIT_EXHIBITORS))
        self._load()

    def forget(self) -> None:
        """Another file or show: no exhibitor picked, nothing typed to keep."""
        self.exhibitor, self._dirty = None, False
        self.picker.search.clear()
        self.errors.show_message("")

    def may_change(self) -> bool:
        return self.exhibitor is not None and list_page.may_change_owned(
            self._context.actor, self.exhibitor["account_manager_id"])

    def select(self, exhibitor_id: str | None) -> None:
        """Show this exhibitor's results (asking first to save typed notes of the last one)."""
        if self.exhibitor is not None and exhibitor_id == self.exhibitor["id"]:
            return
        if self._dirty and self.may_change():
            answer = QMessageBox.question(
                self, self.tr("Unsaved results"), self.tr("Save the survey and notes of %1?")
                .replace("%1", self.exhibitor["company_name"]),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        try:
            self.exhibitor = post_show.exhibitor_card(self._context.db, exhibitor_id) if exhibitor_id else None
        except UserError:
            self.exhibitor = None
        self.errors.show_message("")
        self._load()

    def _load(self) -> None:
        ctx, found = self._context, self.exhibitor
        self._filling = True
        self.title.setText(found["company_name"] if found else self.tr("Pick an exhibitor on the left"))
        self.subtitle.setText(" · ".join(p for p in (
            found["company_name_en"], found["booths"] and self.tr("booth %1").replace("%1", found["booths"]),
            sector_text(found["sector"]), found["account_manager"] and self.tr("account manager %1").replace(
                "%1", found["account_manager"])) if p) if found else "")
        editable = self.may_change()
        self.notice.setText(self.tr("Only %1's account manager or a department manager changes these results.")
                            .replace("%1", found["company_name"]) if found else "")
        self.notice.setVisible(found is not None and not editable)
        self._fill_leads(post_show.exhibitor_leads(ctx.db, found["id"]) if found else [])
        answers = {a["question"]: a for a in post_show.survey_answers(ctx.db, found["id"])} if found else {}
        questions = [*post_show.SURVEY_QUESTIONS, *(q for q in answers if q not in post_show.SURVEY_QUESTIONS), ""]
        self.survey.setRowCount(len(questions))
        for r, question in enumerate(questions):
            answer = answers.get(question, {})
            score = answer.get("score")
            for c, text in enumerate((question_text(question), answer.get("answer", ""),
                                      "" if score is None else str(score))):
                item = QTableWidgetItem(text)
                if c == 0 and question:
                    item.setData(_ID, question)  # the answer is kept under the question as stored
                if question and c == 0 or not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c == 0 and not question and editable:
                    item.setToolTip(self.tr("Type another question here"))
                self.survey.setItem(r, c, item)
        self.survey.resizeRowsToContents()
        notes = post_show.outcomes(ctx.db, found["id"]) if found else {}
        for key, edit in self.outcome_edits.items():
            edit.setPlainText(notes.get(key, ""))
            edit.setReadOnly(not editable)
        self.saved_label.setText(self._saved_text(notes))
        self.save_button.setEnabled(editable)
        self._filling, self._dirty = False, False
        self._buttons()

    def _saved_text(self, notes: dict) -> str:
        if not notes.get("updated_at"):
            return ""
        when = ui_datetime(notes["updated_at"])
        if notes["updated_by"]:
            return self.tr("Notes last saved %1 by %2").replace("%1", when).replace("%2", notes["updated_by"])
        return self.tr("Notes last saved %1").replace("%1", when)

    def _fill_leads(self, leads: list[dict]) -> None:
        self._leads = leads
        signed = self.tr("✔ signed")
        fill_table(self.leads_table, [[ui_date(x["captured_on"]), x["visitor_name"], x["visitor_company"], x["contact"],
                                       x["interest"], signed if x["agreement_signed"] else "",
                                       ui_money(x["agreement_value_fen"]) if x["agreement_value_fen"] is not None else "",
                                       source_text(x["source"])] for x in leads], [x["id"] for x in leads])
        for r in range(self.leads_table.rowCount()):
            self.leads_table.item(r, 6).setTextAlignment(_RIGHT)
        summary = post_show.lead_summary(leads)
        self.lead_summary.setText(self.tr("%1 lead(s) · %2 agreement(s) signed · %3").replace(
            "%1", str(summary["leads"])).replace("%2", str(summary["agreements"])).replace(
            "%3", ui_money(summary["agreement_value_fen"])) if self.exhibitor else "")

    def _buttons(self) -> None:
        editable = self.may_change()
        self.add_lead_button.setEnabled(editable)
        self.delete_lead_button.setEnabled(editable and self.leads_table.currentRow() >= 0 and bool(self._leads))

    def _changed(self, *_args) -> None:
        if not self._filling:
            self._dirty = True

    def on_data_changed(self, changes: ChangeSet) -> None:
        if self.exhibitor is not None and self.exhibitor["id"] in changes.deleted.get("exhibitors", []):
            self.forget()
            self._load()
        if changes.touches("exhibitors") or changes.touches("contract_lines"):
            self.picker.reload()
        if self.exhibitor is not None and changes.touches("exhibitor_leads"):
            self._fill_leads(post_show.exhibitor_leads(self._context.db, self.exhibitor["id"]))
            self._buttons()

    # -- actions -----------------------------------------------------------------------
    def add_lead(self) -> None:
        if not self.may_change():
            return
        dialog = LeadFormDialog(self._context, self.exhibitor, self)
        if dialog.exec() and dialog.changes:
            self._context.announce(dialog.changes)

    def delete_lead(self) -> None:
        row = self.leads_table.currentRow()
        if not self.may_change() or not 0 <= row < len(self._leads):
            return
        lead = self._leads[row]
        who = lead["visitor_name"] or lead["visitor_company"] or lead["contact"]
        if QMessageBox.question(self, self.tr("Delete lead"), self.tr("Delete the lead %1?").replace("%1", who)) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            self._context.announce(post_show.delete_exhibitor_lead(self._context.db, self._context.actor, lead["id"]))
        except UserError as exc:
            self.errors.show_message(str(exc))

    def survey_rows(self) -> list[tuple[int, dict]]:
        """(table row, answer) of every row with something typed in it."""
        found = []
        for r in range(self.survey.rowCount()):
            cells = [self.survey.item(r, c) for c in range(3)]
            question, answer, score = (cell.text().strip() if cell else "" for cell in cells)
            if cells[0] is not None and cells[0].data(_ID):
                question = cells[0].data(_ID)  # shown in the window's language, kept as stored
            if question or answer or score:
                found.append((r, {"question": question, "answer": answer, "score": score or None}))
        return found

    def save(self) -> bool:
        """Save the survey and the notes together; False (problems shown) when refused."""
        if not self.may_change():
            return False
        ctx, rows = self._context, self.survey_rows()
        notes = {key: edit.toPlainText() for key, edit in self.outcome_edits.items()}
        try:
            changes = post_show.save_exhibitor_results(ctx.db, ctx.actor, self.exhibitor["id"], outcome_values=notes,
                                                       answers=[answer for _r, answer in rows])
        except ValidationError as exc:
            self.errors.show_message("\n".join(self._problem_text(p, rows) for p in exc.problems))
            return False
        except UserError as exc:
            self.errors.show_message(str(exc))
            return False
        self.errors.show_message("")
        ctx.announce(changes)
        self._load()
        return True

    def _problem_text(self, problem, rows: list[tuple[int, dict]]) -> str:
        if problem.field in post_show.OUTCOME_FIELDS:
            return f"{pick(*post_show.OUTCOME_FIELDS[problem.field])}: {problem.message}"
        index = int(problem.where.split()[-1]) - 1 if problem.where.startswith("survey ") else 0
        row = rows[index][0] + 1 if rows else 1
        return self.tr("Survey row %1: %2").replace("%1", str(row)).replace("%2", problem.message)

    def choose_import_file(self) -> None:
        if self._context.show is None or not can(self._context.actor, Action.EDIT_EXHIBITORS):
            return
        path = list_page.spreadsheet_to_import(self, self._context.settings, self.tr("Import exhibitor leads"))
        if path is not None:
            LeadsImportDialog(self._context, path, self).run()


class PostShowPage(QWidget):
    """Visitors and exhibitor results in two tabs; the pack's texts behind a button."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.visitors = VisitorGrid(context)
        self.results = ExhibitorResults(context)
        self.texts_button = QPushButton(self.tr("Pack &texts…"), objectName="show_texts",
                                        toolTip=self.tr("The show's texts printed in every exhibitor pack"))
        self.texts_button.clicked.connect(self.edit_show_texts)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.visitors, self.tr("Visitors"))
        self.tabs.addTab(self.results, self.tr("Exhibitor results"))
        self.tabs.setCornerWidget(self.texts_button)
        QVBoxLayout(self).addWidget(self.tabs)
        context.data_changed.connect(self._on_data_changed)
        context.database_changed.connect(self._other_show)
        context.actor_changed.connect(self._reload)
        self._other_show()

    def _other_show(self) -> None:
        self.visitors.forget_added()
        self.results.forget()
        self._reload()

    def _reload(self) -> None:
        """Another person (or show): what they may change follows."""
        self.texts_button.setEnabled(self._context.show is not None)
        self.visitors.refresh()
        self.results.refresh()

    def _on_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("visitor_counts") or changes.touches("exhibitors"):
            self.visitors.refresh()
        self.results.on_data_changed(changes)

    def edit_show_texts(self) -> None:
        if self._context.show is not None:
            ShowTextsDialog(self._context, self).exec()
