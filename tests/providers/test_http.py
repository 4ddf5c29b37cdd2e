"""The retry policy, Retry-After parsing, base URL checks and the package's import boundary."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from meterwise.config import ProviderKind, UnsafeBaseUrl, check_base_url
from meterwise.providers import RetryPolicy, get_adapter
from meterwise.providers.http import parse_retry_after, redact


def test_retry_after_seconds_and_http_date() -> None:
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True),
                             now=now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True),
                             now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_backoff_is_exponential_bounded_and_jittered() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, jitter=lambda: 1.0)
    assert [policy.backoff(n) for n in range(1, 7)] == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    low = RetryPolicy(base_delay=1.0, max_delay=8.0, jitter=lambda: 0.0)
    assert low.backoff(3) == 2.0  # jitter spreads each delay over [50%, 100%]


def test_retry_after_is_capped() -> None:
    policy = RetryPolicy(max_retry_after=60.0, jitter=lambda: 0.0)
    assert policy.honour(100_000.0) == 60.0
    assert policy.honour(3.0) == 3.0


def test_redact_removes_the_key_and_masked_echoes() -> None:
    key = "sk-admin-abcdefghijklmnop"
    text = f"Incorrect API key provided: {key} or sk-adm********mnop"
    assert "abcdefgh" not in redact(text, key)
    assert "mnop" not in redact(text, key)


@pytest.mark.parametrize("url", ["http://api.example.test/v1", "http://127.0.0.1:9001/v1"])
def test_http_base_url_is_refused_in_production(url: str) -> None:
    with pytest.raises(UnsafeBaseUrl):
        check_base_url(url, production=True)
    assert check_base_url(url + "/", production=False) == url


@pytest.mark.parametrize("url", ["ftp://x.test", "https://user:pw@x.test", "https://x.test/?a=1",
                                 "not a url", "https://"])
def test_odd_base_urls_are_refused(url: str) -> None:
    with pytest.raises(UnsafeBaseUrl):
        check_base_url(url, production=False)


async def test_get_adapter_refuses_http_in_production() -> None:
    async with httpx.AsyncClient() as client:
        for kind in ProviderKind:
            with pytest.raises(UnsafeBaseUrl):
                get_adapter(kind, base_url="http://127.0.0.1:1/v1", client=client,
                            production=True)
            adapter = get_adapter(kind, base_url="https://api.example.test/v1", client=client,
                                  production=True)
            assert adapter.kind is kind


# The one vocabulary beneath every layer; never `Settings`: adapters get everything passed in.
SHARED_FROM_CONFIG = {"ProviderKind", "check_base_url"}


def test_providers_import_nothing_else_from_meterwise() -> None:
    package = Path(__file__).parents[2] / "meterwise" / "providers"
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                if isinstance(node, ast.ImportFrom) and name == "meterwise.config":
                    imported = {alias.name for alias in node.names}
                    assert imported <= SHARED_FROM_CONFIG, f"{path.name}: {imported}"
                elif name.startswith("meterwise"):
                    assert name.startswith("meterwise.providers"), f"{path.name}: {name}"
