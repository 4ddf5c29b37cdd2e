"""Budget periods in UTC: a day, an ISO week (Monday 00:00), a calendar month or quarter."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from meterwise.models.spend import BudgetPeriod


def period_bounds(period: BudgetPeriod, now: datetime) -> tuple[datetime, datetime]:
    """[start, end) of the period of ``period`` that contains ``now`` (UTC)."""
    today = now.astimezone(UTC).date()
    if period is BudgetPeriod.DAY:
        start = today
        end = today + timedelta(days=1)
    elif period is BudgetPeriod.WEEK:
        start = today - timedelta(days=today.weekday())
        end = start + timedelta(weeks=1)
    elif period is BudgetPeriod.MONTH:
        start = today.replace(day=1)
        end = _add_months(start, 1)
    else:
        start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        end = _add_months(start, 3)
    return midnight(start), midnight(end)


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
