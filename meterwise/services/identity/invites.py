"""Invites: random codes stored hashed, with an expiry and a use count.

A *sign-up* invite (made with ``meterwise invites create``) lets someone create a new
account; a *member* invite (made by an owner/admin) lets someone join that account with a
role. Unknown, expired, used-up and revoked codes fail identically with ``INVALID_INVITE``.

A member invite is delegated authority, so it never outlives it: owners/admins list and
revoke the account's invites; removing a member, or lowering their role below an invite's,
revokes the invites they made (``revoke_created_by``); and redemption re-checks that the
creator still holds at least the invite's role. Inviting an owner or admin needs step-up.
"""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.identity import Invite, Membership, Role, User
from meterwise.security.tokens import INVITE_PREFIX, hash_token, new_token
from meterwise.services import authz
from meterwise.services.errors import Forbidden, UserErrorCode, UserInputError
from meterwise.services.identity import policy
from meterwise.services.identity.common import Client, audit_event
from meterwise.services.viewer import Viewer

MAX_USES = 1000
MAX_DAYS = 90
INVALID = "This invite code is not valid."
PRIVILEGED = frozenset({Role.OWNER, Role.ADMIN})
# Higher number, more authority: an invite may carry at most its creator's role.
RANK = {Role.VIEWER: 0, Role.MEMBER: 1, Role.ADMIN: 2, Role.OWNER: 3}


def invalid() -> UserInputError:
    """The one answer for every code that cannot be used (sign-up also gives it for a
    taken email, so the two cannot be told apart)."""
    return UserInputError(UserErrorCode.INVALID_INVITE, INVALID, "inviteCode")


def _live() -> Q:
    """Invites that can still be used: not revoked, not expired, uses left."""
    return Q(revoked_at__isnull=True, expires_at__gt=clock.now(), uses__lt=F("max_uses"))


def _check_limits(uses: int, days: int) -> None:
    if not 1 <= uses <= MAX_USES:
        raise UserInputError(UserErrorCode.INVALID_INPUT, f"Uses must be 1-{MAX_USES}.", "uses")
    if not 1 <= days <= MAX_DAYS:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"Expiry must be 1-{MAX_DAYS} days.", "expiresInDays")


async def _create(*, account_id: UUID | None, role: Role | None, created_by: UUID | None,
                  uses: int, days: int) -> tuple[str, Invite]:
    _check_limits(uses, days)
    now = clock.now()
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
    """Owners/admins invite people into their account; only owners may invite owners, and
    an owner or admin invite needs a fresh second factor (it mints that authority)."""
    if role is Role.OWNER and viewer.role is not Role.OWNER:
        raise Forbidden("Only owners can invite owners.")
    if role in PRIVILEGED:
        authz.require_step_up(viewer, now=clock.now())
    days = expires_in_days or policy.settings().invite_default_days
    code, invite = await _create(account_id=viewer.account_id, role=role,
                                 created_by=viewer.user_id, uses=uses, days=days)
    await audit_event("invite.created", client, account_id=viewer.account_id,
                      actor_id=viewer.user_id, target=invite.id,
                      metadata={"kind": "member", "role": role.value, "uses": uses,
                                "days": days})
    return code, invite


def _code_hash(code: str) -> str | None:
    """The stored hash of a well-formed code; None for anything that cannot be one."""
    value = code.strip()
    return hash_token(value) if value.startswith(INVITE_PREFIX) and len(value) <= 200 else None


async def check(code: str) -> Invite:
    """The live invite of ``code`` without using it: one indexed lookup, no hashing beyond
    SHA-256, so sign-up can refuse a bad code before any expensive work."""
    code_hash = _code_hash(code)
    invite = None
    if code_hash is not None:
        invite = await Invite.filter(_live(), code_hash=code_hash).first()
    if invite is None or not await _creator_still_entitled(invite):
        raise invalid()
    return invite


async def consume(code: str) -> Invite:
    """Use one use of ``code`` (call inside the transaction that acts on it).

    The conditional UPDATE is the check: two concurrent sign-ups cannot both take the last use.
    A member invite whose creator no longer holds its role fails like an unknown code.
    """
    code_hash = _code_hash(code)
    if code_hash is None:
        raise invalid()
    taken = await Invite.filter(_live(), code_hash=code_hash).update(uses=F("uses") + 1)
    invite = await Invite.get_or_none(code_hash=code_hash) if taken else None
    if invite is None or not await _creator_still_entitled(invite):
        raise invalid()
    return invite


async def _creator_still_entitled(invite: Invite) -> bool:
    """Sign-up invites come from the operator; a member invite's creator must still be a
    member of its account with at least the invite's role (checked at every use)."""
    if invite.account_id is None:
        return True
    if invite.created_by_id is None or invite.role is None:
        return False
    creator = await Membership.get_or_none(user_id=invite.created_by_id,
                                           account_id=invite.account_id)
    return creator is not None and RANK[creator.role] >= RANK[invite.role]


async def list_invites(viewer: Viewer, *, limit: int) -> list[Invite]:
    """The account's live invites (not revoked, not expired, uses left), newest first,
    with their creators loaded (access review)."""
    if limit <= 0:
        return []  # Tortoise reads LIMIT 0 as "no limit"
    return await Invite.filter(_live(), account_id=viewer.account_id).select_related(
        "created_by").order_by("-created_at", "-id").limit(limit)


async def revoke_invite(viewer: Viewer, client: Client, invite_id: UUID) -> Invite:
    """Revoke one of the account's invites (idempotent); a foreign or unknown id finds
    nothing, exactly like a malformed one."""
    invite = await Invite.get_or_none(id=invite_id, account_id=viewer.account_id)
    if invite is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such invite.", "id")
    if invite.revoked_at is None:
        now = clock.now()
        await Invite.filter(id=invite.id, revoked_at__isnull=True).update(revoked_at=now)
        invite.revoked_at = now
        await audit_event("invite.revoked", client, account_id=viewer.account_id,
                          actor_id=viewer.user_id, target=invite.id,
                          metadata={"role": invite.role.value if invite.role else None})
    return invite


async def revoke_created_by(user_id: UUID, account_id: UUID, client: Client, *,
                            actor_id: UUID | None, above: Role | None = None) -> int:
    """Revoke the unrevoked invites ``user_id`` made in ``account_id``: all of them (they
    left), or those whose role outranks ``above`` (their new, lower role). Audited once."""
    query = Invite.filter(account_id=account_id, created_by_id=user_id, revoked_at__isnull=True)
    if above is not None:
        query = query.filter(role__in=[r for r in Role if RANK[r] > RANK[above]])
    count = await query.update(revoked_at=clock.now())
    if count:
        await audit_event("invite.revoked", client, account_id=account_id, actor_id=actor_id,
                          target=user_id, metadata={"reason": "creator_lost_role",
                                                    "count": count})
    return int(count)


async def accept_invite(viewer: Viewer, client: Client, code: str) -> Membership:
    """A signed-in user joins the account of a member invite with its role."""
    async with in_transaction():
        invite = await consume(code)
        if invite.account_id is None or invite.role is None:
            raise invalid()
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
