"""Identity tests: cheap hashing and a controllable clock, restored after every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meterwise.config import Settings
from tests.adversary.support import LiveServer, start_live_server
from tests.support.identity import use_test_policy


@pytest.fixture(autouse=True)
def _test_policy() -> Iterator[None]:
    with use_test_policy():
        yield


@pytest.fixture(scope="session")
def live_identity(settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
                  data_dir: Path, app: object) -> Iterator[LiveServer]:
    """A real API process (HTTP and graphql-transport-ws) on this session's database."""
    with start_live_server(settings, database_url=database_url, redis_url=redis_url,
                           redis_prefix=f"{redis_prefix}i", data_dir=data_dir) as server:
        yield server
