"""A real sync (the fakes over HTTP) that lands spend inside a budget's period raises its
threshold alerts: the runner's hook evaluates the account."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes
from meterwise.models.spend import Alert, AlertKind, Budget, BudgetPeriod
from meterwise.models.usage import SyncStatus
from meterwise.services.spend import sync_failing
from meterwise.services.spend.periods import period_bounds
from meterwise.services.sync import run_sync
from tests.sync.conftest import (  # noqa: F401 - fixtures of the sync suite, reused
    _sync_policy,
    account,
    fakes,
    live_fakes,
    provider_settings,
)
from tests.sync.support import add_connection


def a_period_holding_yesterday() -> BudgetPeriod:
    now = datetime.now(UTC)
    for period in (BudgetPeriod.MONTH, BudgetPeriod.QUARTER, BudgetPeriod.WEEK):
        if period_bounds(period, now)[0] <= now - timedelta(days=1):
            return period
    pytest.skip("today starts a week, a month and a quarter: the fakes hold no spend in them")


async def test_a_sync_with_spend_in_the_period_raises_the_thresholds(
        account: UUID, provider_settings: Settings, live_fakes: Fakes) -> None:  # noqa: F811
    connection = await add_connection(account, live_fakes.openai)
    await Budget.create(account_id=account, name="Tiny", amount=Decimal("0.01"),
                        period=a_period_holding_yesterday(), thresholds=[50, 100],
                        forecast_alert=False)

    outcome = await run_sync(connection.id, None, settings=provider_settings)

    assert outcome is SyncStatus.SUCCEEDED
    alerts = await Alert.filter(account_id=account).order_by("created_at")
    assert [(a.kind, a.title) for a in alerts] == [
        (AlertKind.BUDGET_THRESHOLD, "Budget Tiny reached 50%"),
        (AlertKind.BUDGET_THRESHOLD, "Budget Tiny reached 100%")]


async def failing_alerts(account_id: UUID) -> list[Alert]:
    return await Alert.filter(account_id=account_id, kind=AlertKind.SYNC_FAILING).order_by(
        "created_at")


async def test_a_failing_sync_raises_one_alert_per_streak_and_a_success_re_arms_it(
        account: UUID, provider_settings: Settings, live_fakes: Fakes) -> None:  # noqa: F811
    connection = await add_connection(account, live_fakes.openai, label="Prod OpenAI")
    live_fakes.openai.switches.auth_failure = 401

    for _ in range(3):
        assert await run_sync(connection.id, None, settings=provider_settings,
                              max_attempts=1) is SyncStatus.FAILED
    (first,) = await failing_alerts(account)
    assert first.title == "Sync of Prod OpenAI failed" and first.severity == "warning"
    assert "rejected the key" in first.message
    assert first.details["connectionId"] == str(connection.id)

    live_fakes.openai.switches.auth_failure = None
    assert await run_sync(connection.id, None, settings=provider_settings) is (
        SyncStatus.SUCCEEDED)
    assert len(await failing_alerts(account)) == 1
    live_fakes.openai.switches.auth_failure = 401
    for _ in range(2):
        await run_sync(connection.id, None, settings=provider_settings, max_attempts=1)

    again = await failing_alerts(account)
    assert len(again) == 2 and again[0].dedupe_key != again[1].dedupe_key


async def test_one_partial_sync_is_quiet_the_second_in_a_row_raises_it_once(
        account: UUID, provider_settings: Settings, live_fakes: Fakes) -> None:  # noqa: F811
    connection = await add_connection(account, live_fakes.openai)
    live_fakes.openai.switches.fail_paths = {"/usage/embeddings": 400}

    assert await run_sync(connection.id, None, settings=provider_settings) is (
        SyncStatus.PARTIAL)
    assert await failing_alerts(account) == []
    for _ in range(2):
        assert await run_sync(connection.id, None, settings=provider_settings) is (
            SyncStatus.PARTIAL)

    (alert,) = await failing_alerts(account)
    assert alert.title == "Sync of Main keeps failing in part"
    assert "usage.embeddings" in alert.message


async def test_racing_hooks_of_one_failure_streak_store_one_alert(
        account: UUID, provider_settings: Settings, live_fakes: Fakes) -> None:  # noqa: F811
    connection = await add_connection(account, live_fakes.openai)
    live_fakes.openai.switches.auth_failure = 401
    await run_sync(connection.id, None, settings=provider_settings, max_attempts=1)
    await Alert.filter(account_id=account).delete()

    outcomes = await asyncio.gather(*(sync_failing.after_run(connection.id, SyncStatus.FAILED)
                                      for _ in range(8)))

    assert outcomes == [SyncStatus.FAILED] * 8
    assert len(await failing_alerts(account)) == 1
