"""Accounts with something to review: an old provider key, an unused token, an invite."""

from __future__ import annotations

import secrets
from uuid import UUID, uuid4

from meterwise.config import ProviderKind
from meterwise.models.connections import ProviderConnection
from meterwise.models.identity import User
from meterwise.services import vault
from meterwise.services.identity import api_tokens
from meterwise.services.identity.common import Client
from meterwise.services.identity.sessions import start_session
from meterwise.services.viewer import TokenScope, Viewer
from tests.support.identity import Who

ACCESS_REVIEW = """{ accessReview { id trigger completedAt completedBy openFindings
  findings { id kind subjectId summary since open } } }"""
RUN = "mutation { runAccessReview { review { id openFindings findings { kind subjectId open } }" \
      " errors { code message } } }"
COMPLETE = """mutation($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) {
  review { id completedAt completedBy } errors { code field message } } }"""
THIRD_PARTIES = "{ thirdParties { kind id name destination addedAt lastUsedAt status } }"
REVOKE_TOKEN = "mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { id } errors { code } } }"


async def connect_provider(account_id: UUID, label: str = "prod key") -> UUID:
    """A connection with a sealed key, as connectProvider leaves it (no provider call)."""
    key = "sk-admin-" + secrets.token_urlsafe(24)
    connection = ProviderConnection(id=uuid4(), account_id=account_id,
                                    provider=ProviderKind.OPENAI, label=label,
                                    key_hint=key[-4:], key_sealed="")
    connection.key_sealed = await vault.seal(account_id, key, record="provider_connection",
                                             record_id=connection.id, field="api_key")
    await connection.save(force_create=True)
    return connection.id


async def issue_token(who: Who, *, scope: TokenScope = TokenScope.READ_USAGE
                      ) -> tuple[str, UUID]:
    viewer = Viewer(user_id=who.user_id, account_id=who.account_id, role=who.role)
    issued = await api_tokens.create_token(viewer, Client(ip="127.0.0.1"), name="ci export",
                                           scope=scope, expires_in_days=365)
    return issued.token, issued.row.id


async def fresh_session(who: Who) -> str:
    """A new MFA-verified session for ``who`` (after the test clock moved past the old)."""
    user = await User.get(id=who.user_id)
    return await start_session(user, who.account_id, Client(ip="127.0.0.1"), mfa_verified=True)


__all__ = ["ACCESS_REVIEW", "COMPLETE", "REVOKE_TOKEN", "RUN", "THIRD_PARTIES",
           "connect_provider", "fresh_session", "issue_token"]
