"""Fake OpenAI organization Usage + Costs API (PROVIDERS.md sections 1 and 6).

Buckets: the first starts at `start_time`, later ones at UTC midnight, the last ends at
min(end_time, now); empty days are `results: []`. A day's records all land in the bucket
that contains its midnight or, for a partial first bucket, the day's start (the seeded data
is daily). Every grouping key is present, null when not grouped. Cost amounts are strings
(observed) unless `amounts_as_numbers` (spec). Only `bucket_width=1d` is modelled. A future
`end_time` is refused (one consumer saw it fail); the day in progress has no cost (costs lag,
a secondary report); see `rules.py`.
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

BASE_GROUPS = ("project_id", "user_id", "api_key_id", "model")
GROUPS: dict[str, tuple[str, ...]] = {
    "completions": (*BASE_GROUPS, "batch", "service_tier"),
    "embeddings": BASE_GROUPS,
    "moderations": BASE_GROUPS,
    "audio_speeches": BASE_GROUPS,
    "audio_transcriptions": BASE_GROUPS,
    "images": (*BASE_GROUPS, "size", "source"),
}
COST_GROUPS = ("project_id", "line_item", "api_key_id")
CONSTANT_GROUP_VALUES: dict[str, Any] = {
    "user_id": "user-abc", "batch": False, "service_tier": "default",
    "size": "1024x1024", "source": "image.generation",
}
LIMITS = {"1d": (7, 31), "1h": (24, 168), "1m": (60, 1440)}
MESSAGES = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", None),
    404: ("invalid_request_error", None),
    429: ("requests", "rate_limit_exceeded"),
}


def _error(status: int, message: str, *, param: str | None = None,
           code: str | None = None, type_: str | None = None) -> Response:
    default_type, default_code = MESSAGES.get(status, ("server_error", None))
    return json_response({"error": {"message": message, "type": type_ or default_type,
                                    "param": param, "code": code or default_code}}, status)


def _mask(key: str) -> str:
    return f"{key[:6]}{'*' * 8}{key[-4:]}" if len(key) > 10 else "****"


def build_app(dataset: Dataset, state: FakeState) -> Starlette:
    """The Starlette app serving `dataset` under /v1, governed by `state`."""

    def presented_key(request: Request) -> str:
        header = request.headers.get("authorization", "")
        return header[7:].strip() if header.lower().startswith("bearer ") else ""

    def render_error(request: Request, status: int, reason: str) -> Response:
        if status == 401:
            key = presented_key(request)
            return _error(401, f"Incorrect API key provided: {_mask(key)}. You can find your "
                          "API key at https://platform.openai.com/account/api-keys.")
        if status == 403:
            return _error(403, "You have insufficient permissions for this operation. Missing "
                          "scopes: api.usage.read. Check that you have the correct role in your "
                          "organization (Reader, Writer, Owner) and project (Viewer, Member, "
                          "Owner), and if you're using a restricted API key, that it has the "
                          "necessary scopes.")
        if status == 429:
            return _error(429, "Rate limit reached for requests to the usage API.")
        return _error(status, "The server had an error while processing your request. "
                      "Sorry about that!")

    def auth(request: Request) -> tuple[int, str] | None:
        key = presented_key(request)
        if key in state.valid_keys:
            return None
        if key.startswith("sk-admin") or not key:
            return (401, "bad_key")
        return (403, "not_admin")

    guard = state.guarded(auth, render_error)

    async def usage(request: Request) -> Response:
        endpoint = request.path_params["endpoint"]
        if endpoint not in GROUPS:
            return _error(404, f"Invalid URL (GET /v1/organization/usage/{endpoint})")
        return page(request, GROUPS[endpoint], LIMITS,
                    lambda day: [r for r in dataset.usage_on(day) if r.endpoint == endpoint],
                    lambda rec, keys: _usage_result(endpoint, rec, keys))

    async def costs(request: Request) -> Response:
        as_numbers = state.switches.amounts_as_numbers
        return page(request, COST_GROUPS, {"1d": (7, 180)}, dataset.costs_on, _cost_result,
                    lambda res: _finish_cost(res, as_numbers))

    def page(request: Request, groups: tuple[str, ...], limits: dict[str, tuple[int, int]],
             records: Callable[[Any], list[Any]],
             result: Callable[[Any, dict[str, Any]], dict[str, Any]],
             finish: Callable[[dict[str, Any]], dict[str, Any]] = lambda res: res) -> Response:
        q = request.query_params
        try:
            start = int(q["start_time"])
            end = int(q["end_time"]) if "end_time" in q else None
        except KeyError:
            return _error(400, "Missing required parameter: 'start_time'.", param="start_time",
                          code="missing_required_parameter")
        except ValueError:
            return _error(400, "Invalid type for 'start_time' or 'end_time': expected an "
                          "integer.", param="start_time")
        now = int(state.now().timestamp())
        if end is not None and end > now:  # rule openai.future_end_time
            return _error(400, "Invalid value for 'end_time': must not be in the future.",
                          param="end_time")
        width = q.get("bucket_width", "1d")
        if width not in limits:
            return _error(400, f"Invalid value for 'bucket_width': {width!r}.",
                          param="bucket_width")
        if width != "1d":
            return _error(400, "This fake models bucket_width=1d only.", param="bucket_width")
        default, maximum = limits[width]
        limit = parse_limit(q.get("limit"), default, maximum)
        if limit is None:
            return _error(400, f"Invalid value for 'limit': must be between 1 and {maximum}.",
                          param="limit")
        group_by = array_param(q, "group_by")
        bad = [g for g in group_by if g not in groups]
        if bad:
            return _error(400, f"Invalid value for 'group_by': {bad[0]!r}.", param="group_by")
        filters = {"project_id": set(array_param(q, "project_ids")),
                   "api_key_id": set(array_param(q, "api_key_ids")),
                   "model": set(array_param(q, "models"))}
        cursor = q.get("page")
        first = start
        if cursor:
            decoded = decode_cursor(cursor)
            if decoded is None or not decoded.isdigit():
                return _error(400, "Invalid value for 'page'.", param="page")
            first = int(decoded)
        stop = now if end is None else min(end, now)
        buckets: list[dict[str, Any]] = []
        t = first
        while t < stop and len(buckets) < min(limit, state.switches.page_buckets):
            midnight = datetime.fromtimestamp(t, UTC).replace(hour=0, minute=0, second=0)
            e = min(int((midnight + timedelta(days=1)).timestamp()), stop)
            day_records = [r for r in records(midnight.date()) if _passes(r, filters)
                           and _visible(r, midnight, now)]
            bucket: dict[str, Any] = {"object": "bucket", "start_time": t, "end_time": e,
                                      "results": [finish(res) for res in
                                                  _grouped(day_records, groups, group_by, result)]}
            if state.switches.extras:
                bucket["start_time_iso"] = datetime.fromtimestamp(t, UTC).isoformat()
                bucket["end_time_iso"] = datetime.fromtimestamp(e, UTC).isoformat()
                for res in bucket["results"]:
                    res.update(organization_id="org-fake", organization_name="Fake Org",
                               project_name=None, user_email=None)
            buckets.append(bucket)
            t = e
        has_more = t < stop
        return json_response({"object": "page", "data": buckets, "has_more": has_more,
                              "next_page": encode_cursor(str(t)) if has_more else None})

    return Starlette(routes=[
        Route("/v1/organization/usage/{endpoint}", guard(usage)),
        Route("/v1/organization/costs", guard(costs)),
    ])


def _visible(record: UsageRecord | CostRecord, midnight: datetime, now: int) -> bool:
    """No cost for the day in progress; of today's usage only the hours that have begun."""
    day_end = int((midnight + timedelta(days=1)).timestamp())
    if day_end <= now:
        return True
    if isinstance(record, CostRecord):
        return False
    return int((midnight + timedelta(hours=record.hour)).timestamp()) < now


def _passes(record: UsageRecord | CostRecord, filters: dict[str, set[str]]) -> bool:
    values = {"project_id": record.project, "api_key_id": record.api_key_id,
              "model": record.model}
    return all(not wanted or values[name] in wanted for name, wanted in filters.items())


def _group_value(record: UsageRecord | CostRecord, name: str) -> Any:
    return record_dimension(record, name, project="project_id", line_item="line_item",
                            from_extra=("service_tier",), defaults=CONSTANT_GROUP_VALUES)


def _grouped(records: list[Any], groups: tuple[str, ...], group_by: list[str],
             result: Callable[[Any, dict[str, Any]], dict[str, Any]]) -> list[dict[str, Any]]:
    """Sum records per requested grouping; keys not grouped by are null in every result."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for record in records:
        key = tuple(_group_value(record, g) if g in group_by else None for g in groups)
        keys = dict(zip(groups, key, strict=True))
        body = result(record, keys)
        total = out.get(key)
        if total is None:
            out[key] = body
            continue
        for name, value in body.items():
            if name not in keys and isinstance(value, (int, Decimal)) \
                    and not isinstance(value, bool):
                total[name] = total[name] + value
    return list(out.values())


def _usage_result(endpoint: str, r: UsageRecord, keys: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"object": f"organization.usage.{endpoint}.result",
                            "num_model_requests": r.requests}
    if endpoint == "completions":
        body.update(input_tokens=r.input_tokens, output_tokens=r.output_tokens,
                    input_cached_tokens=r.cached_input_tokens,
                    input_cache_write_tokens=r.cache_write_tokens,
                    input_uncached_tokens=r.input_tokens - r.cached_input_tokens
                    - r.cache_write_tokens,
                    input_audio_tokens=int(r.extra.get("input_audio_tokens", 0)),
                    output_audio_tokens=int(r.extra.get("output_audio_tokens", 0)))
    elif endpoint == "images":
        body["images"] = r.units
    elif endpoint == "audio_speeches":
        body["characters"] = r.units
    elif endpoint == "audio_transcriptions":
        body["seconds"] = r.units
    else:
        body["input_tokens"] = r.input_tokens
    body.update(keys)
    return body


def _cost_result(r: CostRecord, keys: dict[str, Any]) -> dict[str, Any]:
    by_line = keys.get("line_item") is not None
    body: dict[str, Any] = {"object": "organization.costs.result", "_amount": r.amount,
                            "quantity": r.quantity if by_line else None,
                            "quantity_unit": "tokens" if by_line else None}
    body.update(keys)
    return body


def _finish_cost(result: dict[str, Any], as_numbers: bool) -> dict[str, Any]:
    amount: Decimal = result.pop("_amount")
    value: Any = amount if as_numbers else _render_amount(amount)
    return {"object": result.pop("object"), "amount": {"value": value, "currency": "usd"},
            **result}


def _render_amount(amount: Decimal) -> str:
    """Strings in the observed styles: padded, scientific, plain, and 0E-6176 for zero."""
    if amount.is_zero():
        return "0E-6176"
    style = int(amount.as_tuple().digits[-1]) % 3
    plain = format(amount, "f")
    if style == 0:
        return plain + ("" if "." in plain else ".") + "0" * 24
    if style == 1:
        return f"{amount:e}"
    return plain
