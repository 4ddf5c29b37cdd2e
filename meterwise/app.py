"""The app factory: a Starlette app whose lifespan owns every resource."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import strawberry
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.unset import UnsetType
from tortoise import Tortoise

from meterwise.config import Settings
from meterwise.runtime import Runtime, open_runtime
from meterwise.schema import build_schema
from meterwise.schema.context import Context
from meterwise.schema.live import SocketState, live_connect
from meterwise.services import vault
from meterwise.services.analytics.settings import usage_settings
from meterwise.services.identity.sockets import SLOT_TTL_SECONDS, SocketSlots, slots_for
from meterwise.services.security_events import suspicious
from meterwise.web.body_limit import BodyLimitMiddleware
from meterwise.web.client_ip import client_ip
from meterwise.web.console import ConsoleAssets, console_index, page
from meterwise.web.credentials import resolve_viewer
from meterwise.web.drain import GOING_AWAY, Drain
from meterwise.web.https_only import HttpsOnlyMiddleware
from meterwise.web.metrics import MetricsMiddleware, metrics_endpoint
from meterwise.web.queue_depth import refresh_queue_depth
from meterwise.web.request_id import RequestIdMiddleware
from meterwise.web.request_rate import RateLimitMiddleware
from meterwise.web.security_headers import SecurityHeadersMiddleware
from meterwise.web.security_txt import (
    POLICY_PATH,
    SECURITY_TXT_PATH,
    policy_endpoint,
    security_txt_endpoint,
)
from meterwise.web.usage_export import export_usage_csv

log = logging.getLogger(__name__)


BATCH_REFUSED = json.dumps({"errors": [{
    "message": "Batched (array) requests are not accepted; send one operation per request.",
    "extensions": {"code": "QUERY_TOO_COMPLEX"}}]}).encode()


SOCKET_SCOPE_KEY = "meterwise.socket"
READY_TIMEOUT = 2.0  # seconds one readiness check may take


class _BatchRefused(Exception):
    pass


class MeterwiseGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI app with our typed context and the shield's transport settings."""

    def __init__(self, settings: Settings, runtime: dict[str, Runtime],
                 schema: strawberry.Schema | None = None, drain: Drain | None = None) -> None:
        super().__init__(
            schema or build_schema(settings),
            graphql_ide="graphiql" if not settings.is_production else None,
            allow_queries_via_get=False,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(
                seconds=settings.ws_connection_init_timeout_seconds),
            max_subscriptions_per_connection=settings.ws_max_subscriptions,
            allowed_origins=settings.allowed_origin_list,
        )
        self._settings = settings
        self._runtime = runtime
        self._slots: tuple[Runtime, SocketSlots] | None = None
        self.drain = drain or Drain()

    def socket_slots(self) -> SocketSlots:
        """Per-user socket slots: in Redis when configured (every replica), else here."""
        runtime = self._runtime["current"]
        if self._slots is None or self._slots[0] is not runtime:
            ttl = max(SLOT_TTL_SECONDS, 3 * usage_settings().live_recheck_seconds)
            self._slots = (runtime, slots_for(runtime.redis, prefix=self._settings.redis_prefix,
                                              ttl=ttl))
        return self._slots[1]

    @property
    def graphql_ide_html(self) -> str:
        """Our GraphiQL build (npm, served from ``/assets``), not strawberry's CDN page."""
        return page("graphiql.html")

    def parse_json(self, data: str | bytes) -> Any:
        """Batches multiply the work of one request past every per-request limit: refused."""
        parsed = super().parse_json(data)
        if isinstance(parsed, list):
            raise _BatchRefused
        return parsed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            if self.drain.draining:  # going away: the client reconnects to another process
                await send({"type": "websocket.close", "code": GOING_AWAY})
                return
            socket = SocketState(self.socket_slots())

            async def send_closing_with_code(message: Any) -> None:
                await send(socket.close_message(message))

            try:
                with self.drain.tracked(send):  # the drain closes with 1001 on the raw send
                    await super().__call__({**scope, SOCKET_SCOPE_KEY: socket}, receive,
                                           send_closing_with_code)
            finally:
                await socket.close()  # stops its watcher, frees its slot in the cap
            return
        try:
            await super().__call__(scope, receive, send)
        except _BatchRefused:
            await JSONResponse(json.loads(BATCH_REFUSED), status_code=400)(scope, receive, send)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        return await live_connect(context)  # the connection_init token, else 4403 / 4429

    async def get_context(self, request: HTTPConnection, response: Any) -> Context:
        runtime = self._runtime["current"]
        viewer, cookie_auth = await resolve_viewer(request)
        return Context(
            request=request,
            response=response,
            settings=self._settings,
            jobs=runtime.jobs,
            viewer=viewer,
            cookie_auth=cookie_auth,
            client_ip=client_ip(request.scope, self._settings.trusted_proxy_networks),
            user_agent=request.headers.get("user-agent", "")[:512],
            request_id=request.scope.get("state", {}).get("request_id", ""),
            socket=request.scope.get(SOCKET_SCOPE_KEY),
        )


def create_app(settings: Settings, *, run_scheduler: bool | None = None,
               schema: strawberry.Schema | None = None,
               runtime: Runtime | None = None) -> Starlette:
    """Build the ASGI app; nothing is opened until the lifespan starts.

    ``runtime`` lends an already open runtime (tests building a second app with other
    settings or a test ``schema``); the lifespan then neither opens nor closes it.
    """
    holder: dict[str, Runtime] = {} if runtime is None else {"current": runtime}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if runtime is not None:
            app.state.runtime = runtime
            yield
            return
        async with open_runtime(settings, run_scheduler=run_scheduler) as opened:
            holder["current"] = opened
            app.state.runtime = opened
            yield
            holder.pop("current", None)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        """503 unless the database, Redis and the master keys are usable and the process
        is not draining (each check bounded: a hung dependency is an unready one)."""
        checks: dict[str, str] = {}
        runtime: Runtime = request.app.state.runtime
        try:
            await asyncio.wait_for(
                Tortoise.get_connection("default").execute_query("SELECT 1"), READY_TIMEOUT)
            checks["database"] = "ok"
        except Exception as exc:
            log.warning("readyz: database unreachable: %s", type(exc).__name__)
            checks["database"] = "unreachable"
        if runtime.redis is not None:
            try:
                await asyncio.wait_for(runtime.redis.ping(), READY_TIMEOUT)
                checks["redis"] = "ok"
            except Exception as exc:
                log.warning("readyz: redis unreachable: %s", type(exc).__name__)
                checks["redis"] = "unreachable"
        try:
            checks["keys"] = "ok" if len(vault.master_ring().keys) else "unavailable"
        except Exception as exc:  # the key file went missing or unreadable
            log.warning("readyz: master keys unavailable: %s", type(exc).__name__)
            checks["keys"] = "unavailable"
        draining = graphql.drain.draining
        ready = not draining and all(value == "ok" for value in checks.values())
        if draining:
            checks["process"] = "draining"
        return JSONResponse({"status": "ready" if ready else "unavailable", "checks": checks},
                            status_code=200 if ready else 503)

    async def refresh() -> None:
        if "current" in holder:
            await refresh_queue_depth(holder["current"])

    async def rate_limited(bucket: str, ip: str) -> None:
        jobs = holder["current"].jobs if "current" in holder else None
        await suspicious.on_rate_limited(bucket=bucket, account_id=None, ip=ip, jobs=jobs)

    trusted = settings.trusted_proxy_networks
    metrics_token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
    graphql = MeterwiseGraphQL(settings, holder, schema)
    application = Starlette(
        debug=settings.debug and not settings.is_production,
        routes=[
            Route("/", console_index, methods=["GET"]),
            Mount("/assets", ConsoleAssets()),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route(SECURITY_TXT_PATH, security_txt_endpoint(settings), methods=["GET"]),
            Route(POLICY_PATH, policy_endpoint(settings), methods=["GET"]),
            Route("/metrics", metrics_endpoint(metrics_token, refresh), methods=["GET"]),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/export/usage.csv", export_usage_csv, methods=["GET"]),
        ],
        lifespan=lifespan,
        middleware=[
            Middleware(RequestIdMiddleware),
            Middleware(MetricsMiddleware),
            Middleware(SecurityHeadersMiddleware, production=settings.is_production),
            *([Middleware(HttpsOnlyMiddleware, trusted=trusted)]
              if settings.is_production else []),
            Middleware(RateLimitMiddleware, requests_per_minute=settings.rate_limit_requests_per_ip,
                       trusted=trusted, on_refused=rate_limited),
            Middleware(BodyLimitMiddleware, max_body=settings.max_body_bytes,
                       max_ws_message=settings.ws_max_message_bytes),
        ],
    )
    application.state.drain = graphql.drain  # ``meterwise serve`` begins it on SIGTERM
    return application
