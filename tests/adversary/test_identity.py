"""Identity attacks (issue 10) against a real server: invites that outlive their creator,
sign-up as a free argon2 / email oracle, unthrottled deleteAccount guesses, silent TOTP
guessing, racing an mfaToken's failure count, cookie tossing, unkeyed recovery codes.

Each test gives itself a client IP of its own (``X-Forwarded-For`` from the trusted
loopback peer), so throttle counters never leak between tests. ``tight`` is a second
server with a throttle of 2 attempts and no delays, for the attacks that need to reach a
limit quickly; its per-IP auth rate limit is lifted, as a fragment-hidden call once
slipped past it, so what these tests meet is the database throttle of the services.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyotp
import pytest

from meterwise import clock
from meterwise.config import Settings
from meterwise.models.audit import AuditEvent
from meterwise.models.identity import Invite, Membership, RecoveryCode, Role, Session, User
from meterwise.models.shield import SecurityEvent
from meterwise.security.totp import RECOVERY_CODE_CHARS
from meterwise.services.identity import invites
from meterwise.services.identity.sessions import csrf_token_for
from meterwise.web.credentials import CSRF_COOKIE, SESSION_COOKIE
from tests.adversary.support import LiveServer, start_live_server
from tests.support.identity import Who, signed_in

pytestmark = pytest.mark.slow

TIGHT_ATTEMPTS = 2  # the tight server's throttle_max_attempts (IPs get 5x)

SIGN_UP = """mutation($c: String!, $e: String!, $p: String!) { signUp(input: {inviteCode: $c,
  email: $e, password: $p, accountName: "Acme"}) { token user { id } errors { code message
  field } } }"""
INVITE = """mutation($r: Role!, $u: Int!) { inviteMember(input: {role: $r, uses: $u})
  { code invite { id role } errors { code } } }"""
LOG_IN = """mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p})
  { token mfaRequired mfaToken errors { code } } }"""
VERIFY = """mutation($t: String, $c: String!) { verifyMfa(input: {mfaToken: $t, code: $c})
  { token errors { code field } } }"""
PASSWORD = "a long enough passphrase 9"
MAX_CHALLENGE_ATTEMPTS = 5  # codes one mfaToken may have checked (login.MAX_CHALLENGE_ATTEMPTS)


@pytest.fixture(scope="module")
def tight(settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
          data_dir: Path, app: object) -> Iterator[LiveServer]:
    with start_live_server(settings, database_url=database_url, redis_url=redis_url,
                           redis_prefix=redis_prefix, data_dir=data_dir,
                           throttle_max_attempts=str(TIGHT_ATTEMPTS),
                           throttle_delay_base_seconds="0",
                           rate_limit_auth_attempts="1000") as server:
        yield server


def from_ip() -> dict[str, str]:
    """Headers of a request from a fresh documentation-range client address."""
    return {"x-forwarded-for": f"198.51.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"}


def email() -> str:
    return f"h3-{secrets.token_hex(5)}@example.com"


async def sign_up(server: LiveServer, code: str, address: str,
                  headers: dict[str, str]) -> dict[str, Any]:
    body = await server.gql(SIGN_UP, {"c": code, "e": address, "p": PASSWORD},
                            headers=headers)
    return body


def payload(body: dict[str, Any]) -> Any:
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


def code_of(body: dict[str, Any]) -> str | None:
    errors = body.get("errors") or []
    return errors[0].get("extensions", {}).get("code") if errors else None


async def invite_as(server: LiveServer, token: str, role: str, uses: int = 1000) -> str:
    result = payload(await server.gql(INVITE, {"r": role, "u": uses}, token=token,
                                      headers=from_ip()))
    assert result["errors"] == [], result
    code: str = result["code"]
    return code


# --- invites --------------------------------------------------------------------------------


async def test_a_removed_admins_invite_no_longer_admits_anyone(live: LiveServer) -> None:
    owner_token, owner = await signed_in()
    admin_token, admin = await signed_in(role=Role.ADMIN, account=owner.account_id)
    code = await invite_as(live, admin_token, "ADMIN")
    removed = await live.gql("mutation($id: ID!) { removeMember(memberId: $id) { ok } }",
                             {"id": str(admin.membership_id)}, token=owner_token)
    assert payload(removed) == {"ok": True}
    stranger = await sign_up(live, code, email(), from_ip())
    assert payload(stranger)["errors"] == [{"code": "INVALID_INVITE",
                                            "message": invites.INVALID, "field": "inviteCode"}]
    assert await Membership.filter(account_id=owner.account_id, role=Role.ADMIN).count() == 0


async def test_a_demoted_admins_admin_invite_is_revoked_over_websocket(
        live: LiveServer) -> None:
    owner_token, owner = await signed_in()
    admin_token, admin = await signed_in(role=Role.ADMIN, account=owner.account_id)
    admin_code = await invite_as(live, admin_token, "ADMIN")
    viewer_code = await invite_as(live, admin_token, "VIEWER")
    async with live.socket(owner_token) as ws:
        changed = await ws.execute("""mutation($id: ID!) { changeMemberRole(memberId: $id,
            role: MEMBER) { member { role } errors { code } } }""",
                                   {"id": str(admin.membership_id)})
        assert changed["data"]["changeMemberRole"] == {"member": {"role": "MEMBER"},
                                                       "errors": []}
    refused = await sign_up(live, admin_code, email(), from_ip())
    assert payload(refused)["errors"][0]["code"] == "INVALID_INVITE"
    async with live.socket(owner_token) as ws:
        listed = await ws.execute("{ invites { role createdById usesLeft } }")
    assert listed["data"]["invites"] == [{"role": "VIEWER", "createdById": str(admin.user_id),
                                          "usesLeft": 1000}]
    kept = await sign_up(live, viewer_code, email(), from_ip())
    assert payload(kept)["errors"] == []  # what a MEMBER may still hand out stays valid


async def test_an_invite_is_refused_when_its_creator_lost_the_role_behind_it(
        live: LiveServer) -> None:
    """Redemption re-checks the creator's role, whatever path lowered it."""
    _, owner = await signed_in()
    admin_token, admin = await signed_in(role=Role.ADMIN, account=owner.account_id)
    code = await invite_as(live, admin_token, "ADMIN")
    await Membership.filter(id=admin.membership_id).update(role=Role.VIEWER)
    refused = await sign_up(live, code, email(), from_ip())
    assert payload(refused)["errors"][0]["code"] == "INVALID_INVITE"
    invite = await Invite.get(code_hash=hashlib.sha256(code.encode()).hexdigest())
    assert invite.uses == 0  # the refused attempt spent nothing


async def test_invites_are_listed_and_revocable(live: LiveServer) -> None:
    owner_token, owner = await signed_in()
    admin_token, _ = await signed_in(role=Role.ADMIN, account=owner.account_id)
    foreign_token, _ = await signed_in()
    first = await invite_as(live, admin_token, "MEMBER", uses=3)
    second = await invite_as(live, owner_token, "VIEWER", uses=1)
    rows = payload(await live.gql("{ invites { id role usesLeft createdByEmail } }",
                                  token=owner_token))
    assert [r["role"] for r in rows] == ["VIEWER", "MEMBER"]  # newest first
    member_invite = rows[1]["id"]
    async with live.socket(admin_token) as ws:
        revoked = await ws.execute("""mutation($id: ID!) { revokeInvite(id: $id)
            { invite { id revokedAt } errors { code } } }""", {"id": member_invite})
    assert revoked["data"]["revokeInvite"]["errors"] == []
    assert revoked["data"]["revokeInvite"]["invite"]["revokedAt"] is not None
    assert payload(await sign_up(live, first, email(), from_ip()))["errors"][0]["code"] \
        == "INVALID_INVITE"
    assert payload(await sign_up(live, second, email(), from_ip()))["errors"] == []
    assert payload(await live.gql("{ invites { id } }", token=owner_token)) == []
    other = payload(await live.gql("""mutation($id: ID!) { revokeInvite(id: $id)
        { invite { id } errors { code } } }""", {"id": member_invite}, token=foreign_token))
    assert other == {"invite": None, "errors": [{"code": "NOT_FOUND"}]}
    assert await AuditEvent.filter(action="invite.revoked", account_id=owner.account_id,
                                   target=member_invite).count() == 1


async def test_minting_an_admin_invite_needs_a_fresh_second_factor(live: LiveServer) -> None:
    admin_token, admin = await signed_in(role=Role.ADMIN)
    await Session.filter(user_id=admin.user_id).update(
        mfa_verified_at=clock.now() - timedelta(hours=1))
    stale = payload(await live.gql(INVITE, {"r": "ADMIN", "u": 1}, token=admin_token))
    assert stale == {"code": None, "invite": None, "errors": [{"code": "STEP_UP_REQUIRED"}]}
    member = payload(await live.gql(INVITE, {"r": "MEMBER", "u": 1}, token=admin_token))
    assert member["errors"] == [] and member["code"].startswith("mwi_")


# --- signUp ---------------------------------------------------------------------------------


async def test_sign_up_never_tells_whether_an_email_exists(live: LiveServer) -> None:
    _, existing = await signed_in()
    code = await invites.create_signup_invite(uses=5)
    headers = from_ip()
    taken = await sign_up(live, code, existing.email, headers)
    bad = await sign_up(live, "mwi_" + secrets.token_urlsafe(32), email(), headers)
    assert taken == bad
    assert payload(taken)["errors"] == [{"code": "INVALID_INVITE", "message": invites.INVALID,
                                         "field": "inviteCode"}]
    assert (await Invite.get(code_hash=hashlib.sha256(code.encode()).hexdigest())).uses == 0


async def test_sign_up_guesses_are_throttled_per_ip(tight: LiveServer) -> None:
    headers = from_ip()
    answers = [code_of(await sign_up(tight, "mwi_" + secrets.token_urlsafe(32), email(),
                                     headers)) for _ in range(TIGHT_ATTEMPTS * 5 + 1)]
    assert answers[:-1] == [None] * (TIGHT_ATTEMPTS * 5)  # INVALID_INVITE in the payload
    assert answers[-1] == "RATE_LIMITED"
    # ...and the lock holds even with a good invite from that address.
    good = await invites.create_signup_invite()
    assert code_of(await sign_up(tight, good, email(), headers)) == "RATE_LIMITED"


async def test_probing_emails_with_one_real_invite_is_throttled(tight: LiveServer) -> None:
    code = await invites.create_signup_invite(uses=100)
    answers = []
    for _ in range(TIGHT_ATTEMPTS + 1):
        _, someone = await signed_in()
        answers.append(code_of(await sign_up(tight, code, someone.email, from_ip())))
    assert answers == [None] * TIGHT_ATTEMPTS + ["RATE_LIMITED"]


# --- deleteAccount, TOTP guessing, the mfaToken race ----------------------------------------


DELETE = """mutation($p: String!, $c: String!) { deleteAccount(input: {password: $p, code: $c})
  { deletedId errors { code } } }"""


async def test_delete_account_password_guessing_is_throttled_and_audited(
        tight: LiveServer) -> None:
    token, who = await signed_in()
    answers = []
    async with tight.socket(token) as ws:
        for i in range(TIGHT_ATTEMPTS + 1):
            body = await ws.execute(DELETE, {"p": f"guess number {i} of many", "c": "000000"})
            answers.append(code_of(body) or body["data"]["deleteAccount"]["errors"][0]["code"])
    assert answers == ["INVALID_CREDENTIALS"] * TIGHT_ATTEMPTS + ["RATE_LIMITED"]
    assert await AuditEvent.filter(action="account.deletion_failed",
                                   actor_id=who.user_id).count() == TIGHT_ATTEMPTS
    assert await User.exists(id=who.user_id)


async def _mfa_token(server: LiveServer, who: Who, headers: dict[str, str]) -> str:
    result = payload(await server.gql(LOG_IN, {"e": who.email, "p": who.password},
                                      headers=headers))
    assert result["mfaRequired"] is True, result
    token: str = result["mfaToken"]
    return token


def _wrong(who: Who) -> str:
    right = who.totp()
    return "123456" if right != "123456" else "654321"


async def test_totp_guessing_after_a_correct_password_raises_one_event(
        live: LiveServer) -> None:
    _, who = await signed_in()
    headers = from_ip()
    for _ in range(2):  # two sign-ins, 3 + 3 wrong codes: one burst of 6
        mfa_token = await _mfa_token(live, who, headers)
        for _ in range(3):
            body = payload(await live.gql(VERIFY, {"t": mfa_token, "c": _wrong(who)},
                                          headers=headers))
            assert body["errors"] == [{"code": "INVALID_CODE", "field": "code"}]
    events = await SecurityEvent.filter(kind="mfa_guessing", account_id=who.account_id)
    assert [(e.details["userId"], e.details["ip"]) for e in events] == [
        (str(who.user_id), headers["x-forwarded-for"])]


async def test_step_up_guessing_over_a_websocket_raises_one_event(live: LiveServer) -> None:
    token, who = await signed_in()
    async with live.socket(token) as ws:
        for _ in range(6):
            body = await ws.execute(VERIFY, {"t": None, "c": _wrong(who)})
            assert body["data"]["verifyMfa"]["errors"] == [{"code": "INVALID_CODE",
                                                            "field": "code"}]
    assert await SecurityEvent.filter(kind="mfa_guessing",
                                      account_id=who.account_id).count() == 1


async def test_concurrent_wrong_codes_cannot_exceed_an_mfa_tokens_limit(
        live: LiveServer) -> None:
    _, who = await signed_in()
    headers = from_ip()
    mfa_token = await _mfa_token(live, who, headers)
    guesses = MAX_CHALLENGE_ATTEMPTS + 3
    bodies = await asyncio.gather(*[
        live.gql(VERIFY, {"t": mfa_token, "c": f"{100000 + i}"}, headers=headers)
        for i in range(guesses)])
    fields = [payload(b)["errors"][0]["field"] for b in bodies]
    assert fields.count("code") == MAX_CHALLENGE_ATTEMPTS  # codes actually checked
    assert fields.count("mfaToken") == guesses - MAX_CHALLENGE_ATTEMPTS  # refused unchecked
    assert await AuditEvent.filter(action="mfa.failed",
                                   actor_id=who.user_id).count() == MAX_CHALLENGE_ATTEMPTS
    after = payload(await live.gql(VERIFY, {"t": mfa_token, "c": who.totp()}, headers=headers))
    assert after["errors"] == [{"code": "INVALID_CODE", "field": "mfaToken"}]  # burnt


# --- cookies, recovery codes ----------------------------------------------------------------


async def test_only_host_prefixed_cookies_are_set_and_accepted(
        live_production: LiveServer) -> None:
    _, who = await signed_in(mfa=False)
    async with live_production.client() as http:
        response = await http.post("/graphql", json={"query": LOG_IN, "variables": {
            "e": who.email, "p": who.password}})
    set_cookies = response.headers.get_list("set-cookie")
    assert sorted(c.split("=", 1)[0] for c in set_cookies) == sorted([CSRF_COOKIE,
                                                                      SESSION_COOKIE])
    assert all(c.split("=", 1)[0].startswith("__Host-") for c in set_cookies)
    token = response.json()["data"]["logIn"]["token"]
    csrf = {"x-csrf-token": csrf_token_for(token)}
    me = "{ me { email } }"
    tossed = await live_production.gql(me, headers={**csrf, "cookie": f"mw_session={token}"})
    assert tossed == {"data": {"me": None}}  # a cookie a sibling subdomain could plant
    real = await live_production.gql(me, headers={**csrf,
                                                  "cookie": f"{SESSION_COOKIE}={token}"})
    assert real == {"data": {"me": {"email": who.email}}}


def _plain_sha256(code: str) -> str:
    normalised = "".join(ch for ch in code.casefold() if ch in RECOVERY_CODE_CHARS)
    return hashlib.sha256(normalised.encode()).hexdigest()


async def test_a_stolen_database_cannot_check_recovery_code_guesses(live: LiveServer) -> None:
    token, who = await signed_in(mfa=False)
    async with live.socket(token) as ws:
        started = await ws.execute("""mutation($p: String!) { startTotpEnrollment(password: $p)
            { secret errors { code } } }""", {"p": who.password})
        secret = started["data"]["startTotpEnrollment"]["secret"]
        confirmed = await ws.execute("""mutation($c: String!, $p: String!) {
            confirmTotpEnrollment(code: $c, password: $p) { recoveryCodes errors { code } } }""",
                                     {"c": pyotp.TOTP(secret).now(), "p": who.password})
    codes = confirmed["data"]["confirmTotpEnrollment"]["recoveryCodes"]
    stored = {row.code_hash for row in await RecoveryCode.filter(user_id=who.user_id)}
    assert len(stored) == len(codes)
    assert stored.isdisjoint({_plain_sha256(c) for c in codes})  # not offline-checkable
    headers = from_ip()
    mfa_token = await _mfa_token(live, who, headers)
    used = payload(await live.gql(VERIFY, {"t": mfa_token, "c": codes[0]}, headers=headers))
    assert used["errors"] == [] and used["token"]
