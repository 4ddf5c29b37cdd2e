"""Sync types, mapped explicitly from the ``SyncRun`` model."""

from __future__ import annotations

from datetime import datetime

import strawberry

from meterwise.models.usage import SyncRun as SyncRunModel
from meterwise.schema.errors import UserError, errors_field


@strawberry.type(description="One sync of a connection: its window, progress and outcome.")
class SyncRun:
    id: strawberry.ID
    connection_id: strawberry.ID
    status: str = strawberry.field(description="queued, running, succeeded or failed.")
    trigger: str = strawberry.field(description="schedule or manual.")
    window_start: datetime | None
    window_end: datetime | None
    pages: int
    rows_inserted: int
    rows_updated: int
    attempts: int
    error_class: str | None
    error_message: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @classmethod
    def from_model(cls, row: SyncRunModel) -> SyncRun:
        return cls(
            id=strawberry.ID(str(row.id)),
            connection_id=strawberry.ID(str(row.connection_id)),
            status=str(row.status),
            trigger=row.trigger,
            window_start=row.window_start,
            window_end=row.window_end,
            pages=row.pages,
            rows_inserted=row.rows_inserted,
            rows_updated=row.rows_updated,
            attempts=row.attempts,
            error_class=row.error_class,
            error_message=row.error_message,
            created_at=row.created_at,
            started_at=row.started_at,
            finished_at=row.finished_at,
        )


@strawberry.type
class SyncPayload:
    run: SyncRun | None = None
    already_active: bool = strawberry.field(
        default=False, description="True when a queued or running sync was returned instead.")
    errors: list[UserError] = errors_field()
