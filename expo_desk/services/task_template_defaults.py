"""The default build-schedule templates of a show and the check of a template step.

``show`` holds the milestones (总进度控制) and main events (主进度控制); ``shell`` and
``raw`` the detailed steps (详细进度控制) of one booth of that type. Kept apart from the
services that store the steps and make tasks from them, so the demo show can write the
very same steps without a database at hand.
"""

from __future__ import annotations

import json

from expo_desk.domain.enums import Role, TaskLevel
from expo_desk.domain.task_names import TASK_LEVEL_NAMES
from expo_desk.errors import Problem, ValidationError

__all__ = ["ANCHORS", "HALL", "LEVEL_ORDER", "SCOPES", "STEP_FIELDS", "clean_template", "default_templates", "per_hall",
           "stored_checklist", "task_name"]

SCOPES = ("show", "shell", "raw")
ANCHORS = ("signed", "build_start", "start_date", "end_date", "teardown_end")
HALL = "{hall}"  # in an event's name: one such event per hall
LEVEL_ORDER = {TaskLevel.MILESTONE.value: 0, TaskLevel.EVENT.value: 1, TaskLevel.TASK.value: 2}
_AM, _DS, _CE = Role.ACCOUNT_MANAGER.value, Role.DESIGN_SUPERVISOR.value, Role.CONSTRUCTION_EXECUTOR.value
_ROLES = (_AM, _DS, _CE)
STEP_FIELDS = ("scope", "position", "level", "name", "name_en", "role", "duration_days", "after_position", "lag_days",
               "anchor", "anchor_offset_days", "parent_position", "checklist")  # a step as stored, but its show


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


def stored_checklist(items: list[str] | None) -> str:
    """A step's checklist as the ``task_templates.checklist`` column holds it (JSON, Chinese kept)."""
    return json.dumps(items or [], ensure_ascii=False)


def per_hall(step: dict) -> bool:
    """An event made once per hall (its name holds ``{hall}``)."""
    return HALL in step["name"] or HALL in (step.get("name_en") or "")


def task_name(step: dict, hall_code: str = "") -> str:
    """The name of the task made from a step: '招展 / sales', '特装搭建（A1馆） / custom builds in
    hall A1'. Tasks made earlier are found again by this name and the step's id."""
    zh, en = step["name"].replace(HALL, hall_code), (step.get("name_en") or "").replace(HALL, hall_code)
    return f"{zh} / {en}" if en else zh


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
    if level not in LEVEL_ORDER or (scope == "show") == (level == TaskLevel.TASK):
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
    above = {TaskLevel.EVENT: TaskLevel.MILESTONE, TaskLevel.TASK: TaskLevel.EVENT}.get(level)
    if parent is not None and above is None:
        problems.append(Problem("parent_position", "里程碑没有上级 / a milestone sits under nothing"))
    elif parent is not None and parent_levels.get(parent) != above:
        zh, en = TASK_LEVEL_NAMES[above]
        problems.append(Problem("parent_position", f"上级 {parent} 应为展会模板中的{zh} / parent {parent} must be a "
                                                   f"{en.lower()} of the show template"))
    if problems:
        raise ValidationError(problems)
    return {"scope": scope, "position": position, "level": level, "name": name,
            "name_en": (values.get("name_en") or "").strip(), "role": role, "duration_days": duration,
            "after_position": after, "lag_days": lag, "anchor": anchor, "anchor_offset_days": offset,
            "parent_position": parent, "checklist": _checklist(values.get("checklist"))}
