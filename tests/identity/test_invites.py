"""Invites: used, expired and unknown codes fail the same way; member invites carry a role."""

from __future__ import annotations

from datetime import timedelta

import httpx

from meterwise.models.identity import Membership, Role
from meterwise.services.identity import invites
from tests.support.identity import FakeClock, error_code, gql, signed_in

SIGN_UP = """mutation($c: String!, $e: String!) { signUp(input: {inviteCode: $c, email: $e,
  password: "a long enough passphrase 9", accountName: "Acme"}) { token user { id }
  errors { code message field } } }"""


async def sign_up(client: httpx.AsyncClient, code: str, email: str) -> dict[str, object]:
    payload: dict[str, object] = (await gql(client, SIGN_UP, {"c": code, "e": email}))[
        "data"]["signUp"]
    return payload


async def test_used_expired_and_unknown_invites_fail_identically(
        client: httpx.AsyncClient, clock: FakeClock) -> None:
    used = await invites.create_signup_invite()
    assert (await sign_up(client, used, "first@example.com"))["errors"] == []
    expired = await invites.create_signup_invite(expires_in_days=1)
    clock.advance(timedelta(days=2))
    results = [await sign_up(client, code, f"u{i}@example.com")
               for i, code in enumerate([used, expired, "mwi_" + "x" * 43, "garbage"])]
    assert len({repr(r) for r in results}) == 1
    assert results[0] == {"token": None, "user": None, "errors": [
        {"code": "INVALID_INVITE", "message": "This invite code is not valid.",
         "field": "inviteCode"}]}


async def test_weak_passwords_are_refused(client: httpx.AsyncClient) -> None:
    code = await invites.create_signup_invite()
    for password in ("short", "password1234", "me@example.com and more"):
        body = await gql(client, SIGN_UP.replace('"a long enough passphrase 9"', "$p")
                         .replace("$e: String!)", "$e: String!, $p: String!)"),
                         {"c": code, "e": "me@example.com", "p": password})
        assert body["data"]["signUp"]["errors"][0]["code"] == "WEAK_PASSWORD", password


async def test_member_invite_joins_the_account_with_its_role(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client, Role.ADMIN)
    body = await gql(client, """mutation { inviteMember(input: {role: VIEWER, uses: 1})
        { code invite { role maxUses } errors { code } } }""", token=token)
    invite = body["data"]["inviteMember"]
    assert invite["invite"] == {"role": "VIEWER", "maxUses": 1}
    joined = await sign_up(client, invite["code"], "new@example.com")
    assert joined["errors"] == []
    membership = await Membership.get(user_id=joined["user"]["id"])  # type: ignore[index]
    assert (membership.account_id, membership.role) == (who.account_id, Role.VIEWER)
    again = await sign_up(client, invite["code"], "other@example.com")
    assert again["errors"][0]["code"] == "INVALID_INVITE"  # type: ignore[index]


async def test_admins_cannot_invite_owners(client: httpx.AsyncClient) -> None:
    token, _ = await signed_in(client, Role.ADMIN)
    body = await gql(client, "mutation { inviteMember(input: {role: OWNER}) { code } }",
                     token=token)
    assert error_code(body) == "FORBIDDEN"


async def test_the_last_owner_cannot_be_demoted(client: httpx.AsyncClient) -> None:
    token, who = await signed_in(client)
    body = await gql(client, """mutation($id: ID!) { changeMemberRole(memberId: $id,
        role: ADMIN) { errors { code field } } }""", {"id": str(who.membership_id)},
                     token=token)
    assert body["data"]["changeMemberRole"]["errors"] == [{"code": "INVALID_INPUT",
                                                           "field": "role"}]
