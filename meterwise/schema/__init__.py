"""The GraphQL schema: one package per domain, merged here into the root types."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StreamResult
from strawberry.tools import merge_types
from strawberry.types.graphql import OperationType

from meterwise.config import Settings
from meterwise.schema.account_deletion.mutations import AccountDeletionMutation
from meterwise.schema.connections.mutations import ConnectionsMutation
from meterwise.schema.connections.queries import ConnectionsQuery
from meterwise.schema.context import Context
from meterwise.schema.errors import ErrorPolicy
from meterwise.schema.fast_leaves import execution_context_class
from meterwise.schema.guards import guard_extensions
from meterwise.schema.identity.mutations import IdentityMutation
from meterwise.schema.identity.queries import IdentityQuery
from meterwise.schema.live import operation_context
from meterwise.schema.notices.resolvers import (
    NoticesMutation,
    NoticesQuery,
    NoticesSubscription,
)
from meterwise.schema.reviews.mutations import ReviewsMutation
from meterwise.schema.reviews.queries import ReviewsQuery
from meterwise.schema.scalars import SCALAR_OVERRIDES
from meterwise.schema.security_events.queries import SecurityEventsQuery
from meterwise.schema.security_events.subscriptions import SecurityEventsSubscription
from meterwise.schema.spend.mutations import SpendMutation
from meterwise.schema.spend.queries import SpendQuery
from meterwise.schema.spend.subscriptions import SpendSubscription
from meterwise.schema.sync.mutations import SyncMutation
from meterwise.schema.usage.queries import UsageQuery
from meterwise.schema.usage.revisions import UsageRevisionsQuery
from meterwise.schema.usage.subscriptions import UsageSubscription

__all__ = ["MUTATIONS", "QUERIES", "SUBSCRIPTIONS", "MeterwiseSchema", "build_schema",
           "schema_config", "schema_extensions"]

# Each domain package contributes its root classes here (one line a domain).
QUERIES: tuple[type, ...] = (IdentityQuery, ConnectionsQuery, UsageQuery, SecurityEventsQuery,
                              UsageRevisionsQuery, SpendQuery, ReviewsQuery, NoticesQuery)
MUTATIONS: tuple[type, ...] = (IdentityMutation, ConnectionsMutation, SyncMutation,
                                AccountDeletionMutation, SpendMutation, ReviewsMutation,
                                NoticesMutation)
SUBSCRIPTIONS: tuple[type, ...] = (SecurityEventsSubscription, UsageSubscription, SpendSubscription,
                                    NoticesSubscription)


class MeterwiseSchema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        """``ErrorPolicy`` logs what it masks (redacted); don't log every error twice."""

    async def stream(
        self, query: str | None, variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None, root_value: Any | None = None,
        operation_name: str | None = None, operation_extensions: dict[str, Any] | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
    ) -> StreamResult:
        """Every operation on a WebSocket gets a context of its own, with the viewer
        resolved now (``live.operation_context``), exactly as an HTTP request would."""
        if isinstance(context_value, Context):
            context_value = await operation_context(context_value)
        return await super().stream(query, variable_values, context_value, root_value,
                                    operation_name, operation_extensions,
                                    allowed_operation_types)


def schema_extensions(settings: Settings) -> list[type[SchemaExtension] | Any]:
    """Extension classes/factories (never shared instances): errors, limits, rate limits."""
    return [ErrorPolicy, *guard_extensions(settings)]


def schema_config(settings: Settings) -> StrawberryConfig:
    return StrawberryConfig(disable_field_suggestions=settings.is_production)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or Settings()
    query = merge_types("Query", QUERIES)
    mutation = merge_types("Mutation", MUTATIONS) if MUTATIONS else None
    subscription = merge_types("Subscription", SUBSCRIPTIONS) if SUBSCRIPTIONS else None
    return MeterwiseSchema(
        query=query, mutation=mutation, subscription=subscription,
        extensions=schema_extensions(settings), config=schema_config(settings),
        scalar_overrides=SCALAR_OVERRIDES,
        execution_context_class=execution_context_class(),
    )
