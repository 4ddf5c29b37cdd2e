"""OpenAI organization Usage API + Costs API -> normalised rows.

Wire facts: PROVIDERS.md section 1. Choices:
* bucket_width is `1d` for usage and costs (costs accept only `1d`; one width keeps the
  usage/cost rows of a day comparable), `limit` is the spec maximum (31 usage, 180 costs).
* usage is grouped by model, project_id, api_key_id; costs by project_id, line_item,
  api_key_id. Arrays are sent as repeated `group_by=` (form/explode, as in the cookbook).
* `input_tokens` already includes cached and cache-write tokens: taken as is, never derived.
* cost rows get `model` from `line_items.parse_line_item` (a table of the live forms);
  unknown forms keep the raw line item with no model.
* `end_time` is clamped to now: one consumer saw a future `end_time` refused (PROVIDERS.md 0.1).
* usage rows' line_item is the endpoint name ("completions", "embeddings", ...); completions
  are also grouped by batch and service_tier, which `usage_line_item` adds to the name, so
  batch, priority and flex usage are estimated at their own prices.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime
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
    from_unix,
)
from meterwise.providers.http import get_json
from meterwise.providers.line_items import model_of, usage_line_item
from meterwise.providers.money import int_at, str_at, to_decimal

USAGE_ENDPOINTS = (
    "completions",
    "embeddings",
    "images",
    "audio_speeches",
    "audio_transcriptions",
    "moderations",
)
USAGE_GROUP_BY = ("model", "project_id", "api_key_id")
TIER_GROUP_BY = ("batch", "service_tier")  # completions only: priced differently
COSTS_GROUP_BY = ("project_id", "line_item", "api_key_id")
USAGE_LIMIT_1D = 31
COSTS_LIMIT = 180


class OpenAIAdapter(HttpAdapter):
    """Reads an organization's usage and costs with an admin key (`sk-admin-...`)."""

    kind = ProviderKind.OPENAI
    label = "OpenAI"

    async def validate_key(self, api_key: str) -> None:
        """One small costs page: needs the same `api.usage.read` scope as every fetch."""
        start = int(floor_day(self._clock()).timestamp())
        params = [("start_time", str(start)), ("bucket_width", "1d"), ("limit", "1")]
        call = self._call(api_key, "/organization/costs", params)
        await get_json(self._client, call, self._retry)

    async def fetch(self, api_key: str, start: datetime, end: datetime) -> FetchResult:
        start, end = day_window(start, end)
        until = min(end, self._clock().replace(microsecond=0))
        if until <= start:
            return FetchResult(sources=())
        sources = [
            await read_source(f"usage.{endpoint}", start, end,
                              partial(self.usage, api_key, endpoint, start, end, until))
            for endpoint in USAGE_ENDPOINTS
        ]
        sources.append(await read_source("costs", start, end,
                                         partial(self.costs, api_key, start, end, until)))
        return FetchResult.collect(sources)

    async def usage(self, api_key: str, endpoint: str, start: datetime, end: datetime,
                    until: datetime) -> tuple[list[UsageRow], int]:
        """One usage report over [start, until); `until` is the window end clamped to now."""
        params = [("bucket_width", "1d"), ("limit", str(USAGE_LIMIT_1D))]
        groups = USAGE_GROUP_BY + (TIER_GROUP_BY if endpoint == "completions" else ())
        params += [("group_by", g) for g in groups]
        rows: list[UsageRow] = []
        pages = 0
        async for page in self._pages(api_key, f"/organization/usage/{endpoint}", params,
                                      start, until):
            pages += 1
            rows.extend(_usage_rows(page, endpoint, start, end))
        return rows, pages

    async def costs(self, api_key: str, start: datetime, end: datetime,
                    until: datetime) -> tuple[list[UsageRow], int]:
        """The costs report over [start, until), grouped by line item."""
        params = [("bucket_width", "1d"), ("limit", str(COSTS_LIMIT))]
        params += [("group_by", g) for g in COSTS_GROUP_BY]
        rows: list[UsageRow] = []
        pages = 0
        async for page in self._pages(api_key, "/organization/costs", params, start, until):
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
        window = [("start_time", str(int(start.timestamp()))),
                  ("end_time", str(int(end.timestamp())))]
        async for page in cursor_pages(
            self._client, lambda query: self._call(api_key, path, query), window + params,
            self._retry, "OpenAI page",
        ):
            yield page


def _buckets(
    page: dict[str, Any], start: datetime, end: datetime
) -> Iterator[tuple[datetime, list[Any]]]:
    return day_buckets(page, start, end, "OpenAI",
                       lambda bucket: from_unix(bucket.get("start_time"), "start_time"))


def _usage_rows(
    page: dict[str, Any], endpoint: str, start: datetime, end: datetime
) -> Iterator[UsageRow]:
    for day, results in _buckets(page, start, end):
        for raw in results:
            result = as_dict(raw, "OpenAI usage result")
            yield UsageRow(
                bucket_start=day,
                bucket_width="1d",
                source="usage",
                model=str_at(result, "model"),
                project=str_at(result, "project_id"),
                api_key_id=str_at(result, "api_key_id"),
                line_item=usage_line_item(endpoint, _tier(result)),
                input_tokens=int_at(result, "input_tokens"),
                output_tokens=int_at(result, "output_tokens"),
                cached_input_tokens=int_at(result, "input_cached_tokens"),
                cache_write_tokens=int_at(result, "input_cache_write_tokens"),
                requests=int_at(result, "num_model_requests"),
                input_audio_tokens=int_at(result, "input_audio_tokens"),
                output_audio_tokens=int_at(result, "output_audio_tokens"),
            )


def _tier(result: dict[str, Any]) -> str | None:
    """Batch jobs are their own tier; otherwise the service tier the provider reported."""
    if result.get("batch") is True:
        return "batch"
    return str_at(result, "service_tier")


def _cost_rows(page: dict[str, Any], start: datetime, end: datetime) -> Iterator[UsageRow]:
    for day, results in _buckets(page, start, end):
        for raw in results:
            result = as_dict(raw, "OpenAI cost result")
            amount = result.get("amount") or {}
            amount = as_dict(amount, "OpenAI cost amount")
            currency = str_at(amount, "currency") or "usd"
            line_item = str_at(result, "line_item") or ""
            yield UsageRow(
                bucket_start=day,
                bucket_width="1d",
                source="cost",
                model=model_of("openai", line_item),
                project=str_at(result, "project_id"),
                api_key_id=str_at(result, "api_key_id"),
                line_item=line_item,
                cost=to_decimal(amount.get("value"), field="amount.value"),
                currency=currency.upper(),
            )
