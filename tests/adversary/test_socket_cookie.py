"""The console's socket after a page reload: the session cookie authenticates a WebSocket
only on a same-origin handshake, so a page on another site cannot ride it (cross-site
WebSocket hijacking); it is re-checked at every operation and revoked like a token."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from meterwise.web.credentials import SESSION_COOKIE
from tests.adversary.support import PROTOCOL, LiveServer
from tests.support.identity import signed_in

pytestmark = pytest.mark.slow

ME = "{ me { email } }"


async def cookie_socket_me(live: LiveServer, token: str | None, origin: str | None
                           ) -> dict[str, object]:
    """connection_init with no token, the session cookie on the handshake; ``me`` or the
    close code."""
    headers = {**live.headers}
    if token is not None:
        headers["cookie"] = f"{SESSION_COOKIE}={token}"
    if origin is not None:
        headers["origin"] = origin
    try:
        ws = await connect(live.ws_url, subprotocols=[PROTOCOL],  # type: ignore[list-item]
                           additional_headers=headers)
    except InvalidStatus as refused:  # the origin guard in front of the protocol
        return {"handshake": refused.response.status_code}
    async with ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        try:
            ack = json.loads(await ws.recv())
            if ack["type"] != "connection_ack":
                return {"refused": ack}
            await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                      "payload": {"query": ME}}))
            reply: dict[str, object] = json.loads(await ws.recv())
            return reply
        except ConnectionClosed as closed:
            return {"closed": closed.rcvd.code if closed.rcvd else None}


def own_origin(live: LiveServer) -> str:
    return f"http://{urlsplit(live.http_url).netloc}"


async def test_a_same_origin_socket_rides_the_session_cookie(live: LiveServer) -> None:
    token, who = await signed_in()
    reply = await cookie_socket_me(live, token, own_origin(live))
    assert reply.get("type") == "next", reply
    assert reply["payload"] == {"data": {"me": {"email": who.email}}}  # type: ignore[index]


@pytest.mark.parametrize("origin", [
    "https://evil.example",  # another site
    "http://127.0.0.1.evil.example",  # a look-alike host
    "null",  # a sandboxed iframe or a file: page
    None,  # no Origin: a program, which must send a Bearer token
])
async def test_a_cross_site_socket_cannot_ride_the_cookie(live: LiveServer,
                                                          origin: str | None) -> None:
    token, _ = await signed_in()
    assert (await cookie_socket_me(live, token, origin)) in ({"closed": 4403},
                                                             {"handshake": 403})


async def test_a_logged_out_cookie_opens_nothing(live: LiveServer) -> None:
    token, _ = await signed_in()
    assert (await live.gql("mutation { logOut }", token=token))["data"] == {"logOut": True}
    assert (await cookie_socket_me(live, token, own_origin(live))) == {"closed": 4403}
