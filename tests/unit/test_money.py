"""Money typed by people becomes integer fen, and fen is printed back the same way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from expo_desk.domain.money import format_fen, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12345.60", 1_234_560),
        ("12,345.60", 1_234_560),
        ("12，345.6", 1_234_560),  # full-width comma
        ("¥12,345.60", 1_234_560),
        ("￥12345.6", 1_234_560),  # full-width yen sign
        ("12345.6元", 1_234_560),
        ("CNY 88", 8_800),
        ("rmb88", 8_800),
        ("  88  ", 8_800),
        ("0", 0),
        ("0.01", 1),
        (".5", 50),
        ("1.2万", 1_200_000),
        ("1.2万元", 1_200_000),
        ("¥3 万", 3_000_000),
        ("0.0001万", 100),
        ("-5", -500),
        ("-1,234.50", -123_450),
        ("-1万", -1_000_000),
        ("+7", 700),
        ("１２３", 12_300),  # full-width digits
        (12345, 1_234_500),
        (0.1, 10),
        (Decimal("19.99"), 1_999),
    ],
)
def test_parse_yuan_reads_what_people_type(text, fen):
    assert parse_yuan(text) == fen
    assert isinstance(parse_yuan(text), int)


@pytest.mark.parametrize("blank", [None, "", "   ", "\t\n"])
def test_blank_is_no_amount(blank):
    assert parse_yuan(blank) is None


@pytest.mark.parametrize("text", ["1.234", "0.001", "¥12,345.678", "0.0000001万"])
def test_more_than_two_decimals_is_refused(text):
    with pytest.raises(ValueError, match="more than two decimals"):
        parse_yuan(text)


@pytest.mark.parametrize("text", ["abc", "12元5角", "¥", "万", "1..2", "NaN", "Infinity", "--5", "(100)"])
def test_what_is_not_an_amount_is_refused(text):
    with pytest.raises(ValueError, match="not an amount"):
        parse_yuan(text)


def test_bool_is_not_an_amount():
    with pytest.raises(ValueError):
        parse_yuan(True)


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "¥0.00"),
        (1, "¥0.01"),
        (99, "¥0.99"),
        (100, "¥1.00"),
        (12_345_600, "¥123,456.00"),
        (123_456_789_01, "¥123,456,789.01"),
        (-1, "-¥0.01"),
        (-123_450, "-¥1,234.50"),
    ],
)
def test_format_fen(fen, text):
    assert format_fen(fen) == text


def test_format_fen_with_another_symbol():
    assert format_fen(250_000, symbol="€") == "€2,500.00"
    assert format_fen(250_000, symbol="") == "2,500.00"


@pytest.mark.parametrize("fen", [0, 1, 10, 99, 100, 1_234_560, -1, -99, -123_456_789])
def test_format_then_parse_round_trips(fen):
    assert parse_yuan(format_fen(fen)) == fen
