"""The data of the schedule progress report (项目进度报告) for management, assembled from
``services.schedule.progress_summary``, the show and the organizer's settings.

Reading only, no drawing (``expo_desk.reports.schedule_report`` draws it). Every label is a
(Chinese, English) pair so the renderer picks the document's language; long lists are cut
to what a reader takes in, and the report says how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from expo_desk.domain.plan_report import LANGUAGES
from expo_desk.domain.task_names import (
    SEVERITIES_WORST_FIRST,
    SEVERITY_NAMES,
    TASK_ROLE_NAMES,
    TASK_STATUS_NAMES,
    Pair,
    name_pair,
)
from expo_desk.services.contract_documents import split_pair
from expo_desk.services.document_head import logo_path, organizer_name, show_name
from expo_desk.services.schedule import progress_summary
from expo_desk.store.shows import show_by_id

if TYPE_CHECKING:
    from expo_desk.store.db import Database


MAX_ISSUES = 20  # late and at-risk items listed per level (main events, tasks); the rest are counted
ISSUE_LEVELS = ("event", "task")  # late milestones have their own table
MAX_PATH_STEPS = 30  # critical-path tasks listed; the rest are counted

MILESTONE_STATES: dict[str, Pair] = {
    "done": ("已完成", "Done"),
    "on_time": ("正常", "On time"),
    "at_risk": ("有风险", "At risk"),
    "late": ("延误", "Late"),
}
ISSUE_STATES: dict[str, Pair] = {
    "late": ("延误", "Late"),
    "blocked": ("受阻", "Blocked"),
    "at_risk": ("有风险", "At risk"),
}
ISSUE_GROUPS: dict[str, Pair] = {
    "event": ("主要事件（主进度）", "Main events (main schedule)"),
    "task": ("任务（详细进度）", "Tasks (detailed schedule)"),
}


@dataclass(frozen=True)
class ReportMilestone:
    name: Pair
    planned: str  # ISO date
    forecast: str  # ISO date, "" when unknown
    actual: str  # ISO date when done, else ""
    percent: float
    state: str  # done / on_time / at_risk / late
    slip_days: int  # forecast (or actual) − planned; 0 on plan or ahead

    @property
    def state_name(self) -> Pair:
        return name_pair(MILESTONE_STATES, self.state)


@dataclass(frozen=True)
class ReportIssue:
    """A late, blocked or at-risk event or task."""

    name: Pair
    level: str
    booth: str  # booth number, "" for show-wide work
    owner: Pair  # the person (the same in both languages), or the role's name when nobody owns it
    planned_finish: str
    days_late: int
    state: str  # late / blocked / at_risk
    reason: Pair = ("", "")  # why it is blocked

    @property
    def state_name(self) -> Pair:
        return name_pair(ISSUE_STATES, self.state)


@dataclass(frozen=True)
class IssueGroup:
    """The late, blocked and at-risk items of one level, most days late first, cut to a few."""

    level: str  # event / task
    items: tuple[ReportIssue, ...]
    more: int  # not listed

    @property
    def name(self) -> Pair:
        return name_pair(ISSUE_GROUPS, self.level)

    @property
    def total(self) -> int:
        return len(self.items) + self.more


@dataclass(frozen=True)
class PathStep:
    """One step of the critical path, in order: a task, or the same task of several booths
    done in parallel on the same days (``count`` of them)."""

    name: Pair
    booth: str  # the booth number of a single task, "" for show-wide work or several booths
    start: str
    finish: str
    float_days: int
    status: str
    count: int = 1

    @property
    def status_name(self) -> Pair:
        return name_pair(TASK_STATUS_NAMES, self.status)


@dataclass(frozen=True)
class RoleProgress:
    role: str
    tasks: int
    done: int
    late: int
    percent: float

    @property
    def name(self) -> Pair:
        return name_pair(TASK_ROLE_NAMES, self.role)


@dataclass(frozen=True)
class PunchCount:
    severity: str
    count: int

    @property
    def name(self) -> Pair:
        return name_pair(SEVERITY_NAMES, self.severity)


@dataclass(frozen=True)
class ScheduleReportData:
    show_code: str
    show_name: Pair
    organizer: str
    logo_path: str | None
    language: str
    today: str  # the as-of date
    open_dates: tuple[str, str]
    build_start: str
    percent: float  # done overall, duration-weighted
    tasks: int
    done: int
    late_tasks: int
    blocked: int
    project_finish: str  # forecast end of the critical path, "" when none
    milestones: tuple[ReportMilestone, ...]
    issue_groups: tuple[IssueGroup, ...]  # main events, then tasks; only levels that have any
    critical_path: tuple[PathStep, ...]
    path_more: int
    roles: tuple[RoleProgress, ...]
    punch: tuple[PunchCount, ...] | None  # open punch-list items by severity; None when not tracked

    @property
    def issue_count(self) -> int:
        return sum(group.total for group in self.issue_groups)

    def milestone_count(self, state: str) -> int:
        return sum(1 for m in self.milestones if m.state == state)

    @property
    def days_to_opening(self) -> int | None:
        if not self.open_dates[0]:
            return None
        return (date.fromisoformat(self.open_dates[0]) - date.fromisoformat(self.today)).days


# ---------------------------------------------------------------- assembly


def _iso(value: str | None) -> str:
    """An ISO date as the summary gives it; "" for none."""
    return value or ""


def _days_between(first: str, second: str) -> int:
    if not first or not second:
        return 0
    return (date.fromisoformat(second) - date.fromisoformat(first)).days


def _milestone(row: dict) -> ReportMilestone:
    planned = _iso(row.get("planned_finish"))
    actual = _iso(row.get("actual_finish")) if row.get("status") == "done" else ""
    forecast = actual or _iso(row.get("forecast_finish")) or planned
    if row.get("status") == "done":
        state = "done"
    elif row.get("late"):
        state = "late"
    elif row.get("at_risk"):
        state = "at_risk"
    else:
        state = "on_time"
    return ReportMilestone(name=split_pair(row.get("name", "")), planned=planned, forecast=forecast, actual=actual,
                           percent=float(row.get("percent", 0.0)), state=state,
                           slip_days=max(0, _days_between(planned, forecast)))


def _issue(row: dict, today: str) -> ReportIssue:
    planned = _iso(row.get("planned_finish"))
    days_late = row.get("days_late")
    if days_late is None:
        days_late = max(0, _days_between(planned, today))
    if row.get("status") == "blocked":
        state = "blocked"
    elif days_late > 0 or row.get("late"):
        state = "late"
    else:
        state = "at_risk"
    person = row.get("owner_name") or ""
    owner = (person, person) if person or not row.get("role") else name_pair(TASK_ROLE_NAMES, row["role"])
    return ReportIssue(name=split_pair(row.get("name", "")), level=row.get("level", "task"),
                       booth=row.get("booth_number") or "",
                       owner=owner, planned_finish=planned, days_late=int(days_late), state=state,
                       reason=split_pair(row.get("blocked_reason") or ""))


def _combined_status(statuses: list[str]) -> str:
    """One status for parallel tasks: all alike, else blocked if any is, else in progress."""
    if len(set(statuses)) == 1:
        return statuses[0]
    return "blocked" if "blocked" in statuses else "in_progress"


def _path_steps(rows: list[dict]) -> list[PathStep]:
    """The critical tasks in working order, the same task of many booths on the same days as one step."""
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        key = (row.get("name", ""), _iso(row.get("planned_start")), _iso(row.get("planned_finish")),
               int(row.get("total_float", 0) or 0))
        groups.setdefault(key, []).append(row)
    steps = []
    for (name, start, finish, float_days), members in groups.items():
        booths = {m.get("booth_number") or "" for m in members}
        steps.append(PathStep(name=split_pair(name), booth=booths.pop() if len(members) == 1 else "", start=start,
                              finish=finish, float_days=float_days,
                              status=_combined_status([m.get("status", "not_started") for m in members]),
                              count=len(members)))
    return steps


def _issue_order(issue: ReportIssue) -> tuple:
    """The most days late first; among equals blocked before late before at risk."""
    rank = {"blocked": 0, "late": 1, "at_risk": 2}
    return (-issue.days_late, rank.get(issue.state, 3), issue.planned_finish, issue.booth, issue.name)


def _issue_groups(rows: list[dict], today: str, limit: int) -> tuple[IssueGroup, ...]:
    groups = []
    for level in ISSUE_LEVELS:
        items = sorted((_issue(r, today) for r in rows if r.get("level", "task") == level), key=_issue_order)
        if items:
            groups.append(IssueGroup(level, tuple(items[:limit]), max(0, len(items) - limit)))
    return tuple(groups)


def report_data_from_summary(summary: dict, show: dict, *, organizer: str = "", logo_path: str | None = None,
                             language: str = "both", max_issues: int = MAX_ISSUES,
                             max_path_steps: int = MAX_PATH_STEPS) -> ScheduleReportData:
    """The report's data from a ``progress_summary`` dict and the show's row: pure, no file."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}: {language!r}")
    today = _iso(summary["today"])
    overall = summary.get("overall", {})
    milestones = tuple(_milestone(row) for row in summary.get("milestones", []))
    path = _path_steps(summary.get("critical_path", []))
    roles = tuple(RoleProgress(role=r["role"], tasks=int(r.get("tasks", 0)), done=int(r.get("done", 0)),
                               late=int(r.get("late", 0)), percent=float(r.get("percent", 0.0)))
                  for r in summary.get("roles", []))
    punch_counts = summary.get("punch")
    punch = None
    if punch_counts is not None:
        punch = tuple(PunchCount(s, int(punch_counts.get(s, 0))) for s in SEVERITIES_WORST_FIRST)
    return ScheduleReportData(
        show_code=show["code"], show_name=show_name(show),
        organizer=organizer, logo_path=logo_path, language=language, today=today,
        open_dates=(show.get("start_date") or "", show.get("end_date") or ""),
        build_start=show.get("build_start") or "",
        percent=float(overall.get("percent", 0.0)), tasks=int(overall.get("tasks", 0)),
        done=int(overall.get("done", 0)), late_tasks=int(overall.get("late_tasks", 0)),
        blocked=int(overall.get("blocked", 0)), project_finish=_iso(summary.get("project_finish")),
        milestones=milestones, issue_groups=_issue_groups(summary.get("issues", []), today, max_issues),
        critical_path=tuple(path[:max_path_steps]), path_more=max(0, len(path) - max_path_steps),
        roles=roles, punch=punch,
    )


def schedule_report_data(db: Database, show_id: str, today: str | None = None,
                         language: str = "both") -> ScheduleReportData:
    """The show's progress as of ``today`` (default: the real today), ready to draw."""
    as_of = today or date.today().isoformat()
    summary = progress_summary(db, show_id, as_of)
    return report_data_from_summary(
        summary, show_by_id(db, show_id),
        organizer=organizer_name(db), logo_path=logo_path(db), language=language)
