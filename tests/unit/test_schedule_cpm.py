"""The critical path of the build schedule, checked against numbers worked out by hand.

Days are written as "day N" of August 2026 (day 1 = 1 August); a task planned on days
4–5 takes two days. Links are finish-to-start: with lag 0 the successor works from the
day after its predecessor's last day.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from expo_desk.domain.schedule import Cpm, Link, ScheduleCycle, TaskNode, critical_path

DAY0 = date(2026, 7, 31).toordinal()  # day(1) is 1 August 2026


def day(n: int) -> int:
    return DAY0 + n


def task(tid: str, first: int | None = None, days: int = 1, *, parent: str | None = None) -> TaskNode:
    """A detailed task planned from day ``first`` for ``days`` days (undated without ``first``)."""
    if first is None:
        return TaskNode(tid, parent, "task", None, None, "not_started")
    return TaskNode(tid, parent, "task", day(first), day(first + days - 1), "not_started")


def milestone(tid: str, on: int | None = None) -> TaskNode:
    when = None if on is None else day(on)
    return TaskNode(tid, None, "milestone", when, when, "not_started")


def days(values: dict[str, int]) -> dict[str, int]:
    """Ordinals back to August day numbers, to compare with the hand-worked figures."""
    return {tid: value - DAY0 for tid, value in values.items()}


def table(cpm: Cpm) -> dict[str, tuple[int, int, int, int, int]]:
    """(ES, EF, LS, LF, float) per task, in day numbers."""
    es, ef, ls, lf = days(cpm.early_start), days(cpm.early_finish), days(cpm.late_start), days(cpm.late_finish)
    return {tid: (es[tid], ef[tid], ls[tid], lf[tid], cpm.total_float[tid]) for tid in es}


def links(*pairs: str, lag: int = 0) -> list[Link]:
    return [Link(p[0], p[1], lag) for p in pairs]


def test_the_textbook_network_has_its_critical_path_through_the_longer_branch():
    # A(3) → B(2) → D(2) and A(3) → C(4) → D(2)
    tasks = [task("A", 1, 3), task("B", 4, 2), task("C", 4, 4), task("D", 8, 2)]
    cpm = critical_path(tasks, links("AB", "AC", "BD", "CD"))
    # forward:  A 1–3;  B 4–5;  C 4–7;  D starts after max(5, 7) = 7 → 8–9
    # backward: D LF 9, LS 8;  B LF 8−1 = 7, LS 7−2+1 = 6;  C LF 7, LS 4;  A LF min(6, 4)−1 = 3, LS 1
    # float = LF − EF: A 3−3 = 0, B 7−5 = 2, C 7−7 = 0, D 9−9 = 0
    assert table(cpm) == {
        "A": (1, 3, 1, 3, 0),
        "B": (4, 5, 6, 7, 2),
        "C": (4, 7, 4, 7, 0),
        "D": (8, 9, 8, 9, 0),
    }
    assert cpm.critical == {"A", "C", "D"}
    assert cpm.ordered_critical() == ["A", "C", "D"]
    assert cpm.project_finish == day(9)


def test_planned_starts_earlier_than_the_links_allow_are_pushed_back():
    # every task planned to start on day 1; the links decide: same figures as the textbook case
    tasks = [task("A", 1, 3), task("B", 1, 2), task("C", 1, 4), task("D", 1, 2)]
    cpm = critical_path(tasks, links("AB", "AC", "BD", "CD"))
    assert days(cpm.early_start) == {"A": 1, "B": 4, "C": 4, "D": 8}
    assert cpm.critical == {"A", "C", "D"}


def test_a_positive_lag_waits_and_a_negative_lag_overlaps():
    # A(2) days 1–2; A → B(3) lag +2: days 3 and 4 are the wait, B works 5–7
    # B → C(2) lag −1: C may start one day before B finishes: 7 − 1 + 1 = day 7, works 7–8
    tasks = [task("A", 1, 2), task("B", 1, 3), task("C", 1, 2)]
    cpm = critical_path(tasks, [Link("A", "B", 2), Link("B", "C", -1)])
    # backward: C LF 8, LS 7; B LF = C's LS 7 − 1 − (−1) = 7, LS 5; A LF = 5 − 1 − 2 = 2, LS 1
    assert table(cpm) == {
        "A": (1, 2, 1, 2, 0),
        "B": (5, 7, 5, 7, 0),
        "C": (7, 8, 7, 8, 0),
    }
    assert cpm.project_finish == day(8)


def test_a_lag_on_the_short_branch_eats_its_float():
    # textbook network with a 1-day lag on B → D: B's float 2 − 1 = 1, D still starts on day 8
    tasks = [task("A", 1, 3), task("B", 4, 2), task("C", 4, 4), task("D", 8, 2)]
    cpm = critical_path(tasks, [*links("AB", "AC", "CD"), Link("B", "D", 1)])
    assert cpm.total_float == {"A": 0, "B": 1, "C": 0, "D": 0}
    assert days(cpm.early_start)["D"] == 8


def test_a_start_no_earlier_than_date_gives_float_to_the_other_branch():
    # as the textbook network, but B may not start before day 10 (its planned start)
    tasks = [task("A", 1, 3), task("B", 10, 2), task("C", 4, 4), task("D", 8, 2)]
    cpm = critical_path(tasks, links("AB", "AC", "BD", "CD"))
    # forward: A 1–3; B held to 10–11; C 4–7; D after max(11, 7) → 12–13
    # backward: D LF 13, LS 12; B LF 11, LS 10; C LF 11, LS 8; A LF min(10, 8) − 1 = 7, LS 5
    assert table(cpm) == {
        "A": (1, 3, 5, 7, 4),
        "B": (10, 11, 10, 11, 0),
        "C": (4, 7, 8, 11, 4),
        "D": (12, 13, 12, 13, 0),
    }
    assert cpm.critical == {"B", "D"}


def test_two_separate_chains_are_measured_from_the_same_project_finish():
    # X1(2) → X2(2): days 1–2, 3–4;  Y1(3) → Y2(3): days 1–3, 4–6; project finish 6
    tasks = [task("X1", 1, 2), task("X2", 3, 2), task("Y1", 1, 3), task("Y2", 4, 3)]
    cpm = critical_path(tasks, links(("X1", "X2"), ("Y1", "Y2")))
    # X2 LF 6, LS 5; X1 LF 4, LS 3: the short chain has 6 − 4 = 2 days of float
    assert table(cpm) == {
        "X1": (1, 2, 3, 4, 2),
        "X2": (3, 4, 5, 6, 2),
        "Y1": (1, 3, 1, 3, 0),
        "Y2": (4, 6, 4, 6, 0),
    }
    assert cpm.critical == {"Y1", "Y2"}


def test_a_milestone_is_reached_when_its_last_predecessor_finishes():
    # P(3) days 1–3 and Q(5) days 1–5 both → M (zero days) → R(2)
    tasks = [task("P", 1, 3), task("Q", 1, 5), milestone("M"), task("R", 1, 2)]
    cpm = critical_path(tasks, links(("P", "M"), ("Q", "M"), ("M", "R")))
    # M: start = finish = max(3, 5) = day 5; R works from the day after: 6–7
    # backward: R LF 7, LS 6; M LF = LS = 6 − 1 = 5; P LF 5, LS 3 (float 2); Q LF 5, LS 1
    assert table(cpm) == {
        "P": (1, 3, 3, 5, 2),
        "Q": (1, 5, 1, 5, 0),
        "M": (5, 5, 5, 5, 0),
        "R": (6, 7, 6, 7, 0),
    }
    assert cpm.critical == {"Q", "M", "R"}


def test_a_milestone_finishes_at_its_predecessors_finish_plus_lag_or_on_its_own_date():
    tasks = [task("Q", 1, 5), milestone("M"), milestone("N", on=9)]
    cpm = critical_path(tasks, [Link("Q", "M", 2), Link("Q", "N")])
    # M: 5 + 2 = day 7; N: after Q it could be day 5, but its own date is day 9
    assert days(cpm.early_finish) == {"Q": 5, "M": 7, "N": 9}
    assert days(cpm.early_start) == {"Q": 1, "M": 7, "N": 9}
    # backward from the project finish, day 9: M LF 9 (float 9 − 7 = 2), N LF 9 (float 0);
    # Q must finish by min(M's 9 − lag 2, N's 9) = 7: float 7 − 5 = 2. Only N's own date is critical.
    assert cpm.total_float == {"Q": 2, "M": 2, "N": 0}
    assert cpm.critical == {"N"}


def test_events_and_unlinked_milestones_stay_out_of_the_network():
    tasks = [TaskNode("E", "M0", "event", day(1), day(20), "not_started"), milestone("M0", on=30),
             task("T1", 1, 2, parent="E"), task("T2", 3, 2, parent="E")]
    cpm = critical_path(tasks, [Link("T1", "T2"), Link("T2", "E")])
    assert set(cpm.early_start) == {"T1", "T2"}
    assert cpm.project_finish == day(4)


def test_tasks_without_dates_take_one_day_from_the_project_start_or_after_their_predecessors():
    tasks = [task("A", 3, 2), task("U"), task("V")]
    cpm = critical_path(tasks, [Link("A", "V")], project_start=day(1))
    # U: no dates, no predecessor → day 1 only; V: after A (days 3–4) → day 5 only
    assert days(cpm.early_start) == {"A": 3, "U": 1, "V": 5}
    assert days(cpm.early_finish) == {"A": 4, "U": 1, "V": 5}
    # without a project start the earliest planned date (day 3) is used
    assert days(critical_path(tasks, []).early_start)["U"] == 3


def test_a_cycle_of_three_is_named_in_the_error():
    tasks = [task("start", 1, 1), task("A", 2, 1), task("B", 3, 1), task("C", 4, 1), task("after", 5, 1)]
    cycle = links(("start", "A"), ("A", "B"), ("B", "C"), ("C", "A"), ("C", "after"))
    with pytest.raises(ScheduleCycle) as raised:
        critical_path(tasks, cycle)
    assert raised.value.task_ids == ("A", "B", "C")  # only the circle, not what hangs after it
    assert "A → B → C → A" in str(raised.value)
    assert "循环依赖" in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_no_tasks_give_an_empty_result():
    empty = critical_path([], [], project_start=day(1))
    assert empty.early_start == {} and empty.critical == set() and empty.total_float == {}
    assert empty.project_finish == day(1)
    assert critical_path([], []).project_finish == 0


def _by_repeated_relaxation(tasks: list[TaskNode], links_: list[Link]) -> tuple[dict, dict]:
    """Early and late finish by the plain definition, relaxing every link until nothing changes."""
    length = {t.id: t.finish - t.start + 1 for t in tasks}
    es = {t.id: t.start for t in tasks}
    changed = True
    while changed:
        changed = False
        for link in links_:
            earliest = es[link.predecessor] + length[link.predecessor] + link.lag_days
            if earliest > es[link.successor]:
                es[link.successor], changed = earliest, True
    ef = {tid: es[tid] + length[tid] - 1 for tid in es}
    end = max(ef.values())
    lf = dict.fromkeys(es, end)
    changed = True
    while changed:
        changed = False
        for link in links_:
            latest = lf[link.successor] - length[link.successor] - link.lag_days
            if latest < lf[link.predecessor]:
                lf[link.predecessor], changed = latest, True
    return ef, lf


@pytest.mark.parametrize("seed", range(5))
def test_a_random_network_agrees_with_the_plain_definition(seed):
    rnd = random.Random(seed)
    tasks = [task(f"t{k}", rnd.randint(1, 30), rnd.randint(1, 6)) for k in range(120)]
    pairs = {(rnd.randrange(120), rnd.randrange(120)) for _ in range(200)}
    links_ = [Link(f"t{min(a, b)}", f"t{max(a, b)}", rnd.randint(-2, 3)) for a, b in pairs if a != b]
    cpm = critical_path(tasks, links_)
    ef, lf = _by_repeated_relaxation(tasks, links_)
    assert cpm.early_finish == ef
    assert cpm.late_finish == lf
    assert cpm.critical == {tid for tid in ef if lf[tid] == ef[tid]}
