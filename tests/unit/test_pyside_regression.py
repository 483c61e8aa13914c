"""PySide6 6.12.0 on Python 3.11 aborts after a few thousand void-method calls
("Fatal Python error: none_dealloc: deallocating None"). Keep the pin and this test."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 200_000

SCRIPT = textwrap.dedent(f"""
    import sys
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene

    app = QApplication(sys.argv)
    scene = QGraphicsScene()
    items = [QGraphicsRectItem(0, 0, 300, 300) for _ in range(100)]
    for item in items:
        scene.addItem(item)
    for n in range({CALLS}):
        item = items[n % 100]
        item.setPos(n % 977, n % 613)
        if n % 4 == 0:
            item.setToolTip("A1-%03d" % (n % 1000))
    assert items[-1].pos().x() == ({CALLS} - 1) % 977
    print("done", {CALLS})
""")


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3] if part.isdigit())


def test_installed_pyside6_is_not_the_crashing_release():
    import PySide6

    version = _version_tuple(PySide6.__version__)
    assert version >= (6, 11, 3)
    assert version < (6, 12) or sys.version_info >= (3, 12), (
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}: 6.12 aborts on 3.11; "
        "keep PySide6-Essentials>=6.11.3,<6.12")


def test_two_hundred_thousand_set_pos_calls_do_not_abort(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, f"rc={done.returncode}\n{done.stderr[-2000:]}"
    assert f"done {CALLS}" in done.stdout
