"""Subscriptions on a real ``meterwise serve`` process: auth at connection_init, account
scoping, events crossing processes through Redis (from this process, and from a real
``meterwise worker`` finishing a sync), and revocation closing the socket: at once on the
revocation notice, and by the periodic re-check as a safety net."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes, start_fakes
from meterwise.models.identity import Membership, Role, Session
from meterwise.models.usage import SyncRun
from meterwise.pubsub import RedisBus, account_channel
from meterwise.services import security_events
from tests.support.identity import gql, signed_in
from tests.support.processes import clean_env, free_port, read_all, spawn, wait_http
from tests.sync.support import add_connection, provider_env

pytestmark = pytest.mark.slow

USAGE_UPDATED = "subscription { usageUpdated { connectionId rowsChanged from to } }"
SYNC_STATUS = "subscription { syncStatus { connectionId status runId rowsChanged error } }"
SECURITY_EVENTS = "subscription { securityEventRecorded { id kind } }"
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


@pytest.fixture(scope="module")
def fakes() -> Iterator[Fakes]:
    with start_fakes(seed=6, days=30) as running:
        yield running


@dataclass(frozen=True)
class Api:
    ws: str
    http: str


@pytest.fixture(scope="module")
def steady(settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
           data_dir: Path, fakes: Fakes) -> Iterator[Api]:
    """A second API process whose periodic re-check is 30 s away: whatever closes a socket
    sooner is the revocation notice. It shares the session's key file with the worker."""
    port = free_port()
    env = clean_env(database_url=database_url, redis_url=redis_url, redis_prefix=redis_prefix,
                    data_dir=str(data_dir), usage_live_recheck_seconds="30",
                    master_key_file=str(settings.resolved_master_key_file()),
                    **provider_env(fakes))
    with spawn(["serve", "--port", str(port)], env) as proc:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc)
        yield Api(ws=f"ws://127.0.0.1:{port}/graphql", http=f"http://127.0.0.1:{port}")


@pytest.fixture
async def http(steady: Api) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP to the steady API process (not the in-process app)."""
    async with httpx.AsyncClient(base_url=steady.http, timeout=10) as client:
        yield client


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


def status_probe(probe: UUID) -> dict[str, Any]:
    return {"type": "syncStatus", "connectionId": str(probe), "status": "queued"}


def security_probe(probe: UUID) -> dict[str, Any]:
    return {"id": str(probe), "accountId": None, "kind": "login_new_ip", "severity": "low",
            "details": {}, "createdAt": "2027-01-01T00:00:00+00:00"}


async def until_listening(socket: ClientConnection, bus: RedisBus, account_id: UUID,
                          probe: Callable[[UUID], dict[str, Any]] | None = None,
                          channel: str | None = None) -> None:
    """Probe until the server's subscription is live (subscribe has no acknowledgement)."""
    make = probe or (lambda probe_id: usage_event(probe_id, 0))
    for _ in range(50):
        await bus.publish(channel or account_channel(account_id), make(uuid4()))
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


async def close_code(socket: ClientConnection, seconds: float) -> int:
    """Wait (at most ``seconds`` between messages) for the server to close ``socket``."""
    with pytest.raises(ConnectionClosed) as closed:
        while True:  # nothing but the close may arrive now
            await asyncio.wait_for(socket.recv(), seconds)
    assert closed.value.rcvd is not None
    return closed.value.rcvd.code


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


async def test_a_session_revoked_without_a_notice_is_closed_by_the_periodic_recheck(
        server: str, bus: RedisBus, client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.MEMBER)
    socket = await subscribe(server, token)
    await until_listening(socket, bus, who.account_id)

    await Session.filter(user_id=who.user_id).update(revoked_at=datetime.now(UTC))

    assert await close_code(socket, 3) == 4403  # no notice: the half-second re-check


async def test_a_demoted_admin_loses_the_security_event_stream(
        server: str, bus: RedisBus, client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.ADMIN)
    socket = await subscribe(server, token, SECURITY_EVENTS)
    await until_listening(socket, bus, who.account_id, security_probe,
                          security_events.channel(who.account_id))

    await Membership.filter(id=who.membership_id).update(role=Role.MEMBER)

    assert await close_code(socket, 3) == 4403


SYNC = """mutation($id: ID!) { syncConnection(id: $id) { run { id } errors { code } } }"""


async def arrivals(socket: ClientConnection, connection_id: UUID, field: str, *,
                   until: Callable[[dict[str, Any]], bool], timeout: float
                   ) -> list[tuple[datetime, dict[str, Any]]]:
    """``field`` events of ``connection_id`` with the moment each arrived, until one matches
    ``until`` (late probes of other connection ids are skipped)."""
    deadline = time.monotonic() + timeout
    seen: list[tuple[datetime, dict[str, Any]]] = []
    while not seen or not until(seen[-1][1]):
        data = (await next_event(socket, max(0.0, deadline - time.monotonic())))[field]
        if data["connectionId"] == str(connection_id):
            seen.append((datetime.now(UTC), data))
    return seen


async def test_a_sync_finished_by_a_worker_process_reaches_its_account_within_a_second(
        steady: Api, settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
        fakes: Fakes, bus: RedisBus, client: httpx.AsyncClient, http: httpx.AsyncClient
) -> None:
    worker_env = clean_env(database_url=database_url, redis_url=redis_url,
                           redis_prefix=redis_prefix,
                           master_key_file=str(settings.resolved_master_key_file()),
                           **provider_env(fakes))
    with spawn(["worker", "--processes", "1", "--threads", "2"], worker_env) as worker:
        token, who = await signed_in(client)
        other_token, other = await signed_in(client)
        connection = await add_connection(who.account_id, fakes.openai)
        statuses = await subscribe(steady.ws, token, SYNC_STATUS)
        updates = await subscribe(steady.ws, token)
        theirs = [await subscribe(steady.ws, other_token, query)
                  for query in (SYNC_STATUS, USAGE_UPDATED)]
        await until_listening(statuses, bus, who.account_id, status_probe)
        await until_listening(updates, bus, who.account_id)
        await until_listening(theirs[0], bus, other.account_id, status_probe)
        await until_listening(theirs[1], bus, other.account_id)

        body = await gql(http, SYNC, {"id": str(connection.id)}, token=token)
        run_id = body["data"]["syncConnection"]["run"]["id"]
        status_seen, update_seen = await asyncio.gather(
            arrivals(statuses, connection.id, "syncStatus", timeout=15,
                     until=lambda data: data["status"] in ("SUCCEEDED", "FAILED")),
            arrivals(updates, connection.id, "usageUpdated", timeout=15,
                     until=lambda data: True))
        assert worker.poll() is None, read_all(worker)

    run = await SyncRun.get(id=run_id)
    assert run.finished_at is not None
    assert [(data["status"], data["runId"]) for _, data in status_seen] == [
        ("RUNNING", run_id), ("SUCCEEDED", run_id)]
    received_at, update = update_seen[0]
    assert update["rowsChanged"] > 0 and update["rowsChanged"] == status_seen[-1][1][
        "rowsChanged"]
    latency = (received_at - run.finished_at).total_seconds()
    status_latency = (status_seen[-1][0] - run.finished_at).total_seconds()
    print(f"\nusageUpdated {latency * 1000:.0f} ms, syncStatus succeeded "
          f"{status_latency * 1000:.0f} ms after the run's finished_at")
    assert 0 <= latency < 1.0
    for socket in theirs:  # the other account heard nothing (probes were drained)
        with pytest.raises(TimeoutError):
            await next_event(socket, 1.0)
    for socket in (statuses, updates, *theirs):
        await socket.close()


async def test_log_out_closes_the_subscription_at_once_not_at_the_next_recheck(
        steady: Api, bus: RedisBus, client: httpx.AsyncClient, http: httpx.AsyncClient
) -> None:
    token, who = await signed_in(client)
    socket = await subscribe(steady.ws, token)
    await until_listening(socket, bus, who.account_id)

    started = time.monotonic()
    assert (await gql(http, "mutation { logOut }", token=token)) == {"data": {"logOut": True}}
    code = await close_code(socket, 5)
    elapsed = time.monotonic() - started

    print(f"\nlogOut to close: {elapsed * 1000:.0f} ms (re-check every 30 s)")
    assert code == 4403
    assert elapsed < 1.0


async def test_revoking_an_api_token_closes_its_security_event_stream_at_once(
        steady: Api, bus: RedisBus, client: httpx.AsyncClient, http: httpx.AsyncClient
) -> None:
    token, who = await signed_in(client)
    created = (await gql(client, """mutation { createApiToken(input: {name: "siem",
        scope: FULL}) { token apiToken { id } } }""", token=token))["data"]["createApiToken"]
    socket = await subscribe(steady.ws, created["token"], SECURITY_EVENTS)
    await until_listening(socket, bus, who.account_id, security_probe,
                          security_events.channel(who.account_id))

    started = time.monotonic()
    revoked = await gql(http, "mutation($id: ID!) { revokeApiToken(id: $id) "
                        "{ apiToken { active } } }", {"id": created["apiToken"]["id"]},
                        token=token)
    assert revoked["data"]["revokeApiToken"] == {"apiToken": {"active": False}}
    code = await close_code(socket, 5)

    assert code == 4403
    assert time.monotonic() - started < 1.0
