"""Helpers for vault tests: accounts with members, a viewer per role, GraphQL calls."""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID, uuid4

import httpx

from meterwise.models.identity import Role
from meterwise.services import vault


@dataclass
class Tenant:
    """An account and a signed-in session token per role (MFA done: step-up is fresh)."""

    account_id: UUID
    tokens: dict[Role, str] = field(default_factory=dict)
    users: dict[Role, UUID] = field(default_factory=dict)


async def make_tenant(name: str = "acme", *, roles: tuple[Role, ...] = tuple(Role)) -> Tenant:
    """Users and sessions made by the identity services (``tests/support/identity``)."""
    from tests.support.identity import new_account, signed_in

    tenant = Tenant(await new_account(name))
    for role in roles:
        token, who = await signed_in(None, role, account=tenant.account_id,
                                     email=f"{role}-{secrets.token_hex(4)}@{name}.test")
        tenant.tokens[role], tenant.users[role] = token, who.user_id
    return tenant


class Gql:
    """POST /graphql with a session token (real authentication, real permission checks)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, *,
                       token: str | None = None) -> dict[str, Any]:
        from tests.support.identity import gql

        return await gql(self.client, query, variables, token=token)


@dataclass
class Secrets:
    """Everything secret a tenant holds in plaintext on the test's side."""

    account_id: UUID
    provider_key: str
    connection_id: UUID
    totp_secret: str
    user_id: UUID
    recovery_codes: list[str]

    def plaintexts(self) -> list[str]:
        return [self.provider_key, self.totp_secret, *self.recovery_codes]


async def seed_secrets(name: str) -> Secrets:
    """A tenant with a sealed provider key, an enrolled TOTP secret and recovery codes.

    Goes through the real services: the identity MFA enrolment and the vault sealing.
    """
    import pyotp

    from meterwise.config import ProviderKind
    from meterwise.models.connections import ProviderConnection
    from meterwise.services.identity import mfa
    from meterwise.services.identity.common import Client
    from meterwise.services.identity.sessions import resolve_session
    from tests.support.identity import signed_in

    token, who = await signed_in(None, Role.OWNER, mfa=False, email=f"owner@{name}.test")
    viewer = await resolve_session(token)
    assert viewer is not None
    client = Client(ip="127.0.0.1")
    enrollment = await mfa.start_enrollment(viewer, client, password=who.password)
    codes = await mfa.confirm_enrollment(viewer, client, pyotp.TOTP(enrollment.secret).now(),
                                         password=who.password)
    key = f"sk-admin-{name}-" + secrets.token_urlsafe(24)
    connection = ProviderConnection(id=uuid4(), account_id=who.account_id,
                                    provider=ProviderKind.OPENAI, label=f"{name} key",
                                    key_hint=key[-4:], key_sealed="")
    connection.key_sealed = await vault.seal(who.account_id, key, record="provider_connection",
                                             record_id=connection.id, field="api_key")
    await connection.save(force_create=True)
    return Secrets(who.account_id, key, connection.id, enrollment.secret, who.user_id, codes)


def encodings(secret: str) -> list[bytes]:
    """The secret as plain text, base64 (standard/URL-safe, padded or not) and hex; for a
    base32 TOTP secret, the same encodings of its raw bytes too."""
    import base64
    import binascii

    raws = [secret.encode()]
    with contextlib.suppress(binascii.Error, ValueError):
        raws.append(base64.b32decode(secret + "=" * (-len(secret) % 8)))
    out: list[bytes] = []
    for raw in raws:
        for b64 in (base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
            out += [b64, b64.rstrip(b"=")]
        for offset in (1, 2):  # the same bytes at another alignment inside a larger blob
            shifted = base64.b64encode(bytes(offset) + raw)[4:-4]
            out += [shifted, shifted.replace(b"+", b"-").replace(b"/", b"_")]
        out += [raw, raw.hex().encode(), raw.hex().upper().encode()]
    return [item for item in out if len(item) >= 8]
