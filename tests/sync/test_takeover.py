"""Fencing of a taken-over run: a stale holder's late chunk rolls back with its rows; the
taker's commits, and the run records the takeover. (End to end: tests/chaos/test_workers.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from tortoise.backends.base.client import BaseDBAsyncClient

from meterwise import wiring
from meterwise.fakeproviders import Fakes
from meterwise.models.usage import SyncRun, SyncStatus, SyncTrigger, UsageRecord
from meterwise.providers import UsageRow
from meterwise.services.sync import IngestResult, Reread, Target, reread, sync_settings
from meterwise.services.sync.ingest import Commit, midnight
from meterwise.services.sync.runs import (
    Claim,
    LeaseLost,
    claim,
    commit_chunk,
    hand_back,
    open_run,
    reclaim_stale,
)
from tests.support.identity import FakeClock
from tests.sync.support import add_connection

DAY = midnight(datetime.now(UTC).date() - timedelta(days=5))


def _chunk(tokens: int) -> Reread:
    row = UsageRow(bucket_start=DAY, bucket_width="1d", source="usage", model="gpt-4o",
                   project=None, api_key_id=None, line_item="completions",
                   input_tokens=tokens, requests=1)
    return Reread("usage.completions", DAY, DAY + timedelta(days=1), [row])


def _recording(held: Claim) -> Commit:
    async def commit(conn: BaseDBAsyncClient, result: IngestResult) -> None:
        await commit_chunk(conn, held, stored_until=DAY + timedelta(days=1), pages=1,
                           inserted=result.inserted, updated=result.updated,
                           removed=result.removed, sources=[])
    return commit


async def test_a_stale_holders_late_chunk_rolls_back_and_the_takers_commits(
        account: UUID, live_fakes: Fakes) -> None:
    connection = await add_connection(account, live_fakes.openai)
    target = Target(account, connection.id, "openai")
    clock = FakeClock()
    with wiring.override(clock=clock):
        run, _ = await open_run(account, connection.id, SyncTrigger.SCHEDULE)
        stale = await claim(run.id)  # a worker that then stalls past its lease
        assert stale is not None
        clock.advance(sync_settings().lease + timedelta(seconds=1))
        assert await reclaim_stale() == [(run.id, connection.id)]
        taker = await claim(run.id)
        assert taker is not None and taker.attempt == 2

        with pytest.raises(LeaseLost):  # the stalled worker wakes up and stores a chunk
            await reread(target, [_chunk(999)], run_id=run.id, commit=_recording(stale))
        assert await UsageRecord.filter(connection_id=connection.id).count() == 0
        assert (await SyncRun.get(id=run.id)).stored_until is None

        await reread(target, [_chunk(5)], run_id=run.id, commit=_recording(taker))

    stored = await UsageRecord.filter(connection_id=connection.id).values_list(
        "input_tokens", flat=True)
    assert stored == [5]
    after = await SyncRun.get(id=run.id)
    assert after.stored_until == DAY + timedelta(days=1) and after.rows_inserted == 1
    assert after.taken_over_at is not None and after.attempts == 2


async def test_a_handed_back_run_is_requeued_at_the_next_scan_and_resumes_where_it_stopped(
        account: UUID, live_fakes: Fakes) -> None:
    connection = await add_connection(account, live_fakes.openai)
    target = Target(account, connection.id, "openai")
    clock = FakeClock()
    with wiring.override(clock=clock):
        run, _ = await open_run(account, connection.id, SyncTrigger.SCHEDULE)
        draining = await claim(run.id)
        assert draining is not None
        await reread(target, [_chunk(5)], run_id=run.id, commit=_recording(draining))
        await hand_back(draining)
        clock.advance(timedelta(milliseconds=1))
        assert await reclaim_stale() == [(run.id, connection.id)]
        resumed = await claim(run.id)

    assert resumed is not None
    after = await SyncRun.get(id=run.id)
    assert after.status is SyncStatus.RUNNING and after.attempts == 2
    assert after.resumed_from == DAY + timedelta(days=1)
    assert after.taken_over_at is None  # handed back, not taken from a dead worker
