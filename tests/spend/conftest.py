"""Spend tests: cheap identity hashing; no job queue (tests drive evaluation and the outbox
themselves, so every send is awaited and counted)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meterwise.services import spend
from meterwise.services.identity import policy
from tests.support.identity import use_test_policy


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    use_test_policy()
    before = spend.wiring.jobs
    spend.configure(None)
    yield
    spend.configure(before)
    policy.reset()
