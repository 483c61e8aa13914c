"""Post-show data: visitors, an exhibitor's leads and agreements, survey, outcome notes, the pack's texts."""

from __future__ import annotations

import pytest

from expo_desk.errors import PermissionDenied, ValidationError
from expo_desk.services import post_show
from expo_desk.store import records
from expo_desk.store.queries import rows, scalar


def fields(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.field for p in exc.value.problems]


def test_visitor_counts_set_change_and_remove_with_totals(db, actor, show):
    sid = show["id"]
    post_show.set_visitors(db, actor, sid, "2026-09-18", "钢铁", 1200)
    post_show.set_visitors(db, actor, sid, "2026-09-18", "", 300)
    changes = post_show.set_visitors(db, actor, sid, "2026-09-19", " 渔业 ", "1,500")
    assert changes.inserted["visitor_counts"]
    post_show.set_visitors(db, actor, sid, "2026-09-18", "钢铁", 1250)
    assert post_show.visitor_counts(db, sid) == [
        {"day": "2026-09-18", "sector": "", "visitors": 300},
        {"day": "2026-09-18", "sector": "钢铁", "visitors": 1250},
        {"day": "2026-09-19", "sector": "渔业", "visitors": 1500}]
    table = post_show.visitor_table(db, sid)
    assert (table.days, table.sectors) == (["2026-09-18", "2026-09-19"], ["渔业", "钢铁", ""])
    assert (table.by_day, table.by_sector["钢铁"], table.total) == ({"2026-09-18": 1550, "2026-09-19": 1500}, 1250, 3050)
    row_id = scalar(db, "SELECT id FROM visitor_counts WHERE sector = '钢铁'")
    assert [e["action"] for e in records.audit_entries(db, "visitor_counts", row_id)] == ["update", "insert"]
    assert post_show.set_visitors(db, actor, sid, "2026-09-18", "钢铁", None).deleted["visitor_counts"] == [row_id]
    assert post_show.visitor_table(db, sid).total == 1800
    assert not post_show.set_visitors(db, actor, sid, "2026-09-18", "", 300)  # unchanged: nothing to report


def test_a_visitor_count_names_every_problem_and_writes_nothing(db, actor, show):
    with pytest.raises(ValidationError) as exc:
        post_show.set_visitors(db, actor, show["id"], "2026-09-25", "x" * 51, -4)
    assert fields(exc) == ["day", "sector", "visitors"]
    assert "2026-09-18 – 2026-09-20" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        post_show.set_visitors(db, actor, show["id"], "18/9/2026", "钢铁", "many")
    assert fields(exc) == ["day", "visitors"]
    assert scalar(db, "SELECT count(*) FROM visitor_counts") == 0


def test_the_grid_offers_every_open_day_and_exhibitor_sector(db, actor, sales):
    table = post_show.visitor_table(db, sales["show"]["id"], with_empty=True)
    assert table.days == ["2026-09-18", "2026-09-19", "2026-09-20"]
    assert table.sectors == ["渔业", "钢铁", ""] and table.total == 0


def test_visitors_and_texts_are_for_managers_only(db, sales):
    sid = sales["show"]["id"]
    for call in (lambda: post_show.set_visitors(db, sales["am1"], sid, "2026-09-18", "钢铁", 10),
                 lambda: post_show.set_show_text(db, sales["am1"], sid, "welcome", "欢迎", "Welcome")):
        with pytest.raises(PermissionDenied):
            call()
    post_show.set_visitors(db, sales["dm"], sid, "2026-09-18", "钢铁", 10)
    assert post_show.visitor_table(db, sid).total == 10


def test_a_lead_names_every_problem(db, actor, sales):
    with pytest.raises(ValidationError) as exc:
        post_show.add_exhibitor_lead(db, actor, sales["steel"], {
            "captured_on": "2026-13-01", "agreement_signed": "maybe", "agreement_value": "12.345", "interest": "x" * 5000})
    assert fields(exc) == ["interest", "visitor_name", "captured_on", "agreement_signed", "agreement_value"]
    with pytest.raises(ValidationError) as exc:
        post_show.add_exhibitor_lead(db, actor, sales["steel"], {"visitor_name": "孙先生", "agreement_value": "5000"})
    assert fields(exc) == ["agreement_value"] and "only a signed agreement has a value" in str(exc.value)
    assert scalar(db, "SELECT count(*) FROM exhibitor_leads") == 0


def test_leads_and_agreements_of_an_exhibitor(db, sales):
    am1, steel = sales["am1"], sales["steel"]
    post_show.add_exhibitor_lead(db, am1, steel, {"visitor_name": "孙先生", "visitor_company": "青岛港",
                                                  "captured_on": "2026-09-19", "agreement_signed": "是",
                                                  "agreement_value": "12.5万", "source": "扫码"})
    lead = post_show.add_exhibitor_lead(db, am1, steel, {"contact": "13900000000", "agreement_signed": "no"})
    leads = post_show.exhibitor_leads(db, steel)
    assert [(x["visitor_name"], x["agreement_signed"], x["agreement_value_fen"]) for x in leads] == [
        ("孙先生", 1, 12_500_000), ("", 0, None)]
    assert post_show.lead_summary(leads) == {"leads": 2, "agreements": 1, "agreement_value_fen": 12_500_000}
    post_show.delete_exhibitor_lead(db, am1, lead.inserted["exhibitor_leads"][0])
    assert len(post_show.exhibitor_leads(db, steel)) == 1


def test_an_account_manager_cannot_write_another_managers_exhibitors_results(db, sales):
    am2, steel = sales["am2"], sales["steel"]
    lead = post_show.add_exhibitor_lead(db, sales["am1"], steel, {"visitor_name": "孙先生"}).inserted["exhibitor_leads"][0]
    refused = [
        lambda: post_show.add_exhibitor_lead(db, am2, steel, {"visitor_name": "钱女士"}),
        lambda: post_show.delete_exhibitor_lead(db, am2, lead),
        lambda: post_show.set_outcomes(db, am2, steel, {"promotion": "微信推文"}),
        lambda: post_show.set_survey_answer(db, am2, steel, post_show.SURVEY_QUESTIONS[0], "满意", 5),
    ]
    for call in refused:
        with pytest.raises(PermissionDenied, match="belongs to another account manager"):
            call()
    assert scalar(db, "SELECT count(*) FROM exhibitor_leads") == 1
    assert scalar(db, "SELECT count(*) FROM post_show_outcomes") == 0
    assert scalar(db, "SELECT count(*) FROM survey_answers") == 0
    post_show.set_outcomes(db, sales["dm"], steel, {"promotion": "微信推文"})  # a manager may
    assert post_show.outcomes(db, steel)["promotion"] == "微信推文"


def test_outcomes_are_empty_until_written_then_stamped(db, sales):
    steel = sales["steel"]
    assert post_show.outcomes(db, steel) == {**{k: "" for k in post_show.OUTCOME_FIELDS},
                                             "updated_at": "", "updated_by": ""}
    post_show.set_outcomes(db, sales["am1"], steel, {"services_delivered": "配对会 3 场", "competition": " 两家同行 "})
    saved = post_show.outcomes(db, steel)
    assert (saved["services_delivered"], saved["competition"], saved["updated_by"]) == ("配对会 3 场", "两家同行", "王经理")
    assert not post_show.set_outcomes(db, sales["am1"], steel, {"competition": "两家同行"})  # the same: no change
    with pytest.raises(ValidationError) as exc:
        post_show.set_outcomes(db, sales["am1"], steel, {"colour": "red", "brand_image": "x" * 4001})
    assert fields(exc) == ["colour", "brand_image"]


def test_survey_answers_set_change_remove_and_save_with_outcomes_all_or_nothing(db, sales):
    am1, steel = sales["am1"], sales["steel"]
    question = post_show.SURVEY_QUESTIONS[0]
    post_show.set_survey_answer(db, am1, steel, question, "很满意", 5)
    post_show.set_survey_answer(db, am1, steel, question, "满意", 4)
    assert [(a["question"], a["answer"], a["score"]) for a in post_show.survey_answers(db, steel)] == [
        (question, "满意", 4)]
    with pytest.raises(ValidationError) as exc:
        post_show.save_exhibitor_results(db, am1, steel, outcome_values={"promotion": "海报"}, answers=[
            {"question": question, "answer": "", "score": 9}, {"question": "", "answer": "好", "score": None}])
    assert [(p.where, p.field) for p in exc.value.problems] == [("survey 1", "score"), ("survey 2", "question")]
    assert post_show.outcomes(db, steel)["promotion"] == ""  # nothing of it was saved
    post_show.set_survey_answer(db, am1, steel, question, "", None)
    assert post_show.survey_answers(db, steel) == []


def test_show_texts_have_bilingual_defaults_from_the_show_dates(db, actor, show):
    texts = post_show.show_texts(db, show["id"])
    assert list(texts) == list(post_show.TEXT_KEYS)
    assert all(zh and en for zh, en in texts.values())
    assert "2026日照国际博览会" in texts["welcome"][0] and "Rizhao International Expo 2026" in texts["welcome"][1]
    assert "2026年9月18日至20日" in texts["welcome"][0] and "18–20 September 2026" in texts["welcome"][1]
    assert "2026年9月17日" in texts["build_up"][0] and "20 September 2026" in texts["tear_down"][1]


def test_a_show_text_written_replaces_its_default_and_a_default_is_not_stored(db, actor, show):
    sid = show["id"]
    default_zh, default_en = post_show.show_texts(db, sid)["badges"]
    post_show.set_show_text(db, actor, sid, "badges", "每展位 3 张展商证", default_en)
    assert post_show.show_texts(db, sid)["badges"] == ("每展位 3 张展商证", default_en)
    assert rows(db, "SELECT key, text_zh, text_en FROM show_texts") == [
        {"key": "badges", "text_zh": "每展位 3 张展商证", "text_en": ""}]  # English still follows the show
    assert post_show.written_show_texts(db, sid) == {"badges"}
    post_show.set_show_text(db, actor, sid, "badges", default_zh, default_en)
    assert scalar(db, "SELECT count(*) FROM show_texts") == 0
    with pytest.raises(ValidationError) as exc:
        post_show.set_show_texts(db, actor, sid, {"menu": ("菜单", "Menu"), "welcome": ("欢" * 4001, "")})
    assert fields(exc) == ["key", "welcome"]


def test_an_exhibitor_is_found_by_name_or_by_a_booth_its_contract_holds(db, sales):
    from expo_desk.services import contracts

    sid = sales["show"]["id"]
    assert [e["company_name"] for e in post_show.find_exhibitors(db, sid, "渔业")] == ["黄海渔业有限公司"]
    assert post_show.find_exhibitors(db, sid, "r-001") == []
    contracts.create_contract(db, sales["am1"], sid, sales["steel"], [sales["booths"]["R-001"]], today="2026-06-01")
    found = post_show.find_exhibitors(db, sid, "r-001")
    assert [(e["company_name"], e["booths"]) for e in found] == [("日照钢铁集团有限公司", "R-001")]
