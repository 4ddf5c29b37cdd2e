"""``usageUpdated`` and ``syncStatus`` over graphql-transport-ws, for the caller's account only.

Authentication, the credential re-check and the 4403 close on revocation are shared by every
subscription (``meterwise.schema.live``).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from datetime import datetime

import strawberry

from meterwise import pubsub
from meterwise.schema.context import Info
from meterwise.schema.enums import SyncStatus
from meterwise.schema.live import live_payloads
from meterwise.schema.operations import operation
from meterwise.services.analytics import live
from meterwise.services.authz import Operation


@strawberry.type(description="A sync changed rows of one connection in [from, to).")
class UsageUpdate:
    connection_id: strawberry.ID
    rows_changed: int
    from_: datetime = strawberry.field(name="from")
    to: datetime


@strawberry.type(description="A sync run of one connection changed state.")
class SyncStatusUpdate:
    connection_id: strawberry.ID
    status: SyncStatus
    run_id: strawberry.ID | None
    rows_changed: int | None
    error: str | None = strawberry.field(description="Why it failed (redacted), if it did.")


def _events(info: Info, event_type: type[live.E]) -> AsyncIterator[live.E]:
    payloads = live_payloads(info, Operation.READ_USAGE, pubsub.account_channel)
    return live.account_events(payloads, event_type)


@strawberry.type
class UsageSubscription:
    @strawberry.subscription(description="After each sync that changed rows of the account.",
                             extensions=operation(Operation.READ_USAGE))
    async def usage_updated(self, info: Info) -> AsyncGenerator[UsageUpdate, None]:
        async for event in _events(info, live.UsageUpdated):
            yield UsageUpdate(connection_id=strawberry.ID(str(event.connection_id)),
                              rows_changed=event.rows_changed, from_=event.start, to=event.end)

    @strawberry.subscription(description="Sync runs of the account starting, retrying, "
                             "succeeding or failing.", extensions=operation(Operation.READ_USAGE))
    async def sync_status(self, info: Info) -> AsyncGenerator[SyncStatusUpdate, None]:
        async for event in _events(info, live.SyncStatusChanged):
            yield SyncStatusUpdate(
                connection_id=strawberry.ID(str(event.connection_id)),
                status=event.status,
                run_id=strawberry.ID(str(event.run_id)) if event.run_id else None,
                rows_changed=event.rows_changed, error=event.error)
