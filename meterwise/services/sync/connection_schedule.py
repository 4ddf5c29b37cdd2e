"""Which connections are due, claimed slot by slot, and the requests to sync one now.

The due list is ``provider_connection.next_sync_at``. A tick claims due connections with
one UPDATE over a ``FOR UPDATE SKIP LOCKED`` selection that moves ``next_sync_at`` to the
next (jittered) slot, so concurrent schedulers claim disjoint sets and each slot is claimed
once. Runs are opened in the same transaction and jobs are enqueued only after it commits.
Frozen accounts (incident containment) are skipped; their slots wait for the release.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.jobs.base import JobQueue
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.containment import AccountFreeze
from meterwise.models.usage import SyncRun, SyncTrigger
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.sync import runs
from meterwise.services.sync.runner import FROZEN_MESSAGE, JOB_NAME
from meterwise.services.sync.settings import sync_settings

log = logging.getLogger(__name__)

SCHEDULED = (ConnectionStatus.ACTIVE.value, ConnectionStatus.ERROR.value)

CLAIM_DUE_SQL = (
    "UPDATE provider_connection c SET next_sync_at = $1::timestamptz + make_interval("
    " secs => c.sync_interval_seconds * (1 + $2::float8 * (2 * random() - 1))) "
    "WHERE c.id IN (SELECT id FROM provider_connection "
    "  WHERE status = ANY($3::text[]) AND (next_sync_at IS NULL OR next_sync_at <= $1) "
    "  AND account_id NOT IN (SELECT account_id FROM containment_account_freeze) "
    "  ORDER BY next_sync_at NULLS FIRST LIMIT $4 FOR UPDATE SKIP LOCKED) "
    "RETURNING c.id, c.account_id"
)


@dataclass(frozen=True)
class Tick:
    claimed: list[UUID]  # connections whose slot this tick won
    enqueued: list[UUID]  # runs enqueued (new ones and re-queued stale ones)

    @property
    def job_names(self) -> list[str]:
        return [JOB_NAME] * len(self.enqueued)


async def enqueue_due_syncs(queue: JobQueue, *, now: datetime | None = None) -> Tick:
    """Claim due connections, open their runs, enqueue after commit; re-queue stale runs."""
    now = now or clock.now()
    settings = sync_settings()
    to_enqueue: list[tuple[UUID, UUID]] = []
    async with in_transaction() as conn:
        claimed = await conn.execute_query_dict(
            CLAIM_DUE_SQL, [now, settings.jitter, list(SCHEDULED), settings.due_batch])
        for row in claimed:
            run, created = await runs.open_run(row["account_id"], row["id"], SyncTrigger.SCHEDULE,
                                               conn=conn, now=now)
            if created:  # an active run already covers this slot otherwise
                to_enqueue.append((run.id, row["id"]))
    for run_id, connection_id in to_enqueue:
        await queue.enqueue(JOB_NAME, connection_id=str(connection_id), run_id=str(run_id))
    reclaimed = await requeue_lapsed(queue, now=now)
    return Tick(claimed=[row["id"] for row in claimed],
                enqueued=[r for r, _ in to_enqueue] + reclaimed)


async def requeue_lapsed(queue: JobQueue, *, now: datetime | None = None) -> list[UUID]:
    """Re-queue and enqueue the runs whose lease or queue deadline lapsed (a dead worker, a
    lost message, a run handed back): the takeover. One indexed scan of active runs, so the
    scheduler runs it every ``reclaim_interval_seconds``; each run is won by one caller."""
    reclaimed = await runs.reclaim_stale(now=now)
    enqueued: list[UUID] = []
    for run_id, connection_id in reclaimed:
        try:
            await queue.enqueue(JOB_NAME, connection_id=str(connection_id), run_id=str(run_id))
        except Exception as exc:  # Redis away: the run must not wait out the queued deadline
            await runs.retry_reclaim(run_id, now=now)
            log.warning("could not enqueue the takeover of sync run %s (%s); the next scan "
                        "retries", run_id, type(exc).__name__)
            continue
        enqueued.append(run_id)
    return enqueued


async def request_sync(queue: JobQueue, connection: ProviderConnection, *,
                       trigger: SyncTrigger = SyncTrigger.MANUAL) -> tuple[SyncRun, bool]:
    """Sync ``connection`` now, or return the run already queued or running (False).

    A stale active run (its worker died or its message was lost) is re-queued once. A
    frozen account's connection is refused (``ACCOUNT_FROZEN``): nothing is queued.
    """
    if await AccountFreeze.exists(account_id=connection.account_id):
        raise UserInputError(UserErrorCode.ACCOUNT_FROZEN, FROZEN_MESSAGE, "id")
    run, created = await runs.open_run(connection.account_id, connection.id, trigger)
    if created:
        await queue.enqueue(JOB_NAME, connection_id=str(connection.id), run_id=str(run.id))
        return run, True
    for run_id, connection_id in await runs.reclaim_stale(run_id=run.id):
        await queue.enqueue(JOB_NAME, connection_id=str(connection_id), run_id=str(run_id))
    return run, False
