"""WebSockets: one credential check for every operation, and closing on revocation.

graphql-transport-ws runs queries and mutations too, so a socket is authorized exactly as
an HTTP request, at the moment each operation runs: ``operation_context`` re-resolves the
``connection_init`` token into a fresh viewer (role, MFA and step-up state) for every
operation (``MeterwiseSchema.stream``), and a credential that no longer resolves to the
same user, account and role closes the socket with 4403 instead of answering.

Every socket also has a watcher (``live_connect`` starts it): revocation and access-change
notices on the account's channel, and the periodic re-check
(``METERWISE_USAGE_LIVE_RECHECK_SECONDS``), close the socket at once, with or without
subscriptions. Resolving never refreshes the session's idle timer, so an open socket does
not keep a session alive, and idle or absolute expiry ends the socket too; an API token's
use is recorded at ``connection_init`` and operations (throttled as over HTTP), never by
the re-check (``web.credentials.socket_viewer``). Each user holds
at most ``METERWISE_WS_MAX_SOCKETS_PER_USER`` sockets (``services.identity.sockets``).
Subscriptions stream through ``live_payloads``, which applies the same rules to the stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UNSET, UnsetType

from meterwise import pubsub
from meterwise.schema.context import Context, Info
from meterwise.services.analytics.settings import usage_settings
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import AccessError
from meterwise.services.identity import revocation
from meterwise.services.identity.sockets import SocketSlots
from meterwise.services.viewer import Viewer
from meterwise.web.credentials import bearer_token, socket_token, socket_viewer

CLOSE_FORBIDDEN = 4403  # no valid credential (any more): the client must sign in again
CLOSE_TOO_MANY_SOCKETS = 4429  # the user's socket cap is full: retry later, still signed in


@dataclass
class SocketState:
    """One WebSocket: who opened it, its slot in the per-user cap, its watcher task."""

    slots: SocketSlots
    id: str = field(default_factory=lambda: secrets.token_hex(8))
    viewer: Viewer | None = None
    watcher: asyncio.Task[None] | None = None
    refusal_code: int = CLOSE_FORBIDDEN  # what a refused ``connection_init`` closes with

    def close_message(self, message: dict[str, Any]) -> dict[str, Any]:
        """The ASGI message to send: a refusal strawberry sends as 4403 carries
        ``refusal_code`` instead (its handler knows only 4403 for a rejected init)."""
        if (self.refusal_code == CLOSE_TOO_MANY_SOCKETS and self.viewer is None
                and message.get("type") == "websocket.close"
                and message.get("code") == CLOSE_FORBIDDEN):
            return {**message, "code": CLOSE_TOO_MANY_SOCKETS, "reason": "Too many sockets"}
        return message

    async def open(self, viewer: Viewer, *, limit: int) -> bool:
        if not await self.slots.acquire(viewer.user_id, self.id, limit=limit):
            return False
        self.viewer = viewer
        return True

    async def close(self) -> None:
        """The connection ended: stop watching, give the slot back."""
        if self.watcher is not None:
            self.watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.watcher
        if self.viewer is not None:
            await self.slots.release(self.viewer.user_id, self.id)


def holds(before: Viewer, after: Viewer | None) -> bool:
    """The credential still resolves, to the same user, account, role and password state
    (a containment requiring a new password ends the socket: it reconnects restricted)."""
    return (after is not None and after.user_id == before.user_id
            and after.account_id == before.account_id and after.role == before.role
            and after.password_change_required == before.password_change_required)


async def live_connect(context: Context) -> UnsetType:
    """``connection_init``: the payload's Bearer token (or, on a same-origin handshake, the
    session cookie: ``socket_token``) must resolve and the user must have a free socket
    slot: an invalid credential closes with 4403, a full cap with 4429 (the client is still
    signed in and may retry later)."""
    token = socket_token(context.request, context.connection_params)
    viewer = await socket_viewer(token, in_use=True) if token else None
    if viewer is None or token is None:
        raise ConnectionRejectionError()
    socket = context.socket
    if socket is not None:
        if not await socket.open(viewer, limit=context.settings.ws_max_sockets_per_user):
            socket.refusal_code = CLOSE_TOO_MANY_SOCKETS
            raise ConnectionRejectionError()
        socket.watcher = asyncio.create_task(_watch(context, socket, viewer, token))
    context.viewer = viewer
    return UNSET


async def operation_context(context: Context) -> Context:
    """The context one operation on a socket runs with: a viewer resolved now, its own
    loaders. A credential that stopped holding closes the socket (the operation never runs).
    HTTP contexts are per request already and come back as they are."""
    socket = context.socket
    if socket is None or socket.viewer is None:
        return context
    token = socket_token(context.request, context.connection_params)
    current = await socket_viewer(token, in_use=True) if token else None
    if current is None or not holds(socket.viewer, current):
        await _close_and_wait(context, "Session ended")
    return dataclasses.replace(context, viewer=current, loaders={})


async def _watch(context: Context, socket: SocketState, viewer: Viewer, token: str) -> None:
    """Close the socket once its credential stops holding (notice or periodic re-check)."""

    async def still_valid() -> bool:
        await socket.slots.refresh(viewer.user_id, socket.id)
        return holds(viewer, await socket_viewer(token, in_use=False))

    try:
        async for _ in revocation.guarded(
                viewer, pubsub.account_channel(viewer.account_id), still_valid,
                recheck_seconds=usage_settings().live_recheck_seconds):
            pass
    except revocation.CredentialRevoked:
        await _close(context, "Session ended")


async def live_payloads(info: Info, operation: Operation, channel_of: Callable[[UUID], str]
                        ) -> AsyncIterator[dict[str, Any]]:
    """Payloads on ``channel_of(account)`` while the caller's credential allows
    ``operation``; then the socket is closed with 4403 and the stream ends. (The field's
    operation extension authorized the caller before the stream started.)"""
    viewer = authorize(info.context.viewer, operation)
    token = socket_token(info.context.request, info.context.connection_params)
    if token is None and not isinstance(info.context.request, WebSocket):
        token = bearer_token(info.context.request)  # a subscription over HTTP

    async def still_valid() -> bool:
        current = await socket_viewer(token, in_use=False) if token else None
        return holds(viewer, current) and _allows(current, operation)

    try:
        async for payload in revocation.guarded(
                viewer, channel_of(viewer.account_id), still_valid,
                recheck_seconds=usage_settings().live_recheck_seconds):
            yield payload
    except revocation.CredentialRevoked:
        await _close_and_wait(info.context, "Session ended")


def _allows(viewer: Viewer | None, operation: Operation) -> bool:
    try:
        authorize(viewer, operation)
    except AccessError:
        return False
    return True


async def _close(context: Context, reason: str) -> None:
    """Close the whole WebSocket with 4403."""
    socket = context.request
    if isinstance(socket, WebSocket):
        with contextlib.suppress(RuntimeError):
            await socket.close(code=CLOSE_FORBIDDEN, reason=reason)


async def _close_and_wait(context: Context, reason: str) -> None:
    """Close the socket, then wait to be cancelled by the connection's shutdown."""
    await _close(context, reason)
    if isinstance(context.request, WebSocket):
        await asyncio.Event().wait()
