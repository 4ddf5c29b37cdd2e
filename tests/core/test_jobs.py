"""Jobs run in-process in the embedded default and through Redis to a real worker."""

from __future__ import annotations

import asyncio
import os
import secrets
import time

import pytest
from starlette.applications import Starlette

from meterwise.config import Settings
from meterwise.jobs.inprocess import InProcessJobQueue
from meterwise.jobs.redis import RedisJobQueue, build_redis_broker
from meterwise.models.system import ScheduledJob, WorkerHeartbeat
from meterwise.services.periodic_jobs import Periodic, enqueue_due
from meterwise.tasks.registry import job, lookup
from tests.support.processes import clean_env, read_all, spawn

attempts: list[int] = []


@job("tests.fails_twice", max_retries=3, min_backoff_ms=1, max_backoff_ms=5)
async def fails_twice(token: str) -> None:
    attempts.append(1)
    if len(attempts) < 3:
        raise RuntimeError("transient")
    await WorkerHeartbeat.create(token=token, worker="in-process")


class RecordingQueue:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def enqueue(self, name: str, /, **kwargs: object) -> None:
        self.sent.append(name)


async def test_embedded_job_runs_in_process(app: Starlette) -> None:
    jobs = app.state.runtime.jobs
    assert isinstance(jobs, InProcessJobQueue)
    token = secrets.token_hex(8)

    await jobs.enqueue("system.heartbeat", token=token)
    await jobs.drain()

    beat = await WorkerHeartbeat.get(token=token)
    assert beat.worker.endswith(f":{os.getpid()}")


async def test_in_process_job_is_retried_per_its_policy(db: Starlette) -> None:
    attempts.clear()
    queue = InProcessJobQueue(lookup)

    await queue.enqueue("tests.fails_twice", token="retried")
    await queue.drain()

    assert len(attempts) == 3
    assert await WorkerHeartbeat.filter(token="retried").count() == 1


async def test_unknown_job_is_refused_at_enqueue(db: Starlette) -> None:
    with pytest.raises(LookupError, match="unknown job 'nope'"):
        await InProcessJobQueue(lookup).enqueue("nope")


@pytest.mark.slow
async def test_job_through_redis_runs_on_a_real_worker(
    db: Starlette, database_url: str, redis_url: str, redis_prefix: str, settings: Settings
) -> None:
    env = clean_env(database_url=database_url, redis_url=redis_url, redis_prefix=redis_prefix,
                    master_key_file=str(settings.resolved_master_key_file()))
    queue = RedisJobQueue(build_redis_broker(redis_url, prefix=redis_prefix))
    token = secrets.token_hex(8)
    with spawn(["worker", "--processes", "1", "--threads", "1"], env) as worker:
        await queue.enqueue("system.heartbeat", token=token)
        deadline = time.monotonic() + 60
        beat = None
        while beat is None and time.monotonic() < deadline:
            assert worker.poll() is None, read_all(worker)
            beat = await WorkerHeartbeat.get_or_none(token=token)
            await asyncio.sleep(0.2)
    queue.close()
    assert beat is not None, "the worker did not run the job within 60s"
    assert not beat.worker.endswith(f":{os.getpid()}")  # another process ran it


async def test_each_slot_is_enqueued_once_by_concurrent_schedulers(db: Starlette) -> None:
    from datetime import UTC, datetime, timedelta

    periodic = (Periodic("system.prune_heartbeats", timedelta(minutes=5)),)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    queues = [RecordingQueue() for _ in range(4)]

    await asyncio.gather(*(enqueue_due(q, periodic, now=now) for q in queues))
    for minutes in (1, 5):
        later = now + timedelta(minutes=minutes)
        await asyncio.gather(*(enqueue_due(q, periodic, now=later) for q in queues))

    assert sum(len(q.sent) for q in queues) == 2
    row = await ScheduledJob.get(name="system.prune_heartbeats")
    assert row.next_run_at == now + timedelta(minutes=10)
