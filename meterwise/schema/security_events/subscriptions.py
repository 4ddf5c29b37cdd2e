"""``securityEventRecorded``: each new event of the caller's account, live (owners/admins).

Streamed through ``live_payloads`` like every subscription: the credential is re-checked and
a revoked session or token (or a demotion below admin) closes the socket with 4403.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.live import live_payloads
from meterwise.schema.operations import operation
from meterwise.schema.security_events.types import SecurityEvent
from meterwise.services import security_events
from meterwise.services.authz import Operation


@strawberry.type
class SecurityEventsSubscription:
    @strawberry.subscription(description="New security events of the caller's account.",
                             extensions=operation(Operation.READ_SECURITY_EVENTS))
    async def security_event_recorded(self, info: Info) -> AsyncGenerator[SecurityEvent, None]:
        async for payload in live_payloads(info, Operation.READ_SECURITY_EVENTS,
                                           security_events.channel):
            event = security_events.SecurityEventRecorded.parse(payload)
            if event is not None:  # a malformed payload is dropped, not the stream
                yield SecurityEvent.from_event(event)
