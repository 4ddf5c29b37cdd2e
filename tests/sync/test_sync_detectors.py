"""Every sync checks for new provider key ids and for spend spikes against stored usage."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID, uuid4

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes
from meterwise.models.shield import SecurityEvent
from meterwise.providers.base import UsageRow
from meterwise.services.security_events import suspicious
from meterwise.services.sync import run_sync
from meterwise.services.sync.ingest import Target, ingest
from tests.sync.support import add_connection

DAY0 = date(2027, 3, 1)


def cost_row(day: date, cost: str, *, key: str | None = "key_a") -> UsageRow:
    return UsageRow(bucket_start=datetime.combine(day, datetime.min.time(), tzinfo=UTC),
                    bucket_width="1d", source="cost", model=None, project=None,
                    api_key_id=key, cost=Decimal(cost))


async def sync_rows(account: UUID, connection: UUID, rows: list[UsageRow]) -> None:
    """What the runner does after a fetch: store, then the detectors on the changed days."""
    result = await ingest(Target(account, connection, "openai"), rows)
    await suspicious.on_sync_rows(account_id=account, connection_id=connection,
                                  provider="openai", rows=rows, days=result.days)


async def events(kind: str, account: UUID) -> list[SecurityEvent]:
    return await SecurityEvent.filter(kind=kind, account_id=account).order_by("created_at")


async def normal_fortnight(account: UUID, connection: UUID) -> None:
    """14 days of ordinary spend (9 to 11.50 a day), stored by one sync."""
    await sync_rows(account, connection, [
        cost_row(DAY0 + timedelta(days=n), str(Decimal(9) + Decimal(n % 6) / 2))
        for n in range(14)])


async def test_a_day_ten_times_the_baseline_is_one_spike_event(account: UUID) -> None:
    connection = uuid4()
    await normal_fortnight(account, connection)
    assert await events("spend_spike", account) == []  # the backfill is the baseline

    spike_day = DAY0 + timedelta(days=14)
    await sync_rows(account, connection, [cost_row(spike_day, "102.50")])
    [event] = await events("spend_spike", account)
    assert event.severity == "high"
    assert event.details == {"connectionId": str(connection), "day": spike_day.isoformat(),
                             "currency": "USD", "cost": "102.50", "baselineMedian": "10.00",
                             "baselineMad": "0.75", "baselineDays": 14}

    # the same day synced again (look-back re-reads, a revision): still one event
    await sync_rows(account, connection, [cost_row(spike_day, "102.50")])
    await sync_rows(account, connection, [cost_row(spike_day, "140.00")])
    assert len(await events("spend_spike", account)) == 1


async def test_an_ordinary_day_and_a_tiny_amount_are_not_spikes(account: UUID) -> None:
    connection = uuid4()
    await normal_fortnight(account, connection)
    await sync_rows(account, connection, [cost_row(DAY0 + timedelta(days=14), "12.00")])
    assert await events("spend_spike", account) == []

    quiet = uuid4()  # pennies a day: 50x is still only a few dollars
    await sync_rows(account, quiet, [cost_row(DAY0 + timedelta(days=n), "0.05")
                                     for n in range(14)])
    await sync_rows(account, quiet, [cost_row(DAY0 + timedelta(days=14), "2.50")])
    assert await events("spend_spike", account) == []


async def test_no_baseline_no_spike(account: UUID) -> None:
    connection = uuid4()  # three days of history are not a baseline
    await sync_rows(account, connection, [cost_row(DAY0 + timedelta(days=n), "1.00")
                                          for n in range(3)])
    await sync_rows(account, connection, [cost_row(DAY0 + timedelta(days=3), "500.00")])
    assert await events("spend_spike", account) == []


async def test_first_backfill_learns_every_key_later_syncs_report_new_ones(
        account: UUID) -> None:
    connection = uuid4()
    keys = ["key_a", "key_b", "key_c", "key_d"]
    await sync_rows(account, connection, [cost_row(DAY0 + timedelta(days=n), "1.00",
                                                   key=keys[n % 4]) for n in range(8)])
    assert await events("unknown_api_key", account) == []

    await sync_rows(account, connection, [cost_row(DAY0 + timedelta(days=8), "1.00",
                                                   key="key_b")])
    assert await events("unknown_api_key", account) == []
    await sync_rows(account, connection, [cost_row(DAY0 + timedelta(days=9), "1.00",
                                                   key="key_new")])
    await sync_rows(account, connection, [cost_row(DAY0 + timedelta(days=9), "1.00",
                                                   key="key_new")])
    [event] = await events("unknown_api_key", account)
    assert event.details["apiKeyId"] == "key_new"


async def test_a_first_sync_without_key_ids_still_sets_the_baseline(account: UUID) -> None:
    connection = uuid4()
    await sync_rows(account, connection, [cost_row(DAY0, "1.00", key=None)])
    await sync_rows(account, connection, [cost_row(DAY0 + timedelta(days=1), "1.00")])
    [event] = await events("unknown_api_key", account)
    assert event.details["apiKeyId"] == "key_a"


async def test_real_syncs_run_both_detectors_every_time(
        account: UUID, provider_settings: Settings, live_fakes: Fakes) -> None:
    fake = live_fakes.openai
    assert len({u.api_key_id for u in fake.dataset.usage if u.api_key_id}) > 1
    connection = await add_connection(account, fake)

    await run_sync(connection.id, None, settings=provider_settings)
    assert await events("unknown_api_key", account) == []  # many keys, first backfill
    assert await events("spend_spike", account) == []

    recent = max(c.day for c in fake.dataset.costs)
    usual = fake.dataset.total_cost(recent, recent + timedelta(days=1))
    fake.dataset.costs.append(replace(fake.dataset.costs_on(recent)[0], line_item="burst",
                                      amount=usual * 20 + 100))
    fake.dataset.usage.append(replace(fake.dataset.usage_on(recent)[0],
                                      api_key_id="key_intruder"))
    await run_sync(connection.id, None, settings=provider_settings)
    await run_sync(connection.id, None, settings=provider_settings)

    [unknown] = await events("unknown_api_key", account)
    assert unknown.details["apiKeyId"] == "key_intruder"
    [spike] = await events("spend_spike", account)
    assert spike.details["day"] == recent.isoformat()
