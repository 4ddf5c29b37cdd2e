"""Budget evaluation: each threshold fires once per budget and period, also under races;
a revision that lowers spend re-arms nothing; the forecast warns before the breach."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from meterwise.models.spend import Alert, AlertKind, Budget, BudgetPeriod
from meterwise.services.spend import evaluation
from meterwise.services.spend.periods import period_bounds
from tests.spend.support import add_connection, at, spend_on
from tests.support.identity import new_account

pytestmark = pytest.mark.usefixtures("db")

JUNE_15 = datetime(2026, 6, 15, 12, tzinfo=UTC)


async def month_budget(account_id: UUID, amount: str = "100", **extra: object) -> Budget:
    return await Budget.create(account_id=account_id, name="June", amount=Decimal(amount),
                               period=BudgetPeriod.MONTH, thresholds=[50, 80, 100],
                               forecast_alert=extra.pop("forecast_alert", False), **extra)


async def kinds(account_id: UUID) -> list[tuple[str, str]]:
    rows = await Alert.filter(account_id=account_id).order_by("created_at", "dedupe_key")
    return [(str(row.kind), row.dedupe_key.rsplit(":", 1)[-1]) for row in rows]


async def test_each_threshold_fires_once_per_period() -> None:
    account = await new_account()
    connection = await add_connection(account)
    budget = await month_budget(account)

    await spend_on(connection, date(2026, 6, 1), "55")
    first = await evaluation.evaluate_account(account, now=JUNE_15)
    again = await evaluation.evaluate_account(account, now=JUNE_15)
    await spend_on(connection, date(2026, 6, 2), "50")  # 105 %: 80 and 100 at once
    second = await evaluation.evaluate_account(account, now=JUNE_15)
    await evaluation.evaluate_account(account, now=JUNE_15 + timedelta(days=3))

    assert [a.title for a in first] == ["Budget June reached 50%"]
    assert again == []
    assert [a.title for a in second] == ["Budget June reached 80%", "Budget June reached 100%"]
    rows = await Alert.filter(account_id=account).order_by("created_at")
    assert [r.severity for r in rows] == ["warning", "warning", "critical"]
    assert {r.budget_id for r in rows} == {budget.id}
    assert "105.00 of 100.00 USD" in rows[-1].message


async def test_a_new_period_fires_again() -> None:
    account = await new_account()
    connection = await add_connection(account)
    await month_budget(account)
    await spend_on(connection, date(2026, 6, 1), "60")
    await spend_on(connection, date(2026, 7, 1), "60")

    june = await evaluation.evaluate_account(account, now=JUNE_15)
    july = await evaluation.evaluate_account(account, now=datetime(2026, 7, 2, tzinfo=UTC))

    assert len(june) == len(july) == 1
    assert june[0].dedupe_key != july[0].dedupe_key


async def test_concurrent_evaluations_raise_each_alert_once() -> None:
    """Twenty evaluations race on separate pool connections (real concurrent transactions)."""
    account = await new_account()
    connection = await add_connection(account)
    await month_budget(account)
    await spend_on(connection, date(2026, 6, 1), "101")

    results = await asyncio.gather(*[evaluation.evaluate_account(account, now=JUNE_15)
                                     for _ in range(20)])

    raised = [alert.title for result in results for alert in result]
    assert sorted(raised) == ["Budget June reached 100%", "Budget June reached 50%",
                              "Budget June reached 80%"]
    assert await Alert.filter(account_id=account).count() == 3


async def test_a_revision_that_lowers_spend_is_recorded_and_re_arms_nothing() -> None:
    account = await new_account()
    connection = await add_connection(account)
    await month_budget(account)
    await spend_on(connection, date(2026, 6, 1), "85")
    await evaluation.evaluate_account(account, now=JUNE_15)

    await spend_on(connection, date(2026, 6, 1), "40")  # the provider revised the day down
    revised = await evaluation.evaluate_account(account, now=JUNE_15)
    await evaluation.evaluate_account(account, now=JUNE_15)
    await spend_on(connection, date(2026, 6, 1), "90")  # and back up
    back_up = await evaluation.evaluate_account(account, now=JUNE_15)

    assert [(str(a.kind), a.severity) for a in revised] == [
        (str(AlertKind.SPEND_REVISED), "info"), (str(AlertKind.SPEND_REVISED), "info")]
    assert back_up == []
    assert sorted(await kinds(account)) == sorted([
        ("budget_threshold", "50"), ("budget_threshold", "80"),
        ("spend_revised", "revised"), ("spend_revised", "revised")])


async def test_the_forecast_alert_fires_before_the_actual_breach_on_a_rising_series() -> None:
    account = await new_account()
    connection = await add_connection(account)
    budget = await month_budget(account, amount="200", forecast_alert=True)
    start, _ = period_bounds(BudgetPeriod.MONTH, JUNE_15)
    # May and June: spend rising by 0.25 USD a day, from 2 to ~13 a day
    day = date(2026, 5, 18)
    cost = Decimal("2")
    while day < date(2026, 6, 12):
        await spend_on(connection, day, cost)
        day += timedelta(days=1)
        cost += Decimal("0.25")
    now = at(date(2026, 6, 11), 23)

    raised = await evaluation.evaluate_account(account, now=now)

    june = [Decimal("5.5") + Decimal("0.25") * d for d in range(30)]  # the series continued
    assert sum(june[:11]) == Decimal("74.25")  # spent so far: under 50 % of 200
    breach_day = next(d for d in range(30) if sum(june[:d + 1]) >= 200) + 1
    assert breach_day == 24  # the actual breach would come on June 24
    assert [str(a.kind) for a in raised] == ["budget_forecast"]
    forecast = next(a for a in raised if a.kind == AlertKind.BUDGET_FORECAST)
    assert forecast.budget_id == budget.id
    assert forecast.dedupe_key.endswith(f"{start.date().isoformat()}:forecast")
    assert "Expected to cross the amount at 2026-06-" in forecast.message


async def test_after_sync_evaluates_only_when_the_changed_days_touch_a_period() -> None:
    account = await new_account()
    connection = await add_connection(account)
    await Budget.create(account_id=account, name="Today", amount=Decimal("1"),
                        period=BudgetPeriod.DAY, thresholds=[100], forecast_alert=False)
    today = datetime.now(UTC).date()
    await spend_on(connection, today - timedelta(days=2), "5")
    await spend_on(connection, today, "5")

    await evaluation.after_sync(account, [today - timedelta(days=2)])
    untouched = await Alert.filter(account_id=account).count()
    await evaluation.after_sync(account, [today - timedelta(days=2), today])

    assert untouched == 0
    assert await Alert.filter(account_id=account, kind=AlertKind.BUDGET_THRESHOLD).count() == 1


async def test_the_scheduled_pass_evaluates_every_account_with_a_budget() -> None:
    account = await new_account()
    connection = await add_connection(account)
    await month_budget(account)
    await spend_on(connection, date(2026, 6, 1), "81")
    idle = await new_account()
    await month_budget(idle)

    raised = await evaluation.evaluate_all(now=JUNE_15)

    assert raised == 2
    assert await Alert.filter(account_id=idle).count() == 0


async def test_alert_messages_show_cents_and_whole_percents_and_store_the_exact_amount(
        ) -> None:
    """The wording a person reads: "Spent 3606.73 of 1.00 USD (360672%)", not the
    provider's nine decimals; the alert's details keep the exact sum."""
    account = await new_account()
    connection = await add_connection(account)
    await month_budget(account, amount="1.004999")
    await spend_on(connection, date(2026, 6, 1), "3606.727660190")
    await spend_on(connection, date(2026, 6, 2), "0.000000001")
    raised = await evaluation.evaluate_account(account, now=JUNE_15)
    top = next(a for a in raised if a.title.endswith("100%"))
    assert top.message.startswith("Spent 3606.73 of 1.00 USD (358878%) this month since ")
    assert top.details["spent"] == "3606.727660191"

    await spend_on(connection, date(2026, 6, 1), "0.60")
    await spend_on(connection, date(2026, 6, 2), "0.205")
    [revised] = await evaluation.evaluate_account(account, now=JUNE_15)
    assert revised.message.startswith(  # 80.1 % rounded down, 0.805 half to even
        "A provider revision lowered spend to 0.80 USD (80%); the 100% alert")
