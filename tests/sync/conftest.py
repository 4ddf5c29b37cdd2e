"""Sync fixtures: the fakes over real HTTP, settings pointing at them, an account with a key."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest
from starlette.applications import Starlette

from meterwise import wiring
from meterwise.config import Settings
from meterwise.fakeproviders import Fakes, start_fakes
from meterwise.services.sync import SyncSettings
from tests.support.identity import new_account, use_test_policy
from tests.sync.support import fake_settings

FAKE_DAYS = 30  # the fakes hold [today - 30, today - 1]: exactly the first sync's backfill


@pytest.fixture(scope="session")
def fakes() -> Iterator[Fakes]:
    with start_fakes(seed=11, days=FAKE_DAYS) as running:
        yield running


@pytest.fixture
def live_fakes(fakes: Fakes) -> Iterator[Fakes]:
    """The fakes with default switches and their pristine data, restored after the test."""
    pristine = {fake.kind: fake.dataset.copy() for fake in fakes.all()}
    fakes.reset()
    yield fakes
    fakes.reset()
    for fake in fakes.all():
        restored = pristine[fake.kind]
        fake.dataset.usage[:] = restored.usage
        fake.dataset.costs[:] = restored.costs


@pytest.fixture(autouse=True)
def _sync_policy() -> Iterator[None]:
    """Leases a loaded CI box cannot outrun (takeover tests shorten them); cheap hashing."""
    leases = SyncSettings(lease_seconds=10, queued_stale_seconds=60)
    with wiring.override(settings=wiring.with_groups(sync=leases)), use_test_policy():
        yield


@pytest.fixture
def provider_settings(settings: Settings, live_fakes: Fakes) -> Settings:
    return fake_settings(settings, live_fakes)


@pytest.fixture
async def account(db: Starlette) -> UUID:
    return await new_account("Sync test")
