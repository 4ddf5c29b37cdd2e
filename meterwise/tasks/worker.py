"""Entry module for ``meterwise worker`` (``dramatiq meterwise.tasks.worker``).

Importing it builds the broker from settings, adds the middleware, and only then declares
every registered job as an actor: Dramatiq binds actors to the broker set at declaration.
"""

from __future__ import annotations

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AsyncIO

from meterwise import pubsub
from meterwise.config import ConfigError, Settings, configure_settings, load_settings
from meterwise.jobs.redis import RedisJobQueue, build_redis_broker
from meterwise.keys import master_key_loader
from meterwise.logs import configure_logging
from meterwise.services import security_events, spend, vault
from meterwise.tasks.orm import TortoiseMiddleware
from meterwise.tasks.registry import all_jobs


def build_worker_broker(settings: Settings) -> RedisBroker:
    if settings.redis_url is None or settings.database_url is None:
        raise ConfigError("meterwise worker needs METERWISE_REDIS_URL and METERWISE_DATABASE_URL")
    broker = build_redis_broker(settings.redis_url.get_secret_value(), prefix=settings.redis_prefix)
    broker.add_middleware(AsyncIO())
    broker.add_middleware(TortoiseMiddleware(settings.database_url.get_secret_value()))
    dramatiq.set_broker(broker)
    vault.configure(master_key_loader(settings))
    pubsub.configure(pubsub.RedisBus(settings.redis_url.get_secret_value(),
                                     prefix=settings.redis_prefix))
    vault.master_ring()
    secret = settings.security_webhook_secret
    security_events.configure(settings.security_webhook_url,
                              secret.get_secret_value() if secret else None,
                              RedisJobQueue(broker))
    spend.configure(RedisJobQueue(broker))
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
configure_settings(_settings)
configure_logging(_settings)
broker = build_worker_broker(_settings)
