"""A test schema with counting resolvers, and apps built around it or the real schema.

Apps lend the session app's runtime (database, jobs, limiter), so building one per test
costs nothing; each test calls from its own fake client IP (the ASGI peer 127.0.0.1 is a
trusted proxy, so ``X-Forwarded-For`` is believed) and never shares a bucket with another.
"""

from __future__ import annotations

import itertools
import secrets
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import strawberry
from starlette.applications import Starlette

from meterwise.app import create_app
from meterwise.config import Settings
from meterwise.schema import MeterwiseSchema, schema_config, schema_extensions
from meterwise.schema.guards.cost import paginated

CALLS: Counter[str] = Counter()
CANARY = "sk-proj-" + secrets.token_urlsafe(24).replace("-", "x").replace("_", "y")
_ips = itertools.count(1)


def fresh_ip() -> str:
    """A client address no other test uses (TEST-NET-3 and friends)."""
    n = next(_ips)
    return f"203.0.{n // 250}.{n % 250 + 1}"


@strawberry.type
class Node:
    id: int

    @strawberry.field
    def child(self) -> Node:
        CALLS["child"] += 1
        return Node(id=self.id + 1)

    @strawberry.field(metadata=paginated())
    def items(self, first: int) -> list[Node]:
        CALLS["items"] += 1
        return [Node(id=i) for i in range(first)]


@strawberry.input
class LogInInput:
    email: str
    password: str


@strawberry.type
class ProbeQuery:
    @strawberry.field
    def node(self) -> Node:
        CALLS["node"] += 1
        return Node(id=0)

    @strawberry.field
    def canary(self) -> str:
        CALLS["canary"] += 1
        raise RuntimeError(f"upstream rejected key {CANARY} (password={CANARY[-12:]})")


@strawberry.type
class ProbeMutation:
    @strawberry.mutation
    def log_in(self, input: LogInInput) -> bool:
        CALLS["logIn"] += 1
        return False


def probe_schema(settings: Settings) -> strawberry.Schema:
    return MeterwiseSchema(query=ProbeQuery, mutation=ProbeMutation,
                           extensions=schema_extensions(settings),
                           config=schema_config(settings))


def shield_app(app: Starlette, settings: Settings, *, real_schema: bool = False,
               **overrides: Any) -> Starlette:
    """An app with ``settings`` + ``overrides`` on the session app's runtime."""
    configured = settings.model_copy(update=overrides)
    schema = None if real_schema else probe_schema(configured)
    return create_app(configured, schema=schema, runtime=app.state.runtime)


@asynccontextmanager
async def client_for(asgi: Starlette, *, peer: str = "127.0.0.1",
                     base_url: str = "http://testserver") -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=asgi, client=(peer, 40000))
    async with httpx.AsyncClient(transport=transport, base_url=base_url) as http:
        yield http


async def post(http: httpx.AsyncClient, query: str, *, ip: str | None = None,
               variables: dict[str, Any] | None = None, operation_name: str | None = None,
               headers: dict[str, str] | None = None) -> httpx.Response:
    sent = {"x-forwarded-for": ip} if ip else {}
    sent.update(headers or {})
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = variables
    if operation_name is not None:
        body["operationName"] = operation_name
    return await http.post("/graphql", json=body, headers=sent)


def codes(response: httpx.Response) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in response.json().get("errors", [])]
