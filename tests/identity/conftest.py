"""Identity tests: cheap hashing and a controllable clock, restored after every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meterwise.services.identity import policy
from tests.support.identity import FakeClock, use_test_policy


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    use_test_policy()
    yield
    policy.reset()
    use_test_policy()


@pytest.fixture
def clock() -> FakeClock:
    fake = FakeClock()
    policy.configure(clock=fake)
    return fake
