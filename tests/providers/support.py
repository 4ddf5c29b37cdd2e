"""Helpers shared by the provider tests (imported, unlike conftest fixtures)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import httpx

from meterwise.fakeproviders import FakeProvider
from meterwise.providers import ProviderAdapter, RetryPolicy, get_adapter


class SleepRecorder:
    """Stands in for asyncio.sleep: records each backoff instead of waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def adapter_for(fake: FakeProvider, client: httpx.AsyncClient, retry: RetryPolicy
                ) -> ProviderAdapter:
    return get_adapter(fake.kind, base_url=fake.base_url, client=client, retry=retry)


def window(fake: FakeProvider, first: int = 0, days: int | None = None
           ) -> tuple[datetime, datetime]:
    """[start, end) as aware datetimes covering `days` days of the fake's data from `first`."""
    start = datetime.combine(fake.dataset.start_day, time(), UTC) + timedelta(days=first)
    return start, start + timedelta(days=fake.dataset.days - first if days is None else days)
