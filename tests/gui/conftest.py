"""A main window on a real file with a small bilingual show, for pytest-qt."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from expo_desk.app import create_window
from expo_desk.paths import AppPaths
from expo_desk.services import demo
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.shows import new_show_file
from expo_desk.services.users import find_or_add_account_manager

COMPANIES = [
    ("日照钢铁集团有限公司", "Rizhao Steel Group Co., Ltd.", "钢铁", "王伟", "13800000001"),
    ("山东汽车配件有限公司", "Shandong Auto Parts Co., Ltd.", "汽车", "李娜", "13800000002"),
    ("黄海渔业有限公司", "Yellow Sea Fishery Co., Ltd.", "渔业", "张敏", "13800000003"),
    ("日照旅游发展有限公司", "Rizhao Tourism Development Co., Ltd.", "旅游", "刘洋", "13800000004"),
    ("青岛食品有限公司", "Qingdao Food Co., Ltd.", "食品", "陈静", "13800000005"),
]


@pytest.fixture
def show_file(data_dir, actor):
    path = data_dir / "rz2026.sqlite"
    db, show = new_show_file(path, actor, "RZ2026", "2026日照国际博览会", name_en="Rizhao International Expo 2026")
    manager, _ = find_or_add_account_manager(db, actor, "赵经理")
    for name, name_en, sector, contact, phone in COMPANIES:
        exhibitor_service.create_exhibitor(
            db, actor, show["id"],
            {"company_name": name, "company_name_en": name_en, "sector": sector, "account_manager_id": manager["id"]},
            [{"name": contact, "phone": phone, "is_primary": True}])
    db.close()
    return path


@pytest.fixture
def window(qtbot, data_dir, show_file):
    win = create_window(AppPaths(data_dir), show_file)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.context.close()


@pytest.fixture
def page(window):
    return window.exhibitors_page


@pytest.fixture
def on_modal(qtbot):
    """Run ``callback(dialog)`` as soon as a modal dialog opens (for code that calls exec())."""
    calls = []

    def arm(callback, timeout_ms: int = 5000):
        waited = {"ms": 0}

        def poll():
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                calls.append(dialog)
                try:
                    callback(dialog)
                except BaseException:
                    dialog.reject()  # never leave a test stuck in exec()
                    raise
            elif waited["ms"] < timeout_ms:
                waited["ms"] += 20
                QTimer.singleShot(20, poll)

        QTimer.singleShot(0, poll)

    arm.calls = calls
    return arm


@pytest.fixture
def import_closer(qtbot):
    """For ``on_modal``: waits until an import dialog has finished, keeps what it says
    (``import_closer.status``, ``import_closer.problems``) and closes it."""

    def close(dialog):
        qtbot.waitUntil(lambda: not dialog._running, timeout=20000)
        close.status = dialog.status.text()
        close.problems = dialog.problems.toPlainText()
        for button in dialog.buttons.findChildren(QPushButton):
            button.click()

    return close


# -- the floor plan on the demo show ---------------------------------------------------


@pytest.fixture(scope="session")
def demo_s_file(tmp_path_factory):
    """The small demo show (tier S, the same every time), written once a run: open it to
    read, or copy it (``own_plan_window``) to write."""
    path = tmp_path_factory.mktemp("demo") / "demo_S.sqlite"
    demo.write_demo(path, "S")
    return path


@pytest.fixture
def plan_messages(monkeypatch):
    """Message boxes of the floor-plan page, recorded instead of shown (a modal box would wait forever)."""
    shown = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(f"expo_desk.ui.pages.floor_plan_page.QMessageBox.{kind}",
                            lambda _parent, _title, text, k=kind: shown.append((k, text)))
    return shown


@pytest.fixture
def open_plan(qtbot, data_dir):
    """``open_plan(path)``: a 1400 x 900 main window on the file showing the floor-plan page,
    closed after the test."""
    opened = []

    def open_window(path):
        win = create_window(AppPaths(data_dir), path)
        qtbot.addWidget(win)
        win.resize(1400, 900)
        win.show()
        qtbot.waitExposed(win)
        win.show_page(win.floor_plan_page)
        opened.append(win)
        return win

    yield open_window
    for win in opened:
        win.context.close()


@pytest.fixture
def free_spot():
    """``free_spot(page, width=300, depth=300)``: a grid corner of the floor-plan page's hall
    where a booth of that size (cm) overlaps nothing."""

    def find(plan, width=300, depth=300):
        hall = plan.scene.hall
        taken = [i.sceneBoundingRect() for i in plan.scene.booth_items()]
        for y in range(0, int(hall["depth_cm"]) - depth, 100):
            for x in range(0, int(hall["width_cm"]) - width, 100):
                rect = QRectF(x, y, width, depth)
                if not any(rect.intersects(t) for t in taken):
                    return x, y
        raise AssertionError("no free spot")

    return find


@pytest.fixture
def own_plan_window(open_plan, demo_s_file, tmp_path):
    """The floor plan on a copy of the demo show of its own, for tests that write."""
    path = tmp_path / "own.sqlite"
    shutil.copyfile(demo_s_file, path)
    return open_plan(path)


@pytest.fixture
def chinese(qapp):
    """The window in Chinese for one test, English again afterwards (as the other tests expect)."""
    from expo_desk.ui.language import set_ui_language

    set_ui_language("zh")
    yield
    set_ui_language("en")
