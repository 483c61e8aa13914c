"""The Reports page: exhibitor packs, post-show reports and the show summary as PDFs.

Choose the kind, the language, the exhibitors (all holding a booth, or some found by
search and ticked) and the folder; Run makes one PDF per exhibitor in worker processes
with a progress dialog and Cancel, then lists the files written and the exhibitors that
failed with the reason. A file opens in the system's PDF viewer; Print… sends the chosen
files to a printer picked in the print dialog. Qt's PDF module is not part of the Qt build
the app ships (PySide6-Essentials), so the files go to the printer through the system:
``lp`` (CUPS) on Linux and macOS, the PDF viewer's print command on Windows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from expo_desk.errors import UserError
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.batch import KIND_TITLES, KINDS, BatchResult, run_batch, run_show_report
from expo_desk.services.changes import ChangeSet
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.batch_dialog import BatchDialog
from expo_desk.ui.language import pick
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.list_page import SearchBox
from expo_desk.ui.widgets.tables import fill_table, notice_label, record_table

LANGUAGE_CHOICES = (("both", QT_TRANSLATE_NOOP("ReportsPage", "Chinese and English")),
                    ("zh", QT_TRANSLATE_NOOP("ReportsPage", "Chinese")), ("en", QT_TRANSLATE_NOOP("ReportsPage", "English")))
MATCHES_SHOWN = 500  # exhibitors listed per search; typing narrows the rest
FOLDER_SETTING = "folders/reports"
PRINT_TIMEOUT_S = 60


def send_to_printer(paths: list[Path], printer: str = "", copies: int = 1) -> None:
    """Hand PDF files to the system's print queue (``printer`` "" is the default printer)."""
    if sys.platform == "win32":
        for path in paths:  # the PDF viewer registered for .pdf prints it
            if printer:
                os.startfile(str(path), "printto", f'"{printer}"')  # noqa: S606
            else:
                os.startfile(str(path), "print")  # noqa: S606
        return
    lp = shutil.which("lp")
    if lp is None:
        raise UserError("找不到打印命令 lp（CUPS），请打开文件后从阅读器打印 / no print command (lp, from CUPS) "
                        "was found; open the file and print it from the PDF viewer")
    command = [lp, *(["-d", printer] if printer else []), "-n", str(max(1, copies)), *(str(p.resolve()) for p in paths)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UserError(f"打印失败 / printing failed: {exc}") from exc
    if done.returncode != 0:
        raise UserError(f"打印失败 / printing failed: {(done.stderr or done.stdout).strip() or done.returncode}")


class ReportsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._stale = True
        self._chosen: dict[str, str] = {}  # exhibitor id -> label, kept across searches
        self.result: BatchResult | None = None

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in (*KINDS, "summary"):
            self.kind.addItem(pick(*KIND_TITLES[kind]), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, text in LANGUAGE_CHOICES:
            self.language.addItem(self.tr(text), code)
        self.folder = QLineEdit(context.settings.value(FOLDER_SETTING, str(Path.home())))
        self.folder.setObjectName("folder")
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.merged = QCheckBox(self.tr("Merged file too (all in one PDF, in booth order)"))
        self.merged.setObjectName("merged")
        form = QFormLayout()
        form.addRow(self.tr("&Report:"), self.kind)
        form.addRow(self.tr("&Language:"), self.language)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow("", self.merged)

        self.exhibitor_box = self._exhibitor_box()
        self.errors = ErrorLabel()
        self.run_button = QPushButton(self.tr("&Run"))
        self.run_button.setObjectName("run")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.exhibitor_box, 1)
        left.addWidget(self.errors)
        left.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignRight)
        choices = QWidget()
        choices.setLayout(left)

        splitter = QSplitter()
        splitter.addWidget(choices)
        splitter.addWidget(self._results_box())
        splitter.setStretchFactor(1, 1)
        self.no_show = notice_label(self.tr("Open a show to make its reports."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_show)
        layout.addWidget(splitter, 1)
        context.database_changed.connect(self._on_changed)
        context.data_changed.connect(self._on_changed)

    def _exhibitor_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Exhibitors"))
        self.all_exhibitors = QRadioButton(self.tr("&All holding a booth"))
        self.all_exhibitors.setObjectName("all_exhibitors")
        self.all_exhibitors.setChecked(True)
        self.some_exhibitors = QRadioButton(self.tr("&Chosen:"))
        self.some_exhibitors.setObjectName("some_exhibitors")
        group = QButtonGroup(box)
        group.addButton(self.all_exhibitors)
        group.addButton(self.some_exhibitors)
        self.search = SearchBox(self.tr("Search name, booth, sector…"))
        self.search.settled.connect(self.refresh_matches)
        self.search.textEdited.connect(lambda _text: self.some_exhibitors.setChecked(True))
        self.matches = QListWidget()
        self.matches.setObjectName("matches")
        self.matches.itemChanged.connect(self._tick_changed)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("chosen")
        clear = QPushButton(self.tr("C&lear"))
        clear.clicked.connect(self.clear_chosen)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen_label, 1)
        chosen_row.addWidget(clear)
        layout = QVBoxLayout(box)
        layout.addWidget(self.all_exhibitors)
        layout.addWidget(self.some_exhibitors)
        layout.addWidget(self.search)
        layout.addWidget(self.matches, 1)
        layout.addLayout(chosen_row)
        self._show_chosen()
        return box

    def _results_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Last run"))
        self.summary = QLabel(self.tr("Nothing made yet."))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.files = record_table([self.tr("File"), self.tr("Folder")], stretch=0, name="files")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.itemSelectionChanged.connect(self._selection_changed)
        self.files.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.failures = record_table([self.tr("Exhibitor"), self.tr("Why it failed")], stretch=1, name="failures")
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("open")
        self.open_button.clicked.connect(self.open_selected)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_selected)
        self.folder_button = QPushButton(self.tr("Open f&older"))
        self.folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text())))
        buttons = QHBoxLayout()
        for button in (self.open_button, self.print_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.summary)
        layout.addWidget(self.files, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Not made:")))
        layout.addWidget(self.failures, 1)
        self._selection_changed()
        return box

    # -- state ----------------------------------------------------------------------------
    def _on_changed(self, _changes: ChangeSet | None = None) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        has_show = self._context.db is not None and self._context.show is not None
        self.no_show.setVisible(not has_show)
        self.run_button.setEnabled(has_show)
        self.refresh_matches()
        self._kind_changed()

    def _kind_changed(self) -> None:
        per_exhibitor = self.kind.currentData() in KINDS
        self.exhibitor_box.setEnabled(per_exhibitor)
        self.merged.setEnabled(per_exhibitor)

    # -- choosing exhibitors --------------------------------------------------------------
    def refresh_matches(self) -> None:
        """The exhibitors matching the search (ticked when chosen before)."""
        ctx = self._context
        rows = [] if ctx.db is None or ctx.show is None else exhibitor_service.search_exhibitors(
            ctx.db, ctx.show["id"], self.search.text(), limit=MATCHES_SHOWN)
        self.matches.blockSignals(True)
        self.matches.clear()
        for row in rows:
            text = " ".join(filter(None, [row["booths"], row["company_name"], row["company_name_en"]]))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row["id"] in self._chosen else Qt.CheckState.Unchecked)
            self.matches.addItem(item)
        self.matches.blockSignals(False)

    def _tick_changed(self, item: QListWidgetItem) -> None:
        exhibitor_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[exhibitor_id] = item.text()
            self.some_exhibitors.setChecked(True)
        else:
            self._chosen.pop(exhibitor_id, None)
        self._show_chosen()

    def choose(self, exhibitor_ids: list[str]) -> None:
        """Tick these exhibitors among the ones listed (what a click on each does)."""
        for row in range(self.matches.count()):
            item = self.matches.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in exhibitor_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def clear_chosen(self) -> None:
        self._chosen.clear()
        self.refresh_matches()
        self._show_chosen()

    def _show_chosen(self) -> None:
        self.chosen_label.setText(self.tr("%n chosen", "", len(self._chosen)))
        self.chosen_label.setToolTip("\n".join(self._chosen.values()))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the reports"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    # -- running --------------------------------------------------------------------------
    def _problems(self) -> list[str]:
        problems = []
        folder = self.folder.text().strip()
        if not folder:
            problems.append(self.tr("Folder: choose where the PDFs go."))
        elif Path(folder).exists() and not Path(folder).is_dir():
            problems.append(self.tr("Folder: %1 is a file, not a folder.").replace("%1", folder))
        if self.kind.currentData() in KINDS and self.some_exhibitors.isChecked() and not self._chosen:
            problems.append(self.tr("Exhibitors: tick at least one, or choose All."))
        return problems

    def run(self) -> BatchResult | None:
        """Make the chosen reports with the progress dialog; the result is listed on the page."""
        ctx = self._context
        problems = self._problems()
        self.errors.show_message("\n".join(problems))
        if problems or ctx.db_path is None or ctx.show is None:
            return None
        kind, language, folder = self.kind.currentData(), self.language.currentData(), Path(self.folder.text().strip())
        ctx.settings.setValue(FOLDER_SETTING, str(folder))
        db_path, show = ctx.db_path, ctx.show
        if kind in KINDS:
            ids = list(self._chosen) if self.some_exhibitors.isChecked() else None
            merged = folder / f"{show['code']}-{kind}-all.pdf" if self.merged.isChecked() else None

            def work(progress, should_cancel):
                return run_batch(db_path, show["id"], kind, ids, folder, language=language, merged=merged,
                                 progress=progress, should_cancel=should_cancel)
        else:
            def work(_progress, _should_cancel):
                folder.mkdir(parents=True, exist_ok=True)
                return run_show_report(db_path, show["id"], kind, folder / f"{show['code']}-{kind}.pdf",
                                       language=language)
        dialog = BatchDialog(self.kind.currentText(), work, self)
        result = dialog.run()
        if result is None:
            self.errors.show_message(dialog.error)
            return None
        self.show_result(result, dialog.summary(result))
        return result

    def show_result(self, result: BatchResult, summary: str) -> None:
        self.result = result
        self.summary.setText(summary)
        paths = [*result.written, *([result.merged] if result.merged else [])]
        fill_table(self.files, [[p.name, str(p.parent)] for p in paths], [str(p) for p in paths])
        fill_table(self.failures, [[who, reason] for who, reason in result.failures])
        for row, (_who, reason) in enumerate(result.failures):
            self.failures.item(row, 1).setToolTip(reason)  # a long reason is cut in its cell
        if paths:
            self.files.selectRow(0)
        self._selection_changed()

    # -- the files written ----------------------------------------------------------------
    def selected_files(self) -> list[Path]:
        rows = sorted({index.row() for index in self.files.selectedIndexes()})
        return [Path(self.files.item(r, 0).data(Qt.ItemDataRole.UserRole)) for r in rows]

    def _selection_changed(self) -> None:
        chosen = self.selected_files()
        self.open_button.setEnabled(len(chosen) == 1)
        self.print_button.setEnabled(bool(chosen))

    def open_selected(self) -> None:
        """The one selected file in the system's PDF viewer."""
        chosen = self.selected_files()
        if len(chosen) == 1:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(chosen[0])))

    def print_selected(self) -> bool:
        """The selected files to the printer chosen in the print dialog; False when not printed."""
        chosen = self.selected_files()
        if not chosen:
            return False
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %n file(s)", "", len(chosen)))
        for option in (QAbstractPrintDialog.PrintDialogOption.PrintToFile,
                       QAbstractPrintDialog.PrintDialogOption.PrintPageRange,
                       QAbstractPrintDialog.PrintDialogOption.PrintSelection):
            dialog.setOption(option, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            send_to_printer(chosen, printer.printerName(), printer.copyCount())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Print"), str(exc))
            return False
        self.summary.setText(self.tr("%n file(s) sent to %1.", "", len(chosen))
                             .replace("%1", printer.printerName() or self.tr("the default printer")))
        return True
