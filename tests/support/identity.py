"""Signed-in users for tests of any domain, without walking the whole sign-up journey.

    token, who = await signed_in(client)                       # an OWNER with MFA done
    token, who = await signed_in(client, Role.VIEWER, account=who.account_id)
    data = await gql(client, "{ me { id } }", token=token)

Rows are written through the identity services (cheap argon2 parameters, see
``use_test_policy``), so a user costs a few milliseconds. ``mfa=True`` enrols TOTP and marks
the session MFA-verified just now (step-up is fresh); ``mfa=False`` leaves the user without
MFA, so an account that requires MFA answers ``MFA_REQUIRED`` to most operations.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pyotp

from meterwise import clock, wiring
from meterwise.models.identity import Account, Membership, Role, User
from meterwise.security.passwords import HashParams, hash_password
from meterwise.security.totp import new_totp_secret
from meterwise.services import vault
from meterwise.services.identity import policy
from meterwise.services.identity.common import Client
from meterwise.services.identity.policy import IdentitySettings
from meterwise.services.identity.sessions import start_session

CHEAP_HASH = HashParams(time_cost=1, memory_cost_kib=1024, parallelism=1)
TEST_IDENTITY_SETTINGS = IdentitySettings(throttle_delay_base_seconds=0.001,
                                          throttle_delay_max_seconds=0.005)


@contextlib.contextmanager
def use_test_policy() -> Iterator[None]:
    """Cheap argon2 and near-zero throttle delays for the block (production defaults stay
    untouched: only this process's wiring changes, and is put back)."""
    with wiring.override(settings=wiring.with_groups(identity=TEST_IDENTITY_SETTINGS),
                         hash_params=CHEAP_HASH):
        yield


def adopt_test_policy() -> None:
    """``use_test_policy`` for the rest of the process: ``signed_in`` callers anywhere get
    cheap hashing and throttle delays without a fixture of their own."""
    current = wiring.current()
    current.settings = wiring.with_groups(identity=TEST_IDENTITY_SETTINGS)
    current.hash_params = CHEAP_HASH


class FakeClock:
    """A settable clock for ``wiring.override(clock=...)``; starts at the real time."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


@dataclass(frozen=True)
class Who:
    user_id: UUID
    account_id: UUID
    membership_id: UUID
    email: str
    password: str
    role: Role
    totp_secret: str | None

    def totp(self, at: datetime | None = None) -> str:
        assert self.totp_secret is not None
        return pyotp.TOTP(self.totp_secret).at(at or clock.now())


async def new_account(name: str = "Test account", *, mfa_required: bool = True) -> UUID:
    account = await Account.create(name=name, mfa_required=mfa_required)
    await vault.create_account_key(account.id)
    return account.id


async def signed_in(client: httpx.AsyncClient | None = None, role: Role = Role.OWNER,
                    account: UUID | None = None, mfa: bool = True,
                    email: str | None = None) -> tuple[str, Who]:
    """A user with ``role`` in ``account`` (a new one by default) and a session token."""
    adopt_test_policy()
    account_id = account or await new_account()
    address = email or f"user-{secrets.token_hex(4)}@example.com"
    password = "correct horse battery " + secrets.token_hex(4)
    user = await User.create(email=address, home_account_id=account_id,
                             password_hash=await hash_password(password,
                                                               hasher=policy.hasher()))
    membership = await Membership.create(user=user, account_id=account_id, role=role)
    secret = None
    if mfa:
        secret = new_totp_secret()
        user.totp_secret_sealed = await vault.seal(account_id, secret, record="app_user",
                                                   record_id=user.id, field="totp_secret")
        user.totp_enabled = True
        await user.save(update_fields=["totp_secret_sealed", "totp_enabled"])
    token = await start_session(user, account_id, Client(ip="127.0.0.1"), mfa_verified=mfa)
    return token, Who(user_id=user.id, account_id=account_id, membership_id=membership.id,
                      email=address, password=password, role=role, totp_secret=secret)


async def gql(client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None,
              *, token: str | None = None, headers: dict[str, str] | None = None
              ) -> dict[str, Any]:
    """POST a GraphQL operation; returns the whole JSON body (``data`` and ``errors``)."""
    sent = dict(headers or {})
    if token is not None:
        sent["authorization"] = f"Bearer {token}"
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}},
                                 headers=sent)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def error_code(body: dict[str, Any]) -> str | None:
    """The ``extensions.code`` of the first GraphQL error, if any."""
    errors = body.get("errors") or []
    return errors[0].get("extensions", {}).get("code") if errors else None
