"""Sessions expire (idle, absolute) and are revoked; cookies need CSRF; API tokens."""

from __future__ import annotations

from datetime import timedelta

import httpx

from meterwise.models.identity import Role
from meterwise.services.identity.sessions import csrf_token_for
from meterwise.web.credentials import CSRF_COOKIE, SESSION_COOKIE
from tests.support.identity import FakeClock, error_code, gql, signed_in

ME = "{ me { id } }"


async def me(client: httpx.AsyncClient, token: str) -> object:
    return (await gql(client, ME, token=token))["data"]["me"]


async def test_idle_session_expires(client: httpx.AsyncClient, clock: FakeClock) -> None:
    token, _ = await signed_in(client)
    clock.advance(timedelta(minutes=29))
    assert await me(client, token) is not None  # use resets the idle timer
    clock.advance(timedelta(minutes=29))
    assert await me(client, token) is not None
    clock.advance(timedelta(minutes=31))
    assert await me(client, token) is None


async def test_absolute_lifetime_ends_a_busy_session(client: httpx.AsyncClient,
                                                     clock: FakeClock) -> None:
    token, _ = await signed_in(client)
    for _ in range(11 * 3):  # every 20 minutes for 11 hours
        clock.advance(timedelta(minutes=20))
        assert await me(client, token) is not None
    clock.advance(timedelta(minutes=61))
    assert await me(client, token) is None


async def test_log_out_revokes(client: httpx.AsyncClient) -> None:
    token, _ = await signed_in(client)
    assert (await gql(client, "mutation { logOut }", token=token))["data"]["logOut"] is True
    assert await me(client, token) is None


async def test_password_change_revokes_other_sessions(client: httpx.AsyncClient) -> None:
    from meterwise.models.identity import User
    from meterwise.services.identity.common import Client
    from meterwise.services.identity.sessions import start_session

    token, who = await signed_in(client)
    other = await start_session(await User.get(id=who.user_id), who.account_id, Client(),
                                mfa_verified=True)
    body = await gql(client, """mutation($c: String!) { changePassword(input: {currentPassword:
        $c, newPassword: "another long passphrase 7"}) { ok errors { code } } }""",
                     {"c": who.password}, token=token)
    assert body["data"]["changePassword"] == {"ok": True, "errors": []}
    assert await me(client, token) is not None
    assert await me(client, other) is None


async def test_disabling_mfa_revokes_other_sessions(client: httpx.AsyncClient) -> None:
    from meterwise.models.identity import User
    from meterwise.services.identity.common import Client
    from meterwise.services.identity.sessions import start_session

    token, who = await signed_in(client)
    other = await start_session(await User.get(id=who.user_id), who.account_id, Client(),
                                mfa_verified=True)
    body = await gql(client, "mutation($p: String!) { disableMfa(password: $p) { ok } }",
                     {"p": who.password}, token=token)
    assert body["data"]["disableMfa"] == {"ok": True}
    assert await me(client, other) is None
    # MFA is required in this account and now off: back behind the gate.
    assert error_code(await gql(client, "{ account { id } }", token=token)) == "MFA_REQUIRED"


async def test_admin_revokes_a_member_session(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.ADMIN)
    member_token, _ = await signed_in(client, Role.MEMBER, account=who.account_id)
    sessions = (await gql(client, "{ sessions { id current } }", token=token))["data"]
    others = [s["id"] for s in sessions["sessions"] if not s["current"]]
    assert len(others) == 1
    await gql(client, "mutation($id: ID!) { revokeSession(id: $id) { ok } }",
              {"id": others[0]}, token=token)
    assert await me(client, member_token) is None


async def test_cookie_session_needs_the_csrf_header(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    cookies = {SESSION_COOKIE: token, CSRF_COOKIE: csrf_token_for(token)}
    cookie_header = "; ".join(f"{k}={v}" for k, v in cookies.items())
    without = await gql(client, ME, headers={"cookie": cookie_header})
    assert without == {"data": {"me": None}}
    wrong = await gql(client, ME, headers={"cookie": cookie_header, "x-csrf-token": "nope"})
    assert wrong == {"data": {"me": None}}
    right = await gql(client, ME, headers={"cookie": cookie_header,
                                           "x-csrf-token": csrf_token_for(token)})
    assert right == {"data": {"me": {"id": str(who.user_id)}}}


async def test_log_in_sets_secure_cookies(client: httpx.AsyncClient) -> None:
    _, who = await signed_in(client, mfa=False)
    response = await client.post("/graphql", json={
        "query": "mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p})"
                 " { token } }", "variables": {"e": who.email, "p": who.password}})
    cookies = response.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith(SESSION_COOKIE + "="))
    csrf = next(c for c in cookies if c.startswith(CSRF_COOKIE + "="))
    for flag in ("HttpOnly", "Secure", "SameSite=strict", "Path=/"):
        assert flag.lower() in session.lower()
    assert "httponly" not in csrf.lower() and "samesite=strict" in csrf.lower()
    for cookie in (session, csrf):  # what the __Host- prefix requires of the server
        assert cookie.startswith("__Host-")
        assert "secure" in cookie.lower() and "path=/" in cookie.lower()
        assert "domain=" not in cookie.lower()


async def test_api_tokens_scope_expiry_and_revocation(client: httpx.AsyncClient,
                                                      clock: FakeClock) -> None:
    token, _ = await signed_in(client)
    create = """mutation($s: ApiTokenScope!, $d: Int!) { createApiToken(input: {name: "ci",
        scope: $s, expiresInDays: $d}) { token apiToken { id } } }"""
    reader = (await gql(client, create, {"s": "READ_USAGE", "d": 90}, token=token))
    read_token = reader["data"]["createApiToken"]["token"]
    full = (await gql(client, create, {"s": "FULL", "d": 2}, token=token))["data"]
    full_token = full["createApiToken"]["token"]
    assert (await gql(client, "{ account { id } }", token=read_token))["data"] is not None
    assert error_code(await gql(client, "{ members { id } }", token=read_token)) == "FORBIDDEN"
    assert (await gql(client, "{ members { id } }", token=full_token))["data"] is not None
    listed = (await gql(client, "{ apiTokens { id lastUsedAt } }", token=token))["data"]
    assert all(row["lastUsedAt"] is not None for row in listed["apiTokens"])
    clock.advance(timedelta(days=3))  # the FULL token's 2 days are over
    assert await me(client, full_token) is None
    assert await me(client, read_token) is not None
    clock.advance(timedelta(days=31))  # unused for 30 days: expired on its own
    assert await me(client, read_token) is None


async def test_revoked_api_token_stops_working(client: httpx.AsyncClient) -> None:
    token, _ = await signed_in(client)
    created = await gql(client, """mutation { createApiToken(input: {name: "x"})
        { token apiToken { id } } }""", token=token)
    api_token = created["data"]["createApiToken"]["token"]
    token_id = created["data"]["createApiToken"]["apiToken"]["id"]
    assert await me(client, api_token) is not None
    await gql(client, "mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { active } } }",
              {"id": token_id}, token=token)
    assert await me(client, api_token) is None


async def test_member_cannot_revoke_someone_elses_token(client: httpx.AsyncClient) -> None:
    owner_token, who = await signed_in(client)
    member_token, _ = await signed_in(client, Role.MEMBER, account=who.account_id)
    created = await gql(client, """mutation { createApiToken(input: {name: "x"})
        { apiToken { id } } }""", token=owner_token)
    token_id = created["data"]["createApiToken"]["apiToken"]["id"]
    body = await gql(client, "mutation($id: ID!) { revokeApiToken(id: $id) { errors { code } } }",
                     {"id": token_id}, token=member_token)
    assert body["data"]["revokeApiToken"]["errors"] == [{"code": "NOT_FOUND"}]


async def test_purge_job_drops_long_dead_sessions(client: httpx.AsyncClient,
                                                  clock: FakeClock) -> None:
    from meterwise.models.identity import Session
    from meterwise.tasks.identity import purge_expired

    token, _ = await signed_in(client)
    await gql(client, "mutation { logOut }", token=token)
    await purge_expired()
    assert await Session.all().count() == 1  # kept a while for access review
    clock.advance(timedelta(days=31))
    await purge_expired()
    assert await Session.all().count() == 0


async def test_access_review_lists_return_at_most_first(client: httpx.AsyncClient) -> None:
    owner, who = await signed_in(client)
    for role in (Role.ADMIN, Role.MEMBER, Role.VIEWER):
        await signed_in(client, role=role, account=who.account_id)
    query = "query($n: Int) { members(first: $n) { role } sessions(first: $n) { id } }"
    for first, expected in ((2, 2), (0, 0), (None, 4)):
        body = await gql(client, query, {"n": first}, token=owner)
        assert len(body["data"]["members"]) == expected, first
        assert len(body["data"]["sessions"]) == expected, first
