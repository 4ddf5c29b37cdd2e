"""The app answers health, readiness and GraphQL on the real database."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette


async def test_healthz_answers_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_checks_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok", "keys": "ok"}}


async def test_readyz_answers_503_while_draining(client: httpx.AsyncClient,
                                                 app: Starlette) -> None:
    app.state.drain.draining = True
    try:
        response = await client.get("/readyz")
    finally:
        app.state.drain.draining = False
    assert response.status_code == 503
    assert response.json()["checks"]["process"] == "draining"


async def test_graphql_typename(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_me_is_null_when_not_signed_in(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ me { id email } }"})
    assert response.json() == {"data": {"me": None}}


async def test_graphiql_is_served_in_development(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "GraphiQL" in response.text


async def test_queries_over_get_are_refused(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ __typename }"})
    assert response.status_code in {400, 405}
