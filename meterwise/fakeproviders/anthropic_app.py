"""Fake Anthropic Admin API: usage_report/messages and cost_report (PROVIDERS.md 2 and 6).

`starting_at` is snapped to the bucket; a bucket is returned once it has ended and only if
it ends by `ending_at` (every bucket including empty ones, oldest first), so the day in
progress never has a cost and today's usage shows only in finished `1h` buckets. A future
`ending_at` is a 400, and so is a cost range that covers no whole day (PROVIDERS.md 0.1;
the table in `rules.py`). Cost `amount` is a cents decimal string. Errors are
`{"type":"error","error":{...},"request_id":...}` with a `request-id` header.
`bucket_width` 1d and 1h are modelled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from meterwise.fakeproviders.control import FakeState
from meterwise.fakeproviders.dataset import CostRecord, Dataset, UsageRecord, record_dimension
from meterwise.fakeproviders.wire import (
    array_param,
    decode_cursor,
    encode_cursor,
    json_response,
    parse_limit,
)

USAGE_GROUPS = ("api_key_id", "workspace_id", "model", "service_tier", "context_window",
                "inference_geo", "speed", "account_id", "service_account_id")
COST_GROUPS = ("workspace_id", "description")
COST_DETAIL = ("cost_type", "context_window", "model", "service_tier", "token_type")
API_VERSION = "2023-06-01"
USAGE_LIMITS = {"1d": (7, 31), "1h": (24, 168), "1m": (60, 1440)}  # (default, max) buckets
COST_LIMITS = {"1d": (7, 31)}
STEPS = {"1d": timedelta(days=1), "1h": timedelta(hours=1)}
ERRORS = {
    400: ("invalid_request_error", "Invalid request"),
    401: ("authentication_error", "invalid x-api-key"),
    403: ("permission_error", "Permission denied"),
    404: ("not_found_error", "Not found"),
    429: ("rate_limit_error", "Rate limited"),
    500: ("api_error", "Internal server error"),
    504: ("timeout_error", "Request timeout"),
    529: ("overloaded_error", "Overloaded"),
}


def _stamp(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(raw: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else None


def build_app(dataset: Dataset, state: FakeState) -> Starlette:
    """The Starlette app serving `dataset` under /v1/organizations, governed by `state`."""

    def error(request: Request, status: int, reason: str = "", message: str = "") -> Response:
        type_, default = ERRORS.get(status, ("api_error", "Internal server error"))
        request_id = state.next_request_id()
        return json_response(
            {"type": "error", "error": {"type": type_, "message": message or default},
             "request_id": request_id},
            status, headers={"request-id": request_id},
        )

    def auth(request: Request) -> tuple[int, str] | None:
        if request.headers.get("x-api-key", "") not in state.valid_keys:
            return (401, "bad_key")
        if request.headers.get("anthropic-version") != API_VERSION:
            return (400, "no_version")
        return None

    guard = state.guarded(auth, error)

    def page(request: Request, groups: tuple[str, ...], limits: dict[str, tuple[int, int]],
             records: Callable[[Any], list[Any]],
             result: Callable[[list[Any], dict[str, Any]], dict[str, Any]],
             *, cost: bool) -> Response:
        q = request.query_params
        start = _parse_time(q.get("starting_at", ""))
        if start is None:
            return error(request, 400, message="starting_at: a valid RFC 3339 time is required")
        end = _parse_time(q["ending_at"]) if "ending_at" in q else None
        if "ending_at" in q and end is None:
            return error(request, 400, message="ending_at: invalid RFC 3339 time")
        now = state.now()
        if end is not None and end > now:  # rules anthropic.cost.future_end / usage.future_end
            return error(request, 400, message="ending_at: must not be in the future")
        width = q.get("bucket_width", "1d")
        if width not in limits:
            return error(request, 400, message=f"bucket_width: invalid value {width!r}")
        if width not in STEPS:
            return error(request, 400, message="this fake models bucket_width 1d and 1h only")
        default, maximum = limits[width]
        limit = parse_limit(q.get("limit"), default, maximum)
        if limit is None:
            return error(request, 400, message=f"limit: must be between 1 and {maximum}")
        group_by = array_param(q, "group_by")
        if any(g not in groups for g in group_by):
            return error(request, 400, message="group_by: invalid value")
        filters = {"model": set(array_param(q, "models")),
                   "api_key_id": set(array_param(q, "api_key_ids")),
                   "workspace_id": set(array_param(q, "workspace_ids"))}
        step = STEPS[width]
        first = _snap(start, width)
        # a bucket is returned once it has ended, and only if it ends by `ending_at`
        stop = now if end is None else end
        if cost and first + step > stop:  # rule anthropic.cost.no_whole_day
            return error(request, 400, message="Invalid date range: ending date must be after "
                         "starting date")
        bucket_start = first
        if "page" in q:
            decoded = decode_cursor(q["page"])
            resumed = _parse_time(decoded) if decoded else None
            if resumed is None:
                return error(request, 400, message="page: invalid cursor")
            bucket_start = resumed
        buckets: list[dict[str, Any]] = []
        while bucket_start + step <= stop and len(buckets) < min(limit,
                                                                 state.switches.page_buckets):
            chosen = [r for r in records(bucket_start.date())
                      if _passes(r, filters) and _in_bucket(r, bucket_start, width)]
            buckets.append({"starting_at": _stamp(bucket_start),
                            "ending_at": _stamp(bucket_start + step),
                            "results": _grouped(chosen, groups, group_by, result)})
            bucket_start += step
        has_more = bucket_start + step <= stop
        return json_response({"data": buckets, "has_more": has_more,
                              "next_page": encode_cursor(_stamp(bucket_start)) if has_more
                              else None})

    async def usage(request: Request) -> Response:
        extras = state.switches.extras
        return page(request, USAGE_GROUPS, USAGE_LIMITS, dataset.usage_on,
                    lambda members, keys: _usage_result(members, keys, extras), cost=False)

    async def costs(request: Request) -> Response:
        return page(request, COST_GROUPS, COST_LIMITS, dataset.costs_on, _cost_result, cost=True)

    return Starlette(routes=[
        Route("/v1/organizations/usage_report/messages", guard(usage)),
        Route("/v1/organizations/cost_report", guard(costs)),
    ])


DEFAULT_DIMENSIONS = {"service_tier": "standard", "context_window": "0-200k",
                      "inference_geo": "global", "speed": "standard"}


def _snap(value: datetime, width: str) -> datetime:
    """`starting_at` snaps down to the start of its minute, hour or day (UTC)."""
    value = value.replace(second=0, microsecond=0)
    if width in ("1h", "1d"):
        value = value.replace(minute=0)
    if width == "1d":
        value = value.replace(hour=0)
    return value


def _in_bucket(record: UsageRecord | CostRecord, bucket_start: datetime, width: str) -> bool:
    """Daily buckets hold the whole day; hourly ones the usage of their hour (costs are daily)."""
    return width == "1d" or (isinstance(record, UsageRecord) and record.hour == bucket_start.hour)


def _value(record: UsageRecord | CostRecord, name: str) -> Any:
    return record_dimension(record, name, project="workspace_id", line_item="description",
                            from_extra=("service_tier", "context_window"),
                            defaults=DEFAULT_DIMENSIONS)


def _passes(record: UsageRecord | CostRecord, filters: dict[str, set[str]]) -> bool:
    return all(not wanted or _value(record, name) in wanted for name, wanted in filters.items())


def _grouped(records: list[Any], groups: tuple[str, ...], group_by: list[str],
             result: Callable[[list[Any], dict[str, Any]], dict[str, Any]]
             ) -> list[dict[str, Any]]:
    members: dict[tuple[Any, ...], list[Any]] = {}
    for record in records:
        key = tuple(_value(record, g) if g in group_by else None for g in groups)
        members.setdefault(key, []).append(record)
    return [result(group, dict(zip(groups, key, strict=True))) for key, group in members.items()]


def _usage_result(members: list[UsageRecord], keys: dict[str, Any], extras: bool
                  ) -> dict[str, Any]:
    cached = sum(m.cached_input_tokens for m in members)
    w5 = sum(m.cache_write_5m for m in members)
    w1 = sum(m.cache_write_1h for m in members)
    total_in = sum(m.input_tokens for m in members)
    body: dict[str, Any] = {
        "uncached_input_tokens": total_in - cached - w5 - w1,
        "cache_creation": {"ephemeral_1h_input_tokens": w1, "ephemeral_5m_input_tokens": w5},
        "cache_read_input_tokens": cached,
        "output_tokens": sum(m.output_tokens for m in members),
        "server_tool_use": {"web_search_requests": 0},
    }
    body.update({k: keys[k] for k in ("api_key_id", "workspace_id", "model", "service_tier",
                                     "context_window")})
    if extras:
        body.update({k: keys[k] for k in ("account_id", "service_account_id", "inference_geo")})
        body["unknown_future_field"] = {"nested": [1, 2, 3]}
    return body


def _cost_result(members: list[CostRecord], keys: dict[str, Any]) -> dict[str, Any]:
    cents = sum((m.amount for m in members), Decimal(0)) * 100
    detailed = keys.get("description") is not None
    body: dict[str, Any] = {"currency": "USD", "amount": format(cents, "f"),
                            "workspace_id": keys["workspace_id"],
                            "description": keys["description"]}
    first = members[0]
    for name in COST_DETAIL:
        value = first.model if name == "model" else first.extra.get(name)
        body[name] = value if detailed else None
    return body
