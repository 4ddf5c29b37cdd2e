"""``replaceProviderKey``: check the new key, re-seal it in place (step-up needed)."""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.types import ConnectionPayload, ProviderConnection
from meterwise.schema.context import Info
from meterwise.schema.errors import user_error
from meterwise.services import connections
from meterwise.services.authz import Operation, authorize, require_step_up
from meterwise.services.errors import UserInputError


async def replace_provider_key(info: Info, id: strawberry.ID, api_key: str) -> ConnectionPayload:
    viewer = authorize(info.context.viewer, Operation.REPLACE_PROVIDER_KEY)
    try:
        require_step_up(viewer)
        row = await connections.replace_key(
            viewer, info.context.settings, str(id), api_key, ip=info.context.client_ip,
            user_agent=info.context.user_agent,
        )
    except UserInputError as exc:
        return ConnectionPayload(errors=[user_error(exc)])
    return ConnectionPayload(connection=ProviderConnection.from_model(row))
