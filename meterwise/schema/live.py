"""What every subscription shares: who it is for, and ending it when that stops being true.

The viewer comes from the ``connection_init`` token only (``live_connect``). Each stream
reads its channel through ``live_payloads``, which re-resolves that token periodically
(``METERWISE_USAGE_LIVE_RECHECK_SECONDS``) and ends at once on a revocation notice; when
the credential no longer resolves to the same user and account, or no longer allows the
operation, the whole WebSocket is closed with 4403, not only the one operation.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any
from uuid import UUID

from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UNSET, UnsetType

from meterwise.schema.auth import bearer_token, connection_params_token, viewer_for_token
from meterwise.schema.context import Context, Info
from meterwise.services.analytics.settings import usage_settings
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import AccessError
from meterwise.services.identity import revocation
from meterwise.services.viewer import Viewer

CLOSE_FORBIDDEN = 4403


async def live_connect(context: Context) -> UnsetType:
    """``connection_init``: the payload's Bearer token must resolve, else close with 4403.

    The viewer comes from this token only (never a cookie or the handshake's headers)."""
    token = connection_params_token(context.connection_params)
    viewer = await viewer_for_token(token) if token else None
    if viewer is None:
        raise ConnectionRejectionError()
    context.viewer = viewer
    return UNSET


async def live_payloads(info: Info, operation: Operation, channel_of: Callable[[UUID], str]
                        ) -> AsyncIterator[dict[str, Any]]:
    """Payloads on ``channel_of(account)`` while the caller's credential allows
    ``operation``; then the socket is closed with 4403 and the stream ends."""
    viewer = authorize(info.context.viewer, operation)
    token = connection_params_token(info.context.connection_params)
    if token is None and not isinstance(info.context.request, WebSocket):
        token = bearer_token(info.context.request)  # a subscription over HTTP

    async def still_valid() -> bool:
        current = await viewer_for_token(token) if token else None
        return _same_principal(viewer, current) and _allows(current, operation)

    try:
        async for payload in revocation.guarded(
                viewer, channel_of(viewer.account_id), still_valid,
                recheck_seconds=usage_settings().live_recheck_seconds):
            yield payload
    except revocation.CredentialRevoked:
        await _close(info.context, "Session ended")


def _same_principal(before: Viewer, after: Viewer | None) -> bool:
    return (after is not None and after.user_id == before.user_id
            and after.account_id == before.account_id)


def _allows(viewer: Viewer | None, operation: Operation) -> bool:
    """A demoted member loses streams its new role may not open (e.g. security events)."""
    try:
        authorize(viewer, operation)
    except AccessError:
        return False
    return True


async def _close(context: Context, reason: str) -> None:
    """Close the whole WebSocket, then wait to be cancelled by the connection's shutdown."""
    socket = context.request
    if isinstance(socket, WebSocket):
        with contextlib.suppress(RuntimeError):
            await socket.close(code=CLOSE_FORBIDDEN, reason=reason)
        await asyncio.Event().wait()
