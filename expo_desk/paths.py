"""Where Expo Desk keeps its files: data, logs, backups and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ExpoDesk"
APP_AUTHOR = "ExpoDesk"
DEFAULT_DB_NAME = "expo-desk.sqlite"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, in the source tree or in a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base.joinpath("resources", *parts)


class AppPaths:
    """The per-user folders, or a single folder given with ``--data-dir``."""

    def __init__(self, data_dir: Path | None = None):
        if data_dir is None:
            if os.environ.get("EXPO_DESK_TESTING"):
                raise RuntimeError("tests must pass a data dir; refusing the real user folders")
            self.data_dir = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
            self.log_dir = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
        else:
            self.data_dir = Path(data_dir)
            self.log_dir = self.data_dir / "logs"

    @property
    def default_db(self) -> Path:
        return self.data_dir / DEFAULT_DB_NAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "expo-desk.ini"

    def ensure(self) -> None:
        for folder in (self.data_dir, self.log_dir, self.backup_dir):
            folder.mkdir(parents=True, exist_ok=True)
