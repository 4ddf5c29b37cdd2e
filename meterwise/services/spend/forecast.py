"""Period-end spend forecasts: a weekday-aware run rate on recent days, with an interval.

Why this method: AI spend has a strong weekly shape (weekdays busy, weekends quiet) and
drifts in level; the naive "to-date x days/elapsed" forecast ignores both, so early in a
period (or after a quiet weekend) it is far off. Here each remaining day is predicted as
``level x factor[weekday]``: the level is the mean of the last 7 complete days (one of each
weekday, so the weekly shape cancels), the factor is that weekday's mean over the last 28
days relative to the 28-day mean. The interval comes from how far those predictions missed
on the same 28 days (relative residuals), widened for the level's own uncertainty; it is a
~90 % band, clipped so it never goes below what is already spent. ``scripts/bench_forecast.py``
backtests it against the naive forecast on the fake providers' 90-day series.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

HISTORY_DAYS = 28
LEVEL_DAYS = 7
Z_90 = 1.645
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Forecast:
    amount: Decimal
    low: Decimal
    high: Decimal
    breach_at: datetime | None  # when the forecast reaches the budget, if within the period


def daily_predictions(history: Mapping[date, float], today: date, days: list[date]
                      ) -> tuple[list[float], float]:
    """Predicted spend of each of ``days`` from the complete days before ``today``, and
    the relative residual spread of the method on that history."""
    window = [today - timedelta(days=i) for i in range(HISTORY_DAYS, 0, -1)]
    values = [history.get(day, 0.0) for day in window]
    mean = sum(values) / len(values)
    if mean <= 0:
        return [0.0 for _ in days], 0.0
    factors: dict[int, float] = {}
    for weekday in range(7):
        same = [v for d, v in zip(window, values, strict=True) if d.weekday() == weekday]
        factors[weekday] = (sum(same) / len(same)) / mean if same else 1.0
    level = sum(values[-LEVEL_DAYS:]) / LEVEL_DAYS
    fitted = [mean * factors[d.weekday()] for d in window]
    residuals = [(v - f) / f for v, f in zip(values, fitted, strict=True) if f > 0]
    spread = math.sqrt(sum(r * r for r in residuals) / len(residuals)) if residuals else 0.0
    return [level * factors[d.weekday()] for d in days], spread


def forecast_period(history: Mapping[date, float], *, spent: Decimal, amount: Decimal,
                    period_start: datetime, period_end: datetime, now: datetime) -> Forecast:
    """Spend at ``period_end``: ``spent`` so far plus the predicted rest.

    ``history`` holds daily spend (UTC days) of the same scope, including the days before the
    period; today's partial day counts as spent, and today's prediction only adds what is
    left of it (a busy morning never lowers the forecast)."""
    now = now.astimezone(UTC)
    today = now.date()
    rest = [period_start.date() + timedelta(days=i)
            for i in range((period_end - period_start).days)]
    rest = [day for day in rest if day >= today]
    predicted, spread = daily_predictions(history, today, rest)
    if rest and rest[0] == today:
        elapsed = (now - datetime(today.year, today.month, today.day, tzinfo=UTC))
        share = 1 - elapsed.total_seconds() / 86_400
        predicted[0] = max(predicted[0] * share,
                           predicted[0] - history.get(today, 0.0), 0.0)
    total_rest = sum(predicted)
    sigma = spread * math.sqrt(sum(p * p for p in predicted)) + spread / math.sqrt(
        LEVEL_DAYS) * total_rest
    point = float(spent) + total_rest
    low = max(float(spent), point - Z_90 * sigma)
    high = point + Z_90 * sigma
    return Forecast(amount=_money(point), low=_money(low), high=_money(high),
                    breach_at=_breach(spent, amount, rest, predicted, now))


def naive_forecast(spent: float, period_start: datetime, period_end: datetime,
                   now: datetime) -> float:
    """The baseline: spend to date scaled by the period's length over the time elapsed."""
    elapsed = (now - period_start).total_seconds()
    return spent * (period_end - period_start).total_seconds() / elapsed if elapsed > 0 else 0.0


def _breach(spent: Decimal, amount: Decimal, days: list[date], predicted: list[float],
            now: datetime) -> datetime | None:
    """The moment cumulative predicted spend reaches ``amount`` (linear within a day)."""
    if spent >= amount:
        return None
    running = float(spent)
    target = float(amount)
    for index, (day, value) in enumerate(zip(days, predicted, strict=True)):
        if value > 0 and running + value >= target:
            start = now if index == 0 and day == now.date() else datetime(
                day.year, day.month, day.day, tzinfo=UTC)
            end = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
            return start + (end - start) * ((target - running) / value)
        running += value
    return None


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(CENT)
