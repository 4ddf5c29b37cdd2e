"""End to end: Redis, a real ``meterwise worker`` subprocess, the fakes over real HTTP."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from uuid import UUID

import pytest

from meterwise import clock
from meterwise.config import Settings
from meterwise.fakeproviders import Fakes
from meterwise.jobs.redis import RedisJobQueue, build_redis_broker
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.usage import SyncRun, SyncStatus, UsageRecord
from meterwise.services.sync import enqueue_due_syncs, request_sync
from tests.support.processes import clean_env, read_all, spawn
from tests.sync.support import add_connection, expected_totals, normalised, stored_totals

pytestmark = pytest.mark.slow

LEASE_SECONDS = 3


@pytest.fixture
def worker_env(settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
               live_fakes: Fakes) -> dict[str, str]:
    return clean_env(
        database_url=database_url, redis_url=redis_url, redis_prefix=redis_prefix,
        master_key_file=str(settings.resolved_master_key_file()),
        sync_lease_seconds=str(LEASE_SECONDS),
        **{f"provider_{f.kind.value}_base_url": f.base_url for f in live_fakes.all()},
    )


@pytest.fixture
def queue(redis_url: str, redis_prefix: str) -> Iterator[RedisJobQueue]:
    jobs = RedisJobQueue(build_redis_broker(redis_url, prefix=redis_prefix))
    yield jobs
    jobs.close()


@contextmanager
def worker(env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    with spawn(["worker", "--processes", "1", "--threads", "2"], env) as proc:
        yield proc


async def until(check: Callable[[], Awaitable[bool]], proc: subprocess.Popen[str], *,
                timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, read_all(proc)
        if await check():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"condition not met within {timeout}s")


async def _all_finished(ids: list[UUID]) -> bool:
    runs = await SyncRun.filter(id__in=ids)
    return all(r.status in (SyncStatus.SUCCEEDED, SyncStatus.FAILED) for r in runs)


async def test_worker_syncs_every_provider_exactly_and_rejected_keys_stop(
    account: UUID, live_fakes: Fakes, worker_env: dict[str, str], queue: RedisJobQueue
) -> None:
    connections = {f.kind: await add_connection(account, f) for f in live_fakes.all()}
    rejected = await add_connection(account, live_fakes.openai, key="sk-admin-" + "x" * 40)
    rounds: list[list[UUID]] = []
    with worker(worker_env) as proc:
        for syncs in range(3):  # the first sync, then two more that must change nothing
            rounds.append([(await request_sync(queue, c))[0].id for c in connections.values()])
            rounds[-1].append((await request_sync(queue, rejected))[0].id)
            await until(lambda: _all_finished(rounds[-1]), proc)
            for kind, connection in connections.items():
                assert normalised(await stored_totals(connection.id)) == expected_totals(
                    live_fakes.by_kind(kind)), (kind, syncs)
        os.killpg(proc.pid, signal.SIGINT)
        output = read_all(proc)

    later = await SyncRun.filter(id__in=[*rounds[1][:3], *rounds[2][:3]])
    assert [(r.status, r.rows_inserted, r.rows_updated) for r in later] == [
        (SyncStatus.SUCCEEDED, 0, 0)] * 6
    stored = await ProviderConnection.get(id=rejected.id)
    assert stored.status is ConnectionStatus.INVALID_CREDENTIALS
    assert {r.attempts for r in await SyncRun.filter(connection_id=rejected.id)} == {1}
    assert "synced connection" in output  # the worker's log was captured
    for fake in live_fakes.all():
        assert fake.valid_key not in output
    assert "x" * 40 not in output


async def test_a_worker_killed_mid_sync_leads_to_one_complete_sync_without_duplicates(
    account: UUID, live_fakes: Fakes, worker_env: dict[str, str], queue: RedisJobQueue
) -> None:
    fake = live_fakes.openai
    connection = await add_connection(account, fake)
    fake.switches.latency = 0.15  # slow enough to die in the middle
    run, _ = await request_sync(queue, connection)

    with worker(worker_env) as doomed:
        async def fetching() -> bool:
            current = await SyncRun.get(id=run.id)
            return current.status is SyncStatus.RUNNING and len(fake.hits) >= 5

        await until(fetching, doomed)
        os.killpg(doomed.pid, signal.SIGKILL)
        doomed.wait(10)
    fake.switches.latency = 0
    assert (await SyncRun.get(id=run.id)).status is SyncStatus.RUNNING  # orphaned

    with worker(worker_env) as rescuer:
        lapsed = clock.now() + timedelta(seconds=LEASE_SECONDS + 1)  # the dead worker's lease
        tick = await enqueue_due_syncs(queue, now=lapsed)  # the tick re-queues the stale run
        assert tick.enqueued == [run.id]

        async def done() -> bool:
            return (await SyncRun.get(id=run.id)).status is SyncStatus.SUCCEEDED

        await until(done, rescuer)

    final = await SyncRun.get(id=run.id)
    assert final.attempts == 2
    assert await SyncRun.filter(connection_id=connection.id).count() == 1
    assert normalised(await stored_totals(connection.id)) == expected_totals(fake)
    keys = await UsageRecord.filter(connection_id=connection.id).values_list(
        "source", "bucket_start", "model", "project", "api_key_id", "line_item")
    assert len(keys) == len(set(keys))
