"""The bundled TrueType CJK font, registered once per process and embedded as a subset.

ReportLab refuses CFF/OTF outlines and ``STSong-Light`` is not embedded (blank on a PC
without an Asian font pack), so every report uses WenQuanYi Micro Hei: it holds Chinese,
Latin, ¥, m² and €. ReportLab embeds only the glyphs a document uses.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from expo_desk.paths import resource_path

FONT = "WQYMicroHei"
FONT_BOLD = "WQYMicroHei-Bold"  # the same outlines: the family has no bold; kept for <b> in paragraphs
FONT_FILE = "wqy-microhei.ttc"

_lock = threading.Lock()
_registered = False


def font_path() -> Path:
    return resource_path("fonts", FONT_FILE)


def register_fonts() -> str:
    """Register the CJK font (first call only) and return its ReportLab name."""
    global _registered
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            path = font_path()
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
            pdfmetrics.registerFont(TTFont(FONT_BOLD, str(path), subfontIndex=0))
            for bold, italic, name in ((0, 0, FONT), (0, 1, FONT), (1, 0, FONT_BOLD), (1, 1, FONT_BOLD)):
                addMapping(FONT, bold, italic, name)
            _registered = True
    return FONT
