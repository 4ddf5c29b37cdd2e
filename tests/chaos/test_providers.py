"""Providers misbehaving under the topology: slow, flapping, 5xx for a while, or refusing
one endpoint for good.

Each sync is retried (inside the request, then by the job, each retry announced by a
``RETRYING`` live event) or reported (a ``partial`` run naming the failed source); none is
dropped or counted twice: once the provider behaves, the totals are exact and there are no
duplicate rows. Three faults run at once, on three providers, to keep the suite short.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from uuid import UUID

import pytest

from meterwise.config import ProviderKind
from meterwise.pubsub import RedisBus
from tests.chaos.live import SYNC_STATUS, events_of, listening
from tests.chaos.topology import Topology, Victim, until
from tests.sync.support import expected_totals


@pytest.fixture
async def bus(topology: Topology) -> AsyncIterator[RedisBus]:
    publisher = RedisBus(topology.redis.url, prefix=topology.settings["redis_prefix"])
    yield publisher
    await publisher.close()


async def exact(topology: Topology, victim: Victim, kind: ProviderKind) -> None:
    connection = victim.connection(kind)
    assert await topology.stored_totals(connection) == expected_totals(
        topology.fakes.by_kind(kind)), kind
    assert await topology.duplicate_rows(connection) == 0


async def _retrying(topology: Topology, run: UUID) -> bool:
    """The run's first attempt failed and it waits for the job's retry."""
    row = await topology.run_row(run)
    return bool(row["attempts"] >= 1 and row["status"] == "queued" and row["error_class"])


async def test_slow_flapping_and_failing_providers_are_retried_or_reported_never_dropped(
        topology: Topology, bus: RedisBus) -> None:
    victim = topology.seed()
    fakes = topology.fakes
    fakes.anthropic.switches.latency = 0.3  # slow: every page a third of a second
    fakes.openrouter.switches.fail_5xx = 6  # flaps: more 5xx than one request retries
    fakes.openai.switches.fail_paths = {"/costs": 503}  # down until its first retry
    try:
        async with topology.api(0).socket(victim.token) as socket:
            await listening(socket, await socket.subscribe(SYNC_STATUS), bus,
                            victim.account_id)
            runs = {kind: await topology.sync(victim, kind) for kind in ProviderKind}
            await until(lambda: _retrying(topology, runs[ProviderKind.OPENAI]), timeout=30)
            fakes.openai.switches.fail_paths = {}
            finished = await asyncio.gather(*(topology.wait_run(run, timeout=90)
                                              for run in runs.values()))
            heard = await events_of(socket, 1.0)
    finally:
        for fake in fakes.all():
            fake.reset()
    outcome = {kind: row for kind, row in zip(runs, finished, strict=True)}
    for kind in ProviderKind:
        assert outcome[kind]["status"] == "succeeded", (kind, dict(outcome[kind]))
        await exact(topology, victim, kind)
    assert outcome[ProviderKind.ANTHROPIC]["attempts"] == 1
    assert outcome[ProviderKind.OPENROUTER]["attempts"] == 2
    assert outcome[ProviderKind.OPENAI]["attempts"] >= 2

    statuses = {(e.get("runId"), e.get("status")) for e in heard}
    for kind in (ProviderKind.OPENROUTER, ProviderKind.OPENAI):
        assert (str(runs[kind]), "RETRYING") in statuses, (kind, heard)
    for kind, run in runs.items():
        assert (str(run), "SUCCEEDED") in statuses, (kind, heard)


async def test_an_endpoint_refusing_for_good_is_reported_partial_then_filled(
        topology: Topology) -> None:
    victim = topology.seed()
    fake = topology.fakes.openai
    fake.switches.fail_paths = {"/usage/images": 404}
    try:
        first = await topology.wait_run(await topology.sync(victim, ProviderKind.OPENAI))
    finally:
        fake.reset()
    assert first["status"] == "partial", dict(first)  # reported, naming what failed
    assert "images" in (first["error_message"] or ""), dict(first)
    again = await topology.wait_run(await topology.sync(victim, ProviderKind.OPENAI))
    assert again["status"] == "succeeded"
    await exact(topology, victim, ProviderKind.OPENAI)
