"""``DemoShow``: every row of one demo show, generated step by step from one random stream."""

from __future__ import annotations

from collections.abc import Iterator

from expo_desk.services.demo.columns import TABLE_ORDER
from expo_desk.services.demo.floor import FloorSteps
from expo_desk.services.demo.leads import LeadSteps
from expo_desk.services.demo.people import PeopleSteps
from expo_desk.services.demo.sales import SalesSteps
from expo_desk.services.demo.schedule import ScheduleSteps
from expo_desk.services.demo.show_dates import BUILD_START, SET_UP, SHOW, SHOW_END, SHOW_START, TEARDOWN_END
from expo_desk.services.demo.tiers import Tier, tier_of


class DemoShow(PeopleSteps, FloorSteps, SalesSteps, LeadSteps, ScheduleSteps):
    """All rows of one demo show, generated in a fixed order from one random stream.

    The order of the steps is part of the result: each one draws from the same stream.
    The schedule is not held in memory; ``task_chunks`` produces it.
    """

    def __init__(self, tier: Tier, seed: int):
        super().__init__(tier, seed)
        self._make_users()
        self._make_show()
        self._make_services()
        self._make_pricing_rules()
        self._make_halls_and_booths()
        self._work_out_open_sides()
        self._make_exhibitors()
        self._sell_booths()
        self._make_contracts()
        self._exhibitor_rows()
        self._booth_rows()
        self._make_leads()
        self._plan_tasks()
        self._pricing_rule_rows()
        self._make_task_templates()  # last: the ids drawn before stay as they were

    def _make_show(self) -> None:
        self.show_id = self.uid()
        self.show_row = [self.show_id, SHOW["code"], SHOW["name"], SHOW["name_en"], SHOW["venue"], SHOW["city"],
                         self.iso(BUILD_START), self.iso(SHOW_START), self.iso(SHOW_END), self.iso(TEARDOWN_END),
                         SHOW["currency"], 0, self.stamp(SET_UP)]  # the revenue target is set with the contracts

    def small_tables(self) -> Iterator[tuple[str, list[tuple]]]:
        """Every table but the schedule, parents first."""
        for table in TABLE_ORDER:
            if table == "shows":
                yield table, [tuple(self.show_row)]
            elif table in self.rows:
                yield table, self.rows[table]


def generate(size: str = "S", seed: int = 2026) -> DemoShow:
    """The demo show in memory (tasks are produced lazily by ``task_chunks``)."""
    return DemoShow(tier_of(size), seed)
