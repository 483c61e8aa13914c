"""Every string the window shows is in the Chinese catalogue, translated.

A ``tr()`` string added without its translation, or one left unfinished, fails here; run
``uv run python tools/translations.py update`` and translate it in
``resources/translations/expo_desk_zh_CN.ts``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MNEMONIC = re.compile(r"&[^&\s]")


def _tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_every_tr_string_is_in_the_catalogue_and_translated():
    tool = _tool()
    findings = tool.check(ROOT / "resources" / "translations" / "expo_desk_zh_CN.ts", [ROOT / "expo_desk"])
    assert findings.total > 1000
    assert findings.missing == [], f"missing from the .ts: {findings.missing[:10]}"
    assert findings.unfinished == [], f"not translated: {findings.unfinished[:10]}"


def test_translations_keep_their_placeholders_and_mnemonics():
    import xml.etree.ElementTree as ET

    tree = ET.parse(ROOT / "resources" / "translations" / "expo_desk_zh_CN.ts")
    wrong = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        texts = [f.text or "" for f in node.iter("numerusform")] or [node.text or ""]
        for text in texts:
            for mark in ("%1", "%2", "%3", "%n"):
                if (mark in source) != (mark in text):
                    wrong.append((source, text))
            if MNEMONIC.search(source) and not MNEMONIC.search(text) and "<" not in source:
                wrong.append((source, text))  # a keyboard shortcut lost in Chinese
    assert wrong == []
