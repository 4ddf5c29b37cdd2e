"""Refuse oversized input while it streams in: HTTP bodies (413) and WebSocket messages.

Counting as bytes arrive (not trusting ``Content-Length`` alone) means a chunked 2 GB
upload costs us at most ``max_body`` bytes of memory. A WebSocket message over the limit
closes the connection with 1009 (message too big) and the app sees a disconnect.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _TooLarge(Exception):
    pass


def _too_large_body(limit: int) -> bytes:
    return json.dumps({"errors": [{
        "message": f"The request body is larger than {limit} bytes.",
        "extensions": {"code": "PAYLOAD_TOO_LARGE"},
    }]}).encode()


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_body: int, max_ws_message: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_ws_message = max_ws_message

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self.app(scope, self._ws_receive(receive, send), send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = _too_large_body(self.max_body)
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    def _ws_receive(self, receive: Receive, send: Send) -> Receive:
        async def limited() -> Message:
            message = await receive()
            if message["type"] == "websocket.receive":
                size = len(message.get("text") or "") + len(message.get("bytes") or b"")
                if size > self.max_ws_message:
                    await send({"type": "websocket.close", "code": 1009,
                                "reason": "message too big"})
                    return {"type": "websocket.disconnect", "code": 1009}
            return message

        return limited


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
