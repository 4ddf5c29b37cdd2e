"""Usage tests: cheap identity hashing; analytics settings restored after every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meterwise.services.analytics import settings as analytics_settings
from meterwise.services.identity import policy
from tests.support.identity import use_test_policy


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    use_test_policy()
    yield
    policy.reset()
    analytics_settings.configure(None)
