"""Sync jobs: thin wrappers that take ids and call the sync service."""

from __future__ import annotations

from uuid import UUID

from meterwise import wiring
from meterwise.services import sync
from meterwise.services.sync import MAX_RETRIES
from meterwise.tasks.registry import job


@job(sync.JOB_NAME, max_retries=MAX_RETRIES, time_limit_ms=30 * 60_000,
     min_backoff_ms=5_000, max_backoff_ms=120_000)
async def sync_connection(connection_id: str, run_id: str | None = None) -> None:
    """One sync of one connection; a retryable failure raises so the policy retries it."""
    await sync.run_sync(UUID(connection_id), UUID(run_id) if run_id else None,
                        settings=wiring.settings(), max_attempts=MAX_RETRIES + 1)
