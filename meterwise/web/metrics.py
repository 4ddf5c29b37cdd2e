"""Request metrics (count, latency by route template) and the token-protected ``/metrics``.

Paths are labelled by their route template, never the raw path, so a scanner cannot blow
up label cardinality. ``/metrics`` answers 404 unless ``METERWISE_METRICS_TOKEN`` is set,
and then only to ``Authorization: Bearer <token>`` (compared in constant time).
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Awaitable, Callable

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from meterwise.services import metrics

KNOWN_PATHS = frozenset({"/graphql", "/healthz", "/readyz", "/metrics"})


class MetricsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        label = path if path in KNOWN_PATHS else "other"
        method = scope.get("method", "GET")
        status = 500
        start = time.perf_counter()

        async def observing_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, observing_send)
        finally:
            metrics.REQUESTS.labels(method=method, path=label, status=str(status)).inc()
            metrics.LATENCY.labels(method=method, path=label).observe(
                time.perf_counter() - start)


def metrics_endpoint(token: str | None, refresh: Callable[[], Awaitable[None]]
                     ) -> Callable[[Request], Awaitable[Response]]:
    """The ``/metrics`` handler; ``refresh`` updates gauges (queue depth) before a scrape."""

    async def endpoint(request: Request) -> Response:
        supplied = request.headers.get("authorization", "")
        if token is None or not hmac.compare_digest(supplied.encode(),
                                                    f"Bearer {token}".encode()):
            return Response("Not Found", status_code=404, media_type="text/plain")
        await refresh()
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return endpoint
