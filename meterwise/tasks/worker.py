"""Entry module for ``meterwise worker`` (``dramatiq meterwise.tasks.worker``).

Importing it builds the broker from settings, adds the middleware, wires the process, and
only then declares every registered job as an actor: Dramatiq binds actors to the broker set
at declaration. ``WorkerLifecycle`` holds consumption back until the database and Redis
answer, and the worker process drains on its first SIGTERM (``drain_on_first_sigterm``).
"""

from __future__ import annotations

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AsyncIO

from meterwise import pubsub, wiring
from meterwise.config import Settings, load_settings, require_production_backends
from meterwise.jobs.redis import RedisJobQueue, build_redis_broker
from meterwise.logs import configure_logging
from meterwise.services import vault
from meterwise.tasks.lifecycle import WorkerLifecycle, drain_on_first_sigterm
from meterwise.tasks.registry import all_jobs


def build_worker_broker(settings: Settings) -> RedisBroker:
    """The broker with every job declared, after wiring this process to it."""
    require_production_backends(settings, "worker", "runs jobs")
    assert settings.redis_url is not None and settings.database_url is not None
    broker = build_redis_broker(settings.redis_url.get_secret_value(), prefix=settings.redis_prefix)
    broker.add_middleware(AsyncIO())
    broker.add_middleware(WorkerLifecycle(
        settings.database_url.get_secret_value(),
        ready_timeout_seconds=settings.worker_ready_timeout_seconds))
    dramatiq.set_broker(broker)
    wiring.wire(settings, jobs=RedisJobQueue(broker),
                events=pubsub.RedisBus(settings.redis_url.get_secret_value(),
                                       prefix=settings.redis_prefix))
    vault.master_ring()  # fail at start, not at the first secret
    for spec in all_jobs().values():
        dramatiq.actor(
            actor_name=spec.name,
            broker=broker,
            max_retries=spec.max_retries,
            min_backoff=spec.min_backoff_ms,
            max_backoff=spec.max_backoff_ms,
            time_limit=spec.time_limit_ms,
        )(spec.fn)
    return broker


_settings = load_settings()
configure_logging(_settings)
broker = build_worker_broker(_settings)
drain_on_first_sigterm()
