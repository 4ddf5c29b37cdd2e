"""The sync mutations, merged into ``Mutation``."""

from __future__ import annotations

import strawberry

from meterwise.schema.operations import operation
from meterwise.schema.sync.sync_connection import sync_connection
from meterwise.schema.sync.types import SyncPayload
from meterwise.services.authz import Operation


@strawberry.type
class SyncMutation:
    sync_connection: SyncPayload = strawberry.mutation(
        resolver=sync_connection,
        description="Sync a connection now; returns the queued or running sync if there is one.",
        extensions=operation(Operation.SYNC_CONNECTION))
