"""The API shield in the GraphQL layer: query limits, rate limits, security events.

``shield_extensions(settings)`` gives the schema its extension factories (one instance per
operation). Other domains declare list costs with ``cost.paginated()`` / ``cost.list_size()``.
"""

from __future__ import annotations

from collections.abc import Callable

from strawberry.extensions import SchemaExtension

from meterwise.config import Settings
from meterwise.schema.shield.limits import QueryLimits
from meterwise.schema.shield.throttle import RateLimits

__all__ = ["shield_extensions"]


def shield_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Limits first (refuse before charging), then the rate limit."""
    return [QueryLimits.factory(settings), RateLimits.factory(settings)]
