"""Small pieces every identity service shares: who is calling from where, and auditing it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from meterwise.security.passwords import check_password_policy, hash_password
from meterwise.services import audit
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import policy

MAX_EMAIL = 320


@dataclass(frozen=True)
class Client:
    """Where a request came from: recorded on sessions and in audit events."""

    ip: str = "unknown"
    user_agent: str = ""


async def audit_event(action: str, client: Client, *, account_id: UUID | None,
                      actor_id: UUID | None, target: str | UUID | None = None,
                      metadata: dict[str, Any] | None = None) -> None:
    await audit.record(action, account_id=account_id, actor_id=actor_id,
                       target=None if target is None else str(target), ip=client.ip,
                       user_agent=client.user_agent, metadata=metadata)


def normalise_email(email: str) -> str:
    """Lower-cased, trimmed; refuses what cannot be an address (field ``email``)."""
    value = email.strip().lower()
    local, _, domain = value.rpartition("@")
    if not local or "." not in domain or len(value) > MAX_EMAIL or any(c.isspace() for c in value):
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Enter a valid email address.", "email")
    return value


def check_new_password(password: str, email: str, *, field: str = "password") -> None:
    """Refuse a password the policy rejects (cheap: no hashing)."""
    problems = check_password_policy(password, email)
    if problems:
        raise UserInputError(UserErrorCode.WEAK_PASSWORD, problems[0].message, field)


async def new_password_hash(password: str, email: str, *, field: str = "password") -> str:
    """Check the policy, then hash with argon2id off the event loop."""
    check_new_password(password, email, field=field)
    return await hash_password(password, hasher=policy.hasher())
