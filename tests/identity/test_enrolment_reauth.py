"""A stolen session must not mint its own second factor and pass step-up with it.

The attack: a session (cookie or token) of a user who never enrolled MFA enrols TOTP on an
authenticator the thief holds, then answers ``verifyMfa`` with it and changes access.
Enrolling now needs the current password at both steps (throttled like sign-in) unless the
session signed in less than ``ENROLMENT_FRESH`` ago (the contract's sign-up → enrol flow
takes no password), API tokens never enrol, and a user without a factor cannot step up.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pyotp
import pytest

from meterwise.clock import now
from meterwise.models.audit import AuditEvent
from meterwise.models.identity import ApiToken, Session, User
from meterwise.services.identity.mfa import ENROLMENT_FRESH
from tests.adversary.support import LiveServer
from tests.adversary.test_operations import full_token
from tests.support.identity import FakeClock, Who, gql, new_account, signed_in

START = """mutation { startTotpEnrollment { secret errors { code field } } }"""  # no password
CONFIRM = """mutation($c: String!) { confirmTotpEnrollment(code: $c) {
  recoveryCodes errors { code } } }"""
START_WITH = """mutation($p: String!) { startTotpEnrollment(password: $p) {
  secret errors { code field } } }"""
CONFIRM_WITH = """mutation($c: String!, $p: String!) { confirmTotpEnrollment(code: $c,
  password: $p) { recoveryCodes errors { code field } } }"""
STEP_UP = """mutation($c: String!) { verifyMfa(input: {code: $c}) {
  token errors { code field } } }"""
MINT_FULL = """mutation { createApiToken(input: {name: "thief", scope: FULL}) {
  token errors { code } } }"""
LOG_IN = """mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p})
  { token errors { code } } }"""
WRONG = "not the password at all"


async def _victim() -> tuple[str, Who]:
    """A session of an owner who never enrolled, in an account that does not require MFA:
    everything works but step-up. It signed in longer ago than ``ENROLMENT_FRESH`` (the
    thief took it later), so its age alone no longer vouches for the password."""
    token, who = await signed_in(account=await new_account(mfa_required=False), mfa=False)
    await Session.filter(user_id=who.user_id).update(
        created_at=now() - ENROLMENT_FRESH - timedelta(seconds=1))
    return token, who


def _secret_of(body: dict[str, Any]) -> str | None:
    started = (body.get("data") or {}).get("startTotpEnrollment") or {}
    secret: str | None = started.get("secret")
    return secret


async def _no_factor(who: Who) -> bool:
    user = await User.get(id=who.user_id)
    return not user.totp_enabled and user.totp_secret_sealed is None


async def test_a_stolen_session_cannot_enrol_and_step_up_over_http(
        client: httpx.AsyncClient) -> None:
    stolen, who = await _victim()
    started = await gql(client, START, token=stolen)
    assert started["data"]["startTotpEnrollment"] == {  # the password is required
        "secret": None, "errors": [{"code": "STEP_UP_REQUIRED", "field": "password"}]}
    secret = pyotp.random_base32()  # whatever it tries, it has no enrolled secret
    await gql(client, CONFIRM, {"c": pyotp.TOTP(secret).now()}, token=stolen)
    wrong = await gql(client, START_WITH, {"p": WRONG}, token=stolen)
    assert wrong["data"]["startTotpEnrollment"] == {
        "secret": None, "errors": [{"code": "INVALID_CREDENTIALS", "field": "password"}]}
    assert await _no_factor(who)
    refused = (await gql(client, STEP_UP, {"c": "123456"}, token=stolen))["data"]["verifyMfa"]
    assert refused == {"token": None, "errors": [{"code": "INVALID_CODE", "field": "code"}]}
    minted = (await gql(client, MINT_FULL, token=stolen))["data"]["createApiToken"]
    assert minted == {"token": None, "errors": [{"code": "STEP_UP_REQUIRED"}]}
    assert await AuditEvent.filter(action="mfa.enroll_failed", actor_id=who.user_id).count() == 1


async def test_the_password_holder_enrols_then_steps_up(client: httpx.AsyncClient,
                                                       clock: FakeClock) -> None:
    token, who = await _victim()
    started = (await gql(client, START_WITH, {"p": who.password}, token=token))[
        "data"]["startTotpEnrollment"]
    assert started["errors"] == []
    totp = pyotp.TOTP(started["secret"])
    unconfirmed = await gql(client, CONFIRM_WITH, {"c": totp.at(clock.current), "p": WRONG},
                            token=token)
    assert unconfirmed["data"]["confirmTotpEnrollment"]["errors"] == [
        {"code": "INVALID_CREDENTIALS", "field": "password"}]
    confirmed = await gql(client, CONFIRM_WITH, {"c": totp.at(clock.current),
                                                 "p": who.password}, token=token)
    assert confirmed["data"]["confirmTotpEnrollment"]["errors"] == []
    # Replacing the factor needs it turned off first (step-up: a current code, + password).
    again = await gql(client, START_WITH, {"p": who.password}, token=token)
    assert again["data"]["startTotpEnrollment"]["errors"] == [
        {"code": "ALREADY_EXISTS", "field": None}]
    clock.advance(timedelta(seconds=30))
    stepped = (await gql(client, STEP_UP, {"c": totp.at(clock.current)}, token=token))[
        "data"]["verifyMfa"]
    assert stepped["errors"] == []
    minted = (await gql(client, MINT_FULL, token=stepped["token"]))["data"]["createApiToken"]
    assert minted["errors"] == [] and minted["token"]


async def test_guessing_the_password_through_enrolment_is_throttled_like_sign_in(
        client: httpx.AsyncClient, clock: FakeClock) -> None:
    stolen, who = await _victim()
    for _ in range(10):
        body = await gql(client, START_WITH, {"p": WRONG}, token=stolen)
        assert body["data"]["startTotpEnrollment"]["errors"][0]["code"] == \
            "INVALID_CREDENTIALS"
    eleventh = await gql(client, CONFIRM_WITH, {"c": "123456", "p": who.password},
                         token=stolen)
    assert eleventh["errors"][0]["extensions"]["code"] == "RATE_LIMITED", eleventh
    signing_in = await gql(client, LOG_IN, {"e": who.email, "p": who.password})
    assert signing_in["errors"][0]["extensions"]["code"] == "RATE_LIMITED"  # one counter
    assert await _no_factor(who)


async def test_api_tokens_never_enrol_over_http(client: httpx.AsyncClient) -> None:
    _, who = await _victim()
    leaked = await full_token(who)
    for query, variables in ((START_WITH, {"p": who.password}),
                             (CONFIRM_WITH, {"c": "123456", "p": who.password})):
        body = await gql(client, query, variables, token=leaked)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
    assert await _no_factor(who)


@pytest.mark.slow
async def test_a_stolen_session_or_token_cannot_enrol_over_a_socket(
        live_identity: LiveServer) -> None:
    stolen, who = await _victim()
    async with live_identity.socket(stolen) as ws:
        assert _secret_of(await ws.execute(START)) is None
        wrong = await ws.execute(START_WITH, {"p": WRONG})
        assert wrong["data"]["startTotpEnrollment"]["errors"] == [
            {"code": "INVALID_CREDENTIALS", "field": "password"}]
        refused = await ws.execute(STEP_UP, {"c": "123456"})
        assert refused["data"]["verifyMfa"]["errors"] == [
            {"code": "INVALID_CODE", "field": "code"}]
        minted = await ws.execute(MINT_FULL)
        assert minted["data"]["createApiToken"]["errors"] == [{"code": "STEP_UP_REQUIRED"}]
    leaked = await full_token(who)
    async with live_identity.socket(leaked) as ws:
        for query, variables in ((START_WITH, {"p": who.password}),
                                 (CONFIRM_WITH, {"c": "123456", "p": who.password})):
            body = await ws.execute(query, variables)
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
    assert await _no_factor(who)
    assert await ApiToken.filter(user_id=who.user_id).count() == 1  # only the leaked one


async def test_a_fresh_sign_up_enrols_without_the_password_as_the_contract_says(
        client: httpx.AsyncClient) -> None:
    """CONTRACT: ``startTotpEnrollment`` and ``confirmTotpEnrollment(code)`` take no password;
    a session that signed in with it moments ago has just shown it."""
    token, who = await signed_in(account=await new_account(mfa_required=False), mfa=False)
    started = await gql(client, START, token=token)
    secret = _secret_of(started)
    assert secret is not None, started
    confirmed = (await gql(client, CONFIRM, {"c": pyotp.TOTP(secret).now()}, token=token))[
        "data"]["confirmTotpEnrollment"]
    assert confirmed["errors"] == [] and len(confirmed["recoveryCodes"]) == 10
    assert (await User.get(id=who.user_id)).totp_enabled


async def test_freshness_ends_after_the_window(client: httpx.AsyncClient,
                                               clock: FakeClock) -> None:
    token, _ = await signed_in(account=await new_account(mfa_required=False), mfa=False)
    clock.advance(ENROLMENT_FRESH + timedelta(seconds=1))
    refused = (await gql(client, START, token=token))["data"]["startTotpEnrollment"]
    assert refused["errors"] == [{"code": "STEP_UP_REQUIRED", "field": "password"}]
