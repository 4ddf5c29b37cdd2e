"""``connectProvider``: check the key with the provider, store it sealed (step-up needed)."""

from __future__ import annotations

from meterwise.schema.connections.types import (
    ConnectionPayload,
    ConnectProviderInput,
    ProviderConnection,
)
from meterwise.schema.context import Info
from meterwise.schema.operations import viewer_of
from meterwise.services import connections


async def connect_provider(info: Info, input: ConnectProviderInput) -> ConnectionPayload:
    row = await connections.connect(
        viewer_of(info), info.context.settings, provider=input.provider,
        label=input.label, api_key=input.api_key, ip=info.context.client_ip,
        user_agent=info.context.user_agent,
    )
    return ConnectionPayload(connection=ProviderConnection.from_model(row))
