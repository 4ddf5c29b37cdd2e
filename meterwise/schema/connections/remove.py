"""``removeConnection``: delete a connection and its sealed key (step-up needed)."""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.types import DeletePayload
from meterwise.schema.context import Info
from meterwise.schema.operations import viewer_of
from meterwise.services import connections


async def remove_connection(info: Info, id: strawberry.ID) -> DeletePayload:
    await connections.remove(viewer_of(info), str(id), ip=info.context.client_ip,
                             user_agent=info.context.user_agent)
    return DeletePayload(deleted_id=id)
