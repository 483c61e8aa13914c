"""Collect the ``bench_*.py`` files of this folder when it is run on purpose.

    uv run pytest tests/benchmarks -s
    uv run pytest tests/benchmarks/bench_demo.py -s

The normal run leaves this folder out (``--ignore=tests/benchmarks`` in pyproject's
addopts), so this file is not even loaded then; naming the folder or a file on the
command line collects them despite the ignore.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Module | None:
    # a file named on the command line is collected by pytest itself; don't collect it twice
    if file_path.suffix == ".py" and file_path.name.startswith("bench_") and not parent.session.isinitpath(file_path):
        return pytest.Module.from_parent(parent, path=file_path)
    return None
