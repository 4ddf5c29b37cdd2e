"""API tokens and session revocation."""

from __future__ import annotations

import strawberry

from meterwise.schema.context import Info
from meterwise.schema.errors import user_error
from meterwise.schema.identity.common import client_of
from meterwise.schema.identity.mutations.members import parse_id
from meterwise.schema.identity.types import ApiToken, ApiTokenPayload, RevokePayload
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import UserInputError
from meterwise.services.identity import api_tokens, policy, sessions
from meterwise.services.viewer import TokenScope


@strawberry.input
class CreateApiTokenInput:
    name: str
    scope: TokenScope = TokenScope.READ_USAGE
    expires_in_days: int = 90


@strawberry.type
class TokensMutation:
    @strawberry.mutation(description="A new API token; its secret is returned only here.")
    async def create_api_token(self, info: Info, input: CreateApiTokenInput) -> ApiTokenPayload:
        viewer = authorize(info.context.viewer, Operation.CREATE_API_TOKEN)
        try:
            issued = await api_tokens.create_token(viewer, client_of(info), name=input.name,
                                                   scope=input.scope,
                                                   expires_in_days=input.expires_in_days)
        except UserInputError as exc:
            return ApiTokenPayload(errors=[user_error(exc)])
        return ApiTokenPayload(token=issued.token,
                               api_token=ApiToken.from_model(issued.row, policy.now()))

    @strawberry.mutation(description="Revoke an API token (your own; admins: any).")
    async def revoke_api_token(self, info: Info, id: strawberry.ID) -> ApiTokenPayload:
        viewer = authorize(info.context.viewer, Operation.REVOKE_API_TOKEN)
        try:
            row = await api_tokens.revoke_token(viewer, client_of(info), parse_id(id, "id"))
        except UserInputError as exc:
            return ApiTokenPayload(errors=[user_error(exc)])
        return ApiTokenPayload(api_token=ApiToken.from_model(row, policy.now()))

    @strawberry.mutation(description="End a session of the account (owners/admins).")
    async def revoke_session(self, info: Info, id: strawberry.ID) -> RevokePayload:
        viewer = authorize(info.context.viewer, Operation.REVOKE_SESSION)
        try:
            await sessions.revoke_session(viewer, client_of(info), parse_id(id, "id"))
        except UserInputError as exc:
            return RevokePayload(errors=[user_error(exc)])
        return RevokePayload(ok=True)
