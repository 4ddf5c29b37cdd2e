"""API processes going away: SIGTERM drains, SIGKILL is survived by reconnecting clients.

SIGTERM (``meterwise.web.drain``): ``/readyz`` answers 503 at once, every WebSocket is
closed with 1001 (going away) and new ones are refused, HTTP requests in flight (and those
still arriving) are served, and the process exits within ``DRAIN_BOUND_SECONDS``.
SIGKILL: sockets are cut without a close code; clients (as the console's graphql-ws client
does) reconnect through the load balancer to the other API and resubscribe there, and a
sync that finishes after they resubscribed reaches every one of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus

from meterwise.config import ProviderKind
from meterwise.pubsub import RedisBus
from tests.adversary.support import LiveSocket
from tests.chaos.live import SYNC_STATUS, listening, run_finished
from tests.chaos.topology import Topology, Victim, until
from tests.sync.support import expected_totals

# drain (1 s in the topology) + in-flight requests' timeout (10 s) + teardown (~2 s)
DRAIN_BOUND_SECONDS = 13.0
RECONNECT_BOUND_SECONDS = 5.0  # SIGKILL -> every client resubscribed on the other API
CONNECT = ("mutation($input: ConnectProviderInput!) { connectProvider(input: $input) {"
           " connection { id } errors { code } } }")


@pytest.fixture
async def bus(topology: Topology) -> AsyncIterator[RedisBus]:
    publisher = RedisBus(topology.redis.url, prefix=topology.settings["redis_prefix"])
    yield publisher
    await publisher.close()


async def test_sigterm_drains_an_api_process_within_its_bound(
        topology: Topology, bus: RedisBus) -> None:
    victim = topology.seed()
    fake = topology.fakes.anthropic
    api = topology.api(1)
    try:
        async with api.socket(victim.token) as socket:
            await listening(socket, await socket.subscribe(SYNC_STATUS), bus,
                            victim.account_id)
            fake.switches.latency = 2.0  # connectProvider checks the key: in flight 2 s+
            in_flight = asyncio.ensure_future(api.gql(CONNECT, {"input": {
                "provider": "ANTHROPIC", "label": "Second", "apiKey": fake.valid_key}},
                token=victim.token))
            await until(lambda: asyncio.sleep(0, bool(fake.state.in_flight)), timeout=10)
            assert api.proc is not None
            started = time.monotonic()
            api.proc.terminate()  # SIGTERM, as systemd and container runtimes send it

            async def unready() -> bool:
                return await topology.ready(1) == 503

            await until(unready, timeout=2, interval=0.05)
            assert await socket.closed(2) == 1001  # going away: reconnect elsewhere
            with pytest.raises(InvalidStatus):  # no new sockets while draining
                async with api.socket(victim.token, ack=False):
                    pass
            body = await in_flight  # the request in flight was served, not cut
            assert body["data"]["connectProvider"]["errors"] == [], body
            code = api.proc.wait(DRAIN_BOUND_SECONDS)
            exited = time.monotonic() - started
    finally:
        fake.switches.latency = 0
        topology.start_api(1)
    assert code == 0, topology.logs()
    assert exited < DRAIN_BOUND_SECONDS
    print(f"SIGTERM -> exit: {exited:.2f}s")


class Client:
    """A graphql-ws client as the console runs it: on a lost socket it reconnects (here:
    to whichever API is up, as a load balancer would route it) and resubscribes."""

    def __init__(self, topology: Topology, victim: Victim, bus: RedisBus) -> None:
        self.topology, self.victim, self.bus = topology, victim, bus
        self.socket: LiveSocket | None = None
        self._stack = contextlib.AsyncExitStack()
        self.reconnects = 0

    async def connect(self) -> None:
        await self._stack.aclose()
        self._stack = contextlib.AsyncExitStack()
        for server in self.topology.apis:
            if server is None:
                continue
            try:
                socket = await self._stack.enter_async_context(server.socket(self.victim.token))
            except (OSError, ConnectionClosed, AssertionError):
                continue
            await listening(socket, await socket.subscribe(SYNC_STATUS), self.bus,
                            self.victim.account_id)
            self.socket = socket
            return
        raise AssertionError("no API process took the socket")

    async def lost(self, timeout: float) -> None:
        """Wait for the socket to drop (a SIGKILL leaves no close code); then reconnect and
        resubscribe."""
        assert self.socket is not None
        await self.socket.closed(timeout)
        assert self.socket.ws.state.name == "CLOSED", "the socket never dropped"
        self.reconnects += 1
        await self.connect()

    async def close(self) -> None:
        await self._stack.aclose()


async def test_clients_of_a_sigkilled_api_resume_on_the_other_and_miss_no_sync(
        topology: Topology, bus: RedisBus) -> None:
    victim = topology.seed()
    fake = topology.fakes.openai  # ~77 pages: still fetching when its API dies
    clients = [Client(topology, victim, bus) for _ in range(3)]
    try:
        for client in clients:
            await client.connect()
        assert all(c.socket is not None for c in clients)
        fake.switches.latency = 0.1
        run_id = await topology.sync(victim, ProviderKind.OPENAI, api=0)
        await until(lambda: asyncio.sleep(0, len(fake.hits) >= 2), timeout=20)
        killed = time.monotonic()
        topology.kill_api(0)
        await asyncio.gather(*(client.lost(5) for client in clients))
        resumed = time.monotonic() - killed
        fake.switches.latency = 0
        for client in clients:
            assert client.socket is not None
            event = await run_finished(client.socket, run_id, timeout=60)
            assert event["status"] == "SUCCEEDED"
    finally:
        fake.switches.latency = 0
        for client in clients:
            await client.close()
        topology.start_api(0)
    assert resumed < RECONNECT_BOUND_SECONDS
    print(f"SIGKILL of an API -> 3 clients resubscribed on the other: {resumed:.2f}s")
    connection = victim.connection(ProviderKind.OPENAI)
    assert await topology.stored_totals(connection) == expected_totals(fake)
    assert await topology.duplicate_rows(connection) == 0
