"""``usage(filter, groupBy, granularity)``: a thin resolver over the analytics service.

A range or filter the user can fix comes back as a GraphQL error with
``extensions.code = INVALID_INPUT`` and ``extensions.field`` (``usage`` returns a
``UsageReport!``, so there is no payload to carry ``errors``; the operation extension maps it).
"""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.usage.types import UsageFilter, UsageReport
from meterwise.services.analytics.query import Dimension, Granularity, build_request
from meterwise.services.analytics.report import run_report
from meterwise.services.authz import Operation


@strawberry.type
class UsageQuery:
    @strawberry.field(description="Spend and tokens over time for the caller's account.",
                      extensions=operation(Operation.READ_USAGE))
    async def usage(self, info: Info, filter: UsageFilter,
                    group_by: list[Dimension] | None = [],  # noqa: B006 - the public contract's `= []`
                    granularity: Granularity | None = Granularity.DAY) -> UsageReport:
        request = build_request(
            viewer_of(info).account_id, start=filter.from_, end=filter.to,
            granularity=granularity or Granularity.DAY,
            group_by=group_by or (), providers=filter.provider_names(),
            connection_ids=[str(i) for i in filter.connection_ids]
            if filter.connection_ids is not None else None,
            models=filter.models, projects=filter.projects,
        )
        report = await run_report(request)
        return UsageReport.from_report(report)
