"""Sync types, mapped explicitly from the ``SyncRun`` model."""

from __future__ import annotations

from datetime import datetime

import strawberry

from meterwise.models.usage import SyncRun as SyncRunModel
from meterwise.schema.enums import SyncStatus, SyncTrigger
from meterwise.schema.errors import UserError, errors_field
from meterwise.schema.guards.cost import list_size

MAX_SOURCES = 10  # endpoints one provider's sync reads (OpenAI: 7)


@strawberry.type(description="What one provider endpoint (source) of a sync did.")
class SyncSourceOutcome:
    name: str = strawberry.field(description="The endpoint, e.g. `costs`, `usage.completions`.")
    ok: bool
    window_start: datetime
    window_end: datetime
    rows: int
    pages: int
    error: str | None = strawberry.field(description="Why it failed (redacted), when it did.")

    @classmethod
    def from_json(cls, item: dict[str, object]) -> SyncSourceOutcome:
        error = item.get("error")
        return cls(name=str(item.get("name")), ok=bool(item.get("ok")),
                   window_start=datetime.fromisoformat(str(item.get("start"))),
                   window_end=datetime.fromisoformat(str(item.get("end"))),
                   rows=int(str(item.get("rows") or 0)), pages=int(str(item.get("pages") or 0)),
                   error=None if error is None else str(error))


@strawberry.type(description="One sync of a connection: its window, progress and outcome.")
class SyncRun:
    id: strawberry.ID
    connection_id: strawberry.ID
    status: SyncStatus = strawberry.field(
        description="The syncStatus stream's vocabulary; a stored run is never RETRYING.")
    trigger: SyncTrigger
    window_start: datetime | None
    window_end: datetime | None
    pages: int
    rows_inserted: int
    rows_updated: int
    rows_removed: int = strawberry.field(description="Rows the provider no longer reports.")
    attempts: int
    error_class: str | None
    error_message: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    stored_until: datetime | None = strawberry.field(
        description="The window is stored up to here (chunk by chunk); a run that is taken "
                    "over or retried reads on from it.")
    resumed_from: datetime | None = strawberry.field(
        description="Where the latest attempt started reading, when earlier attempts had "
                    "stored part of the window.")
    taken_over_at: datetime | None = strawberry.field(
        description="When the run was last taken from a worker that stopped renewing its "
                    "lease (it died or stalled); attempts counts every claim.")
    sources: list[SyncSourceOutcome] = strawberry.field(
        description="Per endpoint: what it read or why it failed, over the chunks stored "
                    "so far.",
        metadata=list_size(MAX_SOURCES))

    @classmethod
    def from_model(cls, row: SyncRunModel) -> SyncRun:
        return cls(
            id=strawberry.ID(str(row.id)),
            connection_id=strawberry.ID(str(row.connection_id)),
            status=SyncStatus(row.status),
            trigger=SyncTrigger(row.trigger),
            window_start=row.window_start,
            window_end=row.window_end,
            pages=row.pages,
            rows_inserted=row.rows_inserted,
            rows_updated=row.rows_updated,
            rows_removed=row.rows_removed,
            attempts=row.attempts,
            error_class=row.error_class,
            error_message=row.error_message,
            created_at=row.created_at,
            started_at=row.started_at,
            finished_at=row.finished_at,
            stored_until=row.stored_until,
            resumed_from=row.resumed_from,
            taken_over_at=row.taken_over_at,
            sources=[SyncSourceOutcome.from_json(item) for item in row.sources or []],
        )


@strawberry.type
class SyncPayload:
    run: SyncRun | None = None
    already_active: bool = strawberry.field(
        default=False, description="True when a queued or running sync was returned instead.")
    errors: list[UserError] = errors_field()
