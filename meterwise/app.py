"""The app factory: a Starlette app whose lifespan owns every resource."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from tortoise import Tortoise

from meterwise.config import Settings
from meterwise.runtime import Runtime, open_runtime
from meterwise.schema import build_schema
from meterwise.schema.auth import resolve_viewer
from meterwise.schema.context import Context
from meterwise.web.client_ip import client_ip
from meterwise.web.request_id import RequestIdMiddleware

log = logging.getLogger(__name__)


class MeterwiseGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI app with our typed context."""

    def __init__(self, settings: Settings, runtime: dict[str, Runtime]) -> None:
        super().__init__(
            build_schema(),
            graphql_ide="graphiql" if not settings.is_production else None,
            allow_queries_via_get=False,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        )
        self._settings = settings
        self._runtime = runtime

    async def get_context(self, request: HTTPConnection, response: Any) -> Context:
        runtime = self._runtime["current"]
        viewer, cookie_auth = await resolve_viewer(request)
        return Context(
            request=request,
            response=response,
            settings=self._settings,
            jobs=runtime.jobs,
            runtime=runtime,
            viewer=viewer,
            cookie_auth=cookie_auth,
            client_ip=client_ip(request.scope, self._settings.trusted_proxy_networks),
            user_agent=request.headers.get("user-agent", "")[:512],
            request_id=request.scope.get("state", {}).get("request_id", ""),
        )


def create_app(settings: Settings, *, run_scheduler: bool | None = None) -> Starlette:
    """Build the ASGI app; nothing is opened until the lifespan starts."""
    holder: dict[str, Runtime] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_runtime(settings, run_scheduler=run_scheduler) as runtime:
            holder["current"] = runtime
            app.state.runtime = runtime
            yield
            holder.pop("current", None)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        checks: dict[str, str] = {}
        runtime: Runtime = request.app.state.runtime
        try:
            await Tortoise.get_connection("default").execute_query("SELECT 1")
            checks["database"] = "ok"
        except Exception as exc:
            log.warning("readyz: database unreachable: %s", type(exc).__name__)
            checks["database"] = "unreachable"
        if runtime.redis is not None:
            try:
                await runtime.redis.ping()
                checks["redis"] = "ok"
            except Exception as exc:
                log.warning("readyz: redis unreachable: %s", type(exc).__name__)
                checks["redis"] = "unreachable"
        ready = all(value == "ok" for value in checks.values())
        return JSONResponse({"status": "ready" if ready else "unavailable", "checks": checks},
                            status_code=200 if ready else 503)

    graphql = MeterwiseGraphQL(settings, holder)
    return Starlette(
        debug=settings.debug and not settings.is_production,
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
        ],
        lifespan=lifespan,
        middleware=[Middleware(RequestIdMiddleware)],
    )
