"""Run a usage report: one SQL statement, aggregated in PostgreSQL, mapped to plain values.

Money stays ``Decimal`` end to end (trailing zeros trimmed to at least two places); token and
request counts are floats because the API's ``Float`` carries sums beyond 32 bits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Any
from uuid import UUID

from tortoise import connections

from meterwise.models.usage import CostBasis
from meterwise.services.analytics.query import ReportRequest, build_sql
from meterwise.services.analytics.settings import usage_settings
from meterwise.services.errors import UserErrorCode, UserInputError

DEFAULT_CURRENCY = "USD"
ZERO = Decimal("0.00")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ReportPoint:
    bucket_start: datetime
    provider: str | None
    connection_id: UUID | None
    model: str | None
    project: str | None
    api_key_id: str | None
    currency: str
    cost: Decimal
    cost_basis: CostBasis
    input_tokens: float
    output_tokens: float
    cached_input_tokens: float
    requests: float


@dataclass(frozen=True)
class Report:
    """Totals (in ``currency``) and the series. Points in another currency, should a
    connection ever report one, stay in the series with their own currency but are not added
    to ``total_cost``; ``currencies`` lists every currency seen."""

    currency: str
    currencies: tuple[str, ...]
    total_cost: Decimal
    cost_basis: CostBasis
    input_tokens: float
    output_tokens: float
    cached_input_tokens: float
    requests: float
    series: list[ReportPoint]


async def run_report(request: ReportRequest) -> Report:
    """The report for ``request`` (already scoped to its account by ``build_request``)."""
    cap = usage_settings().max_points
    sql, args = build_sql(request, limit=cap + 64)  # + one totals row per currency
    _, rows = await connections.get("default").execute_query(sql, args)
    return assemble(request, rows, cap=cap)


def assemble(request: ReportRequest, rows: list[Any], *, cap: int) -> Report:
    totals = [row for row in rows if row["is_total"]]
    series = [_point(request, row) for row in rows if not row["is_total"]]
    if len(series) > cap:
        raise UserInputError(
            UserErrorCode.INVALID_INPUT,
            f"The report would have more than {cap} points; narrow the range, the filters or "
            "the grouping.", "groupBy")
    by_currency = {row["currency"]: row for row in totals}
    currency = _main_currency(by_currency)
    main = by_currency.get(currency)
    if main is None:
        return Report(currency=currency, currencies=(), total_cost=money(None),
                      cost_basis=CostBasis.NONE, input_tokens=0.0, output_tokens=0.0,
                      cached_input_tokens=0.0, requests=0.0, series=series)
    return Report(
        currency=currency, currencies=tuple(sorted(by_currency)),
        total_cost=money(main["cost"]),
        cost_basis=cost_basis(main["reported_rows"], main["estimated_rows"]),
        input_tokens=float(sum(row["input_tokens"] for row in totals)),
        output_tokens=float(sum(row["output_tokens"] for row in totals)),
        cached_input_tokens=float(sum(row["cached_input_tokens"] for row in totals)),
        requests=float(sum(row["requests"] for row in totals)),
        series=series,
    )


def _main_currency(by_currency: dict[str, Any]) -> str:
    if DEFAULT_CURRENCY in by_currency or not by_currency:
        return DEFAULT_CURRENCY
    return sorted(by_currency)[0]


def _point(request: ReportRequest, row: Any) -> ReportPoint:
    return ReportPoint(
        bucket_start=row["bucket"],
        provider=_dimension(row, "provider"),
        connection_id=row.get("connection_id"),
        model=_dimension(row, "model"),
        project=_dimension(row, "project"),
        api_key_id=_dimension(row, "api_key_id"),
        currency=row["currency"],
        cost=money(row["cost"]),
        cost_basis=cost_basis(row["reported_rows"], row["estimated_rows"]),
        input_tokens=row["input_tokens"],
        output_tokens=row["output_tokens"],
        cached_input_tokens=row["cached_input_tokens"],
        requests=row["requests"],
    )


def _dimension(row: Any, column: str) -> str | None:
    """Stored ``""`` (an absent key) is shown as null; ungrouped dimensions are null too."""
    value = row.get(column)
    return value or None


def cost_basis(reported_rows: int, estimated_rows: int) -> CostBasis:
    if reported_rows and estimated_rows:
        return CostBasis.MIXED
    if reported_rows:
        return CostBasis.REPORTED
    if estimated_rows:
        return CostBasis.ESTIMATED
    return CostBasis.NONE


def money(value: Decimal | None) -> Decimal:
    """Exact, at least two decimals: 12.34 stays, 5 -> 5.00, 1E-12 stays (shown 0.000000000001).

    The SQL already trims the column's trailing zeros (``trim_scale``); this only pads, on
    the digits (no context rounding), so no sum is ever rounded."""
    if value is None or value.is_zero():
        return ZERO
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "finite sums only"
    if exponent <= -2:
        return value
    kept = list(digits)
    while exponent > -2:
        kept.append(0)
        exponent -= 1
    return Decimal((sign, tuple(kept), exponent))


def in_cents(value: Decimal | float) -> Decimal:
    """Money for people to read (alert messages, mail): to the cent, half to even. Stored
    and computed amounts stay exact; only what is shown is rounded."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(CENT, rounding=ROUND_HALF_EVEN)


def whole_percent(value: float) -> int:
    """A percentage for people to read, rounded down: 99.6 % used is not yet 100 %."""
    return int(Decimal(str(value)).to_integral_value(rounding=ROUND_FLOOR))
