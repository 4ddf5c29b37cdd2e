"""The GraphQL schema: one package per domain, merged here into the root types."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from meterwise.schema.core.queries import CoreQuery

Query = merge_types("Query", (CoreQuery,))


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(query=Query)
