"""How fast the department manager's figures come on a big show, against a same-run baseline.

Run on demand (not part of the normal test run):

    uv run python tests/benchmarks/bench_sales.py          # tier L (25,000 booths)
    uv run python tests/benchmarks/bench_sales.py M        # another tier
    uv run pytest tests/benchmarks/bench_sales.py -s

It writes a demo file of the tier, then times the dashboard figures, the exceptions list,
the receivables of the whole show, one contract's detail (as the Contracts page shows it)
and a spot-check draw of 20 contracts. Each figure is the median of several runs, printed
with its ratio to the baseline ``SELECT count(*), sum(total_fen) FROM contracts`` timed the
same way on the same file.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from timing import median_s

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services.contract_view import contract_detail
from expo_desk.services.dashboard import dashboard
from expo_desk.services.demo import write_demo
from expo_desk.services.exceptions_list import exceptions_list
from expo_desk.services.payments import receivables
from expo_desk.services.spot_checks import draw_spot_check
from expo_desk.store.db import open_database
from expo_desk.store.queries import scalar

REPEAT = 5


def median_ms(step: Callable[[], object], repeat: int = REPEAT) -> float:
    return median_s(step, repeat, warm=False) * 1000


def run(size: str = "L") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bench-{size}.sqlite"
        write_demo(path, size)
        db = open_database(path)
        try:
            show = scalar(db, "SELECT id FROM shows")
            contract = scalar(db, "SELECT id FROM contracts WHERE status = 'part_paid' ORDER BY number LIMIT 1")
            manager = scalar(db, "SELECT id FROM users WHERE role = 'department_manager' LIMIT 1")
            actor = Actor(manager, "bench", Role.DEPARTMENT_MANAGER)
            contracts = scalar(db, "SELECT count(*) FROM contracts")
            base = median_ms(lambda: db.execute("SELECT count(*), sum(total_fen) FROM contracts").fetchone())
            figures = {
                "dashboard figures": median_ms(lambda: dashboard(db, show)),
                "exceptions list": median_ms(lambda: exceptions_list(db, show)),
                "receivables (whole show)": median_ms(lambda: receivables(db, show)),
                "one contract's detail": median_ms(lambda: contract_detail(db, contract)),
                "spot check: draw 20 contracts": median_ms(
                    lambda: draw_spot_check(db, actor, show, "contracts", 20), repeat=3),
            }
        finally:
            db.close()
    print(f"tier {size}: {contracts:,} contracts; baseline count+sum {base:.1f} ms")
    for name, ms in figures.items():
        print(f"  {name:32s} {ms:8.1f} ms   ×{ms / base:,.1f} of the baseline")
    return figures


def test_sales_figures_benchmark():
    figures = run("M")
    assert all(ms > 0 for ms in figures.values())


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "L")
