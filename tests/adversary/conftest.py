"""Attacks on a real ``meterwise serve`` process (real PostgreSQL and Redis).

Every test here reproduces an attack from the outside review: it talks to the server only
over HTTP and WebSocket, exactly as an attacker would, and sets up its victims through the
services in this process (same database), so a test costs milliseconds, not a sign-up.

    async def test_x(live: LiveServer) -> None:
        token, who = await signed_in()                         # a victim, via the services
        body = await live.gql("{ me { id } }", token=token)     # over real HTTP
        async with live.socket(token) as ws:                    # graphql-transport-ws
            reply = await ws.execute("{ me { id } }")

``live`` (root conftest) is the development-mode server; ``live_production`` runs the same code with
``METERWISE_ENV=production`` behind a trusted proxy header (``X-Forwarded-Proto: https``).
Both share this session's database, Redis prefix and master-key file with the in-process
app, so rows the test writes are the rows the server reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meterwise.config import Settings
from tests.adversary.support import LiveServer, start_live_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def live_production(settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
                    data_dir: Path, app: object) -> Iterator[LiveServer]:
    """The same API in production mode; every request says it came through an HTTPS proxy."""
    with start_live_server(settings, database_url=database_url, redis_url=redis_url,
                           redis_prefix=redis_prefix, data_dir=data_dir,
                           production=True) as server:
        yield server
