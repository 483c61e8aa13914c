"""GUI start: paths → logging → open the file → QApplication → main window."""

from __future__ import annotations

import getpass
import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from expo_desk import __version__
from expo_desk.domain.actors import local_actor
from expo_desk.errors import UserError
from expo_desk.paths import AppPaths

log = logging.getLogger(__name__)
DEMO_FILE = "demo-RZ2026.sqlite"


def _configure_logging(paths: AppPaths) -> None:
    handler = RotatingFileHandler(paths.log_dir / "expo-desk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "local"


def ensure_demo_file(paths: AppPaths) -> Path:
    """The demo show in the data folder, written on first use."""
    from expo_desk.services.demo import write_demo

    path = paths.data_dir / DEMO_FILE
    if not path.exists():
        write_demo(path, "S")
    return path


def create_window(paths: AppPaths, db_path: Path | None = None, demo: bool = False):
    """The main window with the chosen (or last used) file open; needs a QApplication."""
    from expo_desk.ui.context import AppContext
    from expo_desk.ui.fonts import install_cjk_font
    from expo_desk.ui.main_window import MainWindow

    install_cjk_font(QApplication.instance())
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    context = AppContext(paths, local_actor(_user_name()), settings)
    window = MainWindow(context)
    context.setParent(window)
    if demo:
        try:
            db_path = ensure_demo_file(paths)
        except UserError as exc:
            QMessageBox.critical(window, QCoreApplication.translate("MainWindow", "Cannot create the demo show"), str(exc))
    elif db_path is None:
        recent = window.recent_files()
        candidates = [Path(recent[0])] if recent else []
        candidates.append(paths.default_db)
        db_path = next((p for p in candidates if p.exists()), None)
    if db_path is not None:
        window.open_file(Path(db_path))
    return window


def run_gui(data_dir: Path | None = None, db_path: Path | None = None, demo: bool = False) -> int:
    """Start the desktop application; returns its exit code."""
    paths = AppPaths(data_dir)
    paths.ensure()
    _configure_logging(paths)
    log.info("Expo Desk %s starting", __version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Expo Desk")
    app.setOrganizationName("ExpoDesk")
    app.setApplicationVersion(__version__)
    from expo_desk.ui.i18n import install_translators

    language = install_translators(app, QSettings(str(paths.settings_file), QSettings.Format.IniFormat), paths)
    log.info("Interface language: %s", language)  # before any widget: widgets read tr() when built
    window = create_window(paths, db_path, demo)
    window.show()
    code = app.exec()
    window.context.close()
    return code
