"""Rate limits shared by every API process: one small interface, two backends.

Production keeps buckets in Redis (one Lua script per hit, Redis's clock, so every replica
agrees); the embedded default keeps them in this process. Both are GCRA token buckets: a
bucket holds ``limit`` points and refills completely in ``period`` seconds; a hit takes
``cost`` points (the query cost for GraphQL). The limiter comes from the process wiring;
``check`` is what callers use (a refusal is theirs to raise as ``RateLimited``).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import time
from dataclasses import dataclass
from ipaddress import IPv6Address, ip_address, ip_network
from typing import TYPE_CHECKING, Protocol, cast

from redis.asyncio import Redis

from meterwise.wiring import current as wired

if TYPE_CHECKING:
    from meterwise.config import Settings
    from meterwise.services.viewer import Viewer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Bucket:
    """``limit`` points per ``period`` seconds; ``name`` namespaces the keys."""

    name: str
    limit: int
    period: float = 60.0

    @property
    def emission(self) -> float:
        return self.period / self.limit


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_after: float  # seconds until the bucket is full again
    retry_after: float  # seconds until the same hit would pass (0 when allowed)
    bucket: str = ""


def _decision(bucket: Bucket, allowed: bool, backlog: float, wait: float) -> Decision:
    remaining = max(0, math.floor(bucket.limit - backlog / bucket.emission + 1e-9))
    return Decision(allowed=allowed, limit=bucket.limit, remaining=remaining,
                    reset_after=max(0.0, backlog), retry_after=max(0.0, wait),
                    bucket=bucket.name)


def hashed(key: str) -> str:
    """Keys may hold emails or IPs: store a digest, never the value."""
    return hashlib.sha256(key.encode()).hexdigest()[:32]


IPV6_BUCKET_PREFIX = 64


def ip_bucket(address: str) -> str:
    """The rate-limit key for a client address: IPv4 as is, IPv6 as its /64.

    Why: one IPv6 subscriber is routinely given a whole /64 (2^64 addresses), so a bucket
    per address is no limit at all. Every IP-keyed limit (HTTP, GraphQL, auth buckets, the
    identity brute-force throttle) keys by this. IPv4-mapped IPv6 counts as the IPv4
    address; anything unparsable is returned unchanged (one key either way).
    """
    try:
        parsed = ip_address(address.strip())
    except ValueError:
        return address
    if isinstance(parsed, IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ip_network(f"{parsed}/{IPV6_BUCKET_PREFIX}", strict=False))
    return str(parsed)


class RateLimiter(Protocol):
    async def hit(self, bucket: Bucket, key: str, cost: int = 1) -> Decision: ...


class InProcessLimiter:
    """Embedded default: buckets in a dict (at most ``max_keys``; full ones are pruned)."""

    def __init__(self, max_keys: int = 100_000) -> None:
        self._tat: dict[tuple[str, str], float] = {}
        self._max_keys = max_keys
        self._lock = asyncio.Lock()

    async def hit(self, bucket: Bucket, key: str, cost: int = 1) -> Decision:
        cost = min(max(cost, 1), bucket.limit)
        async with self._lock:
            now = time.monotonic()
            slot = (bucket.name, hashed(key))
            tat = max(self._tat.get(slot, now), now)
            new_tat = tat + cost * bucket.emission
            allow_at = new_tat - bucket.period
            if allow_at > now:
                return _decision(bucket, False, tat - now, allow_at - now)
            if len(self._tat) >= self._max_keys:
                self._prune(now)
            self._tat[slot] = new_tat
            return _decision(bucket, True, new_tat - now, 0.0)

    def _prune(self, now: float) -> None:
        for slot in [s for s, tat in self._tat.items() if tat <= now]:
            del self._tat[slot]
        while len(self._tat) >= self._max_keys:  # all busy: forget the oldest entries
            del self._tat[next(iter(self._tat))]

    def clear(self) -> None:
        self._tat.clear()


_GCRA = """
local emission = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local new_tat = tat + cost * emission
local allow_at = new_tat - capacity * emission
if allow_at > now then
  return {0, tostring(tat - now), tostring(allow_at - now)}
end
redis.call('SET', KEYS[1], tostring(new_tat), 'PX', math.ceil((new_tat - now) * 1000) + 1000)
return {1, tostring(new_tat - now), '0'}
"""


class RedisLimiter:
    """Production: the bucket lives in Redis under ``<prefix>:rl:<bucket>:<digest>``.

    If Redis cannot be reached the hit goes to a bucket in this process instead (logged):
    an outage of Redis must neither take the API down nor lift every limit, so while it
    lasts each API process enforces the limits on its own (at most ``processes x limit``
    per period). A Redis that restarts empty starts every bucket full again: one extra
    ``limit`` per key per restart is the most that costs.
    """

    def __init__(self, redis: Redis, *, prefix: str) -> None:
        self._redis = redis
        self._prefix = f"{prefix}:rl:"
        self._script = redis.register_script(_GCRA)
        self._fallback = InProcessLimiter()

    async def hit(self, bucket: Bucket, key: str, cost: int = 1) -> Decision:
        cost = min(max(cost, 1), bucket.limit)
        redis_key = f"{self._prefix}{bucket.name}:{hashed(key)}"
        try:
            allowed, backlog, wait = await self._script(
                keys=[redis_key], args=[repr(bucket.emission), bucket.limit, cost])
        except Exception as exc:
            log.warning("rate limiter unavailable (%s); limiting in this process",
                        type(exc).__name__)
            return await self._fallback.hit(bucket, key, cost)
        return _decision(bucket, bool(int(allowed)), float(backlog), float(wait))


def current() -> RateLimiter:
    """The process's limiter (its wiring's); in-process buckets when none was wired."""
    wiring = wired()
    if wiring.limiter is None:
        wiring.limiter = InProcessLimiter()
    return cast(RateLimiter, wiring.limiter)


async def check(bucket: Bucket, key: str, cost: int = 1) -> Decision:
    """Take ``cost`` points from ``key``'s bucket; the decision says whether it fit."""
    return await current().hit(bucket, key, cost)


def points_bucket(settings: Settings, viewer: Viewer | None,
                  client_ip: str) -> tuple[Bucket, str]:
    """The bucket and key an operation's cost is paid into (the CSV export pays here too)."""
    if viewer is not None:
        principal = f"token:{viewer.api_token_id}" if viewer.api_token_id else \
            f"user:{viewer.user_id}"
        return Bucket("api.user", settings.rate_limit_user_points), principal
    return (Bucket("api.anonymous", settings.rate_limit_anonymous_points),
            f"ip:{ip_bucket(client_ip)}")
