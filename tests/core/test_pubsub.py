"""Events reach subscribers in-process and across Redis."""

from __future__ import annotations

import asyncio

import pytest

from meterwise.pubsub import InProcessBus, RedisBus
from tests.support.services import RedisServer


async def test_in_process_bus_delivers_to_its_subscribers_only() -> None:
    bus = InProcessBus()
    async with bus.hub.subscribe("account:a") as mine, bus.hub.subscribe("account:b") as other:
        await bus.publish("account:a", {"rows": 3})
        assert await asyncio.wait_for(mine.get(), 1) == {"rows": 3}
        assert other.empty()
    assert bus.hub.subscriber_count == 0


async def test_one_queue_hears_several_channels_tagged_in_order() -> None:
    bus = InProcessBus()
    async with bus.hub.subscribe_many({"security:a", "account:a"}) as queue:
        await bus.publish("account:a", {"n": 1})
        await bus.publish("account:b", {"n": 2})
        await bus.publish("security:a", {"n": 3})
        heard = [queue.get_nowait() for _ in range(queue.qsize())]
    assert heard == [("account:a", {"n": 1}), ("security:a", {"n": 3})]
    assert bus.hub.subscriber_count == 0


async def test_redis_bus_crosses_connections(redis_url: str, redis_prefix: str) -> None:
    listener = RedisBus(redis_url, prefix=redis_prefix)
    publisher = RedisBus(redis_url, prefix=redis_prefix)
    stranger = RedisBus(redis_url, prefix=redis_prefix + "x")
    await listener.start()
    await stranger.start()
    try:
        async with listener.hub.subscribe("account:a") as queue, \
                stranger.hub.subscribe("account:a") as foreign:
            await publisher.publish("account:a", {"rows": 7})
            assert await asyncio.wait_for(queue.get(), 2) == {"rows": 7}
            await asyncio.sleep(0.1)
            assert foreign.empty()  # another installation's prefix hears nothing
    finally:
        for bus in (listener, publisher, stranger):
            await bus.close()


async def test_an_event_published_across_a_redis_restart_reaches_the_listener() -> None:
    """Published while Redis is down, delivered once it is back (empty): the publish retries
    through the reconnect and the listener reads the new server's stream from its start."""
    try:
        server = RedisServer.start()
    except RuntimeError:
        pytest.skip("no redis-server binary")
    listener = RedisBus(server.url, prefix="blip")
    publisher = RedisBus(server.url, prefix="blip", publish_retry_seconds=20)
    try:
        await listener.start()
        async with listener.hub.subscribe("account:a") as queue:
            server.kill()
            published = asyncio.ensure_future(publisher.publish("account:a", {"n": 1}))
            await asyncio.sleep(1.0)
            assert not published.done()  # still retrying, not dropped
            server.start_again()
            await asyncio.wait_for(published, 10)
            assert await asyncio.wait_for(queue.get(), 10) == {"n": 1}
    finally:
        await listener.close()
        await publisher.close()
        server.stop()
