"""Shared fixtures: every test gets its own data folder and a real SQLite file."""

from __future__ import annotations

import os

import pytest

os.environ["EXPO_DESK_TESTING"] = "1"


def pytest_addoption(parser):
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on a real display (e.g. Xvfb)")


def pytest_configure(config):
    # Without a display and without offscreen, Qt aborts the whole run.
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def actor():
    from expo_desk.domain.actors import local_actor

    return local_actor("tester")


@pytest.fixture
def db_path(data_dir):
    return data_dir / "show.sqlite"


@pytest.fixture
def db(db_path):
    from expo_desk.store.db import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def show(db, actor):
    from expo_desk.services.shows import create_show

    return create_show(db, actor, "RZ2026", "2026日照国际博览会", name_en="Rizhao International Expo 2026",
                       start_date="2026-09-18", end_date="2026-09-20")
