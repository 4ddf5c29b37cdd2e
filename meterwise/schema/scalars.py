"""Scalar overrides: ``Decimal`` is exact money written in plain notation, never ``1E-12``.

strawberry's built-in ``Decimal`` serialises with ``str()``, which switches to scientific
notation for small amounts; clients parse money as a plain decimal string ("0.000000000001").
"""

from __future__ import annotations

import decimal
from typing import Any

from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.types.scalar import ScalarDefinition


def serialize_decimal(value: decimal.Decimal) -> str:
    return format(value, "f")


def parse_decimal(value: Any) -> decimal.Decimal:
    try:
        parsed = decimal.Decimal(str(value))
    except decimal.DecimalException:
        raise StrawberryInputCoercionError(f'Value cannot represent a Decimal: "{value}".'
                                           ) from None
    if not parsed.is_finite():
        raise StrawberryInputCoercionError("Decimal values must be finite.")
    return parsed


DECIMAL = ScalarDefinition(
    name="Decimal",
    description="Exact decimal (money), serialised as a plain string: \"12.34\".",
    specified_by_url=None,
    serialize=serialize_decimal,
    parse_value=parse_decimal,
    parse_literal=None,
    origin=decimal.Decimal,
)

SCALAR_OVERRIDES: dict[object, Any] = {decimal.Decimal: DECIMAL}
