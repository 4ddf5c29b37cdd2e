"""Vault fixtures: the fake providers, settings pointing at them, a GraphQL caller."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from meterwise.config import Settings
from meterwise.fakeproviders import Fakes, start_fakes
from tests.vault.support import Gql


@pytest.fixture(scope="session")
def fakes() -> Iterator[Fakes]:
    with start_fakes(seed=3, days=2) as running:
        yield running


@pytest.fixture
def provider_urls(fakes: Fakes, monkeypatch: pytest.MonkeyPatch) -> Fakes:
    """Every provider base URL (the app's settings included) points at the fakes."""
    fakes.reset()
    urls = {fake.kind.value: fake.base_url for fake in fakes.all()}
    monkeypatch.setattr(Settings, "provider_base_url", lambda self, kind: urls[kind.lower()])
    return fakes


@pytest.fixture
def gql(client: httpx.AsyncClient) -> Gql:
    return Gql(client)
