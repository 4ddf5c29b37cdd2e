"""REVOKE_CREDENTIALS and REQUIRE_PASSWORD_CHANGE over HTTP (in-process app); the live
WebSocket side is in ``tests/adversary/test_containment.py``."""

from __future__ import annotations

import httpx
import pytest

from meterwise.models.audit import AuditEvent
from meterwise.models.identity import ApiToken, Role, Session
from meterwise.services.containment import (
    ContainmentAction,
    UnknownAccount,
    contain_account,
    release_account,
)
from tests.adversary.test_operations import full_token
from tests.support.identity import error_code, gql, signed_in

ME = "{ me { id passwordChangeRequired } }"
USAGE = "{ connections { id } }"
LOG_IN = """mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) {
  token mfaToken errors { code } } }"""
VERIFY = """mutation($t: String!, $c: String!) { verifyMfa(input: {mfaToken: $t, code: $c}) {
  token errors { code } } }"""
CHANGE = """mutation($c: String!, $n: String!) { changePassword(input:
  {currentPassword: $c, newPassword: $n}) { ok errors { code } } }"""
NEW_PASSWORD = "an entirely new passphrase 2026"


async def test_revoking_ends_every_session_and_token_of_the_account_only(
        client: httpx.AsyncClient) -> None:
    owner, who = await signed_in(client)
    member, peer = await signed_in(client, role=Role.MEMBER, account=who.account_id)
    owner_api, member_api = await full_token(who), await full_token(peer)
    stranger, other = await signed_in(client)
    stranger_api = await full_token(other)

    lines = await contain_account(who.account_id, [ContainmentAction.REVOKE_CREDENTIALS],
                                  actor="ops", reason="INC-7")

    assert lines == ["Revoked 2 session(s), 2 API token(s) and 0 pending sign-in(s); their "
                     "live connections were closed."]
    for token in (owner, member, owner_api, member_api):
        assert error_code(await gql(client, USAGE, token=token)) == "UNAUTHENTICATED"
    for token in (stranger, stranger_api):
        assert "errors" not in await gql(client, USAGE, token=token)
    assert not await Session.filter(account_id=who.account_id, revoked_at=None).exists()
    assert not await ApiToken.filter(account_id=who.account_id, revoked_at=None).exists()
    event = await AuditEvent.get(action="containment.revoke_credentials")
    assert (event.account_id, event.metadata["operator"], event.metadata["sessions"]) == (
        who.account_id, "ops", 2)
    assert await release_account(who.account_id, [ContainmentAction.REVOKE_CREDENTIALS],
                                 actor="ops", reason="INC-7") == [
        "Revoked credentials cannot be restored: members sign in again and create new API "
        "tokens."]


async def test_a_half_done_sign_in_cannot_be_completed_after_revocation(
        client: httpx.AsyncClient) -> None:
    _, who = await signed_in(client)
    started = await gql(client, LOG_IN, {"e": who.email, "p": who.password})
    mfa_token = started["data"]["logIn"]["mfaToken"]
    assert mfa_token

    await contain_account(who.account_id, [ContainmentAction.REVOKE_CREDENTIALS],
                          actor="ops", reason="INC-7")

    done = await gql(client, VERIFY, {"t": mfa_token, "c": who.totp()})
    assert done["data"]["verifyMfa"] == {"token": None, "errors": [{"code": "INVALID_CODE"}]}


async def test_contain_refuses_an_unknown_account_or_no_reason(
        client: httpx.AsyncClient) -> None:
    _, who = await signed_in(client)
    from uuid import uuid4

    with pytest.raises(UnknownAccount):
        await contain_account(uuid4(), [ContainmentAction.FREEZE_CONNECTIONS], actor="ops",
                              reason="x")
    with pytest.raises(ValueError):
        await contain_account(who.account_id, [ContainmentAction.FREEZE_CONNECTIONS],
                              actor="ops", reason="  ")


async def test_a_required_password_change_allows_nothing_else_until_done(
        client: httpx.AsyncClient) -> None:
    existing, who = await signed_in(client)
    api = await full_token(who)
    stranger, _ = await signed_in(client)

    await contain_account(who.account_id, [ContainmentAction.REQUIRE_PASSWORD_CHANGE],
                          actor="ops", reason="INC-9")

    # a fresh sign-in succeeds, into a session that can only change the password
    started = await gql(client, LOG_IN, {"e": who.email, "p": who.password})
    session = (await gql(client, VERIFY, {"t": started["data"]["logIn"]["mfaToken"],
                                          "c": who.totp()}))["data"]["verifyMfa"]["token"]
    for token in (session, existing):
        assert (await gql(client, ME, token=token))["data"]["me"]["passwordChangeRequired"]
        assert error_code(await gql(client, USAGE, token=token)) == "PASSWORD_CHANGE_REQUIRED"
        body = await gql(client, 'mutation { createApiToken(input: {name: "x", scope: '
                                 'READ_USAGE}) { token } }', token=token)
        assert error_code(body) == "PASSWORD_CHANGE_REQUIRED"
    assert error_code(await gql(client, USAGE, token=api)) == "PASSWORD_CHANGE_REQUIRED"
    assert "errors" not in await gql(client, USAGE, token=stranger)  # other accounts: as ever

    same = await gql(client, CHANGE, {"c": who.password, "n": who.password}, token=session)
    assert same["data"]["changePassword"] == {"ok": False,
                                              "errors": [{"code": "WEAK_PASSWORD"}]}
    changed = await gql(client, CHANGE, {"c": who.password, "n": NEW_PASSWORD}, token=session)
    assert changed["data"]["changePassword"] == {"ok": True, "errors": []}

    assert "errors" not in await gql(client, USAGE, token=session)
    assert not (await gql(client, ME, token=session))["data"]["me"]["passwordChangeRequired"]
    assert error_code(await gql(client, USAGE, token=existing)) == "UNAUTHENTICATED"
    assert error_code(await gql(client, USAGE, token=api)) == "UNAUTHENTICATED"


async def test_release_lifts_the_requirement(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    await contain_account(who.account_id, [ContainmentAction.REQUIRE_PASSWORD_CHANGE],
                          actor="ops", reason="INC-9")
    assert error_code(await gql(client, USAGE, token=token)) == "PASSWORD_CHANGE_REQUIRED"

    lines = await release_account(who.account_id,
                                  [ContainmentAction.REQUIRE_PASSWORD_CHANGE],
                                  actor="ops", reason="false alarm")

    assert lines == ["Password-change requirement lifted for 1 member(s)."]
    assert "errors" not in await gql(client, USAGE, token=token)
