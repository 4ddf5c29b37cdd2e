"""Security webhook delivery: thin, idempotent, retried with backoff for about an hour."""

from __future__ import annotations

from uuid import UUID

from meterwise.services import security_events
from meterwise.tasks.registry import job


@job(security_events.DELIVER_JOB, max_retries=8, min_backoff_ms=2_000, max_backoff_ms=600_000,
     time_limit_ms=30_000)
async def deliver_security_event(event_id: str) -> None:
    await security_events.deliver(UUID(event_id))
