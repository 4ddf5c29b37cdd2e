"""Brute force: the 11th rapid wrong password is throttled; unknown emails look the same."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx

from tests.support.identity import FakeClock, gql, signed_in

LOG_IN = """mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p})
  { token mfaRequired errors { code message } } }"""


async def test_eleventh_rapid_wrong_password_is_throttled(client: httpx.AsyncClient,
                                                          clock: FakeClock) -> None:
    _, who = await signed_in(client, mfa=False)
    for _ in range(10):
        body = await gql(client, LOG_IN, {"e": who.email, "p": "wrong password here"})
        assert body["data"]["logIn"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    eleventh = await gql(client, LOG_IN, {"e": who.email, "p": "wrong password here"})
    assert eleventh["data"] is None
    error = eleventh["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert 800 <= error["extensions"]["retryAfter"] <= 900
    # Locked: even the right password is refused until the lock ends.
    right = await gql(client, LOG_IN, {"e": who.email, "p": who.password})
    assert right["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    clock.advance(timedelta(minutes=16))
    after = await gql(client, LOG_IN, {"e": who.email, "p": who.password})
    assert after["data"]["logIn"]["token"].startswith("mws_")


async def test_unknown_email_fails_like_a_wrong_password(client: httpx.AsyncClient) -> None:
    _, who = await signed_in(client, mfa=False)
    started = time.perf_counter()
    known = await gql(client, LOG_IN, {"e": who.email, "p": "not the password 1"})
    known_s = time.perf_counter() - started
    started = time.perf_counter()
    unknown = await gql(client, LOG_IN, {"e": "nobody@example.com", "p": "not the password 1"})
    unknown_s = time.perf_counter() - started
    assert known == unknown
    assert abs(known_s - unknown_s) < 0.5  # both spend an argon2 verification
    for _ in range(10):
        await gql(client, LOG_IN, {"e": "nobody@example.com", "p": "x" * 12})
    locked = await gql(client, LOG_IN, {"e": "nobody@example.com", "p": "x" * 12})
    assert locked["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


async def test_mfa_codes_are_throttled(client: httpx.AsyncClient) -> None:
    _, who = await signed_in(client)
    verify = """mutation($t: String!) { verifyMfa(input: {mfaToken: $t, code: "000000"})
        { errors { code } } }"""
    codes = []
    for _ in range(3):  # an mfaToken burns after 5 failures: take new ones
        login = await gql(client, LOG_IN.replace("token mfaRequired", "mfaToken"),
                          {"e": who.email, "p": who.password})
        pending = login["data"]["logIn"]["mfaToken"]
        for _ in range(4):
            body = await gql(client, verify, {"t": pending})
            codes.append(body["errors"][0]["extensions"]["code"] if body.get("errors")
                         else body["data"]["verifyMfa"]["errors"][0]["code"])
    assert codes[:10] == ["INVALID_CODE"] * 10
    assert codes[10:] == ["RATE_LIMITED"] * 2
