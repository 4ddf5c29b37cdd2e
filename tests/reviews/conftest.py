"""Access-review tests: cheap hashing and a controllable clock, restored after every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.identity import use_test_policy


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    with use_test_policy():
        yield

