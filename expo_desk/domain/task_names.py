"""The build schedule's words in Chinese and English: task statuses, levels, the roles that
own tasks, and the punch list's severities and statuses.

Kept in one place so the task pages, their dialogs and the progress report name a thing
the same way. Each name is a (Chinese, English) pair; the English is the one a window
translates and a report prints.
"""

from __future__ import annotations

from expo_desk.domain.enums import Role, TaskLevel, TaskStatus
from expo_desk.domain.permissions import ROLE_NAMES

Pair = tuple[str, str]  # (Chinese, English)

TASK_STATUS_NAMES: dict[str, Pair] = {
    TaskStatus.NOT_STARTED: ("未开始", "Not started"),
    TaskStatus.IN_PROGRESS: ("进行中", "In progress"),
    TaskStatus.BLOCKED: ("受阻", "Blocked"),
    TaskStatus.DONE: ("已完成", "Done"),
}
TASK_LEVEL_NAMES: dict[str, Pair] = {  # the seed's three levels of schedule control
    TaskLevel.MILESTONE: ("里程碑", "Milestone"),
    TaskLevel.EVENT: ("主要事件", "Main event"),
    TaskLevel.TASK: ("详细任务", "Task"),
}
TASK_ROLES = (Role.ACCOUNT_MANAGER, Role.DESIGN_SUPERVISOR, Role.CONSTRUCTION_EXECUTOR)  # who builds a show


def _role_pair(role: Role) -> Pair:
    zh, en = ROLE_NAMES[role].split(" ", 1)  # the app's name of the role: '项目执行 construction executor'
    return zh, en[:1].upper() + en[1:]


TASK_ROLE_NAMES: dict[str, Pair] = {role: _role_pair(role) for role in TASK_ROLES}
SEVERITY_NAMES: dict[str, Pair] = {  # mildest first, as a form offers them
    "low": ("低", "Low"),
    "medium": ("中", "Medium"),
    "high": ("高", "High"),
    "critical": ("严重", "Critical"),
}
SEVERITIES_WORST_FIRST = tuple(reversed(SEVERITY_NAMES))  # as the punch list is read
PUNCH_STATUS_NAMES: dict[str, Pair] = {
    "open": ("待处理", "Open"),
    "fixed": ("已修复", "Fixed"),
    "closed": ("已关闭", "Closed"),
}


def name_pair(names: dict[str, Pair], key: str | None) -> Pair:
    """The (Chinese, English) name of ``key``; the key itself in both when it has none."""
    return names.get(key or "", (key or "", key or ""))
