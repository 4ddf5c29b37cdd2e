"""Live events for one account: its hub channel, validated, with the credential re-checked.

The sync path publishes on ``account:<id>``; in production every API process holds one Redis
subscription feeding its in-process hub (``meterwise.pubsub``), so a subscriber here only
ever listens to its own account's channel. The subscriber's session or token is re-checked
every ``live_recheck_seconds`` and at once on a revocation event, and the stream ends with
``CredentialRevoked`` when it no longer resolves to the same user in the same account.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from meterwise import pubsub
from meterwise.services.analytics.settings import usage_settings
from meterwise.services.viewer import Viewer

log = logging.getLogger(__name__)

USAGE_UPDATED = "usageUpdated"
SYNC_STATUS = "syncStatus"
# Events that mean "someone's access changed": re-check at once instead of at the next tick.
REVOCATION_EVENTS = frozenset({"sessionRevoked", "tokenRevoked", "memberRemoved"})
SYNC_STATES = frozenset({"queued", "running", "retrying", "succeeded", "failed"})


class CredentialRevoked(Exception):
    """The subscriber's session or token stopped being valid while it listened."""


def account_channel(account_id: UUID) -> str:
    return f"account:{account_id}"


@dataclass(frozen=True)
class UsageUpdated:
    connection_id: UUID
    rows_changed: int
    start: datetime
    end: datetime


@dataclass(frozen=True)
class SyncStatusChanged:
    connection_id: UUID
    status: str  # one of SYNC_STATES
    run_id: UUID | None
    rows_changed: int | None
    error: str | None


async def account_events(viewer: Viewer, kinds: Collection[str],
                         still_valid: Callable[[], Awaitable[bool]]) -> AsyncIterator[Any]:
    """Parsed events of ``kinds`` on the viewer's account channel, until the credential ends.

    Malformed payloads are dropped (logged without their content).
    """
    loop = asyncio.get_running_loop()
    recheck = usage_settings().live_recheck_seconds
    async with pubsub.current().hub.subscribe(account_channel(viewer.account_id)) as queue:
        next_check = loop.time() + recheck
        while True:
            payload: dict[str, Any] | None
            try:
                payload = await asyncio.wait_for(queue.get(), max(0.0, next_check - loop.time()))
            except TimeoutError:
                payload = None
            kind = payload.get("type") if isinstance(payload, dict) else None
            if payload is None or kind in REVOCATION_EVENTS or loop.time() >= next_check:
                if not await still_valid():
                    raise CredentialRevoked()
                next_check = loop.time() + recheck
            if payload is None or kind not in kinds:
                continue
            event = parse_event(payload)
            if event is None:
                log.warning("dropped a malformed %s event for account %s", kind,
                            viewer.account_id)
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
        if payload["type"] == SYNC_STATUS and payload.get("status") in SYNC_STATES:
            run_id = payload.get("runId")
            rows = payload.get("rowsChanged")
            error = payload.get("error")
            return SyncStatusChanged(
                connection_id=connection_id, status=str(payload["status"]),
                run_id=UUID(str(run_id)) if run_id else None,
                rows_changed=int(rows) if rows is not None else None,
                error=str(error)[:500] if error else None)
    except (KeyError, TypeError, ValueError):
        return None
    return None


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
