"""The forecast: weekday-aware, follows a clear ramp, never below what is spent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from meterwise.services.spend.forecast import forecast_period, naive_forecast

MONDAY = date(2026, 6, 1)


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def weekly(day: date) -> float:
    return 2.0 if day.weekday() >= 5 else 10.0  # busy weekdays, quiet weekends


def test_a_weekly_shape_is_forecast_exactly_where_the_naive_forecast_is_not() -> None:
    history = {MONDAY - timedelta(days=i): weekly(MONDAY - timedelta(days=i))
               for i in range(1, 40)}
    start, end = midnight(MONDAY - timedelta(days=6)), midnight(MONDAY + timedelta(days=1))
    # a Tuesday-to-Monday window seen on Monday 00:00: Tue-Fri and the weekend are known
    spent = sum(Decimal(str(weekly(start.date() + timedelta(days=i)))) for i in range(6))

    ours = forecast_period(history, spent=spent, amount=Decimal(1000), period_start=start,
                           period_end=end, now=midnight(MONDAY))
    naive = naive_forecast(float(spent), start, end, midnight(MONDAY))

    assert ours.amount == Decimal("54.00")  # 44 spent + a Monday's 10
    assert ours.low == ours.high == Decimal("54.00")  # the fit never missed: no spread
    assert round(naive, 2) == 51.33


def test_a_clear_ramp_is_followed_and_the_breach_time_is_predicted() -> None:
    history = {MONDAY - timedelta(days=i): 100.0 - 2.0 * i for i in range(1, 29)}
    start, end = midnight(MONDAY), midnight(MONDAY + timedelta(days=10))

    ours = forecast_period(history, spent=Decimal(0), amount=Decimal(500), period_start=start,
                           period_end=end, now=midnight(MONDAY))

    # the next days continue the ramp: 100, 102, ... 118 -> 1090 over ten days
    assert abs(float(ours.amount) - 1090) < 5.5  # within 0.5 %
    assert ours.breach_at is not None
    # 100+102+104+106 = 412 after four days; the fifth (108) crosses 500 at 88/108 of it
    expected = midnight(MONDAY + timedelta(days=4)) + timedelta(days=88 / 108)
    assert abs((ours.breach_at - expected).total_seconds()) < 3600


def test_no_history_forecasts_what_is_spent_and_no_breach() -> None:
    ours = forecast_period({}, spent=Decimal("3.5"), amount=Decimal(10),
                           period_start=midnight(MONDAY), period_end=midnight(
                               MONDAY + timedelta(days=7)), now=midnight(MONDAY) + timedelta(
                               hours=5))
    assert (ours.amount, ours.low, ours.high, ours.breach_at) == (
        Decimal("3.50"), Decimal("3.50"), Decimal("3.50"), None)


def test_the_band_never_goes_below_spend_and_holds_the_point() -> None:
    noisy = {MONDAY - timedelta(days=i): (5.0 if i % 3 else 25.0) for i in range(1, 29)}
    ours = forecast_period(noisy, spent=Decimal(40), amount=Decimal(100),
                           period_start=midnight(MONDAY - timedelta(days=3)),
                           period_end=midnight(MONDAY + timedelta(days=4)),
                           now=midnight(MONDAY))
    assert Decimal(40) <= ours.low < ours.amount < ours.high
