"""Access-review tests: cheap hashing and a controllable clock, restored after every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meterwise import wiring
from tests.support.identity import FakeClock, use_test_policy


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    with use_test_policy():
        yield


@pytest.fixture
def clock() -> Iterator[FakeClock]:
    """The process clock, moved by the test (``clock.advance``) instead of sleeping."""
    fake = FakeClock()
    with wiring.override(clock=fake):
        yield fake
