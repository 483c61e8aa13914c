"""A show's pricing rules and the quote of one booth: pure, exact to the fen.

The rules, and the decisions behind them
----------------------------------------
Every amount is integer fen, every percentage integer basis points (1,000 bp = 10 %),
every area threshold whole m²; booth sizes are integer centimetres (1 m² = 10,000 cm²).

* **Shell scheme** (``shell_base``): ``amount_fen`` is the price of one standard
  3 m × 3 m booth (9 m²). A shell booth is charged pro rata to its area in standard
  booths: n × 9 m² costs exactly n × the price, 12 m² costs 12/9 of it. ``min_area_m2``
  (9 unless set) is the least area charged, so a small odd booth still pays one booth.
* **Raw space** (``raw_base``): ``amount_fen`` per m² of the chargeable area, which is the
  booth's area but at least ``min_area_m2`` (36 m² is the common rule: 24 m² pays 36 m²).
* **Area bands** (``area_band``, raw space only) are marginal, like tax brackets: the
  chargeable m² above ``area_from_m2`` and up to ``area_to_m2`` (open when empty) are
  charged at the band's ``amount_fen`` per m² instead of the base rate, or — with
  ``percent_bp`` — at the base rate less that percentage. 150 m² with "over 100 m² at
  ¥880" pays 100 m² × ¥980 + 50 m² × ¥880. Bands of one booth type must not overlap.
* **Open sides** (``open_sides``): a premium for a booth whose open-sides kind is
  ``inline``, ``corner``, ``peninsula`` or ``island``: ``percent_bp`` of the space charge
  (base and bands) or a flat ``amount_fen``. One premium per booth: a rule for the
  booth's type wins over a rule for any type, then the lower ``sort_order``.
* **Early bird** (``early_bird``, a discount) and **late surcharge** (``late_surcharge``):
  ``percent_bp`` of the booth price so far (space + premium) or a flat ``amount_fen``.
  The quote date decides: a rule applies when ``effective_from <= date <= effective_to``
  (both inclusive, an empty end is open). Windows may overlap — tiers such as "−10 %
  until 1 March, −5 % until 1 May" — and then only the rule worth most applies (the
  biggest discount, the biggest surcharge); an early bird and a late surcharge whose
  windows both hold the date both apply. A discount never takes the price below zero.
* Every rule has the date window, so a base price or premium may also change on a date;
  two base rules of one type must not be in force on the same day.

Rounding: each term is rounded on its own, half up to the fen (0.5 fen → 1 fen; a
discount's size is rounded, then negated), and the total is the sum of the terms, so
the printed terms always add up to the printed total.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum

from expo_desk.domain.enums import BoothType
from expo_desk.errors import Problem

CM2_PER_M2 = 10_000
STANDARD_BOOTH_CM2 = 90_000  # 3 m × 3 m
BP = 10_000  # basis points in 100 %
MAX_BP = 10_000
MAX_AMOUNT_FEN = 10_000_000_000  # ¥100 million: a typing slip, not a price
MAX_AREA_M2 = 1_000_000


class RuleKind(StrEnum):
    SHELL_BASE = "shell_base"
    RAW_BASE = "raw_base"
    AREA_BAND = "area_band"
    OPEN_SIDES = "open_sides"
    EARLY_BIRD = "early_bird"
    LATE_SURCHARGE = "late_surcharge"


class OpenSides(StrEnum):
    INLINE = "inline"  # 单开口
    CORNER = "corner"  # 角位 (two open sides)
    PENINSULA = "peninsula"  # 三面开
    ISLAND = "island"  # 岛位 (four open sides)


KIND_NAMES: dict[RuleKind, tuple[str, str]] = {
    RuleKind.SHELL_BASE: ("标准展位价格", "Shell scheme price"),
    RuleKind.RAW_BASE: ("光地价格", "Raw space price"),
    RuleKind.AREA_BAND: ("面积分段", "Area band"),
    RuleKind.OPEN_SIDES: ("开口加价", "Open-sides premium"),
    RuleKind.EARLY_BIRD: ("早鸟优惠", "Early-bird discount"),
    RuleKind.LATE_SURCHARGE: ("逾期加价", "Late surcharge"),
}
OPEN_SIDES_NAMES: dict[OpenSides, tuple[str, str]] = {
    OpenSides.INLINE: ("单开口", "inline"),
    OpenSides.CORNER: ("角位", "corner"),
    OpenSides.PENINSULA: ("三面开", "peninsula"),
    OpenSides.ISLAND: ("岛位", "island"),
}
BASE_KINDS = {RuleKind.SHELL_BASE: BoothType.SHELL, RuleKind.RAW_BASE: BoothType.RAW}
DATE_KINDS = (RuleKind.EARLY_BIRD, RuleKind.LATE_SURCHARGE)

RULE_FIELDS = ("kind", "booth_type", "label", "label_en", "amount_fen", "percent_bp", "min_area_m2",
               "area_from_m2", "area_to_m2", "open_sides", "effective_from", "effective_to", "sort_order")


class PricingError(ValueError):
    """A booth that cannot be quoted (no size, no price for its type); the message is zh / en."""


@dataclass(frozen=True)
class PricingRule:
    kind: RuleKind
    amount_fen: int | None = None
    percent_bp: int | None = None
    booth_type: str = ""  # '' = any type
    label: str = ""
    label_en: str = ""
    min_area_m2: int | None = None
    area_from_m2: int | None = None
    area_to_m2: int | None = None
    open_sides: str = ""
    effective_from: str | None = None  # ISO date, inclusive
    effective_to: str | None = None  # ISO date, inclusive
    sort_order: int = 0
    id: str = ""

    @classmethod
    def from_row(cls, row: dict) -> PricingRule:
        values = {k: row.get(k) for k in RULE_FIELDS if k in row}
        values["kind"] = RuleKind(values["kind"])
        for text in ("booth_type", "label", "label_en", "open_sides"):
            values[text] = values.get(text) or ""
        values["sort_order"] = values.get("sort_order") or 0
        return cls(**values, id=row.get("id") or "")

    def in_force(self, on_date: str) -> bool:
        return (self.effective_from is None or self.effective_from <= on_date) and (
            self.effective_to is None or on_date <= self.effective_to)

    def names(self) -> tuple[str, str]:
        zh, en = KIND_NAMES[self.kind]
        return self.label or zh, self.label_en or en


@dataclass(frozen=True)
class QuoteTerm:
    """One term of the sum: what it is, how it was worked out, and its amount."""

    kind: str
    label: str
    label_en: str
    basis: str
    basis_en: str
    amount_fen: int
    rule_id: str = ""


@dataclass(frozen=True)
class Quote:
    booth_type: str
    width_cm: int
    depth_cm: int
    open_sides: str
    on_date: str
    area_cm2: int
    chargeable_cm2: int
    terms: tuple[QuoteTerm, ...]
    total_fen: int
    notes: tuple[str, ...] = field(default=())

    @property
    def area_m2_text(self) -> str:
        return m2_text(self.area_cm2)


# ---------------------------------------------------------------- exact arithmetic

def round_div(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up (away from zero for negatives), exactly."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    if numerator < 0:
        return -round_div(-numerator, denominator)
    return (2 * numerator + denominator) // (2 * denominator)


def percent_of(amount_fen: int, percent_bp: int) -> int:
    """``percent_bp`` basis points of ``amount_fen``, half up to the fen."""
    return round_div(amount_fen * percent_bp, BP)


def m2_text(area_cm2: int) -> str:
    """12.5 m² as '12.5', 36 m² as '36' (exact: two decimals at most, trailing zeros cut)."""
    whole, part = divmod(area_cm2, CM2_PER_M2)
    hundredths = round_div(part, 100)
    if hundredths == 100:
        whole, hundredths = whole + 1, 0
    return f"{whole}" if hundredths == 0 else f"{whole}.{hundredths:02d}".rstrip("0")


def bp_text(percent_bp: int) -> str:
    whole, part = divmod(percent_bp, 100)
    return f"{whole}%" if part == 0 else f"{whole}.{part:02d}".rstrip("0") + "%"


def yuan_text(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}" if cents == 0 else f"{sign}¥{yuan:,}.{cents:02d}"


# ---------------------------------------------------------------- the quote

def _pick(rules: list[PricingRule]) -> PricingRule | None:
    return min(rules, key=lambda r: r.sort_order) if rules else None


def _space_terms(rules: list[PricingRule], booth_type: str, area_cm2: int, on_date: str,
                 notes: list[str]) -> tuple[list[QuoteTerm], int]:
    base_kind = RuleKind.SHELL_BASE if booth_type == BoothType.SHELL else RuleKind.RAW_BASE
    bases = [r for r in rules if r.kind == base_kind]
    base = _pick(bases)
    if base is None or base.amount_fen is None:
        zh, en = ("标准展位", "shell scheme") if booth_type == BoothType.SHELL else ("光地", "raw space")
        raise PricingError(f"本展会在 {on_date} 没有{zh}价格 / this show has no {en} price on {on_date}")
    if len(bases) > 1:
        notes.append(f"多条{base.names()[0]}同时有效，已用第一条 / several {base.names()[1]} rules in force; "
                     "the first one was used")
    label, label_en = base.names()
    rate = base.amount_fen
    if booth_type == BoothType.SHELL:
        min_cm2 = (base.min_area_m2 if base.min_area_m2 is not None else 9) * CM2_PER_M2
        chargeable = max(area_cm2, min_cm2)
        whole, rest = divmod(chargeable, STANDARD_BOOTH_CM2)
        booths = f"{whole}" if rest == 0 else f"{m2_text(chargeable)}/9"  # in standard booths, exact
        amount = round_div(rate * chargeable, STANDARD_BOOTH_CM2)
        raised = "（按最小面积）" if chargeable > area_cm2 else ""
        raised_en = " (minimum area)" if chargeable > area_cm2 else ""
        term = QuoteTerm(base.kind, label, label_en,
                         f"{m2_text(chargeable)} m²{raised} = {booths} 个标准展位 × {yuan_text(rate)}",
                         f"{m2_text(chargeable)} m²{raised_en} = {booths} standard booth{'' if booths == '1' else 's'}"
                         f" × {yuan_text(rate)}",
                         amount, base.id)
        return [term], chargeable
    min_cm2 = (base.min_area_m2 or 0) * CM2_PER_M2
    chargeable = max(area_cm2, min_cm2)
    bands = sorted((r for r in rules if r.kind == RuleKind.AREA_BAND and r.booth_type in ("", BoothType.RAW)),
                   key=lambda r: (r.area_from_m2 or 0, r.sort_order))
    band_terms: list[QuoteTerm] = []
    at_band_rate = 0
    for band in bands:
        low = (band.area_from_m2 or 0) * CM2_PER_M2
        high = chargeable if band.area_to_m2 is None else min(chargeable, band.area_to_m2 * CM2_PER_M2)
        slice_cm2 = high - low
        if slice_cm2 <= 0:
            continue
        b_label, b_label_en = band.names()
        upper = f"–{band.area_to_m2}" if band.area_to_m2 is not None else "+"
        if band.amount_fen is not None:
            at_band_rate += slice_cm2
            band_terms.append(QuoteTerm(
                band.kind, b_label, b_label_en,
                f"{band.area_from_m2}{upper} m² 部分 {m2_text(slice_cm2)} m² × {yuan_text(band.amount_fen)}/m²",
                f"{m2_text(slice_cm2)} m² in {band.area_from_m2}{upper} m² × {yuan_text(band.amount_fen)}/m²",
                round_div(band.amount_fen * slice_cm2, CM2_PER_M2), band.id))
        else:
            off = round_div(rate * slice_cm2 * (band.percent_bp or 0), CM2_PER_M2 * BP)
            band_terms.append(QuoteTerm(
                band.kind, b_label, b_label_en,
                f"{band.area_from_m2}{upper} m² 部分 {m2_text(slice_cm2)} m² × {yuan_text(rate)}/m² × "
                f"−{bp_text(band.percent_bp or 0)}",
                f"{m2_text(slice_cm2)} m² in {band.area_from_m2}{upper} m² × {yuan_text(rate)}/m² × "
                f"−{bp_text(band.percent_bp or 0)}",
                -off, band.id))
    at_base_rate = chargeable - at_band_rate
    raised = "（按最小面积）" if chargeable > area_cm2 else ""
    raised_en = " (minimum area)" if chargeable > area_cm2 else ""
    part, part_en = ("其中 ", "of which ") if at_band_rate else ("", "")
    base_term = QuoteTerm(
        base.kind, label, label_en,
        f"{m2_text(chargeable)} m²{raised}，{part}{m2_text(at_base_rate)} m² × {yuan_text(rate)}/m²"
        if at_band_rate else f"{m2_text(chargeable)} m²{raised} × {yuan_text(rate)}/m²",
        f"{m2_text(chargeable)} m²{raised_en}, {part_en}{m2_text(at_base_rate)} m² × {yuan_text(rate)}/m²"
        if at_band_rate else f"{m2_text(chargeable)} m²{raised_en} × {yuan_text(rate)}/m²",
        round_div(rate * at_base_rate, CM2_PER_M2), base.id)
    return [base_term, *band_terms], chargeable


def _premium_term(rules: list[PricingRule], booth_type: str, open_sides: str, space_fen: int,
                  notes: list[str]) -> QuoteTerm | None:
    matching = [r for r in rules if r.kind == RuleKind.OPEN_SIDES and r.open_sides == open_sides
                and r.booth_type in ("", booth_type)]
    if not matching:
        return None
    chosen = min(matching, key=lambda r: (r.booth_type != booth_type, r.sort_order))
    for other in matching:
        if other is not chosen:
            notes.append(f"{other.names()[0]} 未叠加 / {other.names()[1]} not added (one premium per booth)")
    label, label_en = chosen.names()
    zh_kind, en_kind = OPEN_SIDES_NAMES[OpenSides(open_sides)]
    if chosen.percent_bp is not None:
        return QuoteTerm(chosen.kind, label, label_en,
                         f"{zh_kind}：展位费 {yuan_text(space_fen)} × {bp_text(chosen.percent_bp)}",
                         f"{en_kind}: space {yuan_text(space_fen)} × {bp_text(chosen.percent_bp)}",
                         percent_of(space_fen, chosen.percent_bp), chosen.id)
    return QuoteTerm(chosen.kind, label, label_en, f"{zh_kind}：固定加价", f"{en_kind}: flat premium",
                     chosen.amount_fen or 0, chosen.id)


def _rule_value(rule: PricingRule, price_fen: int) -> int:
    return percent_of(price_fen, rule.percent_bp) if rule.percent_bp is not None else (rule.amount_fen or 0)


def _date_term(rules: list[PricingRule], kind: RuleKind, price_fen: int, on_date: str,
               notes: list[str]) -> QuoteTerm | None:
    matching = [r for r in rules if r.kind == kind]
    if not matching:
        return None
    chosen = max(matching, key=lambda r: (_rule_value(r, price_fen), -r.sort_order))
    for other in matching:
        if other is not chosen:
            notes.append(f"{other.names()[0]} 与 {chosen.names()[0]} 重叠，取较大者 / "
                         f"{other.names()[1]} overlaps {chosen.names()[1]}; the larger one applies")
    label, label_en = chosen.names()
    value = _rule_value(chosen, price_fen)
    window = f"{chosen.effective_from or '…'} – {chosen.effective_to or '…'}"
    if chosen.percent_bp is not None:
        basis = f"{yuan_text(price_fen)} × {bp_text(chosen.percent_bp)}（{window}）"
        basis_en = f"{yuan_text(price_fen)} × {bp_text(chosen.percent_bp)} ({window})"
    else:
        basis, basis_en = f"固定金额（{window}）", f"flat amount ({window})"
    if kind == RuleKind.EARLY_BIRD:
        value = min(value, price_fen)  # never below zero
        return QuoteTerm(kind, label, label_en, basis, basis_en, -value, chosen.id)
    return QuoteTerm(kind, label, label_en, basis, basis_en, value, chosen.id)


def quote(rules: list[PricingRule] | tuple[PricingRule, ...], booth_type: str, width_cm: int, depth_cm: int,
          open_sides: str = OpenSides.INLINE, on_date: str | _dt.date | None = None) -> Quote:
    """The price of one booth under a show's rules on a date, term by term.

    Raises ``PricingError`` for a booth without a size, an unknown type or open-sides
    kind, a bad date, or a show with no base price for the booth's type.
    """
    if isinstance(on_date, _dt.date):
        on_date = on_date.isoformat()
    if on_date is None:
        on_date = _dt.date.today().isoformat()
    if parse_date(on_date) is None:
        raise PricingError(f"日期无效：{on_date} / not a date: {on_date}")
    if booth_type not in (BoothType.SHELL, BoothType.RAW):
        raise PricingError(f"未知展位类型：{booth_type} / unknown booth type: {booth_type}")
    if open_sides not in OpenSides.__members__.values():
        raise PricingError(f"未知开口类型：{open_sides} / unknown open sides: {open_sides}")
    if not isinstance(width_cm, int) or not isinstance(depth_cm, int) or width_cm <= 0 or depth_cm <= 0:
        raise PricingError(f"展位尺寸必须大于零：{width_cm} × {depth_cm} cm / "
                           f"a booth needs a size above zero: {width_cm} × {depth_cm} cm")
    area = width_cm * depth_cm
    active = [r for r in rules if r.in_force(on_date)]
    notes: list[str] = []
    terms, chargeable = _space_terms(active, booth_type, area, on_date, notes)
    space = sum(t.amount_fen for t in terms)
    premium = _premium_term(active, booth_type, open_sides, space, notes)
    if premium is not None:
        terms.append(premium)
    price = sum(t.amount_fen for t in terms)  # both date terms are worked out on this price
    for kind in DATE_KINDS:
        term = _date_term([r for r in active if r.booth_type in ("", booth_type)], kind, price, on_date, notes)
        if term is not None:
            terms.append(term)
    return Quote(booth_type, width_cm, depth_cm, open_sides, on_date, area, chargeable,
                 tuple(terms), sum(t.amount_fen for t in terms), tuple(notes))


# ---------------------------------------------------------------- validation

def parse_date(value: object) -> str | None:
    """An ISO date 'YYYY-MM-DD' back as text, or None when it is not one."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value).strip()).isoformat() if value not in (None, "") else None
    except ValueError:
        return None


def date_or_problem(value: object, name: str, problems: list[Problem]) -> str | None:
    """The date as YYYY-MM-DD, or None with a problem for the field ``name`` added."""
    text = parse_date(value)
    if text is None:
        problems.append(Problem(name, f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{value or ''}'"))
    return text


def _int(values: dict, name: str, zh: str, en: str, problems: list[Problem], low: int, high: int) -> int | None:
    raw = values.get(name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        problems.append(Problem(name, f"{zh}必须是整数 / {en} must be a whole number"))
        return None
    try:
        number = int(raw)
    except ValueError:
        problems.append(Problem(name, f"{zh}必须是整数 / {en} must be a whole number"))
        return None
    if not low <= number <= high:
        problems.append(Problem(name, f"{zh}必须在 {low} 到 {high} 之间 / {en} must be between {low} and {high}"))
        return None
    return number


def clean_rule(values: dict) -> tuple[dict, list[Problem]]:
    """A rule's stored values from what a form or file gave, and every problem with them."""
    problems: list[Problem] = []
    try:
        kind = RuleKind(str(values.get("kind") or "").strip())
    except ValueError:
        return {}, [Problem("kind", f"规则类型无效：{values.get('kind')} / kind is not a pricing rule kind")]
    cleaned: dict = {"kind": str(kind)}
    for text in ("label", "label_en"):
        cleaned[text] = str(values.get(text) or "").strip()
        if len(cleaned[text]) > 100:
            problems.append(Problem(text, "名称最多 100 个字 / the label is longer than 100 characters"))
    booth_type = str(values.get("booth_type") or "").strip()
    if kind in BASE_KINDS:
        if booth_type not in ("", BASE_KINDS[kind]):
            problems.append(Problem("booth_type", "展位类型与规则类型不符 / booth type does not match the rule kind"))
        booth_type = BASE_KINDS[kind]
    elif kind == RuleKind.AREA_BAND:
        if booth_type not in ("", BoothType.RAW):
            problems.append(Problem("booth_type", "面积分段只用于光地 / area bands apply to raw space only"))
        booth_type = BoothType.RAW
    elif booth_type not in ("", BoothType.SHELL, BoothType.RAW):
        problems.append(Problem("booth_type", f"展位类型无效：{booth_type} / booth type must be shell, raw or empty"))
    cleaned["booth_type"] = booth_type
    amount = _int(values, "amount_fen", "金额", "the amount", problems, 0, MAX_AMOUNT_FEN)
    percent = _int(values, "percent_bp", "百分比", "the percentage", problems, 1, MAX_BP)
    cleaned["amount_fen"], cleaned["percent_bp"] = amount, percent
    for name, zh, en in (("min_area_m2", "最小面积", "the minimum area"),
                         ("area_from_m2", "起始面积", "the band start"),
                         ("area_to_m2", "截止面积", "the band end")):
        cleaned[name] = _int(values, name, zh, en, problems, 0, MAX_AREA_M2)
    cleaned["sort_order"] = _int(values, "sort_order", "排序", "the order", problems, -1_000_000, 1_000_000) or 0
    open_sides = str(values.get("open_sides") or "").strip()
    cleaned["open_sides"] = open_sides
    for name, zh, en in (("effective_from", "生效日期", "the start date"), ("effective_to", "截止日期", "the end date")):
        raw = values.get(name)
        cleaned[name] = parse_date(raw)
        if raw not in (None, "") and cleaned[name] is None:
            problems.append(Problem(name, f"{zh}不是有效日期 (YYYY-MM-DD) / {en} is not a date (YYYY-MM-DD)"))
    if cleaned["effective_from"] and cleaned["effective_to"] and cleaned["effective_from"] > cleaned["effective_to"]:
        problems.append(Problem("effective_to", "截止日期早于生效日期 / the end date is before the start date"))

    def needs_one_of() -> None:
        if (amount is None) == (percent is None) and not any(p.field in ("amount_fen", "percent_bp") for p in problems):
            problems.append(Problem("amount_fen", "请填写金额或百分比（二选一） / give an amount or a percentage, not both"))

    def no(name: str, zh: str, en: str) -> None:
        if cleaned.get(name) not in (None, ""):
            problems.append(Problem(name, f"此类规则不用{zh} / this kind of rule takes no {en}"))

    if kind in BASE_KINDS:
        if amount is None and "amount_fen" not in {p.field for p in problems}:
            unit = "每个标准展位（9 m²）" if kind == RuleKind.SHELL_BASE else "每平方米"
            unit_en = "per standard 9 m² booth" if kind == RuleKind.SHELL_BASE else "per m²"
            problems.append(Problem("amount_fen", f"请填写价格（{unit}） / give the price {unit_en}"))
        no("percent_bp", "百分比", "percentage")
        no("open_sides", "开口类型", "open sides")
        no("area_from_m2", "起始面积", "band start")
        no("area_to_m2", "截止面积", "band end")
    elif kind == RuleKind.AREA_BAND:
        needs_one_of()
        if cleaned["area_from_m2"] is None and "area_from_m2" not in {p.field for p in problems}:
            problems.append(Problem("area_from_m2", "请填写起始面积 / give the area the band starts at"))
        if (cleaned["area_from_m2"] is not None and cleaned["area_to_m2"] is not None
                and cleaned["area_to_m2"] <= cleaned["area_from_m2"]):
            problems.append(Problem("area_to_m2", "截止面积须大于起始面积 / the band must end above where it starts"))
        no("open_sides", "开口类型", "open sides")
        no("min_area_m2", "最小面积", "minimum area")
    else:
        needs_one_of()
        no("min_area_m2", "最小面积", "minimum area")
        no("area_from_m2", "起始面积", "band start")
        no("area_to_m2", "截止面积", "band end")
        if kind == RuleKind.OPEN_SIDES:
            if open_sides not in OpenSides.__members__.values():
                problems.append(Problem("open_sides", "请选择开口类型：inline/corner/peninsula/island / "
                                                      "choose the open sides: inline, corner, peninsula or island"))
        else:
            no("open_sides", "开口类型", "open sides")
        if kind == RuleKind.EARLY_BIRD and cleaned["effective_to"] is None and "effective_to" not in {
                p.field for p in problems}:
            problems.append(Problem("effective_to", "早鸟优惠须有截止日期 / an early-bird discount needs an end date"))
        if kind == RuleKind.LATE_SURCHARGE and cleaned["effective_from"] is None and "effective_from" not in {
                p.field for p in problems}:
            problems.append(Problem("effective_from", "逾期加价须有生效日期 / a late surcharge needs a start date"))
    return cleaned, problems


def _windows_overlap(a: PricingRule, b: PricingRule) -> bool:
    return (a.effective_from is None or b.effective_to is None or a.effective_from <= b.effective_to) and (
        b.effective_from is None or a.effective_to is None or b.effective_from <= a.effective_to)


def _areas_overlap(a: PricingRule, b: PricingRule) -> bool:
    a_low, b_low = a.area_from_m2 or 0, b.area_from_m2 or 0
    a_high = MAX_AREA_M2 + 1 if a.area_to_m2 is None else a.area_to_m2
    b_high = MAX_AREA_M2 + 1 if b.area_to_m2 is None else b.area_to_m2
    return a_low < b_high and b_low < a_high


def conflicts(rule: PricingRule, others: list[PricingRule]) -> list[Problem]:
    """What makes ``rule`` clash with the show's other rules (overlaps the quote could not settle)."""
    problems = []
    for other in others:
        if other.id and other.id == rule.id or other.kind != rule.kind or not _windows_overlap(rule, other):
            continue
        name = other.label or KIND_NAMES[other.kind][0]
        name_en = other.label_en or KIND_NAMES[other.kind][1]
        if rule.kind in BASE_KINDS:
            problems.append(Problem("effective_from", f"与“{name}”的有效期重叠：同一天只能有一个基础价格 / "
                                                      f"overlaps the dates of '{name_en}': one base price per day"))
        elif rule.kind == RuleKind.AREA_BAND and _areas_overlap(rule, other):
            problems.append(Problem("area_from_m2", f"与“{name}”的面积段重叠 / overlaps the band '{name_en}'"))
        elif (rule.kind == RuleKind.OPEN_SIDES and rule.open_sides == other.open_sides
              and rule.booth_type == other.booth_type):
            problems.append(Problem("open_sides", f"“{name}”已为此开口类型加价 / "
                                                  f"'{name_en}' already prices these open sides"))
    return problems
