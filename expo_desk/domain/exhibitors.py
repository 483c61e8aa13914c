"""What makes an exhibitor record valid, in words a person understands (zh / en)."""

from __future__ import annotations

import re
import unicodedata

from expo_desk.errors import Problem

MAX_NAME = 200
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[+()\d][\d\s()\-+/转#ext.]{4,30}$")

EXHIBITOR_FIELDS = (
    "company_name",
    "company_name_en",
    "sector",
    "phone",
    "email",
    "website",
    "address",
    "expected_value_fen",
    "account_manager_id",
    "notes",
)
CONTACT_FIELDS = ("name", "title", "phone", "email", "is_primary")


def normalise_company(name: str) -> str:
    """The key two spellings of one company share: width, case and spaces folded."""
    folded = unicodedata.normalize("NFKC", name or "").casefold()
    folded = folded.replace("（", "(").replace("）", ")")
    return re.sub(r"\s+", "", folded)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def check_phone(value: str, field: str = "phone") -> list[Problem]:
    if value and not _PHONE.match(value):
        return [Problem(field, f"电话号码格式不对 / not a phone number: '{value}'")]
    return []


def check_email(value: str, field: str = "email") -> list[Problem]:
    if value and not _EMAIL.match(value):
        return [Problem(field, f"邮箱格式不对 / not an e-mail address: '{value}'")]
    return []


def clean_exhibitor(values: dict, *, partial: bool = False) -> tuple[dict, list[Problem]]:
    """Trim and check exhibitor fields; ``partial`` for updates that touch only some.

    Returns the cleaned values and every problem found.
    """
    unknown = set(values) - set(EXHIBITOR_FIELDS)
    if unknown:
        raise KeyError(f"unknown exhibitor fields: {sorted(unknown)}")
    cleaned: dict = {}
    problems: list[Problem] = []
    for key, value in values.items():
        if key == "expected_value_fen":
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                problems.append(Problem(key, "期望值应为金额 / expected value must be an amount in fen"))
            elif value is not None and value < 0:
                problems.append(Problem(key, "期望值不能为负数 / expected value cannot be negative"))
            cleaned[key] = value
        elif key == "account_manager_id":
            cleaned[key] = value or None
        else:
            cleaned[key] = _text(value)
    if not partial or "company_name" in cleaned:
        name = cleaned.get("company_name", "")
        if not name:
            problems.append(Problem("company_name", "必须填写公司名称 / company name is required"))
        elif len(name) > MAX_NAME:
            problems.append(Problem("company_name", f"公司名称太长 / company name is longer than {MAX_NAME} characters"))
    if len(cleaned.get("company_name_en", "")) > MAX_NAME:
        problems.append(Problem("company_name_en", f"英文名称太长 / English name is longer than {MAX_NAME} characters"))
    problems += check_phone(cleaned.get("phone", ""))
    problems += check_email(cleaned.get("email", ""))
    return cleaned, problems


def clean_contact(values: dict, *, partial: bool = False) -> tuple[dict, list[Problem]]:
    """Trim and check a contact person's fields."""
    unknown = set(values) - set(CONTACT_FIELDS)
    if unknown:
        raise KeyError(f"unknown contact fields: {sorted(unknown)}")
    cleaned = {k: (bool(v) if k == "is_primary" else _text(v)) for k, v in values.items()}
    problems: list[Problem] = []
    if (not partial or "name" in cleaned) and not cleaned.get("name"):
        problems.append(Problem("name", "必须填写联系人姓名 / contact name is required"))
    problems += check_phone(cleaned.get("phone", ""))
    problems += check_email(cleaned.get("email", ""))
    return cleaned, problems
