"""Exact money parsing: numbers, long strings, scientific notation, cents; rows stay exact."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from meterwise.providers import ProviderResponseError, UsageRow, merge_rows
from meterwise.providers.money import cents_to_dollars, parse_json, to_decimal, to_int


def test_json_numbers_keep_every_digit() -> None:
    body = parse_json('{"a": 0.1, "b": 1.2e-05, "c": 123456789.123456789123456789, "n": 7}')
    assert body["a"] == Decimal("0.1")
    assert body["b"] == Decimal("0.000012")
    assert body["c"] == Decimal("123456789.123456789123456789")
    assert body["n"] == 7 and isinstance(body["n"], int)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0.000004500000000000000000000000000000000", Decimal("0.0000045")),
        ("0.4843741800000000000000000000", Decimal("0.48437418")),
        ("12.50", Decimal("12.5")),
        ("1.2e-05", Decimal("0.000012")),
        ("3.0864175E+0", Decimal("3.0864175")),
        ("0E-6176", Decimal(0)),
        ("1500", Decimal(1500)),
        (" 7.25 ", Decimal("7.25")),
        (Decimal("0.06"), Decimal("0.06")),
        (3, Decimal(3)),
        (None, Decimal(0)),
    ],
)
def test_to_decimal_accepts_every_observed_form(raw: object, expected: Decimal) -> None:
    assert to_decimal(raw, field="amount") == expected


def test_long_strings_are_not_rounded() -> None:
    raw = "1234567890.12345678901234567890123456789"
    assert str(to_decimal(raw, field="amount")) == raw


def test_trailing_zeros_are_dropped_but_integers_keep_their_form() -> None:
    assert str(to_decimal("12.5000", field="x")) == "12.5"
    assert str(to_decimal("1500", field="x")) == "1500"


@pytest.mark.parametrize(
    ("cents", "dollars"),
    [("123.78912", "1.2378912"), ("0.1", "0.001"), ("1500", "15"), ("123.45", "1.2345"),
     ("0", "0"), ("98765432109876543210.123456789", "987654321098765432.10123456789")],
)
def test_anthropic_cents_become_exact_dollars(cents: str, dollars: str) -> None:
    assert cents_to_dollars(cents, field="amount") == Decimal(dollars)


@pytest.mark.parametrize("raw", ["abc", "NaN", "Infinity", True, [1], {"v": 1}])
def test_garbage_amounts_are_refused(raw: object) -> None:
    with pytest.raises(ProviderResponseError):
        to_decimal(raw, field="amount")


def test_json_nan_is_refused() -> None:
    with pytest.raises(ProviderResponseError):
        parse_json('{"a": NaN}')


def test_invalid_json_is_a_response_error() -> None:
    with pytest.raises(ProviderResponseError):
        parse_json("<html>gateway</html>")


def test_counts_default_to_zero_and_refuse_fractions() -> None:
    assert to_int(None, field="n") == 0
    assert to_int(Decimal("12.0"), field="n") == 12
    with pytest.raises(ProviderResponseError):
        to_int(Decimal("1.5"), field="n")


def _cost(amount: str, line_item: str = "x") -> UsageRow:
    return UsageRow(bucket_start=datetime(2026, 1, 1, tzinfo=UTC), bucket_width="1d",
                    source="cost", model="m", project=None, api_key_id=None,
                    line_item=line_item, cost=Decimal(amount))


def test_merge_rows_sums_duplicates_exactly() -> None:
    merged = merge_rows([_cost("0.1000000000000000000000000000001"), _cost("0.2"),
                         _cost("5", line_item="other")])
    assert [row.cost for row in merged] == [Decimal("0.3000000000000000000000000000001"),
                                            Decimal(5)]


def test_rows_refuse_naive_times_and_usage_cost() -> None:
    with pytest.raises(ValueError):
        UsageRow(bucket_start=datetime(2026, 1, 1), bucket_width="1d", source="usage",
                 model=None, project=None, api_key_id=None)
    with pytest.raises(ValueError):
        UsageRow(bucket_start=datetime(2026, 1, 1, tzinfo=UTC), bucket_width="1d",
                 source="usage", model=None, project=None, api_key_id=None, cost=Decimal(1))
