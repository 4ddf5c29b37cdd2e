"""The event bus: an in-process hub, optionally fed by one reader of a Redis stream."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Collection
from typing import Any, Protocol
from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from meterwise.wiring import current as wired

log = logging.getLogger(__name__)
QUEUE_SIZE = 256
STREAM_LENGTH = 10_000  # entries kept in the event stream (approximately)
READ_BLOCK_MS = 5_000  # how long one stream read waits for entries
READ_BATCH = 500
RETRY_FIRST_DELAY = 0.1  # seconds; doubled per failed try, up to RETRY_MAX_DELAY
RETRY_MAX_DELAY = 2.0


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
    """Production: events go through one Redis stream; ``start`` runs this process's reader.

    Why a stream and not PUBLISH: a PUBLISH reaches only the subscribers connected at that
    instant, so an event published in the second after a Redis restart, before the API
    processes have resubscribed, is gone. A stream entry waits: each API process reads the
    stream from the last entry id it saw, so after a reconnect it gets every entry added
    meanwhile. Entry ids are Redis's own (time-based), and a Redis that restarted empty is
    recognised by its ``run_id``: the reader then reads the new stream from its start.
    The stream is trimmed to about ``STREAM_LENGTH`` entries (a reader away longer than
    that misses the oldest; events are notices, the data itself is in PostgreSQL).

    Publishing retries through a reconnect with backoff for ``publish_retry_seconds``
    (a Redis restart), then gives up and logs: a publisher is a sync job, which must not
    hang on an outage of minutes. Workers only publish (no ``start``); API processes read,
    feeding the local hub. The stream is namespaced with the installation's Redis prefix.
    """

    def __init__(self, url: str, *, prefix: str, publish_retry_seconds: float = 30.0) -> None:
        self.hub = Hub()
        self._url = url
        self._stream = f"{prefix}:events"
        self._redis: Redis | None = None
        self._reader: Redis | None = None
        self._listener: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._retry_seconds = publish_retry_seconds
        self._closing = False

    def _client(self) -> Redis:
        if self._redis is None:
            self._redis = Redis.from_url(self._url, socket_connect_timeout=2,
                                         socket_timeout=5)
        return self._redis

    async def publish(self, channel: str, payload: dict[str, Any]) -> None:
        """Add the event to the stream, retrying through a reconnect (see the class)."""
        entry = {"channel": channel, "payload": json.dumps(payload, default=str)}
        deadline = time.monotonic() + self._retry_seconds
        delay = RETRY_FIRST_DELAY
        while True:
            try:
                await self._client().xadd(self._stream, entry,  # type: ignore[arg-type]
                                          maxlen=STREAM_LENGTH, approximate=True)
                return
            except (RedisConnectionError, RedisTimeoutError, OSError):
                if time.monotonic() + delay > deadline:
                    raise
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_DELAY)

    async def start(self) -> None:
        self._listener = asyncio.create_task(self._listen(), name="pubsub-listener")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def _listen(self) -> None:
        """Read the stream forever; reconnect (with backoff) whenever Redis goes away."""
        self._reader = Redis.from_url(self._url, socket_connect_timeout=2,
                                      socket_timeout=READ_BLOCK_MS / 1000 + 5)
        last_id: str | None = None
        server: str | None = None
        delay = RETRY_FIRST_DELAY
        while True:
            try:
                run_id = str((await self._reader.info("server"))["run_id"])
                if last_id is None:  # first start: only what comes from now on
                    newest: Any = await self._reader.xrevrange(self._stream, count=1)
                    last_id = newest[0][0].decode() if newest else "0-0"
                elif run_id != server:  # Redis restarted empty: its whole new stream
                    log.warning("event stream: Redis restarted; reading its new stream")
                    last_id = "0-0"
                server = run_id
                self._ready.set()
                delay = RETRY_FIRST_DELAY
                while True:
                    batches: Any = await self._reader.xread({self._stream: last_id},
                                                       block=READ_BLOCK_MS, count=READ_BATCH)
                    for _, entries in batches or []:
                        for entry_id, fields in entries:
                            last_id = entry_id.decode()
                            self._deliver(fields)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis restarted or unreachable: read on after a pause
                if self._closing:  # redis-py may turn our cancellation into its own error
                    return
                log.warning("event stream lost (%s); reconnecting", type(exc).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_DELAY)

    def _deliver(self, fields: dict[bytes, bytes]) -> None:
        try:
            channel = fields[b"channel"].decode()
            payload = json.loads(fields[b"payload"])
        except (KeyError, ValueError):
            log.warning("dropped a malformed event")
            return
        if isinstance(payload, dict):
            self.hub.deliver(channel, payload)

    async def close(self) -> None:
        self._closing = True
        if self._listener is not None:
            self._listener.cancel()
            # redis-py finishes a blocking XREAD before it honours a cancellation: cut the
            # connection under it rather than wait out the block
            await asyncio.wait([self._listener], timeout=0.5)
            if not self._listener.done() and self._reader is not None:
                await self._reader.connection_pool.disconnect(inuse_connections=True)
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
        for client in (self._redis, self._reader):
            if client is not None:
                await client.aclose()
        self._redis = self._reader = None


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
