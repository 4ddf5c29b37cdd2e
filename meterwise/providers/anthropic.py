"""Anthropic Admin API (legacy Usage and Cost) -> normalised rows.

Wire facts: PROVIDERS.md section 2. Choices:
* `1d` buckets for both reports (cost accepts only `1d`), `limit=31` (the maximum for both),
  over finished days only: `ending_at` is never after today 00:00 UTC. The cost report
  rejects a future `ending_at` (400) and has no data for the day in progress (PROVIDERS.md 0.1).
* today's usage comes from `1h` buckets from today 00:00 up to the current hour (a `1d`
  bucket for today is not returned before it ends); they are summed into today's `1d` row,
  so tomorrow's `1d` bucket for the same day overwrites it under the same key.
* `validate_key` reads one cost bucket over yesterday 00:00 -> today 00:00: a range with no
  whole day is a 400, which would read as "unreachable" to the user.
* usage grouped by model, workspace_id, api_key_id; workspace_id becomes `project`
  (None = the default workspace), api_key_id None = Console/Workbench usage.
* usage has no total and no request count: input = uncached + cache reads + 5m writes +
  1h writes; cached = cache reads; cache writes = 5m + 1h; requests = 0.
* cost grouped by workspace_id and description; `amount` is CENTS as a decimal string and
  is converted to dollars exactly; line_item = description (merged if it repeats).
* usage is also grouped by service_tier and context_window: a row's line_item is "messages"
  plus its tier and context (`usage_line_item`), so batch, priority and long-context usage
  are estimated at their own prices; 1h cache writes are kept apart for the same reason.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from meterwise.config import ProviderKind
from meterwise.providers.base import FetchResult, UsageRow, read_source
from meterwise.providers.common import (
    HttpAdapter,
    as_dict,
    cursor_pages,
    day_buckets,
    day_window,
    floor_day,
    floor_hour,
    from_rfc3339,
    to_rfc3339,
)
from meterwise.providers.http import get_json
from meterwise.providers.line_items import usage_line_item
from meterwise.providers.money import cents_to_dollars, int_at, str_at

API_VERSION = "2023-06-01"
USAGE_PATH = "/v1/organizations/usage_report/messages"
COST_PATH = "/v1/organizations/cost_report"
USAGE_GROUP_BY = ("model", "workspace_id", "api_key_id", "service_tier", "context_window")
COST_GROUP_BY = ("workspace_id", "description")
LIMIT_1D = 31
LIMIT_1H = 24  # one day of hours per page (the maximum is 168)
Params = list[tuple[str, str]]
Fetched = tuple[list[UsageRow], int]  # one endpoint's rows and the pages it read


class AnthropicAdapter(HttpAdapter):
    """Reads an organization's usage and cost reports with an Admin key (`sk-ant-admin...`)."""

    kind = ProviderKind.ANTHROPIC
    label = "Anthropic"

    def _headers(self, api_key: str) -> dict[str, str]:
        return {"x-api-key": api_key, "anthropic-version": API_VERSION}

    async def validate_key(self, api_key: str) -> None:
        """One cost bucket over yesterday: the smallest range the cost report accepts."""
        today = floor_day(self._clock())
        params = [("starting_at", to_rfc3339(today - timedelta(days=1))),
                  ("ending_at", to_rfc3339(today)), ("limit", "1")]
        await get_json(self._client, self._call(api_key, COST_PATH, params), self._retry)

    async def fetch(self, api_key: str, start: datetime, end: datetime) -> FetchResult:
        start, end = day_window(start, end)
        now = self._clock()
        finished = max(start, min(end, floor_day(now)))
        usage = await read_source("usage_report", start, end,
                                  partial(self.usage, api_key, start, end, now))
        cost = await read_source("cost_report", start, finished,
                                 partial(self.costs, api_key, start, end, now))
        return FetchResult.collect((usage, cost))

    async def usage(self, api_key: str, start: datetime, end: datetime,
                    now: datetime) -> Fetched:
        """The messages usage report: the finished days, then today's finished hours (one
        source, so one re-read replaces both)."""
        rows: list[UsageRow] = []
        pages = 0
        for read in (self.usage_days, self.usage_today):
            part_rows, part_pages = await read(api_key, start, end, now)
            rows.extend(part_rows)
            pages += part_pages
        return rows, pages

    async def usage_days(self, api_key: str, start: datetime, end: datetime,
                         now: datetime) -> Fetched:
        """`1d` usage of the window's finished days (none when the window is only today)."""
        finished = min(end, floor_day(now))
        if finished <= start:
            return [], 0
        params = _window(start, finished, "1d", LIMIT_1D) + _groups(USAGE_GROUP_BY)
        return await self._read(api_key, USAGE_PATH, params, start, end, _usage_rows)

    async def costs(self, api_key: str, start: datetime, end: datetime,
                    now: datetime) -> Fetched:
        """The cost report of the window's finished days; it has nothing for today."""
        finished = min(end, floor_day(now))
        if finished <= start:
            return [], 0
        params = _window(start, finished, "1d", LIMIT_1D) + _groups(COST_GROUP_BY)
        return await self._read(api_key, COST_PATH, params, start, end, _cost_rows)

    async def usage_today(self, api_key: str, start: datetime, end: datetime,
                          now: datetime) -> Fetched:
        """Today's finished hours as `1h` buckets, summed into today's `1d` row."""
        today, hour = floor_day(now), floor_hour(now)
        if not start <= today < end or hour <= today:
            return [], 0
        params = _window(today, hour, "1h", LIMIT_1H) + _groups(USAGE_GROUP_BY)
        return await self._read(api_key, USAGE_PATH, params, start, end, _usage_rows)

    async def _read(
        self,
        api_key: str,
        path: str,
        params: Params,
        start: datetime,
        end: datetime,
        parse: Callable[[dict[str, Any], datetime, datetime], Iterator[UsageRow]],
    ) -> Fetched:
        rows: list[UsageRow] = []
        pages = 0
        async for page in self._pages(api_key, path, params):
            pages += 1
            rows.extend(parse(page, start, end))
        return rows, pages

    def _pages(self, api_key: str, path: str, params: Params) -> AsyncIterator[dict[str, Any]]:
        return cursor_pages(
            self._client, lambda query: self._call(api_key, path, query), params,
            self._retry, "Anthropic page",
        )


def _window(start: datetime, end: datetime, width: str, limit: int) -> Params:
    return [("starting_at", to_rfc3339(start)), ("ending_at", to_rfc3339(end)),
            ("bucket_width", width), ("limit", str(limit))]


def _groups(names: tuple[str, ...]) -> Params:
    return [("group_by[]", name) for name in names]


def _buckets(
    page: dict[str, Any], start: datetime, end: datetime
) -> Iterator[tuple[datetime, list[Any]]]:
    return day_buckets(page, start, end, "Anthropic",
                       lambda bucket: from_rfc3339(bucket.get("starting_at"), "starting_at"))


def _usage_rows(page: dict[str, Any], start: datetime, end: datetime) -> Iterator[UsageRow]:
    for day, results in _buckets(page, start, end):
        for raw in results:
            result = as_dict(raw, "Anthropic usage result")
            creation = as_dict(result.get("cache_creation") or {}, "cache_creation")
            uncached = int_at(result, "uncached_input_tokens")
            cache_read = int_at(result, "cache_read_input_tokens")
            writes_1h = int_at(creation, "ephemeral_1h_input_tokens")
            writes = writes_1h + int_at(creation, "ephemeral_5m_input_tokens")
            yield UsageRow(
                bucket_start=day,
                bucket_width="1d",
                source="usage",
                model=str_at(result, "model"),
                project=str_at(result, "workspace_id"),
                api_key_id=str_at(result, "api_key_id"),
                line_item=usage_line_item(
                    "messages", str_at(result, "service_tier"),
                    str_at(result, "context_window")),
                input_tokens=uncached + cache_read + writes,
                output_tokens=int_at(result, "output_tokens"),
                cached_input_tokens=cache_read,
                cache_write_tokens=writes,
                cache_write_1h_tokens=writes_1h,
            )


def _cost_rows(page: dict[str, Any], start: datetime, end: datetime) -> Iterator[UsageRow]:
    for day, results in _buckets(page, start, end):
        for raw in results:
            result = as_dict(raw, "Anthropic cost result")
            currency = str_at(result, "currency") or "USD"
            yield UsageRow(
                bucket_start=day,
                bucket_width="1d",
                source="cost",
                model=str_at(result, "model"),
                project=str_at(result, "workspace_id"),
                api_key_id=None,
                line_item=str_at(result, "description") or "",
                cost=cents_to_dollars(result.get("amount"), field="amount"),
                currency=currency.upper(),
            )
