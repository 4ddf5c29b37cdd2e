"""One sync, in-process, against the fakes over real HTTP: totals, idempotence, failures."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from uuid import UUID

import pytest

from meterwise import wiring
from meterwise.config import ProviderKind, Settings
from meterwise.fakeproviders import Fakes
from meterwise.models.audit import AuditEvent
from meterwise.models.connections import ConnectionStatus, ProviderConnection
from meterwise.models.usage import CostBasis, SyncRun, SyncStatus, SyncTrigger, UsageRecord
from meterwise.pubsub import InProcessBus, current
from meterwise.services.sync import SyncAttemptFailed, run_sync, sync_settings
from meterwise.services.sync.runs import claim, open_run
from tests.support.identity import FakeClock
from tests.sync.support import (
    add_connection,
    expected_totals,
    normalised,
    rollup_totals,
    stored_totals,
)

KINDS = list(ProviderKind)


async def sync_once(connection_id: UUID, settings: Settings, *, max_attempts: int = 5
                    ) -> SyncStatus | None:
    return await run_sync(connection_id, None, settings=settings, max_attempts=max_attempts)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value.lower())
async def test_first_sync_stores_exactly_the_providers_totals(
    kind: ProviderKind, account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.by_kind(kind)
    connection = await add_connection(account, fake)

    outcome = await sync_once(connection.id, provider_settings)

    assert outcome is SyncStatus.SUCCEEDED
    assert normalised(await stored_totals(connection.id)) == expected_totals(fake)
    assert normalised(await rollup_totals(connection.id)) == expected_totals(fake)
    run = await SyncRun.get(connection_id=connection.id)
    assert (run.status, run.attempts, run.rows_updated) == (SyncStatus.SUCCEEDED, 1, 0)
    assert run.rows_inserted == await UsageRecord.filter(connection_id=connection.id).count()
    assert run.pages > 0 and run.window_start is not None and run.finished_at is not None
    stored = await ProviderConnection.get(id=connection.id)
    assert stored.status is ConnectionStatus.ACTIVE and stored.last_synced_at is not None


async def test_second_and_third_syncs_change_nothing(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.openai
    connection = await add_connection(account, fake)
    await sync_once(connection.id, provider_settings)
    first = await stored_totals(connection.id)

    for _ in range(2):
        assert await sync_once(connection.id, provider_settings) is SyncStatus.SUCCEEDED

    assert await stored_totals(connection.id) == first
    assert normalised(await rollup_totals(connection.id)) == expected_totals(fake)
    later = await SyncRun.filter(connection_id=connection.id).order_by("created_at")
    assert [(r.rows_inserted, r.rows_updated) for r in later[1:]] == [(0, 0), (0, 0)]
    # incremental: from the last sync's day minus the 3-day look-back
    assert later[1].window_start is not None and later[0].window_start is not None
    assert later[1].window_end - later[1].window_start == timedelta(days=4)  # type: ignore[operator]


@pytest.mark.parametrize("kind", [ProviderKind.OPENAI, ProviderKind.ANTHROPIC],
                         ids=lambda k: k.value.lower())
async def test_a_revised_bucket_changes_exactly_that_bucket(
    kind: ProviderKind, account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.by_kind(kind)
    connection = await add_connection(account, fake)
    await sync_once(connection.id, provider_settings)
    before = normalised(await stored_totals(connection.id))
    recent = max(record.day for record in fake.dataset.usage)

    changed_key = fake.dataset.revise(recent)
    await sync_once(connection.id, provider_settings)

    after = normalised(await stored_totals(connection.id))
    assert after == expected_totals(fake)
    assert {k for k in after if after[k] != before.get(k)} == {changed_key}
    assert normalised(await rollup_totals(connection.id)) == after
    run = await SyncRun.filter(connection_id=connection.id).order_by("-created_at").first()
    assert run is not None and run.rows_updated + run.rows_inserted >= 1


async def test_a_burst_of_429s_is_waited_out_and_the_sync_completes(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.anthropic
    connection = await add_connection(account, fake)
    fake.switches.fail_429, fake.switches.retry_after = 3, "1"

    outcome = await sync_once(connection.id, provider_settings)

    assert outcome is SyncStatus.SUCCEEDED
    assert [h.status for h in fake.hits[:3]] == [429, 429, 429]
    assert normalised(await stored_totals(connection.id)) == expected_totals(fake)


async def test_a_401_marks_the_connection_and_is_not_retried(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.openai
    connection = await add_connection(account, fake)
    fake.switches.auth_failure = 401

    outcome = await sync_once(connection.id, provider_settings)

    assert outcome is SyncStatus.FAILED
    assert len(fake.hits) == 1
    stored = await ProviderConnection.get(id=connection.id)
    assert stored.status is ConnectionStatus.INVALID_CREDENTIALS
    assert stored.last_error is not None and "rejected the key" in stored.last_error
    run = await SyncRun.get(connection_id=connection.id)
    assert (run.status, run.error_class) == (SyncStatus.FAILED, "InvalidCredentials")


async def test_provider_outage_is_retried_then_marks_the_connection_on_the_last_attempt(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.openrouter
    connection = await add_connection(account, fake)
    fake.switches.fail_429, fake.switches.retry_after = 10_000, "0"  # rate limited throughout

    with pytest.raises(SyncAttemptFailed):
        await sync_once(connection.id, provider_settings, max_attempts=2)
    run = await SyncRun.get(connection_id=connection.id)
    assert (run.status, run.error_class) == (SyncStatus.QUEUED, "ProviderUnavailable")
    assert run.error_message is not None and "429" in run.error_message
    assert (await ProviderConnection.get(id=connection.id)).status is ConnectionStatus.ACTIVE

    outcome = await run_sync(connection.id, run.id, settings=provider_settings, max_attempts=2)

    assert outcome is SyncStatus.FAILED
    stored = await ProviderConnection.get(id=connection.id)
    assert stored.status is ConnectionStatus.ERROR and stored.last_error
    assert (await SyncRun.get(id=run.id)).attempts == 2


async def test_a_run_held_by_a_live_worker_is_not_run_twice(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.openai
    connection = await add_connection(account, fake)
    fake.switches.latency = 0.02

    outcomes = await asyncio.gather(*(sync_once(connection.id, provider_settings)
                                      for _ in range(3)))

    assert sorted(outcomes, key=str) == [None, None, SyncStatus.SUCCEEDED]
    assert await SyncRun.filter(connection_id=connection.id).count() == 1
    assert normalised(await stored_totals(connection.id)) == expected_totals(fake)


async def test_a_dead_workers_run_is_taken_over_after_its_lease_lapses(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.anthropic
    connection = await add_connection(account, fake)
    clock = FakeClock()
    with wiring.override(clock=clock):
        run, _ = await open_run(account, connection.id, SyncTrigger.SCHEDULE)
        dead = await claim(run.id)  # a worker claimed it, then died without renewing
        assert dead is not None
        assert await run_sync(connection.id, run.id, settings=provider_settings) is None  # held

        clock.advance(sync_settings().lease + timedelta(seconds=1))  # the lease lapses
        outcome = await run_sync(connection.id, run.id, settings=provider_settings)

    assert outcome is SyncStatus.SUCCEEDED
    assert (await SyncRun.get(id=run.id)).attempts == 2
    assert normalised(await stored_totals(connection.id)) == expected_totals(fake)


async def test_sync_audits_key_use_and_publishes_events_without_the_key(
    account: UUID, provider_settings: Settings, live_fakes: Fakes,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = live_fakes.openai
    connection = await add_connection(account, fake)
    bus = current()
    assert isinstance(bus, InProcessBus)
    caplog.set_level(logging.DEBUG)

    async with bus.hub.subscribe(f"account:{account}") as events:
        await sync_once(connection.id, provider_settings)
        fake.switches.auth_failure = 403
        await sync_once(connection.id, provider_settings)
        received = [events.get_nowait() for _ in range(events.qsize())]

    types = [(e["type"], e.get("status")) for e in received]
    assert types == [("syncStatus", "running"), ("syncStatus", "succeeded"),
                     ("usageUpdated", None), ("syncStatus", "running"),
                     ("syncStatus", "failed"), ("alertRaised", None)]  # SYNC_FAILING
    update = received[2]
    assert update["connectionId"] == str(connection.id) and update["rowsChanged"] > 0
    assert update["from"] < update["to"]
    audits = await AuditEvent.filter(action="connection.key_used")
    assert len(audits) == 2
    assert audits[0].target == f"provider_connection:{connection.id}"
    assert audits[0].metadata["job"] == "sync.connection"
    every_line = caplog.text + repr(received) + repr([a.metadata for a in audits])
    assert fake.valid_key not in every_line
    assert fake.valid_key[-12:] not in every_line


async def test_usage_rows_get_estimates_only_on_days_without_a_cost_report(
    account: UUID, provider_settings: Settings, live_fakes: Fakes
) -> None:
    fake = live_fakes.anthropic
    recent = max(record.day for record in fake.dataset.usage)
    dropped = [c for c in fake.dataset.costs if c.day == recent]
    fake.dataset.costs[:] = [c for c in fake.dataset.costs if c.day != recent]
    connection = await add_connection(account, fake)

    await sync_once(connection.id, provider_settings)
    usage = await UsageRecord.filter(connection_id=connection.id, source="usage")
    estimated = {r.bucket_start.date() for r in usage if r.cost_basis is CostBasis.ESTIMATED}
    assert estimated == {recent}
    assert all(r.cost is None for r in usage if r.bucket_start.date() != recent)

    fake.dataset.costs.extend(dropped)  # the late cost report arrives
    await sync_once(connection.id, provider_settings)

    usage = await UsageRecord.filter(connection_id=connection.id, source="usage")
    assert all(r.cost is None and r.cost_basis is CostBasis.NONE for r in usage)
    assert normalised(await rollup_totals(connection.id)) == expected_totals(fake)
