"""``securityEvents(first, after)``: owners and admins page through their account's events."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.guards.cost import paginated
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.pagination import Connection, connection
from meterwise.schema.security_events.types import SecurityEvent
from meterwise.services import security_events
from meterwise.services.authz import Operation
from meterwise.services.pagination import MAX_PAGE


@strawberry.type
class SecurityEventsQuery:
    @strawberry.field(description=f"Security events, newest first (owners/admins); "
                                  f"`first` is 0 to {MAX_PAGE}.",
                      metadata=paginated(), extensions=operation(Operation.READ_SECURITY_EVENTS))
    async def security_events(self, info: Info, first: int,
                              after: str | None = None) -> Connection[SecurityEvent]:
        page = await security_events.page(viewer_of(info), first=first, after=after)
        return connection(page, "created_at", SecurityEvent.from_model)
