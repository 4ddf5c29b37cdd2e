"""The harness itself: every process up, a sync through it lands exact totals."""

from __future__ import annotations

from meterwise.config import ProviderKind
from tests.chaos.topology import Topology
from tests.sync.support import expected_totals


async def test_the_topology_syncs_exactly_through_either_api(topology: Topology) -> None:
    victim = topology.seed()
    for api, kind in enumerate((ProviderKind.OPENAI, ProviderKind.ANTHROPIC)):
        assert await topology.ready(api) == 200
        run = await topology.wait_run(await topology.sync(victim, kind, api=api))
        assert run["status"] == "succeeded", topology.logs()
        connection = victim.connection(kind)
        assert await topology.stored_totals(connection) == expected_totals(
            topology.fakes.by_kind(kind))
        assert await topology.duplicate_rows(connection) == 0
