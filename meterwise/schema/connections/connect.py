"""``connectProvider``: check the key with the provider, store it sealed (step-up needed)."""

from __future__ import annotations

from meterwise.schema.connections.types import (
    ConnectionPayload,
    ConnectProviderInput,
    ProviderConnection,
    to_provider_name,
)
from meterwise.schema.context import Info
from meterwise.schema.errors import user_error
from meterwise.services import connections
from meterwise.services.authz import Operation, authorize, require_step_up
from meterwise.services.errors import UserInputError


async def connect_provider(info: Info, input: ConnectProviderInput) -> ConnectionPayload:
    viewer = authorize(info.context.viewer, Operation.CONNECT_PROVIDER)
    try:
        require_step_up(viewer)
        row = await connections.connect(
            viewer, info.context.settings, provider=to_provider_name(input.provider),
            label=input.label, api_key=input.api_key, ip=info.context.client_ip,
            user_agent=info.context.user_agent,
        )
    except UserInputError as exc:
        return ConnectionPayload(errors=[user_error(exc)])
    return ConnectionPayload(connection=ProviderConnection.from_model(row))
