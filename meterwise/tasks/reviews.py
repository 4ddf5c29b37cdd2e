"""Access-review jobs: thin wrappers over ``services/reviews``."""

from __future__ import annotations

from meterwise.services.reviews import reviews
from meterwise.tasks.registry import job


@job(reviews.RUN_DUE_JOB, max_retries=0, time_limit_ms=30 * 60_000)
async def run_due() -> None:
    await reviews.run_due()
