"""Small helpers every adapter shares: UTC day windows, bucket times, body shape checks."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import httpx

from meterwise.providers.errors import ProviderResponseError
from meterwise.providers.http import Call, RetryPolicy, get_json

MAX_PAGES = 1000  # a guard against a provider cursor that never ends

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The OS clock: providers import nothing above them; services pass ``clock.now``."""
    return datetime.now(UTC)


def require_utc(value: datetime, name: str) -> datetime:
    """Windows must be aware datetimes; naive ones are ambiguous, so refuse them."""
    if value.tzinfo is None:
        raise ValueError(f"{name} must be timezone-aware")
    return value.astimezone(UTC)


def floor_day(value: datetime) -> datetime:
    value = value.astimezone(UTC)
    return value.replace(hour=0, minute=0, second=0, microsecond=0)


def floor_hour(value: datetime) -> datetime:
    """The start of the UTC hour: the last hourly bucket that has ended by `value`."""
    return value.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def ceil_day(value: datetime) -> datetime:
    floored = floor_day(value)
    return floored if floored == value else floored + timedelta(days=1)


def day_window(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """Widen [start, end) to whole UTC days, so every bucket we store starts at midnight.

    Providers start the first bucket at the requested time (OpenAI) or snap it (Anthropic);
    aligning here keeps the upsert key stable from one poll to the next.
    """
    start = require_utc(start, "start")
    end = require_utc(end, "end")
    if end <= start:
        raise ValueError("end must be after start")
    return floor_day(start), ceil_day(end)


def from_unix(value: object, field: str) -> datetime:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProviderResponseError(f"bucket field {field!r} is not unix seconds")
    return datetime.fromtimestamp(value, UTC)


def from_rfc3339(value: object, field: str) -> datetime:
    if not isinstance(value, str):
        raise ProviderResponseError(f"bucket field {field!r} is not a timestamp string")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ProviderResponseError(f"bucket field {field!r} is not RFC 3339") from None
    if parsed.tzinfo is None:
        raise ProviderResponseError(f"bucket field {field!r} has no UTC offset")
    return parsed.astimezone(UTC)


def to_rfc3339(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProviderResponseError(f"{what} is not a JSON object")
    return value


def as_list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise ProviderResponseError(f"{what} is not a JSON array")
    return value


def next_cursor(page: dict[str, Any], seen: set[str], pages: int) -> str | None:
    """The cursor to send back, or None when done; refuses loops and endless paging."""
    if not page.get("has_more"):
        return None
    cursor = page.get("next_page")
    if not isinstance(cursor, str) or not cursor:
        raise ProviderResponseError("has_more is true but next_page is missing")
    if cursor in seen:
        raise ProviderResponseError("provider repeated a page cursor")
    if pages >= MAX_PAGES:
        raise ProviderResponseError(f"more than {MAX_PAGES} pages; giving up")
    seen.add(cursor)
    return cursor


async def cursor_pages(
    client: httpx.AsyncClient,
    call_for: Callable[[list[tuple[str, str]]], Call],
    params: list[tuple[str, str]],
    retry: RetryPolicy,
    what: str,
) -> AsyncIterator[dict[str, Any]]:
    """Every page of a ``has_more``/``next_page`` listing (OpenAI's and Anthropic's shape).

    The cursor goes back as ``page``; ``next_cursor`` stops a cursor that repeats or runs on.
    """
    cursor: str | None = None
    seen: set[str] = set()
    count = 0
    while True:
        page_params = params + ([("page", cursor)] if cursor else [])
        body = as_dict(await get_json(client, call_for(page_params), retry), what)
        count += 1
        yield body
        cursor = next_cursor(body, seen, count)
        if cursor is None:
            return


class HttpAdapter:
    """What every adapter holds (its base URL, the shared client, retries, a clock) and how
    it builds one authenticated GET; each names itself and, if not Bearer, its headers."""

    label: ClassVar[str]  # the provider's name in errors and logs

    def __init__(
        self,
        *,
        base_url: str,
        client: httpx.AsyncClient,
        retry: RetryPolicy | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._client = client
        self._retry = retry or RetryPolicy()
        self._clock = clock

    def _headers(self, api_key: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {api_key}"}

    def _call(self, api_key: str, path: str, params: list[tuple[str, str]]) -> Call:
        return Call(
            provider=self.label,
            url=f"{self._base}{path}",
            headers=self._headers(api_key),
            params=params,
            secret=api_key,
        )


def day_buckets(
    page: dict[str, Any], start: datetime, end: datetime, label: str,
    day_of: Callable[[dict[str, Any]], datetime],
) -> Iterator[tuple[datetime, list[Any]]]:
    """(day start, results) for each bucket of a report page inside [start, end); a partial
    bucket snaps to its UTC day. ``day_of`` reads the bucket's start in the provider's form."""
    for raw in as_list(page.get("data"), f"{label} page data"):
        bucket = as_dict(raw, f"{label} bucket")
        day = floor_day(day_of(bucket))
        if start <= day < end:
            yield day, as_list(bucket.get("results", []), f"{label} bucket results")
