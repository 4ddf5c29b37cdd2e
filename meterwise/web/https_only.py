"""Production: serve only requests that arrived over HTTPS.

Either the socket itself is TLS (``meterwise serve --ssl-*``), or the peer is a trusted
proxy that says ``X-Forwarded-Proto: https``. Anything else gets 421 with a message that
says what to fix; WebSockets are closed before the handshake completes. ``/healthz`` stays
open so load balancers can probe the plain port.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from starlette.types import ASGIApp, Receive, Scope, Send

from meterwise.web.client_ip import Network, forwarded_proto

OPEN_PATHS = frozenset({"/healthz"})
MESSAGE = ("HTTPS is required: connect with TLS, or through a trusted proxy "
           "(METERWISE_TRUSTED_PROXIES) that sends X-Forwarded-Proto: https.")


class HttpsOnlyMiddleware:
    def __init__(self, app: ASGIApp, *, trusted: Sequence[Network]) -> None:
        self.app = app
        self.trusted = trusted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"} or scope.get("path") in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        if forwarded_proto(scope, self.trusted) in {"https", "wss"}:
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008, "reason": "HTTPS required"})
            return
        body = json.dumps({"errors": [{"message": MESSAGE,
                                       "extensions": {"code": "HTTPS_REQUIRED"}}]}).encode()
        await send({"type": "http.response.start", "status": 421, "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
