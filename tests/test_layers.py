"""The layers stay layers: an AST scan of every module of expo_desk/.

- PySide6 (and shiboken6) only under ui/ and in app.py;
- reportlab only under reports/;
- sqlite3, sqlite_utils and apsw only under store/;
- domain/ imports nothing of ours but domain/ and errors;
- store/ imports no services/, ui/, reports/, app or cli;
- services/ imports no ui/, app or cli;
- no SQL statement (SELECT/INSERT/UPDATE/DELETE) in a string outside store/.

Imports inside ``if TYPE_CHECKING:`` never run, so the Qt and ReportLab rules let them
pass; the database driver rule and the rules between our own layers do not (an annotation
names the store's own ``Database``: the driver stays behind store/).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "expo_desk"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

SQL = re.compile(
    r"\bSELECT\b[\s\S]*?\bFROM\b"
    r"|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b"
    r"|\bUPDATE\s+(?:OR\s+\w+\s+)?[\[\"`]?\w+[\]\"`]?\s+SET\b"
    r"|\bDELETE\s+FROM\b"
)


@dataclass(frozen=True)
class Imported:
    module: str  # absolute dotted name
    line: int
    type_only: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    if level == 0:
        return name or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def imports_of(module: str, source: str, *, is_package: bool = False) -> list[Imported]:
    """Every import in ``source`` as absolute names, with ``from a import b`` giving a.b too."""
    tree = ast.parse(source)
    type_only_lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                for inner in ast.walk(child):
                    if hasattr(inner, "lineno"):
                        type_only_lines.add(inner.lineno)
    found: list[Imported] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node.level, node.module)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Name) and node.func.id == "__import__")
                   or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"))):
            names = [node.args[0].value]
        found += [Imported(n, node.lineno, node.lineno in type_only_lines) for n in names if n]
    return found


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def sql_strings(source: str) -> list[tuple[int, str]]:
    """String constants (f-strings joined, docstrings skipped) that read like SQL statements."""
    tree = ast.parse(source)
    skip = _docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
            for value in node.values:
                skip.add(id(value))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
        else:
            continue
        if SQL.search(text):
            found.append((node.lineno, text.strip().splitlines()[0][:60]))
    return found


def violations(module: str, source: str, *, is_package: bool = False) -> list[str]:
    """What ``module`` (a dotted name under expo_desk) does against the layering rules."""
    layer = module.split(".")[1] if "." in module else ""
    problems = []

    def bad(item: Imported, rule: str) -> None:
        problems.append(f"{module}:{item.line}: imports {item.module}: {rule}")

    for item in imports_of(module, source, is_package=is_package):
        name = item.module
        if not item.type_only:
            if (_within(name, "PySide6") or _within(name, "shiboken6")) and layer not in ("ui", "app"):
                bad(item, "Qt only under ui/ and app.py")
            if _within(name, "reportlab") and layer != "reports":
                bad(item, "ReportLab only under reports/")
        if any(_within(name, lib) for lib in ("sqlite3", "sqlite_utils", "apsw")) and layer != "store":
            bad(item, "the database driver only under store/")
        if not _within(name, PACKAGE) or name == PACKAGE:
            continue
        target = name.split(".")[1]
        if layer == "domain" and target not in ("domain", "errors"):
            bad(item, "domain/ may import only domain/ and errors")
        if layer == "store" and target in ("services", "ui", "reports", "app", "cli"):
            bad(item, "store/ may not import the layers above it")
        if layer == "services" and target in ("ui", "app", "cli"):
            bad(item, "services/ may not import ui/, app or cli")
    if layer != "store":
        for line, text in sql_strings(source):
            problems.append(f"{module}:{line}: SQL outside store/: {text!r}")
    return problems


def package_modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts)


# ---------------------------------------------------------------- the scan itself


def test_the_scan_finds_the_package():
    names = {module_name(p) for p in package_modules()}
    assert {"expo_desk", "expo_desk.cli", "expo_desk.store.db", "expo_desk.domain.money",
            "expo_desk.services.exhibitors"} <= names


@pytest.mark.parametrize("path", package_modules(), ids=lambda p: str(p.relative_to(ROOT.parent)))
def test_module_respects_the_layers(path):
    source = path.read_text(encoding="utf-8")
    assert violations(module_name(path), source, is_package=path.name == "__init__.py") == []


# ---------------------------------------------------------------- the scanner catches what it should


@pytest.mark.parametrize(
    ("module", "snippet", "expected"),
    [
        ("expo_desk.services.x", "from PySide6.QtCore import Qt", "Qt only"),
        ("expo_desk.store.x", "import PySide6", "Qt only"),
        ("expo_desk.cli", "import shiboken6", "Qt only"),
        ("expo_desk.domain.x", "from reportlab.pdfgen import canvas", "ReportLab"),
        ("expo_desk.ui.x", "import sqlite3", "driver"),
        ("expo_desk.services.x", "import sqlite_utils", "driver"),
        ("expo_desk.reports.x", "from sqlite_utils.db import Database", "driver"),
        ("expo_desk.services.x", "import importlib\nimportlib.import_module('apsw')", "driver"),
        ("expo_desk.services.x", "if TYPE_CHECKING:\n    import sqlite_utils", "driver"),
        ("expo_desk.domain.x", "from expo_desk.store import records", "domain/"),
        ("expo_desk.domain.x", "from ..services import shows", "domain/"),
        ("expo_desk.domain.x", "if TYPE_CHECKING:\n    from expo_desk.store import db", "domain/"),
        ("expo_desk.store.x", "from expo_desk.services.changes import ChangeSet", "store/"),
        ("expo_desk.store.x", "from expo_desk import ui", "store/"),
        ("expo_desk.store.x", "from .. import reports", "store/"),
        ("expo_desk.services.x", "from expo_desk.ui.context import AppContext", "services/"),
        ("expo_desk.services.x", "def f(db):\n    def g():\n        import expo_desk.app\n", "services/"),
        ("expo_desk.services.x", "def f(db):\n    return db.execute('SELECT id FROM shows')", "SQL"),
        ("expo_desk.ui.x", "q = f'UPDATE {table} SET name = ?'", "SQL"),
        ("expo_desk.reports.x", "q = 'INSERT INTO exhibitors (id) VALUES (?)'", "SQL"),
        ("expo_desk.services.x", "q = 'INSERT OR REPLACE INTO settings VALUES (?, ?)'", "SQL"),
        ("expo_desk.services.x", "q = \"\"\"\n  DELETE FROM contacts\n  WHERE id = ?\"\"\"", "SQL"),
        ("expo_desk.services.x", "q = ('SELECT count(*) '\n     'FROM booths')", "SQL"),
    ],
)
def test_the_scanner_catches_a_violation(module, snippet, expected):
    found = violations(module, snippet)
    assert found and expected in found[0], found


@pytest.mark.parametrize(
    ("module", "snippet"),
    [
        ("expo_desk.ui.x", "from PySide6.QtWidgets import QWidget"),
        ("expo_desk.app", "import PySide6.QtWidgets"),
        ("expo_desk.reports.x", "from reportlab.lib.pagesizes import A4"),
        ("expo_desk.store.x", "import sqlite3\nimport sqlite_utils\nq = 'SELECT * FROM shows'"),
        ("expo_desk.domain.x", "from expo_desk.domain.enums import Role\nfrom expo_desk.errors import Problem"),
        ("expo_desk.domain.x", "from .enums import Role\nfrom ..errors import UserError"),
        ("expo_desk.services.x", "if TYPE_CHECKING:\n    from expo_desk.store.db import Database"),
        ("expo_desk.ui.x", "if TYPE_CHECKING:\n    from PySide6.QtGui import QPainter"),
        ("expo_desk.services.x", "from expo_desk.store import exhibitors\nfrom expo_desk.domain import money"),
        ("expo_desk.ui.x", "label = 'Select a booth, then update the plan'"),
        ("expo_desk.ui.x", "label = '删除 Delete from list'"),
        ("expo_desk.services.x", "def f():\n    \"\"\"SELECT rows FROM the store, via store/.\"\"\""),
    ],
)
def test_the_scanner_lets_good_code_pass(module, snippet):
    assert violations(module, snippet) == []


def test_relative_imports_resolve_from_a_package():
    found = imports_of("expo_desk.store", "from . import db\nfrom .. import errors", is_package=True)
    assert {i.module for i in found} >= {"expo_desk.store.db", "expo_desk.errors"}
