"""Budget periods are UTC, weeks are ISO (Monday), quarters are calendar quarters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from meterwise.models.spend import BudgetPeriod
from meterwise.services.spend.periods import period_bounds


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(("period", "now", "start", "end"), [
    (BudgetPeriod.DAY, utc(2026, 3, 1, 23, 59), utc(2026, 3, 1), utc(2026, 3, 2)),
    # 2027-01-01 is a Friday: its ISO week began on Monday 2026-12-28
    (BudgetPeriod.WEEK, utc(2027, 1, 1, 8), utc(2026, 12, 28), utc(2027, 1, 4)),
    (BudgetPeriod.WEEK, utc(2026, 12, 7, 0), utc(2026, 12, 7), utc(2026, 12, 14)),
    (BudgetPeriod.MONTH, utc(2026, 12, 31, 23), utc(2026, 12, 1), utc(2027, 1, 1)),
    (BudgetPeriod.MONTH, utc(2028, 2, 29, 1), utc(2028, 2, 1), utc(2028, 3, 1)),
    (BudgetPeriod.QUARTER, utc(2026, 11, 15), utc(2026, 10, 1), utc(2027, 1, 1)),
    (BudgetPeriod.QUARTER, utc(2026, 3, 31, 23), utc(2026, 1, 1), utc(2026, 4, 1)),
])
def test_period_bounds(period: BudgetPeriod, now: datetime, start: datetime,
                       end: datetime) -> None:
    assert period_bounds(period, now) == (start, end)


def test_a_non_utc_moment_is_read_in_utc() -> None:
    from datetime import timedelta, timezone

    tokyo = timezone(timedelta(hours=9))
    # 2026-03-02 08:00 in Tokyo is still 2026-03-01 in UTC
    assert period_bounds(BudgetPeriod.DAY, datetime(2026, 3, 2, 8, tzinfo=tokyo)) == (
        utc(2026, 3, 1), utc(2026, 3, 2))
