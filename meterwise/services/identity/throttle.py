"""Brute-force throttling for passwords and MFA codes, shared by every API process.

Each attempt is counted *before* the secret is checked, with one atomic upsert per key in
PostgreSQL, so parallel guesses cannot slip past the limit. Past a few free attempts every
attempt waits a little longer (progressive delay); past ``throttle_max_attempts`` in the
window the key is locked for a while and attempts answer ``RATE_LIMITED`` without checking
anything. Keys are per account (a hash of the email, so unknown emails are throttled
exactly like known ones) and per client ``ip_bucket`` (an IPv6 client's /64; a higher
limit, for shared NATs); sign-up counts per IP bucket and per invite code.

It stays with identity rather than in ``services/guards``: it counts guesses at identity's
own secrets (passwords, MFA and recovery codes, invite codes) in PostgreSQL, durably and
with lock-outs, which the shared Redis buckets of ``guards.ratelimit`` (cheap, forgetful,
charged by query cost) are not meant to do; only ``ip_bucket`` is shared.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterable, Mapping
from datetime import timedelta
from uuid import UUID

from tortoise import connections

from meterwise import clock
from meterwise.services.errors import RateLimited
from meterwise.services.guards.ratelimit import ip_bucket
from meterwise.services.identity import policy

IP_LIMIT_FACTOR = 5

_UPSERT = """
INSERT INTO login_throttle (key, attempts, window_started_at, locked_until)
VALUES ($1, 1, $2, NULL)
ON CONFLICT (key) DO UPDATE SET
  attempts = CASE WHEN {expired} THEN 1 ELSE login_throttle.attempts + 1 END,
  window_started_at = CASE WHEN {expired} THEN $2 ELSE login_throttle.window_started_at END,
  locked_until = CASE
    WHEN {expired} THEN NULL
    WHEN login_throttle.locked_until IS NULL AND login_throttle.attempts + 1 > $4 THEN $5
    ELSE login_throttle.locked_until END
RETURNING attempts, locked_until
""".format(
    expired="((login_throttle.locked_until IS NOT NULL AND login_throttle.locked_until <= $2)"
    " OR (login_throttle.locked_until IS NULL AND login_throttle.window_started_at <= $3))"
)


def login_keys(email: str, ip: str) -> dict[str, int]:
    limit = policy.settings().throttle_max_attempts
    digest = hashlib.sha256(email.strip().casefold().encode()).hexdigest()[:40]
    return {f"login:email:{digest}": limit, f"login:ip:{ip_bucket(ip)}": limit * IP_LIMIT_FACTOR}


def signup_keys(invite_code: str, ip: str) -> dict[str, int]:
    """Per client IP (shared NATs get the higher limit) and per invite code, so neither a
    flood of guesses nor probing emails with one real code goes unbounded."""
    limit = policy.settings().throttle_max_attempts
    digest = hashlib.sha256(invite_code.strip().encode()).hexdigest()[:40]
    return {f"signup:ip:{ip_bucket(ip)}": limit * IP_LIMIT_FACTOR, f"signup:invite:{digest}": limit}


def mfa_keys(user_id: UUID, ip: str) -> dict[str, int]:
    limit = policy.settings().throttle_max_attempts
    return {f"mfa:user:{user_id}": limit, f"mfa:ip:{ip_bucket(ip)}": limit * IP_LIMIT_FACTOR}


async def attempt(keys: Mapping[str, int]) -> None:
    """Count one attempt on every key; refuse it when locked, else wait the current delay."""
    cfg = policy.settings()
    now = clock.now()
    window_start = now - timedelta(minutes=cfg.throttle_window_minutes)
    lock_until = now + timedelta(minutes=cfg.throttle_lock_minutes)
    conn = connections.get("default")
    worst, retry_after = 0, 0.0
    for key, limit in keys.items():
        rows = await conn.execute_query_dict(
            _UPSERT, [key[:128], now, window_start, limit, lock_until]
        )
        row = rows[0]
        locked = row["locked_until"]
        if locked is not None and locked > now:
            retry_after = max(retry_after, (locked - now).total_seconds())
        worst = max(worst, int(row["attempts"]))
    if retry_after > 0:
        raise RateLimited(retry_after, "Too many attempts; try again later.")
    extra = worst - cfg.throttle_free_attempts
    if extra > 0 and cfg.throttle_delay_base_seconds > 0:
        delay = min(cfg.throttle_delay_base_seconds * 2 ** (extra - 1),
                    cfg.throttle_delay_max_seconds)
        await asyncio.sleep(delay)


async def succeeded(reset: Iterable[str], release: Iterable[str] = ()) -> None:
    """A correct answer: forget the account's failures, give the IP its attempt back."""
    conn = connections.get("default")
    reset_keys = [k[:128] for k in reset]
    release_keys = [k[:128] for k in release]
    if reset_keys:
        await conn.execute_query(
            "DELETE FROM login_throttle WHERE key = ANY($1::text[]) AND locked_until IS NULL",
            [reset_keys],
        )
    if release_keys:
        await conn.execute_query(
            "UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0) "
            "WHERE key = ANY($1::text[])",
            [release_keys],
        )


async def purge(*, older_than: timedelta = timedelta(days=1)) -> int:
    """Drop counters whose window and lock are long over (housekeeping)."""
    cutoff = clock.now() - older_than
    conn = connections.get("default")
    count, _ = await conn.execute_query(
        "DELETE FROM login_throttle WHERE window_started_at < $1 "
        "AND (locked_until IS NULL OR locked_until < $1)",
        [cutoff],
    )
    return int(count)
