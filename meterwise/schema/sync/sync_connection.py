"""``syncConnection``: enqueue a sync now, or return the one already queued or running."""

from __future__ import annotations

import strawberry

from meterwise.models.usage import SyncTrigger
from meterwise.schema.context import Info
from meterwise.schema.operations import viewer_of
from meterwise.schema.sync.types import SyncPayload, SyncRun
from meterwise.services import connections
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.sync import request_sync


async def sync_connection(info: Info, id: strawberry.ID) -> SyncPayload:
    connection = await connections.get_connection(viewer_of(info), str(id))
    if connection is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such connection.", "id")
    run, created = await request_sync(info.context.jobs, connection, trigger=SyncTrigger.MANUAL)
    return SyncPayload(run=SyncRun.from_model(run), already_active=not created)
