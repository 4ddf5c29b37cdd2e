"""Backtest the budget forecast on the fake providers' 90-day series (run by hand).

    .venv/bin/python scripts/bench_forecast.py            # 5 seeds x 3 providers
    .venv/bin/python scripts/bench_forecast.py --seeds 20

For every provider series (daily reported cost, exactly as the fakes hold it) and every
period that fits after 28 days of history, a forecast is made at the period's midpoint and
compared with what the period really cost: ours (``services/spend/forecast``, weekday-aware
run rate) against the naive "to-date x days/elapsed". Periods are 7- and 30-day windows
starting on every day (so every weekday alignment counts; calendar weeks are among them).
Prints the mean absolute percentage error of both, and how often the actual total fell
inside our ~90 % interval.
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from meterwise.fakeproviders.dataset import Dataset
from meterwise.fakeproviders.generate import anthropic_dataset, openai_dataset, openrouter_dataset
from meterwise.services.spend.forecast import HISTORY_DAYS, forecast_period, naive_forecast

DAYS = 90
START = date(2026, 1, 5)
GENERATORS: dict[str, Callable[[int, date, int], Dataset]] = {
    "openai": openai_dataset, "anthropic": anthropic_dataset, "openrouter": openrouter_dataset}


def daily(dataset: Dataset) -> dict[date, float]:
    out: dict[date, float] = {}
    for (day, _, _), totals in dataset.expected().items():
        out[day] = out.get(day, 0.0) + float(totals.cost)
    return out


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def backtest(series: dict[date, float], length: int) -> list[tuple[float, float, bool]]:
    """(our APE, naive APE, actual within our interval) per window of ``length`` days."""
    results = []
    first = START + timedelta(days=HISTORY_DAYS)
    last = START + timedelta(days=DAYS - length)
    day = first
    while day <= last:
        results.append(_one(series, day, length))
        day += timedelta(days=1)
    return [r for r in results if r is not None]


def _one(series: dict[date, float], start: date, length: int
         ) -> tuple[float, float, bool] | None:
    end = start + timedelta(days=length)
    now = midnight(start + timedelta(days=length // 2))
    actual = sum(series.get(start + timedelta(days=i), 0.0) for i in range(length))
    if actual <= 0:
        return None
    known = {d: v for d, v in series.items() if d < now.date()}
    spent = sum(v for d, v in known.items() if d >= start)
    ours = forecast_period(known, spent=Decimal(str(round(spent, 6))), amount=Decimal(10**9),
                           period_start=midnight(start), period_end=midnight(end), now=now)
    naive = naive_forecast(spent, midnight(start), midnight(end), now)
    inside = float(ours.low) <= actual <= float(ours.high)
    return (abs(float(ours.amount) - actual) / actual, abs(naive - actual) / actual, inside)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    print(f"{'provider':<11} {'period':>6} {'windows':>7} {'ours MAPE':>10} "
          f"{'naive MAPE':>10} {'in 90% band':>11}")
    overall: dict[int, list[tuple[float, float, bool]]] = {7: [], 30: []}
    for name, generate in GENERATORS.items():
        for length in (7, 30):
            rows = []
            for seed in range(1, args.seeds + 1):
                rows += backtest(daily(generate(seed, START, DAYS)), length)
            overall[length] += rows
            _line(name, length, rows)
    for length, rows in overall.items():
        _line("all", length, rows)


def _line(name: str, length: int, rows: list[tuple[float, float, bool]]) -> None:
    ours = statistics.mean(r[0] for r in rows) * 100
    naive = statistics.mean(r[1] for r in rows) * 100
    band = sum(r[2] for r in rows) / len(rows) * 100
    print(f"{name:<11} {length:>5}d {len(rows):>7} {ours:>9.1f}% {naive:>9.1f}% {band:>10.0f}%")


if __name__ == "__main__":
    main()
