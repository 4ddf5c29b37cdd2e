"""Incident notices against a real server process: ``noticePosted`` reaches every member of
the affected account and nobody else, and the ``notices`` query and ``acknowledgeNotice``
hold the same rules over WebSocket as over HTTP (issue 15)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from meterwise import pubsub, wiring
from meterwise.models.identity import Role
from meterwise.models.notices import Notice
from meterwise.services.notices import notify_affected
from tests.adversary.support import LiveServer
from tests.notices.support import FACTS, received, team
from tests.spend.smtp import Mailbox, smtp_server
from tests.support.identity import error_code

pytestmark = pytest.mark.slow

POSTED = "subscription { noticePosted { id title severity body } }"
NOTICES = "{ notices { id } }"
ACK = """mutation($id: ID!) { acknowledgeNotice(id: $id) { notice { id acknowledgedAt }
  errors { code } } }"""


@pytest.fixture
async def notifying(redis_url: str, redis_prefix: str) -> AsyncIterator[Mailbox]:
    """The operator's side: events on the live server's Redis bus, mail to a real SMTP
    server."""
    bus = pubsub.RedisBus(redis_url, prefix=f"{redis_prefix}d")
    try:
        with smtp_server() as box:
            mailing = wiring.settings().model_copy(update={"smtp_url": SecretStr(box.url)})
            with wiring.override(events=bus, settings=mailing):
                yield box
    finally:
        await bus.close()


async def test_the_notice_stream_reaches_the_affected_account_only(
        live: LiveServer, notifying: Mailbox) -> None:
    affected, stranger = await team(), await team()
    async with live.socket(affected.tokens[Role.VIEWER]) as viewer, \
            live.socket(affected.tokens[Role.OWNER]) as owner, \
            live.socket(stranger.tokens[Role.OWNER]) as theirs:
        for ws in (viewer, owner, theirs):
            await ws.subscribe(POSTED)
        await asyncio.sleep(0.5)  # the subscriptions are registered on the server

        await notify_affected("INC-20", [affected.account_id], FACTS)

        notice = await Notice.get(account_id=affected.account_id)
        for ws in (viewer, owner):
            got = await ws.receive(10)
            assert got["type"] == "next", got
            assert got["payload"]["data"]["noticePosted"] == {
                "id": str(notice.id), "title": FACTS.title, "severity": "CRITICAL",
                "body": notice.body}
        with pytest.raises(TimeoutError):
            await theirs.receive(1.5)
    assert received(notifying) == {address: 1 for address in affected.mailed}


async def test_notices_over_a_socket_follow_the_http_rules(live: LiveServer,
                                                           notifying: Mailbox) -> None:
    affected, stranger = await team(), await team()
    await notify_affected("INC-21", [affected.account_id], FACTS)
    notice = await Notice.get(account_id=affected.account_id)
    async with live.socket(affected.tokens[Role.MEMBER]) as member, \
            live.socket(stranger.tokens[Role.OWNER]) as theirs, \
            live.socket(affected.tokens[Role.ADMIN]) as admin:
        assert (await member.execute(NOTICES))["data"] == {"notices": [{"id": str(notice.id)}]}
        assert (await theirs.execute(NOTICES))["data"] == {"notices": []}
        assert error_code(await member.execute(ACK, {"id": str(notice.id)})) == "FORBIDDEN"
        foreign = await theirs.execute(ACK, {"id": str(notice.id)})
        assert foreign["data"]["acknowledgeNotice"]["errors"] == [{"code": "NOT_FOUND"}]
        done = await admin.execute(ACK, {"id": str(notice.id)})
        assert done["data"]["acknowledgeNotice"]["notice"]["acknowledgedAt"]
        assert (await member.execute(NOTICES))["data"] == {"notices": []}
