"""Register the bundled CJK font so Chinese renders on a PC without Asian fonts."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from expo_desk.paths import resource_path

log = logging.getLogger(__name__)
CJK_FONT_FILE = "wqy-microhei.ttc"


def install_cjk_font(app: QApplication) -> str | None:
    """Load the bundled font and put it behind the system UI font as a fallback.

    Returns the family name, or None when the file is missing (then Qt's own fallback
    is used and the problem is logged).
    """
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", CJK_FONT_FILE)))
    if font_id < 0:
        log.warning("bundled CJK font %s could not be loaded", CJK_FONT_FILE)
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    base = app.font()
    families = [f for f in base.families() if f != family] or [base.family()]
    font = QFont(base)
    font.setFamilies([*families, family])
    app.setFont(font)
    return family
