"""``GET /`` serves the console, ``GET /graphql`` our own GraphiQL build (development only),
both under a CSP that allows nothing but our own origin, no inline script and no framing."""

from __future__ import annotations

import re

import httpx
import pytest
from starlette.applications import Starlette

from meterwise.config import Environment, Settings
from tests.console.support import page_assets
from tests.shield.support import client_for, shield_app

HTTPS = {"x-forwarded-proto": "https"}
HTML = {"accept": "text/html"}


@pytest.fixture
async def development(app: Starlette, settings: Settings) -> httpx.AsyncClient:
    async with client_for(shield_app(app, settings, real_schema=True)) as client:
        yield client


@pytest.fixture
async def production(app: Starlette, settings: Settings) -> httpx.AsyncClient:
    asgi = shield_app(app, settings, real_schema=True, env=Environment.PRODUCTION)
    async with client_for(asgi) as client:
        yield client


def directives(csp: str) -> dict[str, list[str]]:
    return {name: rest for name, *rest in (d.split() for d in csp.split(";") if d.strip())}


def assert_strict_page_csp(response: httpx.Response) -> None:
    policy = directives(response.headers["content-security-policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    for sources in policy.values():
        for source in sources:  # no other host, nothing inline, no eval
            assert source in {"'self'", "'none'", "data:"}, source


@pytest.mark.parametrize("env", ["development", "production"])
async def test_console_is_served_in_every_environment(
        env: str, development: httpx.AsyncClient, production: httpx.AsyncClient) -> None:
    client = development if env == "development" else production
    page = await client.get("/", headers={**HTML, **HTTPS})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<div id="app">' in page.text
    assert_strict_page_csp(page)
    assert "<script>" not in page.text and "onload=" not in page.text  # nothing inline
    assets = page_assets(page.text)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for path in assets:
        asset = await client.get(path, headers=HTTPS)
        assert asset.status_code == 200, path
        assert "immutable" in asset.headers["cache-control"]


async def test_graphiql_is_our_build_under_the_strict_csp(development: httpx.AsyncClient) -> None:
    page = await development.get("/graphql", headers=HTML)
    assert page.status_code == 200 and "GraphiQL" in page.text
    assert_strict_page_csp(page)
    assert not re.search(r"https?://", page.text)  # every asset from our origin
    for path in page_assets(page.text):
        assert (await development.get(path)).status_code == 200, path


async def test_graphiql_stays_off_in_production(production: httpx.AsyncClient) -> None:
    assert (await production.get("/graphql", headers={**HTML, **HTTPS})).status_code == 404


async def test_json_responses_keep_the_nothing_allowed_csp(
        development: httpx.AsyncClient) -> None:
    response = await development.get("/healthz")
    assert directives(response.headers["content-security-policy"])["default-src"] == ["'none'"]
    assert "script-src" not in response.headers["content-security-policy"]


async def test_unknown_assets_are_404_not_the_page(development: httpx.AsyncClient) -> None:
    assert (await development.get("/assets/nope.js")).status_code == 404
    assert (await development.get("/assets/../../config.py")).status_code == 404
