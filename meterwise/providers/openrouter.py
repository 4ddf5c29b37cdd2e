"""OpenRouter `/key`, `/activity` and `/credits` -> normalised rows.

Wire facts: PROVIDERS.md section 3. Mapping:
* `/activity` (management key) has one item per (date, model, endpoint) for the last 30
  completed UTC days. Without `date` one call returns all 30 days (it is not paged), so it
  is read once with `group_by=workspace` (workspace ids come only when asked for) and the
  items outside the window are dropped; asking per date made 30 calls, and one refused
  date at the range's edge failed the whole fetch. Every item gives a usage row (prompt ->
  input, completion -> output, requests; no cache fields exist, so those are 0) and a cost
  row (`usage`, the OpenRouter credits spent, in USD). `byok_usage_inference` is NOT
  counted: BYOK inference is billed on the user's own provider account, which may be
  metered by its own connection.
  Dimensions: model = `model`, project = `workspace_id` when present, api_key_id = None,
  line_item = `provider_name` (items for one model via two endpoints of one provider merge).
* A key that is not a management key cannot read `/activity`; for it the only history is
  `/key`'s `usage_daily` (credits spent today), stored as one cost row for today with
  model None and line_item "key usage_daily", overwritten on each poll of the day.
* Sources: `activity` (management key; the completed days of the window) and `key`
  (inference key; today). See `fetch` for how a key of the other kind supersedes them.
* `/credits` is read when the key allows it (403 is not an error there) -> FetchResult.credits.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from meterwise.config import ProviderKind
from meterwise.providers.base import (
    Credits,
    FetchResult,
    SourceResult,
    UsageRow,
    read_source,
)
from meterwise.providers.common import (
    HttpAdapter,
    as_dict,
    as_list,
    day_window,
    floor_day,
    from_rfc3339,
)
from meterwise.providers.http import get_json
from meterwise.providers.money import decimal_at, int_at, str_at

ACTIVITY_DAYS = 30
KEY_USAGE_LINE_ITEM = "key usage_daily"
ACTIVITY_PARAMS = [("group_by", "workspace")]  # no `date`: all 30 days in one answer


class OpenRouterAdapter(HttpAdapter):
    """Reads activity with a management key, or today's key usage with an inference key."""

    kind = ProviderKind.OPENROUTER
    label = "OpenRouter"

    async def _get(self, api_key: str, path: str, params: list[tuple[str, str]],
                   *, forbidden_ok: bool = False) -> Any:
        call = self._call(api_key, path, params)
        return await get_json(self._client, call, self._retry, forbidden_ok=forbidden_ok)

    async def validate_key(self, api_key: str) -> None:
        """`GET /key` works for every valid key and costs nothing."""
        await self._get(api_key, "/key", [])

    async def fetch(self, api_key: str, start: datetime, end: datetime) -> FetchResult:
        """Sources: ``activity`` and ``key`` (see the module doc); one of them is read.

        A management key's fetch also reports ``key`` as empty over the whole window once
        its activity is read: the activity supersedes the key usage an earlier inference key
        stored, so replacing the key by one of the other kind never counts a day twice.
        """
        start, end = day_window(start, end)
        key_info = as_dict(as_dict(await self._get(api_key, "/key", []), "key").get("data"),
                           "key data")
        today = floor_day(self._clock())
        sources: list[SourceResult] = []
        if key_info.get("is_management_key") or key_info.get("is_provisioning_key"):
            first = max(start, today - timedelta(days=ACTIVITY_DAYS))
            last = max(first, min(end, today))
            activity = await read_source("activity", first, last,
                                         partial(self.activity, api_key, start, end, today))
            sources.append(activity)
            if activity.ok:
                sources.append(SourceResult("key", start, end))
        else:
            day_start, day_end = max(start, today), min(end, today + timedelta(days=1))
            if day_start < day_end:
                sources.append(await read_source(
                    "key", day_start, day_end,
                    partial(self._key_usage, key_info, today, day_start, day_end)))
        credits_body = await self._get(api_key, "/credits", [], forbidden_ok=True)
        return FetchResult.collect(sources, credits=_credits(credits_body),
                                   other_pages=2)  # /key and /credits

    async def _key_usage(self, key_info: dict[str, Any], today: datetime, start: datetime,
                         end: datetime) -> tuple[list[UsageRow], int]:
        """Today's ``usage_daily`` of a non-management key as one cost row (read with /key)."""
        if not start <= today < end:
            return [], 0
        return [UsageRow(
            bucket_start=today,
            bucket_width="1d",
            source="cost",
            model=None,
            project=None,
            api_key_id=None,
            line_item=KEY_USAGE_LINE_ITEM,
            cost=decimal_at(key_info, "usage_daily"),
        )], 0

    async def activity(self, api_key: str, start: datetime, end: datetime,
                       today: datetime) -> tuple[list[UsageRow], int]:
        """All 30 completed days in one call, by workspace; only the window's days kept."""
        if max(start, today - timedelta(days=ACTIVITY_DAYS)) >= min(end, today):
            return [], 0
        body = await self._get(api_key, "/activity", ACTIVITY_PARAMS)
        return list(_activity_rows(as_dict(body, "activity"), start, end)), 1


def _credits(body: Any) -> Credits | None:
    if body is None:
        return None
    data = as_dict(as_dict(body, "credits").get("data"), "credits data")
    return Credits(
        total_credits=decimal_at(data, "total_credits"),
        total_usage=decimal_at(data, "total_usage"),
    )


def _activity_rows(body: dict[str, Any], start: datetime, end: datetime) -> Iterator[UsageRow]:
    for raw in as_list(body.get("data"), "activity data"):
        item = as_dict(raw, "activity item")
        day = floor_day(from_rfc3339(f"{item.get('date')}T00:00:00Z", "date"))
        if not start <= day < end:
            continue
        dims: dict[str, Any] = {
            "bucket_start": day,
            "bucket_width": "1d",
            "model": str_at(item, "model"),
            "project": str_at(item, "workspace_id"),
            "api_key_id": None,
            "line_item": str_at(item, "provider_name") or "",
        }
        yield UsageRow(
            source="usage",
            input_tokens=int_at(item, "prompt_tokens"),
            output_tokens=int_at(item, "completion_tokens"),
            requests=int_at(item, "requests"),
            **dims,
        )
        yield UsageRow(source="cost", cost=decimal_at(item, "usage"), **dims)
