"""Invites: random codes stored hashed, with an expiry and a use count.

A *sign-up* invite (made with ``meterwise invites create``) lets someone create a new
account; a *member* invite (made by an owner/admin) lets someone join that account with a
role. Unknown, expired and used-up codes fail identically with ``INVALID_INVITE``.
"""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from tortoise.expressions import F

from meterwise.models.identity import Invite, Membership, Role, User
from meterwise.security.tokens import INVITE_PREFIX, hash_token, new_token
from meterwise.services.errors import Forbidden, UserErrorCode, UserInputError
from meterwise.services.identity import policy
from meterwise.services.identity.common import Client, audit_event
from meterwise.services.viewer import Viewer

MAX_USES = 1000
MAX_DAYS = 90
INVALID = "This invite code is not valid."


def _check_limits(uses: int, days: int) -> None:
    if not 1 <= uses <= MAX_USES:
        raise UserInputError(UserErrorCode.INVALID_INPUT, f"Uses must be 1-{MAX_USES}.", "uses")
    if not 1 <= days <= MAX_DAYS:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"Expiry must be 1-{MAX_DAYS} days.", "expiresInDays")


async def _create(*, account_id: UUID | None, role: Role | None, created_by: UUID | None,
                  uses: int, days: int) -> tuple[str, Invite]:
    _check_limits(uses, days)
    now = policy.now()
    code = new_token(INVITE_PREFIX)
    invite = await Invite.create(code_hash=hash_token(code), account_id=account_id, role=role,
                                 created_by_id=created_by, max_uses=uses, created_at=now,
                                 expires_at=now + timedelta(days=days))
    return code, invite


async def create_signup_invite(*, uses: int = 1, expires_in_days: int | None = None,
                               client: Client | None = None) -> str:
    """An operator's invite to create a new account (the CLI)."""
    days = expires_in_days or policy.settings().invite_default_days
    code, invite = await _create(account_id=None, role=None, created_by=None, uses=uses,
                                 days=days)
    await audit_event("invite.created", client or Client(ip="cli"), account_id=None,
                      actor_id=None, target=invite.id,
                      metadata={"kind": "signup", "uses": uses, "days": days})
    return code


async def invite_member(viewer: Viewer, client: Client, *, role: Role, uses: int = 1,
                        expires_in_days: int | None = None) -> tuple[str, Invite]:
    """Owners/admins invite people into their account; only owners may invite owners."""
    if role is Role.OWNER and viewer.role is not Role.OWNER:
        raise Forbidden("Only owners can invite owners.")
    days = expires_in_days or policy.settings().invite_default_days
    code, invite = await _create(account_id=viewer.account_id, role=role,
                                 created_by=viewer.user_id, uses=uses, days=days)
    await audit_event("invite.created", client, account_id=viewer.account_id,
                      actor_id=viewer.user_id, target=invite.id,
                      metadata={"kind": "member", "role": role.value, "uses": uses,
                                "days": days})
    return code, invite


async def consume(code: str) -> Invite:
    """Use one use of ``code`` (call inside the transaction that acts on it).

    The conditional UPDATE is the check: two concurrent sign-ups cannot both take the last use.
    """
    if not code.strip().startswith(INVITE_PREFIX):
        raise UserInputError(UserErrorCode.INVALID_INVITE, INVALID, "inviteCode")
    code_hash = hash_token(code.strip())
    taken = await Invite.filter(
        code_hash=code_hash, uses__lt=F("max_uses"), expires_at__gt=policy.now()
    ).update(uses=F("uses") + 1)
    invite = await Invite.get_or_none(code_hash=code_hash) if taken else None
    if invite is None:
        raise UserInputError(UserErrorCode.INVALID_INVITE, INVALID, "inviteCode")
    return invite


async def accept_invite(viewer: Viewer, client: Client, code: str) -> Membership:
    """A signed-in user joins the account of a member invite with its role."""
    from tortoise.transactions import in_transaction

    async with in_transaction():
        invite = await consume(code)
        if invite.account_id is None or invite.role is None:
            raise UserInputError(UserErrorCode.INVALID_INVITE, INVALID, "inviteCode")
        if await Membership.exists(user_id=viewer.user_id, account_id=invite.account_id):
            raise UserInputError(UserErrorCode.ALREADY_EXISTS,
                                 "You are already a member of this account.", "inviteCode")
        user = await User.get(id=viewer.user_id)
        membership = await Membership.create(user=user, account_id=invite.account_id,
                                             role=invite.role)
        await audit_event("invite.used", client, account_id=invite.account_id,
                          actor_id=user.id, target=invite.id,
                          metadata={"role": invite.role.value})
    return membership
