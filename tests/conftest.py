"""Test harness: real PostgreSQL and Redis, a fresh database per session, clean data per test."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from asgi_lifespan import LifespanManager
from pydantic import SecretStr
from starlette.applications import Starlette

from meterwise import wiring
from meterwise.app import create_app
from meterwise.config import Settings
from tests.adversary.support import LiveServer, start_live_server
from tests.support import db as test_db
from tests.support.identity import FakeClock
from tests.support.services import Services, discover

DB_FIXTURES = {"db", "app", "client", "database_url"}


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_services_key] = discover()


def pytest_unconfigure(config: pytest.Config) -> None:
    services = config.stash.get(_services_key, None)
    if services is not None:
        services.close()


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [f"meterwise: {note}" for note in config.stash[_services_key].notes]


_services_key = pytest.StashKey[Services]()


@pytest.fixture(scope="session")
def services(pytestconfig: pytest.Config) -> Services:
    return pytestconfig.stash[_services_key]


@pytest.fixture(scope="session")
async def database_url(services: Services) -> AsyncIterator[str]:
    assert services.postgres_url is not None, "no PostgreSQL could be found or started"
    url = await test_db.create_test_database(services.postgres_url)
    yield url
    await test_db.drop_database(services.postgres_url, url)


@pytest.fixture(scope="session")
def redis_url(services: Services) -> str:
    if services.redis_url is None:
        pytest.skip("no Redis reachable and no redis-server binary to start one")
    return services.redis_url


@pytest.fixture(scope="session")
def redis_prefix() -> str:
    """A key prefix of this session's own, so concurrent runs on one Redis never meet."""
    return f"mwtest{secrets.token_hex(4)}"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def settings(database_url: str, data_dir: Path) -> Settings:
    configured = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=SecretStr(database_url),
        data_dir=data_dir,
        # The whole suite calls from 127.0.0.1: rate limits are tested in tests/shield.
        rate_limit_anonymous_points=1_000_000,
        rate_limit_user_points=1_000_000,
        rate_limit_requests_per_ip=1_000_000,
        rate_limit_auth_attempts=1_000_000,
    )
    wiring.wire(configured)
    return configured


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[Starlette]:
    application = create_app(settings, run_scheduler=False)
    async with LifespanManager(application, startup_timeout=60):
        yield application


@pytest.fixture(scope="session")
async def _cleaner(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(database_url)
    yield conn
    await conn.close()


@pytest.fixture
async def _truncated(_cleaner: asyncpg.Connection) -> None:
    await test_db.truncate_all(_cleaner)


@pytest.fixture(autouse=True)
def _clean_data(request: pytest.FixtureRequest) -> None:
    """Every test that touches the database starts from empty tables."""
    if not DB_FIXTURES.isdisjoint(request.fixturenames):
        request.getfixturevalue("_truncated")


@pytest.fixture
def db(app: Starlette) -> Starlette:
    """Request this to use the ORM directly (the app's lifespan owns it)."""
    return app


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No METERWISE_* from the developer's shell leaks into a test."""
    import os

    for name in list(os.environ):
        if name.startswith("METERWISE_"):
            monkeypatch.delenv(name)
    yield


@pytest.fixture
def clock() -> Iterator[FakeClock]:
    """The process clock, moved by the test (``clock.advance``) instead of sleeping."""
    fake = FakeClock()
    with wiring.override(clock=fake):
        yield fake


@pytest.fixture(scope="session")
def live(settings: Settings, database_url: str, redis_url: str, redis_prefix: str,
         data_dir: Path, app: Starlette) -> Iterator[LiveServer]:
    """A development-mode ``meterwise serve`` (Redis-backed limits, queue and pub/sub) on
    this session's database, Redis prefix and keys: rows a test writes are rows it reads."""
    with start_live_server(settings, database_url=database_url, redis_url=redis_url,
                           redis_prefix=redis_prefix, data_dir=data_dir) as server:
        yield server
