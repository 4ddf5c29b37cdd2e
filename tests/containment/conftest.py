"""Containment tests: the sync fakes over real HTTP, cheap hashing, an account with a key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.identity import use_test_policy
from tests.sync.conftest import fakes, live_fakes, provider_settings

__all__ = ["fakes", "live_fakes", "provider_settings"]


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    with use_test_policy():
        yield
