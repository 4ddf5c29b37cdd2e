"""``replaceProviderKey``: check the new key, re-seal it in place (step-up needed)."""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.types import ConnectionPayload, ProviderConnection
from meterwise.schema.context import Info
from meterwise.schema.operations import viewer_of
from meterwise.services import connections


async def replace_provider_key(info: Info, id: strawberry.ID, api_key: str) -> ConnectionPayload:
    row = await connections.replace_key(
        viewer_of(info), info.context.settings, str(id), api_key, ip=info.context.client_ip,
        user_agent=info.context.user_agent,
    )
    return ConnectionPayload(connection=ProviderConnection.from_model(row))
