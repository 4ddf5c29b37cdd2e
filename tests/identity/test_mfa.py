"""TOTP replay protection, the ±1 step window, single-use recovery codes, step-up."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pyotp

from meterwise.models.audit import AuditEvent
from meterwise.models.identity import Role
from meterwise.services.identity.common import Client
from meterwise.services.identity.mfa import RECOVERY_CODES
from meterwise.services.viewer import Viewer
from tests.support.identity import FakeClock, Who, error_code, gql, signed_in

LOG_IN = """mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p})
  { mfaRequired mfaToken errors { code } } }"""
VERIFY = """mutation($t: String, $c: String!) { verifyMfa(input: {mfaToken: $t, code: $c})
  { token errors { code field } } }"""
STEP = timedelta(seconds=30)


async def mfa_token(client: httpx.AsyncClient, who: Who) -> str:
    body = await gql(client, LOG_IN, {"e": who.email, "p": who.password})
    assert body["data"]["logIn"]["mfaRequired"] is True
    token: str = body["data"]["logIn"]["mfaToken"]
    return token


async def verify(client: httpx.AsyncClient, token: str | None, code: str,
                 bearer: str | None = None) -> dict[str, object]:
    body = await gql(client, VERIFY, {"t": token, "c": code}, token=bearer)
    result: dict[str, object] = body["data"]["verifyMfa"]
    return result


async def test_a_totp_code_is_accepted_once(client: httpx.AsyncClient, clock: FakeClock) -> None:
    _, who = await signed_in(client)
    code = who.totp()
    first = await verify(client, await mfa_token(client, who), code)
    assert first["errors"] == []
    again = await verify(client, await mfa_token(client, who), code)
    assert again == {"token": None, "errors": [{"code": "INVALID_CODE", "field": "code"}]}
    assert await AuditEvent.filter(action="mfa.replay_rejected", actor_id=who.user_id).count() == 1


async def test_codes_one_step_away_pass_two_steps_away_fail(client: httpx.AsyncClient,
                                                           clock: FakeClock) -> None:
    _, who = await signed_in(client)
    secret = pyotp.TOTP(who.totp_secret or "")
    for offset in (2, -2):
        far = secret.at(clock.current + offset * STEP)
        result = await verify(client, await mfa_token(client, who), far)
        assert result["errors"] == [{"code": "INVALID_CODE", "field": "code"}], offset
    near = secret.at(clock.current + STEP)
    assert (await verify(client, await mfa_token(client, who), near))["errors"] == []
    # After a newer step was used, an older (still in-window) code is refused.
    older = secret.at(clock.current)
    assert (await verify(client, await mfa_token(client, who), older))["errors"] != []


async def test_a_recovery_code_works_once(client: httpx.AsyncClient) -> None:
    from meterwise.services.identity import mfa

    _, who = await signed_in(client, mfa=False)
    viewer = Viewer(user_id=who.user_id, account_id=who.account_id, role=Role.OWNER)
    enrollment = await mfa.start_enrollment(viewer, Client(), password=who.password)
    codes = await mfa.confirm_enrollment(viewer, Client(),
                                         pyotp.TOTP(enrollment.secret).now(),
                                         password=who.password)
    assert len(codes) == RECOVERY_CODES
    assert (await verify(client, await mfa_token(client, who), codes[3]))["errors"] == []
    reused = await verify(client, await mfa_token(client, who), codes[3])
    assert reused["errors"] == [{"code": "INVALID_CODE", "field": "code"}]
    # Dashes, case and spaces do not matter; another code still works.
    assert (await verify(client, await mfa_token(client, who),
                         codes[4].upper().replace("-", " ")))["errors"] == []


async def test_an_mfa_token_is_single_use(client: httpx.AsyncClient, clock: FakeClock) -> None:
    _, who = await signed_in(client)
    pending = await mfa_token(client, who)
    assert (await verify(client, pending, who.totp()))["errors"] == []
    clock.advance(STEP)
    second = await verify(client, pending, who.totp())
    assert second["errors"] == [{"code": "INVALID_CODE", "field": "mfaToken"}]


async def test_mfa_token_expires(client: httpx.AsyncClient, clock: FakeClock) -> None:
    _, who = await signed_in(client)
    pending = await mfa_token(client, who)
    clock.advance(timedelta(minutes=6))
    late = await verify(client, pending, who.totp())
    assert late["errors"] == [{"code": "INVALID_CODE", "field": "mfaToken"}]


async def test_step_up_rotates_the_session(client: httpx.AsyncClient, clock: FakeClock) -> None:
    token, who = await signed_in(client)
    _, member = await signed_in(client, Role.MEMBER, account=who.account_id, mfa=False)
    clock.advance(timedelta(minutes=11))  # the sign-in verification is no longer fresh
    change = """mutation($id: ID!) { changeMemberRole(memberId: $id, role: ADMIN)
        { member { role } errors { code } } }"""
    stale = await gql(client, change, {"id": str(member.membership_id)}, token=token)
    assert stale["data"]["changeMemberRole"]["errors"] == [{"code": "STEP_UP_REQUIRED"}]
    stepped = await verify(client, None, who.totp(), bearer=token)
    new_token = stepped["token"]
    assert stepped["errors"] == [] and isinstance(new_token, str) and new_token != token
    assert (await gql(client, "{ me { id } }", token=token)) == {"data": {"me": None}}
    fresh = await gql(client, change, {"id": str(member.membership_id)}, token=new_token)
    assert fresh["data"]["changeMemberRole"] == {"member": {"role": "ADMIN"}, "errors": []}


async def test_unenrolled_member_of_mfa_account_is_gated(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, mfa=False)
    assert (await gql(client, "{ me { id } }", token=token))["data"]["me"] is not None
    body = await gql(client, "{ members { id } }", token=token)
    assert error_code(body) == "MFA_REQUIRED"
    started = await gql(client, "mutation($p: String!) { startTotpEnrollment(password: $p) "
                        "{ secret errors { code } } }", {"p": who.password}, token=token)
    assert started["data"]["startTotpEnrollment"]["errors"] == []
