"""Containment against a real server process: revoking an account's credentials closes
its open WebSockets at once (sessions and API tokens), and a required password change
leaves every credential, over HTTP and WebSocket, able to do nothing else (issue 15)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from meterwise import pubsub, wiring
from meterwise.models.identity import Role
from meterwise.services.containment import ContainmentAction, contain_account
from tests.adversary.support import LiveServer, LiveSocket
from tests.adversary.test_operations import full_token
from tests.support.identity import error_code, signed_in

pytestmark = pytest.mark.slow

ME = "{ me { id passwordChangeRequired } }"
CONNECTIONS = "{ connections { id } }"
ALERTS = "subscription { alertRaised { id } }"
CLOSED = 4403


@pytest.fixture
async def live_bus(redis_url: str, redis_prefix: str) -> AsyncIterator[None]:
    """This process publishes on the live server's Redis bus (its prefix), as the operator's
    CLI does in production."""
    bus = pubsub.RedisBus(redis_url, prefix=f"{redis_prefix}d")
    try:
        with wiring.override(events=bus):
            yield
    finally:
        await bus.close()


async def test_revoking_closes_the_accounts_sockets_at_once(live: LiveServer,
                                                           live_bus: None) -> None:
    owner, who = await signed_in()
    member, peer = await signed_in(role=Role.MEMBER, account=who.account_id)
    api = await full_token(peer)
    stranger, _ = await signed_in()
    async with live.socket(owner) as by_owner, live.socket(api) as by_token, \
            live.socket(member) as subscribed, live.socket(stranger) as theirs:
        await subscribed.subscribe(ALERTS)
        assert (await by_token.execute(ME))["data"]["me"]

        await contain_account(who.account_id, [ContainmentAction.REVOKE_CREDENTIALS],
                              actor="ops", reason="INC-1")

        for ws in (by_owner, by_token, subscribed):
            assert await ws.closed(5) == CLOSED  # the notice, not the 30 s re-check
        assert (await theirs.execute(ME))["data"]["me"]
    for token in (owner, member, api):
        assert error_code(await live.gql(CONNECTIONS, token=token)) == "UNAUTHENTICATED"
    async with live.socket(api, ack=False) as refused:
        assert await refused.closed(5) == CLOSED


async def test_a_required_password_change_holds_over_http_and_websocket(
        live: LiveServer, live_bus: None) -> None:
    token, who = await signed_in()
    api = await full_token(who)
    async with live.socket(token) as ws:
        assert (await ws.execute(CONNECTIONS))["data"]

        await contain_account(who.account_id, [ContainmentAction.REQUIRE_PASSWORD_CHANGE],
                              actor="ops", reason="INC-2")

        assert await ws.closed(5) == CLOSED
    for credential in (token, api):
        assert error_code(await live.gql(CONNECTIONS, token=credential)) == (
            "PASSWORD_CHANGE_REQUIRED")
        async with live.socket(credential) as again:  # reconnects, restricted
            assert (await again.execute(ME))["data"]["me"]["passwordChangeRequired"] is True
            assert error_code(await again.execute(CONNECTIONS)) == "PASSWORD_CHANGE_REQUIRED"
            refused = await first_reply(again, await again.subscribe(ALERTS))
            assert refused["type"] == "error", refused
            assert refused["payload"][0]["extensions"]["code"] == "PASSWORD_CHANGE_REQUIRED"


async def first_reply(ws: LiveSocket, op_id: str) -> dict[str, Any]:
    """The first message for operation ``op_id`` (earlier operations' ends are skipped)."""
    while True:
        message = await ws.receive(5)
        if message.get("id") == op_id:
            return message
