"""Normalised usage and cost, the daily rollup the dashboards read, and sync run records.

Storage contract (shared by the ingest path and the analytics read side):
* ``UsageRecord``: one row per (connection, source, bucket_start, bucket_width, model,
  project, api_key_id, line_item). Absent grouping keys are stored as ``""`` (not NULL) so
  the unique key and GROUP BY treat them as one value; the API shows ``""`` as null.
  Ingest is a bulk ``INSERT … ON CONFLICT (…) DO UPDATE``: re-fetching never double counts
  and a revised bucket overwrites.
* ``source = 'cost'`` rows carry the provider's reported cost (tokens 0); ``source =
  'usage'`` rows carry tokens/requests and an *estimated* cost only where the connection has
  no cost report for that day (the ingest path clears estimates for days that have one), so
  ``SUM(cost)`` over all rows never counts a cost twice. ``cost_basis`` says which it is.
* ``UsageDaily`` is the rollup by (connection, day, model, project, api_key_id), rebuilt by
  the ingest path for the days it touched, in the same transaction.
* ``account_id`` is denormalised onto every row: scoping and the dashboard indexes need it.
* ``origin`` names the provider source (endpoint) that reported the row: a sync re-reads
  each source's window and replaces exactly that source's rows there.
* ``UsageRevision``: every change to a row after its bucket was first read complete (the
  provider revised, added or removed a line), with old and new values and the sync run.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class CostBasis(StrEnum):
    """Where a cost comes from: the provider's report, our estimate, both, or neither.

    A stored row is never MIXED; a total over rows of both kinds is (reports, exports).
    """

    REPORTED = "reported"
    ESTIMATED = "estimated"
    MIXED = "mixed"
    NONE = "none"  # usage without any cost (e.g. a model without a list price)


class UsageRecord(Model):
    id = fields.BigIntField(primary_key=True)
    account_id = fields.UUIDField()
    connection_id = fields.UUIDField()
    provider = fields.CharField(max_length=16)
    source = fields.CharField(max_length=8)  # "usage" | "cost"
    bucket_start = fields.DatetimeField()
    bucket_width = fields.CharField(max_length=4)  # "1h" | "1d"
    model = fields.CharField(max_length=200, default="")
    project = fields.CharField(max_length=200, default="")
    api_key_id = fields.CharField(max_length=200, default="")
    line_item = fields.CharField(max_length=300, default="")
    input_tokens = fields.BigIntField(default=0)
    output_tokens = fields.BigIntField(default=0)
    cached_input_tokens = fields.BigIntField(default=0)
    cache_write_tokens = fields.BigIntField(default=0)
    requests = fields.BigIntField(default=0)
    cost = fields.DecimalField(max_digits=24, decimal_places=12, null=True)
    currency = fields.CharField(max_length=3, default="USD")
    cost_basis = fields.CharEnumField(CostBasis, max_length=12, default=CostBasis.NONE)
    origin = fields.CharField(max_length=40, default="")  # the source (endpoint) read
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "usage_record"
        unique_together = (
            ("connection_id", "source", "bucket_start", "bucket_width", "model", "project",
             "api_key_id", "line_item"),
        )
        indexes = (Index(fields=("account_id", "bucket_start")),)


class UsageDaily(Model):
    """Per-day rollup the dashboards read: years of data stay a few rows per day."""

    id = fields.BigIntField(primary_key=True)
    account_id = fields.UUIDField()
    connection_id = fields.UUIDField()
    provider = fields.CharField(max_length=16)
    day = fields.DatetimeField()  # midnight UTC
    model = fields.CharField(max_length=200, default="")
    project = fields.CharField(max_length=200, default="")
    api_key_id = fields.CharField(max_length=200, default="")
    input_tokens = fields.BigIntField(default=0)
    output_tokens = fields.BigIntField(default=0)
    cached_input_tokens = fields.BigIntField(default=0)
    cache_write_tokens = fields.BigIntField(default=0)
    requests = fields.BigIntField(default=0)
    cost = fields.DecimalField(max_digits=24, decimal_places=12, default=0)
    reported_rows = fields.IntField(default=0)  # rows whose cost the provider reported
    estimated_rows = fields.IntField(default=0)  # rows whose cost was estimated from tokens
    currency = fields.CharField(max_length=3, default="USD")

    class Meta:
        table = "usage_daily"
        unique_together = (
            ("connection_id", "day", "model", "project", "api_key_id"),
        )
        # (account_id, day) is served by the covering ``usage_daily_dashboard`` index
        # (migration usage.0002); a plain twin would only tempt the planner away from it.


class RevisionKind(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


class UsageRevision(Model):
    """One provider revision of one stored row: what it was, what it is now, which run saw it."""

    id = fields.BigIntField(primary_key=True)
    account_id = fields.UUIDField()
    connection_id = fields.UUIDField()
    provider = fields.CharField(max_length=16)
    sync_run_id = fields.UUIDField(null=True)
    kind = fields.CharEnumField(RevisionKind, max_length=8)
    origin = fields.CharField(max_length=40, default="")
    source = fields.CharField(max_length=8)
    bucket_start = fields.DatetimeField()
    bucket_width = fields.CharField(max_length=4)
    model = fields.CharField(max_length=200, default="")
    project = fields.CharField(max_length=200, default="")
    api_key_id = fields.CharField(max_length=200, default="")
    line_item = fields.CharField(max_length=300, default="")
    currency = fields.CharField(max_length=3, default="USD")
    old_cost = fields.DecimalField(max_digits=24, decimal_places=12, null=True)
    new_cost = fields.DecimalField(max_digits=24, decimal_places=12, null=True)
    old_input_tokens = fields.BigIntField(default=0)
    new_input_tokens = fields.BigIntField(default=0)
    old_output_tokens = fields.BigIntField(default=0)
    new_output_tokens = fields.BigIntField(default=0)
    old_requests = fields.BigIntField(default=0)
    new_requests = fields.BigIntField(default=0)
    revised_at = fields.DatetimeField()

    class Meta:
        table = "usage_revision"
        indexes = (Index(fields=("account_id", "revised_at")),
                   Index(fields=("connection_id", "bucket_start")))


class SyncStatus(StrEnum):
    """Where a sync run is: the one vocabulary of stored runs and of their live events."""

    QUEUED = "queued"
    RUNNING = "running"
    RETRYING = "retrying"  # only in live events: a failed attempt waits, stored as QUEUED
    SUCCEEDED = "succeeded"
    PARTIAL = "partial"  # some sources failed for good; the others were stored
    FAILED = "failed"


class SyncTrigger(StrEnum):
    """Why a sync run exists: the scheduler found it due, or a person asked for it."""

    SCHEDULE = "schedule"
    MANUAL = "manual"


class SyncRun(Model):
    """What one fetch did: its window, pages, rows, outcome and error class."""

    id = fields.UUIDField(primary_key=True)
    account_id = fields.UUIDField(db_index=True)
    connection_id = fields.UUIDField(db_index=True)
    status = fields.CharEnumField(SyncStatus, max_length=12, default=SyncStatus.QUEUED)
    trigger = fields.CharField(max_length=16, default=SyncTrigger.SCHEDULE.value)  # SyncTrigger
    window_start = fields.DatetimeField(null=True)
    window_end = fields.DatetimeField(null=True)
    pages = fields.IntField(default=0)
    rows_inserted = fields.IntField(default=0)
    rows_updated = fields.IntField(default=0)
    rows_removed = fields.IntField(default=0)
    attempts = fields.IntField(default=0)
    error_class = fields.CharField(max_length=100, null=True)
    error_message = fields.TextField(null=True)
    # per source: {"name", "start", "end", "ok", "rows", "pages", "error"} (see runner)
    sources: list[dict[str, object]] | None = fields.JSONField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    # a running sync renews this; a run whose lease lapsed (dead worker) may be taken over
    lease_expires_at = fields.DatetimeField(null=True)
    # the window is stored up to here: each committed chunk moves it in the transaction of
    # its rows, so an attempt that takes over reads on from it (None: nothing stored yet)
    stored_until = fields.DatetimeField(null=True)
    # where the latest attempt started reading, when it resumed a partly stored window
    resumed_from = fields.DatetimeField(null=True)
    # when the run was last taken from a holder whose lease lapsed (a dead or stalled worker)
    taken_over_at = fields.DatetimeField(null=True)

    class Meta:
        table = "sync_run"
        indexes = (Index(fields=("connection_id", "status")),)
