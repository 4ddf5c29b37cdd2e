"""How many WebSockets a user holds open: a cap shared by every API process.

Each socket takes a slot at ``connection_init`` and gives it back when it closes; a full
set of slots refuses the next socket. With Redis the slots of a user are one sorted set
(member: the socket's id, score: when the slot lapses unless refreshed), so replicas agree
and a crashed process's slots lapse by themselves; without Redis they live in this process.
The socket's periodic credential re-check refreshes its slot, adding it back if it is
missing: a Redis that restarted empty has the cap whole again within one re-check. If
Redis is unreachable the cap lets sockets through and logs it: an outage must not take the
live API down (the credential checks do not depend on Redis).
"""

from __future__ import annotations

import logging
import time
from typing import Protocol
from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

SLOT_TTL_SECONDS = 120.0  # a slot not refreshed for this long is free again

_ACQUIRE = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[4]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil((tonumber(ARGV[2]) - tonumber(ARGV[1])) * 1000))
return 1
"""


class SocketSlots(Protocol):
    async def acquire(self, user_id: UUID, socket_id: str, *, limit: int) -> bool: ...

    async def refresh(self, user_id: UUID, socket_id: str) -> None: ...

    async def release(self, user_id: UUID, socket_id: str) -> None: ...


class LocalSlots:
    """One process (the embedded default): a set of socket ids per user."""

    def __init__(self) -> None:
        self._open: dict[UUID, set[str]] = {}

    async def acquire(self, user_id: UUID, socket_id: str, *, limit: int) -> bool:
        held = self._open.setdefault(user_id, set())
        if socket_id not in held and len(held) >= limit:
            return False
        held.add(socket_id)
        return True

    async def refresh(self, user_id: UUID, socket_id: str) -> None:
        """Nothing lapses in-process: the socket's close releases its slot."""

    async def release(self, user_id: UUID, socket_id: str) -> None:
        held = self._open.get(user_id)
        if held is not None:
            held.discard(socket_id)
            if not held:
                del self._open[user_id]


class RedisSlots:
    """Every replica: ``<prefix>:ws:<user id>`` is a sorted set of live socket ids."""

    def __init__(self, redis: Redis, *, prefix: str, ttl: float = SLOT_TTL_SECONDS) -> None:
        self._redis = redis
        self._prefix = f"{prefix}:ws:"
        self._ttl = ttl
        self._acquire = redis.register_script(_ACQUIRE)

    def _key(self, user_id: UUID) -> str:
        return f"{self._prefix}{user_id}"

    async def acquire(self, user_id: UUID, socket_id: str, *, limit: int) -> bool:
        now = time.time()
        try:
            won = await self._acquire(keys=[self._key(user_id)],
                                      args=[repr(now), repr(now + self._ttl), limit, socket_id])
        except RedisError as exc:
            log.warning("socket cap unavailable (%s); letting the socket in",
                        type(exc).__name__)
            return True
        return bool(won)

    async def refresh(self, user_id: UUID, socket_id: str) -> None:
        key = self._key(user_id)
        try:
            # no XX: a Redis restarted empty forgot the slot, and the socket is still open
            await self._redis.zadd(key, {socket_id: time.time() + self._ttl})
            await self._redis.pexpire(key, int(self._ttl * 1000))
        except RedisError as exc:
            log.warning("socket cap refresh failed: %s", type(exc).__name__)

    async def release(self, user_id: UUID, socket_id: str) -> None:
        try:
            await self._redis.zrem(self._key(user_id), socket_id)
        except RedisError as exc:  # the slot lapses by itself
            log.warning("socket cap release failed: %s", type(exc).__name__)


def slots_for(redis: Redis | None, *, prefix: str, ttl: float = SLOT_TTL_SECONDS
              ) -> SocketSlots:
    return RedisSlots(redis, prefix=prefix, ttl=ttl) if redis is not None else LocalSlots()
