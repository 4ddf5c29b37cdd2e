"""Detectors: one call from the code that sees the thing happen, an event when it matters.

Hook points (each one line in the caller; all never raise into the caller's flow):
- identity: ``on_login_failed``, ``on_login_succeeded``, ``on_mfa_failed``,
  ``on_mfa_disabled``, ``on_totp_replay``, ``on_api_token_created``;
- connections: ``on_provider_key_replaced``;
- sync: ``on_sync_rows`` after every successful sync (new provider API key ids; spend
  spikes of the changed days against the connection's stored daily usage);
- the shield itself: ``on_rate_limited``.
Counting uses the rate-limiter backend (Redis in production), so bursts spread across API
processes are seen as one; "new IP / device / key id" memory is ``Sighting``: HMAC-SHA-256
digests under an instance key (``vault.system_key``), so a stolen database does not give the
IPs back (plain SHA-256 of an IPv4 /16 is brute-forced in well under a second).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.functions import Sum

from meterwise.jobs.base import JobQueue
from meterwise.models.shield import SecurityEventKind, Severity, Sighting
from meterwise.models.usage import UsageDaily
from meterwise.services import metrics, vault
from meterwise.services.guards import ratelimit
from meterwise.services.guards.ratelimit import Bucket
from meterwise.services.security_events.recorder import record

log = logging.getLogger(__name__)

LOGIN_FAILURE_BURST = Bucket("detect.login_failures", 10, 300)  # 10 failures in 5 minutes
MFA_FAILURE_BURST = Bucket("detect.mfa_failures", 5, 600)  # 5 wrong codes in 10 minutes
RATE_LIMIT_REPEATED = Bucket("detect.rate_limited", 5, 600)  # 5 refusals in 10 minutes
SPIKE_BASELINE_DAYS = 14  # a day is compared with the stored days before it
SPIKE_MIN_BASELINE_DAYS = 7  # fewer stored days before it: no baseline yet
SPIKE_RECENT_DAYS = 7  # how far back from a sync's newest changed day days are checked
SPIKE_FACTOR = Decimal(5)  # times the baseline median ...
SPIKE_MAD_K = Decimal(5)  # ... and this many (scaled) median absolute deviations above it ...
SPIKE_MIN_INCREASE = Decimal(10)  # ... and at least this many currency units more
SPIKE_HIGH_FACTOR = Decimal(10)  # from this many times the median the severity is high
_MAD_TO_SIGMA = Decimal("1.4826")  # MAD x this estimates a normal distribution's sigma
_KEY_BASELINE = ""  # a key id no provider uses: marks "this connection's first sync is done"


SIGHTING_KEY = "sightings"  # the vault.system_key purpose


async def _digest(value: str) -> str:
    _, key = await vault.system_key(SIGHTING_KEY)
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


async def _burst(bucket: Bucket, key: str) -> bool:
    """True exactly once per burst: on the hit that empties the detection bucket."""
    decision = await ratelimit.check(bucket, key)
    return decision.allowed and decision.remaining == 0


async def _sighted(subject: str, kind: str, value: str) -> tuple[bool, bool]:
    """Remember ``value``; returns (new, had_history) for ``subject``'s ``kind``."""
    digest = await _digest(value)
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
            await record(SecurityEventKind.FAILED_LOGIN_BURST,
                         account_id=account_id, severity=Severity.HIGH,
                         details={"ip": ip, "failures": LOGIN_FAILURE_BURST.limit,
                                  "windowSeconds": LOGIN_FAILURE_BURST.period}, jobs=jobs)
        if await _burst(LOGIN_FAILURE_BURST, f"ip:{ip}"):
            await record(SecurityEventKind.FAILED_LOGIN_BURST_IP,
                         account_id=None, severity=Severity.MEDIUM,
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
            await record(SecurityEventKind.LOGIN_NEW_IP,
                         account_id=account_id, severity=Severity.MEDIUM,
                         details={"userId": str(user_id), "ip": ip}, jobs=jobs)
        new_device, device_history = await _sighted(subject, "device", _device(user_agent))
        if new_device and device_history:
            await record(SecurityEventKind.LOGIN_NEW_DEVICE,
                         account_id=account_id, severity=Severity.MEDIUM,
                         details={"userId": str(user_id), "ip": ip,
                                  "userAgent": user_agent[:200]}, jobs=jobs)
    except Exception:
        log.exception("login-success detector failed")


async def on_mfa_failed(*, user_id: UUID, account_id: UUID | None, ip: str,
                        jobs: JobQueue | None = None) -> None:
    """Wrong second-factor codes: whoever sends them already has the password (or a
    session), so a burst is one event, once per burst, not one per guess."""
    try:
        if await _burst(MFA_FAILURE_BURST, f"user:{user_id}"):
            await record(SecurityEventKind.MFA_GUESSING,
                         account_id=account_id, severity=Severity.HIGH,
                         details={"userId": str(user_id), "ip": ip,
                                  "failures": MFA_FAILURE_BURST.limit,
                                  "windowSeconds": MFA_FAILURE_BURST.period}, jobs=jobs)
    except Exception:
        log.exception("mfa-failure detector failed")


async def on_mfa_disabled(*, user_id: UUID, account_id: UUID, ip: str,
                          jobs: JobQueue | None = None) -> None:
    await record(SecurityEventKind.MFA_DISABLED, account_id=account_id, severity=Severity.HIGH,
                 details={"userId": str(user_id), "ip": ip}, jobs=jobs)


async def on_totp_replay(*, user_id: UUID, account_id: UUID | None, ip: str,
                         jobs: JobQueue | None = None) -> None:
    """A TOTP code used twice: someone else may have seen it."""
    await record(SecurityEventKind.TOTP_REPLAY, account_id=account_id, severity=Severity.HIGH,
                 details={"userId": str(user_id), "ip": ip}, jobs=jobs)


async def on_api_token_created(*, user_id: UUID, account_id: UUID, token_id: UUID, name: str,
                               scope: str, jobs: JobQueue | None = None) -> None:
    await record(SecurityEventKind.API_TOKEN_CREATED, account_id=account_id, severity=Severity.LOW,
                 details={"userId": str(user_id), "tokenId": str(token_id), "name": name,
                          "scope": scope}, jobs=jobs)


# --- connections and sync ------------------------------------------------------------------


async def on_provider_key_replaced(*, user_id: UUID, account_id: UUID, connection_id: UUID,
                                   jobs: JobQueue | None = None) -> None:
    await record(SecurityEventKind.PROVIDER_KEY_REPLACED,
                 account_id=account_id, severity=Severity.MEDIUM,
                 details={"userId": str(user_id), "connectionId": str(connection_id)}, jobs=jobs)


async def on_sync_rows(*, account_id: UUID, connection_id: UUID, provider: str,
                       rows: Iterable[Any], days: Sequence[date] = (),
                       jobs: JobQueue | None = None) -> None:
    """After every successful sync: new API key ids in ``rows`` (``providers.base.UsageRow``),
    then spend spikes on ``days`` (the days whose stored usage the sync changed)."""
    try:
        await _new_api_key_ids(account_id, connection_id, provider, rows, jobs)
    except Exception:
        log.exception("new-key-id detector failed")
    try:
        await check_spend_spikes(account_id=account_id, connection_id=connection_id,
                                 days=days, jobs=jobs)
    except Exception:
        log.exception("spend-spike detector failed")


async def _new_api_key_ids(account_id: UUID, connection_id: UUID, provider: str,
                           rows: Iterable[Any], jobs: JobQueue | None) -> None:
    """A key id the connection never reported before is an event, except on its first sync.

    Whether the baseline exists is decided once, before this sync's ids are learnt: the
    first backfill's keys (however many) are the baseline, not alerts. The baseline marker
    is recorded even when that sync saw no key ids, so the first key to appear later on an
    idle account does alert.
    """
    subject = f"connection:{connection_id}"
    established = await Sighting.filter(subject=subject, kind="api_key").exists()
    for key_id in sorted({r.api_key_id for r in rows if getattr(r, "api_key_id", None)}):
        new, _ = await _sighted(subject, "api_key", key_id)
        if new and established:
            await record(SecurityEventKind.UNKNOWN_API_KEY,
                         account_id=account_id, severity=Severity.HIGH,
                         details={"connectionId": str(connection_id), "provider": provider,
                                  "apiKeyId": key_id}, jobs=jobs)
    if not established:
        await _sighted(subject, "api_key", _KEY_BASELINE)


@dataclass(frozen=True)
class Spike:
    median: Decimal
    mad: Decimal
    severity: Severity


def spike(day_cost: Decimal, baseline: Sequence[Decimal]) -> Spike | None:
    """Whether ``day_cost`` is far above ``baseline`` (one cost per earlier day, zeros kept).

    Far means all of: ``SPIKE_FACTOR`` times the median (a ratio), ``SPIKE_MAD_K`` scaled
    median absolute deviations above it (so a naturally bursty connection does not alert on
    its usual bursts), and ``SPIKE_MIN_INCREASE`` currency units more (tiny amounts are
    noise). The median and MAD, not mean and deviation, so one earlier spike does not
    raise the bar for the next.
    """
    if len(baseline) < SPIKE_MIN_BASELINE_DAYS:
        return None
    median = Decimal(statistics.median(baseline))
    mad = Decimal(statistics.median(abs(cost - median) for cost in baseline))
    bar = max(median * SPIKE_FACTOR, median + SPIKE_MAD_K * _MAD_TO_SIGMA * mad,
              median + SPIKE_MIN_INCREASE)
    if day_cost < bar:
        return None
    high = median == 0 or day_cost >= median * SPIKE_HIGH_FACTOR
    return Spike(median=median, mad=mad, severity=Severity.HIGH if high else Severity.MEDIUM)


async def check_spend_spikes(*, account_id: UUID, connection_id: UUID, days: Iterable[date],
                             jobs: JobQueue | None = None) -> int:
    """Each recent day of ``days`` against the connection's stored daily cost before it.

    Reads ``UsageDaily`` (what the sync just stored) for the ``SPIKE_BASELINE_DAYS`` before
    each day; days before the connection's first stored day are not part of a baseline (a
    new connection has none). Only the last ``SPIKE_RECENT_DAYS`` of ``days`` are checked:
    a first backfill's older days become the baseline instead of month-old alerts. Each
    (connection, day, currency) alerts at most once, however often it is re-synced.
    Returns how many events were recorded.
    """
    wanted = sorted(set(days))
    if not wanted:
        return 0
    recent = [d for d in wanted if d > wanted[-1] - timedelta(days=SPIKE_RECENT_DAYS)]
    lo = recent[0] - timedelta(days=SPIKE_BASELINE_DAYS)
    stored = await UsageDaily.filter(
        connection_id=connection_id, day__gte=_midnight(lo),
        day__lt=_midnight(recent[-1] + timedelta(days=1)),
    ).annotate(total=Sum("cost")).group_by("day", "currency").values("day", "currency", "total")
    first = await UsageDaily.filter(connection_id=connection_id).order_by("day").first()
    if first is None:
        return 0
    since = first.day.astimezone(UTC).date()
    daily: dict[str, dict[date, Decimal]] = defaultdict(dict)
    for row in stored:
        daily[row["currency"]][row["day"].astimezone(UTC).date()] = Decimal(row["total"] or 0)
    recorded = 0
    for day in recent:
        earlier = [day - timedelta(days=n) for n in range(SPIKE_BASELINE_DAYS, 0, -1)]
        for currency, costs in sorted(daily.items()):
            if day not in costs:
                continue
            found = spike(costs[day], [costs.get(d, Decimal(0)) for d in earlier if d >= since])
            if found is None:
                continue
            new, _ = await _sighted(f"connection:{connection_id}", "spend_spike",
                                    f"{day.isoformat()}:{currency}")
            if not new:
                continue
            await record(SecurityEventKind.SPEND_SPIKE,
                         account_id=account_id, severity=found.severity,
                         details={"connectionId": str(connection_id), "day": day.isoformat(),
                                  "currency": currency, "cost": _cents(costs[day]),
                                  "baselineMedian": _cents(found.median),
                                  "baselineMad": _cents(found.mad),
                                  "baselineDays": SPIKE_BASELINE_DAYS}, jobs=jobs)
            recorded += 1
    return recorded


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _cents(amount: Decimal) -> str:
    return str(amount.quantize(Decimal("0.01")))


# --- the shield ----------------------------------------------------------------------------


async def on_rate_limited(*, bucket: str, account_id: UUID | None, ip: str,
                          jobs: JobQueue | None = None) -> None:
    """Counts the refusal; repeated refusals of one caller become an event."""
    metrics.RATE_LIMIT_HITS.labels(bucket=bucket).inc()
    try:
        who = f"account:{account_id}" if account_id else f"ip:{ip}"
        if await _burst(RATE_LIMIT_REPEATED, who):
            await record(SecurityEventKind.RATE_LIMIT_REPEATED, account_id=account_id,
                         severity=Severity.MEDIUM,
                         details={"bucket": bucket, "ip": ip,
                                  "refusals": RATE_LIMIT_REPEATED.limit}, jobs=jobs)
    except Exception:
        log.exception("rate-limit detector failed")
