"""Per-request DataLoaders (one per entity and key, kept in ``Context.loaders``).

Built lazily on first use and bound to the request's viewer, so a batch is scoped to the
caller's account like every other query, and nested fields cost one query per batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from strawberry.dataloader import DataLoader

from meterwise.models.connections import ProviderConnection
from meterwise.schema.context import Context
from meterwise.services.analytics.lookups import connections_by_id
from meterwise.services.authz import Operation, authorize

CONNECTION_BY_ID = "ProviderConnection.id"


def connection_loader(context: Context) -> DataLoader[UUID, ProviderConnection | None]:
    """Connections of the caller's account by id (None for foreign or deleted ids)."""
    loader = context.loaders.get(CONNECTION_BY_ID)
    if loader is None:
        viewer = authorize(context.viewer, Operation.READ_CONNECTIONS)

        async def load(ids: Sequence[UUID]) -> list[ProviderConnection | None]:
            found = await connections_by_id(viewer, ids)
            return [found.get(connection_id) for connection_id in ids]

        loader = DataLoader(load_fn=load)
        context.loaders[CONNECTION_BY_ID] = loader
    return loader
