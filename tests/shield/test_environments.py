"""Production turns off introspection, suggestions and GraphiQL, and demands HTTPS.

Both apps run in-process on the real schema with the session's runtime; only the settings
differ. ASGI's peer is 127.0.0.1, a trusted proxy, so ``X-Forwarded-Proto`` is believed.
"""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from meterwise.config import Environment, Settings
from tests.shield.support import client_for, fresh_ip, post, shield_app

HTTPS = {"x-forwarded-proto": "https"}
INTROSPECTION = "{ __schema { queryType { name } } }"
TYPO = "{ mee { id } }"


@pytest.fixture
async def production(app: Starlette, settings: Settings) -> httpx.AsyncClient:
    asgi = shield_app(app, settings, real_schema=True, env=Environment.PRODUCTION)
    async with client_for(asgi) as client:
        yield client


@pytest.fixture
async def development(app: Starlette, settings: Settings) -> httpx.AsyncClient:
    async with client_for(shield_app(app, settings, real_schema=True)) as client:
        yield client


async def test_introspection_is_off_in_production(production: httpx.AsyncClient) -> None:
    response = await post(production, INTROSPECTION, ip=fresh_ip(), headers=HTTPS)
    body = response.json()
    assert body.get("data") is None
    assert "introspection has been disabled" in body["errors"][0]["message"]


async def test_introspection_is_on_in_development(development: httpx.AsyncClient) -> None:
    response = await post(development, INTROSPECTION, ip=fresh_ip())
    assert response.json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


async def test_typename_still_answers_in_production(production: httpx.AsyncClient) -> None:
    response = await post(production, "{ __typename }", ip=fresh_ip(), headers=HTTPS)
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_suggestions_are_off_in_production(production: httpx.AsyncClient) -> None:
    response = await post(production, TYPO, ip=fresh_ip(), headers=HTTPS)
    message = response.json()["errors"][0]["message"]
    assert message == "Cannot query field 'mee' on type 'Query'."


async def test_argument_suggestions_are_off_in_production(
        production: httpx.AsyncClient) -> None:
    response = await post(production, "{ securityEvents(frist: 5) { edges { cursor } } }",
                          ip=fresh_ip(), headers=HTTPS)
    assert "Did you mean" not in response.text
    assert "frist" in response.text


async def test_suggestions_are_on_in_development(development: httpx.AsyncClient) -> None:
    response = await post(development, TYPO, ip=fresh_ip())
    assert "Did you mean 'me'?" in response.json()["errors"][0]["message"]


async def test_graphiql_only_in_development(production: httpx.AsyncClient,
                                            development: httpx.AsyncClient) -> None:
    html = {"accept": "text/html"}
    assert (await production.get("/graphql", headers={**html, **HTTPS})).status_code == 404
    page = await development.get("/graphql", headers=html)
    assert page.status_code == 200 and "GraphiQL" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
    assert "unpkg" not in csp and "unsafe-inline" not in csp


async def test_security_headers_on_every_production_response(
        production: httpx.AsyncClient) -> None:
    for response in (await production.get("/healthz"),
                     await post(production, "{ __typename }", ip=fresh_ip(), headers=HTTPS),
                     await production.post("/graphql", content=b"x" * 2_000_000, headers=HTTPS)):
        assert response.headers["strict-transport-security"].startswith("max-age=")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert "unpkg" not in response.headers["content-security-policy"]


async def test_no_hsts_in_development(development: httpx.AsyncClient) -> None:
    response = await development.get("/healthz")
    assert "strict-transport-security" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_production_refuses_plain_http(production: httpx.AsyncClient) -> None:
    response = await post(production, "{ __typename }", ip=fresh_ip())
    assert response.status_code == 421
    assert "HTTPS is required" in response.json()["errors"][0]["message"]
    assert (await production.get("/healthz")).status_code == 200  # load balancers probe it


async def test_forwarded_proto_from_an_untrusted_peer_is_ignored(
        app: Starlette, settings: Settings) -> None:
    asgi = shield_app(app, settings, real_schema=True, env=Environment.PRODUCTION)
    async with client_for(asgi, peer="198.51.100.9") as client:
        response = await client.post("/graphql", json={"query": "{ __typename }"},
                                     headers=HTTPS)
    assert response.status_code == 421


async def test_direct_tls_is_accepted_in_production(app: Starlette, settings: Settings) -> None:
    asgi = shield_app(app, settings, real_schema=True, env=Environment.PRODUCTION)
    async with client_for(asgi, peer="198.51.100.9", base_url="https://testserver") as client:
        response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.json() == {"data": {"__typename": "Query"}}
