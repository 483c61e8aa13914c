"""Pipeline rules: stage moves, lost reasons, objections, dates and the follow-up buckets."""

from __future__ import annotations

from datetime import date

import pytest

from expo_desk.domain.enums import LeadStage
from expo_desk.domain.leads import (
    FollowUpBucket,
    allowed_moves,
    clean_lead,
    clean_objections,
    dump_objections,
    follow_up_bucket,
    load_objections,
    objection_label,
    parse_stage,
    signable_by_contract,
    split_objections,
    stage_problems,
    transition_problems,
)

C, V, P, S, L = (LeadStage.CONTACTED, LeadStage.VISIT_BOOKED, LeadStage.PROPOSAL, LeadStage.SIGNED, LeadStage.LOST)


@pytest.mark.parametrize(("current", "target"), [(C, V), (V, P), (P, S), (L, C), (C, C), (S, S)])
def test_allowed_moves(current, target):
    assert transition_problems(current, target) == []


@pytest.mark.parametrize(("current", "target"), [(C, P), (C, S), (V, C), (P, V), (S, C), (S, L), (L, V), (L, S)])
def test_refused_moves_name_the_stage_field(current, target):
    [problem] = transition_problems(current, target, "有原因")
    assert problem.field == "stage"
    assert " / " in problem.message  # Chinese / English


def test_allowed_moves_for_a_picker():
    assert allowed_moves(C) == [V, L]
    assert allowed_moves(L) == [C]
    assert allowed_moves(S) == []


def test_a_signed_lead_stays_signed():
    [problem] = transition_problems(S, L, "客户反悔")
    assert "signed lead stays signed" in problem.message


@pytest.mark.parametrize("stage", [C, V, P])
def test_lost_from_any_open_stage_needs_a_reason(stage):
    [problem] = transition_problems(stage, L, "  ")
    assert problem.field == "lost_reason"
    assert "needs a reason" in problem.message
    assert transition_problems(stage, L, "没有预算") == []


def test_a_contract_closes_any_open_lead_but_not_lost_or_signed():
    assert [s for s in LeadStage if signable_by_contract(s)] == [C, V, P]


@pytest.mark.parametrize(("text", "stage"), [
    ("已约拜访", V), ("visit booked", V), ("visit_booked", V), ("Visit Booked", V), ("已约拜访 visit booked", V),
    ("已签约", S), ("LOST", L), ("proposal", P),
])
def test_stage_words_in_either_language(text, stage):
    assert parse_stage(text) == stage


def test_new_leads_start_contacted_and_an_unknown_stage_is_named():
    assert stage_problems("") == (C, [])
    stage, [problem] = stage_problems("maybe")
    assert stage is None and problem.field == "stage" and "'maybe'" in problem.message
    stage, [problem] = stage_problems("lost")
    assert stage == L and problem.field == "lost_reason"


def test_objection_quick_picks_are_kept_under_their_chinese_label():
    cleaned, problems = clean_objections(["no budget", "担心效果", " Too many similar shows ", "要看往届展后报告",
                                          "没有预算"])
    assert problems == []
    assert cleaned == ["没有预算", "担心效果", "同类展会太多", "要看往届展后报告"]
    assert objection_label("没有预算") == "没有预算 / no budget"
    assert objection_label("要看往届展后报告") == "要看往届展后报告"


def test_objections_round_trip_as_a_json_list_and_plain_text_still_reads():
    stored = dump_objections(["没有预算", "老板出差"])
    assert stored.startswith("[") and "没有预算" in stored  # readable in the file, not \\u escapes
    assert load_objections(stored) == ["没有预算", "老板出差"]
    assert dump_objections([]) == "" and load_objections("") == []
    assert load_objections("担心参展效果，要看往届展后报告") == ["担心参展效果，要看往届展后报告"]
    assert clean_objections(stored) == (["没有预算", "老板出差"], [])  # cleaning the stored form again changes nothing
    assert clean_objections("[见附件]") == (["[见附件]"], [])


def test_a_cell_of_objections_splits_on_list_separators_not_commas():
    assert split_objections("没有预算；担心效果、同期展会多，在比较") == ["没有预算", "担心效果", "同期展会多，在比较"]


def test_a_valid_lead():
    cleaned, problems = clean_lead({
        "prospect_name": " 日照港集团 ", "expected_value": "1.2万", "next_follow_up": "2026-05-04",
        "visit_at": "2026-05-06 14:30", "objections": ["no budget"], "notes": "",
    })
    assert problems == []
    assert cleaned["prospect_name"] == "日照港集团"
    assert cleaned["expected_value_fen"] == 1_200_000
    assert cleaned["next_follow_up"] == "2026-05-04"
    assert cleaned["visit_at"] == "2026-05-06T14:30"
    assert load_objections(cleaned["objections"]) == ["没有预算"]


def test_every_problem_of_a_lead_at_once_naming_the_field():
    _, problems = clean_lead({
        "prospect_name": "", "expected_value": "-5", "next_follow_up": "2026/5/4", "visit_at": "2026-05-06",
    })
    assert sorted(p.field for p in problems) == ["expected_value", "next_follow_up", "prospect_name", "visit_at"]
    _, problems = clean_lead({"prospect_name": "x", "expected_value": "abc"})
    assert [p.field for p in problems] == ["expected_value"]


def test_an_exhibitor_alone_is_enough_and_fen_are_taken_as_they_are():
    cleaned, problems = clean_lead({"exhibitor_id": "e1", "expected_value_fen": 500})
    assert problems == [] and cleaned["expected_value_fen"] == 500
    assert clean_lead({"expected_value_fen": None}, partial=True) == ({"expected_value_fen": None}, [])


TODAY = date(2026, 5, 6)  # a Wednesday


@pytest.mark.parametrize(("due", "bucket"), [
    ("2026-04-30", FollowUpBucket.OVERDUE), ("2026-05-05", FollowUpBucket.OVERDUE),
    ("2026-05-06", FollowUpBucket.TODAY), (date(2026, 5, 6), FollowUpBucket.TODAY),
    ("2026-05-07", FollowUpBucket.THIS_WEEK), ("2026-05-10", FollowUpBucket.THIS_WEEK),  # Sunday
    ("2026-05-11", FollowUpBucket.LATER), (None, FollowUpBucket.NONE), ("", FollowUpBucket.NONE),
])
def test_follow_up_buckets(due, bucket):
    assert follow_up_bucket(due, TODAY) == bucket


def test_on_sunday_this_week_is_over():
    assert follow_up_bucket("2026-05-11", date(2026, 5, 10)) == FollowUpBucket.LATER
