"""Usage events of one account's channel, typed: the sync publishes them, subscriptions read them.

Each event owns its payload both ways (``payload`` to publish, ``parse_event`` to read), so
the camelCase wire names are written once, here, for publisher and subscriber alike.

The sync path publishes on ``account:<id>``; in production every API process holds one reader of
the Redis event stream feeding its in-process hub (``meterwise.pubsub``). Subscriptions read the
channel through ``identity.revocation.guarded`` (credential re-checked, revocation honoured)
and this module turns its payloads into events.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID

from meterwise.models.usage import SyncStatus

log = logging.getLogger(__name__)

USAGE_UPDATED = "usageUpdated"
SYNC_STATUS = "syncStatus"


@dataclass(frozen=True)
class UsageUpdated:
    connection_id: UUID
    rows_changed: int
    start: datetime
    end: datetime

    def payload(self) -> dict[str, Any]:
        return {"type": USAGE_UPDATED, "connectionId": str(self.connection_id),
                "from": self.start.isoformat(), "to": self.end.isoformat(),
                "rowsChanged": self.rows_changed}


@dataclass(frozen=True)
class SyncStatusChanged:
    connection_id: UUID
    status: SyncStatus
    run_id: UUID | None
    rows_changed: int | None = None
    error: str | None = None
    attempt: int | None = None  # published for operators' tooling; no subscription field

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": SYNC_STATUS, "connectionId": str(self.connection_id),
            "runId": str(self.run_id) if self.run_id else None, "status": str(self.status),
            "attempt": self.attempt}
        if self.rows_changed is not None:
            body["rowsChanged"] = self.rows_changed
        if self.error is not None:
            body["error"] = self.error
        return body


E = TypeVar("E", UsageUpdated, SyncStatusChanged)
_KINDS: dict[type[Any], str] = {UsageUpdated: USAGE_UPDATED, SyncStatusChanged: SYNC_STATUS}


async def account_events(payloads: AsyncIterable[dict[str, Any]], event_type: type[E]
                         ) -> AsyncIterator[E]:
    """The events of ``event_type`` among an account channel's payloads, parsed.

    Other kinds are skipped; malformed payloads are dropped (logged without their content).
    """
    kind = _KINDS[event_type]
    async for payload in payloads:
        if payload.get("type") != kind:
            continue
        event = parse_event(payload)
        if not isinstance(event, event_type):
            log.warning("dropped a malformed %s event", kind)
            continue
        yield event


def parse_event(payload: dict[str, Any]) -> UsageUpdated | SyncStatusChanged | None:
    """The typed event, or None when a field is missing or malformed."""
    try:
        connection_id = UUID(str(payload["connectionId"]))
        if payload["type"] == USAGE_UPDATED:
            return UsageUpdated(connection_id=connection_id,
                                rows_changed=int(payload["rowsChanged"]),
                                start=_moment(payload["from"]), end=_moment(payload["to"]))
        if payload["type"] == SYNC_STATUS and payload.get("status") in set(SyncStatus):
            run_id = payload.get("runId")
            rows = payload.get("rowsChanged")
            error = payload.get("error")
            attempt = payload.get("attempt")
            return SyncStatusChanged(
                connection_id=connection_id, status=SyncStatus(payload["status"]),
                run_id=UUID(str(run_id)) if run_id else None,
                rows_changed=int(rows) if rows is not None else None,
                error=str(error)[:500] if error else None,
                attempt=int(attempt) if attempt is not None else None)
    except (KeyError, TypeError, ValueError):
        return None
    return None


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
