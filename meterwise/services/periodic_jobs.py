"""Periodic jobs: one due list in the database, claimed slot by slot.

Any number of schedulers may tick at once: a slot is claimed by a conditional UPDATE of
``next_run_at``, which only one of them can win, so each slot is enqueued exactly once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.expressions import Q

from meterwise import clock
from meterwise.jobs.base import JobQueue
from meterwise.models.system import ScheduledJob
from meterwise.services.sync.connection_schedule import enqueue_due_syncs


@dataclass(frozen=True)
class Periodic:
    job: str
    interval: timedelta


PERIODIC_JOBS: tuple[Periodic, ...] = (
    Periodic("system.prune_heartbeats", timedelta(hours=1)),
    Periodic("identity.purge_expired", timedelta(hours=1)),
    Periodic("vault.rotate_due", timedelta(days=1)),
    Periodic("audit.checkpoint", timedelta(hours=1)),  # walks what was added since the last
    Periodic("audit.verify", timedelta(days=1)),  # the whole chain: edits before a checkpoint
    Periodic("vault.rotate_after_deletions", timedelta(days=1)),
    # spend control: budgets re-evaluated (forecasts move with time), outbox retries
    Periodic("spend.evaluate_all", timedelta(minutes=15)),
    Periodic("spend.deliver_due", timedelta(seconds=30)),
    # access reviews: each account is reviewed every METERWISE_REVIEW_INTERVAL_DAYS
    Periodic("reviews.run_due", timedelta(hours=6)),
    # incidents: detection rules over their windows; escalation levels and their outbox
    Periodic("incidents.detect", timedelta(minutes=5)),
    Periodic("incidents.escalate", timedelta(minutes=1)),
)


async def enqueue_due(
    queue: JobQueue,
    periodic: Sequence[Periodic] = PERIODIC_JOBS,
    *,
    now: datetime | None = None,
) -> list[str]:
    """Enqueue every periodic job whose slot is due; returns the names this call enqueued."""
    now = now or clock.now()
    enqueued: list[str] = []
    for item in periodic:
        seconds = int(item.interval.total_seconds())
        await ScheduledJob.get_or_create(
            name=item.job, defaults={"interval_seconds": seconds, "next_run_at": now}
        )
        claimed = await ScheduledJob.filter(Q(name=item.job) & Q(next_run_at__lte=now)).update(
            next_run_at=now + item.interval, interval_seconds=seconds, last_enqueued_at=now
        )
        if claimed:
            await queue.enqueue(item.job)
            enqueued.append(item.job)
    enqueued += (await enqueue_due_syncs(queue, now=now)).job_names  # connections due
    return enqueued
