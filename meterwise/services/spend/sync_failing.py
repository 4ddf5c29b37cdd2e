"""SYNC_FAILING: one alert when a connection's sync keeps failing, re-armed by a success.

A failure streak is named by the connection's last successful sync (``last_synced_at``,
which only a full success moves), so the dedupe key
``sync_failing:<connection>:<last success>`` is the same for every failed run of a streak
and new after the next success: ``raise_alert``'s unique insert makes it one alert per
streak however many workers finish failing runs at once, with no read-then-write. A run
that FAILED counts at once; PARTIAL runs count from the second in a row (one endpoint's
blip is not worth a page).
"""

from __future__ import annotations

import logging
from uuid import UUID

from meterwise.models.connections import ProviderConnection
from meterwise.models.spend import Alert, AlertKind
from meterwise.models.usage import SyncRun, SyncStatus
from meterwise.services.spend.alerts import NewAlert, raise_alert

log = logging.getLogger(__name__)

PARTIAL_STREAK = 2  # PARTIAL runs in a row that make a failing sync


def failing_key(connection: ProviderConnection) -> str:
    since = connection.last_synced_at.isoformat() if connection.last_synced_at else "never"
    return f"sync_failing:{connection.id}:{since}"


async def after_run(connection_id: UUID, status: SyncStatus) -> SyncStatus:
    """The runner's hook on each finished run: raise the streak's alert when this run makes
    the sync failing; returns ``status`` (so the runner's edit is one call).

    Never raises into the sync: a failure here is logged."""
    try:
        await _raise_if_failing(connection_id, status)
    except Exception:
        log.exception("could not raise the sync-failing alert of connection %s",
                      connection_id)
    return status


async def _raise_if_failing(connection_id: UUID, status: SyncStatus) -> Alert | None:
    if status not in (SyncStatus.FAILED, SyncStatus.PARTIAL):
        return None
    connection = await ProviderConnection.get_or_none(id=connection_id)
    if connection is None:
        return None
    if status is SyncStatus.PARTIAL and not await _partial_streak(connection_id):
        return None
    return await raise_alert(connection.account_id, _alert(connection, status))


async def _partial_streak(connection_id: UUID) -> bool:
    latest = await SyncRun.filter(
        connection_id=connection_id, status__in=[
            SyncStatus.SUCCEEDED, SyncStatus.PARTIAL, SyncStatus.FAILED],
    ).order_by("-created_at").limit(PARTIAL_STREAK).values_list("status", flat=True)
    return len(latest) == PARTIAL_STREAK and all(
        SyncStatus(str(s)) is SyncStatus.PARTIAL for s in latest)


def _alert(connection: ProviderConnection, status: SyncStatus) -> NewAlert:
    what = "failed" if status is SyncStatus.FAILED else "keeps failing in part"
    since = (f"since {connection.last_synced_at.isoformat()}" if connection.last_synced_at
             else "ever")
    return NewAlert(
        kind=AlertKind.SYNC_FAILING, severity="warning",
        title=f"Sync of {connection.label} {what}"[:200],
        message=(f"The {connection.provider} connection {connection.label} has not synced "
                 f"in full {since}: {connection.last_error or 'no error was recorded'}. "
                 "Spend from it may be missing until a sync succeeds."),
        dedupe_key=failing_key(connection),
        details={"connectionId": str(connection.id), "provider": str(connection.provider),
                 "status": str(status), "connectionStatus": str(connection.status),
                 "lastError": connection.last_error,
                 "lastSyncedAt": connection.last_synced_at})
