"""Attacks over graphql-transport-ws against a real server process: revocation reaches an
open socket, every operation is authorized when it runs, sockets are capped per user and an
open socket does not keep a session alive (issue 10)."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta

import pytest
from websockets.exceptions import ConnectionClosed

from meterwise import clock
from meterwise.models.identity import Role, Session
from meterwise.services.identity import policy
from tests.adversary.support import LiveServer
from tests.adversary.test_operations import full_token
from tests.support.identity import Who, signed_in

pytestmark = pytest.mark.slow

ME = "{ me { id } }"
MINT = """mutation { createApiToken(input: {name: "kept", scope: READ_USAGE}) {
  token errors { code } } }"""
INVITE_ADMIN = """mutation { inviteMember(input: {role: ADMIN}) { code errors { code } } }"""
CLOSED = 4403


async def second_session(who: Who) -> str:
    """Another signed-in session of the same user (another device)."""
    from meterwise.models.identity import User
    from meterwise.services.identity.common import Client
    from meterwise.services.identity.sessions import start_session

    user = await User.get(id=who.user_id)
    return await start_session(user, who.account_id, Client(ip="127.0.0.1"), mfa_verified=True)


async def test_log_out_closes_a_socket_without_subscriptions(live: LiveServer) -> None:
    token, _ = await signed_in()
    async with live.socket(token) as ws:
        assert (await ws.execute(ME))["data"]["me"]
        assert (await live.gql("mutation { logOut }", token=token))["data"] == {"logOut": True}
        assert await ws.closed(10) == CLOSED


async def test_revoke_session_closes_the_socket_and_refuses_its_operations(
        live: LiveServer) -> None:
    admin_token, admin = await signed_in()
    token, victim = await signed_in(role=Role.MEMBER, account=admin.account_id)
    session = await Session.get(user_id=victim.user_id)
    async with live.socket(token) as ws:
        await live.gql("mutation($id: ID!) { revokeSession(id: $id) { ok } }",
                       {"id": str(session.id)}, token=admin_token)
        reply = await ws.execute(MINT)
        assert reply.get("closed") == CLOSED or await ws.closed(10) == CLOSED, reply


async def test_a_removed_member_cannot_mint_tokens_over_an_open_socket(
        live: LiveServer) -> None:
    owner_token, owner = await signed_in()
    token, admin = await signed_in(role=Role.ADMIN, account=owner.account_id)
    async with live.socket(token) as ws:
        assert (await ws.execute(ME))["data"]["me"]
        removed = await live.gql("mutation($id: ID!) { removeMember(memberId: $id) { ok } }",
                                 {"id": str(admin.membership_id)}, token=owner_token)
        assert removed["data"]["removeMember"]["ok"] is True
        reply = await ws.execute(MINT)
        assert "data" not in reply, reply
    from meterwise.models.identity import ApiToken
    assert await ApiToken.filter(user_id=admin.user_id).count() == 0


async def test_a_demoted_admin_cannot_invite_admins_over_an_open_socket(
        live: LiveServer) -> None:
    owner_token, owner = await signed_in()
    token, admin = await signed_in(role=Role.ADMIN, account=owner.account_id)
    async with live.socket(token) as ws:
        assert (await ws.execute(ME))["data"]["me"]
        demoted = await live.gql("""mutation($id: ID!) { changeMemberRole(memberId: $id,
            role: VIEWER) { member { role } } }""", {"id": str(admin.membership_id)},
                                 token=owner_token)
        assert demoted["data"]["changeMemberRole"]["member"] == {"role": "VIEWER"}
        reply = await ws.execute(INVITE_ADMIN)
        assert "data" not in reply, reply
        assert await ws.closed(10) == CLOSED


async def test_a_demotion_closes_an_idle_socket(live: LiveServer) -> None:
    owner_token, owner = await signed_in()
    token, admin = await signed_in(role=Role.ADMIN, account=owner.account_id)
    async with live.socket(token) as ws:
        await live.gql("""mutation($id: ID!) { changeMemberRole(memberId: $id, role: MEMBER)
            { member { role } } }""", {"id": str(admin.membership_id)}, token=owner_token)
        assert await ws.closed(10) == CLOSED


async def test_a_password_change_closes_the_other_sessions_sockets(live: LiveServer) -> None:
    token, who = await signed_in()
    other = await second_session(who)
    leaked = await full_token(who)
    async with live.socket(other) as ws, live.socket(leaked) as by_token:
        changed = await live.gql("""mutation($c: String!) { changePassword(input:
            {currentPassword: $c, newPassword: "a much longer passphrase 42"}) { ok } }""",
                                 {"c": who.password}, token=token)
        assert changed["data"]["changePassword"]["ok"] is True
        assert await ws.closed(10) == CLOSED
        assert await by_token.closed(10) == CLOSED


async def test_an_idle_session_ends_on_its_socket_too(live: LiveServer) -> None:
    token, who = await signed_in()
    async with live.socket(token) as ws:
        assert (await ws.execute(ME))["data"]["me"]
        await Session.filter(user_id=who.user_id).update(
            last_seen_at=clock.now() - policy.settings().session_idle - timedelta(minutes=1))
        reply = await ws.execute(ME)
        assert reply.get("closed") == CLOSED, reply


async def test_an_expired_session_ends_on_its_socket_too(live: LiveServer) -> None:
    token, who = await signed_in()
    async with live.socket(token) as ws:
        await Session.filter(user_id=who.user_id).update(
            expires_at=clock.now() - timedelta(seconds=1))
        reply = await ws.execute(ME)
        assert reply.get("closed") == CLOSED, reply


async def test_a_socket_does_not_keep_its_session_alive(live: LiveServer) -> None:
    token, who = await signed_in()
    idle_since = clock.now() - timedelta(minutes=10)
    await Session.filter(user_id=who.user_id).update(last_seen_at=idle_since)
    async with live.socket(token) as ws:
        for _ in range(3):
            assert (await ws.execute(ME))["data"]["me"]
    session = await Session.get(user_id=who.user_id)
    assert session.last_seen_at == idle_since


async def test_sockets_per_user_are_capped(live: LiveServer) -> None:
    token, _ = await signed_in()
    cap = 8  # METERWISE_WS_MAX_SOCKETS_PER_USER's default
    opened = [live.socket(token) for _ in range(cap)]
    sockets = [await s.__aenter__() for s in opened]
    try:
        async with live.socket(token, ack=False) as extra:
            assert await extra.closed(10) == 4429  # too many sockets, not bad credentials
        assert (await sockets[0].execute(ME))["data"]["me"]
    finally:
        for s in opened:
            await s.__aexit__(None, None, None)
    for _ in range(50):  # closing them frees the slots (as soon as the server saw the close)
        async with live.socket(token, ack=False) as again:
            with contextlib.suppress(ConnectionClosed):
                if (await again.receive())["type"] == "connection_ack":
                    break
        await asyncio.sleep(0.1)
    else:
        pytest.fail("the slots of closed sockets were never freed")


async def test_account_deletion_closes_its_members_sockets(live: LiveServer) -> None:
    token, owner = await signed_in()
    member_token, _ = await signed_in(role=Role.MEMBER, account=owner.account_id)
    async with live.socket(member_token) as ws:
        deleted = await live.gql("""mutation($p: String!, $c: String!) { deleteAccount(input:
            {password: $p, code: $c}) { deletedId errors { code } } }""",
                                 {"p": owner.password, "c": owner.totp()}, token=token)
        assert deleted["data"]["deleteAccount"]["errors"] == [], deleted
        assert await ws.closed(10) == CLOSED
