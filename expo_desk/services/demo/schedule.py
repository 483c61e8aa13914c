"""The three-level build schedule: milestones, each hall's main events and hall tasks, and
the detailed tasks of every contract and booth with their finish-to-start dependencies.

Task states are as of the snapshot day; the payments already made decide the state of
the tasks that collect them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from expo_desk.services.demo.people import ACCOUNT_MANAGER as _AM
from expo_desk.services.demo.people import CONSTRUCTION_EXECUTOR as _CE
from expo_desk.services.demo.people import DESIGN_SUPERVISOR as _DS
from expo_desk.services.demo.records import Booth, Contract
from expo_desk.services.demo.schedule_templates import (
    BLOCKED_DESIGN,
    BLOCKED_PAYMENT,
    BOOTH_STEPS,
    EMPTY,
    EVENTS,
    HALL_TASKS,
    MILESTONES,
    SALES_BEFORE,
    SIGNING,
    booth_track,
    design_windows,
    sales_track,
    show_step,
)
from expo_desk.services.demo.show_dates import (
    BALANCE_DUE,
    POST_SHOW_END,
    SALES_CLOSE,
    SNAPSHOT,
    TEARDOWN_END,
    day,
)
from expo_desk.services.demo.task_templates import TemplateSteps
from expo_desk.services.task_template_defaults import per_hall, task_name

TASK_CHUNK = 20_000  # tasks handed to the writer at a time
_INFO_DUE = day("2026-08-25")  # catalogue information is in by then at the latest
_BALANCE_OPENS = day("2026-08-01")  # balances are asked for from then on


class ScheduleSteps(TemplateSteps):
    def _plan_tasks(self) -> None:
        """Work out how many optional tasks to add so the tier's task count comes out."""
        hall_events = sum(per_hall(show_step(ref)) for ref, *_ in EVENTS.values())
        fixed = len(MILESTONES) + len(EVENTS) - hall_events + len(self.halls) * (hall_events + len(HALL_TASKS))
        keys = optional = 0

        def count(stages) -> None:
            nonlocal keys, optional
            for _, _, opts in stages:
                keys += 1
                optional += len(opts)

        for c in self.contracts:
            count(sales_track(c.late))
            for b in c.exhibitor.booths:
                count(booth_track(b.type)[0])
        for _ in self._unsold_shell_booths():
            count(booth_track(EMPTY)[0])
        self.optional_share = max(0.0, min(1.0, (self.tier.tasks - fixed - keys) / max(1, optional)))
        self.expected_tasks = fixed + keys + round(optional * self.optional_share)

    def task_chunks(self) -> Iterator[tuple[list[tuple], list[tuple]]]:
        """(tasks, dependencies) in chunks; a dependency's tasks are in its chunk or before."""
        rng = self.rng
        share = self.optional_share
        show_id = self.show_id
        uid, iso, rnd = self.uid, self.iso, rng.random
        tasks: list[tuple] = []
        deps: list[tuple] = []
        order = 0

        def status_of(start: int, finish: int, next_start: int | None, prev_done: bool, blockers=()):
            """(status, actual start, actual finish, blocked reason) as of the snapshot."""
            if not prev_done:
                return "not_started", None, None, ""
            if finish < SNAPSHOT:
                r = rnd()
                if r < 0.93:
                    late = 0
                    if r < 0.12:
                        limit = SNAPSHOT - 1 - finish
                        if next_start is not None:
                            limit = min(limit, next_start - 1 - finish)
                        late = max(0, min(rng.randint(1, 3), limit))
                    return "done", iso(start), iso(finish + late), ""
                if r < 0.98 or not blockers:
                    return "in_progress", iso(start), None, ""
                return "blocked", iso(start), None, rng.choice(blockers)
            if start <= SNAPSHOT:
                r = rnd()
                if r < 0.75:
                    return "in_progress", iso(start), None, ""
                if r < 0.95 or not blockers:
                    return "not_started", None, None, ""
                return "blocked", None, None, rng.choice(blockers)
            return "not_started", None, None, ""

        # milestones and main events: the show-wide ones, then each hall's with its hall tasks
        milestone_ids = {}
        for key, when, ref in MILESTONES:
            tid = uid()
            milestone_ids[key] = tid
            done = when < SNAPSHOT
            tasks.append((tid, show_id, None, None, "milestone", None, self.department_manager,
                          task_name(show_step(ref)), iso(when), iso(when), iso(when), iso(when),
                          iso(when) if done else None, iso(when) if done else None, "done" if done else "not_started",
                          "", "", order, None, self.template_id("show", ref)))
            order += 1
        events: dict[tuple[int, str], str] = {}
        lead = {_AM: self.managers, _DS: self.supervisors, _CE: self.executors}

        def event(phase: str, h: int | None) -> None:
            """The main event of ``phase`` in hall ``h``, or show-wide (None): then every hall's."""
            nonlocal order
            ref, first, last, milestone = EVENTS[phase]
            step, tid = show_step(ref), uid()
            role, code = step["role"], self.halls[h][1] if h is not None else ""
            for hall in range(len(self.halls)) if h is None else (h,):
                events[(hall, phase)] = tid
            state = "done" if last < SNAPSHOT else "in_progress" if first <= SNAPSHOT else "not_started"
            tasks.append((tid, show_id, milestone_ids[milestone], None, "event", role,
                          lead[role][(h or 0) % len(lead[role])], task_name(step, code), iso(first), iso(last),
                          iso(first), iso(last), iso(first) if state != "not_started" else None,
                          iso(last) if state == "done" else None, state, "", "", order, None,
                          self.template_id("show", ref)))
            order += 1

        for phase, (ref, *_) in EVENTS.items():
            if not per_hall(show_step(ref)):
                event(phase, None)
        for h, (_, code) in enumerate(self.halls):
            for phase, (ref, *_) in EVENTS.items():
                if per_hall(show_step(ref)):
                    event(phase, h)
            for phase, name, role, first, last in HALL_TASKS:
                state, a_start, a_finish, _ = status_of(first, last, None, True)
                tasks.append((uid(), show_id, events[(h, phase)], None, "task", role, lead[role][h % len(lead[role])],
                              f"{code}馆 {name}", iso(first), iso(last), iso(first), iso(last), a_start, a_finish,
                              state, "", "", order, None, None))
                order += 1
        booth_steps = {kind: {name: self.template_id(kind, position) for name, position in names.items()}
                       for kind, names in BOOTH_STEPS.items()}

        def emit(stages, windows, booth: Booth, owners: dict[str, str], prev_key: str | None, prev_done: bool,
                 overrides: dict[str, tuple] | None = None, done_through: int = 0, contract_id: str | None = None,
                 steps: dict[str, str] | None = None) -> tuple[str | None, bool, str | None]:
            """Tasks of consecutive stages; returns the last key task, whether it is done, and
            the id of the contract-signing key (for the sales track).

            Stages before ``done_through`` are done as planned; ``overrides`` give the state
            of named key tasks (money received), unless their predecessor is not done yet.
            ``steps`` names the template step a task stands for (by task name).
            """
            steps = steps or {}
            nonlocal order
            parent_of = events
            hall = booth.hall
            signing = None
            for i, ((phase, (key_name, key_role), opts), (start, finish)) in enumerate(zip(stages, windows, strict=True)):
                next_start = windows[i + 1][0] if i + 1 < len(windows) else None
                parent = parent_of[(hall, phase)]
                s_start, s_finish = iso(start), iso(finish)
                key_id = None
                key_done = False
                for j, (name, role) in enumerate(((key_name, key_role),) + opts):
                    if j and rnd() >= share:
                        continue
                    tid = uid()
                    if i < done_through:
                        state, a_start, a_finish, why = "done", s_start, s_finish, ""
                    elif overrides and j == 0 and key_name in overrides:
                        state, a_start, a_finish, why = overrides[key_name]
                        if state != "done" and not prev_done:
                            state, a_start, a_finish, why = "not_started", None, None, ""
                    else:
                        blockers = BLOCKED_DESIGN if role == _DS else ()
                        state, a_start, a_finish, why = status_of(start, finish, next_start, prev_done, blockers)
                    tasks.append((tid, show_id, parent, booth.id, "task", role, owners[role], name, s_start,
                                  s_finish, s_start, s_finish, a_start, a_finish, state, why, "", order, contract_id,
                                  steps.get(name)))
                    order += 1
                    if prev_key is not None:
                        deps.append((uid(), prev_key, tid, 0))
                    if j == 0:
                        key_id, key_done = tid, state == "done"
                        if key_name == SIGNING:
                            signing = tid
                prev_key, prev_done = key_id, key_done
            return prev_key, prev_done, signing

        def contract_tracks() -> Iterator[None]:
            """The sales track of each contract, then the track of each of its booths."""
            for c in self.contracts:
                e = c.exhibitor
                first = e.booths[0]
                owners = {_AM: e.manager, _DS: first.supervisor, _CE: first.executor}
                stages, windows, overrides = self._sales_plan(c)
                _, _, signing = emit(stages, windows, first, owners, None, True, overrides, len(SALES_BEFORE), c.id)
                for b in e.booths:
                    stages, site = booth_track(b.type)
                    windows = design_windows(b.type, c.signed) + list(site)
                    emit(stages, windows, b, {_AM: e.manager, _DS: b.supervisor, _CE: b.executor}, signing, True,
                         contract_id=c.id, steps=booth_steps[b.type])
                yield

        def empty_booth_tracks() -> Iterator[None]:
            """Unsold shell booths are built and torn down too."""
            empty_stages, empty_windows = booth_track(EMPTY)
            for b in self._unsold_shell_booths():
                emit(empty_stages, empty_windows, b, {_CE: b.executor, _DS: b.supervisor, _AM: self.managers[0]},
                     None, True)
                yield

        for _ in itertools.chain(contract_tracks(), empty_booth_tracks()):
            if len(tasks) >= TASK_CHUNK:
                yield tasks, deps
                tasks, deps = [], []
        if tasks or deps:
            yield tasks, deps

    def _unsold_shell_booths(self) -> Iterator[Booth]:
        return (b for b in self.booths if b.unsold_shell)

    def _sales_plan(self, c: Contract):
        """Stages, windows and payment-driven statuses of the sales track of a contract."""
        iso = self.iso
        s = c.signed
        windows = [(s - 60, s - 50), (s - 49, s - 30), (s - 29, s - 1), (s, s)]
        overrides: dict[str, tuple] = {}
        stages = sales_track(c.late)
        if c.late:
            pay = (s + 1, c.deposit_due)
            info = (pay[1] + 1, min(pay[1] + 10, SALES_CLOSE))
            windows += [pay, info]
            overrides["收取全款"] = self._payment_state(pay, c.paid_in_full_on)
        else:
            deposit = (s + 1, c.deposit_due)
            info = (deposit[1] + 1, max(deposit[1] + 1, min(s + 45, _INFO_DUE)))
            balance = (max(info[1] + 1, _BALANCE_OPENS), BALANCE_DUE)
            windows += [deposit, info, balance]
            overrides["收取定金"] = self._payment_state(deposit, c.deposit_paid_on)
            overrides["收取尾款"] = self._payment_state(balance, c.paid_in_full_on)
            if c.paid_in_full_on is not None:  # money in means the paperwork before it is done
                overrides["收集会刊信息"] = ("done", iso(info[0]), iso(min(info[1], SNAPSHOT - 1)), "")
        windows += [(TEARDOWN_END + 1, TEARDOWN_END + 6), (TEARDOWN_END + 7, POST_SHOW_END)]
        return stages, windows, overrides

    def _payment_state(self, window: tuple[int, int], paid_on: int | None) -> tuple:
        start, due = window
        iso = self.iso
        if paid_on is not None:
            return "done", iso(min(start, paid_on)), iso(paid_on), ""
        if start > SNAPSHOT:
            return "not_started", None, None, ""
        if due < SNAPSHOT and self.rng.random() < 0.15:
            return "blocked", iso(start), None, BLOCKED_PAYMENT
        return "in_progress", iso(start), None, ""
