"""Every revocation path announces what it ended on the account's channel, once committed,
and a ``guarded`` stream ends on a notice naming its credential (not on anyone else's)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from starlette.applications import Starlette

from meterwise import pubsub
from meterwise.models.identity import Role, Session, User
from meterwise.services.identity import revocation
from meterwise.services.identity.common import Client
from meterwise.services.identity.sessions import resolve_session, start_session
from meterwise.services.viewer import Viewer
from tests.support.identity import Who, gql, signed_in

Heard = tuple[set[str], set[str]]  # session ids, API token ids


@contextlib.asynccontextmanager
async def notices(account_id: UUID) -> AsyncIterator[list[dict[str, Any]]]:
    """The account channel's revocation notices published inside the block."""
    heard: list[dict[str, Any]] = []
    async with pubsub.current().hub.subscribe(pubsub.account_channel(account_id)) as queue:
        yield heard
        while not queue.empty():
            payload = queue.get_nowait()
            if payload.get("type") == revocation.CREDENTIALS_REVOKED:
                heard.append(payload)


def named(heard: list[dict[str, Any]]) -> Heard:
    """What one notice named (the bus is in-process: it arrived before the call returned)."""
    assert len(heard) == 1, heard
    return set(heard[0]["sessionIds"]), set(heard[0]["apiTokenIds"])


async def session_of(token: str) -> str:
    viewer = await resolve_session(token)
    assert viewer is not None
    return str(viewer.session_id)


async def api_token(client: httpx.AsyncClient, token: str) -> tuple[str, str]:
    created = await gql(client, """mutation { createApiToken(input: {name: "ci", scope: FULL})
        { token apiToken { id } } }""", token=token)
    data = created["data"]["createApiToken"]
    return data["token"], data["apiToken"]["id"]


async def second_session(who: Who) -> str:
    """Another session of the same user (another device)."""
    token = await start_session(await User.get(id=who.user_id), who.account_id, Client(),
                                mfa_verified=True)
    return await session_of(token)


async def test_log_out_names_the_session(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    mine = await session_of(token)
    async with notices(who.account_id) as heard:
        await gql(client, "mutation { logOut }", token=token)
    assert named(heard) == ({mine}, set())


async def test_revoke_session_and_api_token_name_theirs(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.ADMIN)
    member_token, _ = await signed_in(client, Role.MEMBER, account=who.account_id)
    theirs = await session_of(member_token)
    _, token_id = await api_token(client, member_token)
    async with notices(who.account_id) as heard:
        await gql(client, "mutation($id: ID!) { revokeSession(id: $id) { ok } }",
                  {"id": theirs}, token=token)
    assert named(heard) == ({theirs}, set())
    async with notices(who.account_id) as heard:
        await gql(client, "mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { id } } }",
                  {"id": token_id}, token=token)
    assert named(heard) == (set(), {token_id})


async def test_password_change_and_mfa_removal_name_the_other_sessions_only(
        client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    other = await second_session(who)
    async with notices(who.account_id) as heard:
        body = await gql(client, """mutation($c: String!) { changePassword(input: {
            currentPassword: $c, newPassword: "another long passphrase 7"}) { ok } }""",
                         {"c": who.password}, token=token)
    assert body["data"]["changePassword"] == {"ok": True}
    assert named(heard) == ({other}, set())
    other = await second_session(who)
    async with notices(who.account_id) as heard:
        body = await gql(client, "mutation($p: String!) { disableMfa(password: $p) { ok } }",
                         {"p": "another long passphrase 7"}, token=token)
    assert body["data"]["disableMfa"] == {"ok": True}
    assert named(heard) == ({other}, set())


async def test_step_up_names_the_replaced_session(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    old = await session_of(token)
    async with notices(who.account_id) as heard:
        body = await gql(client, "mutation($c: String!) { verifyMfa(input: {code: $c}) "
                         "{ token } }", {"c": who.totp()}, token=token)
    assert body["data"]["verifyMfa"]["token"]
    assert named(heard) == ({old}, set())


async def test_remove_member_names_their_sessions_and_tokens(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    member_token, member = await signed_in(client, Role.MEMBER, account=who.account_id)
    _, token_id = await api_token(client, member_token)
    async with notices(who.account_id) as heard:
        body = await gql(client, "mutation($id: ID!) { removeMember(memberId: $id) { ok } }",
                         {"id": str(member.membership_id)}, token=token)
    assert body["data"]["removeMember"] == {"ok": True}
    assert named(heard) == ({await _sessions_of(member.user_id)}, {token_id})


async def test_delete_account_names_every_credential(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    member_token, _ = await signed_in(client, Role.MEMBER, account=who.account_id)
    _, token_id = await api_token(client, member_token)
    sessions = {await session_of(token), await session_of(member_token)}
    async with notices(who.account_id) as heard:
        body = await gql(client, """mutation($i: DeleteAccountInput!) { deleteAccount(input: $i)
            { deletedId } }""", {"i": {"password": who.password, "code": who.totp()}},
                         token=token)
    assert body["data"]["deleteAccount"] == {"deletedId": str(who.account_id)}
    assert named(heard) == (sessions, {token_id})


async def test_a_refused_revocation_announces_nothing(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.ADMIN)
    stranger_token, _ = await signed_in(client)
    foreign = await session_of(stranger_token)
    async with notices(who.account_id) as heard:
        body = await gql(client, "mutation($id: ID!) { revokeSession(id: $id) "
                         "{ errors { code } } }", {"id": foreign}, token=token)
    assert body["data"]["revokeSession"]["errors"] == [{"code": "NOT_FOUND"}]
    assert heard == []
    assert await Session.filter(id=foreign, revoked_at__isnull=True).exists()


async def _sessions_of(user_id: UUID) -> str:
    ids = await Session.filter(user_id=user_id).values_list("id", flat=True)
    assert len(ids) == 1
    return str(ids[0])


async def test_a_guarded_stream_ends_on_a_notice_naming_its_credential_only(
        app: Starlette) -> None:
    viewer = Viewer(user_id=uuid4(), account_id=uuid4(), role=Role.OWNER, session_id=uuid4())
    channel = pubsub.account_channel(viewer.account_id)
    bus = pubsub.current()
    checks: list[bool] = []
    passed: list[dict[str, Any]] = []

    async def still_valid() -> bool:
        checks.append(True)
        return True

    async def consume() -> None:
        async for payload in revocation.guarded(viewer, channel, still_valid,
                                                recheck_seconds=60):
            passed.append(payload)

    before = bus.hub.subscriber_count
    task = asyncio.ensure_future(consume())
    while bus.hub.subscriber_count == before:
        await asyncio.sleep(0.01)
    others = [
        {"type": revocation.CREDENTIALS_REVOKED, "sessionIds": [str(uuid4())]},
        {"type": revocation.CREDENTIALS_REVOKED, "sessionIds": str(viewer.session_id)},
        {"type": revocation.CREDENTIALS_REVOKED, "apiTokenIds": [str(viewer.session_id)]},
    ]
    for notice in others:  # someone else's, malformed, the id in the wrong list
        await bus.publish(channel, notice)
    await bus.publish(channel, {"type": revocation.CREDENTIALS_REVOKED,
                                "sessionIds": [str(viewer.session_id)], "apiTokenIds": []})
    with pytest.raises(revocation.CredentialRevoked):
        await asyncio.wait_for(task, 1)
    assert passed == others  # handed on (a usage stream skips them by type)
    assert checks == []  # the notice ended it, not the periodic re-check
