"""The sync mutations, merged into ``Mutation``."""

from __future__ import annotations

import strawberry

from meterwise.schema.sync.sync_connection import sync_connection
from meterwise.schema.sync.types import SyncPayload


@strawberry.type
class SyncMutation:
    sync_connection: SyncPayload = strawberry.mutation(
        resolver=sync_connection,
        description="Sync a connection now; returns the queued or running sync if there is one.")
