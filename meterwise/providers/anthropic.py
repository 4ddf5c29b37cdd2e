"""Anthropic Admin API (legacy Usage and Cost) -> normalised rows.

Wire facts: PROVIDERS.md section 2. Choices:
* `1d` buckets for both reports (cost accepts only `1d`), `limit=31` (the maximum for both).
* usage grouped by model, workspace_id, api_key_id; workspace_id becomes `project`
  (None = the default workspace), api_key_id None = Console/Workbench usage.
* usage has no total and no request count: input = uncached + cache reads + 5m writes +
  1h writes; cached = cache reads; cache writes = 5m + 1h; requests = 0.
* cost grouped by workspace_id and description; `amount` is CENTS as a decimal string and
  is converted to dollars exactly; line_item = description (merged if it repeats).
* usage rows' line_item is "messages" (the report they came from).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from functools import partial
from typing import Any

import httpx

from meterwise.providers.base import FetchResult, ProviderKind, UsageRow, read_source
from meterwise.providers.common import (
    as_dict,
    as_list,
    cursor_pages,
    day_window,
    floor_day,
    from_rfc3339,
    to_rfc3339,
    utc_now,
)
from meterwise.providers.http import Call, RetryPolicy, get_json
from meterwise.providers.money import cents_to_dollars, opt_str, to_int

API_VERSION = "2023-06-01"
USAGE_PATH = "/v1/organizations/usage_report/messages"
COST_PATH = "/v1/organizations/cost_report"
USAGE_GROUP_BY = ("model", "workspace_id", "api_key_id")
COST_GROUP_BY = ("workspace_id", "description")
LIMIT_1D = 31


class AnthropicAdapter:
    """Reads an organization's usage and cost reports with an Admin key (`sk-ant-admin...`)."""

    kind = ProviderKind.ANTHROPIC

    def __init__(
        self, *, base_url: str, client: httpx.AsyncClient, retry: RetryPolicy | None = None
    ) -> None:
        self._base = base_url.rstrip("/")
        self._client = client
        self._retry = retry or RetryPolicy()

    def _call(self, api_key: str, path: str, params: list[tuple[str, str]]) -> Call:
        return Call(
            provider="Anthropic",
            url=f"{self._base}{path}",
            headers={"x-api-key": api_key, "anthropic-version": API_VERSION},
            params=params,
            secret=api_key,
        )

    async def validate_key(self, api_key: str) -> None:
        """One cost-report page of one bucket: cheap and needs the same admin rights."""
        params = [("starting_at", to_rfc3339(floor_day(utc_now()))), ("limit", "1")]
        await get_json(self._client, self._call(api_key, COST_PATH, params), self._retry)

    async def fetch(self, api_key: str, start: datetime, end: datetime) -> FetchResult:
        start, end = day_window(start, end)
        usage = await read_source("usage_report", start, end,
                                  partial(self._usage, api_key, start, end))
        cost = await read_source("cost_report", start, end,
                                 partial(self._cost, api_key, start, end))
        return FetchResult.collect((usage, cost))

    async def _usage(self, api_key: str, start: datetime, end: datetime
                     ) -> tuple[list[UsageRow], int]:
        """The messages usage report, every page: rows, pages."""
        rows: list[UsageRow] = []
        pages = 0
        usage_params = [("group_by[]", g) for g in USAGE_GROUP_BY]
        async for page in self._pages(api_key, USAGE_PATH, usage_params, start, end):
            pages += 1
            rows.extend(_usage_rows(page, start, end))
        return rows, pages

    async def _cost(self, api_key: str, start: datetime, end: datetime
                    ) -> tuple[list[UsageRow], int]:
        """The cost report, every page: rows, pages."""
        rows: list[UsageRow] = []
        pages = 0
        cost_params = [("group_by[]", g) for g in COST_GROUP_BY]
        async for page in self._pages(api_key, COST_PATH, cost_params, start, end):
            pages += 1
            rows.extend(_cost_rows(page, start, end))
        return rows, pages

    async def _pages(
        self,
        api_key: str,
        path: str,
        params: list[tuple[str, str]],
        start: datetime,
        end: datetime,
    ) -> AsyncIterator[dict[str, Any]]:
        window = [
            ("starting_at", to_rfc3339(start)),
            ("ending_at", to_rfc3339(end)),
            ("bucket_width", "1d"),
            ("limit", str(LIMIT_1D)),
        ]
        async for page in cursor_pages(
            self._client, lambda query: self._call(api_key, path, query), window + params,
            self._retry, "Anthropic page",
        ):
            yield page


def _buckets(
    page: dict[str, Any], start: datetime, end: datetime
) -> Iterator[tuple[datetime, list[Any]]]:
    for raw in as_list(page.get("data"), "Anthropic page data"):
        bucket = as_dict(raw, "Anthropic bucket")
        day = floor_day(from_rfc3339(bucket.get("starting_at"), "starting_at"))
        if start <= day < end:
            yield day, as_list(bucket.get("results", []), "Anthropic bucket results")


def _usage_rows(page: dict[str, Any], start: datetime, end: datetime) -> Iterator[UsageRow]:
    for day, results in _buckets(page, start, end):
        for raw in results:
            result = as_dict(raw, "Anthropic usage result")
            creation = as_dict(result.get("cache_creation") or {}, "cache_creation")
            uncached = to_int(result.get("uncached_input_tokens"), field="uncached_input_tokens")
            cache_read = to_int(
                result.get("cache_read_input_tokens"), field="cache_read_input_tokens"
            )
            writes = to_int(
                creation.get("ephemeral_5m_input_tokens"), field="ephemeral_5m_input_tokens"
            ) + to_int(
                creation.get("ephemeral_1h_input_tokens"), field="ephemeral_1h_input_tokens"
            )
            yield UsageRow(
                bucket_start=day,
                bucket_width="1d",
                source="usage",
                model=opt_str(result.get("model"), field="model"),
                project=opt_str(result.get("workspace_id"), field="workspace_id"),
                api_key_id=opt_str(result.get("api_key_id"), field="api_key_id"),
                line_item="messages",
                input_tokens=uncached + cache_read + writes,
                output_tokens=to_int(result.get("output_tokens"), field="output_tokens"),
                cached_input_tokens=cache_read,
                cache_write_tokens=writes,
            )


def _cost_rows(page: dict[str, Any], start: datetime, end: datetime) -> Iterator[UsageRow]:
    for day, results in _buckets(page, start, end):
        for raw in results:
            result = as_dict(raw, "Anthropic cost result")
            currency = opt_str(result.get("currency"), field="currency") or "USD"
            yield UsageRow(
                bucket_start=day,
                bucket_width="1d",
                source="cost",
                model=opt_str(result.get("model"), field="model"),
                project=opt_str(result.get("workspace_id"), field="workspace_id"),
                api_key_id=None,
                line_item=opt_str(result.get("description"), field="description") or "",
                cost=cents_to_dollars(result.get("amount"), field="amount"),
                currency=currency.upper(),
            )
