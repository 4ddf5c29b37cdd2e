"""The usage ingest path: one bulk upsert per chunk, estimates, and the daily rollup.

Tortoise's ``bulk_create`` sends one INSERT per row; this sends one
``INSERT … SELECT FROM unnest(arrays) ON CONFLICT … DO UPDATE`` per chunk of thousands.
An existing row is rewritten only when a value differs (``IS DISTINCT FROM``), so
``RETURNING (xmax = 0)`` tells inserted from updated and a re-fetch of unchanged data
changes nothing. Everything, the rollup included, happens in one transaction.

Cost never counts twice: usage rows carry an ESTIMATED cost only on (connection, day)s
with no cost row; once a cost report exists for a day its estimates are cleared.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from meterwise.models.usage import CostBasis, SyncRun, UsageDaily, UsageRecord
from meterwise.providers import UsageRow
from meterwise.services.sync.pricing import estimate_cost

CHUNK = 5_000
KEY = ("connection_id", "source", "bucket_start", "bucket_width", "model", "project",
       "api_key_id", "line_item")
# per-row columns sent as arrays (account_id, connection_id, provider are per call)
ARRAYS = (("source", "text"), ("bucket_start", "timestamptz"), ("bucket_width", "text"),
          ("model", "text"), ("project", "text"), ("api_key_id", "text"),
          ("line_item", "text"), ("input_tokens", "int8"), ("output_tokens", "int8"),
          ("cached_input_tokens", "int8"), ("cache_write_tokens", "int8"),
          ("requests", "int8"), ("cost", "numeric"), ("currency", "text"),
          ("cost_basis", "text"))
VALUES = ("input_tokens", "output_tokens", "cached_input_tokens", "cache_write_tokens",
          "requests", "cost", "currency", "cost_basis")
# SQL below is assembled from these constants only; every value is a bound parameter.
DAY = "(date_trunc('day', {col} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')"


def _upsert_sql() -> str:
    names = [name for name, _ in ARRAYS]
    unnest = ", ".join(f"${i + 4}::{kind}[]" for i, (_, kind) in enumerate(ARRAYS))
    changed = ", ".join(f"usage_record.{v}" for v in VALUES)
    incoming = ", ".join(f"EXCLUDED.{v}" for v in VALUES)
    return (
        "INSERT INTO usage_record (account_id, connection_id, provider, "  # noqa: S608
        f"{', '.join(names)}, updated_at) "
        f"SELECT $1::uuid, $2::uuid, $3::text, {', '.join('t.' + n for n in names)}, now() "
        f"FROM unnest({unnest}) AS t({', '.join(names)}) "
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET "
        + ", ".join(f"{v} = EXCLUDED.{v}" for v in VALUES)
        + ", updated_at = EXCLUDED.updated_at "
        f"WHERE ({changed}) IS DISTINCT FROM ({incoming}) "
        "RETURNING (xmax = 0) AS inserted, bucket_start"
    )


UPSERT_SQL = _upsert_sql()

COST_DAYS_SQL = (
    f"SELECT DISTINCT {DAY.format(col='bucket_start')} AS day FROM usage_record "  # noqa: S608
    "WHERE connection_id = $1 AND source = 'cost' AND bucket_start >= $2 AND bucket_start < $3"
)

CLEAR_ESTIMATES_SQL = (
    "UPDATE usage_record u SET cost = NULL, cost_basis = 'none', updated_at = now() "  # noqa: S608
    "WHERE u.connection_id = $1 AND u.source = 'usage' AND u.cost_basis = 'estimated' "
    "AND u.bucket_start >= $2 AND u.bucket_start < $3 AND EXISTS ("
    " SELECT 1 FROM usage_record c WHERE c.connection_id = $1 AND c.source = 'cost'"
    f" AND {DAY.format(col='c.bucket_start')} = {DAY.format(col='u.bucket_start')}) "
    "RETURNING u.bucket_start"
)

DELETE_DAILY_SQL = (
    "DELETE FROM usage_daily WHERE connection_id = $1 AND day = ANY($2::timestamptz[])"
)

INSERT_DAILY_SQL = (
    "INSERT INTO usage_daily (account_id, connection_id, provider, day, model, project, "  # noqa: S608
    "api_key_id, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, "
    "requests, cost, reported_rows, estimated_rows, currency) "
    "SELECT $3::uuid, $1::uuid, $4::text, r.day, r.model, r.project, r.api_key_id, "
    "sum(r.input_tokens), sum(r.output_tokens), sum(r.cached_input_tokens), "
    "sum(r.cache_write_tokens), sum(r.requests), coalesce(sum(r.cost), 0), "
    "count(*) FILTER (WHERE r.cost_basis = 'reported'), "
    "count(*) FILTER (WHERE r.cost_basis = 'estimated'), max(r.currency) "
    f"FROM (SELECT *, {DAY.format(col='bucket_start')} AS day FROM usage_record "
    "      WHERE connection_id = $1 AND bucket_start >= $5 AND bucket_start < $6) r "
    "WHERE r.day = ANY($2::timestamptz[]) "
    "GROUP BY r.day, r.model, r.project, r.api_key_id"
)


@dataclass(frozen=True)
class Target:
    """Whose rows these are: every stored row carries all three."""

    account_id: UUID
    connection_id: UUID
    provider: str


@dataclass
class IngestResult:
    inserted: int = 0
    updated: int = 0
    days: list[date] = field(default_factory=list)  # days whose stored values changed

    @property
    def changed(self) -> int:
        return self.inserted + self.updated


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


async def ingest(target: Target, rows: Sequence[UsageRow]) -> IngestResult:
    """Upsert ``rows`` (unique per key, as adapters return them) and refresh the rollup."""
    result = IngestResult()
    if not rows:
        return result
    first = min(r.bucket_start for r in rows).date()
    last = max(r.bucket_start for r in rows).date()
    lo, hi = midnight(first), midnight(last) + timedelta(days=1)
    changed_days: set[date] = set()
    async with in_transaction() as conn:
        reported = await _cost_days(conn, target, rows, lo, hi)
        prepared = [_prepare(target.provider, row, reported) for row in rows]
        for start in range(0, len(prepared), CHUNK):
            chunk = prepared[start:start + CHUNK]
            args = [target.account_id, target.connection_id, target.provider,
                    *(list(column) for column in zip(*chunk, strict=True))]
            for record in await conn.execute_query_dict(UPSERT_SQL, args):
                if record["inserted"]:
                    result.inserted += 1
                else:
                    result.updated += 1
                changed_days.add(record["bucket_start"].astimezone(UTC).date())
        cleared = await conn.execute_query_dict(CLEAR_ESTIMATES_SQL,
                                                [target.connection_id, lo, hi])
        result.updated += len(cleared)
        changed_days.update(r["bucket_start"].astimezone(UTC).date() for r in cleared)
        result.days = sorted(changed_days)
        await rebuild_daily(conn, target, result.days)
    return result


async def rebuild_daily(conn: BaseDBAsyncClient, target: Target, days: Iterable[date]) -> None:
    """Recompute the rollup rows of ``days`` from the records (inside the caller's transaction)."""
    day_list = sorted(set(days))
    if not day_list:
        return
    stamps = [midnight(d) for d in day_list]
    await conn.execute_query(DELETE_DAILY_SQL, [target.connection_id, stamps])
    await conn.execute_query(INSERT_DAILY_SQL, [
        target.connection_id, stamps, target.account_id, target.provider,
        stamps[0], stamps[-1] + timedelta(days=1),
    ])


async def _cost_days(conn: BaseDBAsyncClient, target: Target, rows: Sequence[UsageRow],
                     lo: datetime, hi: datetime) -> set[date]:
    """Days of [lo, hi) with a provider cost report, fetched now or stored before."""
    days = {r.bucket_start.date() for r in rows if r.source == "cost"}
    stored = await conn.execute_query_dict(COST_DAYS_SQL, [target.connection_id, lo, hi])
    days.update(r["day"].astimezone(UTC).date() for r in stored)
    return days


def _prepare(provider: str, row: UsageRow, reported: set[date]) -> tuple[Any, ...]:
    """The row as the array columns, with its cost and the basis of that cost."""
    cost: Decimal | None
    if row.source == "cost":
        cost, basis = row.cost, CostBasis.REPORTED
    elif row.bucket_start.date() in reported:
        cost, basis = None, CostBasis.NONE
    else:
        cost = estimate_cost(provider, row)
        basis = CostBasis.NONE if cost is None else CostBasis.ESTIMATED
    return (row.source, row.bucket_start, row.bucket_width, row.model or "",
            row.project or "", row.api_key_id or "", row.line_item, row.input_tokens,
            row.output_tokens, row.cached_input_tokens, row.cache_write_tokens,
            row.requests, cost, row.currency, basis.value)


async def forget_connection(connection_id: UUID) -> int:
    """Delete a connection's usage, rollup and runs (after the connection is removed)."""
    async with in_transaction():
        deleted = await UsageRecord.filter(connection_id=connection_id).delete()
        await UsageDaily.filter(connection_id=connection_id).delete()
        await SyncRun.filter(connection_id=connection_id).delete()
    return deleted
