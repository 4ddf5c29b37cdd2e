"""Redis SIGKILLed and restarted empty, under a running topology.

What a restart loses, and why each loss is harmless (asserted here):
- queued jobs and the queue's bookkeeping: a sync's state is its ``sync_run`` row in
  PostgreSQL, and the scheduler re-queues a run whose lease lapsed, so nothing is dropped;
- live events in flight: publishes are retried through the reconnect and every API reads
  the event stream from where it left off, so a subscriber spanning the blip still gets
  the event (``RedisBus``);
- rate-limit buckets: every bucket starts full again, so one restart lets a key through at
  most one extra ``limit``; while Redis is away each API process limits on its own;
- socket slots: re-added by each open socket's next credential re-check, so the per-user
  cap holds again within one re-check interval.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from meterwise.config import ProviderKind
from meterwise.pubsub import RedisBus
from meterwise.schema.live import CLOSE_TOO_MANY_SOCKETS
from tests.chaos.live import SYNC_STATUS, listening, run_finished
from tests.chaos.topology import Topology, until
from tests.sync.support import expected_totals

REDIS_DOWN_SECONDS = 3.0
RECOVERY_BOUND_SECONDS = 10.0  # Redis back -> the event is on the subscriber's socket
LIMIT = 20  # requests per minute per IP on the rate-limited API


@pytest.fixture
async def bus(topology: Topology) -> AsyncIterator[RedisBus]:
    """A publisher in the test process, on the topology's stream (probes only)."""
    publisher = RedisBus(topology.redis.url, prefix=topology.settings["redis_prefix"])
    yield publisher
    await publisher.close()


async def test_a_sync_finishing_while_redis_is_down_reaches_subscribers_on_both_apis(
        topology: Topology, bus: RedisBus) -> None:
    victim = topology.seed()
    fake = topology.fakes.openai
    async with topology.api(0).socket(victim.token) as first, \
            topology.api(1).socket(victim.token) as second:
        ops = [await first.subscribe(SYNC_STATUS), await second.subscribe(SYNC_STATUS)]
        for socket, op in zip((first, second), ops, strict=True):
            await listening(socket, op, bus, victim.account_id)

        fake.switches.latency = 0.2  # a sync of ~20 pages: it is mid-fetch when Redis dies
        try:
            run_id = await topology.sync(victim, ProviderKind.OPENAI)

            async def fetching() -> bool:
                return (await topology.run_row(run_id))["status"] == "running" and len(
                    fake.hits) >= 3

            await until(fetching, timeout=30, message=topology.logs)
            topology.redis.kill()
            fake.switches.latency = 0
            run = await topology.wait_run(run_id, timeout=30)  # finished while Redis is down
            assert run["status"] == "succeeded", topology.logs()
            await asyncio.sleep(max(0.0, REDIS_DOWN_SECONDS - 1))
        finally:
            fake.switches.latency = 0
            if topology.redis.proc is None or topology.redis.proc.poll() is not None:
                topology.redis.start_again()
        back = time.monotonic()
        for socket in (first, second):
            event = await run_finished(socket, run_id, timeout=RECOVERY_BOUND_SECONDS)
            assert event["status"] == "SUCCEEDED"
        recovered = time.monotonic() - back
        print(f"redis restart -> event on both APIs' subscribers: {recovered:.2f}s")

        # the queue recovered too: a sync requested now runs and is heard at once
        later = await topology.sync(victim, ProviderKind.ANTHROPIC, api=1)
        for socket in (first, second):
            assert (await run_finished(socket, later, timeout=30))["status"] == "SUCCEEDED"

    for kind in (ProviderKind.OPENAI, ProviderKind.ANTHROPIC):
        connection = victim.connection(kind)
        assert await topology.stored_totals(connection) == expected_totals(
            topology.fakes.by_kind(kind))
        assert await topology.duplicate_rows(connection) == 0
    runs = await topology.sql("SELECT count(*) AS n FROM sync_run WHERE account_id = $1",
                              victim.account_id)
    assert runs[0]["n"] == 2


async def _admitted(topology: Topology, api: int, tries: int) -> int:
    """How many of ``tries`` quick anonymous requests API ``api`` let through (not 429)."""
    admitted = 0
    async with topology.api(api).client(timeout=10) as http:
        for _ in range(tries):
            response = await http.post("/graphql", json={"query": "{ __typename }"})
            assert response.status_code in (200, 429), response.text
            admitted += response.status_code == 200
    return admitted


async def test_rate_limits_hold_through_a_redis_restart_and_cost_one_bucket_at_most(
        topology: Topology) -> None:
    topology.start_api(2, rate_limit_requests_per_ip=str(LIMIT))
    try:
        before = await _admitted(topology, 2, 3 * LIMIT)
        topology.redis.kill()
        try:
            during = await _admitted(topology, 2, 3 * LIMIT)
        finally:
            topology.redis.start_again()
        after = await _admitted(topology, 2, 3 * LIMIT)
    finally:
        topology.stop_api(2)
    # 3 x 60 requests in a few seconds; refill adds one point per 3 s at most
    assert LIMIT <= before <= LIMIT + 2
    assert during <= LIMIT + 2, "Redis away must not lift the limit"
    assert after <= LIMIT + 2, "a restarted Redis costs one bucket, not the limit"


async def test_the_socket_cap_holds_again_within_one_recheck_after_redis_restarts_empty(
        topology: Topology) -> None:
    topology.start_api(2, ws_max_sockets_per_user="2", usage_live_recheck_seconds="0.5")
    victim = topology.seed()
    try:
        api = topology.api(2)
        async with api.socket(victim.token), api.socket(victim.token):
            async with api.socket(victim.token, ack=False) as third:
                assert await third.closed(5) == CLOSE_TOO_MANY_SOCKETS  # the cap: two sockets
            topology.redis.kill()
            topology.redis.start_again()
            await asyncio.sleep(1.5)  # one re-check (0.5 s) and the slots are back
            async with api.socket(victim.token, ack=False) as fourth:
                assert await fourth.closed(5) == CLOSE_TOO_MANY_SOCKETS
    finally:
        topology.stop_api(2)
