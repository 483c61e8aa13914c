"""The main window: navigation for every area, File and Help menus, status bar."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from expo_desk import __version__
from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.services.shows import list_shows, new_show_file
from expo_desk.services.users import sign_in_required
from expo_desk.store.backup import backup_to_folder
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.conflicts_dialog import open_conflicts_dialog
from expo_desk.ui.dialogs.exchange_dialog import open_exchange_dialog
from expo_desk.ui.dialogs.language_dialog import LanguageDialog
from expo_desk.ui.dialogs.new_show_dialog import NewShowDialog
from expo_desk.ui.dialogs.next_edition_dialog import NextEditionDialog
from expo_desk.ui.dialogs.pricing_dialog import PricingDialog
from expo_desk.ui.dialogs.sales_terms_dialog import SalesTermsDialog
from expo_desk.ui.dialogs.show_details_dialog import ShowDetailsDialog
from expo_desk.ui.dialogs.sign_in_dialog import SignInDialog
from expo_desk.ui.dialogs.task_templates_dialog import TaskTemplatesDialog
from expo_desk.ui.dialogs.users_dialog import UsersDialog
from expo_desk.ui.language import pick
from expo_desk.ui.pages.audit_page import AuditPage
from expo_desk.ui.pages.contracts_page import ContractsPage
from expo_desk.ui.pages.crew_load_page import CrewLoadPage
from expo_desk.ui.pages.dashboard_page import DashboardPage
from expo_desk.ui.pages.exhibitors_page import ExhibitorsPage
from expo_desk.ui.pages.floor_plan_page import FloorPlanPage
from expo_desk.ui.pages.gantt_page import GanttPage
from expo_desk.ui.pages.my_tasks_page import MyTasksPage
from expo_desk.ui.pages.pipeline_page import PipelinePage
from expo_desk.ui.pages.post_show_page import PostShowPage
from expo_desk.ui.pages.reports_page import ReportsPage
from expo_desk.ui.pages.spot_checks_page import SpotChecksPage
from expo_desk.ui.pages.task_board_page import TaskBoardPage
from expo_desk.ui.safety import install as install_safety
from expo_desk.ui.widgets.task_cards import role_text

log = logging.getLogger(__name__)
MAX_RECENT = 8


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext):
        super().__init__()
        self.context = context
        self.setWindowTitle("Expo Desk")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(200)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; }"
                               " QListWidget#navigation::item { padding: 9px 10px; }")
        self.pages = QStackedWidget()
        self.exhibitors_page = ExhibitorsPage(context)
        self._add_page(self.tr("Exhibitors"), self.exhibitors_page)
        self.pipeline_page = PipelinePage(context)
        self._add_page(self.tr("Pipeline"), self.pipeline_page)
        self.floor_plan_page = FloorPlanPage(context)
        self._add_page(self.tr("Booths & floor plan"), self.floor_plan_page)
        self.contracts_page = ContractsPage(context)
        self._add_page(self.tr("Contracts"), self.contracts_page)
        self.dashboard_page = DashboardPage(context)
        self._add_page(self.tr("Dashboard"), self.dashboard_page)
        self.spot_checks_page = SpotChecksPage(context)
        self._add_page(self.tr("Spot checks"), self.spot_checks_page)
        self.my_tasks_page = MyTasksPage(context)
        self._add_page(self.tr("My tasks"), self.my_tasks_page)
        self.gantt_page = GanttPage(context)
        self._add_page(self.tr("Build schedule"), self.gantt_page)
        self.task_board_page = TaskBoardPage(context)
        self._add_page(self.tr("Task board"), self.task_board_page)
        self.crew_load_page = CrewLoadPage(context)
        self._add_page(self.tr("Crew load"), self.crew_load_page)
        self.post_show_page = PostShowPage(context)
        self._add_page(self.tr("Post-show results"), self.post_show_page)
        self.reports_page = ReportsPage(context)
        self._add_page(self.tr("Reports"), self.reports_page)
        self.audit_page = AuditPage(context)
        self._add_page(self.tr("Audit trail"), self.audit_page)
        # as wide as the longest page name in this language (a longer translation is not cut)
        self.nav.setFixedWidth(max(200, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 28))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.file_label = QLabel()
        self.file_label.setObjectName("file_label")
        self.show_label = QLabel()
        self.show_label.setObjectName("show_label")
        self.person_label = QLabel()
        self.person_label.setObjectName("person_label")
        self.statusBar().addPermanentWidget(self.person_label)
        self.statusBar().addPermanentWidget(self.show_label)
        self.statusBar().addPermanentWidget(self.file_label)
        self._build_menus()
        self.safety = install_safety(self)  # restore, automatic backups, safe opening
        context.database_changed.connect(self._update_status)
        context.actor_changed.connect(self._update_status)
        self._update_status()
        geometry = context.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(int(screen.width() * 0.92), int(screen.height() * 0.9))

    def _add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(QListWidgetItem(title))
        self.pages.addWidget(page)

    def show_page(self, page: QWidget) -> None:
        """Bring a page to the front, as choosing it in the navigation does."""
        self.nav.setCurrentRow(self.pages.indexOf(page))

    # -- menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New show file…"), self.new_file, QKeySequence("Ctrl+Shift+N"))
        self._action(file_menu, self.tr("&Open…"), self.choose_file, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.backup_action = self._action(file_menu, self.tr("&Back up to…"), self.choose_backup_folder,
                                          QKeySequence("Ctrl+Shift+B"))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.context.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.context.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.context.undo_failed.connect(
            lambda message: QMessageBox.warning(self, self.tr("Cannot undo or redo"), message))
        self.show_menu = self.menuBar().addMenu(self.tr("&Show"))
        self.show_menu.aboutToShow.connect(self._fill_shows)
        settings_menu = self.menuBar().addMenu(self.tr("Se&ttings"))
        self._action(settings_menu, self.tr("&Users and sign-in…"), self.manage_users)
        self._action(settings_menu, self.tr("&Pricing rules…"), self.pricing_rules)
        self._action(settings_menu, self.tr("Sales &terms and services…"), self.sales_terms)
        self._action(settings_menu, self.tr("&Build schedule templates…"), self.task_templates)
        self._action(settings_menu, self.tr("Sign in as &someone else…"), self.switch_user, QKeySequence("Ctrl+Shift+U"))
        settings_menu.addSeparator()
        self._action(settings_menu, self.tr("&Language…"), self.choose_language)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Expo Desk"), self.about)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(Path(p)))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _fill_shows(self) -> None:
        self.show_menu.clear()
        if self.context.db is None:
            self.show_menu.addAction(self.tr("(no file open)")).setEnabled(False)
            return
        group = QActionGroup(self.show_menu)
        current = (self.context.show or {}).get("id")
        for show in list_shows(self.context.db):
            action = self.show_menu.addAction(f"{show['code']}  {pick(show['name'], show.get('name_en') or '')}")
            action.setCheckable(True)
            action.setChecked(show["id"] == current)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, s=show: self.context.set_show(s))
        self.show_menu.addSeparator()
        details = self.show_menu.addAction(self.tr("Show &details…"))
        details.setEnabled(self.context.show is not None)
        details.triggered.connect(self.show_details)
        next_edition = self.show_menu.addAction(self.tr("&Next edition…"))
        next_edition.setEnabled(self.context.show is not None and can(self.context.actor, Action.CREATE_SHOWS))
        next_edition.triggered.connect(self.next_edition)
        self.show_menu.addSeparator()
        exchange = self.show_menu.addAction(self.tr("E&xchange changes…"))
        exchange.setShortcut("Ctrl+Shift+E")
        exchange.triggered.connect(lambda: open_exchange_dialog(self))
        self.show_menu.addAction(self.tr("Review &conflicts…")).triggered.connect(lambda: open_conflicts_dialog(self))

    def show_details(self) -> None:
        """The show's names, venue and dates (build-up, opening, last day, tear-down)."""
        if self.context.show is not None:
            ShowDetailsDialog(self.context, self).exec()

    def next_edition(self) -> None:
        """Copy this show's setup to a new edition and offer last edition's exhibitors their booths."""
        dialog = NextEditionDialog(self.context, self)
        dialog.exec()

    def recent_files(self) -> list[str]:
        value = self.context.settings.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if p]

    def _remember(self, path: Path) -> None:
        items = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.context.settings.setValue("files/recent", items[:MAX_RECENT])

    # -- files -------------------------------------------------------------------------
    def open_file(self, path: Path) -> bool:
        """Open, check and migrate a file; say clearly why when it cannot be opened."""
        try:
            db = self.safety.open_database(path)
            if db is None:
                return False
            shows = list_shows(db)
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Cannot open file"), str(exc))
            return False
        actor = None
        if sign_in_required(db):
            actor = self._sign_in(db, path)
            if actor is None:
                db.close()
                return False
        last = self.context.settings.value(f"shows/last/{path}")
        show = next((s for s in shows if s["id"] == last), shows[0] if shows else None)
        self.context.set_database(db, path, show, actor)
        self._remember(path)
        return True

    def _sign_in(self, db, path: Path):
        """The person who signs in to ``db``, or None when they give up."""
        dialog = SignInDialog(db, path, self.context.settings.value("users/last", ""), self)
        if not dialog.exec():
            return None
        self.context.settings.setValue("users/last", dialog.username.text().strip())
        return dialog.actor

    def switch_user(self) -> None:
        """Sign in as someone else (the file must require sign-in)."""
        ctx = self.context
        if ctx.db is None:
            return
        if not sign_in_required(ctx.db):
            QMessageBox.information(self, self.tr("Sign in"), self.tr(
                "This file does not require sign-in: every change is made by %1. An administrator can turn "
                "sign-in on under Settings ▸ Users and sign-in.").replace("%1", ctx.actor.name))
            return
        actor = self._sign_in(ctx.db, ctx.db_path)
        if actor is not None:
            ctx.set_actor(actor)

    def choose_language(self) -> None:
        """Chinese, English or the system's language, from the next start."""
        LanguageDialog(self.context, self).exec()

    def manage_users(self) -> None:
        if self.context.db is not None:
            UsersDialog(self.context, self).exec()

    def pricing_rules(self) -> None:
        if self.context.db is not None and self.context.show is not None:
            PricingDialog(self.context, self).exec()

    def task_templates(self) -> None:
        """The show's milestones and main events, and each booth type's build steps."""
        if self.context.db is not None and self.context.show is not None:
            TaskTemplatesDialog(self.context, self).exec()

    def sales_terms(self) -> None:
        """The show's deposit, balance date, discount threshold, cancellation schedule and services."""
        if self.context.db is not None and self.context.show is not None:
            SalesTermsDialog(self.context, self).exec()

    def choose_file(self) -> None:
        start = str(self.context.db_path.parent if self.context.db_path else self.context.paths.data_dir)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open show file"), start,
                                              self.tr("Expo Desk files (*.sqlite);;All files (*)"))
        if path:
            self.open_file(Path(path))

    def new_file(self) -> None:
        dialog = NewShowDialog(self.context.paths.data_dir, self)
        while dialog.exec():
            values = dialog.values()
            path = values.pop("path")
            try:
                db, show = new_show_file(path, self.context.actor, **values)
            except UserError as exc:
                dialog.show_error(str(exc))
                continue
            self.context.set_database(db, path, show)
            self._remember(path)
            return

    def choose_backup_folder(self) -> None:
        if self.context.db is None:
            return
        start = self.context.settings.value("folders/backup", str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up to folder"), start)
        if folder:
            self.context.settings.setValue("folders/backup", folder)
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> Path | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = backup_to_folder(self.context.db, folder, self.context.db_path.stem)
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Backup failed"), str(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("Backed up and verified: %1").replace("%1", str(written)), 10000)
        return written

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Expo Desk"), self.tr(
            "<h3>Expo Desk %1</h3><p>Exhibitors, booths, contracts, build schedule and reports for "
            "exhibition organizers.</p>"
            "<p>Chinese text uses WenQuanYi Micro Hei (Apache License 2.0).</p>").replace("%1", __version__))

    def _update_status(self) -> None:
        ctx = self.context
        self.file_label.setText(str(ctx.db_path) if ctx.db_path else self.tr("No file open"))
        show = ctx.show
        name = pick(show["name"], show.get("name_en") or "") if show else ""
        self.show_label.setText(f"{show['code']} · {name}" if show else self.tr("No show"))
        self.setWindowTitle(f"{name} — Expo Desk" if show else "Expo Desk")
        self.backup_action.setEnabled(ctx.db is not None)
        self.person_label.setText(f"{ctx.actor.name} · {role_text(ctx.actor.role)}")
        self.person_label.setToolTip("")
        if show and ctx.db_path:
            ctx.settings.setValue(f"shows/last/{ctx.db_path}", show["id"])

    def closeEvent(self, event) -> None:
        self.safety.on_close()
        self.context.settings.setValue("window/geometry", self.saveGeometry())
        self.context.settings.sync()
        super().closeEvent(event)
