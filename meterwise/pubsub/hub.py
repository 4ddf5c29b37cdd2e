"""The event bus: an in-process hub, optionally fed by one Redis subscription."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Collection
from typing import Any, Protocol
from uuid import UUID

from redis.asyncio import Redis

from meterwise.wiring import current as wired

log = logging.getLogger(__name__)
QUEUE_SIZE = 256


def account_channel(account_id: UUID | str) -> str:
    """The channel of everything live about one account (sync progress, revocations)."""
    return f"account:{account_id}"


class Hub:
    """Fans events out to local subscribers; a slow subscriber drops its oldest events."""

    def __init__(self) -> None:
        # channel -> {queue: tagged}; a tagged queue gets (channel, payload) pairs
        self._subscribers: dict[str, dict[asyncio.Queue[Any], bool]] = {}

    def deliver(self, channel: str, payload: dict[str, Any]) -> None:
        for queue, tagged in list(self._subscribers.get(channel, {}).items()):
            if queue.full():
                with contextlib.suppress(asyncio.QueueEmpty):
                    queue.get_nowait()
            queue.put_nowait((channel, payload) if tagged else payload)

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[asyncio.Queue[dict[str, Any]]]:
        async with self._registered((channel,), tagged=False) as queue:
            yield queue

    @contextlib.asynccontextmanager
    async def subscribe_many(self, channels: Collection[str]
                             ) -> AsyncIterator[asyncio.Queue[tuple[str, dict[str, Any]]]]:
        """One queue for several channels, in arrival order, each payload with its channel
        (a stream that must also watch its account's channel waits on a single queue)."""
        async with self._registered(channels, tagged=True) as queue:
            yield queue

    @contextlib.asynccontextmanager
    async def _registered(self, channels: Collection[str], *, tagged: bool
                          ) -> AsyncIterator[asyncio.Queue[Any]]:
        queue: asyncio.Queue[Any] = asyncio.Queue(QUEUE_SIZE)
        for channel in channels:
            self._subscribers.setdefault(channel, {})[queue] = tagged
        try:
            yield queue
        finally:
            for channel in channels:
                subscribers = self._subscribers.get(channel, {})
                subscribers.pop(queue, None)
                if not subscribers:
                    self._subscribers.pop(channel, None)

    @property
    def subscriber_count(self) -> int:
        return sum(len(queues) for queues in self._subscribers.values())


class EventBus(Protocol):
    hub: Hub

    async def publish(self, channel: str, payload: dict[str, Any]) -> None: ...

    async def start(self) -> None: ...

    async def close(self) -> None: ...


class InProcessBus:
    """Embedded default: publish delivers straight to this process's hub."""

    def __init__(self) -> None:
        self.hub = Hub()

    async def publish(self, channel: str, payload: dict[str, Any]) -> None:
        self.hub.deliver(channel, payload)

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None


class RedisBus:
    """Production: publish to Redis; ``start`` runs this process's one subscription.

    Workers only publish (no ``start``); API processes start the listener, which feeds the
    local hub. Channels are namespaced with the installation's Redis prefix.
    """

    def __init__(self, url: str, *, prefix: str) -> None:
        self.hub = Hub()
        self._url = url
        self._prefix = f"{prefix}:events:"
        self._redis: Redis | None = None
        self._listener: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    def _client(self) -> Redis:
        if self._redis is None:
            self._redis = Redis.from_url(self._url)
        return self._redis

    async def publish(self, channel: str, payload: dict[str, Any]) -> None:
        await self._client().publish(self._prefix + channel, json.dumps(payload, default=str))

    async def start(self) -> None:
        self._listener = asyncio.create_task(self._listen(), name="pubsub-listener")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def _listen(self) -> None:
        while True:
            try:
                pubsub = self._client().pubsub()
                await pubsub.psubscribe(self._prefix + "*")
                self._ready.set()
                async for message in pubsub.listen():
                    if message.get("type") != "pmessage":
                        continue
                    channel = message["channel"].decode()[len(self._prefix):]
                    try:
                        payload = json.loads(message["data"])
                    except ValueError:
                        log.warning("dropped a malformed event on %s", channel)
                        continue
                    self.hub.deliver(channel, payload)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis restarted: resubscribe after a pause
                log.warning("event subscription lost (%s); reconnecting", type(exc).__name__)
                await asyncio.sleep(1)

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        if self._redis is not None:
            await self._redis.aclose()
            self._redis = None


def current() -> EventBus:
    """The process's event bus (its wiring's)."""
    bus = wired().events
    if bus is None:
        raise RuntimeError("no event bus wired in this process")
    return bus


async def publish(channel: str, payload: dict[str, Any]) -> None:
    """Publish on the process's bus; a failure is logged, never fatal to the caller."""
    try:
        await current().publish(channel, payload)
    except Exception as exc:
        log.warning("could not publish event on %s: %s", channel, type(exc).__name__)
