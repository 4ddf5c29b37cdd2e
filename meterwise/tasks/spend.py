"""Spend-control jobs: thin, idempotent, ids only.

Evaluation is safe to repeat (alerts are unique per key); a delivery is one attempt whose
retries the outbox schedules itself (``spend.deliver_due``), so the jobs do not retry.
"""

from __future__ import annotations

from uuid import UUID

from meterwise.services.spend import alerts, evaluation, outbox
from meterwise.tasks.registry import job


@job(evaluation.EVALUATE_JOB, max_retries=2, time_limit_ms=5 * 60_000)
async def evaluate_account(account_id: str) -> None:
    await evaluation.evaluate_account(UUID(account_id))


@job(evaluation.EVALUATE_ALL_JOB, max_retries=0, time_limit_ms=30 * 60_000)
async def evaluate_all() -> None:
    await evaluation.evaluate_all()


@job(alerts.DELIVER_JOB, max_retries=0, time_limit_ms=60_000)
async def deliver(delivery_id: str) -> None:
    await outbox.deliver(UUID(delivery_id))


@job(outbox.SWEEP_JOB, max_retries=0, time_limit_ms=10 * 60_000)
async def deliver_due() -> None:
    await outbox.deliver_due()
