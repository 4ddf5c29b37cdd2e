"""Guards in the GraphQL layer: query limits (depth, cost, shape) and the cost charged to
rate-limit buckets. Security events live in ``schema/security_events``.

``guard_extensions(settings)`` gives the schema its extension factories (one instance per
operation). Other domains declare list costs with ``cost.paginated()`` / ``cost.list_size()``.
"""

from __future__ import annotations

from collections.abc import Callable

from strawberry.extensions import SchemaExtension

from meterwise.config import Settings
from meterwise.schema.guards.limits import QueryLimits
from meterwise.schema.guards.operation_buckets import RateLimits

__all__ = ["guard_extensions"]


def guard_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Limits first (refuse before charging), then the rate limit."""
    return [QueryLimits.factory(settings), RateLimits.factory(settings)]
