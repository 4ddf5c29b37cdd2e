"""Detectors: one call from the code that sees the thing happen, an event when it matters.

Hook points (each one line in the caller; all never raise into the caller's flow):
- identity: ``on_login_failed``, ``on_login_succeeded``, ``on_mfa_disabled``,
  ``on_totp_replay``, ``on_api_token_created``;
- connections: ``on_provider_key_replaced``;
- sync: ``on_sync_rows`` (new provider API key ids, spend spikes within the fetched rows),
  ``check_spend_spike`` (when a baseline from stored usage is at hand);
- the shield itself: ``on_rate_limited``.
Counting uses the rate-limiter backend (Redis in production), so bursts spread across API
processes are seen as one; "new IP / device / key id" memory is ``Sighting`` (digests only).
"""

from __future__ import annotations

import hashlib
import logging
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError

from meterwise.jobs.base import JobQueue
from meterwise.models.shield import Severity, Sighting
from meterwise.services import metrics, ratelimit
from meterwise.services.ratelimit import Bucket
from meterwise.services.security_events import record

log = logging.getLogger(__name__)

LOGIN_FAILURE_BURST = Bucket("detect.login_failures", 10, 300)  # 10 failures in 5 minutes
RATE_LIMIT_REPEATED = Bucket("detect.rate_limited", 5, 600)  # 5 refusals in 10 minutes
SPIKE_FACTOR = Decimal(5)
SPIKE_MIN_INCREASE = Decimal(10)  # currency units above the baseline median
SPIKE_MIN_BASELINE_DAYS = 7


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


async def _burst(bucket: Bucket, key: str) -> bool:
    """True exactly once per burst: on the hit that empties the detection bucket."""
    decision = await ratelimit.check(bucket, key)
    return decision.allowed and decision.remaining == 0


async def _sighted(subject: str, kind: str, value: str) -> tuple[bool, bool]:
    """Remember ``value``; returns (new, had_history) for ``subject``'s ``kind``."""
    digest = _digest(value)
    if await Sighting.filter(subject=subject, kind=kind, digest=digest).exists():
        await Sighting.filter(subject=subject, kind=kind, digest=digest).update(kind=kind)
        return False, True
    had_history = await Sighting.filter(subject=subject, kind=kind).exists()
    try:
        await Sighting.create(subject=subject, kind=kind, digest=digest)
    except IntegrityError:  # a parallel request recorded it first
        return False, True
    return True, had_history


def _device(user_agent: str) -> str:
    return " ".join(user_agent.split())[:512].lower()


# --- identity ------------------------------------------------------------------------------


async def on_login_failed(*, email: str, account_id: UUID | None, ip: str,
                          jobs: JobQueue | None = None) -> None:
    """A wrong password (or unknown email): a burst per account, and per IP, is an event."""
    try:
        if account_id is not None and await _burst(LOGIN_FAILURE_BURST, f"account:{account_id}"):
            await record("failed_login_burst", account_id=account_id, severity=Severity.HIGH,
                         details={"ip": ip, "failures": LOGIN_FAILURE_BURST.limit,
                                  "windowSeconds": LOGIN_FAILURE_BURST.period}, jobs=jobs)
        if await _burst(LOGIN_FAILURE_BURST, f"ip:{ip}"):
            await record("failed_login_burst_ip", account_id=None, severity=Severity.MEDIUM,
                         details={"ip": ip, "failures": LOGIN_FAILURE_BURST.limit}, jobs=jobs)
    except Exception:
        log.exception("login-failure detector failed")


async def on_login_succeeded(*, user_id: UUID, account_id: UUID, ip: str, user_agent: str,
                             jobs: JobQueue | None = None) -> None:
    """A login from an IP or device this user never used before (after their first)."""
    try:
        subject = f"user:{user_id}"
        new_ip, ip_history = await _sighted(subject, "ip", ip)
        if new_ip and ip_history:
            await record("login_new_ip", account_id=account_id, severity=Severity.MEDIUM,
                         details={"userId": str(user_id), "ip": ip}, jobs=jobs)
        new_device, device_history = await _sighted(subject, "device", _device(user_agent))
        if new_device and device_history:
            await record("login_new_device", account_id=account_id, severity=Severity.MEDIUM,
                         details={"userId": str(user_id), "ip": ip,
                                  "userAgent": user_agent[:200]}, jobs=jobs)
    except Exception:
        log.exception("login-success detector failed")


async def on_mfa_disabled(*, user_id: UUID, account_id: UUID, ip: str,
                          jobs: JobQueue | None = None) -> None:
    await record("mfa_disabled", account_id=account_id, severity=Severity.HIGH,
                 details={"userId": str(user_id), "ip": ip}, jobs=jobs)


async def on_totp_replay(*, user_id: UUID, account_id: UUID | None, ip: str,
                         jobs: JobQueue | None = None) -> None:
    """A TOTP code used twice: someone else may have seen it."""
    await record("totp_replay", account_id=account_id, severity=Severity.HIGH,
                 details={"userId": str(user_id), "ip": ip}, jobs=jobs)


async def on_api_token_created(*, user_id: UUID, account_id: UUID, token_id: UUID, name: str,
                               scope: str, jobs: JobQueue | None = None) -> None:
    await record("api_token_created", account_id=account_id, severity=Severity.LOW,
                 details={"userId": str(user_id), "tokenId": str(token_id), "name": name,
                          "scope": scope}, jobs=jobs)


# --- connections and sync ------------------------------------------------------------------


async def on_provider_key_replaced(*, user_id: UUID, account_id: UUID, connection_id: UUID,
                                   jobs: JobQueue | None = None) -> None:
    await record("provider_key_replaced", account_id=account_id, severity=Severity.MEDIUM,
                 details={"userId": str(user_id), "connectionId": str(connection_id)}, jobs=jobs)


async def on_sync_rows(*, account_id: UUID, connection_id: UUID, provider: str,
                       rows: Iterable[Any], jobs: JobQueue | None = None) -> None:
    """After a sync stored ``rows`` (``providers.base.UsageRow``): new key ids, spikes.

    The first sync of a connection only learns its key ids (no baseline yet).
    """
    try:
        rows = list(rows)
        subject = f"connection:{connection_id}"
        for key_id in sorted({r.api_key_id for r in rows if getattr(r, "api_key_id", None)}):
            new, history = await _sighted(subject, "api_key", key_id)
            if new and history:
                await record("unknown_api_key", account_id=account_id, severity=Severity.HIGH,
                             details={"connectionId": str(connection_id), "provider": provider,
                                      "apiKeyId": key_id}, jobs=jobs)
        daily: dict[date, Decimal] = defaultdict(Decimal)
        for row in rows:
            if getattr(row, "cost", None) is not None:
                daily[row.bucket_start.date()] += row.cost
        if len(daily) > SPIKE_MIN_BASELINE_DAYS:
            days = sorted(daily)
            await check_spend_spike(account_id=account_id, connection_id=connection_id,
                                    day=days[-1], day_cost=daily[days[-1]],
                                    baseline=[daily[d] for d in days[:-1]], jobs=jobs)
    except Exception:
        log.exception("sync detector failed")


async def check_spend_spike(*, account_id: UUID, connection_id: UUID, day: date,
                            day_cost: Decimal, baseline: Sequence[Decimal],
                            jobs: JobQueue | None = None) -> bool:
    """An event when ``day_cost`` is far above the median of ``baseline`` daily costs."""
    if len(baseline) < SPIKE_MIN_BASELINE_DAYS:
        return False
    median = Decimal(statistics.median(baseline))
    if day_cost < median * SPIKE_FACTOR or day_cost - median < SPIKE_MIN_INCREASE:
        return False
    await record("spend_spike", account_id=account_id, severity=Severity.HIGH,
                 details={"connectionId": str(connection_id), "day": day.isoformat(),
                          "cost": str(day_cost), "baselineMedian": str(median)}, jobs=jobs)
    return True


# --- the shield ----------------------------------------------------------------------------


async def on_rate_limited(*, bucket: str, account_id: UUID | None, ip: str,
                          jobs: JobQueue | None = None) -> None:
    """Counts the refusal; repeated refusals of one caller become an event."""
    metrics.RATE_LIMIT_HITS.labels(bucket=bucket).inc()
    try:
        who = f"account:{account_id}" if account_id else f"ip:{ip}"
        if await _burst(RATE_LIMIT_REPEATED, who):
            await record("rate_limit_repeated", account_id=account_id,
                         severity=Severity.MEDIUM,
                         details={"bucket": bucket, "ip": ip,
                                  "refusals": RATE_LIMIT_REPEATED.limit}, jobs=jobs)
    except Exception:
        log.exception("rate-limit detector failed")
