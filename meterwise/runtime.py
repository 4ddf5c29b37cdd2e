"""The resources a process holds: database, job queue, Redis, and where they come from.

``open_runtime`` is the one place that decides embedded vs. production resources; the app
lifespan and the CLI commands both go through it, and it hands them to ``wiring.wire`` (the
one wiring every process calls), so they agree by construction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from redis.asyncio import Redis
from tortoise import Tortoise

from meterwise import pubsub, wiring
from meterwise.config import Settings
from meterwise.db.config import tortoise_config
from meterwise.db.embedded import EmbeddedPostgres
from meterwise.db.migrate import apply_migrations
from meterwise.jobs.base import JobQueue
from meterwise.jobs.inprocess import InProcessJobQueue
from meterwise.jobs.redis import RedisJobQueue, build_redis_broker
from meterwise.services import provider_clients, vault
from meterwise.services.guards import ratelimit

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    database_url: str
    jobs: JobQueue
    events: pubsub.EventBus
    redis: Redis | None = None
    background: list[asyncio.Task[None]] = field(default_factory=list)
    # set at shutdown: the loops finish the tick in flight (its runs opened and enqueued
    # together) and stop, instead of being cancelled between a commit and its enqueue
    stopping: asyncio.Event = field(default_factory=asyncio.Event)


@contextlib.asynccontextmanager
async def database_url(settings: Settings) -> AsyncIterator[str]:
    """The configured database, or the embedded one started for the block's duration."""
    if settings.database_url is not None:
        yield settings.database_url.get_secret_value()
        return
    embedded = EmbeddedPostgres(settings.data_dir)
    url = await asyncio.to_thread(embedded.start)
    try:
        yield url
    finally:
        await asyncio.to_thread(embedded.stop)


@contextlib.asynccontextmanager
async def open_runtime(settings: Settings, *, run_scheduler: bool | None = None,
                       migrate: bool | None = None) -> AsyncIterator[Runtime]:
    """Everything a serving process needs, torn down in reverse order.

    Embedded default: migrations run at start and the scheduler ticks in-process.
    Production: the schema is ``meterwise migrate``'s job and ``meterwise scheduler`` ticks.
    """
    from meterwise.tasks.registry import lookup

    embedded = settings.database_url is None
    wiring.wire(settings)
    async with database_url(settings) as url:
        vault.master_ring()  # fail at start, not at the first secret
        if migrate if migrate is not None else embedded:
            await apply_migrations(url)
        await Tortoise.init(config=tortoise_config(url, pool_max=settings.db_pool_max),
                            _enable_global_fallback=True)
        redis: Redis | None = None
        jobs: JobQueue
        events: pubsub.EventBus
        if settings.redis_url is not None:
            redis_url = settings.redis_url.get_secret_value()
            redis = Redis.from_url(redis_url)
            jobs = RedisJobQueue(build_redis_broker(redis_url, prefix=settings.redis_prefix))
            events = pubsub.RedisBus(redis_url, prefix=settings.redis_prefix)
        else:
            jobs = InProcessJobQueue(lookup)
            events = pubsub.InProcessBus()
        await events.start()
        wiring.wire(settings, jobs=jobs, events=events,
                    limiter=ratelimit.RedisLimiter(redis, prefix=settings.redis_prefix)
                    if redis is not None else None)
        runtime = Runtime(settings=settings, database_url=url, jobs=jobs, events=events,
                          redis=redis)
        if run_scheduler if run_scheduler is not None else settings.redis_url is None:
            runtime.background.append(asyncio.create_task(scheduler_loop(runtime)))
            runtime.background.append(asyncio.create_task(takeover_loop(runtime)))
        try:
            yield runtime
        finally:
            await stop_background(runtime)
            if isinstance(jobs, InProcessJobQueue):
                await jobs.close()
            elif isinstance(jobs, RedisJobQueue):
                jobs.close()
            wiring.wire(settings)  # the queue and the bus are closing: nothing may use them
            await events.close()
            await provider_clients.close_client()
            if redis is not None:
                await redis.aclose()
            await Tortoise.close_connections()


TICK_GRACE_SECONDS = 10.0  # a tick in flight at shutdown may finish for this long


async def stop_background(runtime: Runtime, grace: float = TICK_GRACE_SECONDS) -> None:
    """Let the loops finish their tick in flight, then cancel whatever is left."""
    runtime.stopping.set()
    if runtime.background:
        _, late = await asyncio.wait(runtime.background, timeout=grace)
        for task in late:
            task.cancel()
        await asyncio.gather(*runtime.background, return_exceptions=True)


async def _pause(runtime: Runtime, seconds: float) -> None:
    """Sleep between ticks; returns early when the process is stopping."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(runtime.stopping.wait(), seconds)


async def scheduler_loop(runtime: Runtime) -> None:
    """Tick the periodic-job due list until stopping; a failed tick is logged and retried."""
    from meterwise.services.periodic_jobs import enqueue_due

    while not runtime.stopping.is_set():
        try:
            await enqueue_due(runtime.jobs)
        except Exception:
            log.exception("scheduler tick failed")
        await _pause(runtime, runtime.settings.scheduler_interval_seconds)


async def takeover_loop(runtime: Runtime) -> None:
    """Re-queue syncs whose worker died, every few seconds (the takeover bound's second
    term, after the lease); a failed scan is logged and retried."""
    from meterwise.services.sync import requeue_lapsed

    while not runtime.stopping.is_set():
        await _pause(runtime, runtime.settings.sync.reclaim_interval_seconds)
        if runtime.stopping.is_set():
            return
        try:
            await requeue_lapsed(runtime.jobs)
        except Exception as exc:  # a database or Redis blip: the next scan retries
            log.warning("sync takeover scan failed (%s)", type(exc).__name__)
