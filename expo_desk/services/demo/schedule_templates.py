"""The templates of the three-level build schedule: milestones, main events (the show
template's, some once per hall) and hall tasks, and the stages a contract and each of its
booths go through.

A stage is (phase, key task, optional tasks); tasks are (name, role). The key task of a
stage is always there; each optional task is added with a probability chosen so the
tier's task count comes out. Every task of a stage depends (finish-to-start) on the key
task of the stage before it.
"""

from __future__ import annotations

import functools

from expo_desk.services.demo.people import ACCOUNT_MANAGER as _AM
from expo_desk.services.demo.people import CONSTRUCTION_EXECUTOR as _CE
from expo_desk.services.demo.people import DESIGN_SUPERVISOR as _DS
from expo_desk.services.demo.records import RAW, SHELL
from expo_desk.services.demo.show_dates import (
    BUILD_START,
    PLAN_RELEASED,
    POST_SHOW_END,
    RAW_DESIGN_END,
    RAW_DESIGN_OPEN,
    SALES_CLOSE,
    SHELL_DESIGN_END,
    SHELL_DESIGN_OPEN,
    SHOW_END,
    SHOW_START,
    TEARDOWN_END,
    day,
)
from expo_desk.services.task_template_defaults import default_templates

Stage = tuple[str, tuple[str, str], tuple[tuple[str, str], ...]]


def _stage(phase: str, key: str, role: str, optional: str = "", optional_role: str | None = None) -> Stage:
    names = optional.split()
    return (phase, (key, role), tuple((n, optional_role or role) for n in names))


SIGNING = "签订合同"  # the key task the design of every booth of the contract waits for
SALES_BEFORE = (
    _stage("sales", "客户开发与初次联系", _AM, "发送招展函 寄送往届展后报告"),
    _stage("sales", "需求沟通", _AM, "上门拜访 邀请参观展馆"),
    _stage("sales", "展位方案与报价", _AM, "异议处理 展位图确认 折扣审批"),
    _stage("sales", SIGNING, _AM, "合同审批 录入展商资料"),
)
SALES_NORMAL = (
    _stage("sales", "收取定金", _AM, "开具定金发票"),
    _stage("sales", "收集会刊信息", _AM, "确认楣板文字 确认参展人员名单 办理参展证件"),
    _stage("sales", "收取尾款", _AM, "开具尾款发票 对账确认"),
)
SALES_LATE = (
    _stage("sales", "收取全款", _AM, "开具发票"),
    _stage("sales", "收集会刊信息", _AM, "确认楣板文字 确认参展人员名单 办理参展证件"),
)
SALES_AFTER = (
    _stage("post", "展后报告", _AM, "发送满意度问卷 整理展商成果"),
    _stage("post", "续展邀约", _AM, "预留下届展位"),
)
DESIGN_RAW = (
    _stage("design", "特装方案设计", _DS, "现场勘测 效果图绘制"),
    _stage("design", "方案确认", _DS, "方案修改"),
    _stage("design", "施工图绘制", _DS, "结构计算书 电路图绘制 材料清单"),
    _stage("design", "搭建商资质审核", _DS, "施工押金收取 施工人员保险"),
    _stage("design", "用电申请", _DS, "给排水申请 网络申请"),
    _stage("design", "图纸提交审核", _DS, "消防材料检测报告"),
    _stage("design", "图纸审核通过", _DS, "审核意见整改"),
    _stage("design", "施工证办理", _DS, "车证办理"),
)
DESIGN_SHELL = (
    _stage("design", "标摊配置确认", _DS, "楣板文字排版 家具需求确认 用电需求确认"),
    _stage("design", "标摊配置图", _DS, "加配家具下单 展位图标注"),
    _stage("design", "配置审核通过", _DS, "图形画面制作"),
)
_BUILD_RAW = (  # build-up days 1..4
    _stage("build_raw", "特装进场报到", _CE, "材料进场 地面放线 施工安全交底"),
    _stage("build_raw", "主体结构搭建", _CE, "地台铺设 钢结构吊装 墙体搭建"),
    _stage("build_raw", "电路安装", _CE, "灯光安装 饰面装修 画面安装 地毯铺设"),
    _stage("build_raw", "验收交付", _CE, "安全检查 用电检测 消防检查 展品进场 家具摆放 保洁"),
)
_BUILD_SHELL = (  # build-up days 2..4
    _stage("build_shell", "标摊结构搭建", _CE, "地面放线 地毯铺设"),
    _stage("build_shell", "楣板安装", _CE, "射灯安装 插座安装 加配家具摆放"),
    _stage("build_shell", "展位验收交付", _CE, "保洁 展品进场协调 整改复查"),
)
_BUILD_EMPTY = (  # unsold shell booths are built too
    _stage("build_shell", "标摊结构搭建", _CE, "地毯铺设"),
    _stage("build_shell", "楣板安装", _CE),
    _stage("build_shell", "展位验收", _CE),
)
_OPEN_DAYS = tuple(_stage("show", f"开馆巡检（第{n}天）", _CE, "展位保洁 用电安全巡查 展商服务回访")
                   for n in (1, 2, 3))
_TEARDOWN = (
    _stage("teardown", "撤展拆除", _CE, "展品撤离 断电"),
    _stage("teardown", "垃圾清运", _CE, "场地恢复验收"),
)
_TEARDOWN_EMPTY = (_stage("teardown", "撤展拆除", _CE),)
_DEPOSIT_BACK = _stage("post", "施工押金退还", _AM)  # money goes back through the account manager


def sales_track(late: bool) -> tuple[Stage, ...]:
    """Stages of a contract's sales track; signed late, it is paid in full at once."""
    return _SALES_TRACKS[late]


_SALES_TRACKS = {False: SALES_BEFORE + SALES_NORMAL + SALES_AFTER, True: SALES_BEFORE + SALES_LATE + SALES_AFTER}
EMPTY = "empty"  # the kind of track of an unsold shell booth


def _fixed_windows(first_day: int, count: int) -> list[tuple[int, int]]:
    return [(first_day + i, first_day + i) for i in range(count)]


@functools.cache
def booth_track(kind: str) -> tuple[tuple[Stage, ...], tuple[tuple[int, int], ...]]:
    """Stages of one booth after its contract and the fixed windows of the on-site part.

    ``kind`` is raw / shell (sold) or empty (an unsold shell booth). The design stages
    (sold booths) come first; their windows depend on the signing date (``design_windows``).
    """
    if kind == RAW:
        site = _BUILD_RAW + _OPEN_DAYS + _TEARDOWN + (_DEPOSIT_BACK,)
        windows = _fixed_windows(BUILD_START, 4) + _fixed_windows(SHOW_START, 3) \
            + _fixed_windows(SHOW_END + 1, 2) + [(TEARDOWN_END + 1, TEARDOWN_END + 8)]
        return DESIGN_RAW + site, tuple(windows)
    if kind == SHELL:
        site = _BUILD_SHELL + _OPEN_DAYS + _TEARDOWN
        windows = _fixed_windows(BUILD_START + 1, 3) + _fixed_windows(SHOW_START, 3) \
            + _fixed_windows(SHOW_END + 1, 2)
        return DESIGN_SHELL + site, tuple(windows)
    return _BUILD_EMPTY + _TEARDOWN_EMPTY, (*_fixed_windows(BUILD_START + 1, 3), (SHOW_END + 1, SHOW_END + 1))


def design_windows(kind: str, signed: int) -> list[tuple[int, int]]:
    """Windows of the design stages of a sold booth: from three days after signing (or the
    day design opens, if later) to the design deadline, shared out evenly."""
    if kind == RAW:
        n_design, opens, ends = len(DESIGN_RAW), RAW_DESIGN_OPEN, RAW_DESIGN_END
    else:
        n_design, opens, ends = len(DESIGN_SHELL), SHELL_DESIGN_OPEN, SHELL_DESIGN_END
    d0 = max(signed + 3, opens)
    span = ends - d0 + 1
    cuts = [d0 + span * i // n_design for i in range(n_design + 1)]
    return [(cuts[i], cuts[i + 1] - 1) for i in range(n_design)]


def _own(name: str, name_en: str, role: str | None = None) -> dict:
    """A milestone or main event of the demo's own, beyond the show template's; named the
    same way ('{hall}' in the name: one per hall)."""
    return {"name": name, "name_en": name_en, "role": role}


_SHOW_TEMPLATE = {s["position"]: s for s in default_templates() if s["scope"] == "show"}


def show_step(ref: int | dict) -> dict:
    """The step a milestone or main event is made from: the show template's at that
    position, or the demo's own."""
    return _SHOW_TEMPLATE[ref] if isinstance(ref, int) else ref


# The show template's milestones and main events, so signing a contract in the demo file
# finds them and files the new booth's tasks under them; with a few of the demo's own.
MILESTONES = (  # (key, day, the show template's position or the demo's own step)
    ("plan", PLAN_RELEASED, 1),
    ("sales", SALES_CLOSE, 2),
    ("design", SALES_CLOSE, 3),
    ("venue", BUILD_START, 4),
    ("build", SHOW_START, 5),
    ("show", SHOW_END, _own("闭幕", "show closes")),
    ("teardown", TEARDOWN_END, 6),
    ("post", POST_SHOW_END, _own("展后总结", "post-show review")),
)
# phase: (the show template's position or the demo's own step, first day, last day, milestone key)
EVENTS = {
    "plan": (_own("展位规划（{hall}馆）", "booth planning in hall {hall}", _DS), day("2025-11-17"), PLAN_RELEASED,
             "plan"),
    "sales": (7, day("2025-11-01"), SALES_CLOSE, "sales"),
    "design": (8, RAW_DESIGN_OPEN, SHELL_DESIGN_END, "design"),
    "venue": (_own("场馆准备（{hall}馆）", "venue preparation in hall {hall}", _CE), day("2026-09-09"), BUILD_START - 1,
              "venue"),
    "build_raw": (10, BUILD_START, SHOW_START - 1, "build"),
    "build_shell": (9, BUILD_START + 1, SHOW_START - 1, "build"),
    "show": (_own("展期服务（{hall}馆）", "on-site services in hall {hall}", _CE), SHOW_START, SHOW_END, "show"),
    "teardown": (11, SHOW_END + 1, TEARDOWN_END, "teardown"),
    "post": (12, TEARDOWN_END + 1, POST_SHOW_END, "post"),
}
# booth type: {demo task: position of the step of that type's template it stands for}
BOOTH_STEPS = {
    SHELL: {"用电需求确认": 2, "标摊结构搭建": 3, "展位验收交付": 4},
    RAW: {"施工图绘制": 2, "图纸审核通过": 3, "特装进场报到": 5, "主体结构搭建": 6, "安全检查": 7, "验收交付": 8,
          "撤展拆除": 9, "施工押金退还": 10},
}
# hall-level tasks (no booth): phase, name, role, first day, last day
HALL_TASKS = (
    ("plan", "展位图绘制", _DS, day("2025-11-17"), day("2025-12-12")),
    ("plan", "消防通道审核", _DS, day("2025-12-15"), day("2025-12-26")),
    ("plan", "展位图审批发布", _DS, day("2025-12-29"), PLAN_RELEASED),
    ("venue", "展馆交接", _CE, day("2026-09-09"), day("2026-09-09")),
    ("venue", "电力接驳", _CE, day("2026-09-10"), day("2026-09-11")),
    ("venue", "消防通道划线", _CE, day("2026-09-10"), day("2026-09-10")),
    ("venue", "标识导视安装", _CE, day("2026-09-11"), day("2026-09-12")),
    ("venue", "通道地毯铺设", _CE, day("2026-09-12"), day("2026-09-13")),
    ("venue", "主场服务台搭建", _CE, day("2026-09-12"), day("2026-09-13")),
    ("teardown", "展馆清场移交", _CE, TEARDOWN_END, TEARDOWN_END),
)
BLOCKED_DESIGN = ("等待展商确认方案 / waiting for the exhibitor to approve the design",
                  "图纸退回修改 / drawings returned for changes",
                  "用电需求未确认 / power needs not confirmed",
                  "搭建商资质待补 / builder's papers missing")
BLOCKED_PAYMENT = "展商付款审批中 / exhibitor's payment is waiting for approval"
