"""Incident jobs: run the detection rules, escalate due levels, send one notification.

Thin and idempotent: detection joins live incidents instead of opening twice, a level is
claimed once, and a notification row is sent at most once.
"""

from __future__ import annotations

from uuid import UUID

from meterwise.services.incidents import detection, escalation
from meterwise.tasks.registry import job


@job("incidents.detect", max_retries=1, time_limit_ms=10 * 60_000)
async def detect() -> None:
    """Every 5 minutes: every rule over its window."""
    await detection.run_rules()


@job("incidents.escalate", max_retries=1, time_limit_ms=5 * 60_000)
async def escalate() -> None:
    """Every minute: unacknowledged incidents reach their next level; the outbox sweep."""
    await escalation.escalate_due()
    await escalation.deliver_due()


@job(escalation.DELIVER_JOB, max_retries=0, time_limit_ms=60_000)
async def deliver(notification_id: str) -> None:
    """One attempt; failures back off in the row and the sweep retries them."""
    await escalation.deliver(UUID(notification_id))
