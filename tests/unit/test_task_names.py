"""The build schedule's words: every status, level, building role and severity has a Chinese
and an English name, and the progress report says what the task pages say."""

from __future__ import annotations

from expo_desk.domain.enums import Role, TaskLevel, TaskStatus
from expo_desk.domain.task_names import (
    PUNCH_STATUS_NAMES,
    SEVERITIES_WORST_FIRST,
    SEVERITY_NAMES,
    TASK_LEVEL_NAMES,
    TASK_ROLE_NAMES,
    TASK_STATUS_NAMES,
    name_pair,
)


def test_every_value_the_schema_allows_has_both_names():
    assert set(TASK_STATUS_NAMES) == {s.value for s in TaskStatus}
    assert set(TASK_LEVEL_NAMES) == {level.value for level in TaskLevel}
    assert set(TASK_ROLE_NAMES) == {"account_manager", "design_supervisor", "construction_executor"}
    assert set(SEVERITY_NAMES) == {"low", "medium", "high", "critical"}
    assert set(PUNCH_STATUS_NAMES) == {"open", "fixed", "closed"}
    for names in (TASK_STATUS_NAMES, TASK_LEVEL_NAMES, TASK_ROLE_NAMES, SEVERITY_NAMES, PUNCH_STATUS_NAMES):
        for zh, en in names.values():
            assert zh and not zh.isascii() and en and en.isascii() and en[0].isupper()


def test_roles_are_named_as_everywhere_in_the_app_and_unknown_keys_stand_for_themselves():
    assert TASK_ROLE_NAMES[Role.CONSTRUCTION_EXECUTOR] == ("项目执行", "Construction executor")
    assert name_pair(TASK_STATUS_NAMES, "in_progress") == ("进行中", "In progress")
    assert name_pair(SEVERITY_NAMES, "urgent") == ("urgent", "urgent")
    assert name_pair(TASK_ROLE_NAMES, None) == ("", "")
    assert SEVERITIES_WORST_FIRST == ("critical", "high", "medium", "low")


def test_the_progress_report_names_things_as_the_task_pages_do():
    from expo_desk.services.schedule_report_data import PathStep, PunchCount, RoleProgress

    assert PathStep(name=("a", "a"), booth="", start="", finish="", float_days=0,
                    status="blocked").status_name == TASK_STATUS_NAMES["blocked"]
    assert RoleProgress("design_supervisor", 1, 0, 0, 0.0).name == ("项目主管", "Design supervisor")
    assert PunchCount("critical", 2).name == ("严重", "Critical")
