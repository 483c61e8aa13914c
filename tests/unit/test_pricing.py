"""Pricing rules: each rule alone, their combinations, rounding and edge sizes."""

from __future__ import annotations

import datetime as dt

import pytest

from expo_desk.domain.pricing import (
    OpenSides,
    PricingError,
    PricingRule,
    RuleKind,
    bp_text,
    clean_rule,
    conflicts,
    m2_text,
    percent_of,
    quote,
    round_div,
    yuan_text,
)

SHELL = PricingRule(RuleKind.SHELL_BASE, amount_fen=980_000, booth_type="shell", id="shell")
RAW = PricingRule(RuleKind.RAW_BASE, amount_fen=98_000, min_area_m2=36, booth_type="raw", id="raw")
DAY = "2026-06-01"


def total(rules, booth_type="shell", w=300, d=300, sides="inline", on=DAY):
    return quote(rules, booth_type, w, d, sides, on).total_fen


def amounts(q):
    return [(t.kind, t.amount_fen) for t in q.terms]


# ---------------------------------------------------------------- arithmetic

@pytest.mark.parametrize("num, den, expected", [
    (0, 7, 0), (5, 10, 1), (4, 10, 0), (15, 10, 2), (25, 10, 3), (14, 10, 1), (-5, 10, -1), (-4, 10, 0),
    (1, 3, 0), (2, 3, 1), (10**20 + 5, 10, 10**19 + 1),
])
def test_round_div_is_half_up(num, den, expected):
    assert round_div(num, den) == expected


def test_round_div_refuses_a_non_positive_denominator():
    with pytest.raises(ValueError):
        round_div(1, 0)


@pytest.mark.parametrize("amount, bp, expected", [
    (1_960_000, 1_000, 196_000),  # 10 % of ¥19,600
    (5, 1_000, 1),  # 0.5 fen rounds up
    (4, 1_000, 0),  # 0.4 fen rounds down
    (15, 1_000, 2),  # 1.5 fen up
    (333, 5_000, 167),  # 166.5 -> 167
    (100, 10_000, 100),
    (12_345, 1, 1),  # 1.2345 fen -> 1
])
def test_percent_of_rounds_half_up_to_the_fen(amount, bp, expected):
    assert percent_of(amount, bp) == expected


@pytest.mark.parametrize("cm2, text", [(90_000, "9"), (125_000, "12.5"), (360_000, "36"), (1, "0"),
                                        (12_345, "1.23"), (99_999, "10"), (1_050, "0.11")])
def test_m2_text(cm2, text):
    assert m2_text(cm2) == text


def test_small_texts():
    assert bp_text(1_000) == "10%" and bp_text(1_250) == "12.5%" and bp_text(5) == "0.05%"
    assert yuan_text(980_000) == "¥9,800" and yuan_text(-107_800) == "-¥1,078" and yuan_text(12_345) == "¥123.45"


# ---------------------------------------------------------------- shell scheme

@pytest.mark.parametrize("w, d, expected", [
    (300, 300, 980_000),  # one standard booth
    (600, 300, 1_960_000),  # 2 × 9 m²
    (900, 300, 2_940_000),  # 3 × 9 m²
    (600, 600, 3_920_000),  # 4 × 9 m²
    (300, 400, 1_306_667),  # 12 m² = 12/9 booths: 1,306,666.67 -> half up
    (200, 200, 980_000),  # 4 m² pays the 9 m² minimum
    (1, 1, 980_000),
])
def test_shell_is_priced_per_standard_9_m2_booth(w, d, expected):
    assert total([SHELL], "shell", w, d) == expected


def test_shell_term_explains_itself():
    q = quote([SHELL], "shell", 600, 300, "inline", DAY)
    [term] = q.terms
    assert term.kind == "shell_base" and term.rule_id == "shell"
    assert "2 个标准展位" in term.basis and "2 standard booths" in term.basis_en and "¥9,800" in term.basis
    assert q.area_cm2 == q.chargeable_cm2 == 180_000


def test_shell_minimum_area_can_be_set_and_switched_off():
    no_min = PricingRule(RuleKind.SHELL_BASE, amount_fen=900_000, min_area_m2=0)
    assert total([no_min], "shell", 300, 150) == 450_000  # half a booth
    bigger = PricingRule(RuleKind.SHELL_BASE, amount_fen=900_000, min_area_m2=18)
    q = quote([bigger], "shell", 300, 300, "inline", DAY)
    assert q.total_fen == 1_800_000 and "最小面积" in q.terms[0].basis and "minimum area" in q.terms[0].basis_en


def test_shell_rules_do_not_price_raw_space():
    with pytest.raises(PricingError, match="raw space"):
        quote([SHELL], "raw", 600, 600, "inline", DAY)


# ---------------------------------------------------------------- raw space

@pytest.mark.parametrize("w, d, expected", [
    (400, 600, 3_528_000),  # 24 m² pays 36 m²
    (600, 600, 3_528_000),  # exactly 36 m²
    (700, 600, 4_116_000),  # 42 m²
    (1000, 1000, 9_800_000),  # 100 m²
    (601, 600, 3_533_880),  # 36.06 m² × 980 = 35,338.80
    (333, 1111, 3_625_637),  # 36.9963 m² × ¥980 = ¥36,256.374 -> 3,625,637 fen
])
def test_raw_space_per_m2_with_a_minimum(w, d, expected):
    assert total([RAW], "raw", w, d) == expected


def test_raw_minimum_shown_in_the_basis():
    q = quote([RAW], "raw", 400, 600, "inline", DAY)
    assert q.area_cm2 == 240_000 and q.chargeable_cm2 == 360_000
    assert "36 m²（按最小面积）" in q.terms[0].basis and "(minimum area)" in q.terms[0].basis_en


def test_raw_without_minimum_charges_the_area():
    assert total([PricingRule(RuleKind.RAW_BASE, amount_fen=98_000)], "raw", 300, 300) == 882_000


def test_raw_half_fen_rounds_up():
    rule = PricingRule(RuleKind.RAW_BASE, amount_fen=1)  # ¥0.01 per m²
    assert total([rule], "raw", 100, 50) == 1  # 0.5 m² × 1 fen = 0.5 fen -> 1
    assert total([rule], "raw", 100, 49) == 0  # 0.49 fen -> 0


def test_no_base_price_is_an_error_naming_the_type_and_date():
    with pytest.raises(PricingError, match="no shell scheme price on 2026-06-01"):
        quote([RAW], "shell", 300, 300, "inline", DAY)


# ---------------------------------------------------------------- area bands

BAND_RATE = PricingRule(RuleKind.AREA_BAND, amount_fen=88_000, area_from_m2=100, id="b1")
BAND_PCT = PricingRule(RuleKind.AREA_BAND, percent_bp=1_000, area_from_m2=100, id="b2")


def test_band_rate_applies_to_the_part_above_its_start():
    q = quote([RAW, BAND_RATE], "raw", 1500, 1000, "inline", DAY)  # 150 m²
    assert amounts(q) == [("raw_base", 9_800_000), ("area_band", 4_400_000)]
    assert q.total_fen == 14_200_000
    assert "100 m² × ¥980/m²" in q.terms[0].basis and "50 m²" in q.terms[1].basis_en


def test_band_does_not_touch_a_booth_below_it():
    q = quote([RAW, BAND_RATE], "raw", 1000, 1000, "inline", DAY)  # exactly 100 m²
    assert amounts(q) == [("raw_base", 9_800_000)]


def test_band_percentage_is_a_discount_on_the_part_in_the_band():
    q = quote([RAW, BAND_PCT], "raw", 1500, 1000, "inline", DAY)
    assert amounts(q) == [("raw_base", 14_700_000), ("area_band", -490_000)]
    assert q.total_fen == 14_210_000


def test_closed_bands_in_tiers():
    mid = PricingRule(RuleKind.AREA_BAND, amount_fen=90_000, area_from_m2=54, area_to_m2=100)
    top = PricingRule(RuleKind.AREA_BAND, amount_fen=80_000, area_from_m2=100)
    q = quote([RAW, top, mid], "raw", 2000, 1000, "inline", DAY)  # 200 m²
    assert amounts(q) == [("raw_base", 54 * 98_000), ("area_band", 46 * 90_000), ("area_band", 100 * 80_000)]
    assert q.total_fen == 54 * 98_000 + 46 * 90_000 + 100 * 80_000


def test_band_counts_the_minimum_area():
    low = PricingRule(RuleKind.AREA_BAND, amount_fen=50_000, area_from_m2=30)
    q = quote([RAW, low], "raw", 300, 300, "inline", DAY)  # 9 m² charged as 36 m²
    assert q.total_fen == 30 * 98_000 + 6 * 50_000


def test_band_with_fractional_slice_rounds_each_term():
    q = quote([RAW, BAND_RATE], "raw", 1001, 1000, "inline", DAY)  # 100.1 m²
    assert amounts(q) == [("raw_base", 9_800_000), ("area_band", 8_800)]


def test_bands_ignore_shell_booths():
    assert total([SHELL, BAND_RATE], "shell", 1500, 1000) == 16_333_333  # 150/9 booths: 16,333,333.33 fen


# ---------------------------------------------------------------- open sides

CORNER_PCT = PricingRule(RuleKind.OPEN_SIDES, percent_bp=1_000, open_sides="corner", id="c")
CORNER_FLAT = PricingRule(RuleKind.OPEN_SIDES, amount_fen=100_000, open_sides="corner", id="cf")
ISLAND = PricingRule(RuleKind.OPEN_SIDES, percent_bp=1_500, open_sides="island", id="i")


@pytest.mark.parametrize("sides, expected", [
    ("inline", 980_000), ("corner", 1_078_000), ("peninsula", 980_000), ("island", 1_127_000),
])
def test_open_sides_percentage(sides, expected):
    assert total([SHELL, CORNER_PCT, ISLAND], "shell", 300, 300, sides) == expected


def test_open_sides_flat_amount():
    q = quote([SHELL, CORNER_FLAT], "shell", 300, 300, "corner", DAY)
    assert amounts(q) == [("shell_base", 980_000), ("open_sides", 100_000)]
    assert "flat" in q.terms[1].basis_en


def test_open_sides_premium_is_on_the_space_charge_after_bands():
    q = quote([RAW, BAND_RATE, CORNER_PCT], "raw", 1500, 1000, "corner", DAY)
    assert q.terms[-1].amount_fen == 1_420_000 and q.total_fen == 15_620_000


def test_type_specific_premium_wins_over_any_type():
    raw_corner = PricingRule(RuleKind.OPEN_SIDES, percent_bp=2_000, open_sides="corner", booth_type="raw", id="rc")
    q = quote([RAW, CORNER_PCT, raw_corner], "raw", 600, 600, "corner", DAY)
    assert q.terms[-1].rule_id == "rc" and q.terms[-1].amount_fen == 705_600
    assert len(q.notes) == 1 and "one premium per booth" in q.notes[0]
    shell_q = quote([SHELL, CORNER_PCT, raw_corner], "shell", 300, 300, "corner", DAY)
    assert shell_q.terms[-1].rule_id == "c" and shell_q.notes == ()


def test_premium_rounding_half_up():
    rule = PricingRule(RuleKind.RAW_BASE, amount_fen=105)  # 1 m² costs 105 fen
    pct = PricingRule(RuleKind.OPEN_SIDES, percent_bp=1_000, open_sides="island")
    q = quote([rule, pct], "raw", 100, 100, "island", DAY)
    assert amounts(q) == [("raw_base", 105), ("open_sides", 11)]  # 10.5 -> 11


def test_unknown_open_sides_refused():
    with pytest.raises(PricingError, match="open sides"):
        quote([SHELL], "shell", 300, 300, "two", DAY)


# ---------------------------------------------------------------- dates

EARLY = PricingRule(RuleKind.EARLY_BIRD, percent_bp=500, effective_to="2026-03-31", id="e5")
EARLIER = PricingRule(RuleKind.EARLY_BIRD, percent_bp=1_000, effective_to="2026-01-31", id="e10")
LATE = PricingRule(RuleKind.LATE_SURCHARGE, percent_bp=1_000, effective_from="2026-08-01", id="l10")
LATER = PricingRule(RuleKind.LATE_SURCHARGE, amount_fen=200_000, effective_from="2026-09-01", id="l2k")


@pytest.mark.parametrize("on, expected", [
    ("2026-01-01", 980_000 - 98_000),  # both early birds in force: the larger (10 %) wins
    ("2026-01-31", 980_000 - 98_000),  # end date inclusive
    ("2026-02-01", 980_000 - 49_000),  # only the 5 % one
    ("2026-03-31", 980_000 - 49_000),
    ("2026-04-01", 980_000),
    ("2026-07-31", 980_000),
    ("2026-08-01", 980_000 + 98_000),  # start date inclusive
    ("2026-09-01", 980_000 + 200_000),  # both surcharges: the larger (flat ¥2,000) wins
])
def test_the_quote_date_decides(on, expected):
    assert total([SHELL, EARLY, EARLIER, LATE, LATER], on=on) == expected


def test_overlapping_windows_note_the_one_not_applied():
    q = quote([SHELL, EARLY, EARLIER], "shell", 300, 300, "inline", "2026-01-10")
    assert [t.rule_id for t in q.terms] == ["shell", "e10"]
    assert len(q.notes) == 1 and "the larger one applies" in q.notes[0]


def test_equal_overlapping_discounts_pick_the_lower_sort_order():
    a = PricingRule(RuleKind.EARLY_BIRD, percent_bp=500, effective_to="2026-12-31", sort_order=2, id="a")
    b = PricingRule(RuleKind.EARLY_BIRD, amount_fen=49_000, effective_to="2026-12-31", sort_order=1, id="b")
    q = quote([SHELL, a, b], "shell", 300, 300, "inline", DAY)
    assert q.terms[-1].rule_id == "b" and q.total_fen == 931_000


def test_early_bird_and_late_surcharge_both_in_force_both_apply_on_the_same_price():
    e = PricingRule(RuleKind.EARLY_BIRD, percent_bp=500, effective_to="2026-12-31")
    late = PricingRule(RuleKind.LATE_SURCHARGE, percent_bp=1_000, effective_from="2026-01-01")
    q = quote([SHELL, e, late], "shell", 300, 300, "inline", DAY)
    assert amounts(q) == [("shell_base", 980_000), ("early_bird", -49_000), ("late_surcharge", 98_000)]


def test_early_bird_is_on_space_plus_premium():
    q = quote([SHELL, CORNER_PCT, EARLY], "shell", 600, 300, "corner", "2026-01-01")
    assert amounts(q) == [("shell_base", 1_960_000), ("open_sides", 196_000), ("early_bird", -107_800)]
    assert q.total_fen == 2_048_200


def test_flat_discount_never_goes_below_zero():
    huge = PricingRule(RuleKind.EARLY_BIRD, amount_fen=5_000_000, effective_to="2026-12-31")
    q = quote([SHELL, huge], "shell", 300, 300, "inline", DAY)
    assert q.total_fen == 0 and q.terms[-1].amount_fen == -980_000


def test_discount_rounding_half_up_on_its_size():
    base = PricingRule(RuleKind.RAW_BASE, amount_fen=10)
    e = PricingRule(RuleKind.EARLY_BIRD, percent_bp=500, effective_to="2026-12-31")
    q = quote([base, e], "raw", 100, 100, "inline", DAY)  # 10 fen × 5 % = 0.5 fen -> 1 off
    assert q.total_fen == 9


def test_base_price_change_on_a_date():
    old = PricingRule(RuleKind.SHELL_BASE, amount_fen=900_000, effective_to="2026-05-31")
    new = PricingRule(RuleKind.SHELL_BASE, amount_fen=980_000, effective_from="2026-06-01")
    assert total([old, new], on="2026-05-31") == 900_000
    assert total([old, new], on="2026-06-01") == 980_000


def test_premium_outside_its_window_does_not_apply():
    later = PricingRule(RuleKind.OPEN_SIDES, percent_bp=1_000, open_sides="corner", effective_from="2026-07-01")
    assert total([SHELL, later], sides="corner", on=DAY) == 980_000
    assert total([SHELL, later], sides="corner", on="2026-07-01") == 1_078_000


def test_date_objects_and_today():
    assert quote([SHELL], "shell", 300, 300, "inline", dt.date(2026, 6, 1)).on_date == DAY
    assert quote([SHELL], "shell", 300, 300).on_date == dt.date.today().isoformat()


def test_bad_date_refused():
    with pytest.raises(PricingError, match="not a date"):
        quote([SHELL], "shell", 300, 300, "inline", "2026-13-01")


def test_date_rule_for_another_booth_type_is_ignored():
    raw_only = PricingRule(RuleKind.EARLY_BIRD, percent_bp=500, effective_to="2026-12-31", booth_type="raw")
    assert total([SHELL, raw_only]) == 980_000
    assert total([RAW, raw_only], "raw", 600, 600) == 3_528_000 - 176_400


# ---------------------------------------------------------------- all together, sizes

def test_everything_together_adds_up_exactly():
    rules = [SHELL, RAW, BAND_RATE, CORNER_PCT, ISLAND, EARLY, LATE]
    q = quote(rules, "raw", 1234, 987, "island", "2026-03-01")  # 121.7958 m²
    space = 9_800_000 + round_div(88_000 * (1234 * 987 - 1_000_000), 10_000)
    premium = percent_of(space, 1_500)
    discount = percent_of(space + premium, 500)
    assert amounts(q) == [("raw_base", 9_800_000), ("area_band", space - 9_800_000), ("open_sides", premium),
                          ("early_bird", -discount)]
    assert q.total_fen == sum(t.amount_fen for t in q.terms) == space + premium - discount


@pytest.mark.parametrize("w, d", [(0, 300), (300, 0), (-300, 300), (0, 0)])
def test_zero_or_negative_size_refused(w, d):
    with pytest.raises(PricingError, match="size above zero"):
        quote([SHELL, RAW], "shell", w, d, "inline", DAY)


def test_non_integer_size_refused():
    with pytest.raises(PricingError):
        quote([SHELL], "shell", 300.5, 300, "inline", DAY)


def test_unknown_booth_type_refused():
    with pytest.raises(PricingError, match="unknown booth type"):
        quote([SHELL], "tent", 300, 300, "inline", DAY)


def test_very_large_booths_stay_exact():
    # a 1 km × 1 km raw space (1,000,000 m²) at ¥980.01/m² with an island premium
    rate = PricingRule(RuleKind.RAW_BASE, amount_fen=98_001)
    q = quote([rate, ISLAND], "raw", 100_000, 100_000, "island", DAY)
    assert q.terms[0].amount_fen == 98_001 * 1_000_000
    assert q.total_fen == 98_001 * 1_000_000 * 115 // 100 + (98_001 * 1_000_000 * 115 % 100 >= 50)
    assert isinstance(q.total_fen, int) and q.total_fen < 2**63


def test_labels_come_from_the_rule_or_the_kind():
    named = PricingRule(RuleKind.SHELL_BASE, amount_fen=1, label="标摊", label_en="Booth")
    assert quote([named], "shell", 300, 300, "inline", DAY).terms[0].label == "标摊"
    q = quote([SHELL], "shell", 300, 300, "inline", DAY)
    assert (q.terms[0].label, q.terms[0].label_en) == ("标准展位价格", "Shell scheme price")


def test_several_base_rules_in_force_use_the_first_and_say_so():
    other = PricingRule(RuleKind.SHELL_BASE, amount_fen=1, sort_order=5)
    q = quote([other, SHELL], "shell", 300, 300, "inline", DAY)
    assert q.total_fen == 980_000 and q.notes


def test_from_row():
    rule = PricingRule.from_row({"id": "x", "kind": "open_sides", "booth_type": None, "label": None,
                                 "label_en": "", "amount_fen": None, "percent_bp": 1000, "min_area_m2": None,
                                 "area_from_m2": None, "area_to_m2": None, "open_sides": "corner",
                                 "effective_from": None, "effective_to": None, "sort_order": None,
                                 "show_id": "s", "created_at": "t"})
    assert rule.kind is RuleKind.OPEN_SIDES and rule.booth_type == "" and rule.sort_order == 0 and rule.id == "x"


# ---------------------------------------------------------------- validation

def fields(problems):
    return {p.field for p in problems}


def test_clean_good_rules():
    cleaned, problems = clean_rule({"kind": "raw_base", "amount_fen": "98000", "min_area_m2": 36,
                                    "label": " 光地 "})
    assert problems == [] and cleaned["amount_fen"] == 98_000 and cleaned["booth_type"] == "raw"
    assert cleaned["label"] == "光地"
    cleaned, problems = clean_rule({"kind": "early_bird", "percent_bp": 500, "effective_to": "2026-03-31"})
    assert problems == [] and cleaned["effective_from"] is None


@pytest.mark.parametrize("values, field", [
    ({"kind": "nope"}, "kind"),
    ({"kind": "shell_base"}, "amount_fen"),
    ({"kind": "shell_base", "amount_fen": -1}, "amount_fen"),
    ({"kind": "shell_base", "amount_fen": "abc"}, "amount_fen"),
    ({"kind": "shell_base", "amount_fen": 1.5}, "amount_fen"),
    ({"kind": "shell_base", "amount_fen": 1, "booth_type": "raw"}, "booth_type"),
    ({"kind": "shell_base", "amount_fen": 1, "percent_bp": 100}, "percent_bp"),
    ({"kind": "raw_base", "amount_fen": 1, "area_from_m2": 10}, "area_from_m2"),
    ({"kind": "area_band", "amount_fen": 1}, "area_from_m2"),
    ({"kind": "area_band", "amount_fen": 1, "area_from_m2": 100, "area_to_m2": 100}, "area_to_m2"),
    ({"kind": "area_band", "amount_fen": 1, "area_from_m2": 100, "booth_type": "shell"}, "booth_type"),
    ({"kind": "area_band", "area_from_m2": 100}, "amount_fen"),
    ({"kind": "open_sides", "percent_bp": 1000}, "open_sides"),
    ({"kind": "open_sides", "percent_bp": 1000, "open_sides": "diagonal"}, "open_sides"),
    ({"kind": "open_sides", "percent_bp": 1000, "amount_fen": 5, "open_sides": "corner"}, "amount_fen"),
    ({"kind": "open_sides", "percent_bp": 0, "open_sides": "corner"}, "percent_bp"),
    ({"kind": "open_sides", "percent_bp": 10_001, "open_sides": "corner"}, "percent_bp"),
    ({"kind": "open_sides", "percent_bp": 100, "open_sides": "corner", "min_area_m2": 3}, "min_area_m2"),
    ({"kind": "early_bird", "percent_bp": 500}, "effective_to"),
    ({"kind": "early_bird", "percent_bp": 500, "effective_to": "31/03/2026"}, "effective_to"),
    ({"kind": "early_bird", "percent_bp": 500, "effective_to": "2026-03-31", "open_sides": "corner"}, "open_sides"),
    ({"kind": "late_surcharge", "percent_bp": 500}, "effective_from"),
    ({"kind": "late_surcharge", "percent_bp": 500, "effective_from": "2026-09-01",
      "effective_to": "2026-08-01"}, "effective_to"),
    ({"kind": "open_sides", "percent_bp": 100, "open_sides": "corner", "booth_type": "tent"}, "booth_type"),
    ({"kind": "raw_base", "amount_fen": 1, "label": "x" * 101}, "label"),
])
def test_clean_rule_names_the_field(values, field):
    _cleaned, problems = clean_rule(values)
    assert field in fields(problems)
    assert all(" / " in p.message for p in problems)  # 中文 / English


def test_clean_rule_reports_every_problem_at_once():
    _c, problems = clean_rule({"kind": "late_surcharge", "effective_from": "x", "label": "y" * 200})
    assert {"effective_from", "label", "amount_fen"} <= fields(problems)


def test_conflicts():
    assert conflicts(SHELL, [RAW, CORNER_PCT]) == []
    clash = PricingRule(RuleKind.SHELL_BASE, amount_fen=1, effective_from="2026-01-01")
    assert fields(conflicts(clash, [SHELL])) == {"effective_from"}
    later = PricingRule(RuleKind.SHELL_BASE, amount_fen=1, effective_from="2026-06-01")
    earlier = PricingRule(RuleKind.SHELL_BASE, amount_fen=1, effective_to="2026-05-31")
    assert conflicts(later, [earlier]) == []
    assert conflicts(SHELL, [SHELL]) == []  # itself (same id) when edited
    band2 = PricingRule(RuleKind.AREA_BAND, amount_fen=1, area_from_m2=50, area_to_m2=150)
    assert fields(conflicts(band2, [BAND_RATE])) == {"area_from_m2"}
    below = PricingRule(RuleKind.AREA_BAND, amount_fen=1, area_from_m2=50, area_to_m2=100)
    assert conflicts(below, [BAND_RATE]) == []
    assert fields(conflicts(CORNER_FLAT, [CORNER_PCT])) == {"open_sides"}
    assert conflicts(ISLAND, [CORNER_PCT]) == []
    raw_corner = PricingRule(RuleKind.OPEN_SIDES, percent_bp=1, open_sides="corner", booth_type="raw")
    assert conflicts(raw_corner, [CORNER_PCT]) == []  # the specific one wins in the quote
    assert conflicts(EARLY, [EARLIER]) == []  # overlapping early birds are tiers: the larger applies


def test_open_sides_values():
    assert [str(s) for s in OpenSides] == ["inline", "corner", "peninsula", "island"]
