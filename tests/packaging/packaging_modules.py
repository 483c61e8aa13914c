"""The scripts of packaging/ loaded as modules for the tests (packaging/ is not a package: its
``build.py`` and ``windows/`` would shadow other names on sys.path)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGING = ROOT / "packaging"


def load(relative: str, name: str):
    """``packaging/<relative>`` as module ``name`` (build.py needs packaging/ on sys.path for its own imports)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / relative)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
