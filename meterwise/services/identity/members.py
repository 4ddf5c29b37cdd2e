"""Members of an account: access review (who, which role, last activity), role changes,
removal. Every account always keeps at least one owner. Losing a membership, or a role,
also revokes the invites the member made that the lost authority backed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.functions import Max
from tortoise.transactions import in_transaction

from meterwise.models.identity import ApiToken, Membership, Role, Session
from meterwise.services.errors import Forbidden, UserErrorCode, UserInputError
from meterwise.services.identity import invites
from meterwise.services.identity.common import Client, audit_event
from meterwise.services.identity.revocation import announce_access_changed, revoke
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer


@dataclass(frozen=True)
class MemberRow:
    membership: Membership
    email: str
    mfa_enabled: bool
    last_active_at: datetime | None


async def list_members(viewer: Viewer, *, limit: int) -> list[MemberRow]:
    """Two queries whatever the size: memberships with users, then last activity per user."""
    if limit <= 0:
        return []  # Tortoise reads LIMIT 0 as "no limit"
    memberships = await scoped(Membership, viewer).select_related("user").order_by(
        "created_at").limit(limit)
    activity = await scoped(Session, viewer).filter(
        user_id__in=[m.user_id for m in memberships]
    ).group_by("user_id").annotate(
        last=Max("last_seen_at")
    ).values("user_id", "last")
    last_seen = {row["user_id"]: row["last"] for row in activity}
    return [
        MemberRow(membership=m, email=m.user.email, mfa_enabled=m.user.totp_enabled,
                  last_active_at=last_seen.get(m.user.id))
        for m in memberships
    ]


def _not_found() -> UserInputError:
    return UserInputError(UserErrorCode.NOT_FOUND, "No such member.", "memberId")


async def _owner_count(account_id: UUID) -> int:
    """Counts owners with their rows locked, so two demotions cannot both pass."""
    rows = await Membership.filter(account_id=account_id, role=Role.OWNER).select_for_update()
    return len(rows)


async def change_role(viewer: Viewer, client: Client, membership_id: UUID,
                      role: Role) -> Membership:
    async with in_transaction():
        member = await scoped(Membership, viewer).filter(id=membership_id).first()
        if member is None:
            raise _not_found()
        previous = member.role
        if previous is Role.OWNER and role is not Role.OWNER \
                and await _owner_count(viewer.account_id) <= 1:
            raise UserInputError(UserErrorCode.INVALID_INPUT,
                                 "An account needs at least one owner.", "role")
        if previous is not role:
            member.role = role
            await member.save(update_fields=["role"])
            await audit_event("member.role_changed", client, account_id=viewer.account_id,
                              actor_id=viewer.user_id, target=member.user_id,
                              metadata={"from": previous.value, "to": role.value})
            await invites.revoke_created_by(member.user_id, viewer.account_id, client,
                                            actor_id=viewer.user_id, above=role)
    if previous is not role:
        await announce_access_changed(viewer.account_id, member.user_id)
    return member


async def remove_member(viewer: Viewer, client: Client, membership_id: UUID) -> None:
    """Removes the membership and ends the member's sessions and API tokens in the account."""
    async with in_transaction():
        member = await scoped(Membership, viewer).filter(id=membership_id).first()
        if member is None:
            raise _not_found()
        if member.role is Role.OWNER:
            if viewer.role is not Role.OWNER:
                raise Forbidden("Only owners can remove owners.")
            if await _owner_count(viewer.account_id) <= 1:
                raise UserInputError(UserErrorCode.INVALID_INPUT,
                                     "An account needs at least one owner.", "memberId")
        await member.delete()
        theirs = {"user_id": member.user_id, "account_id": viewer.account_id}
        revoked = await revoke(sessions=Session.filter(**theirs),
                               api_tokens=ApiToken.filter(**theirs))
        await audit_event("member.removed", client, account_id=viewer.account_id,
                          actor_id=viewer.user_id, target=member.user_id,
                          metadata={"role": member.role.value})
        await invites.revoke_created_by(member.user_id, viewer.account_id, client,
                                        actor_id=viewer.user_id)
    await revoked.announce()
