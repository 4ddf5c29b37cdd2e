"""Identity queries: the caller, the account, and access review for owners/admins."""

from __future__ import annotations

import strawberry

from meterwise import clock
from meterwise.schema.context import Info
from meterwise.schema.guards.cost import paginated
from meterwise.schema.identity.invites import InvitesQuery
from meterwise.schema.identity.types import (
    Account,
    ApiToken,
    AuditEvent,
    Member,
    SessionInfo,
    User,
)
from meterwise.schema.operations import operation, viewer_of
from meterwise.schema.pagination import Connection, connection
from meterwise.services import audit
from meterwise.services.authz import Operation
from meterwise.services.identity import accounts, api_tokens, members, sessions
from meterwise.services.pagination import MAX_PAGE, page_size


@strawberry.type
class IdentityQuery(InvitesQuery):
    @strawberry.field(description="The signed-in user, or null when not signed in.",
                      extensions=operation(Operation.ME))
    async def me(self, info: Info) -> User | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        return User.from_model(await accounts.user_of(viewer),
                               password_change_required=viewer.password_change_required)

    @strawberry.field(description="The caller's current account.",
                      extensions=operation(Operation.READ_ACCOUNT))
    async def account(self, info: Info) -> Account:
        viewer = viewer_of(info)
        return Account.from_model(await accounts.account_of(viewer), viewer.role)

    @strawberry.field(description=f"Members with role and last activity (owners/admins), "
                                  f"oldest first; at most `first` (0 to {MAX_PAGE}).",
                      metadata=paginated(), extensions=operation(Operation.LIST_MEMBERS))
    async def members(self, info: Info, first: int | None = MAX_PAGE) -> list[Member]:
        viewer = viewer_of(info)
        rows = await members.list_members(viewer, limit=page_size(first, default=MAX_PAGE))
        return [Member.from_row(row) for row in rows]

    @strawberry.field(description=f"The account's API tokens (owners/admins), newest first; "
                                  f"at most `first` (0 to {MAX_PAGE}).",
                      metadata=paginated(), extensions=operation(Operation.LIST_API_TOKENS))
    async def api_tokens(self, info: Info, first: int | None = MAX_PAGE) -> list[ApiToken]:
        viewer = viewer_of(info)
        now = clock.now()
        rows = await api_tokens.list_tokens(viewer, limit=page_size(first, default=MAX_PAGE))
        return [ApiToken.from_model(row, now, row.user.email) for row in rows]

    @strawberry.field(description=f"Live sessions of the account (owners/admins), latest "
                                  f"activity first; at most `first` (0 to {MAX_PAGE}).",
                      metadata=paginated(), extensions=operation(Operation.LIST_SESSIONS))
    async def sessions(self, info: Info, first: int | None = MAX_PAGE) -> list[SessionInfo]:
        viewer = viewer_of(info)
        rows = await sessions.live_sessions(viewer, limit=page_size(first, default=MAX_PAGE))
        return [SessionInfo.from_model(s, viewer.session_id) for s in rows]

    @strawberry.field(description=f"The account's audit log, newest first (owners/admins); "
                                  f"`first` is 0 to {MAX_PAGE}, 50 when omitted or null.",
                      metadata=paginated(), extensions=operation(Operation.READ_AUDIT_LOG))
    async def audit_log(self, info: Info, first: int | None = 50,
                        after: str | None = None) -> Connection[AuditEvent]:
        viewer = viewer_of(info)
        page = await audit.page(viewer, first=first, after=after)
        emails = await audit.actor_emails(page.rows)
        return connection(page, "seq", lambda e: AuditEvent.from_model(
            e, emails.get(e.actor_id) if e.actor_id else None))
