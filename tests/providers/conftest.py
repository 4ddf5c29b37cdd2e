"""Fixtures for adapter tests: the fakes over real HTTP, a client, a recording sleep."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from meterwise.fakeproviders import Fakes, start_fakes
from meterwise.providers import RetryPolicy, create_client
from tests.providers.support import SleepRecorder

DAYS = 10


@pytest.fixture(scope="session")
def fakes() -> Iterator[Fakes]:
    with start_fakes(seed=7, days=DAYS) as running:
        yield running


@pytest.fixture(autouse=True)
def _clean_fakes(request: pytest.FixtureRequest) -> None:
    if "fakes" in request.fixturenames:
        request.getfixturevalue("fakes").reset()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with create_client() as http:
        yield http


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def retry(sleeps: SleepRecorder) -> RetryPolicy:
    return RetryPolicy(max_attempts=4, sleep=sleeps, jitter=lambda: 0.5)
