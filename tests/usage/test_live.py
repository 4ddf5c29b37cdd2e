"""Subscriptions on a real ``meterwise serve`` process: auth at connection_init, account
scoping, events crossing processes through Redis, and revocation closing the socket."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from meterwise.models.identity import Role, Session
from meterwise.pubsub import RedisBus
from tests.support.identity import signed_in
from tests.support.processes import clean_env, free_port, spawn, wait_http

pytestmark = pytest.mark.slow

USAGE_UPDATED = "subscription { usageUpdated { connectionId rowsChanged from to } }"
PROTOCOL = "graphql-transport-ws"


@pytest.fixture(scope="module")
def server(database_url: str, redis_url: str, redis_prefix: str, data_dir: Path
           ) -> Iterator[str]:
    """One API process in production topology (PostgreSQL + Redis), credentials re-checked
    twice a second so revocation tests stay fast."""
    port = free_port()
    env = clean_env(database_url=database_url, redis_url=redis_url, redis_prefix=redis_prefix,
                    data_dir=str(data_dir), usage_live_recheck_seconds="0.5")
    with spawn(["serve", "--port", str(port)], env) as proc:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc)
        yield f"ws://127.0.0.1:{port}/graphql"


@pytest.fixture
async def bus(redis_url: str, redis_prefix: str) -> AsyncIterator[RedisBus]:
    """A publisher in this (test) process: events reach the server only through Redis."""
    publisher = RedisBus(redis_url, prefix=redis_prefix)
    yield publisher
    await publisher.close()


async def open_socket(url: str, token: str | None) -> ClientConnection:
    socket = await connect(url, subprotocols=[PROTOCOL])  # type: ignore[list-item]
    payload = {"authorization": f"Bearer {token}"} if token else {}
    await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
    return socket


async def subscribe(url: str, token: str, query: str = USAGE_UPDATED) -> ClientConnection:
    socket = await open_socket(url, token)
    ack = json.loads(await asyncio.wait_for(socket.recv(), 5))
    assert ack["type"] == "connection_ack", ack
    await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
    return socket


async def next_event(socket: ClientConnection, timeout: float) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(socket.recv(), timeout))
    assert message["type"] == "next", message
    data: dict[str, Any] = message["payload"]["data"]
    return data


def usage_event(connection_id: UUID, rows: int) -> dict[str, Any]:
    return {"type": "usageUpdated", "connectionId": str(connection_id), "rowsChanged": rows,
            "from": "2027-01-01T00:00:00+00:00", "to": "2027-01-02T00:00:00+00:00"}


async def until_listening(socket: ClientConnection, bus: RedisBus, account_id: UUID) -> None:
    """Probe until the server's subscription is live (subscribe has no acknowledgement)."""
    probe = uuid4()
    for _ in range(50):
        await bus.publish(f"account:{account_id}", usage_event(probe, 0))
        try:
            await next_event(socket, 0.1)
            break
        except TimeoutError:
            continue
    else:
        raise AssertionError("the subscription never started")
    while True:  # drain late probes
        try:
            await next_event(socket, 0.2)
        except TimeoutError:
            return


async def test_usage_updated_crosses_processes_within_a_second_and_only_to_its_account(
        server: str, bus: RedisBus, client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.VIEWER)
    other_token, other = await signed_in(client)
    mine = await subscribe(server, token)
    theirs = await subscribe(server, other_token)
    await until_listening(mine, bus, who.account_id)
    await until_listening(theirs, bus, other.account_id)
    connection_id = uuid4()

    started = time.monotonic()
    await bus.publish(f"account:{who.account_id}", usage_event(connection_id, 42))
    received = await next_event(mine, 1.0)
    elapsed = time.monotonic() - started

    assert received == {"usageUpdated": {
        "connectionId": str(connection_id), "rowsChanged": 42,
        "from": "2027-01-01T00:00:00+00:00", "to": "2027-01-02T00:00:00+00:00"}}
    assert elapsed < 1.0
    with pytest.raises(TimeoutError):
        await next_event(theirs, 0.5)
    await mine.close()
    await theirs.close()


async def test_connection_init_without_a_valid_token_is_closed_with_4403(
        server: str, client: httpx.AsyncClient) -> None:
    for token in (None, "mws_not-a-real-token"):
        socket = await open_socket(server, token)
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), 5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403


async def test_revoking_the_session_closes_the_subscription(
        server: str, bus: RedisBus, client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.MEMBER)
    socket = await subscribe(server, token)
    await until_listening(socket, bus, who.account_id)

    await Session.filter(user_id=who.user_id).update(revoked_at=datetime.now(UTC))

    with pytest.raises(ConnectionClosed) as closed:
        while True:  # nothing but the close may arrive now
            await asyncio.wait_for(socket.recv(), 3)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
