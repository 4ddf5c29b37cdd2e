"""One vocabulary per concept, over a real server: what the sync publishes, clients can read.

Before one ``SyncStatus``, the subscription's ``SyncState`` lacked PARTIAL (added to runs
later), so the first run with a failed endpoint broke every open ``syncStatus`` stream of
its account instead of telling the dashboard.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest

from meterwise import pubsub
from meterwise.models.usage import SyncStatus
from tests.adversary.support import LiveServer, LiveSocket
from tests.support.identity import signed_in

pytestmark = pytest.mark.slow

SYNC_STATUS = "subscription { syncStatus { connectionId status runId rowsChanged error } }"


def status_event(connection_id: UUID, status: str, **extra: Any) -> dict[str, Any]:
    return {"type": "syncStatus", "connectionId": str(connection_id), "runId": str(uuid4()),
            "status": status, "attempt": 1, **extra}


async def listening(socket: LiveSocket, bus: pubsub.RedisBus, account_id: UUID) -> None:
    """Probe with a queued event until the server's subscription delivers one."""
    for _ in range(50):
        await bus.publish(pubsub.account_channel(account_id), status_event(uuid4(), "queued"))
        try:
            message = await socket.receive(0.2)
        except TimeoutError:
            continue
        assert message["type"] == "next", message
        return
    raise AssertionError("the syncStatus subscription never started")


async def test_every_sync_status_reaches_the_subscription(live: LiveServer, redis_url: str,
                                                         redis_prefix: str) -> None:
    token, who = await signed_in()
    bus = pubsub.RedisBus(redis_url, prefix=f"{redis_prefix}d")  # the live server's prefix
    connection_id = uuid4()
    try:
        async with live.socket(token) as socket:
            await socket.subscribe(SYNC_STATUS)
            await listening(socket, bus, who.account_id)
            seen = []
            for status in SyncStatus:
                await bus.publish(pubsub.account_channel(who.account_id), status_event(
                    connection_id, str(status), rowsChanged=3, error="one endpoint failed"))
                message = await socket.receive(10)
                assert message["type"] == "next", (status, message)
                assert "errors" not in message["payload"], (status, message)
                seen.append(message["payload"]["data"]["syncStatus"]["status"])
    finally:
        await bus.close()
    assert seen == [status.name for status in SyncStatus]
    assert "PARTIAL" in seen and "RETRYING" in seen
