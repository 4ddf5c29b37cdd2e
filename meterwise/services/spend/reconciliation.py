"""Reconciliation: what the provider reported against what its usage costs at list price.

Per UTC day x connection x model: the provider-reported cost (``source = 'cost'`` rows), the
cost our price list (``services/sync/pricing``) computes from the same day's usage tokens,
the difference, and a named likely cause where one applies. This is why a tracked number
differs from the bill, made visible instead of argued about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise import connections

from meterwise.providers import UsageRow
from meterwise.services.analytics.query import ReportRequest
from meterwise.services.analytics.report import money
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.sync.pricing import estimate_cost

MAX_ROWS = 500
MAX_DAYS = 92
TOLERANCE = Decimal("0.01")  # a cent, or 1 % of the reported cost, whichever is larger


class LikelyCause(StrEnum):
    USAGE_WITHOUT_COST = "USAGE_WITHOUT_COST"  # the provider has not reported cost (yet)
    COST_WITHOUT_USAGE = "COST_WITHOUT_USAGE"  # billed, but no token usage reported
    PRICE_LIST_LACKS_MODEL = "PRICE_LIST_LACKS_MODEL"  # we cannot price this model
    CACHE_PRICING = "CACHE_PRICING"  # cached reads / cache writes priced differently
    TIER_PRICING = "TIER_PRICING"  # volume tiers, batch or priority pricing


@dataclass(frozen=True)
class ReconciliationRow:
    day: datetime
    connection_id: UUID
    provider: str
    model: str | None
    currency: str
    reported_cost: Decimal | None
    computed_cost: Decimal | None
    difference: Decimal
    likely_cause: LikelyCause | None
    input_tokens: int
    output_tokens: int
    cached_input_tokens: int
    cache_write_tokens: int


_SQL = (
    "SELECT date_trunc('day', bucket_start, 'UTC') AS day, connection_id, provider, model, "
    "currency, trim_scale(SUM(cost) FILTER (WHERE source = 'cost')) AS reported, "
    "COUNT(*) FILTER (WHERE source = 'cost') AS cost_rows, "
    "COALESCE(SUM(input_tokens) FILTER (WHERE source = 'usage'), 0) AS input_tokens, "
    "COALESCE(SUM(output_tokens) FILTER (WHERE source = 'usage'), 0) AS output_tokens, "
    "COALESCE(SUM(cached_input_tokens) FILTER (WHERE source = 'usage'), 0) AS cached, "
    "COALESCE(SUM(cache_write_tokens) FILTER (WHERE source = 'usage'), 0) AS cache_write "
    "FROM usage_record WHERE account_id = $1 AND bucket_start >= $2 AND bucket_start < $3"
    "{filters} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 4, 5 LIMIT {limit}"
)


async def reconcile(request: ReportRequest) -> list[ReconciliationRow]:
    """The rows of ``request``'s range and filters (already scoped to its account)."""
    if (request.end - request.start).days > MAX_DAYS:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"Reconciliation spans at most {MAX_DAYS} days.", "filter.from")
    args: list[Any] = [request.account_id, request.start, request.end]
    filters = ""
    for column, values, cast in (("provider", request.providers, "varchar[]"),
                                 ("connection_id", request.connection_ids, "uuid[]"),
                                 ("model", request.models, "varchar[]"),
                                 ("project", request.projects, "varchar[]")):
        if values is not None:
            args.append(list(values))
            filters += f" AND {column} = ANY(${len(args)}::{cast})"
    rows = await connections.get("default").execute_query_dict(
        _SQL.format(filters=filters, limit=MAX_ROWS + 1), args)
    if len(rows) > MAX_ROWS:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"More than {MAX_ROWS} rows; narrow the range or the filters.",
                             "filter.from")
    return [_row(row) for row in rows]


def _row(row: dict[str, Any]) -> ReconciliationRow:
    tokens = (int(row["input_tokens"]), int(row["output_tokens"]), int(row["cached"]),
              int(row["cache_write"]))
    reported = money(row["reported"]) if row["cost_rows"] else None
    computed = None
    if any(tokens[:2]):
        computed = estimate_cost(row["provider"], UsageRow(
            bucket_start=row["day"], bucket_width="1d", source="usage",
            model=row["model"] or None, project=None, api_key_id=None,
            input_tokens=tokens[0], output_tokens=tokens[1], cached_input_tokens=tokens[2],
            cache_write_tokens=tokens[3], currency=row["currency"]))
    difference = (reported or Decimal(0)) - (computed or Decimal(0))
    return ReconciliationRow(
        day=row["day"], connection_id=row["connection_id"], provider=row["provider"],
        model=row["model"] or None, currency=row["currency"], reported_cost=reported,
        computed_cost=None if computed is None else money(computed.normalize()),
        difference=money(difference.normalize()) if difference else money(None),
        likely_cause=likely_cause(reported, computed, tokens),
        input_tokens=tokens[0], output_tokens=tokens[1], cached_input_tokens=tokens[2],
        cache_write_tokens=tokens[3])


def likely_cause(reported: Decimal | None, computed: Decimal | None,
                 tokens: tuple[int, int, int, int]) -> LikelyCause | None:
    """The most likely reason reported and computed cost differ; None when they agree."""
    used = bool(tokens[0] or tokens[1])
    if reported is None:
        return LikelyCause.USAGE_WITHOUT_COST if used else None
    if not used:
        return LikelyCause.COST_WITHOUT_USAGE if reported else None
    if computed is None:
        return LikelyCause.PRICE_LIST_LACKS_MODEL
    if abs(reported - computed) <= max(TOLERANCE, abs(reported) / 100):
        return None
    return LikelyCause.CACHE_PRICING if tokens[2] or tokens[3] else LikelyCause.TIER_PRICING
