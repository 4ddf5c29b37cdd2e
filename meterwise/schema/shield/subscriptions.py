"""``securityEventRecorded``: each new event of the caller's account, live (owners/admins)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from meterwise import pubsub
from meterwise.schema.context import Info
from meterwise.schema.shield.types import SecurityEvent
from meterwise.services import security_events
from meterwise.services.authz import Operation, authorize


@strawberry.type
class ShieldSubscription:
    @strawberry.subscription(description="New security events of the caller's account.")
    async def security_event_recorded(self, info: Info) -> AsyncGenerator[SecurityEvent, None]:
        viewer = authorize(info.context.viewer, Operation.READ_SECURITY_EVENTS)
        async with pubsub.current().hub.subscribe(
            security_events.channel(viewer.account_id)
        ) as queue:
            while True:
                yield SecurityEvent.from_payload(await queue.get())
