"""The connection mutations (one resolver a file), merged into ``Mutation``."""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.connect import connect_provider
from meterwise.schema.connections.remove import remove_connection
from meterwise.schema.connections.replace_key import replace_provider_key
from meterwise.schema.connections.types import ConnectionPayload, DeletePayload
from meterwise.schema.operations import operation
from meterwise.services.authz import Operation


@strawberry.type
class ConnectionsMutation:
    connect_provider: ConnectionPayload = strawberry.mutation(
        resolver=connect_provider, description="Connect a provider account (needs step-up).",
        extensions=operation(Operation.CONNECT_PROVIDER))
    replace_provider_key: ConnectionPayload = strawberry.mutation(
        resolver=replace_provider_key, description="Replace a connection's key (needs step-up).",
        extensions=operation(Operation.REPLACE_PROVIDER_KEY))
    remove_connection: DeletePayload = strawberry.mutation(
        resolver=remove_connection,
        description="Remove a connection and its sealed key (needs step-up).",
        extensions=operation(Operation.REMOVE_CONNECTION))
