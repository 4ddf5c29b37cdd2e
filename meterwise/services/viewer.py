"""Who is asking: the authenticated principal every service call is scoped to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from meterwise.models.identity import Role


class TokenScope(StrEnum):
    FULL = "full"
    READ_USAGE = "read_usage"


@dataclass(frozen=True)
class Viewer:
    """The caller, resolved once per request from its session or API token.

    ``mfa_satisfied`` is False while the account requires MFA and this user has none (or the
    session has not completed the MFA step); ``mfa_verified_at`` drives step-up checks.
    ``password_change_required``: an incident's containment asked this user for a new
    password; until then the credential can do nothing else (``authz.authorize``).
    """

    user_id: UUID
    account_id: UUID
    role: Role
    session_id: UUID | None = None
    api_token_id: UUID | None = None
    scope: TokenScope = TokenScope.FULL
    mfa_satisfied: bool = True
    mfa_verified_at: datetime | None = None
    password_change_required: bool = False
