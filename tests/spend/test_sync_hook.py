"""A real sync (the fakes over HTTP) that lands spend inside a budget's period raises its
threshold alerts: the runner's hook evaluates the account."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes
from meterwise.models.spend import Alert, AlertKind, Budget, BudgetPeriod
from meterwise.models.usage import SyncStatus
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
