"""Budget evaluation: after syncs that touched a budget's period, and on a schedule.

Each threshold fires once per budget and period: its alert's dedupe key is
``budget:<id>:<period start>:<threshold>`` and ``alerts.raise_alert`` inserts it with ON
CONFLICT DO NOTHING, so evaluations racing in N workers raise it once. A provider revision
that lowers spend below a threshold that already fired re-arms nothing (the key stays
taken); it is recorded as a SPEND_REVISED alert instead, once per threshold and period.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from meterwise import wiring
from meterwise.models.connections import ProviderConnection
from meterwise.models.spend import Alert, AlertKind, Budget, BudgetPeriod
from meterwise.services.analytics.report import in_cents, whole_percent
from meterwise.services.spend import anomalies
from meterwise.services.spend.alerts import NewAlert, raise_alert
from meterwise.services.spend.budgets import BudgetStatus, amount_of, budget_status, utcnow
from meterwise.services.spend.periods import period_bounds

log = logging.getLogger(__name__)

EVALUATE_JOB = "spend.evaluate_account"
EVALUATE_ALL_JOB = "spend.evaluate_all"
ANOMALY_DAYS = 2  # yesterday and today: the days late provider data still changes


def threshold_key(budget: Budget, period_start: datetime, threshold: int) -> str:
    return f"budget:{budget.id}:{period_start.date().isoformat()}:{threshold}"


def forecast_key(budget: Budget, period_start: datetime) -> str:
    return f"budget:{budget.id}:{period_start.date().isoformat()}:forecast"


async def after_sync(account_id: UUID, days: Iterable[date]) -> None:
    """The sync hook: queue an evaluation when the changed days touch a budget's period or
    the days anomalies are looked for.

    Never raises into the sync: a failure here is logged (the schedule evaluates anyway)."""
    try:
        changed = sorted(set(days))
        if not changed:
            return
        now = utcnow()
        first = datetime(changed[0].year, changed[0].month, changed[0].day, tzinfo=UTC)
        last = datetime(changed[-1].year, changed[-1].month, changed[-1].day,
                        tzinfo=UTC) + timedelta(days=1)
        periods = await Budget.filter(account_id=account_id).values_list("period", flat=True)
        recent = changed[-1] >= now.date() - timedelta(days=ANOMALY_DAYS - 1)
        touched = recent or any(
            start < last and first < end
            for start, end in (period_bounds(BudgetPeriod(str(p)), now) for p in set(periods)))
        if not touched:
            return
        jobs = wiring.current().jobs
        if jobs is not None:
            await jobs.enqueue(EVALUATE_JOB, account_id=str(account_id))
        else:
            await evaluate_account(account_id)
    except Exception:
        log.exception("could not queue the budget evaluation of account %s", account_id)


async def evaluate_account(account_id: UUID, *, now: datetime | None = None) -> list[Alert]:
    """Evaluate every budget of the account, then look for cost anomalies yesterday and
    today; the alerts this call raised."""
    now = now or utcnow()
    raised: list[Alert] = []
    for budget in await Budget.filter(account_id=account_id).order_by("created_at"):
        raised += await evaluate_budget(budget, now=now)
    today = now.astimezone(UTC).date()
    for day in (today - timedelta(days=ANOMALY_DAYS - 1 - i) for i in range(ANOMALY_DAYS)):
        raised += await anomalies.detect(account_id, day, now=now)
    return raised


async def evaluate_all(*, now: datetime | None = None) -> int:
    """The scheduled pass: every account with a budget or recent usage; how many alerts
    it raised."""
    since = (now or utcnow()) - timedelta(days=ANOMALY_DAYS)
    accounts = set(await Budget.all().distinct().values_list("account_id", flat=True))
    accounts |= set(await ProviderConnection.filter(last_synced_at__gte=since).distinct(
        ).values_list("account_id", flat=True))
    count = 0
    for account_id in accounts:
        try:
            count += len(await evaluate_account(UUID(str(account_id)), now=now))
        except Exception:
            log.exception("budget evaluation of account %s failed", account_id)
    return count


async def evaluate_budget(budget: Budget, *, now: datetime | None = None) -> list[Alert]:
    now = now or utcnow()
    status = await budget_status(budget, now=now)
    raised: list[Alert] = []
    fired = set(await Alert.filter(
        account_id=budget.account_id, budget_id=budget.id,
        kind=AlertKind.BUDGET_THRESHOLD,
        dedupe_key__startswith=f"budget:{budget.id}:{status.period_start.date().isoformat()}:",
    ).values_list("dedupe_key", flat=True))
    for threshold in sorted(budget.thresholds):
        key = threshold_key(budget, status.period_start, threshold)
        if status.percent_used >= threshold:
            alert = await raise_alert(budget.account_id, _threshold_alert(status, threshold, key),
                                      now=now)
        elif key in fired:
            alert = await raise_alert(budget.account_id, _revised_alert(status, threshold, key),
                                      now=now)
        else:
            continue
        if alert is not None:
            raised.append(alert)
    forecast = status.forecast
    if (budget.forecast_alert and forecast is not None and forecast.amount > amount_of(budget)
            and status.spent < amount_of(budget)):
        alert = await raise_alert(budget.account_id, NewAlert(
            kind=AlertKind.BUDGET_FORECAST, severity="warning",
            title=(f"Budget {budget.name} is on track to exceed {in_cents(amount_of(budget))} "
                   f"{budget.currency}"),
            message=(f"Forecast for the period ending {status.period_end.isoformat()}: "
                     f"{in_cents(forecast.amount)} {budget.currency} (90% interval "
                     f"{in_cents(forecast.low)} to {in_cents(forecast.high)}); spent so far "
                     f"{in_cents(status.spent)}."
                     + (f" Expected to cross the amount at {forecast.breach_at.isoformat()}."
                        if forecast.breach_at else "")),
            dedupe_key=forecast_key(budget, status.period_start), budget_id=budget.id,
            details=_details(status)), now=now)
        if alert is not None:
            raised.append(alert)
    return raised


def _threshold_alert(status: BudgetStatus, threshold: int, key: str) -> NewAlert:
    budget = status.budget
    estimated = " (includes estimated cost)" if status.estimated else ""
    return NewAlert(
        kind=AlertKind.BUDGET_THRESHOLD,
        severity="critical" if threshold >= 100 else "warning",
        title=f"Budget {budget.name} reached {threshold}%",
        message=(f"Spent {in_cents(status.spent)} of {in_cents(amount_of(budget))} "
                 f"{budget.currency} ({whole_percent(status.percent_used)}%) this "
                 f"{budget.period} since "
                 f"{status.period_start.isoformat()}{estimated}."),
        dedupe_key=key, budget_id=budget.id, details={**_details(status),
                                                      "threshold": threshold})


def _revised_alert(status: BudgetStatus, threshold: int, key: str) -> NewAlert:
    budget = status.budget
    return NewAlert(
        kind=AlertKind.SPEND_REVISED, severity="info",
        title=f"Budget {budget.name}: revised spend is back under {threshold}%",
        message=(f"A provider revision lowered spend to {in_cents(status.spent)} "
                 f"{budget.currency} ({whole_percent(status.percent_used)}%); the {threshold}% "
                 "alert of this period "
                 "stays fired and will not repeat."),
        dedupe_key=f"{key}:revised", budget_id=budget.id,
        details={**_details(status), "threshold": threshold})


def _details(status: BudgetStatus) -> dict[str, object]:
    return {"spent": str(status.spent), "amount": str(amount_of(status.budget)),
            "periodStart": status.period_start.isoformat(),
            "periodEnd": status.period_end.isoformat(), "estimated": status.estimated}
