"""The GraphQL schema: one package per domain, merged here into the root types."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.tools import merge_types

from meterwise.schema.connections.mutations import ConnectionsMutation
from meterwise.schema.connections.queries import ConnectionsQuery
from meterwise.schema.errors import ErrorPolicy
from meterwise.schema.identity.mutations import IdentityMutation
from meterwise.schema.identity.queries import IdentityQuery
from meterwise.schema.scalars import SCALAR_OVERRIDES
from meterwise.schema.usage.queries import UsageQuery

# Each domain package contributes its root classes here (one line a domain).
QUERIES: tuple[type, ...] = (IdentityQuery, ConnectionsQuery, UsageQuery)
MUTATIONS: tuple[type, ...] = (IdentityMutation, ConnectionsMutation)
SUBSCRIPTIONS: tuple[type, ...] = ()


class MeterwiseSchema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        """``ErrorPolicy`` logs what it masks (redacted); don't log every error twice."""


def build_schema() -> strawberry.Schema:
    query = merge_types("Query", QUERIES)
    mutation = merge_types("Mutation", MUTATIONS) if MUTATIONS else None
    subscription = merge_types("Subscription", SUBSCRIPTIONS) if SUBSCRIPTIONS else None
    return MeterwiseSchema(
        query=query, mutation=mutation, subscription=subscription, extensions=[ErrorPolicy],
        scalar_overrides=SCALAR_OVERRIDES,
    )
