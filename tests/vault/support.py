"""Helpers for vault tests: accounts with members, a viewer per role, GraphQL calls."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import httpx

from meterwise.models.identity import Account, Membership, Role, User
from meterwise.services import vault
from meterwise.services.viewer import Viewer


@dataclass
class Tenant:
    account_id: UUID
    viewers: dict[Role, Viewer] = field(default_factory=dict)


async def make_tenant(name: str = "acme", *, roles: tuple[Role, ...] = tuple(Role)) -> Tenant:
    """An account with a data key and one user per role (MFA done just now: step-up fresh)."""
    account = await Account.create(name=name)
    await vault.create_account_key(account.id)
    tenant = Tenant(account.id)
    for role in roles:
        user = await User.create(email=f"{role}-{secrets.token_hex(4)}@{name}.test",
                                 password_hash="x", home_account=account)
        await Membership.create(user=user, account=account, role=role)
        tenant.viewers[role] = Viewer(user_id=user.id, account_id=account.id, role=role,
                                      session_id=None, mfa_verified_at=datetime.now(UTC))
    return tenant


class Gql:
    """POST /graphql as a given viewer (the bearer token picks the viewer)."""

    def __init__(self, client: httpx.AsyncClient, tokens: dict[str, Viewer]) -> None:
        self.client = client
        self.tokens = tokens

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, *,
                       viewer: Viewer | None = None) -> dict[str, Any]:
        headers = {}
        if viewer is not None:
            token = secrets.token_hex(8)
            self.tokens[token] = viewer
            headers["authorization"] = f"Bearer {token}"
        response = await self.client.post("/graphql", json={"query": query,
                                                            "variables": variables or {}},
                                          headers=headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body
