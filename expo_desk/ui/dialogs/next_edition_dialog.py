"""Show ▸ Next edition…: copy the open show's setup into a new edition and offer rebookings.

The form suggests next year's code, names and dates; the table lists last edition's
exhibitors with a signed contract, to tick those who rebooked on site (they are served
first and get a draft contract at once). The copy runs off the window's thread on its own
connection, as one transaction, and the dialog then says what was made and which booths
could not be offered.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError, ValidationError
from expo_desk.services import next_edition, rebooking
from expo_desk.ui.context import AppContext
from expo_desk.ui.formats import ui_date
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.file_job import start_file_job
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table
from expo_desk.ui.worker import Job

_YEAR = re.compile(r"(19|20)\d\d")


def next_year_text(text: str) -> str:
    """'RZ2026' -> 'RZ2027', '2026日照国际博览会' -> '2027日照国际博览会' (the last year in it moves on)."""
    found = list(_YEAR.finditer(text or ""))
    if not found:
        return text or ""
    last = found[-1]
    return text[:last.start()] + str(int(last.group()) + 1) + text[last.end():]


def _date_edit(day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


class NextEditionDialog(QDialog):
    """The form, the list of last edition's buyers, a preview of what is copied, then the result."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._source = context.show or {}
        self._job: Job | None = None
        self.result_data: tuple | None = None
        self.setWindowTitle(self.tr("Next edition"))
        self.setMinimumSize(720, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Copy from %1 %2").replace("%1", self._source.get("code", "-"))
                                .replace("%2", self._source.get("name", ""))))
        layout.addLayout(self._form())
        intro = QLabel(self.tr("Last edition's exhibitors with a signed contract — tick those who rebooked "
                               "on site (served first, a draft contract at once):"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.exhibitors = record_table([self.tr("Rebooked on site"), self.tr("Exhibitor"), self.tr("Booths"),
                                        self.tr("Contracts"), self.tr("Account manager")], stretch=2,
                                       name="exhibitors")  # company names whole; a long booth list takes the rest
        layout.addWidget(self.exhibitors, 1)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.errors = ErrorLabel()
        layout.addWidget(self.errors)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        layout.addWidget(self.summary)
        self.conflicts = QPlainTextEdit()
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setReadOnly(True)
        self.conflicts.hide()
        layout.addWidget(self.conflicts)
        self.buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_setup)
        self.open_button = QPushButton(self.tr("Open new show"))
        self.open_button.clicked.connect(self._open_new_show)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()  # after addButton, which shows it
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load()

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        source = self._source
        self.code = QLineEdit(next_year_text(source.get("code", "")))
        self.name = QLineEdit(next_year_text(source.get("name", "")))
        self.name_en = QLineEdit(next_year_text(source.get("name_en", "")))
        old_start = QDate.fromString(source.get("start_date") or "", "yyyy-MM-dd")
        old_end = QDate.fromString(source.get("end_date") or "", "yyyy-MM-dd")
        start = old_start.addDays(364) if old_start.isValid() else QDate.currentDate().addYears(1)
        length = old_start.daysTo(old_end) if old_start.isValid() and old_end.isValid() else 2
        self.start = _date_edit(start)
        self.end = _date_edit(start.addDays(length))
        self.offer = QCheckBox(self.tr("Offer last edition's exhibitors their booths until"))
        self.offer.setChecked(True)
        self.offer_until = _date_edit(QDate.currentDate().addDays(30))
        self.offer.toggled.connect(self.offer_until.setEnabled)
        offer_row = QHBoxLayout()
        offer_row.addWidget(self.offer)
        offer_row.addWidget(self.offer_until, 1)
        form.addRow(self.tr("New show code"), self.code)
        form.addRow(self.tr("Show name (Chinese)"), self.name)
        form.addRow(self.tr("Show name (English)"), self.name_en)
        form.addRow(self.tr("Opening day"), self.start)
        form.addRow(self.tr("Last day"), self.end)
        form.addRow(self.tr("Rebooking"), offer_row)
        return form

    def _load(self) -> None:
        db, show_id = self._context.db, self._source.get("id")
        if db is None or not show_id:
            self.layout().insertWidget(0, notice_label(self.tr("Open a show first.")))
            self.copy_button.setEnabled(False)
            return
        candidates = rebooking.rebooking_candidates(db, show_id)
        fill_table(self.exhibitors, [["", c["company_name"], c["booth_numbers"] or "", c["contract_numbers"] or "",
                                      c["manager_name"] or ""] for c in candidates], [c["id"] for c in candidates])
        for row in range(self.exhibitors.rowCount()):
            item = self.exhibitors.item(row, 0)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        counts = next_edition.copy_preview(db, show_id)
        self.preview.setText(
            self.tr("Will copy: %1 hall(s), %2 booth(s) (%3 blocked, all others available), %4 pricing rule(s), "
                    "%5 service(s), %6 exhibitor(s) with contacts%7. No contract or payment is copied.")
            .replace("%1", str(counts["halls"])).replace("%2", str(counts["booths"]))
            .replace("%3", str(counts["blocked"])).replace("%4", str(counts["pricing_rules"]))
            .replace("%5", str(counts["services"])).replace("%6", str(counts["exhibitors"]))
            .replace("%7", self.tr(", the sales terms") if counts["terms"] else ""))
        if not can(self._context.actor, Action.CREATE_SHOWS):
            self.layout().insertWidget(0, notice_label(self.tr("Only a department manager or an administrator "
                                                               "makes a new edition.")))
            self.copy_button.setEnabled(False)

    def on_site_ids(self) -> list[str]:
        """Exhibitors (of the last edition) ticked as rebooked on site."""
        ids = []
        for row in range(self.exhibitors.rowCount()):
            item = self.exhibitors.item(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return ids

    def copy_setup(self) -> None:
        """Run the copy (and the offers) in a worker thread, on its own connection to the file."""
        if self._job is not None:
            return
        db_path, actor, source_id = self._context.db_path, self._context.actor, self._source["id"]
        values = {"code": self.code.text().strip(), "name": self.name.text().strip(),
                  "name_en": self.name_en.text().strip(), "start_date": _iso(self.start), "end_date": _iso(self.end),
                  "offered_until": _iso(self.offer_until) if self.offer.isChecked() else None,
                  "on_site_exhibitor_ids": self.on_site_ids()}

        def run(db, progress, should_cancel):
            return rebooking.start_next_edition(
                db, actor, source_id, values["code"], values["name"], values["name_en"], values["start_date"],
                end_date=values["end_date"], offered_until=values["offered_until"],
                on_site_exhibitor_ids=values["on_site_exhibitor_ids"], progress=progress,
                should_cancel=should_cancel)

        self.errors.show_message("")
        self.copy_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._job = start_file_job(db_path, run, progressed=self._on_progress, finished=self._on_finished,
                                   failed=self._on_failed)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _job_over(self) -> None:
        self._job.wait()
        self._job = None
        self.progress.hide()

    def _on_failed(self, exc: Exception) -> None:
        self._job_over()
        self.copy_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show_message("\n".join(p.message for p in exc.problems))
        elif isinstance(exc, UserError):
            self.errors.show_message(str(exc))
        else:
            self.errors.show_message(self.tr("The copy failed unexpectedly; nothing was changed.\n%1")
                                     .replace("%1", repr(exc)))

    def _on_finished(self, result: tuple) -> None:
        self._job_over()
        self.result_data = result
        copied, offered = result
        show, counts = copied.show, copied.counts
        lines = [self.tr("%1 %2 made: %3 hall(s), %4 booth(s), %5 pricing rule(s), %6 service(s), %7 exhibitor(s).")
                 .replace("%1", show["code"]).replace("%2", show["name"]).replace("%3", str(counts["halls"]))
                 .replace("%4", str(counts["booths"])).replace("%5", str(counts["pricing_rules"]))
                 .replace("%6", str(counts["services"])).replace("%7", str(counts["exhibitors"]))]
        if offered is not None:
            lines.append(self.tr("Rebooking offers made: %1; booths held until %2: %3; draft contracts for on-site "
                                 "rebookings: %4.").replace("%1", str(offered.offers))
                         .replace("%2", ui_date(_iso(self.offer_until))).replace("%3", str(offered.reserved))
                         .replace("%4", ", ".join(offered.on_site_contracts) or "-"))
            if offered.conflicts:
                lines.append(self.tr("%n booth(s) could not be offered:", "", len(offered.conflicts)))
                self.conflicts.setPlainText("\n".join(str(c) for c in offered.conflicts))
                self.conflicts.show()
        self.summary.setText("\n".join(lines))
        self.summary.show()
        self.open_button.show()
        self._context.announce(copied.changes)

    def _open_new_show(self) -> None:
        if self.result_data is not None:
            self._context.set_show(self.result_data[0].show)
            self.accept()

    def reject(self) -> None:
        if self._job is not None:  # the copy is one transaction: cancelling leaves nothing behind
            self._job.cancel()
            return
        super().reject()
