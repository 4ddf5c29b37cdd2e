"""Exact parsing of provider numbers: money is Decimal end to end, never a float.

Providers send amounts as JSON numbers, long decimal strings or scientific notation
("1.2e-05", "0E-6176"); Anthropic sends cents. Parse JSON with `parse_float=Decimal` so a JSON
number keeps every digit it was sent with.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from meterwise.providers.errors import ProviderResponseError


def _reject_constant(name: str) -> Any:
    raise ProviderResponseError(f"non-finite number {name} in provider response")


def parse_json(text: str) -> Any:
    """Decode a provider body; floats become Decimal, NaN/Infinity are refused."""
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except ValueError as exc:
        reason = exc.__class__.__name__
        raise ProviderResponseError(f"provider sent invalid JSON ({reason})") from None


def _strip_fraction_zeros(value: Decimal) -> Decimal:
    """Drop trailing zeros after the point, exactly (no context rounding); 0 becomes 0."""
    if value.is_zero():
        return Decimal(0)
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    digit_list = list(digits)
    while exponent < 0 and len(digit_list) > 1 and digit_list[-1] == 0:
        digit_list.pop()
        exponent += 1
    return Decimal((sign, tuple(digit_list), exponent))


def to_decimal(value: object, *, field: str) -> Decimal:
    """A money/number field as an exact Decimal; absent (None) counts as 0."""
    if value is None:
        return Decimal(0)
    if isinstance(value, bool):
        raise ProviderResponseError(f"field {field!r} is a boolean, expected a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ProviderResponseError(f"field {field!r} is not a number") from None
    else:
        raise ProviderResponseError(f"field {field!r} has type {type(value).__name__}")
    if not result.is_finite():
        raise ProviderResponseError(f"field {field!r} is not finite")
    return _strip_fraction_zeros(result)


def cents_to_dollars(value: object, *, field: str) -> Decimal:
    """Cents (Anthropic) to dollars by moving the decimal point: exact at any length."""
    cents = to_decimal(value, field=field)
    if cents.is_zero():
        return Decimal(0)
    sign, digits, exponent = cents.as_tuple()
    assert isinstance(exponent, int)
    return _strip_fraction_zeros(Decimal((sign, digits, exponent - 2)))


def to_int(value: object, *, field: str) -> int:
    """A count field; absent (None) counts as 0, integral decimals are accepted."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise ProviderResponseError(f"field {field!r} is a boolean, expected an integer")
    if isinstance(value, int):
        return value
    number = to_decimal(value, field=field)
    if number != number.to_integral_value():
        raise ProviderResponseError(f"field {field!r} is not an integer")
    return int(number)


def opt_str(value: object, *, field: str) -> str | None:
    """A nullable grouping key: None stays None, other scalars become str."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    raise ProviderResponseError(f"field {field!r} has type {type(value).__name__}")


def str_at(record: Mapping[str, Any], key: str) -> str | None:
    """``record[key]`` through ``opt_str``, its errors naming ``key`` (written once)."""
    return opt_str(record.get(key), field=key)


def int_at(record: Mapping[str, Any], key: str) -> int:
    """``record[key]`` through ``to_int``, its errors naming ``key`` (written once)."""
    return to_int(record.get(key), field=key)


def decimal_at(record: Mapping[str, Any], key: str) -> Decimal:
    """``record[key]`` through ``to_decimal``, its errors naming ``key`` (written once)."""
    return to_decimal(record.get(key), field=key)
