"""The one HTTP path to providers: a shared client, bounded retries, and no key in any output.

Retries 429, 5xx, timeouts and network errors with capped exponential backoff plus jitter,
honours `Retry-After` (seconds or HTTP-date, capped), and stops at once on 401/403.
`RetryPolicy.sleep` and `max_attempts` are injectable so tests run instantly.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from meterwise.providers.errors import (
    InvalidCredentials,
    ProviderResponseError,
    ProviderUnavailable,
)
from meterwise.providers.money import parse_json

logger = logging.getLogger("meterwise.providers.http")

USER_AGENT = "Meterwise/0.1 (usage sync)"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 529})
_TOKENISH = re.compile(r"\b(sk|key|token)[-_][A-Za-z0-9_\-*.]{4,}", re.IGNORECASE)

Verify = ssl.SSLContext | str | bool


def create_client(
    *, verify: Verify = True, timeout: httpx.Timeout = DEFAULT_TIMEOUT
) -> httpx.AsyncClient:
    """A client for provider calls: TLS verified, no redirects (no SSRF by redirect), timeouts.

    `verify` may be an SSLContext or a CA bundle path (tests pass the trustme CA).
    """
    if isinstance(verify, str):
        verify = ssl.create_default_context(cafile=verify)
    return httpx.AsyncClient(
        verify=verify,
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        limits=httpx.Limits(max_connections=50, max_keepalive_connections=10),
    )


_shared: httpx.AsyncClient | None = None


def shared_client() -> httpx.AsyncClient:
    """The process-wide client (created on first use, on the caller's event loop)."""
    global _shared
    if _shared is None or _shared.is_closed:
        _shared = create_client()
    return _shared


async def close_shared_client() -> None:
    """Close the process-wide client (worker shutdown)."""
    global _shared
    if _shared is not None:
        await _shared.aclose()
        _shared = None


def _random_jitter() -> float:
    return random.random()  # noqa: S311 - jitter, not security


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. Backoff n (1-based) is min(max_delay, base_delay * 2**(n-1)) + jitter."""

    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 120.0
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep)
    jitter: Callable[[], float] = field(default=_random_jitter)

    def backoff(self, attempt: int) -> float:
        """Delay before retry number `attempt` when the server gave no Retry-After."""
        delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return delay * (0.5 + self.jitter() / 2)

    def honour(self, retry_after: float) -> float:
        """Wait at least Retry-After (capped), plus a little jitter so clients spread out."""
        return min(retry_after, self.max_retry_after) + self.jitter() * min(1.0, self.base_delay)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds: delta-seconds or an HTTP-date; None when absent or garbage."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        # the OS clock: an HTTP date is the server's real time, not our (possibly fake) one
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


def redact(text: str, secret: str) -> str:
    """Remove the key and anything key-shaped (providers echo masked keys in messages)."""
    if secret:
        text = text.replace(secret, "[redacted]")
    return _TOKENISH.sub("[redacted]", text)


def _provider_message(response: httpx.Response, secret: str) -> str:
    """The provider's own error message, shortened and redacted, for humans."""
    message = ""
    try:
        body = parse_json(response.text)
    except Exception:  # any unreadable body just gives no message
        body = None
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            message = error["message"]
        elif isinstance(body.get("message"), str):
            message = body["message"]
    return redact(message[:300], secret)


def _tls_verification_failed(exc: BaseException) -> bool:
    """A bad certificate is not transient: do not retry it, say what it is."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


@dataclass(frozen=True)
class Call:
    """One logical GET: where, with which headers; the secret is only for redaction."""

    provider: str
    url: str
    headers: Mapping[str, str]
    params: list[tuple[str, str]]
    secret: str

    @property
    def path(self) -> str:
        return httpx.URL(self.url).path


async def get_json(
    client: httpx.AsyncClient,
    call: Call,
    policy: RetryPolicy,
    *,
    forbidden_ok: bool = False,
) -> Any:
    """GET and decode JSON with retries. Returns None on 403 when `forbidden_ok` (optional data)."""
    last_status: int | None = None
    last_retry_after: float | None = None
    pairs: list[tuple[str, str | int | float | bool | None]] = list(call.params)
    query = httpx.QueryParams(pairs)
    for attempt in range(1, policy.max_attempts + 1):
        try:
            response = await client.get(call.url, params=query, headers=dict(call.headers))
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            if _tls_verification_failed(exc):
                raise ProviderUnavailable(
                    f"{call.provider} GET {call.path}: TLS certificate verification failed"
                ) from None
            last_status, last_retry_after = None, None
            reason = exc.__class__.__name__
            if attempt == policy.max_attempts:
                break
            delay = policy.backoff(attempt)
            logger.warning(
                "%s GET %s failed (%s); retry %d/%d in %.2fs",
                call.provider, call.path, reason, attempt, policy.max_attempts - 1, delay,
            )
            await policy.sleep(delay)
            continue
        status = response.status_code
        if status in (401, 403):
            if status == 403 and forbidden_ok:
                return None
            message = _provider_message(response, call.secret)
            logger.warning("%s GET %s rejected the key (%d)", call.provider, call.path, status)
            raise InvalidCredentials(
                f"{call.provider} rejected the API key ({status}): {message or 'no message'}",
                status=status,
            )
        if 200 <= status < 300:
            try:
                return parse_json(response.text)
            except ProviderResponseError as exc:
                raise ProviderResponseError(
                    f"{call.provider} GET {call.path}: {exc.message}", status=status
                ) from None
        if status not in RETRY_STATUSES and status < 500:
            message = _provider_message(response, call.secret)
            raise ProviderResponseError(
                f"{call.provider} GET {call.path} answered {status}: {message or 'no message'}",
                status=status,
            )
        last_status = status
        last_retry_after = parse_retry_after(response.headers.get("retry-after"))
        if attempt == policy.max_attempts:
            break
        if last_retry_after is not None:
            delay = policy.honour(last_retry_after)
        else:
            delay = policy.backoff(attempt)
        logger.warning(
            "%s GET %s answered %d; retry %d/%d in %.2fs",
            call.provider, call.path, status, attempt, policy.max_attempts - 1, delay,
        )
        await policy.sleep(delay)
    what = f"status {last_status}" if last_status is not None else "network errors/timeouts"
    raise ProviderUnavailable(
        f"{call.provider} GET {call.path} still failing after "
        f"{policy.max_attempts} attempts ({what})",
        status=last_status,
        retry_after=last_retry_after,
    )
