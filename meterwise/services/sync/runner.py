"""One sync of one connection: claim its run, fetch with the opened key, ingest, report.

Called by the ``sync.connection`` job (and tests) with ids only; idempotent: a duplicate
delivery finds the run held or finished and does nothing, a retry re-fetches the window and
the re-read makes that harmless. The decrypted key exists only inside the fetch call.

Outcomes per source (endpoint): the sources that were read are stored (each replaces its
window); when some failed for good (a 400), the run is PARTIAL and ``lastError`` names
them, their stored rows stay untouched, and ``lastSyncedAt`` does not move, so the next
window still covers what they missed.

A frozen account (incident containment) never gets as far as its key: the run ends FAILED
with ``FROZEN_MESSAGE`` before the key-use audit and the fetch, is not retried, and the
connection's status is left as it was (``frozen`` shows why; release resumes syncing).
The vault refuses the key anyway (``vault.AccountFrozen``) should a freeze land mid-run.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from meterwise import clock, pubsub
from meterwise.config import Settings
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.containment import AccountFreeze
from meterwise.models.usage import SyncRun, SyncStatus, SyncTrigger
from meterwise.providers import FetchResult, InvalidCredentials, ProviderError, SourceResult
from meterwise.security.redaction import redact
from meterwise.services import audit, connections, metrics, suspicious, vault
from meterwise.services.analytics.live import SyncStatusChanged, UsageUpdated
from meterwise.services.provider_clients import adapter_for
from meterwise.services.spend import evaluation as spend_evaluation
from meterwise.services.spend import prepaid, sync_failing
from meterwise.services.sync import runs
from meterwise.services.sync.ingest import (
    IngestResult,
    PreviousRead,
    Reread,
    Target,
    midnight,
    reread,
)
from meterwise.services.sync.settings import sync_settings

log = logging.getLogger(__name__)

JOB_NAME = "sync.connection"
MAX_RETRIES = 4  # the job's retry policy; the last attempt marks the connection ``error``
FROZEN_MESSAGE = ("Not synced: this account's connections are frozen while a security "
                  "incident is contained. Syncing resumes when the operator releases it.")


class SyncAttemptFailed(Exception):
    """A retryable failure (provider unavailable, malformed answer, a blip): retry the job."""


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime


def window_for(connection: ProviderConnection, now: datetime) -> Window:
    """First sync: the backfill; later: from the last success minus the look-back."""
    settings = sync_settings()
    today = now.astimezone(UTC).date()
    end = midnight(today) + timedelta(days=1)  # today's partial bucket included
    if connection.last_synced_at is None:
        return Window(midnight(today - timedelta(days=settings.backfill_days)), end)
    since = min(connection.last_synced_at.astimezone(UTC).date(), today)
    start = max(since - timedelta(days=settings.lookback_days), today - timedelta(days=366))
    return Window(midnight(start), end)


async def run_sync(connection_id: UUID, run_id: UUID | None, *, settings: Settings,
                   max_attempts: int = MAX_RETRIES + 1) -> SyncStatus | None:
    """Run (or take over) the connection's sync; returns the outcome, None when not ours.

    Raises ``SyncAttemptFailed`` for a retryable failure before the last attempt.
    """
    connection = await ProviderConnection.get_or_none(id=connection_id)
    if connection is None:
        if run_id is not None:
            await runs.fail_unclaimed(run_id, error_class="ConnectionRemoved",
                                      message="The connection was removed.")
        return None
    if run_id is None:
        run, _ = await runs.open_run(connection.account_id, connection.id, SyncTrigger.SCHEDULE)
        run_id = run.id
    held = await runs.claim(run_id)
    if held is None:
        return None  # finished already, or a live worker holds it
    try:
        async with runs.leased(held):
            if await AccountFreeze.exists(account_id=connection.account_id):
                return await _frozen(connection, held)  # no failing-sync alert either
            return await sync_failing.after_run(connection.id, await _attempt(
                connection, held, settings, max_attempts))
    except runs.LeaseLost:
        log.warning("sync run %s was taken over; this attempt's results stand", run_id)
        return None


async def _attempt(connection: ProviderConnection, held: runs.Claim, settings: Settings,
                   max_attempts: int) -> SyncStatus:
    window = window_for(connection, clock.now())
    await SyncRun.filter(id=held.run.id).update(window_start=window.start,
                                                     window_end=window.end)
    await _status_event(connection, held, SyncStatus.RUNNING)
    started = clock.now()
    try:
        fetched = await _fetch(connection, held, settings, window)
        previous = await _previous_reads(connection.id, held.run.id)
        reads = [Reread(s.name, s.start, s.end, s.rows, previous.get(s.name))
                 for s in fetched.sources if s.ok]
        result = await reread(Target(connection.account_id, connection.id,
                                     str(connection.provider)), reads, run_id=held.run.id)
    except InvalidCredentials as exc:
        message = _readable(f"The provider rejected the key: {exc.message}")
        return await _give_up(connection, held, ConnectionStatus.INVALID_CREDENTIALS, exc,
                              message)
    except vault.AccountFrozen:
        return await _frozen(connection, held)
    except vault.SecretUnavailable as exc:
        message = "The stored key can no longer be opened; replace it."
        return await _give_up(connection, held, ConnectionStatus.ERROR, exc, message)
    except Exception as exc:  # provider trouble or a blip: the job policy retries
        message = _readable(exc.message if isinstance(exc, ProviderError) else
                            f"Sync failed ({type(exc).__name__}).")
        if held.attempt >= max_attempts:
            return await _give_up(connection, held, ConnectionStatus.ERROR, exc, message)
        await runs.requeue(held, error_class=type(exc).__name__, message=message)
        metrics.sync_finished(str(connection.provider), SyncStatus.RETRYING)
        await _status_event(connection, held, SyncStatus.RETRYING, error=message)
        log.warning("sync of connection %s failed (%s), attempt %d of %d", connection.id,
                    type(exc).__name__, held.attempt, max_attempts)
        raise SyncAttemptFailed(type(exc).__name__) from None
    return await _succeeded(connection, held, fetched, result, window, started)


async def _previous_reads(connection_id: UUID, run_id: UUID) -> dict[str, PreviousRead]:
    """Each source's latest successful read before this run (what counts as a revision)."""
    found: dict[str, PreviousRead] = {}
    earlier = await SyncRun.filter(
        connection_id=connection_id, status__in=[SyncStatus.SUCCEEDED, SyncStatus.PARTIAL],
        sources__not_isnull=True, started_at__not_isnull=True,
    ).exclude(id=run_id).order_by("-started_at").limit(20)
    for run in earlier:
        for source in run.sources or []:
            name = str(source.get("name"))
            if source.get("ok") and name not in found and run.started_at is not None:
                found[name] = PreviousRead(datetime.fromisoformat(str(source["start"])),
                                           datetime.fromisoformat(str(source["end"])),
                                           run.started_at)
    return found


def _outcomes(sources: tuple[SourceResult, ...]) -> list[dict[str, object]]:
    """What each source did, as the run records it (and the UI shows it)."""
    return [{"name": s.name, "start": s.start.isoformat(), "end": s.end.isoformat(),
             "ok": s.ok, "rows": len(s.rows), "pages": s.pages,
             "error": None if s.error is None else _readable(s.error.message)}
            for s in sources]


def partial_message(failed: tuple[SourceResult, ...]) -> str:
    """``lastError`` of a partial sync: which parts failed and why, the rest was stored."""
    parts = "; ".join(f"{s.name}: {s.error.message if s.error else 'failed'}" for s in failed)
    return _readable(f"Part of the sync failed ({parts}). Everything else was stored.")


async def _fetch(connection: ProviderConnection, held: runs.Claim, settings: Settings,
                 window: Window) -> FetchResult:
    """Audit the key use, then fetch; the opened key lives only inside this call."""
    await audit.record(
        "connection.key_used", account_id=connection.account_id, actor_id=None,
        target=f"provider_connection:{connection.id}", ip=None, user_agent=None,
        metadata={"job": JOB_NAME, "run": str(held.run.id), "attempt": held.attempt,
                  "trigger": held.run.trigger, "worker": f"{socket.gethostname()}:{os.getpid()}",
                  "window": [window.start.isoformat(), window.end.isoformat()]},
    )
    adapter = adapter_for(connection.provider, settings)
    return await connections.with_provider_key(
        connection, lambda key: adapter.fetch(key, window.start, window.end))


async def _succeeded(connection: ProviderConnection, held: runs.Claim, fetched: FetchResult,
                     result: IngestResult, window: Window, started: datetime) -> SyncStatus:
    finished = clock.now()
    failed = fetched.failed
    status = SyncStatus.PARTIAL if failed else SyncStatus.SUCCEEDED
    message = partial_message(failed) if failed else None
    await runs.finish(held, status=status, pages=fetched.pages,
                      inserted=result.inserted, updated=result.updated, removed=result.removed,
                      error_class=type(failed[0].error).__name__ if failed else None,
                      message=message, sources=_outcomes(fetched.sources))
    await prepaid.record(connection, fetched.credits, finished)
    if failed:
        await ProviderConnection.filter(id=connection.id).update(
            status=ConnectionStatus.ACTIVE, last_error=message)
    else:
        # every source re-read from window.start: nothing before it is read again
        settled = max(connection.settled_before or window.start, window.start)
        await ProviderConnection.filter(id=connection.id).update(
            status=ConnectionStatus.ACTIVE, last_error=None, last_synced_at=finished,
            settled_before=settled)
    await ProviderConnection.filter(id=connection.id, next_sync_at__isnull=True).update(
        next_sync_at=finished + timedelta(seconds=connection.sync_interval_seconds))
    log.info("synced connection %s (%s): %d pages, %d rows (%d new, %d changed, %d removed, "
             "%d revisions) in %.1fs", connection.id, status, fetched.pages,
             len(fetched.rows), result.inserted, result.updated, result.removed,
             result.revisions, (finished - started).total_seconds())
    await _status_event(connection, held, status, rows_changed=result.changed, error=message)
    metrics.sync_finished(str(connection.provider), str(status))
    await suspicious.on_sync_rows(account_id=connection.account_id, connection_id=connection.id,
                                  provider=str(connection.provider), rows=fetched.rows,
                                  days=result.days)
    if result.changed:
        await spend_evaluation.after_sync(connection.account_id, result.days)
        await pubsub.publish(pubsub.account_channel(connection.account_id), UsageUpdated(
            connection_id=connection.id, rows_changed=result.changed,
            start=midnight(result.days[0]) if result.days else window.start,
            end=midnight(result.days[-1]) + timedelta(days=1) if result.days
            else window.end).payload())
    return status


async def _give_up(connection: ProviderConnection, held: runs.Claim, status: ConnectionStatus,
                   exc: BaseException, message: str) -> SyncStatus:
    """The final outcome of a failed sync: the run fails and the connection says why."""
    await runs.finish(held, status=SyncStatus.FAILED, error_class=type(exc).__name__,
                      message=message)
    await ProviderConnection.filter(id=connection.id).update(status=status,
                                                             last_error=message[:500])
    log.warning("sync of connection %s failed for good: %s", connection.id,
                type(exc).__name__)
    await _status_event(connection, held, SyncStatus.FAILED, error=message)
    metrics.sync_finished(str(connection.provider), str(status))
    return SyncStatus.FAILED


async def _frozen(connection: ProviderConnection, held: runs.Claim) -> SyncStatus:
    """The run ends at once, no retry, the connection's own status untouched."""
    await runs.finish(held, status=SyncStatus.FAILED, error_class="AccountFrozen",
                      message=FROZEN_MESSAGE)
    log.warning("sync of connection %s skipped: its account is frozen", connection.id)
    await _status_event(connection, held, SyncStatus.FAILED, error=FROZEN_MESSAGE)
    metrics.sync_finished(str(connection.provider), "frozen")
    return SyncStatus.FAILED


async def _status_event(connection: ProviderConnection, held: runs.Claim, status: SyncStatus,
                        *, rows_changed: int | None = None, error: str | None = None) -> None:
    await pubsub.publish(pubsub.account_channel(connection.account_id), SyncStatusChanged(
        connection_id=connection.id, status=status, run_id=held.run.id,
        rows_changed=rows_changed, error=error, attempt=held.attempt).payload())


def _readable(message: str) -> str:
    """A message fit for ``lastError``: redacted, one line, bounded."""
    return " ".join(redact(message).split())[:500]
