"""``removeConnection``: delete a connection and its sealed key."""

from __future__ import annotations

import strawberry

from meterwise.schema.connections.types import DeletePayload
from meterwise.schema.context import Info
from meterwise.schema.errors import user_error
from meterwise.services import connections
from meterwise.services.authz import Operation, authorize
from meterwise.services.errors import UserInputError


async def remove_connection(info: Info, id: strawberry.ID) -> DeletePayload:
    viewer = authorize(info.context.viewer, Operation.REMOVE_CONNECTION)
    try:
        await connections.remove(viewer, str(id), ip=info.context.client_ip,
                                 user_agent=info.context.user_agent)
    except UserInputError as exc:
        return DeletePayload(errors=[user_error(exc)])
    return DeletePayload(deleted_id=id)
