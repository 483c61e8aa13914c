"""Who may do what: the one table of permissions, checked by every service.

Hiding a button is a courtesy; the services call ``require`` so a refused action is
refused whichever front end asked (window, command line, a received changeset).
"""

from __future__ import annotations

from enum import StrEnum

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.errors import PermissionDenied


class Action(StrEnum):
    EDIT_EXHIBITORS = "edit_exhibitors"  # own exhibitors (account manager) or all (manager, admin)
    EDIT_ANY_EXHIBITOR = "edit_any_exhibitor"
    IMPORT_EXHIBITORS = "import_exhibitors"
    EDIT_CONTRACTS = "edit_contracts"
    APPROVE_DISCOUNTS = "approve_discounts"
    SIGN_OFF_SPOT_CHECKS = "sign_off_spot_checks"
    UPDATE_BUILD_TASKS = "update_build_tasks"
    PLAN_SCHEDULE = "plan_schedule"
    EDIT_BOOTHS = "edit_booths"  # halls, booth layout, pricing rules
    RESERVE_BOOTHS = "reserve_booths"
    CREATE_SHOWS = "create_shows"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    RESTORE_BACKUPS = "restore_backups"
    CHANGE_SETTINGS = "change_settings"
    PREPARE_COPIES = "prepare_copies"  # a venue laptop's or another office PC's copy of the show
    EXCHANGE_CHANGES = "exchange_changes"  # send and receive changes files
    RESOLVE_CONFLICTS = "resolve_conflicts"  # pick a value both copies changed


_AM, _DS, _CE = Role.ACCOUNT_MANAGER, Role.DESIGN_SUPERVISOR, Role.CONSTRUCTION_EXECUTOR
_DM, _ADMIN = Role.DEPARTMENT_MANAGER, Role.ADMINISTRATOR

ALLOWED: dict[Action, frozenset[Role]] = {
    Action.EDIT_EXHIBITORS: frozenset({_AM, _DM, _ADMIN}),
    Action.EDIT_ANY_EXHIBITOR: frozenset({_DM, _ADMIN}),
    Action.IMPORT_EXHIBITORS: frozenset({_AM, _DM, _ADMIN}),
    Action.EDIT_CONTRACTS: frozenset({_AM, _DM, _ADMIN}),
    Action.APPROVE_DISCOUNTS: frozenset({_DM}),
    Action.SIGN_OFF_SPOT_CHECKS: frozenset({_DM}),
    Action.UPDATE_BUILD_TASKS: frozenset({_AM, _DS, _CE, _DM, _ADMIN}),
    Action.PLAN_SCHEDULE: frozenset({_DM, _ADMIN}),
    Action.EDIT_BOOTHS: frozenset({_DM, _ADMIN}),
    Action.RESERVE_BOOTHS: frozenset({_AM, _DM, _ADMIN}),
    Action.CREATE_SHOWS: frozenset({_DM, _ADMIN}),
    Action.VIEW_AUDIT: frozenset({_DM, _ADMIN}),
    Action.MANAGE_USERS: frozenset({_ADMIN}),
    Action.RESTORE_BACKUPS: frozenset({_ADMIN}),
    Action.CHANGE_SETTINGS: frozenset({_ADMIN}),
    Action.PREPARE_COPIES: frozenset({_DM, _ADMIN}),
    Action.EXCHANGE_CHANGES: frozenset({_AM, _DS, _CE, _DM, _ADMIN}),
    Action.RESOLVE_CONFLICTS: frozenset({_DM}),
}

ROLE_NAMES: dict[Role, str] = {
    _AM: "项目经理 account manager",
    _DS: "项目主管 design supervisor",
    _CE: "项目执行 construction executor",
    _DM: "部门经理 department manager",
    _ADMIN: "管理员 administrator",
}

_ACTION_NAMES: dict[Action, str] = {
    Action.EDIT_EXHIBITORS: "修改展商 / change exhibitors",
    Action.EDIT_ANY_EXHIBITOR: "修改其他客户经理的展商 / change another account manager's exhibitors",
    Action.IMPORT_EXHIBITORS: "导入展商 / import exhibitors",
    Action.EDIT_CONTRACTS: "修改合同 / change contracts",
    Action.APPROVE_DISCOUNTS: "批准折扣 / approve discounts",
    Action.SIGN_OFF_SPOT_CHECKS: "签署抽查 / sign off spot checks",
    Action.UPDATE_BUILD_TASKS: "更新搭建任务 / update build tasks",
    Action.PLAN_SCHEDULE: "编排进度计划 / plan the schedule",
    Action.EDIT_BOOTHS: "修改展位和价格 / change booths and prices",
    Action.RESERVE_BOOTHS: "预留展位 / reserve booths",
    Action.CREATE_SHOWS: "创建展会 / create shows",
    Action.VIEW_AUDIT: "查看审计记录 / view the audit trail",
    Action.MANAGE_USERS: "管理用户 / manage users",
    Action.RESTORE_BACKUPS: "恢复备份 / restore backups",
    Action.CHANGE_SETTINGS: "修改设置 / change settings",
    Action.PREPARE_COPIES: "准备副本 / prepare copies of the show",
    Action.EXCHANGE_CHANGES: "交换变更 / exchange changes",
    Action.RESOLVE_CONFLICTS: "处理冲突 / resolve conflicts",
}


def can(actor: Actor, action: Action) -> bool:
    return actor.role in ALLOWED[action]


def require(actor: Actor, action: Action) -> None:
    """Raise ``PermissionDenied`` naming the person, their role and what was refused."""
    if not can(actor, action):
        allowed = "、".join(ROLE_NAMES[r].split()[0] for r in sorted(ALLOWED[action])) or "-"
        raise PermissionDenied(
            f"{actor.name}（{ROLE_NAMES[actor.role]}）无权{_ACTION_NAMES[action].split(' / ')[0]}，仅限：{allowed} / "
            f"{actor.name} ({ROLE_NAMES[actor.role].split(' ', 1)[1]}) may not {_ACTION_NAMES[action].split(' / ')[1]}"
        )


def require_owner(actor: Actor, owner_id: str | None, what: str) -> None:
    """An account manager changes only what is theirs; managers and admins change anything."""
    require(actor, Action.EDIT_EXHIBITORS)
    if can(actor, Action.EDIT_ANY_EXHIBITOR) or owner_id == actor.user_id:
        return
    raise PermissionDenied(
        f"{what} 属于其他客户经理，{actor.name} 无权修改 / belongs to another account manager; "
        f"{actor.name} may not change it"
    )
