"""An API token used only over WebSocket is in use: ``connection_init`` and operations stamp
its ``last_used_at`` (throttled as over HTTP), so it neither expires from disuse nor shows
as unused in access reviews. The server is a real process; its clock is the wall clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from meterwise.config import ReviewSettings
from meterwise.models.identity import ApiToken
from meterwise.models.reviews import FindingKind
from meterwise.services.identity.api_tokens import TOUCH_EVERY
from meterwise.services.reviews import findings
from meterwise.web.credentials import socket_viewer
from tests.adversary.support import LiveServer
from tests.adversary.test_operations import full_token
from tests.support.identity import signed_in

ME = "{ me { id } }"


async def _token_created_weeks_ago(days: int = 20) -> tuple[str, ApiToken]:
    """A FULL token made ``days`` ago and never used since (past the review's 14 days,
    inside the 30-day disuse expiry)."""
    _, who = await signed_in()
    token = await full_token(who)
    row = await ApiToken.get(user_id=who.user_id)
    row.created_at = datetime.now(UTC) - timedelta(days=days)
    await row.save(update_fields=["created_at"])
    return token, row


async def _unused(row: ApiToken) -> bool:
    found = await findings.find(row.account_id, datetime.now(UTC), ReviewSettings())
    return any(f.kind is FindingKind.UNUSED_API_TOKEN and f.subject_id == row.id
               for f in found)


@pytest.mark.slow
async def test_a_token_used_only_over_a_socket_is_not_reported_unused(
        live_identity: LiveServer) -> None:
    token, row = await _token_created_weeks_ago()
    assert await _unused(row)  # the premise: the review flags it before any use
    before = datetime.now(UTC)
    async with live_identity.socket(token) as ws:
        await row.refresh_from_db()
        assert row.last_used_at is not None and row.last_used_at >= before  # connection_init
        stamped = datetime.now(UTC) - TOUCH_EVERY - timedelta(seconds=1)
        await ApiToken.filter(id=row.id).update(last_used_at=stamped)
        assert (await ws.execute(ME))["data"]["me"]  # an operation, an interval later
        await row.refresh_from_db()
        assert row.last_used_at is not None and row.last_used_at >= before
        recent = datetime.now(UTC) - timedelta(seconds=5)
        await ApiToken.filter(id=row.id).update(last_used_at=recent)
        for _ in range(5):  # within the interval: no write per message
            assert (await ws.execute(ME))["data"]["me"]
        await row.refresh_from_db()
        assert row.last_used_at == recent
    assert not await _unused(row)


async def test_the_periodic_recheck_records_no_use() -> None:
    """Only connection_init and operations count: an idle open socket must not keep a token
    alive forever through its credential re-check."""
    token, row = await _token_created_weeks_ago()
    assert await socket_viewer(token, in_use=False) is not None
    await row.refresh_from_db()
    assert row.last_used_at is None
    assert await socket_viewer(token, in_use=True) is not None
    await row.refresh_from_db()
    assert row.last_used_at is not None
