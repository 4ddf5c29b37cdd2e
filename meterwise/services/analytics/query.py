"""A usage report request: validated once, then turned into one aggregate SQL statement.

Where the numbers come from (so a dashboard stays fast with years of hourly data):
* HOUR reads ``usage_record`` (hourly rows; daily-only rows show at their day's 00:00).
* DAY, WEEK and MONTH read the ``usage_daily`` rollup for whole UTC days, plus
  ``usage_record`` for the partial days at either end when ``from``/``to`` are not
  midnight, so any range is exact: a row counts when ``from <= bucket_start < to``.
* WEEK buckets are ISO weeks (Monday 00:00 UTC), MONTH buckets start on the 1st, UTC.
* Buckets without usage are absent from the series (never zero-filled).
Every statement binds the viewer's ``account_id`` as ``$1``: a foreign connection id in the
filter matches no row. Totals come from the same statement (``GROUPING SETS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from meterwise.services.analytics.settings import usage_settings
from meterwise.services.errors import UserErrorCode, UserInputError

MAX_FILTER_VALUES = 100
MAX_FILTER_TEXT = 200


class Granularity(StrEnum):
    HOUR = "HOUR"
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"


class Dimension(StrEnum):
    PROVIDER = "PROVIDER"
    CONNECTION = "CONNECTION"
    MODEL = "MODEL"
    PROJECT = "PROJECT"
    API_KEY = "API_KEY"


# Column of each dimension, in the canonical order series are grouped and sorted by.
DIMENSION_COLUMNS: dict[Dimension, str] = {
    Dimension.PROVIDER: "provider",
    Dimension.CONNECTION: "connection_id",
    Dimension.MODEL: "model",
    Dimension.PROJECT: "project",
    Dimension.API_KEY: "api_key_id",
}
_TRUNC_UNIT = {Granularity.HOUR: "hour", Granularity.DAY: "day", Granularity.WEEK: "week",
               Granularity.MONTH: "month"}
_MEASURES = "input_tokens, output_tokens, cached_input_tokens, requests"
# SQL text is assembled from fixed identifiers only; every value is a bound parameter.
_DAILY = (
    "SELECT day AS ts, provider, connection_id, model, project, api_key_id, currency, "  # noqa: S608
    f"{_MEASURES}, cost, reported_rows, estimated_rows "
    "FROM usage_daily WHERE account_id = $1 AND day >= {lo} AND day < {hi}{filters}"
)
_RECORDS = (
    "SELECT bucket_start AS ts, provider, connection_id, model, project, api_key_id, currency, "  # noqa: S608
    f"{_MEASURES}, COALESCE(cost, 0) AS cost, "
    "(cost_basis = 'reported')::int AS reported_rows, "
    "(cost_basis = 'estimated')::int AS estimated_rows "
    "FROM usage_record WHERE account_id = $1 AND bucket_start >= {lo} AND bucket_start < {hi}"
    "{filters}"
)


@dataclass(frozen=True)
class ReportRequest:
    """A validated report: UTC range, canonical grouping, filters (None = not filtered)."""

    account_id: UUID
    start: datetime
    end: datetime
    granularity: Granularity = Granularity.DAY
    group_by: tuple[Dimension, ...] = ()
    providers: tuple[str, ...] | None = None  # stored values: "openai", …
    connection_ids: tuple[UUID, ...] | None = None
    models: tuple[str, ...] | None = None
    projects: tuple[str, ...] | None = None
    api_keys: tuple[str, ...] | None = None  # budget scopes; not a UsageFilter field yet


def build_request(
    account_id: UUID, *, start: datetime, end: datetime,
    granularity: Granularity = Granularity.DAY, group_by: Sequence[Dimension] = (),
    providers: Sequence[str] | None = None, connection_ids: Sequence[str] | None = None,
    models: Sequence[str] | None = None, projects: Sequence[str] | None = None,
    api_keys: Sequence[str] | None = None,
) -> ReportRequest:
    """Check the range and filters; raise ``UserInputError`` (INVALID_INPUT) naming the field.

    An empty filter list means "not filtered"; connection ids that are malformed or not the
    account's simply match nothing (the filter stays on, so they never widen the report).
    """
    start, end = _utc(start), _utc(end)
    if start >= end:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "`from` must be before `to`.",
                             "filter.from")
    widest = max_span(granularity)
    if end - start > widest:
        raise UserInputError(
            UserErrorCode.INVALID_INPUT,
            f"A {granularity.value} report spans at most {widest.days} days; narrow the range "
            "or use a coarser granularity.", "filter.from")
    wanted = set(group_by)
    return ReportRequest(
        account_id=account_id, start=start, end=end, granularity=granularity,
        group_by=tuple(d for d in DIMENSION_COLUMNS if d in wanted),
        providers=_texts(providers, "filter.providers"),
        connection_ids=_uuids(connection_ids),
        models=_texts(models, "filter.models"),
        projects=_texts(projects, "filter.projects"),
        api_keys=_texts(api_keys, "filter.apiKeys"),
    )


def max_span(granularity: Granularity) -> timedelta:
    """The widest range a report of ``granularity`` may cover (``METERWISE_USAGE_MAX_DAYS_*``)."""
    return timedelta(days=getattr(usage_settings(), f"max_days_{granularity.value.lower()}"))


def bucket_count(start: datetime, end: datetime, granularity: Granularity) -> int:
    """How many buckets of ``granularity`` [start, end) touches (0 when it is empty)."""
    start, end = _utc(start), _utc(end)
    if start >= end:
        return 0
    if granularity is Granularity.MONTH:
        months = (end.year - start.year) * 12 + end.month - start.month
        return months + (1 if end > end.replace(day=1, hour=0, minute=0, second=0,
                                                microsecond=0) else 0)
    width = timedelta(hours=1) if granularity is Granularity.HOUR else timedelta(days=1)
    first = start.replace(minute=0, second=0, microsecond=0)
    if granularity is not Granularity.HOUR:
        first = first.replace(hour=0)
    if granularity is Granularity.WEEK:
        first -= timedelta(days=first.weekday())  # ISO weeks start on Monday
        width = timedelta(weeks=1)
    return -((first - end) // width)  # ceil((end - first) / width)


def build_sql(request: ReportRequest, *, limit: int) -> tuple[str, list[Any]]:
    """The report's one statement and its arguments.

    Rows come back totals first (``is_total``, one per currency), then the series ordered
    by bucket and dimensions; at most ``limit`` rows.
    """
    args: list[Any] = [request.account_id]

    def param(value: Any, cast: str) -> str:
        args.append(value)
        return f"${len(args)}::{cast}"

    filters = "".join(
        f" AND {column} = ANY({param(list(values), cast)})"
        for column, values, cast in (
            ("provider", request.providers, "varchar[]"),
            ("connection_id", request.connection_ids, "uuid[]"),
            ("model", request.models, "varchar[]"),
            ("project", request.projects, "varchar[]"),
            ("api_key_id", request.api_keys, "varchar[]"),
        )
        if values is not None
    )
    parts = [
        template.format(lo=param(lo, "timestamptz"), hi=param(hi, "timestamptz"),
                        filters=filters)
        for template, lo, hi in _sources(request)
    ]
    unit = _TRUNC_UNIT[request.granularity]
    dims = [DIMENSION_COLUMNS[d] for d in request.group_by]
    keys = ", ".join(["bucket", *dims, "currency"])
    dim_select = "".join(f", {column}" for column in dims)
    sql = (
        f"SELECT bucket{dim_select}, currency, trim_scale(SUM(cost)) AS cost, "  # noqa: S608
        "SUM(input_tokens)::float8 AS input_tokens, SUM(output_tokens)::float8 AS output_tokens, "
        "SUM(cached_input_tokens)::float8 AS cached_input_tokens, "
        "SUM(requests)::float8 AS requests, SUM(reported_rows)::bigint AS reported_rows, "
        "SUM(estimated_rows)::bigint AS estimated_rows, GROUPING(bucket) = 1 AS is_total "
        f"FROM (SELECT date_trunc('{unit}', ts, 'UTC') AS bucket, * FROM ("
        + " UNION ALL ".join(parts)
        + f") AS src) AS rows GROUP BY GROUPING SETS (({keys}), (currency)) "
        f"ORDER BY is_total DESC, {keys} LIMIT {int(limit)}"
    )
    return sql, args


def _sources(request: ReportRequest) -> list[tuple[str, datetime, datetime]]:
    """Which table answers which part of the range (see the module docstring)."""
    if request.granularity is Granularity.HOUR:
        return [(_RECORDS, request.start, request.end)]
    first_full = _midnight(request.start)
    if first_full < request.start:
        first_full += timedelta(days=1)
    last_full = _midnight(request.end)
    if first_full >= last_full:
        return [(_RECORDS, request.start, request.end)]
    sources = [(_DAILY, first_full, last_full)]
    if request.start < first_full:
        sources.append((_RECORDS, request.start, first_full))
    if last_full < request.end:
        sources.append((_RECORDS, last_full, request.end))
    return sources


def _midnight(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def _utc(moment: datetime) -> datetime:
    """Naive datetimes are read as UTC (the API speaks UTC only)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _texts(values: Sequence[str] | None, field: str) -> tuple[str, ...] | None:
    if not values:
        return None
    if len(values) > MAX_FILTER_VALUES or any(len(v) > MAX_FILTER_TEXT for v in values):
        raise UserInputError(
            UserErrorCode.INVALID_INPUT,
            f"At most {MAX_FILTER_VALUES} values of at most {MAX_FILTER_TEXT} characters.", field)
    return tuple(dict.fromkeys(values))


def _uuids(values: Sequence[str] | None) -> tuple[UUID, ...] | None:
    if not values:
        return None
    if len(values) > MAX_FILTER_VALUES:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"At most {MAX_FILTER_VALUES} connection ids.", "filter.connectionIds")
    parsed: list[UUID] = []
    for value in values:
        try:
            parsed.append(UUID(str(value)))
        except ValueError:
            continue  # a malformed id names no connection of the account
    return tuple(dict.fromkeys(parsed))
