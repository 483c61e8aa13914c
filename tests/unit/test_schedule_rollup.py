"""Progress rolled up from the detailed tasks to their events and milestones, checked by hand.

Days are "day N" of August 2026 (day 1 = 1 August); ``today`` is a day number too.
"""

from __future__ import annotations

from datetime import date

from expo_desk.domain.schedule import RollUp, TaskNode, roll_up, slip_days

DAY0 = date(2026, 7, 31).toordinal()


def day(n: int) -> int:
    return DAY0 + n


def node(tid: str, level: str, first: int, last: int, status: str = "not_started", *, parent: str | None = None,
         percent: int = 0, actual_finish: int | None = None, baseline_finish: int | None = None) -> TaskNode:
    return TaskNode(tid, parent, level, day(first), day(last), status,
                    actual_finish=None if actual_finish is None else day(actual_finish),
                    baseline_finish=None if baseline_finish is None else day(baseline_finish), percent_done=percent)


def test_percent_is_weighted_by_planned_duration():
    rows = [
        node("M", "milestone", 20, 20),
        node("E", "event", 1, 10, parent="M"),
        node("done4", "task", 1, 4, "done", parent="E", actual_finish=4),  # 4 days × 100
        node("half2", "task", 5, 6, "in_progress", parent="E", percent=25),  # 2 days × 25
        node("unsaid2", "task", 5, 6, "in_progress", parent="E"),  # 2 days × 50 (no percent entered)
        node("todo2", "task", 7, 8, parent="E"),  # 2 days × 0
    ]
    result = roll_up(rows, today=day(5))
    # (4×100 + 2×25 + 2×50 + 2×0) / (4 + 2 + 2 + 2) = 550 / 10 = 55
    assert result["E"].percent == 55.0
    assert result["M"].percent == 55.0  # the milestone sees the same tasks through its event
    assert (result["done4"].percent, result["half2"].percent, result["unsaid2"].percent) == (100.0, 25.0, 50.0)
    assert (result["E"].tasks, result["E"].done, result["E"].late_tasks, result["E"].blocked) == (4, 1, 0, 0)
    assert not result["E"].at_risk and not result["M"].at_risk
    # nothing late: the latest planned finish of the tasks below, day 8
    assert result["E"].forecast_finish == day(8)


def test_a_blocked_task_marks_its_event_and_milestone_at_risk():
    rows = [
        node("M", "milestone", 20, 20),
        node("E", "event", 1, 10, parent="M"),
        node("E2", "event", 1, 10, parent="M"),
        node("blocked", "task", 3, 6, "blocked", parent="E"),  # not late: finishes day 6, today is 4
        node("fine", "task", 1, 4, "in_progress", parent="E2", percent=60),
    ]
    result = roll_up(rows, today=day(4))
    assert result["blocked"].at_risk and not result["blocked"].late
    assert result["E"].at_risk and result["E"].blocked == 1
    assert result["M"].at_risk and result["M"].blocked == 1 and result["M"].tasks == 2
    assert not result["E2"].at_risk and not result["fine"].at_risk


def test_a_late_task_marks_its_event_and_milestone_at_risk():
    rows = [
        node("M", "milestone", 20, 20),
        node("E", "event", 1, 10, parent="M"),
        node("late", "task", 1, 3, "in_progress", parent="E", percent=50),  # finish day 3 passed
    ]
    result = roll_up(rows, today=day(5))
    assert result["late"].late and result["late"].at_risk
    assert result["E"].late_tasks == 1 and result["E"].at_risk and not result["E"].late  # the event ends day 10
    assert result["M"].late_tasks == 1 and result["M"].at_risk


def test_a_done_task_that_finished_after_its_plan_pushes_its_events_forecast():
    rows = [
        node("E", "event", 1, 4),
        node("slow", "task", 1, 3, "done", parent="E", actual_finish=6),  # planned 1–3, done on day 6
        node("next", "task", 4, 4, parent="E"),
    ]
    result = roll_up(rows, today=day(4))
    assert result["slow"].forecast_finish == day(6)
    assert not result["slow"].late and not result["slow"].at_risk  # finished: no risk left
    # the event was planned to end on day 4; its latest forecast is day 6 > 4
    assert result["E"].forecast_finish == day(6)
    assert result["E"].at_risk
    assert slip_days(rows[1]) is None  # no baseline


def test_a_late_task_not_started_forecasts_today_plus_its_duration():
    rows = [
        node("not_started", "task", 1, 3),  # 3 days, should have finished on day 3
        node("in_progress", "task", 1, 4, "in_progress", percent=25),  # 4 days, 75 % left = 3 days
        node("blocked", "task", 2, 3, "blocked"),  # 2 days, nothing counted done
        node("on_time", "task", 8, 12),
    ]
    result = roll_up(rows, today=day(10))
    # the rest of the work starts tomorrow at the earliest: today + remaining days
    assert result["not_started"].forecast_finish == day(10 + 3)
    assert result["in_progress"].forecast_finish == day(10 + 3)  # 4 × (100 − 25) / 100 = 3
    assert result["blocked"].forecast_finish == day(10 + 2)
    assert result["on_time"].forecast_finish == day(12) and not result["on_time"].late
    assert [result[t].late for t in ("not_started", "in_progress", "blocked")] == [True, True, True]


def test_a_group_is_done_when_every_task_below_is():
    rows = [
        node("E", "event", 1, 5, "in_progress"),  # its own status lags behind its tasks
        node("a", "task", 1, 2, "done", parent="E", actual_finish=2),
        node("b", "task", 3, 5, "done", parent="E", actual_finish=4),
    ]
    result = roll_up(rows, today=day(9))
    assert result["E"] == RollUp(100.0, day(4), False, False, 2, 2, 0, 0)


def test_a_milestone_with_nothing_below_counts_from_itself():
    rows = [node("passed", "milestone", 3, 3), node("reached", "milestone", 3, 3, "done", actual_finish=3),
            node("ahead", "milestone", 9, 9)]
    result = roll_up(rows, today=day(5))
    assert result["passed"] == RollUp(0.0, day(5), True, True, 0, 0, 0, 0)  # date passed, not reached
    assert result["reached"] == RollUp(100.0, day(3), False, False, 0, 0, 0, 0)
    assert result["ahead"] == RollUp(0.0, day(9), False, False, 0, 0, 0, 0)


def test_slip_is_the_finish_against_the_baseline():
    planned_later = node("a", "task", 1, 8, baseline_finish=5)
    done_early = node("b", "task", 1, 8, "done", actual_finish=4, baseline_finish=5)
    assert slip_days(planned_later) == 8 - 5
    assert slip_days(done_early) == 4 - 5
    assert slip_days(node("c", "task", 1, 8)) is None
