"""One vocabulary per concept, over a real server: what the sync publishes, clients can read.

Before one ``SyncStatus``, the subscription's ``SyncState`` lacked PARTIAL (added to runs
later), so the first run with a failed endpoint broke every open ``syncStatus`` stream of
its account instead of telling the dashboard.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest
from tortoise import connections

from meterwise import pubsub
from meterwise.config import ProviderKind, Settings
from meterwise.models.shield import SecurityEvent, SecurityEventKind, Severity
from meterwise.models.usage import SyncRun, SyncStatus
from meterwise.services import security_events
from meterwise.services.analytics.live import SyncStatusChanged
from meterwise.services.security_events import SecurityEventRecorded
from tests.adversary.support import LiveServer, LiveSocket
from tests.support.identity import signed_in
from tests.usage.data import add_connection

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


SYNC_NOW = ("mutation($id: ID!) { syncConnection(id: $id) { alreadyActive "
            "run { id status trigger } errors { code } } }")


async def test_a_sync_run_reads_the_same_over_http_socket_and_stream(
        live: LiveServer, redis_url: str, redis_prefix: str) -> None:
    """Before one vocabulary, ``syncConnection`` said "queued" where ``syncStatus`` said
    QUEUED for the same run: a client comparing them never matched."""
    token, who = await signed_in()
    connection = await add_connection(who.account_id, ProviderKind.ANTHROPIC, "Claude")
    over_http = (await live.gql(SYNC_NOW, {"id": str(connection.id)}, token=token)
                 )["data"]["syncConnection"]
    assert over_http["errors"] == [] and over_http["alreadyActive"] is False
    run = over_http["run"]
    assert (run["status"], run["trigger"]) == ("QUEUED", "MANUAL")
    stored = await SyncRun.get(id=run["id"])
    bus = pubsub.RedisBus(redis_url, prefix=f"{redis_prefix}d")  # the live server's prefix
    try:
        async with live.socket(token) as socket:
            over_socket = (await socket.execute(SYNC_NOW, {"id": str(connection.id)})
                           )["data"]["syncConnection"]
            assert over_socket["alreadyActive"] is True
            assert over_socket["run"] == run
            assert (await socket.receive(10))["type"] == "complete"
            await socket.subscribe(SYNC_STATUS)
            await listening(socket, bus, who.account_id)
            # what the runner publishes for the stored run (the one payload encoder)
            await bus.publish(pubsub.account_channel(who.account_id), SyncStatusChanged(
                connection_id=connection.id, status=SyncStatus(stored.status),
                run_id=stored.id).payload())
            while True:  # late probes of ``listening`` may still arrive first
                message = await socket.receive(10)
                streamed = message["payload"]["data"]["syncStatus"]
                if streamed["runId"] == run["id"]:
                    break
    finally:
        await bus.close()
    assert streamed["status"] == run["status"] == "QUEUED"


async def test_one_provider_kind_names_on_the_api_and_values_in_the_database(
        live: LiveServer) -> None:
    token, who = await signed_in()
    connection = await add_connection(who.account_id, ProviderKind.OPENROUTER, "Router")
    listed = (await live.gql("{ connections { id provider } }", token=token))["data"]
    assert listed["connections"] == [{"id": str(connection.id), "provider": "OPENROUTER"}]
    rows = await connections.get("default").execute_query_dict(
        "SELECT provider FROM provider_connection WHERE id = $1", [connection.id])
    assert rows == [{"provider": "openrouter"}]
    assert Settings().provider_base_url(ProviderKind.OPENROUTER) == (
        "https://openrouter.ai/api/v1")  # METERWISE_PROVIDER_OPENROUTER_BASE_URL's default


async def test_a_security_event_kind_reads_the_same_on_query_and_stream(
        live: LiveServer, redis_url: str, redis_prefix: str) -> None:
    token, who = await signed_in(mfa=True)
    await security_events.record(SecurityEventKind.LOGIN_NEW_DEVICE, account_id=who.account_id,
                                 severity=Severity.MEDIUM, details={"ip": "192.0.2.1"})
    queried = (await live.gql("{ securityEvents(first: 5) { edges { node { id kind } } } }",
                              token=token))["data"]["securityEvents"]["edges"]
    assert [edge["node"]["kind"] for edge in queried] == ["LOGIN_NEW_DEVICE"]
    stored = await SecurityEvent.get(id=queried[0]["node"]["id"])
    assert stored.kind == "login_new_device"  # the webhook and the database keep the value
    bus = pubsub.RedisBus(redis_url, prefix=f"{redis_prefix}d")
    try:
        async with live.socket(token) as socket:
            await socket.subscribe("subscription { securityEventRecorded { id kind } }")
            for _ in range(50):  # until the subscription delivers
                # a malformed payload (an unknown kind) is dropped, not the stream
                await bus.publish(security_events.channel(who.account_id),
                                  {**SecurityEventRecorded.from_model(stored).payload(),
                                   "kind": "not_a_kind"})
                await bus.publish(security_events.channel(who.account_id),
                                  SecurityEventRecorded.from_model(stored).payload())
                try:
                    message = await socket.receive(0.2)
                except TimeoutError:
                    continue
                break
            else:
                raise AssertionError("the securityEventRecorded subscription never started")
    finally:
        await bus.close()
    assert message["payload"]["data"]["securityEventRecorded"] == queried[0]["node"]
