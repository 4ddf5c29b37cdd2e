"""Attacks on step-up and API tokens, over real HTTP against a real server process.

Each reproduces a finding of issue 10: a leaked FULL API token alone took an account over
(invited an OWNER, switched MFA off), API tokens minted API tokens without a cap and
survived a password change, and step-up was enforced by four hand-written calls only.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pyotp
import pytest

from meterwise import clock
from meterwise.models.identity import Account, ApiToken, Role, Session
from meterwise.services.identity import api_tokens
from meterwise.services.identity.common import Client
from meterwise.services.viewer import TokenScope, Viewer
from tests.adversary.support import LiveServer
from tests.support.identity import Who, error_code, new_account, signed_in

pytestmark = pytest.mark.slow

INVITE = """mutation($role: Role!) { inviteMember(input: {role: $role}) {
  code errors { code } } }"""
SETTINGS = """mutation($on: Boolean) { updateAccountSettings(input: {mfaRequired: $on}) {
  account { mfaRequired } errors { code } } }"""
CREATE_TOKEN = """mutation($scope: ApiTokenScope!) { createApiToken(input: {name: "x",
  scope: $scope}) { token errors { code } } }"""
CHANGE_ROLE = """mutation($id: ID!, $role: Role!) { changeMemberRole(memberId: $id,
  role: $role) { member { role } errors { code } } }"""
REMOVE = """mutation($id: ID!) { removeMember(memberId: $id) { ok errors { code } } }"""
REMOVE_CONNECTION = """mutation($id: ID!) { removeConnection(id: $id) {
  deletedId errors { code } } }"""


async def full_token(who: Who) -> str:
    """The leaked credential: a FULL API token of ``who`` (made through the service)."""
    viewer = Viewer(user_id=who.user_id, account_id=who.account_id, role=who.role)
    issued = await api_tokens.create_token(viewer, Client(), name="ci", scope=TokenScope.FULL,
                                           expires_in_days=30)
    return issued.token


async def stale_step_up(who: Who) -> None:
    """The session passed MFA an hour ago: signed in, but no fresh second factor."""
    await Session.filter(user_id=who.user_id).update(
        mfa_verified_at=clock.now() - timedelta(hours=1))


def payload(body: dict[str, Any]) -> Any:
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


async def test_a_leaked_full_token_cannot_invite_an_owner(live: LiveServer) -> None:
    _, owner = await signed_in()
    token = await full_token(owner)
    for role in ("OWNER", "ADMIN", "MEMBER"):
        body = await live.gql(INVITE, {"role": role}, token=token)
        assert error_code(body) == "FORBIDDEN", body
        assert body["data"] is None


async def test_a_leaked_full_token_cannot_switch_mfa_off(live: LiveServer) -> None:
    _, owner = await signed_in()
    body = await live.gql(SETTINGS, {"on": False}, token=await full_token(owner))
    assert error_code(body) == "FORBIDDEN", body
    assert (await Account.get(id=owner.account_id)).mfa_required is True


async def test_api_tokens_cannot_mint_api_tokens(live: LiveServer) -> None:
    _, owner = await signed_in()
    token = await full_token(owner)
    for scope in ("FULL", "READ_USAGE"):
        body = await live.gql(CREATE_TOKEN, {"scope": scope}, token=token)
        assert error_code(body) == "FORBIDDEN", body
    assert await ApiToken.filter(user_id=owner.user_id).count() == 1


async def test_a_leaked_full_token_cannot_remove_the_owner_or_connections(
        live: LiveServer) -> None:
    _, owner = await signed_in()
    _, admin = await signed_in(role=Role.OWNER, account=owner.account_id)
    token = await full_token(admin)
    body = await live.gql(REMOVE, {"id": str(owner.membership_id)}, token=token)
    assert error_code(body) == "FORBIDDEN", body
    body = await live.gql(CHANGE_ROLE, {"id": str(owner.membership_id), "role": "VIEWER"},
                          token=token)
    assert error_code(body) == "FORBIDDEN", body


@pytest.mark.parametrize(("query", "variables"), [
    (INVITE, {"role": "ADMIN"}),
    (INVITE, {"role": "OWNER"}),
    (SETTINGS, {"on": False}),
    (CREATE_TOKEN, {"scope": "FULL"}),
])
async def test_granting_or_weakening_access_needs_a_fresh_second_factor(
        live: LiveServer, query: str, variables: dict[str, Any]) -> None:
    token, owner = await signed_in()
    await stale_step_up(owner)
    body = await live.gql(query, variables, token=token)
    assert payload(body)["errors"] == [{"code": "STEP_UP_REQUIRED"}], body
    assert (await Account.get(id=owner.account_id)).mfa_required is True


async def test_removing_a_member_needs_a_fresh_second_factor(live: LiveServer) -> None:
    token, owner = await signed_in()
    _, member = await signed_in(role=Role.MEMBER, account=owner.account_id)
    await stale_step_up(owner)
    body = await live.gql(REMOVE, {"id": str(member.membership_id)}, token=token)
    assert payload(body) == {"ok": False, "errors": [{"code": "STEP_UP_REQUIRED"}]}


async def test_removing_a_connection_needs_a_fresh_second_factor(live: LiveServer) -> None:
    token, owner = await signed_in()
    await stale_step_up(owner)
    body = await live.gql(REMOVE_CONNECTION, {"id": "00000000-0000-0000-0000-000000000000"},
                          token=token)
    assert payload(body) == {"deletedId": None, "errors": [{"code": "STEP_UP_REQUIRED"}]}


async def test_step_up_and_narrow_grants_still_work(live: LiveServer) -> None:
    """The checks refuse only what they should: fresh step-up passes, MEMBER invites and
    read-only tokens need none, revocations stay open to API tokens."""
    token, owner = await signed_in()
    assert payload(await live.gql(INVITE, {"role": "ADMIN"}, token=token))["errors"] == []
    await stale_step_up(owner)
    assert payload(await live.gql(INVITE, {"role": "MEMBER"}, token=token))["errors"] == []
    created = payload(await live.gql(CREATE_TOKEN, {"scope": "READ_USAGE"}, token=token))
    assert created["errors"] == []
    leaked = await full_token(owner)
    row = await ApiToken.filter(user_id=owner.user_id, scope="read_usage").first()
    assert row is not None
    revoked = await live.gql("""mutation($id: ID!) { revokeApiToken(id: $id) {
        apiToken { active } errors { code } } }""", {"id": str(row.id)}, token=leaked)
    assert payload(revoked) == {"apiToken": {"active": False}, "errors": []}


async def test_totp_enrolment_from_an_mfa_pending_session_is_no_step_up(
        live: LiveServer) -> None:
    account = await new_account(mfa_required=True)
    token, owner = await signed_in(role=Role.OWNER, account=account, mfa=False)
    _, member = await signed_in(role=Role.MEMBER, account=account)
    started = payload(await live.gql("mutation($p: String!) { startTotpEnrollment(password: $p) "
                                     "{ secret errors { code } } }", {"p": owner.password},
                                     token=token))
    code = pyotp.TOTP(started["secret"]).now()
    confirmed = await live.gql("""mutation($c: String!, $p: String!) {
        confirmTotpEnrollment(code: $c, password: $p) { recoveryCodes errors { code } } }""",
                               {"c": code, "p": owner.password}, token=token)
    assert payload(confirmed)["errors"] == []
    body = await live.gql(CHANGE_ROLE, {"id": str(member.membership_id), "role": "OWNER"},
                          token=token)
    assert payload(body) == {"member": None, "errors": [{"code": "STEP_UP_REQUIRED"}]}
    assert payload(await live.gql("{ account { id } }", token=token))["id"] == str(account)


async def test_api_tokens_end_with_a_password_change(live: LiveServer) -> None:
    token, owner = await signed_in()
    leaked = await full_token(owner)
    assert payload(await live.gql("{ account { id } }", token=leaked))
    changed = await live.gql("""mutation($c: String!) { changePassword(input:
        {currentPassword: $c, newPassword: "a much longer passphrase 42"}) { ok } }""",
                             {"c": owner.password}, token=token)
    assert payload(changed) == {"ok": True}
    body = await live.gql("{ account { id } }", token=leaked)
    assert error_code(body) == "UNAUTHENTICATED", body
    assert payload(await live.gql("{ account { id } }", token=token))  # the changer stays


async def test_api_tokens_are_capped_per_user_even_when_created_at_once(
        live: LiveServer) -> None:
    token, owner = await signed_in()
    cap = 20  # METERWISE_API_TOKEN_MAX_PER_USER's default
    bodies = await asyncio.gather(*(live.gql(CREATE_TOKEN, {"scope": "READ_USAGE"},
                                             token=token) for _ in range(cap + 5)))
    made = [b for b in bodies if payload(b)["token"]]
    refused = [b for b in bodies if payload(b)["errors"] == [{"code": "INVALID_INPUT"}]]
    assert (len(made), len(refused)) == (cap, 5)
    assert await ApiToken.filter(user_id=owner.user_id, revoked_at__isnull=True).count() == cap
