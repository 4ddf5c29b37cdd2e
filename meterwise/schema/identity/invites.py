"""Access review of invites: list the account's live invites and revoke one (owners/admins).

An invite is standing authority to add a member, so reviewers see who made it, with which
role, how many uses are left and until when.
"""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.guards.cost import paginated
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.mutations.members import parse_id
from meterwise.schema.identity.types import Invite, InvitePayload
from meterwise.schema.operations import operation, viewer_of
from meterwise.services.authz import Operation
from meterwise.services.identity import invites
from meterwise.services.pagination import MAX_PAGE, page_size


@strawberry.type
class InvitesQuery:
    @strawberry.field(description=f"The account's live invites (owners/admins), newest first; "
                                  f"at most `first` (0 to {MAX_PAGE}).",
                      metadata=paginated(), extensions=operation(Operation.LIST_INVITES))
    async def invites(self, info: Info, first: int | None = MAX_PAGE) -> list[Invite]:
        rows = await invites.list_invites(viewer_of(info),
                                          limit=page_size(first, default=MAX_PAGE))
        return [Invite.from_model(row, row.created_by.email if row.created_by else None)
                for row in rows]


@strawberry.type
class InvitesMutation:
    @strawberry.mutation(description="Revoke an invite of the account (owners/admins).",
                         extensions=operation(Operation.REVOKE_INVITE))
    async def revoke_invite(self, info: Info, id: strawberry.ID) -> InvitePayload:
        row = await invites.revoke_invite(viewer_of(info), client_of(info), parse_id(id, "id"))
        return InvitePayload(invite=Invite.from_model(row))
