"""The rules of exchanging changes between copies of a show, as pure functions.

Copies of one show (the office PC, venue laptops) each keep their own file and exchange
changesets. These rules say which tables travel, which role may have made a change to a
table, how a field changed on both sides is settled (or left for the department manager),
and the contract number series of a copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from expo_desk.domain.enums import Role
from expo_desk.domain.permissions import ALLOWED, Action

# Each copy's own bookkeeping, and the migration journal: never sent.
LOCAL_TABLES = frozenset({"sync_state", "sync_files", "sync_conflicts", "_sqlite_migrations"})

# Rows that are only ever added: a change or deletion arriving for them is refused.
APPEND_ONLY = frozenset({"audit_log", "payments"})

# Columns that every edit of a row touches; a difference there alone is not a conflict:
# the later time wins, the same answer on every copy.
BOOKKEEPING_COLUMNS = frozenset({"updated_at"})

# Columns the file's triggers compute from the others: never disputed, they follow the fields.
DERIVED_COLUMNS = frozenset({"search_text"})

_A = Action
# Which actions allow a change to each table (any of them will do). Signing a contract
# creates the booth's build tasks, so contract editors may add tasks and their links.
TABLE_ACTIONS: dict[str, tuple[Action, ...]] = {
    "shows": (_A.CREATE_SHOWS,),
    "show_terms": (_A.CREATE_SHOWS, _A.CHANGE_SETTINGS),
    "show_texts": (_A.CREATE_SHOWS, _A.EDIT_EXHIBITORS),
    "service_items": (_A.CREATE_SHOWS, _A.CHANGE_SETTINGS),
    "settings": (_A.CHANGE_SETTINGS,),
    "users": (_A.MANAGE_USERS,),
    "halls": (_A.EDIT_BOOTHS,),
    "pricing_rules": (_A.EDIT_BOOTHS,),
    "booths": (_A.EDIT_BOOTHS, _A.RESERVE_BOOTHS, _A.EDIT_CONTRACTS),
    "exhibitors": (_A.EDIT_EXHIBITORS,),
    "contacts": (_A.EDIT_EXHIBITORS,),
    "leads": (_A.EDIT_EXHIBITORS,),
    "follow_ups": (_A.EDIT_EXHIBITORS,),
    "contracts": (_A.EDIT_CONTRACTS, _A.APPROVE_DISCOUNTS),
    "contract_lines": (_A.EDIT_CONTRACTS,),
    "payment_schedule": (_A.EDIT_CONTRACTS,),
    "payments": (_A.EDIT_CONTRACTS,),
    "rebooking_offers": (_A.EDIT_CONTRACTS,),
    "spot_checks": (_A.SIGN_OFF_SPOT_CHECKS,),
    "spot_check_items": (_A.SIGN_OFF_SPOT_CHECKS,),
    "tasks": (_A.UPDATE_BUILD_TASKS, _A.PLAN_SCHEDULE, _A.EDIT_CONTRACTS),
    "task_dependencies": (_A.PLAN_SCHEDULE, _A.EDIT_CONTRACTS),
    "task_templates": (_A.PLAN_SCHEDULE,),
    "task_checklist_items": (_A.UPDATE_BUILD_TASKS, _A.PLAN_SCHEDULE, _A.EDIT_CONTRACTS),
    "punch_items": (_A.UPDATE_BUILD_TASKS,),
    "visitor_counts": (_A.EDIT_EXHIBITORS,),
    "exhibitor_leads": (_A.EDIT_EXHIBITORS,),
    "survey_answers": (_A.EDIT_EXHIBITORS,),
    "post_show_outcomes": (_A.EDIT_EXHIBITORS,),
}


def travels(table: str) -> bool:
    """Whether changes to ``table`` go out in a changeset."""
    return table not in LOCAL_TABLES and not table.startswith("sqlite_")


def refusal(table: str, op: str, role: Role | None) -> str:
    """Why a received change may not be applied ('' when it may): the sender's role, as this
    copy knows it, must be allowed to change the table; append-only rows only grow."""
    if op != "INSERT" and table in APPEND_ONLY:
        return "只能追加的记录不能修改或删除 / rows of this table are only ever added"
    if table == "audit_log":
        return ""
    if role is None:
        return "发送人不是此副本已知的用户 / the sender is not a user this copy knows"
    actions = TABLE_ACTIONS.get(table)
    if actions is None:
        return "此表不接收变更 / this table does not take changes from other copies"
    if any(role in ALLOWED[action] for action in actions):
        return ""
    return "发送人的角色无权修改此表 / the sender's role may not change this table"


@dataclass
class ColumnMerge:
    """What to do with one received row change, column by column."""

    take: dict[str, object] = field(default_factory=dict)  # set these values here
    conflicts: dict[str, tuple[object, object]] = field(default_factory=dict)  # column: (ours, theirs)


def merge_update(columns: list[str], old: dict, new: dict, current: dict, settled: set[str]) -> ColumnMerge:
    """Settle a received update of fields whose value here is not the one it started from.

    For each changed column: still the old value here → take theirs; already theirs →
    nothing; changed here too → a conflict, unless it is a bookkeeping column (the later
    value wins) or the department manager already settled that field (``settled``: theirs
    is the chosen value).
    """
    merge = ColumnMerge()
    for column in columns:
        if column not in new or column in DERIVED_COLUMNS:
            continue
        ours, theirs = current.get(column), new[column]
        if ours == theirs:
            continue
        if column in old and ours == old[column]:
            merge.take[column] = theirs
        elif column in settled:
            merge.take[column] = theirs
        elif column in BOOKKEEPING_COLUMNS:
            if str(theirs or "") > str(ours or ""):
                merge.take[column] = theirs
        else:
            merge.conflicts[column] = (ours, theirs)
    return merge


def contract_prefix(show_prefix: str, copy_code: str) -> str:
    """A copy made for the venue numbers its contracts in its own series ('RZ2026-V1-0001'),
    so two laptops selling offline never hand out the same number."""
    return f"{show_prefix}-{copy_code}" if copy_code else show_prefix
