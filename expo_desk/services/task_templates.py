"""The build schedule's templates and the tasks made from them.

A show keeps three templates (rows of ``task_templates``): ``show`` holds the milestones
(总进度控制) and main events (主进度控制); ``shell`` and ``raw`` hold the detailed steps
(详细进度控制) of one booth of that type, made when its contract is signed. A step is
dated from its anchor (the signing date or one of the show's dates) plus an offset, or
else from the step before it (``after_position``, finish-to-start with ``lag_days``).
``parent_position`` puts a main event under a milestone and a booth step under a main
event of the show template. An event whose name holds ``{hall}`` is made once per
hall and a booth's steps go under the one of the booth's hall.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role, TaskLevel, TaskStatus
from expo_desk.domain.permissions import Action, can, require
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet
from expo_desk.services.contracts import ACTIVE, contract_or_error
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import records
from expo_desk.store import shows as show_store
from expo_desk.store import tasks as store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

__all__ = ["add_default_templates", "add_template", "create_booth_tasks", "create_show_tasks", "default_templates",
           "delete_template", "list_templates", "remove_contract_tasks", "update_template"]

SCOPES = ("show", "shell", "raw")
ANCHORS = ("signed", "build_start", "start_date", "end_date", "teardown_end")
HALL = "{hall}"  # in an event's name: one such event per hall
_LEVEL_ORDER = {TaskLevel.MILESTONE.value: 0, TaskLevel.EVENT.value: 1, TaskLevel.TASK.value: 2}
_AM, _DS, _CE = Role.ACCOUNT_MANAGER.value, Role.DESIGN_SUPERVISOR.value, Role.CONSTRUCTION_EXECUTOR.value
_ROLES = (_AM, _DS, _CE)


def _step(scope: str, position: int, level: str, name: str, name_en: str, role: str | None, days: int, *,
          anchor: str | None = None, offset: int = 0, after: int | None = None, lag: int = 0,
          parent: int | None = None, checklist: tuple[str, ...] = ()) -> dict:
    return {"scope": scope, "position": position, "level": level, "name": name, "name_en": name_en, "role": role,
            "duration_days": days, "after_position": after, "lag_days": lag, "anchor": anchor,
            "anchor_offset_days": offset, "parent_position": parent, "checklist": list(checklist)}


def _show_steps() -> list[dict]:
    """Milestones on the show's dates, and the main events leading to them."""
    def milestone(position: int, name: str, name_en: str, anchor: str, offset: int) -> dict:
        return _step("show", position, "milestone", name, name_en, None, 0, anchor=anchor, offset=offset)

    def event(position: int, name: str, name_en: str, role: str, days: int, anchor: str, offset: int,
              parent: int | None) -> dict:
        return _step("show", position, "event", name, name_en, role, days, anchor=anchor, offset=offset,
                     parent=parent)

    return [
        milestone(1, "展位图发布", "hall plan released", "start_date", -240),
        milestone(2, "招展截止", "sales close", "start_date", -30),
        milestone(3, "图纸截止", "drawing deadline", "build_start", -7),
        milestone(4, "布展开始", "build-up starts", "build_start", 0),
        milestone(5, "开幕", "opening", "start_date", 0),
        milestone(6, "撤展完成", "tear-down done", "teardown_end", 0),
        event(7, "招展", "sales", _AM, 211, "start_date", -240, 2),
        event(8, "设计与图纸审核", "design and drawing approval", _DS, 229, "build_start", -235, 3),
        event(9, "标摊搭建", "shell scheme build", _CE, 4, "build_start", 0, 5),
        event(10, f"特装搭建（{HALL}馆）", f"custom builds in hall {HALL}", _CE, 11, "build_start", -7, 5),
        event(11, "撤展", "tear-down", _CE, 1, "end_date", 1, 6),
        event(12, "展后结算", "after-show settlement", _AM, 14, "end_date", 2, None),
    ]


_SAFETY = ("用电安全 / electrical safety", "消防 / fire safety")


def _shell_steps() -> list[dict]:
    """A shell-scheme booth: the fascia and furniture, its power, the build and the hand-over."""
    return [
        _step("shell", 1, "task", "确认楣板文字与家具", "confirm fascia text and furniture", _AM, 7,
              anchor="signed", offset=1, parent=8,
              checklist=("楣板文字 / fascia text", "家具配置 / furniture", "加配服务 / extra services")),
        _step("shell", 2, "task", "用电方案", "power plan", _DS, 5, after=1, parent=8,
              checklist=("用电负荷 / power load", "插座与照明位置 / sockets and lights")),
        _step("shell", 3, "task", "标摊搭建", "shell scheme build", _CE, 2, anchor="build_start", offset=1,
              after=2, parent=9, checklist=("展板 / wall panels", "楣板 / fascia board", "地毯 / carpet",
                                            "照明 / lights", "桌椅 / table and chairs")),
        _step("shell", 4, "task", "验收交付", "inspection and hand-over", _CE, 1, anchor="build_start", offset=3,
              after=3, parent=9, checklist=(*_SAFETY, "楣板文字核对 / fascia text checked",
                                            "展商签收 / exhibitor signs off")),
    ]


def _raw_steps() -> list[dict]:
    """A raw-space booth with a custom build: design, approval, deposit, build, tear-down, refund."""
    return [
        _step("raw", 1, "task", "设计需求", "design brief", _AM, 7, anchor="signed", offset=1, parent=8,
              checklist=("展位效果要求 / look and feel", "预算 / budget", "用电需求 / power needs",
                         "搭建商 / builder")),
        _step("raw", 2, "task", "施工图纸", "construction drawings", _DS, 14, after=1, parent=8,
              checklist=("效果图 / renderings", "结构图 / structural drawings", "电路图 / electrical plan",
                         "材料清单 / materials list")),
        _step("raw", 3, "task", "图纸审核", "drawing approval", _DS, 5, after=2, parent=8,
              checklist=("结构安全 / structural safety", "防火材料 / fire-rated materials", "限高 / height limit")),
        _step("raw", 4, "task", "收取施工押金", "construction deposit received", _AM, 5, after=3, parent=8),
        _step("raw", 5, "task", "进场时段", "build-up slot", _CE, 3, anchor="build_start", offset=-7, after=4,
              parent=10, checklist=("搭建商资质 / builder's papers", "施工人员保险 / workers' insurance",
                                    "施工证 / build passes")),
        _step("raw", 6, "task", "特装搭建", "custom build", _CE, 2, anchor="build_start", after=5, parent=10),
        _step("raw", 7, "task", "验收", "inspection", _CE, 1, anchor="build_start", offset=2, after=6, parent=10,
              checklist=(*_SAFETY, "结构 / structure")),
        _step("raw", 8, "task", "交付", "hand-over", _CE, 1, anchor="build_start", offset=3, after=7, parent=10,
              checklist=("展商签收 / exhibitor signs off", "保洁 / cleaning")),
        _step("raw", 9, "task", "撤展", "tear-down", _CE, 1, anchor="end_date", offset=1, after=8, parent=11,
              checklist=("断电 / power off", "拆除清运 / removal", "场地恢复 / floor restored")),
        _step("raw", 10, "task", "退还施工押金", "deposit refund", _AM, 7, after=9, parent=12),
    ]


def default_templates() -> list[dict]:
    """The show's milestones and main events, then the shell and raw-space booth steps."""
    return _show_steps() + _shell_steps() + _raw_steps()


# ---------------------------------------------------------------- checking a step


def _whole(values: dict, name: str, default: int | None, problems: list[Problem], low: int | None = None) -> int | None:
    raw = values.get(name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return default
    try:
        number = int(str(raw).strip())
    except ValueError:
        problems.append(Problem(name, f"应为整数 / must be a whole number: '{raw}'"))
        return None
    if low is not None and number < low:
        problems.append(Problem(name, f"不能小于 {low} / must be at least {low}"))
    return number


def _checklist(raw) -> list[str]:
    lines = raw.splitlines() if isinstance(raw, str) else list(raw or [])
    return [str(line).strip() for line in lines if str(line).strip()]


def _follows_itself(position: int, after: int | None, siblings: list[dict]) -> bool:
    """True when following ``after`` leads back to ``position`` (a circle of steps)."""
    step_after = {s["position"]: s["after_position"] for s in siblings}
    seen = set()
    while after is not None and after not in seen:
        if after == position:
            return True
        seen.add(after)
        after = step_after.get(after)
    return False


def clean_template(values: dict, siblings: list[dict], show_steps: list[dict]) -> dict:
    """A template step checked against the other steps of its scope (``siblings``) and the
    show's steps (parents); every problem is reported at once, naming the field."""
    problems: list[Problem] = []
    scope = values.get("scope")
    if scope not in SCOPES:
        problems.append(Problem("scope", f"范围应为 show、shell 或 raw / scope must be show, shell or raw: '{scope}'"))
    level = values.get("level") or (TaskLevel.TASK.value if scope != "show" else TaskLevel.EVENT.value)
    if level not in _LEVEL_ORDER or (scope == "show") == (level == TaskLevel.TASK):
        problems.append(Problem("level", f"层级不适用 / level does not fit this scope: '{level}'"))
    name = (values.get("name") or "").strip()
    if not name:
        problems.append(Problem("name", "必须填写名称 / the name is required"))
    role = values.get("role") or None
    if role is not None and role not in _ROLES:
        problems.append(Problem("role", f"角色无效 / unknown role: '{role}'"))
    used = {s["position"] for s in siblings}
    position = _whole(values, "position", max(used, default=0) + 1, problems, 1)
    if position in used:
        problems.append(Problem("position", f"序号 {position} 已被使用 / position {position} is taken"))
    duration = _whole(values, "duration_days", 0 if level == TaskLevel.MILESTONE else 1, problems, 0)
    lag = _whole(values, "lag_days", 0, problems)
    offset = _whole(values, "anchor_offset_days", 0, problems)
    after = _whole(values, "after_position", None, problems)
    if after is not None and (after not in used or _follows_itself(position, after, siblings)):
        problems.append(Problem("after_position", f"前置步骤 {after} 不存在或形成循环 / step {after} does not exist "
                                                  "or would make a circle"))
    anchor = values.get("anchor") or None
    if anchor is not None and anchor not in ANCHORS:
        problems.append(Problem("anchor", f"锚点无效 / unknown anchor: '{anchor}'"))
    if anchor is None and after is None:
        problems.append(Problem("anchor", "需要锚点或前置步骤 / give an anchor date or a step to follow"))
    parent = _whole(values, "parent_position", None, problems)
    parent_levels = {s["position"]: s["level"] for s in show_steps}
    wanted = {TaskLevel.EVENT.value: ("milestone", "里程碑", "milestone"),
              TaskLevel.TASK.value: ("event", "主要事件", "main event")}.get(level)
    if parent is not None and wanted is None:
        problems.append(Problem("parent_position", "里程碑没有上级 / a milestone sits under nothing"))
    elif parent is not None and parent_levels.get(parent) != wanted[0]:
        problems.append(Problem("parent_position", f"上级 {parent} 应为展会模板中的{wanted[1]} / parent {parent} must be a "
                                                   f"{wanted[2]} of the show template"))
    if problems:
        raise ValidationError(problems)
    return {"scope": scope, "position": position, "level": level, "name": name,
            "name_en": (values.get("name_en") or "").strip(), "role": role, "duration_days": duration,
            "after_position": after, "lag_days": lag, "anchor": anchor, "anchor_offset_days": offset,
            "parent_position": parent, "checklist": _checklist(values.get("checklist"))}


def _show(db: Database, show_id: str) -> dict:
    show = show_store.show_by_id(db, show_id)
    if show is None:
        raise UserError("展会不存在 / this show no longer exists")
    return show


def _decoded(row: dict) -> dict:
    return {**row, "checklist": json.loads(row.get("checklist") or "[]")}


def list_templates(db: Database, show_id: str, scope: str | None = None) -> list[dict]:
    """The show's template steps (checklist as a list), show first, then shell, then raw."""
    return [_decoded(r) for r in store.templates(db, show_id, scope)]


def _insert_template(db: Database, actor: Actor, show_id: str, step: dict, changes: ChangeSet) -> None:
    values = {**step, "show_id": show_id, "checklist": json.dumps(step.get("checklist") or [], ensure_ascii=False)}
    row = records.insert(db, actor, "task_templates", values)
    changes.add("inserted", "task_templates", row["id"])


def _ensure_templates(db: Database, actor: Actor, show_id: str, changes: ChangeSet) -> None:
    """The default steps of every scope the show has none of yet."""
    present = {r["scope"] for r in store.templates(db, show_id)}
    for step in default_templates():
        if step["scope"] not in present:
            _insert_template(db, actor, show_id, step, changes)


def add_default_templates(db: Database, actor: Actor, show_id: str) -> ChangeSet:
    """Give the show the default templates for each scope it has no steps in yet."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        _show(db, show_id)
        _ensure_templates(db, actor, show_id, changes)
    return changes


def add_template(db: Database, actor: Actor, show_id: str, values: dict) -> ChangeSet:
    """A new step; its position is the next free one of its scope unless given."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        _show(db, show_id)
        scope = values.get("scope")
        siblings = store.templates(db, show_id, scope) if scope in SCOPES else []
        cleaned = clean_template(values, siblings, store.templates(db, show_id, "show"))
        _insert_template(db, actor, show_id, cleaned, changes)
    return changes


def update_template(db: Database, actor: Actor, template_id: str, values: dict) -> ChangeSet:
    """Change a step (not its scope or position); tasks already made keep their dates."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        current = store.get_template(db, template_id)
        if current is None:
            raise UserError("模板步骤不存在 / this template step no longer exists")
        show_id, scope = current["show_id"], current["scope"]
        merged = {**_decoded(current), **values, "scope": scope, "position": current["position"]}
        siblings = [r for r in store.templates(db, show_id, scope) if r["id"] != template_id]
        shows = [r for r in store.templates(db, show_id, "show") if r["id"] != template_id]
        cleaned = clean_template(merged, siblings, shows if scope != "show" else siblings)
        cleaned["checklist"] = json.dumps(cleaned["checklist"], ensure_ascii=False)
        _, new = records.update(db, actor, "task_templates", template_id, cleaned)
        if new:
            changes.add("updated", "task_templates", template_id)
    return changes


def delete_template(db: Database, actor: Actor, template_id: str) -> ChangeSet:
    """Remove a step no other step follows or sits under; tasks made from it stay."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        current = store.get_template(db, template_id)
        if current is None:
            raise UserError("模板步骤不存在 / this template step no longer exists")
        users = store.template_users(db, current["show_id"], current["scope"], current["position"])
        if users:
            names = "、".join(u["name"] for u in users)
            raise UserError(f"{current['name']} 仍被其他步骤引用：{names} / other steps still follow it or sit "
                            f"under it: {names}")
        records.delete(db, actor, "task_templates", template_id)
        changes.add("deleted", "task_templates", template_id)
    return changes


# ---------------------------------------------------------------- dates


def _shift(day: str | None, days: int) -> str | None:
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat() if day else None


def anchor_days(show: dict, signed_on: str | None = None) -> dict[str, str | None]:
    """The dates the anchors stand for; build-up four days before the opening and tear-down
    the day after closing when the show does not say."""
    start, end = show.get("start_date"), show.get("end_date")
    return {"signed": signed_on, "build_start": show.get("build_start") or _shift(start, -4),
            "start_date": start, "end_date": end, "teardown_end": show.get("teardown_end") or _shift(end, 1)}


def _in_order(steps: list[dict]) -> list[dict]:
    """Steps so that each comes after the step it follows (and parents before children)."""
    by_position = {s["position"]: s for s in steps}
    done: dict[int, dict] = {}

    def visit(step: dict, path: tuple[int, ...] = ()) -> None:
        if step["position"] in done or step["position"] in path:
            return
        for ref in (step.get("after_position"), step.get("parent_position") if step["scope"] == "show" else None):
            if ref in by_position:
                visit(by_position[ref], (*path, step["position"]))
        done[step["position"]] = step

    for step in sorted(steps, key=lambda s: (_LEVEL_ORDER.get(s["level"], 2), s["position"])):
        visit(step)
    return list(done.values())


def _step_dates(steps: list[dict], anchors: dict[str, str | None]) -> dict[int, tuple[str | None, str | None]]:
    """(planned start, planned finish) of each step by position."""
    dates: dict[int, tuple[str | None, str | None]] = {}
    for step in steps:
        start = _shift(anchors.get(step["anchor"]), step["anchor_offset_days"]) if step["anchor"] else None
        before = dates.get(step["after_position"]) if step["after_position"] is not None else None
        if start is None and before and before[1]:
            gap = step["lag_days"] if step["level"] == TaskLevel.MILESTONE else step["lag_days"] + 1
            start = _shift(before[1], gap)
        if step["level"] == TaskLevel.MILESTONE or start is None:
            dates[step["position"]] = (start, start)
        else:
            dates[step["position"]] = (start, _shift(start, max(step["duration_days"], 1) - 1))
    return dates


def _bilingual(zh: str, en: str) -> str:
    return f"{zh} / {en}" if en else zh


# ---------------------------------------------------------------- making tasks


def _add_task(db: Database, actor: Actor, values: dict, checklist: list[str], changes: ChangeSet) -> str:
    row = records.insert(db, actor, "tasks", values)
    changes.add("inserted", "tasks", row["id"])
    for position, text in enumerate(checklist, start=1):
        item = records.insert(db, actor, "task_checklist_items", {"task_id": row["id"], "position": position,
                                                                  "text": text})
        changes.add("inserted", "task_checklist_items", item["id"])
    return row["id"]


def _ensure_show_tasks(db: Database, actor: Actor, show: dict, changes: ChangeSet) -> dict[tuple, str]:
    """The show's milestones and main events, made from the show template where missing.

    Returns task ids by (template position, hall id) — hall id None for show-wide steps.
    """
    steps = _in_order([_decoded(r) for r in store.templates(db, show["id"], "show")])
    existing = {(t["template_id"], t["name"]): t["id"] for level in (TaskLevel.MILESTONE, TaskLevel.EVENT)
                for t in store.show_levels(db, show["id"], level.value) if t["template_id"]}
    halls = booth_store.list_halls(db, show["id"])
    dates = _step_dates(steps, anchor_days(show))
    ids: dict[tuple, str] = {}
    order = None
    for step in steps:
        per_hall = HALL in step["name"] or HALL in step["name_en"]
        for hall in halls if per_hall else [None]:
            code = hall["code"] if hall else ""
            name = _bilingual(step["name"].replace(HALL, code), step["name_en"].replace(HALL, code))
            key = (step["position"], hall["id"] if hall else None)
            if (step["id"], name) in existing:
                ids[key] = existing[(step["id"], name)]
                continue
            parent = ids.get((step["parent_position"], key[1])) or ids.get((step["parent_position"], None))
            order = store.next_sort_order(db, show["id"]) if order is None else order + 1
            start, finish = dates[step["position"]]
            ids[key] = _add_task(db, actor, {
                "show_id": show["id"], "parent_id": parent, "level": step["level"], "role": step["role"],
                "name": name, "planned_start": start, "planned_finish": finish, "sort_order": order,
                "template_id": step["id"]}, step["checklist"], changes)
    return ids


def create_show_tasks(db: Database, actor: Actor, show_id: str) -> ChangeSet:
    """The show's milestones and main events from its template (defaults when it has none);
    what exists already is kept."""
    require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        show = _show(db, show_id)
        _ensure_templates(db, actor, show_id, changes)
        _ensure_show_tasks(db, actor, show, changes)
    return changes


def _owners(db: Database, contract: dict) -> dict[str, str | None]:
    """Who a booth's steps belong to: the contract's account manager; a design supervisor or
    construction executor only when the file has exactly one active person in that role."""
    found: dict[str, str | None] = {Role.ACCOUNT_MANAGER.value: contract["account_manager_id"]}
    for role in (Role.DESIGN_SUPERVISOR, Role.CONSTRUCTION_EXECUTOR):
        people = store.active_users(db, role.value)
        found[role.value] = people[0]["id"] if len(people) == 1 else None
    return found


def create_booth_tasks(db: Database, actor: Actor, contract_id: str) -> ChangeSet:
    """The detailed tasks of every booth of a signed contract, from its booth type's template.

    Called inside ``sign_contract``'s transaction; a booth that already has its tasks
    gets nothing new, so calling again adds nothing.
    """
    if not can(actor, Action.EDIT_CONTRACTS):
        require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        contract = contract_or_error(db, contract_id)
        if contract["status"] not in ACTIVE:
            raise UserError(f"合同 {contract['number']} 未签约，不能安排搭建任务 / contract {contract['number']} is "
                            "not signed: its build tasks cannot be made")
        pending = [b for b in contract_store.contract_booths(db, contract_id)
                   if not store.booth_has_tasks(db, contract_id, b["id"])]
        if not pending:
            return changes
        show = _show(db, contract["show_id"])
        _ensure_templates(db, actor, show["id"], changes)
        parents = _ensure_show_tasks(db, actor, show, changes)
        owners = _owners(db, contract)
        anchors = anchor_days(show, contract["signed_on"])
        order = store.next_sort_order(db, show["id"])
        for booth in pending:
            steps = _in_order([_decoded(r) for r in store.templates(db, show["id"], booth["booth_type"])])
            dates = _step_dates(steps, anchors)
            made: dict[int, str] = {}
            for step in steps:
                start, finish = dates[step["position"]]
                parent = (parents.get((step["parent_position"], booth["hall_id"]))
                          or parents.get((step["parent_position"], None)))
                made[step["position"]] = _add_task(db, actor, {
                    "show_id": show["id"], "parent_id": parent, "booth_id": booth["id"], "level": step["level"],
                    "role": step["role"], "owner_id": owners.get(step["role"] or ""),
                    "name": _bilingual(step["name"], step["name_en"]), "planned_start": start,
                    "planned_finish": finish, "sort_order": order, "contract_id": contract_id,
                    "template_id": step["id"]}, step["checklist"], changes)
                order += 1
            for step in steps:
                if step["after_position"] in made:
                    link = records.insert(db, actor, "task_dependencies", {
                        "predecessor_id": made[step["after_position"]], "successor_id": made[step["position"]],
                        "lag_days": step["lag_days"]})
                    changes.add("inserted", "task_dependencies", link["id"])
    return changes


def remove_contract_tasks(db: Database, actor: Actor, contract_id: str) -> ChangeSet:
    """A cancelled contract's detailed tasks that have not started go (audited); started
    and finished ones stay as the record of work done. Called inside ``cancel_contract``."""
    if not can(actor, Action.EDIT_CONTRACTS):
        require(actor, Action.PLAN_SCHEDULE)
    changes = ChangeSet()
    with transaction(db):
        for task in store.contract_tasks(db, contract_id):
            if task["status"] == TaskStatus.NOT_STARTED and task["level"] == TaskLevel.TASK:
                records.delete(db, actor, "tasks", task["id"])
                changes.add("deleted", "tasks", task["id"])
    return changes
