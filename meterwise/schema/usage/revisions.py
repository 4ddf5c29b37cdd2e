"""``usageRevisions(filter, first, after)``: what providers revised after first reporting.

Each node is one line of one bucket that changed (CHANGED), appeared (ADDED) or went away
(REMOVED) after the bucket had been read complete, with old and new cost and tokens and the
sync run that saw it. Newest revision first; keyset-paginated like ``auditLog``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from meterwise.models.usage import RevisionKind
from meterwise.models.usage import UsageRevision as UsageRevisionModel
from meterwise.schema.context import Info
from meterwise.schema.enums import ProviderKind
from meterwise.schema.guards.cost import paginated
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.pagination import Connection, connection
from meterwise.schema.usage.types import UsageFilter
from meterwise.services.analytics.revisions import revisions_query
from meterwise.services.authz import Operation
from meterwise.services.pagination import MAX_PAGE, paginate

strawberry.enum(RevisionKind, name="UsageRevisionKind",
                description="A line the provider changed, added or removed after the bucket "
                "had been reported in full.")


def _none(value: str) -> str | None:
    return value or None


@strawberry.type(description="One provider revision of one line of one bucket.")
class UsageRevision:
    id: strawberry.ID
    kind: RevisionKind
    bucket_start: datetime
    provider: ProviderKind
    connection_id: strawberry.ID
    source: str = strawberry.field(description="`usage` (tokens) or `cost` (reported cost).")
    origin: str = strawberry.field(description="The provider endpoint the line came from.")
    model: str | None
    project: str | None
    api_key: str | None = strawberry.field(description="The provider's key id, not a secret.")
    line_item: str | None
    currency: str
    old_cost: Decimal | None
    new_cost: Decimal | None
    cost_delta: Decimal = strawberry.field(description="newCost - oldCost (null counts as 0).")
    old_input_tokens: float
    new_input_tokens: float
    old_output_tokens: float
    new_output_tokens: float
    old_requests: float
    new_requests: float
    sync_run_id: strawberry.ID | None
    revised_at: datetime

    @classmethod
    def from_model(cls, row: UsageRevisionModel) -> UsageRevision:
        return cls(
            id=strawberry.ID(str(row.id)), kind=row.kind, bucket_start=row.bucket_start,
            provider=ProviderKind(row.provider),
            connection_id=strawberry.ID(str(row.connection_id)), source=row.source,
            origin=row.origin, model=_none(row.model), project=_none(row.project),
            api_key=_none(row.api_key_id), line_item=_none(row.line_item),
            currency=row.currency, old_cost=row.old_cost, new_cost=row.new_cost,
            cost_delta=(row.new_cost or Decimal(0)) - (row.old_cost or Decimal(0)),
            old_input_tokens=row.old_input_tokens, new_input_tokens=row.new_input_tokens,
            old_output_tokens=row.old_output_tokens, new_output_tokens=row.new_output_tokens,
            old_requests=row.old_requests, new_requests=row.new_requests,
            sync_run_id=strawberry.ID(str(row.sync_run_id)) if row.sync_run_id else None,
            revised_at=row.revised_at,
        )


@strawberry.type
class UsageRevisionsQuery:
    @strawberry.field(description=f"Provider revisions of the account's usage in the filter's "
                                  f"range, newest first; `first` is 0 to {MAX_PAGE}.",
                      metadata=paginated(), extensions=operation(Operation.READ_USAGE_REVISIONS))
    async def usage_revisions(self, info: Info, filter: UsageFilter, first: int | None = 50,
                              after: str | None = None) -> Connection[UsageRevision]:
        query = revisions_query(
            viewer_of(info), start=filter.from_, end=filter.to,
            providers=filter.provider_names(),
            connection_ids=[str(i) for i in filter.connection_ids]
            if filter.connection_ids is not None else None,
            models=filter.models, projects=filter.projects)
        page = await paginate(query, first=first, after=after, order_by="revised_at")
        return connection(page, "revised_at", UsageRevision.from_model)
