"""``connections`` and ``connection(id)``: the caller's account only (a foreign id is null)."""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.types import ProviderConnection
from meterwise.schema.context import Info
from meterwise.schema.guards.cost import list_size
from meterwise.schema.operations import operation, viewer_of
from meterwise.services import connections
from meterwise.services.authz import Operation


@strawberry.type
class ConnectionsQuery:
    @strawberry.field(description=f"The account's provider connections, oldest first (at most "
                                  f"{connections.MAX_CONNECTIONS}).",
                      metadata=list_size(connections.MAX_CONNECTIONS),
                      extensions=operation(Operation.READ_CONNECTIONS))
    async def connections(self, info: Info) -> list[ProviderConnection]:
        rows = await connections.list_connections(viewer_of(info))
        return [ProviderConnection.from_model(row) for row in rows]

    @strawberry.field(description="One connection; null when absent or not the caller's.",
                      extensions=operation(Operation.READ_CONNECTIONS))
    async def connection(self, info: Info, id: strawberry.ID) -> ProviderConnection | None:
        row = await connections.get_connection(viewer_of(info), str(id))
        return None if row is None else ProviderConnection.from_model(row)
