"""Per-IP request rate limit for plain HTTP, before any parsing: 429 + ``Retry-After``.

GraphQL operations are also charged by cost inside the schema (``schema/guards``); this
cheap outer bucket catches floods that never become an operation (bad JSON, huge bodies,
WebSocket handshakes). Keyed by ``ip_bucket`` (an IPv6 client's /64). Health probes are
exempt so load balancers never get throttled.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable, Sequence

from starlette.types import ASGIApp, Receive, Scope, Send

from meterwise.services.guards import ratelimit
from meterwise.services.guards.ratelimit import Bucket, Decision, ip_bucket
from meterwise.web.client_ip import Network, client_ip

EXEMPT_PATHS = frozenset({"/healthz", "/readyz"})

OnRefused = Callable[[str, str], Awaitable[None]]


def rate_limit_headers(decision: Decision) -> dict[str, str]:
    """IETF draft ``RateLimit-*`` headers (and ``Retry-After`` on a refusal)."""
    headers = {
        "RateLimit-Limit": str(decision.limit),
        "RateLimit-Remaining": str(decision.remaining),
        "RateLimit-Reset": str(math.ceil(decision.reset_after)),
    }
    if not decision.allowed:
        headers["Retry-After"] = str(max(1, math.ceil(decision.retry_after)))
    return headers


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, *, requests_per_minute: int,
                 trusted: Sequence[Network], on_refused: OnRefused | None = None) -> None:
        self.app = app
        self.bucket = Bucket("http.ip", requests_per_minute, 60)
        self.trusted = trusted
        self.on_refused = on_refused

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"} or scope.get("path") in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        ip = client_ip(scope, self.trusted)
        decision = await ratelimit.check(self.bucket, f"ip:{ip_bucket(ip)}")
        if decision.allowed:
            await self.app(scope, receive, send)
            return
        if self.on_refused is not None:
            await self.on_refused(self.bucket.name, ip)
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008, "reason": "rate limited"})
            return
        retry_after = max(1, math.ceil(decision.retry_after))
        body = json.dumps({"errors": [{
            "message": "Too many requests; try again later.",
            "extensions": {"code": "RATE_LIMITED", "retryAfter": retry_after},
        }]}).encode()
        headers = [(k.lower().encode(), v.encode()) for k, v in
                   rate_limit_headers(decision).items()]
        headers += [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 429, "headers": headers})
        await send({"type": "http.response.body", "body": body})
