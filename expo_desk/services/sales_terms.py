"""A show's sales terms (deposit, balance date, discount threshold, cancellation schedule…)
and its service catalogue (extra power, furniture, badges, 会刊, 楣板 …)."""

from __future__ import annotations

import datetime as _dt
import json
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.contracts import parse_cancellation_schedule
from expo_desk.domain.money import parse_yuan
from expo_desk.domain.permissions import Action, require
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_delete, record_insert, record_update
from expo_desk.store import contracts as contract_store
from expo_desk.store import records
from expo_desk.store import shows as show_store
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

DEFAULT_TERMS = {
    "contract_prefix": "", "deposit_bp": 3000, "deposit_due_days": 14, "balance_due_on": None,
    "discount_threshold_bp": 500, "booth_sold_on": "signing",
    "cancellation_schedule": "[[90, 3000], [30, 5000], [0, 10000]]", "draft_hold_days": 14,
    "expiry_warning_days": 3,
}
BALANCE_DAYS_BEFORE_OPENING = 30


def terms(db: Database, show_id: str) -> dict:
    """The show's terms, defaults filled in, with the dates resolved.

    ``prefix`` is the contract number prefix (the show code when none is set);
    ``balance_due`` the balance date (30 days before the opening when none is set);
    ``opening`` the first open day; ``schedule`` the cancellation schedule as tuples.
    """
    show = show_store.show_by_id(db, show_id)
    if show is None:
        raise UserError("展会不存在 / this show no longer exists")
    stored = contract_store.show_terms(db, show_id) or {}
    merged = {**DEFAULT_TERMS, **{k: v for k, v in stored.items() if k in DEFAULT_TERMS and v is not None}}
    opening = show.get("start_date")
    balance = merged["balance_due_on"]
    if balance is None and opening:
        balance = (_dt.date.fromisoformat(opening) - _dt.timedelta(days=BALANCE_DAYS_BEFORE_OPENING)).isoformat()
    return {**merged, "prefix": merged["contract_prefix"] or show["code"], "balance_due": balance,
            "opening": opening, "schedule": parse_cancellation_schedule(merged["cancellation_schedule"]),
            "show": show}


def _bp(values: dict, name: str, problems: list[Problem], zh: str, en: str) -> int | None:
    raw = values.get(name)
    try:
        number = round(float(str(raw).strip().rstrip("%")) * 100)
    except ValueError:
        problems.append(Problem(name, f"{zh}应为百分比 / {en} must be a percentage: '{raw}'"))
        return None
    if not 0 <= number <= 10_000:
        problems.append(Problem(name, f"{zh}应在 0–100% 之间 / {en} must be between 0 and 100 %"))
        return None
    return number


def clean_terms(values: dict) -> tuple[dict, list[Problem]]:
    """Check the terms typed in a dialog: percentages as ``30`` or ``30%``, dates ISO."""
    problems: list[Problem] = []
    cleaned: dict = {}
    if "contract_prefix" in values:
        prefix = str(values["contract_prefix"] or "").strip()
        if prefix and not all(ch.isalnum() or ch in "-_/" for ch in prefix):
            problems.append(Problem("contract_prefix", "编号前缀只能含字母、数字和 - _ / / the prefix may hold letters,"
                                                       " digits and - _ / only"))
        cleaned["contract_prefix"] = prefix
    for name, zh, en in (("deposit_bp", "定金比例", "the deposit"),
                         ("discount_threshold_bp", "优惠审批线", "the discount threshold")):
        if name in values:
            cleaned[name] = _bp(values, name, problems, zh, en)
    for name, zh, en, low in (("deposit_due_days", "定金期限天数", "days to pay the deposit", 0),
                              ("draft_hold_days", "草稿预留天数", "days a draft holds its booths", 1),
                              ("expiry_warning_days", "到期提醒天数", "warning days", 0)):
        if name in values:
            try:
                cleaned[name] = int(str(values[name]).strip())
                if cleaned[name] < low:
                    raise ValueError
            except ValueError:
                problems.append(Problem(name, f"{zh}应为不小于 {low} 的整数 / {en} must be a whole number ≥ {low}"))
    if "balance_due_on" in values:
        text = str(values["balance_due_on"] or "").strip()
        try:
            cleaned["balance_due_on"] = _dt.date.fromisoformat(text).isoformat() if text else None
        except ValueError:
            problems.append(Problem("balance_due_on", f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{text}'"))
    if "booth_sold_on" in values:
        if values["booth_sold_on"] not in ("signing", "deposit"):
            problems.append(Problem("booth_sold_on", "展位售出时点应为签约或收到定金 / booths are sold on signing or on"
                                                     " the deposit"))
        cleaned["booth_sold_on"] = values["booth_sold_on"]
    if "revenue_target" in values:
        try:
            target = parse_yuan(values["revenue_target"])
            if target is not None and target < 0:
                raise ValueError("below zero")
            cleaned["revenue_target_fen"] = target or 0
        except ValueError as exc:
            problems.append(Problem("revenue_target", f"销售目标无效 / the revenue target is not an amount: {exc}"))
    if "cancellation_schedule" in values:
        raw = values["cancellation_schedule"]
        try:
            schedule = parse_cancellation_schedule(raw if isinstance(raw, str) else json.dumps(raw))
            cleaned["cancellation_schedule"] = json.dumps([list(r) for r in schedule])
        except (ValueError, TypeError):
            problems.append(Problem("cancellation_schedule", "退订费率表应为 [[天数, 万分比], …] / the cancellation"
                                                             " schedule must be [[days, basis points], …]"))
    return cleaned, problems


def update_terms(db: Database, actor: Actor, show_id: str, values: dict) -> ChangeSet:
    """Change some of the show's terms (the others keep their value) and its revenue target
    (``revenue_target``, yuan as typed); audited."""
    require(actor, Action.EDIT_BOOTHS)
    cleaned, problems = clean_terms(values)
    if problems:
        raise ValidationError(problems)
    changes = ChangeSet()
    target = cleaned.pop("revenue_target_fen", None)
    with transaction(db):
        terms(db, show_id)  # the show exists
        if target is not None:  # kept on the show: the dashboard measures signed revenue against it
            record_update(db, actor, changes, "shows", show_id, {"revenue_target_fen": target})
        if not cleaned:
            return changes
        if contract_store.show_terms(db, show_id) is None:
            records.insert(db, actor, "show_terms", {**DEFAULT_TERMS, **cleaned, "id": show_id})
            changes.add("inserted", "show_terms", show_id)
        else:
            records.update(db, actor, "show_terms", show_id, cleaned)
            changes.add("updated", "show_terms", show_id)
    return changes


# ---------------------------------------------------------------- service catalogue


def list_services(db: Database, show_id: str) -> list[dict]:
    return contract_store.service_items(db, show_id)


def _clean_service(values: dict) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    cleaned = {k: str(values.get(k) or "").strip() for k in ("code", "name", "name_en", "unit")}
    if not cleaned["code"]:
        problems.append(Problem("code", "请填写服务代码 / enter the service code"))
    if not cleaned["name"]:
        problems.append(Problem("name", "请填写服务名称 / enter the service name"))
    try:
        price = parse_yuan(values.get("unit_price"))
        if price is None or price < 0:
            raise ValueError("must be an amount of 0 or more")
        cleaned["unit_price_fen"] = price
    except ValueError as exc:
        problems.append(Problem("unit_price", f"单价无效 / the unit price is not valid: {exc}"))
    return cleaned, problems


def add_service(db: Database, actor: Actor, show_id: str, values: dict) -> ChangeSet:
    require(actor, Action.EDIT_BOOTHS)
    cleaned, problems = _clean_service(values)
    changes = ChangeSet()
    with transaction(db):
        if cleaned["code"] and contract_store.service_item_by_code(db, show_id, cleaned["code"]):
            problems.append(Problem("code", f"服务代码 {cleaned['code']} 已存在 / the code {cleaned['code']} is taken"))
        if problems:
            raise ValidationError(problems)
        record_insert(db, actor, changes, "service_items", {**cleaned, "show_id": show_id})
    return changes


def update_service(db: Database, actor: Actor, item_id: str, values: dict) -> ChangeSet:
    """Change a catalogue entry; contracts keep the price they were made with."""
    require(actor, Action.EDIT_BOOTHS)
    cleaned, problems = _clean_service(values)
    changes = ChangeSet()
    with transaction(db):
        item = contract_store.get_service_item(db, item_id)
        if item is None:
            raise UserError("服务项目不存在 / this service no longer exists")
        clash = contract_store.service_item_by_code(db, item["show_id"], cleaned["code"]) if cleaned["code"] else None
        if clash and clash["id"] != item_id:
            problems.append(Problem("code", f"服务代码 {cleaned['code']} 已存在 / the code {cleaned['code']} is taken"))
        if problems:
            raise ValidationError(problems)
        records.update(db, actor, "service_items", item_id, cleaned)
        changes.add("updated", "service_items", item_id)
    return changes


def delete_service(db: Database, actor: Actor, item_id: str) -> ChangeSet:
    require(actor, Action.EDIT_BOOTHS)
    changes = ChangeSet()
    with transaction(db):
        item = contract_store.get_service_item(db, item_id)
        if item is None:
            raise UserError("服务项目不存在 / this service no longer exists")
        if contract_store.service_item_in_use(db, item_id):
            raise UserError(f"{item['name']} 已在合同中使用，不能删除 / {item['name']} is on contracts and cannot be"
                            " deleted")
        record_delete(db, actor, changes, "service_items", item_id)
    return changes
