"""The due list: each due connection is enqueued once per slot, however many schedulers tick."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from meterwise import wiring
from meterwise.fakeproviders import Fakes
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.usage import SyncRun, SyncStatus
from meterwise.pubsub import InProcessBus
from meterwise.runtime import Runtime, scheduler_loop, stop_background
from meterwise.services.periodic_jobs import enqueue_due
from meterwise.services.sync import JOB_NAME, enqueue_due_syncs, requeue_lapsed
from meterwise.services.sync.runs import claim
from meterwise.services.sync.settings import sync_settings
from tests.sync.support import RecordingQueue, add_connection


def _synced(queues: list[RecordingQueue]) -> list[str]:
    return sorted(str(kw["connection_id"]) for q in queues for name, kw in q.sent
                  if name == "sync.connection")


async def _finish_all_runs() -> None:
    """What workers would do between slots."""
    await SyncRun.filter(status__in=[SyncStatus.QUEUED, SyncStatus.RUNNING]).update(
        status=SyncStatus.SUCCEEDED, lease_expires_at=None)


async def test_concurrent_schedulers_enqueue_each_due_connection_once_per_slot(
    account: UUID, live_fakes: Fakes
) -> None:
    connections = [await add_connection(account, fake, label=f"c{i}")
                   for i, fake in enumerate([*live_fakes.all(), *live_fakes.all()])]
    ids = sorted(str(c.id) for c in connections)
    now = datetime.now(UTC)
    queues = [RecordingQueue() for _ in range(4)]

    await asyncio.gather(*(enqueue_due(q, now=now) for q in queues))  # first slot: all new
    await asyncio.gather(*(enqueue_due(q, now=now + timedelta(minutes=1)) for q in queues))
    assert _synced(queues) == ids

    await _finish_all_runs()
    for q in queues:
        q.sent.clear()
    next_slot = now + timedelta(minutes=17)  # 15 min interval + at most 10 % jitter
    await asyncio.gather(*(enqueue_due(q, now=next_slot) for q in queues))

    assert _synced(queues) == ids
    stored = await ProviderConnection.all()
    assert all(next_slot + timedelta(minutes=13) <= c.next_sync_at <= next_slot  # type: ignore[operator]
               + timedelta(minutes=17) for c in stored)


async def test_connections_that_need_a_person_are_not_scheduled(
    account: UUID, live_fakes: Fakes
) -> None:
    rejected = await add_connection(account, live_fakes.openai, label="bad key")
    await ProviderConnection.filter(id=rejected.id).update(
        status=ConnectionStatus.INVALID_CREDENTIALS)
    paused = await add_connection(account, live_fakes.anthropic, label="paused")
    await ProviderConnection.filter(id=paused.id).update(status=ConnectionStatus.PAUSED)
    failing = await add_connection(account, live_fakes.openrouter, label="flaky")
    await ProviderConnection.filter(id=failing.id).update(status=ConnectionStatus.ERROR)
    queue = RecordingQueue()

    tick = await enqueue_due_syncs(queue)

    assert tick.claimed == [failing.id]


async def test_a_connection_with_an_active_run_gets_no_second_one(
    account: UUID, live_fakes: Fakes
) -> None:
    connection = await add_connection(account, live_fakes.openai)
    queue = RecordingQueue()
    await enqueue_due_syncs(queue)
    await ProviderConnection.filter(id=connection.id).update(next_sync_at=None)  # due again

    tick = await enqueue_due_syncs(queue)

    assert tick.claimed == [connection.id] and tick.enqueued == []
    assert await SyncRun.filter(connection_id=connection.id).count() == 1


async def test_a_stale_run_is_requeued_by_exactly_one_scheduler(
    account: UUID, live_fakes: Fakes
) -> None:
    connection = await add_connection(account, live_fakes.anthropic)
    await enqueue_due_syncs(RecordingQueue())
    run = await SyncRun.get(connection_id=connection.id)
    assert await claim(run.id) is not None  # a worker took it, then died
    queues = [RecordingQueue() for _ in range(4)]

    later = datetime.now(UTC) + sync_settings().lease + timedelta(seconds=1)  # lease lapsed
    ticks = await asyncio.gather(*(enqueue_due_syncs(q, now=later) for q in queues))

    assert sum(len(t.enqueued) for t in ticks) == 1
    assert [kw["run_id"] for q in queues for _, kw in q.sent] == [str(run.id)]
    assert (await SyncRun.get(id=run.id)).status is SyncStatus.QUEUED


class _RedisAway:
    async def enqueue(self, name: str, /, **kwargs: object) -> None:
        raise ConnectionError("Redis is restarting")


async def test_a_takeover_that_could_not_be_enqueued_is_retried_by_the_next_scan(
    account: UUID, live_fakes: Fakes
) -> None:
    connection = await add_connection(account, live_fakes.anthropic)
    await enqueue_due_syncs(RecordingQueue())
    run = await SyncRun.get(connection_id=connection.id)
    assert await claim(run.id) is not None  # a worker took it, then died
    later = datetime.now(UTC) + sync_settings().lease + timedelta(seconds=1)

    assert await requeue_lapsed(_RedisAway(), now=later) == []
    queue = RecordingQueue()
    assert await requeue_lapsed(queue, now=later + timedelta(seconds=2)) == [run.id]
    assert [kw["run_id"] for _, kw in queue.sent] == [str(run.id)]


class _SlowQueue(RecordingQueue):
    """Each enqueue takes a while (a Redis round trip on a loaded box)."""

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()

    async def enqueue(self, name: str, /, **kwargs: Any) -> None:
        self.started.set()
        await asyncio.sleep(0.2)
        await super().enqueue(name, **kwargs)


async def test_a_scheduler_stopping_mid_tick_enqueues_every_run_it_opened(
    account: UUID, live_fakes: Fakes
) -> None:
    connection = await add_connection(account, live_fakes.anthropic)  # due at once
    queue = _SlowQueue()
    runtime = Runtime(settings=wiring.settings(), database_url="", jobs=queue,
                      events=InProcessBus())
    runtime.background.append(asyncio.create_task(scheduler_loop(runtime)))
    await asyncio.wait_for(queue.started.wait(), 10)

    await stop_background(runtime)  # SIGTERM arrived during the tick

    runs = await SyncRun.filter(connection_id=connection.id)
    assert len(runs) == 1  # the tick went on to open the connection's run, and sent it
    assert [kw["run_id"] for name, kw in queue.sent if name == JOB_NAME] == [str(runs[0].id)]
