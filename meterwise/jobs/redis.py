"""Production: jobs go through a Dramatiq ``RedisBroker`` to ``meterwise worker``."""

from __future__ import annotations

import asyncio

import dramatiq
from dramatiq.brokers.redis import RedisBroker

from meterwise.jobs.base import JobArg


def build_redis_broker(url: str, *, prefix: str) -> RedisBroker:
    """The one place a broker is built. JSON encoding: messages never carry pickles."""
    dramatiq.set_encoder(dramatiq.JSONEncoder())
    return RedisBroker(url=url, namespace=f"{prefix}:dramatiq")


class RedisJobQueue:
    """Enqueues by actor name, so the API needs no actor code (only the worker declares it)."""

    def __init__(self, broker: RedisBroker) -> None:
        self.broker = broker

    async def enqueue(self, name: str, /, **kwargs: JobArg) -> None:
        message: dramatiq.Message[object] = dramatiq.Message(
            queue_name="default", actor_name=name, args=(), kwargs=dict(kwargs), options={}
        )
        self.broker.declare_queue(message.queue_name)
        await asyncio.to_thread(self.broker.enqueue, message)

    def close(self) -> None:
        self.broker.close()
