"""Batch lookups behind the analytics DataLoaders: one scoped query per batch of keys."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from meterwise.models.connections import ProviderConnection
from meterwise.services.scoping import scoped
from meterwise.services.viewer import Viewer


async def connections_by_id(viewer: Viewer, ids: Sequence[UUID]
                            ) -> dict[UUID, ProviderConnection]:
    """The viewer's connections among ``ids``; foreign or deleted ids are simply absent."""
    if not ids:
        return {}
    rows = await scoped(ProviderConnection, viewer).filter(id__in=list(set(ids)))
    return {row.id: row for row in rows}
