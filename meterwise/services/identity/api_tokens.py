"""API tokens for programs: scoped, expiring, hashed, revocable, and expiring when unused.

A token acts with its creator's *current* role in the account (a demoted or removed member's
tokens lose power with them) and never satisfies step-up: a program cannot answer a TOTP.
Only a signed-in person creates tokens (``authz``: credentials never create credentials), at
most ``api_token_max_per_user`` live ones per user, counted under a lock on the user's row so
concurrent creates cannot pass the cap together. A password change revokes them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from meterwise import clock
from meterwise.models.identity import ApiToken, Membership, Role, User
from meterwise.models.vault import AccountDeletion
from meterwise.security.tokens import API_TOKEN_PREFIX, hash_token, new_token
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import policy
from meterwise.services.identity.common import Client, audit_event
from meterwise.services.identity.revocation import revoke
from meterwise.services.identity.sessions import must_change_password
from meterwise.services.scoping import scoped
from meterwise.services.security_events import suspicious
from meterwise.services.viewer import TokenScope, Viewer

TOUCH_EVERY = timedelta(seconds=60)
ADMIN_ROLES = frozenset({Role.OWNER, Role.ADMIN})


@dataclass(frozen=True)
class IssuedToken:
    token: str  # shown once, never stored
    row: ApiToken


def usable_until(row: ApiToken) -> datetime:
    """The earlier of its expiry and the end of its unused grace period."""
    idle = timedelta(days=policy.settings().api_token_unused_days)
    return min(row.expires_at, (row.last_used_at or row.created_at) + idle)


def is_active(row: ApiToken, now: datetime) -> bool:
    return row.revoked_at is None and now < usable_until(row)


def live_tokens(user_id: UUID, now: datetime) -> QuerySet[ApiToken]:
    """The user's tokens that still resolve (``is_active``), across all their accounts."""
    idle_since = now - timedelta(days=policy.settings().api_token_unused_days)
    return ApiToken.filter(
        Q(last_used_at__gt=idle_since)
        | Q(last_used_at__isnull=True, created_at__gt=idle_since),
        user_id=user_id, revoked_at__isnull=True, expires_at__gt=now)


async def create_token(viewer: Viewer, client: Client, *, name: str, scope: TokenScope,
                       expires_in_days: int) -> IssuedToken:
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "Name it (1-100 characters).", "name")
    max_days = policy.settings().api_token_max_days
    if not 1 <= expires_in_days <= max_days:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"Expiry must be 1-{max_days} days.", "expiresInDays")
    now = clock.now()
    token = new_token(API_TOKEN_PREFIX)
    async with in_transaction():
        await User.filter(id=viewer.user_id).select_for_update()  # serialises the count
        cap = policy.settings().api_token_max_per_user
        if await live_tokens(viewer.user_id, now).count() >= cap:
            raise UserInputError(UserErrorCode.INVALID_INPUT,
                                 f"You already have {cap} live API tokens; revoke one first.")
        row = await ApiToken.create(
            account_id=viewer.account_id, user_id=viewer.user_id, name=name,
            scope=scope.value, token_hash=hash_token(token), created_at=now,
            expires_at=now + timedelta(days=expires_in_days),
        )
    await audit_event("api_token.created", client, account_id=viewer.account_id,
                      actor_id=viewer.user_id, target=row.id,
                      metadata={"name": name, "scope": scope.value, "days": expires_in_days})
    await suspicious.on_api_token_created(user_id=viewer.user_id, account_id=viewer.account_id,
                                          token_id=row.id, name=name, scope=scope.value)
    return IssuedToken(token=token, row=row)


async def resolve_api_token(token: str, *, touch: bool = True) -> Viewer | None:
    """The token's viewer, else None. ``touch`` records its use (``last_used_at``, at most
    once per ``TOUCH_EVERY``): every HTTP request and every WebSocket ``connection_init``
    and operation, not a socket's periodic re-check."""
    if not token.startswith(API_TOKEN_PREFIX):
        return None
    row = await ApiToken.get_or_none(token_hash=hash_token(token))
    now = clock.now()
    if row is None or not is_active(row, now):
        return None
    membership = await Membership.get_or_none(user_id=row.user_id, account_id=row.account_id)
    if membership is None or await AccountDeletion.exists(account_id=row.account_id):
        return None
    if touch and (row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY):
        await ApiToken.filter(id=row.id).update(last_used_at=now)
    return Viewer(user_id=row.user_id, account_id=row.account_id, role=membership.role,
                  api_token_id=row.id, scope=TokenScope(row.scope), mfa_satisfied=True,
                  password_change_required=await must_change_password(row.user_id))


async def list_tokens(viewer: Viewer, *, limit: int) -> list[ApiToken]:
    """The account's newest ``limit`` tokens with their owners (one query)."""
    if limit <= 0:
        return []  # Tortoise reads LIMIT 0 as "no limit"
    return await scoped(ApiToken, viewer).select_related("user").order_by(
        "-created_at").limit(limit)


async def revoke_token(viewer: Viewer, client: Client, token_id: UUID) -> ApiToken:
    """Own tokens for everyone; admins any token of the account. Others find nothing."""
    query = scoped(ApiToken, viewer).filter(id=token_id)
    if viewer.role not in ADMIN_ROLES:
        query = query.filter(user_id=viewer.user_id)
    row = await query.first()
    if row is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such API token.", "id")
    if row.revoked_at is None:
        revoked = await revoke(api_tokens=ApiToken.filter(id=row.id))
        await revoked.announce()
        row.revoked_at = revoked.at
        await audit_event("api_token.revoked", client, account_id=viewer.account_id,
                          actor_id=viewer.user_id, target=row.id)
    return row


async def purge_dead(*, keep_for: timedelta = timedelta(days=30)) -> int:
    """Delete tokens revoked or expired more than ``keep_for`` ago (access review keeps them
    visible for a while)."""
    cutoff = clock.now() - keep_for
    return await ApiToken.filter(Q(revoked_at__lt=cutoff) | Q(expires_at__lt=cutoff)).delete()
