"""``alertRaised`` over graphql-transport-ws: the caller's account, while its role may read
alerts (the shared path in ``meterwise.schema.live`` re-checks and closes with 4403)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from meterwise import pubsub
from meterwise.schema.context import Info
from meterwise.schema.live import live_payloads
from meterwise.schema.operations import operation
from meterwise.schema.spend.types import Alert
from meterwise.services.authz import Operation
from meterwise.services.spend.alerts import AlertRaised


@strawberry.type
class SpendSubscription:
    @strawberry.subscription(description="Each alert raised on the account.",
                             extensions=operation(Operation.READ_ALERTS))
    async def alert_raised(self, info: Info) -> AsyncGenerator[Alert, None]:
        async for payload in live_payloads(info, Operation.READ_ALERTS, pubsub.account_channel):
            event = AlertRaised.parse(payload)
            if event is not None:  # other types share the channel; malformed ones drop
                yield Alert.from_event(event)
