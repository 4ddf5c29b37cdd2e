"""``usageUpdated`` and ``syncStatus`` over graphql-transport-ws, for the caller's account only.

The viewer comes from the ``connection_init`` token (see ``live_connect``); each event loop
re-resolves that token, and when it stops resolving (logged out, revoked, expired, member
removed) the WebSocket is closed with 4403 — not only the one operation.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Collection
from datetime import datetime
from enum import StrEnum
from typing import Any

import strawberry
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UNSET, UnsetType

from meterwise.schema.auth import bearer_token, connection_params_token, viewer_for_token
from meterwise.schema.context import Context, Info
from meterwise.services.analytics import live
from meterwise.services.authz import Operation, authorize
from meterwise.services.viewer import Viewer

CLOSE_FORBIDDEN = 4403


class SyncState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


strawberry.enum(SyncState, name="SyncState", description="Where a sync run is: RETRYING "
                "after a transient failure, FAILED for good.")


@strawberry.type(description="A sync changed rows of one connection in [from, to).")
class UsageUpdate:
    connection_id: strawberry.ID
    rows_changed: int
    from_: datetime = strawberry.field(name="from")
    to: datetime


@strawberry.type(description="A sync run of one connection changed state.")
class SyncStatusUpdate:
    connection_id: strawberry.ID
    status: SyncState
    run_id: strawberry.ID | None
    rows_changed: int | None
    error: str | None = strawberry.field(description="Why it failed (redacted), if it did.")


async def live_connect(context: Context) -> UnsetType:
    """``connection_init``: the payload's Bearer token must resolve, else close with 4403.

    The viewer comes from this token only (never a cookie or the handshake's headers)."""
    token = connection_params_token(context.connection_params)
    viewer = await viewer_for_token(token) if token else None
    if viewer is None:
        raise ConnectionRejectionError()
    context.viewer = viewer
    return UNSET


async def _events(info: Info, kinds: Collection[str]) -> AsyncIterator[Any]:
    viewer = authorize(info.context.viewer, Operation.READ_USAGE)
    token = connection_params_token(info.context.connection_params)
    if token is None and not isinstance(info.context.request, WebSocket):
        token = bearer_token(info.context.request)  # a subscription over HTTP

    async def still_valid() -> bool:
        current = await viewer_for_token(token) if token else None
        return _same_principal(viewer, current)

    try:
        async for event in live.account_events(viewer, kinds, still_valid):
            yield event
    except live.CredentialRevoked:
        await _close(info.context, "Session ended")


def _same_principal(before: Viewer, after: Viewer | None) -> bool:
    return (after is not None and after.user_id == before.user_id
            and after.account_id == before.account_id)


async def _close(context: Context, reason: str) -> None:
    """Close the whole WebSocket, then wait to be cancelled by the connection's shutdown."""
    socket = context.request
    if isinstance(socket, WebSocket):
        with contextlib.suppress(RuntimeError):
            await socket.close(code=CLOSE_FORBIDDEN, reason=reason)
        await asyncio.Event().wait()


@strawberry.type
class UsageSubscription:
    @strawberry.subscription(description="After each sync that changed rows of the account.")
    async def usage_updated(self, info: Info) -> AsyncGenerator[UsageUpdate, None]:
        async for event in _events(info, {live.USAGE_UPDATED}):
            yield UsageUpdate(connection_id=strawberry.ID(str(event.connection_id)),
                              rows_changed=event.rows_changed, from_=event.start, to=event.end)

    @strawberry.subscription(description="Sync runs of the account starting, retrying, "
                             "succeeding or failing.")
    async def sync_status(self, info: Info) -> AsyncGenerator[SyncStatusUpdate, None]:
        async for event in _events(info, {live.SYNC_STATUS}):
            yield SyncStatusUpdate(
                connection_id=strawberry.ID(str(event.connection_id)),
                status=SyncState(event.status),
                run_id=strawberry.ID(str(event.run_id)) if event.run_id else None,
                rows_changed=event.rows_changed, error=event.error)
