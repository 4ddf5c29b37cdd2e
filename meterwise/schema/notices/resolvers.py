"""The root fields of notices: each declares its operation and calls one service."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from meterwise import pubsub
from meterwise.schema.context import Info
from meterwise.schema.guards.cost import list_size
from meterwise.schema.live import live_payloads
from meterwise.schema.notices.types import Notice, NoticePayload
from meterwise.schema.operations import operation, viewer_of
from meterwise.services.authz import Operation
from meterwise.services.notices import inbox


@strawberry.type
class NoticesQuery:
    @strawberry.field(description=f"The account's unacknowledged notices, newest first "
                                  f"(at most {inbox.MAX_NOTICES}).",
                      metadata=list_size(inbox.MAX_NOTICES),
                      extensions=operation(Operation.READ_NOTICES))
    async def notices(self, info: Info) -> list[Notice]:
        return [Notice.from_model(row) for row in await inbox.unacknowledged(viewer_of(info))]


@strawberry.type
class NoticesMutation:
    @strawberry.mutation(description="Mark a notice read for the whole account (owners and "
                                     "admins, signed in in person).",
                         extensions=operation(Operation.ACKNOWLEDGE_NOTICE))
    async def acknowledge_notice(self, info: Info, id: strawberry.ID) -> NoticePayload:
        return NoticePayload(notice=Notice.from_model(
            await inbox.acknowledge(viewer_of(info), str(id))))


@strawberry.type
class NoticesSubscription:
    @strawberry.subscription(description="Each notice posted to the caller's account.",
                             extensions=operation(Operation.READ_NOTICES))
    async def notice_posted(self, info: Info) -> AsyncGenerator[Notice, None]:
        async for payload in live_payloads(info, Operation.READ_NOTICES,
                                           pubsub.account_channel):
            if payload.get("type") != inbox.NOTICE_POSTED:
                continue
            try:
                notice = Notice.from_event(payload)
            except (KeyError, TypeError, ValueError):
                continue
            yield notice
