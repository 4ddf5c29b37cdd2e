"""Fake OpenRouter `/key`, `/credits`, `/activity` (PROVIDERS.md sections 3 and 6).

Two valid keys: a management key (everything) and an inference key (`/key` only; the others
answer 403 "Only management keys can perform this operation"). `/activity` serves only the
last 30 completed UTC days (all of them in one answer without `date`) and honours `date`;
`workspace_id` is on an item only with `group_by=workspace`, and items are summed per
(date, model, endpoint) otherwise. Money is JSON numbers, as a float-producing
server writes them (so small amounts arrive as e.g. 1.2e-05).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from meterwise.fakeproviders.control import FakeState
from meterwise.fakeproviders.dataset import Dataset
from meterwise.fakeproviders.wire import json_response

MESSAGES = {
    400: "Invalid request parameters",
    401: "Missing Authentication header",
    403: "Only management keys can perform this operation",
    404: "Resource not found",
    429: "Rate limit exceeded",
    500: "Internal Server Error",
}
ACTIVITY_DAYS = 30
ACTIVITY_GROUPS = ("workspace",)
TOTAL_CREDITS = Decimal("2500.5")


def build_app(dataset: Dataset, state: FakeState, *, management_key: str) -> Starlette:
    """The app under /api/v1; `management_key` must also be one of `state.valid_keys`."""

    def presented_key(request: Request) -> str:
        header = request.headers.get("authorization", "")
        return header[7:].strip() if header.lower().startswith("bearer ") else ""

    def error(request: Request, status: int, reason: str = "", message: str = "") -> Response:
        text = message or MESSAGES.get(status, "Internal Server Error")
        if status == 401 and presented_key(request):
            text = "No auth credentials found" if reason == "forced" else "User not found."
        return json_response({"error": {"code": status, "message": text, "metadata": None},
                              "user_id": None}, status)

    def auth(request: Request) -> tuple[int, str] | None:
        if not presented_key(request):
            return (401, "missing")
        if presented_key(request) not in state.valid_keys:
            return (401, "bad_key")
        return None

    def is_management(request: Request) -> bool:
        return presented_key(request) == management_key

    guard = state.guarded(auth, error)

    def today() -> date:
        return state.now().date()

    def spent(first: date | None = None) -> Decimal:
        return sum((u.cost or Decimal(0) for u in dataset.usage
                    if first is None or first <= u.day <= today()), Decimal(0))

    async def key(request: Request) -> Response:
        management = is_management(request)
        t = today()
        data: dict[str, Any] = {
            "label": "sk-or-v1-fak...e00", "limit": None, "limit_remaining": None,
            "limit_reset": None, "usage": spent(), "usage_daily": spent(t),
            "usage_weekly": spent(t - timedelta(days=t.weekday())),
            "usage_monthly": spent(t.replace(day=1)), "byok_usage": 0, "byok_usage_daily": 0,
            "byok_usage_weekly": 0, "byok_usage_monthly": 0, "include_byok_in_limit": False,
            "is_free_tier": False, "is_management_key": management,
            "is_provisioning_key": False, "creator_user_id": None, "expires_at": None,
            "rate_limit": {"requests": -1, "interval": "10s", "note": "safe to ignore"},
        }
        return json_response({"data": data})

    async def credits(request: Request) -> Response:
        if not is_management(request):
            return error(request, 403)
        return json_response({"data": {"total_credits": TOTAL_CREDITS,
                                       "total_usage": spent()}})

    async def activity(request: Request) -> Response:
        if not is_management(request):
            return error(request, 403)
        last = today() - timedelta(days=1)
        first = today() - timedelta(days=ACTIVITY_DAYS)
        wanted: date | None = None
        if "date" in request.query_params:
            try:
                wanted = date.fromisoformat(request.query_params["date"])
            except ValueError:
                return error(request, 400)
            if not first <= wanted <= last:
                return error(request, 400, message="Date must be within the last 30 days")
        group_by = request.query_params.getlist("group_by")
        if any(g not in ACTIVITY_GROUPS for g in group_by):  # rule openrouter.activity.group_by
            return error(request, 400)
        by_workspace = "workspace" in group_by
        items: dict[tuple[Any, ...], dict[str, Any]] = {}
        for u in dataset.usage:
            if not first <= u.day <= last or (wanted is not None and u.day != wanted):
                continue
            key = (u.day, u.model, u.extra["endpoint_id"], u.project if by_workspace else None)
            item = items.get(key)
            if item is None:
                item = items[key] = {
                    "date": u.day.isoformat(), "model": u.model,
                    "model_permaslug": u.extra["model_permaslug"],
                    "endpoint_id": u.extra["endpoint_id"],
                    "provider_name": u.extra["provider_name"], "usage": Decimal(0),
                    "byok_usage_inference": Decimal(0), "requests": 0, "prompt_tokens": 0,
                    "completion_tokens": 0, "reasoning_tokens": 0}
                if by_workspace:
                    item["workspace_id"] = u.project
            item["usage"] += u.cost or Decimal(0)
            item["requests"] += u.requests
            item["prompt_tokens"] += u.input_tokens
            item["completion_tokens"] += u.output_tokens
            item["reasoning_tokens"] += int(u.extra["reasoning_tokens"])
        return json_response({"data": list(items.values())})

    async def keys(request: Request) -> Response:
        if not is_management(request):
            return error(request, 403)
        return json_response({"data": []})

    return Starlette(routes=[
        Route("/api/v1/key", guard(key)),
        Route("/api/v1/keys", guard(keys)),
        Route("/api/v1/credits", guard(credits)),
        Route("/api/v1/activity", guard(activity)),
    ])
