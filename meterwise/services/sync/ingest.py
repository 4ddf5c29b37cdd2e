"""The usage ingest path: one bulk upsert per chunk, re-reads that replace, revisions,
estimates, and the daily rollup.

Tortoise's ``bulk_create`` sends one INSERT per row; this sends one
``INSERT … SELECT FROM unnest(arrays) ON CONFLICT … DO UPDATE`` per chunk of thousands.
An existing row is rewritten only when a value differs (``IS DISTINCT FROM``), so
``RETURNING (xmax = 0)`` tells inserted from updated and a re-fetch of unchanged data
changes nothing. Everything, the rollup included, happens in one transaction.

A sync stores each source it read as a ``Reread``: the provider's whole truth for that
source's window. Rows of that origin in the window that the read no longer has are deleted,
changed rows updated, new ones inserted. A change to a bucket that had already been read
complete (it ended before an earlier read of the same source that covered it) is a provider
revision and is kept in ``usage_revision`` with old and new values; changes to a bucket that
was still filling up when last read are growth, not revisions.

Cost never counts twice: usage rows carry an ESTIMATED cost only on (connection, day)s
with no cost row; once a cost report exists for a day its estimates are cleared.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from meterwise.models.usage import (
    CostBasis,
    RevisionKind,
    SyncRun,
    UsageDaily,
    UsageRecord,
    UsageRevision,
)
from meterwise.providers import UsageRow
from meterwise.providers.base import BUCKET_DELTAS
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
          ("cost_basis", "text"), ("origin", "text"))
VALUES = ("input_tokens", "output_tokens", "cached_input_tokens", "cache_write_tokens",
          "requests", "cost", "currency", "cost_basis", "origin")
# what a revision records of a row, old and new
TRACKED = ("input_tokens", "output_tokens", "requests", "cost")
DIMS = ("source", "bucket_start", "bucket_width", "model", "project", "api_key_id",
        "line_item")
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
        f"RETURNING (xmax = 0) AS inserted, origin, currency, {', '.join(DIMS)}, "
        f"{', '.join(TRACKED)}"
    )


UPSERT_SQL = _upsert_sql()

# what one origin has stored in [start, end): to find what a re-read no longer reports,
# and the values before a revision (one indexed range read; compared in Python, not by an
# anti-join against unnest, which the planner runs as a nested loop)
STORED_SQL = (
    f"SELECT id, currency, {', '.join(DIMS)}, {', '.join(TRACKED)} "  # noqa: S608
    "FROM usage_record WHERE connection_id = $1 AND origin = $2 "
    "AND bucket_start >= $3 AND bucket_start < $4"
)
REMOVE_SQL = "DELETE FROM usage_record WHERE id = ANY($1::int8[])"

COST_DAYS_SQL = (
    f"SELECT DISTINCT {DAY.format(col='bucket_start')} AS day FROM usage_record "  # noqa: S608
    "WHERE connection_id = $1 AND source = 'cost' AND bucket_start >= $2 AND bucket_start < $3"
)

# $4: the days with a cost report, known already (a correlated EXISTS per estimated row
# scanned every cost row of the connection: 19 s for 12k rows in scripts/bench_sync.py)
CLEAR_ESTIMATES_SQL = (
    "UPDATE usage_record u SET cost = NULL, cost_basis = 'none', updated_at = now() "  # noqa: S608
    "WHERE u.connection_id = $1 AND u.source = 'usage' AND u.cost_basis = 'estimated' "
    f"AND u.bucket_start >= $2 AND u.bucket_start < $3 AND {DAY.format(col='u.bucket_start')} "
    "= ANY($4::timestamptz[]) RETURNING u.bucket_start"
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


@dataclass(frozen=True)
class PreviousRead:
    """An earlier read of the same source: the window it covered and when it was read."""

    start: datetime
    end: datetime
    read_at: datetime

    def saw_complete(self, bucket_start: datetime, width: str) -> bool:
        """Whether that read covered this bucket after the bucket had ended."""
        bucket_end = bucket_start + BUCKET_DELTAS[width]
        return self.start <= bucket_start and bucket_end <= min(self.end, self.read_at)


@dataclass(frozen=True)
class Reread:
    """One source read afresh: the provider's whole truth for [start, end) of ``origin``."""

    origin: str
    start: datetime
    end: datetime
    rows: Sequence[UsageRow]
    previous: PreviousRead | None = None  # None: nothing it changes is a revision


@dataclass
class IngestResult:
    inserted: int = 0
    updated: int = 0
    removed: int = 0
    revisions: int = 0
    days: list[date] = field(default_factory=list)  # days whose stored values changed

    @property
    def changed(self) -> int:
        return self.inserted + self.updated + self.removed


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


async def ingest(target: Target, rows: Sequence[UsageRow]) -> IngestResult:
    """Upsert ``rows`` (unique per key, as adapters return them) and refresh the rollup.

    Nothing is removed and no revision is kept: the benchmark's and the tests' plain path.
    """
    if not rows:
        return IngestResult()
    lo = min(r.bucket_start for r in rows)
    hi = max(r.bucket_start for r in rows) + timedelta(days=1)
    return await _store(target, [Reread("", lo, hi, rows)], replace=False, run_id=None)


# what the caller records in the transaction of the rows (a sync run's resume point); its
# exception rolls the rows back
Commit = Callable[[BaseDBAsyncClient, IngestResult], Awaitable[None]]


async def reread(target: Target, reads: Sequence[Reread], *, run_id: UUID | None = None,
                 commit: Commit | None = None) -> IngestResult:
    """Store each source's fresh read as the truth for its window, keep the revisions, and
    refresh the rollup, all in one transaction (``commit``'s writes too)."""
    reads = [r for r in reads if r.end > r.start]
    if not reads and commit is not None:
        async with in_transaction() as conn:
            await commit(conn, IngestResult())
        return IngestResult()
    return await _store(target, reads, replace=True, run_id=run_id, commit=commit)


async def _store(target: Target, reads: Sequence[Reread], *, replace: bool,
                 run_id: UUID | None, commit: Commit | None = None) -> IngestResult:
    result = IngestResult()
    if not reads:
        return result
    lo = midnight(min(r.start for r in reads).date())
    hi = midnight(max(r.end for r in reads).date()) + timedelta(days=1)
    changed_days: set[date] = set()
    revisions: list[tuple[Any, ...]] = []
    async with in_transaction() as conn:
        stored: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
        if replace:
            for read in reads:
                stored[read.origin] = before = await _stored(conn, target, read)
                fresh = {_key(r) for r in read.rows}
                gone = [row for key, row in before.items() if key not in fresh]
                if gone:
                    await conn.execute_query(REMOVE_SQL, [[row["id"] for row in gone]])
                for row in gone:
                    result.removed += 1
                    changed_days.add(row["bucket_start"].astimezone(UTC).date())
                    if read.previous is not None and read.previous.saw_complete(
                            row["bucket_start"], row["bucket_width"]):
                        revisions.append(_revision(RevisionKind.REMOVED, read.origin, row,
                                                   row, None))
        rows = [row for read in reads for row in read.rows]
        reported = await _cost_days(conn, target, rows, lo, hi)
        previous = {read.origin: read.previous for read in reads}
        prepared = [_prepare(target.provider, row, reported, read.origin)
                    for read in reads for row in read.rows]
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
                origin = record["origin"]
                revision = _upsert_revision(
                    record, previous.get(origin),
                    stored.get(origin, {}).get(tuple(record[d] for d in DIMS)))
                if revision is not None:
                    revisions.append(revision)
        cleared = await conn.execute_query_dict(CLEAR_ESTIMATES_SQL, [
            target.connection_id, lo, hi, [midnight(day) for day in sorted(reported)]])
        result.updated += len(cleared)
        changed_days.update(r["bucket_start"].astimezone(UTC).date() for r in cleared)
        result.days = sorted(changed_days)
        await rebuild_daily(conn, target, result.days)
        result.revisions = await _keep_revisions(conn, target, run_id, revisions)
        if commit is not None:
            await commit(conn, result)
    return result


def _key(row: UsageRow) -> tuple[Any, ...]:
    """A row's key as stored (absent grouping keys are "")."""
    return (row.source, row.bucket_start, row.bucket_width, row.model or "",
            row.project or "", row.api_key_id or "", row.line_item)


async def _stored(conn: BaseDBAsyncClient, target: Target, read: Reread
                  ) -> dict[tuple[Any, ...], dict[str, Any]]:
    rows = await conn.execute_query_dict(STORED_SQL, [
        target.connection_id, read.origin, read.start, read.end])
    return {tuple(row[d] for d in DIMS): row for row in rows}


def _upsert_revision(record: dict[str, Any], previous: PreviousRead | None,
                     old: dict[str, Any] | None) -> tuple[Any, ...] | None:
    """The revision an upserted row makes, if its bucket had been read complete before."""
    if previous is None or not previous.saw_complete(record["bucket_start"],
                                                     record["bucket_width"]):
        return None  # first read of the bucket, or it was still filling up
    if record["inserted"]:
        return _revision(RevisionKind.ADDED, record["origin"], record, None, record)
    if old is None or all(old[v] == record[v] for v in _reported(record["source"])):
        return None  # moved from another origin, or only an estimate, basis or currency
    return _revision(RevisionKind.CHANGED, record["origin"], record, old, record)


def _reported(source: str) -> tuple[str, ...]:
    """The values the provider reports for a row: a usage row's cost is our estimate."""
    return TRACKED if source == "cost" else TRACKED[:-1]


def _revision(kind: RevisionKind, origin: str, dims: dict[str, Any],
              old: dict[str, Any] | None, new: dict[str, Any] | None) -> tuple[Any, ...]:
    """A usage_revision row as the array columns of ``REVISION_ARRAYS``."""
    def value(row: dict[str, Any] | None, name: str) -> Any:
        if name == "cost" and dims["source"] != "cost":
            return None  # an estimate is ours, not the provider's: no cost revision
        if row is None:
            return None if name == "cost" else 0
        return row[name]

    return (kind.value, origin, *(dims[d] for d in DIMS), dims["currency"],
            *(value(old, v) for v in TRACKED), *(value(new, v) for v in TRACKED))


REVISION_ARRAYS = (("kind", "text"), ("origin", "text"), ("source", "text"),
                   ("bucket_start", "timestamptz"), ("bucket_width", "text"),
                   ("model", "text"), ("project", "text"), ("api_key_id", "text"),
                   ("line_item", "text"), ("currency", "text"),
                   ("old_input_tokens", "int8"), ("old_output_tokens", "int8"),
                   ("old_requests", "int8"), ("old_cost", "numeric"),
                   ("new_input_tokens", "int8"), ("new_output_tokens", "int8"),
                   ("new_requests", "int8"), ("new_cost", "numeric"))
_REVISION_NAMES = ", ".join(name for name, _ in REVISION_ARRAYS)
INSERT_REVISIONS_SQL = (
    "INSERT INTO usage_revision (account_id, connection_id, provider, sync_run_id, "  # noqa: S608
    f"revised_at, {_REVISION_NAMES}) "
    f"SELECT $1::uuid, $2::uuid, $3::text, $4::uuid, now(), {_REVISION_NAMES} FROM unnest("
    + ", ".join(f"${i + 5}::{kind}[]" for i, (_, kind) in enumerate(REVISION_ARRAYS))
    + f") AS r({_REVISION_NAMES})"
)


async def _keep_revisions(conn: BaseDBAsyncClient, target: Target, run_id: UUID | None,
                          revisions: list[tuple[Any, ...]]) -> int:
    if not revisions:
        return 0
    await conn.execute_query(INSERT_REVISIONS_SQL, [
        target.account_id, target.connection_id, target.provider, run_id,
        *(list(column) for column in zip(*revisions, strict=True))])
    return len(revisions)


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


def _prepare(provider: str, row: UsageRow, reported: set[date], origin: str
             ) -> tuple[Any, ...]:
    """The row as the array columns, with its cost, the basis of that cost and its origin."""
    cost: Decimal | None
    if row.source == "cost":
        cost, basis = row.cost, CostBasis.REPORTED
    elif row.bucket_start.date() in reported:
        cost, basis = None, CostBasis.NONE
    else:
        cost = estimate_cost(provider, row)
        basis = CostBasis.NONE if cost is None else CostBasis.ESTIMATED
    return (*_key(row), row.input_tokens, row.output_tokens, row.cached_input_tokens,
            row.cache_write_tokens, row.requests, cost, row.currency, basis.value, origin)


async def forget_connection(connection_id: UUID) -> int:
    """Delete a connection's usage, rollup, revisions and runs (after it is removed)."""
    async with in_transaction():
        deleted = await UsageRecord.filter(connection_id=connection_id).delete()
        await UsageDaily.filter(connection_id=connection_id).delete()
        await UsageRevision.filter(connection_id=connection_id).delete()
        await SyncRun.filter(connection_id=connection_id).delete()
    return deleted
