"""Usage report types (names fixed by the public contract), mapped explicitly from services."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import strawberry

from meterwise.models.usage import CostBasis
from meterwise.schema.connections.types import ProviderConnection
from meterwise.schema.context import Info
from meterwise.schema.enums import ProviderKind
from meterwise.schema.guards.cost import sized_by_parent
from meterwise.schema.usage.loaders import connection_loader
from meterwise.services.analytics.query import Dimension, Granularity, bucket_count, max_span
from meterwise.services.analytics.report import Report, ReportPoint
from meterwise.services.analytics.settings import usage_settings

strawberry.enum(Granularity, name="Granularity", description="Bucket width, in UTC; WEEK is "
                "an ISO week (Monday start).")
strawberry.enum(Dimension, name="UsageDimension")
strawberry.enum(CostBasis, name="CostBasis", description="Where a cost comes from: the "
                "provider's cost report, an estimate from list prices, both, or neither.")


@strawberry.input(description="`from` inclusive, `to` exclusive (UTC). Empty lists do not "
                  "filter; ids that are not the account's match nothing.")
class UsageFilter:
    from_: datetime = strawberry.field(name="from")
    to: datetime
    providers: list[ProviderKind] | None = None
    connection_ids: list[strawberry.ID] | None = None
    models: list[str] | None = None
    projects: list[str] | None = None

    def provider_names(self) -> list[str] | None:
        if self.providers is None:
            return None
        return [kind.value for kind in self.providers]


@strawberry.type(description="One bucket of one combination of the grouped dimensions; "
                 "dimensions not grouped by are null.")
class UsagePoint:
    bucket_start: datetime
    provider: ProviderKind | None
    connection_id: strawberry.ID | None
    model: str | None
    project: str | None
    api_key: str | None = strawberry.field(description="The provider's key id, not a secret.")
    currency: str
    cost: Decimal
    cost_basis: CostBasis
    input_tokens: float = strawberry.field(
        description="Every input token: uncached, cached reads and cache writes.")
    output_tokens: float
    cached_input_tokens: float = strawberry.field(description="Cached reads among inputTokens.")
    requests: float

    @strawberry.field(description="The connection (when grouped by CONNECTION), batched.")
    async def connection(self, info: Info) -> ProviderConnection | None:
        if self.connection_id is None:
            return None
        row = await connection_loader(info.context).load(UUID(str(self.connection_id)))
        return None if row is None else ProviderConnection.from_model(row)

    @classmethod
    def from_point(cls, point: ReportPoint) -> UsagePoint:
        return cls(
            bucket_start=point.bucket_start,
            provider=ProviderKind(point.provider) if point.provider else None,
            connection_id=strawberry.ID(str(point.connection_id)) if point.connection_id
            else None,
            model=point.model,
            project=point.project,
            api_key=point.api_key_id,
            currency=point.currency,
            cost=point.cost,
            cost_basis=point.cost_basis,
            input_tokens=point.input_tokens,
            output_tokens=point.output_tokens,
            cached_input_tokens=point.cached_input_tokens,
            requests=point.requests,
        )


_ANY_START = datetime(2000, 1, 3, tzinfo=UTC)  # a Monday: an aligned start of every width


def series_size(arguments: Mapping[str, Any]) -> int:
    """The query cost of ``usage(...) { series }``: its buckets, known before execution.

    Buckets of ``granularity`` in [from, to), the range capped at the widest the report
    allows (wider is refused before anything is read) and at ``max_points``; missing or
    unreadable arguments count as that widest range. Grouping is not multiplied in: how
    many models or projects a bucket splits into is only known from the data, and
    ``max_points`` bounds the series when the report runs.
    """
    granularity = Granularity(arguments.get("granularity") or Granularity.DAY)
    widest = max_span(granularity)
    filter_ = arguments.get("filter")
    start = filter_.get("from") if isinstance(filter_, Mapping) else None
    end = filter_.get("to") if isinstance(filter_, Mapping) else None
    if isinstance(start, datetime) and isinstance(end, datetime):
        buckets = bucket_count(start, min(end, start + widest), granularity)
    else:
        buckets = bucket_count(_ANY_START, _ANY_START + widest, granularity)
    return min(buckets, usage_settings().max_points)


@strawberry.type(description="Totals over the filter and the series; buckets without usage "
                 "are omitted from `series`.")
class UsageReport:
    currency: str
    total_cost: Decimal
    cost_basis: CostBasis
    input_tokens: float
    output_tokens: float
    cached_input_tokens: float
    requests: float
    series: list[UsagePoint] = strawberry.field(metadata=sized_by_parent(series_size))

    @classmethod
    def from_report(cls, report: Report) -> UsageReport:
        return cls(
            currency=report.currency,
            total_cost=report.total_cost,
            cost_basis=report.cost_basis,
            input_tokens=report.input_tokens,
            output_tokens=report.output_tokens,
            cached_input_tokens=report.cached_input_tokens,
            requests=report.requests,
            series=[UsagePoint.from_point(point) for point in report.series],
        )
