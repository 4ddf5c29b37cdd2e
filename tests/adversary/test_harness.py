"""The adversary harness itself: a real server answers over HTTP and WebSocket."""

from __future__ import annotations

import pytest

from tests.adversary.support import LiveServer
from tests.support.identity import signed_in

pytestmark = pytest.mark.slow


async def test_live_server_answers_over_http_and_websocket(live: LiveServer) -> None:
    token, who = await signed_in()
    body = await live.gql("{ me { id email } }", token=token)
    assert body["data"]["me"]["email"] == who.email
    async with live.socket(token) as ws:
        reply = await ws.execute("{ me { email } }")
    assert reply["data"]["me"]["email"] == who.email


async def test_live_production_server_answers_behind_the_proxy_header(
        live_production: LiveServer) -> None:
    token, who = await signed_in()
    body = await live_production.gql("{ me { email } }", token=token)
    assert body["data"]["me"]["email"] == who.email
    async with live_production.client() as http:
        assert (await http.get("/graphql")).status_code != 200  # no GraphiQL in production
