"""Budgets: validated input, account-scoped reads, and what each budget has spent.

Spend comes from the analytics report (``services/analytics``) over the budget's scope, so
a budget shows exactly what the usage dashboard shows for the same filter, estimated cost
included (``estimated`` says when part of it is our estimate, not the provider's report).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import UUID

from meterwise import clock
from meterwise.models.spend import Budget, BudgetPeriod
from meterwise.services.analytics.query import Granularity, build_request
from meterwise.services.analytics.report import DEFAULT_CURRENCY, CostBasis, money, run_report
from meterwise.services.errors import UserErrorCode, UserInputError
from meterwise.services.scoping import scoped, scoped_get
from meterwise.services.spend.forecast import HISTORY_DAYS, Forecast, forecast_period
from meterwise.services.spend.periods import period_bounds
from meterwise.services.viewer import Viewer

MAX_BUDGETS = 100
MAX_THRESHOLDS = 10
MAX_AMOUNT = Decimal("1000000000000")
DEFAULT_THRESHOLDS = (50, 80, 100)
SCOPE_KEYS = ("providers", "connectionIds", "models", "projects", "apiKeys")


@dataclass(frozen=True)
class BudgetInput:
    name: str
    amount: Decimal
    period: BudgetPeriod
    scope: dict[str, list[str]] = field(default_factory=dict)  # SCOPE_KEYS; stored values
    thresholds: Sequence[int] = DEFAULT_THRESHOLDS
    forecast_alert: bool = True


@dataclass(frozen=True)
class BudgetStatus:
    budget: Budget
    period_start: datetime
    period_end: datetime
    spent: Decimal
    remaining: Decimal
    percent_used: float
    estimated: bool
    forecast: Forecast | None


def utcnow() -> datetime:
    """The process clock (``meterwise.clock``), so tests move budgets' time too."""
    return clock.now()


def _clean(data: BudgetInput) -> dict[str, Any]:
    name = data.name.strip()
    if not 1 <= len(name) <= 100:
        raise UserInputError(UserErrorCode.INVALID_INPUT, "A name of 1 to 100 characters.",
                             "input.name")
    try:
        amount = Decimal(data.amount)
    except (InvalidOperation, TypeError, ValueError):
        amount = Decimal(-1)
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT or (
            amount.as_tuple().exponent < -6):  # type: ignore[operator]
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             "The amount must be positive, at most 10^12, 6 decimals at most.",
                             "input.amount")
    thresholds = sorted(set(data.thresholds))
    if len(thresholds) > MAX_THRESHOLDS or any(not 1 <= t <= 1000 for t in thresholds):
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"At most {MAX_THRESHOLDS} thresholds, each 1 to 1000 percent.",
                             "input.thresholds")
    scope = {key: list(dict.fromkeys(data.scope.get(key) or [])) for key in SCOPE_KEYS}
    # the report's own validation names the field at fault (and caps lengths)
    build_request(UUID(int=0), start=datetime(2000, 1, 1, tzinfo=UTC),
                  end=datetime(2000, 1, 2, tzinfo=UTC), providers=scope["providers"],
                  connection_ids=scope["connectionIds"], models=scope["models"],
                  projects=scope["projects"], api_keys=scope["apiKeys"])
    return {"name": name, "amount": amount, "period": data.period,
            "scope": {k: v for k, v in scope.items() if v}, "thresholds": thresholds,
            "forecast_alert": data.forecast_alert}


async def create_budget(viewer: Viewer, data: BudgetInput) -> Budget:
    values = _clean(data)
    if await scoped(Budget, viewer).count() >= MAX_BUDGETS:
        raise UserInputError(UserErrorCode.INVALID_INPUT,
                             f"An account has at most {MAX_BUDGETS} budgets.")
    return await Budget.create(account_id=viewer.account_id, currency=DEFAULT_CURRENCY,
                               **values)


async def update_budget(viewer: Viewer, budget_id: str, data: BudgetInput) -> Budget:
    budget = await get_budget(viewer, budget_id)
    if budget is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such budget.", "id")
    budget.update_from_dict(_clean(data))
    await budget.save()
    return budget


async def delete_budget(viewer: Viewer, budget_id: str) -> None:
    budget = await get_budget(viewer, budget_id)
    if budget is None:
        raise UserInputError(UserErrorCode.NOT_FOUND, "No such budget.", "id")
    await budget.delete()


async def list_budgets(viewer: Viewer) -> list[Budget]:
    return await scoped(Budget, viewer).order_by("created_at", "id").limit(MAX_BUDGETS)


async def get_budget(viewer: Viewer, budget_id: str) -> Budget | None:
    return await scoped_get(Budget, viewer, budget_id)


@dataclass(frozen=True)
class PeriodSpend:
    """What a scope spent in the period holding ``now``, and its daily history."""

    start: datetime
    end: datetime
    spent: Decimal
    estimated: bool
    history: dict[date, float]


@dataclass(frozen=True)
class AccountForecast:
    period_start: datetime
    period_end: datetime
    spent: Decimal
    estimated: bool
    forecast: Forecast


async def period_spend(account_id: UUID, scope: dict[str, list[str]], period: BudgetPeriod,
                       currency: str, now: datetime) -> PeriodSpend:
    """One report over the scope, from ``HISTORY_DAYS`` before the period (the forecast's
    history) to its end, split here: days inside the period are spent, all are history."""
    start, end = period_bounds(period, now)
    today = now.astimezone(UTC).date()
    request = build_request(
        account_id, start=min(start, _day(today - timedelta(days=HISTORY_DAYS))),
        end=end, granularity=Granularity.DAY,
        providers=scope.get("providers"), connection_ids=scope.get("connectionIds"),
        models=scope.get("models"), projects=scope.get("projects"),
        api_keys=scope.get("apiKeys"))
    report = await run_report(request)
    history: dict[date, float] = {}
    spent = Decimal(0)
    bases: set[CostBasis] = set()
    for point in report.series:
        if point.currency != currency:
            continue
        day = point.bucket_start.astimezone(UTC).date()
        history[day] = history.get(day, 0.0) + float(point.cost)
        if point.bucket_start >= start:
            spent += point.cost
            bases.add(point.cost_basis)
    return PeriodSpend(start=start, end=end, spent=money(spent), history=history,
                       estimated=bool(bases & {CostBasis.ESTIMATED, CostBasis.MIXED}))


async def budget_status(budget: Budget, *, now: datetime | None = None) -> BudgetStatus:
    """Spend of the budget's current period over its scope, and the forecast."""
    now = now or utcnow()
    used = await period_spend(budget.account_id, budget.scope or {},
                              BudgetPeriod(budget.period), budget.currency, now)
    amount = amount_of(budget)
    forecast = forecast_period(used.history, spent=used.spent, amount=amount,
                               period_start=used.start, period_end=used.end, now=now)
    return BudgetStatus(
        budget=budget, period_start=used.start, period_end=used.end, spent=used.spent,
        remaining=money(max(amount - used.spent, Decimal(0))),
        percent_used=float(used.spent / amount * 100) if amount else 0.0,
        estimated=used.estimated, forecast=forecast)


async def account_forecast(viewer: Viewer, period: BudgetPeriod, *,
                           now: datetime | None = None) -> AccountForecast:
    """The whole account's spend this period and its period-end forecast (no amount, so
    no breach time)."""
    now = now or utcnow()
    used = await period_spend(viewer.account_id, {}, period, DEFAULT_CURRENCY, now)
    forecast = forecast_period(used.history, spent=used.spent, amount=MAX_AMOUNT,
                               period_start=used.start, period_end=used.end, now=now)
    return AccountForecast(period_start=used.start, period_end=used.end, spent=used.spent,
                           estimated=used.estimated,
                           forecast=Forecast(amount=forecast.amount, low=forecast.low,
                                             high=forecast.high, breach_at=None))


def amount_of(budget: Budget) -> Decimal:
    """The budget's amount as money (the column's scale trimmed: 100.000000 -> 100.00)."""
    return money(Decimal(budget.amount).normalize())


def _day(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
