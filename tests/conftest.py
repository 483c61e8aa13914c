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
def shanghai_time():
    """Asia/Shanghai (UTC+8, no summer time) as the computer's zone for the test."""
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


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


@pytest.fixture
def sales(db, actor, show):
    """A show ready to sell: default prices, a hall with three shell booths against the back
    wall (A-001 and A-003 corners, A-002 inline) and a 10 m × 10 m raw island R-001, two
    account managers with an exhibitor each, and a department manager.

    Returns a dict of ids and ``Actor``s: ``am1``, ``am2``, ``dm``; ``steel`` (am1's
    exhibitor), ``fish`` (am2's); ``booths`` by number; ``show`` and ``hall``.
    """
    from expo_desk.domain.actors import Actor
    from expo_desk.domain.booths import BoothDraft
    from expo_desk.domain.enums import BoothType, Role
    from expo_desk.services import booths, exhibitors, pricing, users
    from expo_desk.store.queries import scalar

    pricing.add_default_rules(db, actor, show["id"])
    hall = booths.create_hall(db, actor, show["id"], "H1", "1号馆", 3000, 2000).inserted["halls"][0]
    drafts = [BoothDraft(f"A-00{k}", 300 * k, 0, 300, 300) for k in (1, 2, 3)]
    drafts.append(BoothDraft("R-001", 1500, 1000, 1000, 1000, BoothType.RAW))
    booths.add_booths(db, actor, show["id"], hall, drafts)
    people = {}
    for username, name, role in (("am1", "王经理", Role.ACCOUNT_MANAGER), ("am2", "李经理", Role.ACCOUNT_MANAGER),
                                 ("dm", "赵部长", Role.DEPARTMENT_MANAGER)):
        uid = users.create_user(db, actor, username, name, role).inserted["users"][0]
        people[username] = Actor(uid, name, role)
    steel = exhibitors.create_exhibitor(db, actor, show["id"], {
        "company_name": "日照钢铁集团有限公司", "company_name_en": "Rizhao Steel", "sector": "钢铁",
        "account_manager_id": people["am1"].user_id}).inserted["exhibitors"][0]
    fish = exhibitors.create_exhibitor(db, actor, show["id"], {
        "company_name": "黄海渔业有限公司", "sector": "渔业",
        "account_manager_id": people["am2"].user_id}).inserted["exhibitors"][0]
    numbers = {n: scalar(db, "SELECT id FROM booths WHERE number = ?", [n]) for n in ("A-001", "A-002", "A-003", "R-001")}
    return {**people, "steel": steel, "fish": fish, "booths": numbers, "show": show, "hall": hall}
