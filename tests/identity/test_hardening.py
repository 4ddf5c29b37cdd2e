"""Identity hardening seen from inside: what sign-up hashes and when, legacy recovery codes,
which invites a role change revokes."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
import pyotp
import pytest

from meterwise.models.identity import Invite, RecoveryCode, Role
from meterwise.security import passwords
from meterwise.services import vault
from meterwise.services.identity import accounts, invites, members, mfa
from meterwise.services.identity.common import Client
from meterwise.services.viewer import Viewer
from tests.support.identity import gql, signed_in

SIGN_UP = """mutation($c: String!, $e: String!, $p: String!) { signUp(input: {inviteCode: $c,
  email: $e, password: $p, accountName: "Acme"}) { token errors { code field } } }"""
LOG_IN = """mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p})
  { mfaToken } }"""
VERIFY = """mutation($t: String, $c: String!) { verifyMfa(input: {mfaToken: $t, code: $c})
  { token errors { code } } }"""


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every password sign-up hashes (the real hash still runs)."""
    seen: list[str] = []
    real = passwords.hash_password

    async def counting(password: str, **kwargs: Any) -> str:
        seen.append(password)
        return await real(password, **kwargs)

    monkeypatch.setattr(accounts, "hash_password", counting)
    return seen


async def test_sign_up_hashes_only_what_would_succeed(client: httpx.AsyncClient,
                                                      hashes: list[str]) -> None:
    _, existing = await signed_in(client)
    code = await invites.create_signup_invite(uses=3)
    refused = [
        ("mwi_" + "x" * 43, "new@example.com", "a long enough passphrase 9"),  # bad invite
        (code, existing.email, "a long enough passphrase 9"),  # taken email
        (code, "new@example.com", "short"),  # weak password
    ]
    for invite_code, address, password in refused:
        body = await gql(client, SIGN_UP, {"c": invite_code, "e": address, "p": password})
        assert body["data"]["signUp"]["token"] is None
    assert hashes == []
    body = await gql(client, SIGN_UP, {"c": code, "e": "new@example.com",
                                       "p": "a long enough passphrase 9"})
    assert body["data"]["signUp"]["errors"] == []
    assert hashes == ["a long enough passphrase 9"]


async def test_a_legacy_unkeyed_recovery_code_works_once(client: httpx.AsyncClient) -> None:
    _, who = await signed_in(client, mfa=False)
    viewer = Viewer(user_id=who.user_id, account_id=who.account_id, role=Role.OWNER)
    enrollment = await mfa.start_enrollment(viewer, Client(), password=who.password)
    codes = await mfa.confirm_enrollment(viewer, Client(), pyotp.TOTP(enrollment.secret).now(),
                                         password=who.password)
    rows = await RecoveryCode.filter(user_id=who.user_id)
    assert {row.key_id for row in rows} == {vault.master_ring().active.id}
    legacy = "abcd-efgh-jkmn"  # as the old code stored it: plain SHA-256 of the normalised code
    await RecoveryCode.create(user_id=who.user_id, key_id=None,
                              code_hash=hashlib.sha256(b"abcdefghjkmn").hexdigest())

    async def use(code: str) -> list[dict[str, str]]:
        token = (await gql(client, LOG_IN, {"e": who.email, "p": who.password}))[
            "data"]["logIn"]["mfaToken"]
        errors: list[dict[str, str]] = (await gql(client, VERIFY, {"t": token, "c": code}))[
            "data"]["verifyMfa"]["errors"]
        return errors

    assert await use(legacy) == []
    assert await use(legacy) == [{"code": "INVALID_CODE"}]
    assert await use(codes[0]) == []


async def test_lowering_a_role_revokes_only_the_invites_it_no_longer_covers(
        client: httpx.AsyncClient) -> None:
    _, owner = await signed_in(client)
    _, admin = await signed_in(client, Role.ADMIN, account=owner.account_id)
    as_admin = Viewer(user_id=admin.user_id, account_id=owner.account_id, role=Role.ADMIN)
    as_owner = Viewer(user_id=owner.user_id, account_id=owner.account_id, role=Role.OWNER)
    made: dict[Role, Invite] = {}
    for role in (Role.MEMBER, Role.VIEWER):
        _, made[role] = await invites.invite_member(as_admin, Client(), role=role)
    await members.change_role(as_owner, Client(), admin.membership_id, Role.VIEWER)
    revoked = {i.role for i in await Invite.filter(created_by_id=admin.user_id,
                                                   revoked_at__isnull=False)}
    assert revoked == {Role.MEMBER}
    live = await invites.list_invites(as_owner, limit=10)
    assert [i.id for i in live] == [made[Role.VIEWER].id]
