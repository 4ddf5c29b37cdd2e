"""Inviting, re-roling and removing members (owners/admins; role changes need step-up)."""

from __future__ import annotations

from uuid import UUID

import strawberry

from meterwise.models.identity import Role
from meterwise.schema.context import Info
from meterwise.schema.errors import user_error
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.types import (
    Invite,
    InvitePayload,
    Member,
    MemberPayload,
    RevokePayload,
)
from meterwise.services import authz
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import invites, members, policy


@strawberry.input
class InviteMemberInput:
    role: Role
    uses: int = 1
    expires_in_days: int | None = None


def parse_id(value: strawberry.ID, field: str) -> UUID:
    """A malformed id finds nothing, exactly like a foreign one."""
    try:
        return UUID(str(value))
    except ValueError:
        raise UserInputError(UserErrorCode.NOT_FOUND, "Not found.", field) from None


@strawberry.type
class MembersMutation:
    @strawberry.mutation(description="Invite someone into this account with a role.")
    async def invite_member(self, info: Info, input: InviteMemberInput) -> InvitePayload:
        viewer = authorize(info.context.viewer, Operation.INVITE_MEMBER)
        try:
            code, invite = await invites.invite_member(
                viewer, client_of(info), role=input.role, uses=input.uses,
                expires_in_days=input.expires_in_days)
        except UserInputError as exc:
            return InvitePayload(errors=[user_error(exc)])
        return InvitePayload(code=code, invite=Invite.from_model(invite))

    @strawberry.mutation(description="Change a member's role (owners, with step-up).")
    async def change_member_role(self, info: Info, member_id: strawberry.ID,
                                 role: Role) -> MemberPayload:
        viewer = authorize(info.context.viewer, Operation.CHANGE_ROLE)
        try:
            authz.require_step_up(viewer, now=policy.now())
            member = await members.change_role(viewer, client_of(info),
                                               parse_id(member_id, "memberId"), role)
        except UserInputError as exc:
            return MemberPayload(errors=[user_error(exc)])
        user = await member.user
        return MemberPayload(member=Member.from_membership(member, user.email,
                                                           user.totp_enabled))

    @strawberry.mutation(description="Remove a member; their sessions and tokens end.")
    async def remove_member(self, info: Info, member_id: strawberry.ID) -> RevokePayload:
        viewer = authorize(info.context.viewer, Operation.REMOVE_MEMBER)
        try:
            await members.remove_member(viewer, client_of(info),
                                        parse_id(member_id, "memberId"))
        except UserInputError as exc:
            return RevokePayload(errors=[user_error(exc)])
        return RevokePayload(ok=True)


