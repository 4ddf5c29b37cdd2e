"""API tokens and session revocation."""

from __future__ import annotations

import strawberry

from meterwise import clock
from meterwise.schema.context import Info
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.mutations.members import parse_id
from meterwise.schema.identity.types import ApiToken, ApiTokenPayload, RevokePayload
from meterwise.schema.operations import operation, viewer_of
from meterwise.services.authz import Operation
from meterwise.services.identity import api_tokens, sessions
from meterwise.services.viewer import TokenScope


@strawberry.input
class CreateApiTokenInput:
    name: str
    scope: TokenScope = TokenScope.READ_USAGE
    expires_in_days: int = 90


@strawberry.type
class TokensMutation:
    @strawberry.mutation(description="A new API token (signed-in people only; FULL scope "
                                     "needs step-up); its secret is returned only here.",
                         extensions=operation(Operation.CREATE_API_TOKEN))
    async def create_api_token(self, info: Info, input: CreateApiTokenInput) -> ApiTokenPayload:
        issued = await api_tokens.create_token(viewer_of(info), client_of(info),
                                               name=input.name, scope=input.scope,
                                               expires_in_days=input.expires_in_days)
        return ApiTokenPayload(token=issued.token,
                               api_token=ApiToken.from_model(issued.row, clock.now()))

    @strawberry.mutation(description="Revoke an API token (your own; admins: any).",
                         extensions=operation(Operation.REVOKE_API_TOKEN))
    async def revoke_api_token(self, info: Info, id: strawberry.ID) -> ApiTokenPayload:
        row = await api_tokens.revoke_token(viewer_of(info), client_of(info), parse_id(id, "id"))
        return ApiTokenPayload(api_token=ApiToken.from_model(row, clock.now()))

    @strawberry.mutation(description="End a session of the account (owners/admins).",
                         extensions=operation(Operation.REVOKE_SESSION))
    async def revoke_session(self, info: Info, id: strawberry.ID) -> RevokePayload:
        await sessions.revoke_session(viewer_of(info), client_of(info), parse_id(id, "id"))
        return RevokePayload(ok=True)
