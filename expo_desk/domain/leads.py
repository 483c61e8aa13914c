"""The sales pipeline before the contract: stages, objections, follow-up dates (zh / en).

A lead moves contacted → visit booked → proposal → signed, one step at a time; it may be
lost from any open stage (with a reason), a lost lead may be reopened as contacted, and a
signed lead stays signed. Objections are kept as a JSON list of strings: the seed's three
quick picks under their Chinese label, anything else as typed.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from enum import StrEnum

from expo_desk.domain.enums import LeadStage
from expo_desk.domain.exhibitors import normalise_company
from expo_desk.domain.money import parse_yuan
from expo_desk.errors import Problem

MAX_NAME = 200
MAX_OBJECTION = 200
MAX_LOST_REASON = 500

STAGE_ORDER: tuple[LeadStage, ...] = (
    LeadStage.CONTACTED, LeadStage.VISIT_BOOKED, LeadStage.PROPOSAL, LeadStage.SIGNED, LeadStage.LOST,
)
OPEN_STAGES = frozenset({LeadStage.CONTACTED, LeadStage.VISIT_BOOKED, LeadStage.PROPOSAL})
STAGE_LABELS: dict[LeadStage, tuple[str, str]] = {
    LeadStage.CONTACTED: ("已联系", "contacted"),
    LeadStage.VISIT_BOOKED: ("已约拜访", "visit booked"),
    LeadStage.PROPOSAL: ("已报价", "proposal"),
    LeadStage.SIGNED: ("已签约", "signed"),
    LeadStage.LOST: ("已流失", "lost"),
}
_NEXT: dict[LeadStage, frozenset[LeadStage]] = {
    LeadStage.CONTACTED: frozenset({LeadStage.VISIT_BOOKED, LeadStage.LOST}),
    LeadStage.VISIT_BOOKED: frozenset({LeadStage.PROPOSAL, LeadStage.LOST}),
    LeadStage.PROPOSAL: frozenset({LeadStage.SIGNED, LeadStage.LOST}),
    LeadStage.SIGNED: frozenset(),
    LeadStage.LOST: frozenset({LeadStage.CONTACTED}),
}

# The objections the seed's sales manager meets, as quick picks: key -> (Chinese, English).
OBJECTION_PICKS: dict[str, tuple[str, str]] = {
    "no_budget": ("没有预算", "no budget"),
    "doubts_results": ("担心效果", "doubts about results"),
    "similar_shows": ("同类展会太多", "too many similar shows"),
}
OBJECTION_SEPARATORS = (";", "；", "、", "|", "\n")

FOLLOW_UP_KINDS: dict[str, tuple[str, str]] = {
    "call": ("电话", "call"),
    "visit": ("拜访", "visit"),
    "wechat": ("微信", "WeChat"),
    "email": ("邮件", "e-mail"),
    "meeting": ("会面", "meeting"),
}

LEAD_FIELDS = (
    "exhibitor_id", "prospect_name", "account_manager_id", "expected_value", "expected_value_fen",
    "next_follow_up", "visit_at", "objections", "notes",
)


def stage_label(stage: str) -> str:
    """'已约拜访 visit booked': how a stage reads in a list or a message."""
    zh, en = STAGE_LABELS[LeadStage(stage)]
    return f"{zh} {en}"


def _stage_text(stage: str) -> str:
    zh, en = STAGE_LABELS[LeadStage(stage)]
    return f"{zh} / {en}"


def allowed_moves(stage: str) -> list[LeadStage]:
    """Where a lead at ``stage`` may go next, in pipeline order (for a picker)."""
    return [s for s in STAGE_ORDER if s in _NEXT[LeadStage(stage)]]


def transition_problems(current: str, target: str, lost_reason: str = "") -> list[Problem]:
    """Why a lead may not move from ``current`` to ``target`` (empty when it may)."""
    current, target = LeadStage(current), LeadStage(target)
    if target == current:
        return []
    if target not in _NEXT[current]:
        if current == LeadStage.SIGNED:
            message = "已签约的线索不能再改阶段 / a signed lead stays signed"
        else:
            allowed = "、".join(STAGE_LABELS[s][0] for s in STAGE_ORDER if s in _NEXT[current])
            allowed_en = ", ".join(STAGE_LABELS[s][1] for s in STAGE_ORDER if s in _NEXT[current])
            message = (f"不能从「{STAGE_LABELS[current][0]}」改为「{STAGE_LABELS[target][0]}」，只能改为：{allowed} / "
                       f"cannot move from {STAGE_LABELS[current][1]} to {STAGE_LABELS[target][1]}; "
                       f"next can be: {allowed_en}")
        return [Problem("stage", message)]
    return lost_reason_problems(target, lost_reason)


def lost_reason_problems(stage: str, lost_reason: str) -> list[Problem]:
    """A lost lead names why; the reason is kept short enough to read in a list."""
    reason = (lost_reason or "").strip()
    if LeadStage(stage) == LeadStage.LOST and not reason:
        return [Problem("lost_reason", "流失的线索必须写明原因 / a lost lead needs a reason")]
    if len(reason) > MAX_LOST_REASON:
        return [Problem("lost_reason", f"原因太长 / the reason is longer than {MAX_LOST_REASON} characters")]
    return []


def signable_by_contract(stage: str) -> bool:
    """A signed contract closes any open lead of the exhibitor, whatever step it was at."""
    return LeadStage(stage) in OPEN_STAGES


def parse_stage(text: object) -> LeadStage | None:
    """'已约拜访', 'visit booked', 'visit_booked', '已约拜访 visit booked' -> the stage; None if unknown."""
    folded = _fold(str(text or ""))
    for stage, (zh, en) in STAGE_LABELS.items():
        if folded in {_fold(stage.value), _fold(zh), _fold(en), _fold(zh + en), _fold(en + zh)}:
            return stage
    return None


def _fold(text: str) -> str:
    return normalise_company(text).replace("_", "").replace("/", "")


# -- objections ---------------------------------------------------------------------------

_PICK_BY_WORD = {_fold(word): zh for zh, en in OBJECTION_PICKS.values() for word in (zh, en, f"{zh}{en}")}


def objection_label(objection: str) -> str:
    """'没有预算' -> '没有预算 / no budget'; free text unchanged."""
    for zh, en in OBJECTION_PICKS.values():
        if objection == zh:
            return f"{zh} / {en}"
    return objection


def split_objections(text: str) -> list[str]:
    """A cell or a free-text field: objections separated by ; ； 、 | or line breaks."""
    parts = [text or ""]
    for separator in OBJECTION_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [p.strip() for p in parts if p.strip()]


def clean_objections(objections: list[str] | str | None) -> tuple[list[str], list[Problem]]:
    """Trimmed, duplicates dropped, quick picks under their Chinese label whatever language was typed."""
    if isinstance(objections, str):  # typed text, or the column's own JSON form read back
        items = load_objections(objections) if objections.startswith("[") else split_objections(objections)
    else:
        items = list(objections or [])
    cleaned: list[str] = []
    problems: list[Problem] = []
    for item in items:
        text = str(item).strip()
        text = _PICK_BY_WORD.get(_fold(text), text)
        if not text or text in cleaned:
            continue
        if len(text) > MAX_OBJECTION:
            problems.append(Problem("objections", f"异议太长 / an objection is longer than {MAX_OBJECTION} "
                                                  f"characters: '{text[:20]}…'"))
        cleaned.append(text)
    return cleaned, problems


def dump_objections(objections: list[str]) -> str:
    """The column's form: a JSON list, or '' for none."""
    return json.dumps(objections, ensure_ascii=False) if objections else ""


def load_objections(stored: str | None) -> list[str]:
    """The column back as a list; plain text written before the JSON form counts as one item."""
    if not stored:
        return []
    try:
        value = json.loads(stored)
    except ValueError:
        return [stored]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


# -- dates --------------------------------------------------------------------------------

def parse_day(value: object) -> str | None:
    """'2026-05-01' (or a date) -> '2026-05-01'; None for blank; ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        raise ValueError(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if len(text) != 10:  # fromisoformat also takes '20260501' and week dates; people mean neither
        raise ValueError(text)
    return date.fromisoformat(text).isoformat()


def parse_visit(value: object) -> str | None:
    """'2026-05-01 14:30' or '2026-05-01T14:30' -> '2026-05-01T14:30'; a time is required."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    text = str(value).strip()
    if len(text) < 16 or text[10] not in " T":
        raise ValueError(text)
    return datetime.fromisoformat(text).strftime("%Y-%m-%dT%H:%M")


class FollowUpBucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"
    LATER = "later"
    NONE = "none"


BUCKET_LABELS: dict[FollowUpBucket, tuple[str, str]] = {
    FollowUpBucket.OVERDUE: ("已逾期", "overdue"),
    FollowUpBucket.TODAY: ("今天", "today"),
    FollowUpBucket.THIS_WEEK: ("本周", "this week"),
    FollowUpBucket.LATER: ("以后", "later"),
    FollowUpBucket.NONE: ("未定", "none"),
}


def end_of_week(today: date) -> date:
    """The Sunday of ``today``'s week (weeks start on Monday, as in China)."""
    return today + timedelta(days=6 - today.weekday())


def follow_up_bucket(next_follow_up: str | date | None, today: date) -> FollowUpBucket:
    """Where a follow-up date falls from ``today``: overdue, today, the rest of this week, later, none."""
    if not next_follow_up:
        return FollowUpBucket.NONE
    due = next_follow_up if isinstance(next_follow_up, date) else date.fromisoformat(str(next_follow_up)[:10])
    if due < today:
        return FollowUpBucket.OVERDUE
    if due == today:
        return FollowUpBucket.TODAY
    if due <= end_of_week(today):
        return FollowUpBucket.THIS_WEEK
    return FollowUpBucket.LATER


# -- a lead as a whole ----------------------------------------------------------------------

def _expected_value(values: dict, cleaned: dict, problems: list[Problem]) -> None:
    if "expected_value" in values:
        text = values["expected_value"]
        try:
            cleaned["expected_value_fen"] = parse_yuan(text.strip() if isinstance(text, str) else text)
        except ValueError:
            problems.append(Problem("expected_value", f"期望值不是有效金额（单位元，最多两位小数）/ expected value "
                                                      f"is not an amount in yuan with at most two decimals: '{text}'"))
            return
    elif "expected_value_fen" in values:
        fen = values["expected_value_fen"]
        if fen is not None and (isinstance(fen, bool) or not isinstance(fen, int)):
            problems.append(Problem("expected_value", "期望值应为金额 / expected value must be an amount in fen"))
            return
        cleaned["expected_value_fen"] = fen
    else:
        return
    if (cleaned["expected_value_fen"] or 0) < 0:
        problems.append(Problem("expected_value", "期望值不能为负数 / expected value cannot be negative"))


def clean_lead(values: dict, *, partial: bool = False) -> tuple[dict, list[Problem]]:
    """Trim and check a lead's fields; ``partial`` for updates that touch only some.

    ``expected_value`` is yuan as typed ('1.2万', '¥80,000'); ``expected_value_fen`` an
    amount already in fen. Returns column values and every problem found.
    """
    unknown = set(values) - set(LEAD_FIELDS)
    if unknown:
        raise KeyError(f"unknown lead fields: {sorted(unknown)}")
    cleaned: dict = {}
    problems: list[Problem] = []
    for key in ("prospect_name", "notes"):
        if key in values:
            cleaned[key] = "" if values[key] is None else str(values[key]).strip()
    for key in ("exhibitor_id", "account_manager_id"):
        if key in values:
            cleaned[key] = values[key] or None
    _expected_value(values, cleaned, problems)
    if "next_follow_up" in values:
        try:
            cleaned["next_follow_up"] = parse_day(values["next_follow_up"])
        except ValueError:
            problems.append(Problem("next_follow_up", f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: "
                                                      f"'{values['next_follow_up']}'"))
    if "visit_at" in values:
        try:
            cleaned["visit_at"] = parse_visit(values["visit_at"])
        except ValueError:
            problems.append(Problem("visit_at", f"拜访时间应为 YYYY-MM-DD HH:MM / the visit must be a date and "
                                                f"time, YYYY-MM-DD HH:MM: '{values['visit_at']}'"))
    if "objections" in values:
        objections, found = clean_objections(values["objections"])
        cleaned["objections"] = dump_objections(objections)
        problems += found
    if not partial:
        problems += company_problems(cleaned.get("prospect_name", ""), cleaned.get("exhibitor_id"))
    elif len(cleaned.get("prospect_name", "")) > MAX_NAME:
        problems += company_problems(cleaned["prospect_name"], None)
    return cleaned, problems


def company_problems(prospect_name: str, exhibitor_id: str | None) -> list[Problem]:
    """A lead is about someone: a prospect's name, or an exhibitor of the show."""
    if not prospect_name and not exhibitor_id:
        return [Problem("prospect_name", "必须填写公司名称或选择展商 / a company name or an exhibitor is required")]
    if len(prospect_name) > MAX_NAME:
        return [Problem("prospect_name", f"公司名称太长 / company name is longer than {MAX_NAME} characters")]
    return []


def stage_problems(stage: object, lost_reason: str = "") -> tuple[LeadStage | None, list[Problem]]:
    """The stage a new lead starts at (contacted when blank), and what is wrong with it."""
    if stage is None or not str(stage).strip():
        return LeadStage.CONTACTED, []
    found = parse_stage(stage)
    if found is None:
        known = "、".join(f"{zh}/{en}" for zh, en in STAGE_LABELS.values())
        return None, [Problem("stage", f"不认识的阶段 / unknown stage '{stage}' (known: {known})")]
    return found, lost_reason_problems(found, lost_reason)
