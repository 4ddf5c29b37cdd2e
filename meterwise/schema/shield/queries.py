"""``securityEvents(first, after)``: owners and admins page through their account's events."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.identity.types import PageInfo
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.shield.cost import MAX_FIRST, paginated
from meterwise.schema.shield.types import (
    SecurityEvent,
    SecurityEventConnection,
    SecurityEventEdge,
)
from meterwise.services import security_events
from meterwise.services.authz import Operation


@strawberry.type
class ShieldQuery:
    @strawberry.field(description=f"Security events, newest first (owners/admins); "
                                  f"`first` is 1 to {MAX_FIRST}.",
                      metadata=paginated(), extensions=operation(Operation.READ_SECURITY_EVENTS))
    async def security_events(self, info: Info, first: int,
                              after: str | None = None) -> SecurityEventConnection:
        page = await security_events.page(viewer_of(info), first=first, after=after)
        edges = [SecurityEventEdge(cursor=security_events.cursor_for(e),
                                   node=SecurityEvent.from_model(e)) for e in page.events]
        return SecurityEventConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=page.has_next,
                               end_cursor=edges[-1].cursor if edges else None),
        )
