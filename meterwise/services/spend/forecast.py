"""Period-end spend forecasts: a weekday-aware run rate on recent days, with an interval.

Why this method: AI spend has a weekly shape (weekdays busy, weekends quiet) and sometimes
ramps; the naive "to-date x days/elapsed" forecast ignores both and, early in a period,
extrapolates from very few days. Here each remaining day is predicted as
``level(day) x factor[weekday]``: the factor is that weekday's mean over the last 28 complete
days relative to the 28-day mean; the level is the 28-day mean of the de-seasonalised spend,
plus its least-squares trend when the trend is clear (|t| > 3), so a flat, noisy series is
not chased while a real ramp is. The interval comes from how far the fit missed on those 28
days (relative residuals), widened for the level's own uncertainty: a ~90 % band, clipped so
it never goes below what is already spent. ``scripts/bench_forecast.py``
backtests it against the naive forecast on the fake providers' 90-day series.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

HISTORY_DAYS = 28
TREND_T = 3.0
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
    """Predicted spend of each of ``days`` from the ``HISTORY_DAYS`` complete days before
    ``today``, and the method's relative residual spread on that history."""
    window = [today - timedelta(days=i) for i in range(HISTORY_DAYS, 0, -1)]
    values = [history.get(day, 0.0) for day in window]
    mean = sum(values) / len(values)
    if mean <= 0:
        return [0.0 for _ in days], 0.0
    baseline = [mean] * len(values)  # what a day "should" cost before the weekly shape
    for _ in range(2):  # factors on the de-trended series, then the trend on the de-seasoned
        factors = _weekday_factors(window, values, baseline)
        level = [v / factors[d.weekday()] if factors[d.weekday()] > 0 else mean
                 for d, v in zip(window, values, strict=True)]
        slope, centre = _trend(level)
        level_mean = sum(level) / len(level)
        baseline = [max(1e-9, level_mean + slope * (i - len(values) - centre))
                    for i in range(len(values))]
    predicted = [max(0.0, (level_mean + slope * ((day - today).days - centre))
                     * factors[day.weekday()]) for day in days]
    fitted = [b * factors[d.weekday()] for d, b in zip(window, baseline, strict=True)]
    residuals = [(v - f) / f for v, f in zip(values, fitted, strict=True) if f > 0]
    spread = math.sqrt(sum(r * r for r in residuals) / len(residuals)) if residuals else 0.0
    return predicted, spread


def _weekday_factors(window: list[date], values: list[float], baseline: list[float]
                     ) -> dict[int, float]:
    """Each weekday's mean ratio of spend to the baseline (1.0 = an ordinary day)."""
    factors: dict[int, float] = {}
    for weekday in range(7):
        ratios = [v / b for d, v, b in zip(window, values, baseline, strict=True)
                  if d.weekday() == weekday]
        factors[weekday] = sum(ratios) / len(ratios) if ratios else 1.0
    return factors


def _trend(level: list[float]) -> tuple[float, float]:
    """The least-squares slope per day of ``level`` (days -n..-1) when it is clear (|t| >
    ``TREND_T``), else 0, and the window's centre day. Noise alone almost never passes, so
    a flat series keeps the steadier mean while a real ramp is followed."""
    n = len(level)
    days = [float(t) for t in range(-n, 0)]
    centre = sum(days) / n
    mean = sum(level) / n
    sxx = sum((t - centre) ** 2 for t in days)
    slope = sum((t - centre) * (x - mean) for t, x in zip(days, level, strict=True)) / sxx
    residual = sum((x - mean - slope * (t - centre)) ** 2
                   for t, x in zip(days, level, strict=True))
    error = math.sqrt(residual / (n - 2) / sxx)
    clear = error == 0 or abs(slope) / error > TREND_T
    return (slope if clear else 0.0), centre


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
        HISTORY_DAYS) * total_rest  # day-to-day noise, plus the level's own uncertainty
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
