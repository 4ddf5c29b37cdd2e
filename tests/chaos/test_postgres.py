"""PostgreSQL restarted under the topology (a throwaway cluster of this module's own).

While it is down the APIs answer 503 on ``/readyz`` (a load balancer stops routing to
them) and come back without a restart of their own; the sync whose fetch ends while the
database is down fails its writes and is retried (the job's retry, or the scheduler
re-queueing its lapsed lease), landing its totals exactly once: one run, no duplicate rows.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import asyncpg
import pytest

from meterwise.config import ProviderKind
from meterwise.db.config import with_database
from tests.chaos.topology import Topology, until
from tests.support.services import PostgresCluster
from tests.sync.support import expected_totals

DOWN_SECONDS = 3.0
RECOVERY_BOUND_SECONDS = 15.0  # PostgreSQL back -> both APIs ready again


@pytest.fixture(scope="module")
def cluster() -> Iterator[PostgresCluster]:
    started = PostgresCluster.start()
    yield started
    started.stop()


@pytest.fixture(scope="module")
async def fresh_database(cluster: PostgresCluster) -> AsyncIterator[str]:
    """The topology's database, on the throwaway cluster (never the shared server)."""
    conn = await asyncpg.connect(cluster.url)
    try:
        await conn.execute('CREATE DATABASE "meterwise"')
    finally:
        await conn.close()
    yield with_database(cluster.url, "meterwise")


async def test_a_postgres_restart_costs_readiness_not_data(
        topology: Topology, cluster: PostgresCluster) -> None:
    victim = topology.seed()
    fake = topology.fakes.openai
    fake.switches.latency = 0.1
    try:
        run_id = await topology.sync(victim, ProviderKind.OPENAI)

        async def fetching() -> bool:
            return (await topology.run_row(run_id))["status"] == "running" and len(
                fake.hits) >= 3

        await until(fetching, timeout=30, message=topology.logs)
        seen: dict[int, set[int]] = {0: set(), 1: set()}

        async def watch() -> None:
            while True:
                for api in seen:
                    seen[api].add(await topology.ready(api))
                await asyncio.sleep(0.1)

        watcher = asyncio.ensure_future(watch())
        restarting = asyncio.ensure_future(asyncio.to_thread(cluster.restart, DOWN_SECONDS))
        await asyncio.sleep(0.5)
        fake.switches.latency = 0  # the fetch ends, and its writes meet a dead database
        await restarting
        back = time.monotonic()

        async def ready_again() -> bool:
            return all([await topology.ready(api) == 200 for api in seen])

        await until(ready_again, timeout=RECOVERY_BOUND_SECONDS, interval=0.1,
                    message=topology.logs)
        recovered = time.monotonic() - back
        watcher.cancel()
        assert all(503 in codes for codes in seen.values()), seen
        print(f"PostgreSQL back -> both APIs ready: {recovered:.2f}s")

        body = await topology.api(1).gql("{ connections { id } }", token=victim.token)
        assert len(body["data"]["connections"]) == 3, body  # serving, no restart needed
        run = await topology.wait_run(run_id, timeout=90)
    finally:
        fake.switches.latency = 0
    assert run["status"] == "succeeded", topology.logs()
    print(f"the cut sync finished in attempt {run['attempts']}")
    connection = victim.connection(ProviderKind.OPENAI)
    assert await topology.stored_totals(connection) == expected_totals(fake)
    assert await topology.duplicate_rows(connection) == 0
    runs = await topology.sql("SELECT count(*) AS n FROM sync_run WHERE connection_id = $1",
                              connection)
    assert runs[0]["n"] == 1
