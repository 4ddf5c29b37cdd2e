"""Account deletion against a real server: from the moment ``deleteAccount`` commits the
account is gone for every credential path, long before the worker purges its rows.

The live server's job queue is Redis and no worker runs in this session, so the purge job
stays queued: exactly the window the review found (sign in again, mint tokens).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from meterwise import clock
from meterwise.models.identity import ApiToken, Session
from meterwise.security.tokens import API_TOKEN_PREFIX, SESSION_PREFIX, hash_token, new_token
from tests.adversary.support import LiveServer
from tests.support.identity import Who, signed_in

pytestmark = pytest.mark.slow

DELETE = """mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) {
  deletedId errors { code } } }"""
LOG_IN = """mutation($input: LogInInput!) { logIn(input: $input) {
  token mfaRequired mfaToken errors { code } } }"""
VERIFY = """mutation($input: VerifyMfaInput!) { verifyMfa(input: $input) {
  token errors { code } } }"""
MINT = """mutation { createApiToken(input: {name: "after"}) {
  token errors { code } } }"""


async def _delete(live: LiveServer, token: str, who: Who) -> None:
    body = await live.gql(DELETE, {"input": {"password": who.password, "code": who.totp()}},
                          token=token)
    assert body["data"]["deleteAccount"]["errors"] == [], body


async def _stragglers(who: Who) -> tuple[str, str]:
    """A session and an API token written after the deletion committed (a request that
    was mid-flight, or a row a restore brought back): neither may resolve."""
    now = clock.now()
    session = new_token(SESSION_PREFIX)
    await Session.create(user_id=who.user_id, account_id=who.account_id,
                         token_hash=hash_token(session), created_at=now, last_seen_at=now,
                         expires_at=now + timedelta(hours=1), mfa_verified_at=now,
                         ip="127.0.0.1", user_agent="straggler")
    api = new_token(API_TOKEN_PREFIX)
    await ApiToken.create(account_id=who.account_id, user_id=who.user_id, name="straggler",
                          scope="read_usage", token_hash=hash_token(api), created_at=now,
                          expires_at=now + timedelta(days=1))
    return session, api


async def test_sign_in_after_delete_account_is_refused_over_http(live: LiveServer) -> None:
    token, who = await signed_in()
    await _delete(live, token, who)
    body = await live.gql(LOG_IN, {"input": {"email": who.email, "password": who.password}})
    login = body["data"]["logIn"]
    if login["mfaToken"]:  # the old behaviour: go on and finish the sign-in, then mint
        code = who.totp(clock.now() + timedelta(seconds=30))
        verified = await live.gql(VERIFY, {"input": {"mfaToken": login["mfaToken"],
                                                     "code": code}})
        new_token_ = verified["data"]["verifyMfa"]["token"]
        minted = await live.gql(MINT, token=new_token_) if new_token_ else {}
        pytest.fail(f"signed in after deleteAccount: {verified} then {minted}")
    assert login["token"] is None
    assert [e["code"] for e in login["errors"]] == ["INVALID_CREDENTIALS"]


async def test_straggler_credentials_of_a_deleted_account_resolve_to_nobody(
        live: LiveServer) -> None:
    token, who = await signed_in()
    await _delete(live, token, who)
    session, api = await _stragglers(who)
    for credential in (token, session, api):
        body = await live.gql("{ me { id } }", token=credential)
        assert body.get("data") in (None, {"me": None}), body
        minted = await live.gql(MINT, token=credential)
        assert not (minted.get("data") or {}).get("createApiToken"), minted


async def test_websocket_of_a_deleted_account_is_refused(live: LiveServer) -> None:
    token, who = await signed_in()
    await _delete(live, token, who)
    session, api = await _stragglers(who)
    for credential in (session, api):
        async with live.socket(credential, ack=False) as ws:
            first = await ws.execute("{ me { id } }")
            assert first.get("closed") == 4403 or first.get("data") in (None, {"me": None}), first
