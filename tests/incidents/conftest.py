"""Incident tests: cheap hashing, no job queue (tests drive detection, escalation and the
outbox themselves, so every send is awaited), and a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meterwise import wiring
from tests.support.identity import use_test_policy


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    with use_test_policy(), wiring.override(jobs=None):
        yield
