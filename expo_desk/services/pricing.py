"""Pricing rules per show: list, add, change and remove them (audited), and quote a booth.

Only a department manager or an administrator changes rules (``Action.EDIT_BOOTHS``);
anyone may read them and quote. The arithmetic lives in ``expo_desk.domain.pricing``.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.booth_geometry import open_sides
from expo_desk.domain.permissions import Action, require
from expo_desk.domain.pricing import RULE_FIELDS, OpenSides, PricingError, PricingRule, Quote, RuleKind, clean_rule
from expo_desk.domain.pricing import conflicts as rule_conflicts
from expo_desk.domain.pricing import quote as price_quote
from expo_desk.errors import UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_delete, record_insert, record_update
from expo_desk.services.shows import show_or_error
from expo_desk.store import pricing as pricing_store
from expo_desk.store import records
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

TABLE = "pricing_rules"


def list_rules(db: Database, show_id: str) -> list[dict]:
    return pricing_store.list_rules(db, show_id)


def show_rules(db: Database, show_id: str) -> list[PricingRule]:
    return [PricingRule.from_row(r) for r in pricing_store.list_rules(db, show_id)]


def _check(db: Database, show_id: str, cleaned: dict, rule_id: str | None) -> None:
    cleaned_rule = PricingRule.from_row({**cleaned, "id": rule_id or ""})
    others = [r for r in show_rules(db, show_id) if r.id != rule_id]
    problems = rule_conflicts(cleaned_rule, others)
    if problems:
        raise ValidationError(problems)


def add_rule(db: Database, actor: Actor, show_id: str, values: dict) -> ChangeSet:
    """Add one rule to a show; every problem with it reported at once."""
    require(actor, Action.EDIT_BOOTHS)
    cleaned, problems = clean_rule(values)
    if problems:
        raise ValidationError(problems)
    changes = ChangeSet()
    with transaction(db):
        show_or_error(db, show_id)
        _check(db, show_id, cleaned, None)
        record_insert(db, actor, changes, TABLE, {"show_id": show_id, **cleaned, "created_at": records.utc_now()})
    return changes


def update_rule(db: Database, actor: Actor, rule_id: str, values: dict) -> ChangeSet:
    """Change some fields of a rule; the rule is checked whole, as it will be stored."""
    require(actor, Action.EDIT_BOOTHS)
    changes = ChangeSet()
    with transaction(db):
        current = pricing_store.get_rule(db, rule_id)
        if current is None:
            raise UserError("价格规则已被删除 / this pricing rule no longer exists")
        merged = {k: current[k] for k in RULE_FIELDS}
        merged.update({k: v for k, v in values.items() if k in RULE_FIELDS})
        cleaned, problems = clean_rule(merged)
        if problems:
            raise ValidationError(problems)
        _check(db, current["show_id"], cleaned, rule_id)
        record_update(db, actor, changes, TABLE, rule_id, cleaned)
    return changes


def delete_rule(db: Database, actor: Actor, rule_id: str) -> ChangeSet:
    require(actor, Action.EDIT_BOOTHS)
    changes = ChangeSet()
    with transaction(db):
        if pricing_store.get_rule(db, rule_id) is None:
            raise UserError("价格规则已被删除 / this pricing rule no longer exists")
        record_delete(db, actor, changes, TABLE, rule_id)
    return changes


def default_rules(show: dict | None = None) -> list[dict]:
    """A common Chinese price list, offered for a new show (values for ``add_rule``).

    Shell scheme ¥9,800 per 3 m × 3 m booth; raw space ¥980/m², 36 m² at least, and
    ¥880/m² for the part above 100 m²; corner +10 %, peninsula +12 %, island +15 %; and,
    when the show has a start date, −5 % early bird until 120 days before it opens.
    """
    rules: list[dict] = [
        {"kind": RuleKind.SHELL_BASE, "label": "标准展位", "label_en": "Shell scheme booth",
         "amount_fen": 980_000, "min_area_m2": 9, "sort_order": 10},
        {"kind": RuleKind.RAW_BASE, "label": "光地", "label_en": "Raw space",
         "amount_fen": 98_000, "min_area_m2": 36, "sort_order": 20},
        {"kind": RuleKind.AREA_BAND, "label": "光地超出 100 m² 部分", "label_en": "Raw space above 100 m²",
         "amount_fen": 88_000, "area_from_m2": 100, "sort_order": 30},
        {"kind": RuleKind.OPEN_SIDES, "label": "角位加价", "label_en": "Corner premium",
         "open_sides": OpenSides.CORNER, "percent_bp": 1_000, "sort_order": 40},
        {"kind": RuleKind.OPEN_SIDES, "label": "三面开加价", "label_en": "Peninsula premium",
         "open_sides": OpenSides.PENINSULA, "percent_bp": 1_200, "sort_order": 41},
        {"kind": RuleKind.OPEN_SIDES, "label": "岛位加价", "label_en": "Island premium",
         "open_sides": OpenSides.ISLAND, "percent_bp": 1_500, "sort_order": 42},
    ]
    start = (show or {}).get("start_date")
    if start:
        until = (_dt.date.fromisoformat(start) - _dt.timedelta(days=120)).isoformat()
        rules.append({"kind": RuleKind.EARLY_BIRD, "label": "早鸟优惠", "label_en": "Early bird",
                      "percent_bp": 500, "effective_to": until, "sort_order": 50})
    return [{**r, "kind": str(r["kind"]), **({"open_sides": str(r["open_sides"])} if "open_sides" in r else {})}
            for r in rules]


def add_default_rules(db: Database, actor: Actor, show_id: str) -> ChangeSet:
    """Give a show with no rules the default price list, all in one transaction."""
    require(actor, Action.EDIT_BOOTHS)
    changes = ChangeSet()
    with transaction(db):
        show = show_or_error(db, show_id)
        if pricing_store.list_rules(db, show_id):
            raise UserError("本展会已有价格规则 / this show already has pricing rules")
        for values in default_rules(show):
            changes.merge(add_rule(db, actor, show_id, values))
    return changes


def quote_rules(rules: list[PricingRule], booth_type: str, width_cm: int, depth_cm: int,
                open_sides: str = OpenSides.INLINE, on_date: str | _dt.date | None = None) -> Quote:
    """A quote for a booth that need not exist yet (the dialog's preview); errors as ``UserError``."""
    try:
        return price_quote(rules, booth_type, width_cm, depth_cm, open_sides, on_date)
    except PricingError as exc:
        raise UserError(str(exc)) from exc


def _open_sides_of(db: Database, booth: dict) -> str:
    """Open sides worked out from the booth's neighbours and the hall walls (enclosed counts as inline)."""
    neighbours = [n for n in pricing_store.hall_neighbours(db, booth["hall_id"]) if n["id"] != booth["id"]]
    found = open_sides(booth, neighbours, hall=(booth["hall_width_cm"], booth["hall_depth_cm"]))
    kind = str(found.kind)
    return kind if kind in OpenSides.__members__.values() else OpenSides.INLINE


def quote_booth(db: Database, booth_id: str, on_date: str | _dt.date | None = None,
                open_sides: str | None = None) -> Quote:
    """The price of a booth of the file under its show's rules on a date (today when none).

    ``open_sides`` None works them out from the neighbouring booths on the plan.
    """
    booth = pricing_store.booth_for_quote(db, booth_id)
    if booth is None:
        raise UserError("展位不存在 / this booth no longer exists")
    if open_sides is None:
        open_sides = _open_sides_of(db, booth)
    return quote_rules(show_rules(db, booth["show_id"]), booth["booth_type"], booth["width_cm"],
                       booth["depth_cm"], open_sides, on_date)

