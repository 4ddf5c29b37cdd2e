"""``GET /export/usage.csv``: the usage report as a streamed CSV, authorised like ``usage``.

Query parameters mirror the GraphQL arguments: ``from``, ``to`` (ISO 8601, UTC),
``granularity`` (HOUR/DAY/WEEK/MONTH, default DAY), ``groupBy`` (comma-separated
dimensions), and the filters ``providers``, ``connectionIds``, ``models``, ``projects``
(repeat the parameter or separate with commas). Credentials as for ``POST /graphql``.
Failures are JSON: 401 UNAUTHENTICATED, 403 FORBIDDEN/MFA_REQUIRED, 400 INVALID_INPUT.

The export is shielded like ``usage { series }``: it costs 1 + its buckets, a cost over
``query_max_cost`` is refused (400 QUERY_TOO_COMPLEX) and the cost is paid into the
caller's points bucket (429 RATE_LIMITED with ``Retry-After``), so one request cannot
stream a million rows past the limits every GraphQL query meets.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from meterwise.config import ProviderKind, Settings
from meterwise.services.analytics.export import csv_lines
from meterwise.services.analytics.query import (
    Dimension,
    Granularity,
    ReportRequest,
    bucket_count,
    build_request,
)
from meterwise.services.analytics.settings import usage_settings
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import (
    QUERY_TOO_COMPLEX,
    AccessError,
    Unauthenticated,
    UserErrorCode,
    UserInputError,
)
from meterwise.services.guards import ratelimit
from meterwise.services.guards.ratelimit import points_bucket
from meterwise.services.viewer import Viewer
from meterwise.web.client_ip import client_ip
from meterwise.web.credentials import resolve_viewer
from meterwise.web.request_rate import rate_limit_headers

E = TypeVar("E", bound=Enum)


async def export_usage_csv(request: Request) -> Response:
    try:
        viewer, _ = await resolve_viewer(request)
        viewer = authorize(viewer, Operation.READ_USAGE)
        report = build_request(
            viewer.account_id,
            start=_moment(request, "from"), end=_moment(request, "to"),
            granularity=_choice(Granularity, request.query_params.get("granularity") or "DAY",
                                "granularity"),
            group_by=[_choice(Dimension, v, "groupBy") for v in _values(request, "groupBy")],
            providers=[_choice(ProviderKind, v.lower(), "providers").value
                       for v in _values(request, "providers")],
            connection_ids=_values(request, "connectionIds"),
            models=_values(request, "models"), projects=_values(request, "projects"),
        )
    except AccessError as exc:
        status = 401 if isinstance(exc, Unauthenticated) else 403
        return JSONResponse({"errors": [{"code": exc.code, "message": str(exc)}]},
                            status_code=status)
    except UserInputError as exc:
        return JSONResponse({"errors": [{"code": exc.code.value, "message": exc.message,
                                         "field": exc.field}]}, status_code=400)
    refused = await _shield(request, viewer, report)
    if refused is not None:
        return refused
    filename = f"usage-{report.start:%Y%m%d}-{report.end:%Y%m%d}.csv"
    return StreamingResponse(
        csv_lines(report), media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"',
                 "cache-control": "no-store"})


def export_cost(report: ReportRequest) -> int:
    """What ``usage { series }`` over the same range costs: the report and its buckets."""
    buckets = bucket_count(report.start, report.end, report.granularity)
    return 1 + min(buckets, usage_settings().max_points)


async def _shield(request: Request, viewer: Viewer, report: ReportRequest) -> Response | None:
    """The refusal, if the export is over the cost limit or the caller's points."""
    settings: Settings = request.app.state.runtime.settings
    cost = export_cost(report)
    if cost > settings.query_max_cost:
        return JSONResponse({"errors": [{
            "code": QUERY_TOO_COMPLEX,
            "message": f"This export could fetch {cost} buckets; the limit is "
                       f"{settings.query_max_cost}. Narrow the range or widen the granularity."}]},
            status_code=400)
    bucket, key = points_bucket(settings, viewer,
                                client_ip(request.scope, settings.trusted_proxy_networks))
    decision = await ratelimit.check(bucket, key, cost)
    if decision.allowed:
        return None
    headers = rate_limit_headers(decision)
    return JSONResponse({"errors": [{
        "code": "RATE_LIMITED", "message": "Too many requests; try again later.",
        "retryAfter": int(headers["Retry-After"])}]}, status_code=429, headers=headers)


def _values(request: Request, name: str) -> list[str]:
    return [part.strip() for value in request.query_params.getlist(name)
            for part in value.split(",") if part.strip()]


def _moment(request: Request, name: str) -> datetime:
    value = request.query_params.get(name, "")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"`{name}` must be an ISO 8601 date-time.", name) from None


def _choice(kind: type[E], value: str, field: str) -> E:
    try:
        return kind(value)
    except ValueError:
        raise UserInputError(UserErrorCode.INVALID_INPUT, f"Unknown value {value[:40]!r}.",
                             field) from None
