"""Exhibitor and contact rules: the company key, cleaning, and the messages people read."""

from __future__ import annotations

import pytest

from expo_desk.domain.exhibitors import MAX_NAME, clean_contact, clean_exhibitor, normalise_company


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("日照钢铁有限公司", "日照钢铁 有限公司"),
        ("日照钢铁有限公司", "日照钢铁\u3000有限公司"),  # ideographic space
        ("日照钢铁（集团）有限公司", "日照钢铁(集团)有限公司"),  # full-width brackets
        ("ＡＢＣ Trading", "abc trading"),  # full-width letters, case
        ("Rizhao  Auto\tParts", "rizhao auto parts"),
        (" 山东渔业 ", "山东渔业"),
    ],
)
def test_normalise_company_folds_spellings_of_one_company(a, b):
    assert normalise_company(a) == normalise_company(b)


def test_normalise_company_keeps_different_companies_apart():
    assert normalise_company("日照钢铁") != normalise_company("日照钢材")
    assert normalise_company("ABC Ltd") != normalise_company("ABC Co")
    assert normalise_company("") == normalise_company(None) == ""


def test_clean_exhibitor_trims_and_accepts_good_values():
    cleaned, problems = clean_exhibitor({
        "company_name": "  日照钢铁  ", "company_name_en": " Rizhao Steel ", "sector": "钢铁",
        "phone": "0633-8888888", "email": "info@rizhao.example", "expected_value_fen": 10_000_000,
        "account_manager_id": "", "notes": None,
    })
    assert problems == []
    assert cleaned["company_name"] == "日照钢铁"
    assert cleaned["company_name_en"] == "Rizhao Steel"
    assert cleaned["account_manager_id"] is None
    assert cleaned["notes"] == ""
    assert cleaned["expected_value_fen"] == 10_000_000


@pytest.mark.parametrize("phone", ["0633-8888888", "+86 633 8888888", "(0633) 888 8888", "13800000001",
                                   "0633-8888888转123", "+49 30 1234567 ext. 12"])
def test_phone_numbers_people_write_are_accepted(phone):
    assert clean_exhibitor({"company_name": "X", "phone": phone})[1] == []


def test_every_problem_is_reported_at_once_with_both_languages():
    _, problems = clean_exhibitor({
        "company_name": "  ", "company_name_en": "x" * (MAX_NAME + 1), "phone": "call me",
        "email": "not-an-email", "expected_value_fen": -1,
    })
    by_field = {p.field: p.message for p in problems}
    assert set(by_field) == {"company_name", "company_name_en", "phone", "email", "expected_value_fen"}
    assert by_field["company_name"] == "必须填写公司名称 / company name is required"
    assert "not a phone number: 'call me'" in by_field["phone"]
    assert "电话号码格式不对" in by_field["phone"]
    assert "not an e-mail address: 'not-an-email'" in by_field["email"]
    assert "cannot be negative" in by_field["expected_value_fen"]
    assert str(MAX_NAME) in by_field["company_name_en"]


def test_company_name_too_long():
    _, problems = clean_exhibitor({"company_name": "公" * (MAX_NAME + 1)})
    assert [p.field for p in problems] == ["company_name"]
    assert "longer than 200 characters" in problems[0].message
    assert clean_exhibitor({"company_name": "公" * MAX_NAME})[1] == []


@pytest.mark.parametrize("value", ["100", 1.5, True])
def test_expected_value_must_be_integer_fen(value):
    _, problems = clean_exhibitor({"company_name": "X", "expected_value_fen": value})
    assert [p.field for p in problems] == ["expected_value_fen"]
    assert "amount" in problems[0].message


def test_partial_update_checks_only_what_it_touches():
    cleaned, problems = clean_exhibitor({"phone": "0633-1234567"}, partial=True)
    assert problems == [] and cleaned == {"phone": "0633-1234567"}
    _, problems = clean_exhibitor({"company_name": ""}, partial=True)
    assert [p.field for p in problems] == ["company_name"]


def test_unknown_field_is_a_bug_not_a_user_error():
    with pytest.raises(KeyError, match="colour"):
        clean_exhibitor({"company_name": "X", "colour": "red"})
    with pytest.raises(KeyError, match="age"):
        clean_contact({"name": "王", "age": 3})


def test_clean_contact():
    cleaned, problems = clean_contact({"name": " 王强 ", "title": "经理", "phone": "13800000001", "is_primary": 1})
    assert problems == []
    assert cleaned == {"name": "王强", "title": "经理", "phone": "13800000001", "is_primary": True}


def test_clean_contact_messages():
    _, problems = clean_contact({"name": "", "phone": "??", "email": "a@b"})
    by_field = {p.field: p.message for p in problems}
    assert by_field["name"] == "必须填写联系人姓名 / contact name is required"
    assert "not a phone number" in by_field["phone"]
    assert "not an e-mail address" in by_field["email"]
    assert clean_contact({"title": "CEO"}, partial=True)[1] == []


def test_problem_text_names_its_place():
    from expo_desk.errors import Problem, ValidationError

    problem = Problem("email", "bad", where="contact 2")
    assert str(problem) == "contact 2:email: bad"
    error = ValidationError([Problem("name", "required"), problem])
    assert str(error).splitlines() == ["name: required", "contact 2:email: bad"]
