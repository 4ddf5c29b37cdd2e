"""Fault tests on a production-like topology (``tests.chaos.topology``).

Each module shares one topology across its tests where that is safe (every test seeds
victims of its own, so tests never read each other's rows); a test that breaks a process
for good starts it again before it ends. The fakes run over HTTPS, as production insists.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest

from meterwise.db.config import with_database
from meterwise.fakeproviders import Fakes, start_fakes
from tests.chaos.topology import Topology
from tests.support.services import Services

FAKE_DAYS = 30


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/chaos/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.chaos)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module")
def chaos_fakes() -> Iterator[Fakes]:
    with start_fakes(seed=16, days=FAKE_DAYS, tls=True) as running:
        yield running


@pytest.fixture(scope="module")
async def fresh_database(services: Services) -> AsyncIterator[str]:
    """An empty database of the module's own on the shared server (migrated by the
    topology's ``meterwise migrate``), dropped afterwards."""
    assert services.postgres_url is not None, "no PostgreSQL could be found or started"
    name = f"mw_chaos_{secrets.token_hex(5)}"
    conn = await asyncpg.connect(services.postgres_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    yield with_database(services.postgres_url, name)
    conn = await asyncpg.connect(services.postgres_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture(scope="module")
def topology(fresh_database: str, chaos_fakes: Fakes, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[Topology]:
    """Two APIs, two workers and a scheduler on a fresh database and a Redis of their own."""
    workdir: Path = tmp_path_factory.mktemp("topology")
    with Topology.start(fresh_database, chaos_fakes, workdir) as running:
        yield running
