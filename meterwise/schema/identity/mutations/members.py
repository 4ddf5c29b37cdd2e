"""Inviting, re-roling and removing members (owners/admins; see ``authz.RULES`` for step-up)."""

from __future__ import annotations

from uuid import UUID

import strawberry

from meterwise.models.identity import Role
from meterwise.schema.context import Info
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.types import (
    Invite,
    InvitePayload,
    Member,
    MemberPayload,
    RevokePayload,
)
from meterwise.schema.operations import operation, viewer_of
from meterwise.services.authz import Operation
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.identity import invites, members


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
    @strawberry.mutation(description="Invite someone into this account with a role "
                                     "(ADMIN or OWNER needs step-up).",
                         extensions=operation(Operation.INVITE_MEMBER))
    async def invite_member(self, info: Info, input: InviteMemberInput) -> InvitePayload:
        code, invite = await invites.invite_member(
            viewer_of(info), client_of(info), role=input.role, uses=input.uses,
            expires_in_days=input.expires_in_days)
        return InvitePayload(code=code, invite=Invite.from_model(invite))

    @strawberry.mutation(description="Change a member's role (owners, with step-up).",
                         extensions=operation(Operation.CHANGE_ROLE))
    async def change_member_role(self, info: Info, member_id: strawberry.ID,
                                 role: Role) -> MemberPayload:
        member = await members.change_role(viewer_of(info), client_of(info),
                                           parse_id(member_id, "memberId"), role)
        user = await member.user
        return MemberPayload(member=Member.from_membership(member, user.email,
                                                           user.totp_enabled))

    @strawberry.mutation(description="Remove a member (with step-up); their sessions and "
                                     "tokens end.",
                         extensions=operation(Operation.REMOVE_MEMBER))
    async def remove_member(self, info: Info, member_id: strawberry.ID) -> RevokePayload:
        await members.remove_member(viewer_of(info), client_of(info),
                                    parse_id(member_id, "memberId"))
        return RevokePayload(ok=True)
