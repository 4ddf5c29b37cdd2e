"""Sync runs: at most one active run per connection, held by a lease while it runs.

A partial unique index (``sync_run_one_active``) lets a connection have only one queued or
running run, so ``open_run`` either creates it or returns the one already there. A worker
*claims* a run with a conditional UPDATE (queued, or running with a lapsed lease), bumping
``attempts``, which doubles as a fencing token: renewals only succeed for the current
holder. A worker that dies stops renewing; once its lease lapses, ``reclaim_stale`` (run by
the scheduler every ``reclaim_interval_seconds``) re-queues the run exactly once, marks it
``taken_over_at``, and the next claim takes it over. A sync commits its window chunk by
chunk: ``commit_chunk`` moves ``stored_until`` in the transaction of the chunk's rows and
only for the current holder, so a stale holder's late chunk rolls back whole, and the taker
reads on from ``stored_until`` (recorded as ``resumed_from``) instead of starting over.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.usage import SyncRun, SyncStatus, SyncTrigger
from meterwise.services.sync.settings import sync_settings

log = logging.getLogger(__name__)

ACTIVE = (SyncStatus.QUEUED, SyncStatus.RUNNING)
FINISHED = (SyncStatus.SUCCEEDED, SyncStatus.PARTIAL, SyncStatus.FAILED)

OPEN_SQL = (
    "INSERT INTO sync_run (id, account_id, connection_id, status, trigger, pages, "
    "rows_inserted, rows_updated, rows_removed, attempts, created_at, lease_expires_at) "
    "VALUES ($1, $2, $3, 'queued', $4, 0, 0, 0, 0, 0, $5, $6) "
    "ON CONFLICT (connection_id) WHERE status IN ('queued', 'running') DO NOTHING "
    "RETURNING id"
)
RECLAIM_SQL = (
    "UPDATE sync_run SET status = 'queued', lease_expires_at = $2, "
    "taken_over_at = CASE WHEN status = 'running' THEN $1 ELSE taken_over_at END "
    "WHERE status IN ('queued', 'running') AND lease_expires_at < $1 {extra}"
    "RETURNING id, connection_id"
)
# queued, or running with a lapsed lease (then it is a takeover); an attempt starts where
# the stored part of the window ends
CLAIM_SQL = (
    "UPDATE sync_run SET status = 'running', started_at = $2, attempts = attempts + 1, "
    "lease_expires_at = $3, resumed_from = stored_until, "
    "taken_over_at = CASE WHEN status = 'running' THEN $2 ELSE taken_over_at END "
    "WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND lease_expires_at < $2)) "
    "RETURNING id"
)
# the current holder's chunk: progress and resume point, in the chunk's transaction
COMMIT_CHUNK_SQL = (
    "UPDATE sync_run SET stored_until = $3, pages = $4, rows_inserted = $5, "
    "rows_updated = $6, rows_removed = $7, sources = $8::jsonb "
    "WHERE id = $1 AND attempts = $2 AND status = 'running' RETURNING id"
)


@dataclass(frozen=True)
class Claim:
    """A run this worker holds: ``attempt`` is the fencing token for renewals."""

    run: SyncRun
    attempt: int


async def open_run(account_id: UUID, connection_id: UUID, trigger: SyncTrigger, *,
                   conn: BaseDBAsyncClient | None = None,
                   now: datetime | None = None) -> tuple[SyncRun, bool]:
    """The connection's active run: a new queued one (True) or the one already active."""
    now = now or clock.now()
    # a queued run that nobody picks up (lost message) is re-queued by reclaim_stale
    deadline = now + timedelta(seconds=sync_settings().queued_stale_seconds)
    for _ in range(5):
        async with contextlib.AsyncExitStack() as stack:
            db = conn if conn is not None else await stack.enter_async_context(
                in_transaction())
            created = await db.execute_query_dict(
                OPEN_SQL, [uuid4(), account_id, connection_id, trigger.value, now, deadline])
            if created:
                return await SyncRun.filter(id=created[0]["id"]).using_db(db).get(), True
            active = await SyncRun.filter(connection_id=connection_id,
                                          status__in=ACTIVE).using_db(db).first()
            if active is not None:
                return active, False
        # the active run finished between our insert and our read: try again
    raise RuntimeError(f"could not open a sync run for connection {connection_id}")


async def claim(run_id: UUID, *, now: datetime | None = None) -> Claim | None:
    """Take the run if it is queued or its holder's lease lapsed; None when someone holds it."""
    now = now or clock.now()
    async with in_transaction() as conn:
        taken = await conn.execute_query_dict(CLAIM_SQL, [run_id, now,
                                                          now + sync_settings().lease])
    if not taken:
        return None
    run = await SyncRun.get(id=run_id)
    return Claim(run=run, attempt=run.attempts)


async def renew(held: Claim) -> bool:
    """Extend our lease; False when the run was taken over or finished meanwhile."""
    updated = await SyncRun.filter(id=held.run.id, attempts=held.attempt,
                                   status=SyncStatus.RUNNING).update(
        lease_expires_at=clock.now() + sync_settings().lease)
    return bool(updated)


async def finished_by(held: Claim) -> bool:
    """The run ended in ``held``'s own attempt (not taken over): renewals stop, quietly.

    Why: after ``finish`` the attempt still publishes its events, which may wait out a Redis
    restart; cancelling it then as "taken over" lost the very event saying it finished.
    """
    return await SyncRun.filter(id=held.run.id, attempts=held.attempt,
                                status__in=FINISHED).exists()


@contextlib.asynccontextmanager
async def leased(held: Claim) -> AsyncIterator[None]:
    """Renew the lease every third of its length; cancel the block if we lose it."""
    task = asyncio.current_task()
    lost = asyncio.Event()

    async def keep() -> None:
        while True:
            await asyncio.sleep(sync_settings().lease_seconds / 3)
            try:
                still_ours = await renew(held)
            except Exception as exc:  # a blip: the next renewal may succeed
                log.warning("sync run %s: lease renewal failed (%s)", held.run.id,
                            type(exc).__name__)
                continue
            if not still_ours:
                if await finished_by(held):
                    return  # our own finish: what follows it (its live events) runs on
                log.warning("sync run %s: lease lost; stopping this attempt", held.run.id)
                lost.set()
                if task is not None:
                    task.cancel()
                return

    keeper = asyncio.create_task(keep(), name=f"sync-lease:{held.run.id}")
    try:
        yield
    except asyncio.CancelledError:
        if lost.is_set():
            raise LeaseLost(str(held.run.id)) from None
        raise
    finally:
        keeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await keeper


class LeaseLost(Exception):
    """Another worker took the run over; this attempt stops without touching it."""


async def commit_chunk(conn: BaseDBAsyncClient, held: Claim, *, stored_until: datetime,
                       pages: int, inserted: int, updated: int, removed: int,
                       sources: list[dict[str, Any]]) -> None:
    """Record a stored chunk in its own transaction; ``LeaseLost`` (rolling it back) when
    another worker holds the run now."""
    moved = await conn.execute_query_dict(COMMIT_CHUNK_SQL, [
        held.run.id, held.attempt, stored_until, pages, inserted, updated, removed,
        json.dumps(sources)])
    if not moved:
        raise LeaseLost(str(held.run.id))


async def hand_back(held: Claim) -> None:
    """Give the run up at a chunk boundary (the worker is draining): queued with a deadline
    that lapsed already, so the next reclaim enqueues it and another worker resumes from
    ``stored_until``."""
    await SyncRun.filter(id=held.run.id, attempts=held.attempt,
                         status=SyncStatus.RUNNING).update(status=SyncStatus.QUEUED,
                                                           lease_expires_at=clock.now())


async def requeue(held: Claim, *, error_class: str, message: str) -> None:
    """Give the run back for the job's next retry, keeping what went wrong."""
    deadline = clock.now() + timedelta(seconds=sync_settings().queued_stale_seconds)
    await SyncRun.filter(id=held.run.id, attempts=held.attempt).update(
        status=SyncStatus.QUEUED, lease_expires_at=deadline, error_class=error_class,
        error_message=message[:1000])


async def finish(held: Claim, *, status: SyncStatus, pages: int = 0, inserted: int = 0,
                 updated: int = 0, removed: int = 0, error_class: str | None = None,
                 message: str | None = None,
                 sources: list[dict[str, Any]] | None = None) -> None:
    """Record the outcome; only the current holder can (a taken-over attempt cannot)."""
    await SyncRun.filter(id=held.run.id, attempts=held.attempt).update(
        status=status, finished_at=clock.now(), lease_expires_at=None, pages=pages,
        rows_inserted=inserted, rows_updated=updated, rows_removed=removed,
        error_class=error_class, error_message=None if message is None else message[:1000],
        sources=sources)


async def fail_unclaimed(run_id: UUID, *, error_class: str, message: str) -> None:
    """End an active run that can never run (its connection is gone)."""
    await SyncRun.filter(id=run_id, status__in=ACTIVE).update(
        status=SyncStatus.FAILED, finished_at=clock.now(), lease_expires_at=None,
        error_class=error_class, error_message=message)


async def retry_reclaim(run_id: UUID, *, now: datetime | None = None) -> None:
    """A reclaimed run whose message could not be sent: lapsed again, for the next scan."""
    await SyncRun.filter(id=run_id, status=SyncStatus.QUEUED).update(
        lease_expires_at=now or clock.now())


async def reclaim_stale(*, now: datetime | None = None,
                        run_id: UUID | None = None) -> list[tuple[UUID, UUID]]:
    """Re-queue active runs whose lease or queue deadline lapsed; each is won by one caller.

    Returns (run id, connection id) pairs the caller must enqueue.
    """
    now = now or clock.now()
    deadline = now + timedelta(seconds=sync_settings().queued_stale_seconds)
    async with in_transaction() as conn:
        if run_id is None:
            rows = await conn.execute_query_dict(RECLAIM_SQL.format(extra=""), [now, deadline])
        else:
            rows = await conn.execute_query_dict(RECLAIM_SQL.format(extra="AND id = $3 "),
                                                 [now, deadline, run_id])
    return [(row["id"], row["connection_id"]) for row in rows]
