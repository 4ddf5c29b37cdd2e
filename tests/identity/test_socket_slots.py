"""The per-user WebSocket cap: in-process and in Redis (shared by every replica)."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest
from redis.asyncio import Redis

from meterwise.services.identity.sockets import LocalSlots, RedisSlots, SocketSlots
from tests.adversary.support import LiveServer
from tests.support.identity import signed_in

CAP = 8  # METERWISE_WS_MAX_SOCKETS_PER_USER's default


async def _fill(slots: SocketSlots, limit: int) -> None:
    user = uuid4()
    assert [await slots.acquire(user, f"s{i}", limit=limit) for i in range(limit + 1)] == \
        [True] * limit + [False]
    assert await slots.acquire(user, "s0", limit=limit)  # a socket re-acquiring its own slot
    await slots.release(user, "s1")
    assert await slots.acquire(user, "s9", limit=limit)  # a freed slot is taken again
    assert not await slots.acquire(user, "s10", limit=limit)
    assert await slots.acquire(uuid4(), "s0", limit=limit)  # other users are not counted


async def test_local_slots_cap_each_user() -> None:
    await _fill(LocalSlots(), 3)


async def test_redis_slots_cap_each_user(redis_url: str, redis_prefix: str) -> None:
    redis = Redis.from_url(redis_url)
    try:
        await _fill(RedisSlots(redis, prefix=redis_prefix), 3)
    finally:
        await redis.aclose()


async def test_redis_slots_hold_against_concurrent_sockets(redis_url: str,
                                                           redis_prefix: str) -> None:
    redis = Redis.from_url(redis_url)
    try:
        slots, user = RedisSlots(redis, prefix=redis_prefix), uuid4()
        won = await asyncio.gather(*(slots.acquire(user, f"s{i}", limit=5) for i in range(40)))
        assert sum(won) == 5
    finally:
        await redis.aclose()


async def test_a_lapsed_redis_slot_frees_itself(redis_url: str, redis_prefix: str) -> None:
    """A crashed process never releases nor refreshes; its slots lapse."""
    redis = Redis.from_url(redis_url)
    try:
        user = uuid4()
        crashed = RedisSlots(redis, prefix=redis_prefix, ttl=-1)  # lapsed the moment it's taken
        assert await crashed.acquire(user, "dead", limit=1)
        live = RedisSlots(redis, prefix=redis_prefix)
        assert await live.acquire(user, "new", limit=1)
    finally:
        await redis.aclose()


async def test_a_refresh_puts_back_a_slot_redis_forgot(redis_url: str, redis_prefix: str
                                                       ) -> None:
    """Only an open socket's watcher refreshes: a slot missing then (Redis restarted empty)
    is taken again, so the cap holds within one re-check instead of starting over."""
    redis = Redis.from_url(redis_url)
    try:
        user = uuid4()
        slots = RedisSlots(redis, prefix=redis_prefix)
        assert await slots.acquire(user, "open", limit=1)
        await redis.delete(f"{redis_prefix}:ws:{user}")  # what a restart does to it
        assert await slots.acquire(user, "other", limit=1)  # forgotten: let through once
        await slots.release(user, "other")
        await slots.refresh(user, "open")
        assert not await slots.acquire(user, "third", limit=1)
    finally:
        await redis.aclose()


async def test_an_unreachable_redis_lets_sockets_in() -> None:
    redis = Redis.from_url("redis://127.0.0.1:1", socket_connect_timeout=0.5)
    try:
        slots, user = RedisSlots(redis, prefix="x"), uuid4()
        assert await slots.acquire(user, "s0", limit=1)
        assert await slots.acquire(user, "s1", limit=1)  # fails open, and says so in the log
        await slots.refresh(user, "s0")
        await slots.release(user, "s0")
    finally:
        await redis.aclose()


@pytest.mark.slow
async def test_a_full_cap_closes_4429_and_a_bad_token_4403(live_identity: LiveServer) -> None:
    """A client must tell "too many sockets" (retry later, still signed in) from "bad
    credentials" (sign in again): the close codes differ, over a real WebSocket."""
    token, _ = await signed_in()
    other_token, _ = await signed_in()
    opened = [live_identity.socket(token) for _ in range(CAP)]
    sockets = [await s.__aenter__() for s in opened]
    try:
        async with live_identity.socket(token, ack=False) as extra:
            assert await extra.closed(10) == 4429
        async with live_identity.socket("mws_" + "x" * 43, ack=False) as forged:
            assert await forged.closed(10) == 4403  # even while that cap is full
        async with live_identity.socket(None, ack=False) as anonymous:
            assert await anonymous.closed(10) == 4403
        async with live_identity.socket(other_token) as theirs:  # other users: own cap
            assert (await theirs.execute("{ me { id } }"))["data"]["me"]
        assert (await sockets[0].execute("{ me { id } }"))["data"]["me"]  # still open
    finally:
        for s in opened:
            await s.__aexit__(None, None, None)
