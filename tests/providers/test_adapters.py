"""Every adapter against its fake over real HTTP: exact totals, paging, idempotence, revisions."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from meterwise.config import ProviderKind
from meterwise.fakeproviders import Fakes, Totals, summarise_rows
from meterwise.providers import RetryPolicy
from tests.providers.support import adapter_for, window

KINDS = list(ProviderKind)


@pytest.mark.parametrize("kind", KINDS)
async def test_fetch_totals_equal_the_seeded_data_exactly(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, kind: ProviderKind
) -> None:
    fake = fakes.by_kind(kind)
    result = await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    expected = fake.dataset.expected()
    assert summarise_rows(result.rows) == expected
    assert sum(t.cost for t in expected.values()) > Decimal(10)  # a real-looking amount
    assert len({row.key for row in result.rows}) == len(result.rows)
    assert all(row.bucket_start.hour == 0 and row.bucket_width == "1d" for row in result.rows)


@pytest.mark.parametrize("kind", KINDS)
async def test_paging_is_followed(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, kind: ProviderKind
) -> None:
    fake = fakes.by_kind(kind)
    result = await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    assert result.pages == len(fake.hits) > 2
    if kind is not ProviderKind.OPENROUTER:  # /activity is one unpaged call
        assert any("page=page_" in hit.query for hit in fake.hits)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_sub_window_returns_exactly_its_days(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, kind: ProviderKind
) -> None:
    fake = fakes.by_kind(kind)
    start, end = window(fake, first=3, days=4)
    # an unaligned window widens to whole UTC days
    result = await adapter_for(fake, client, retry).fetch(
        fake.valid_key, start + timedelta(hours=17, minutes=31), end - timedelta(hours=2)
    )
    assert summarise_rows(result.rows) == fake.dataset.expected(start.date(), end.date())


@pytest.mark.parametrize("kind", KINDS)
async def test_fetching_twice_gives_identical_rows(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, kind: ProviderKind
) -> None:
    fake = fakes.by_kind(kind)
    adapter = adapter_for(fake, client, retry)
    first = await adapter.fetch(fake.valid_key, *window(fake))
    second = await adapter.fetch(fake.valid_key, *window(fake))
    assert first.rows == second.rows


@pytest.mark.parametrize("kind", KINDS)
async def test_a_revised_bucket_changes_exactly_that_bucket(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, kind: ProviderKind
) -> None:
    fake = fakes.by_kind(kind)
    adapter = adapter_for(fake, client, retry)
    before = summarise_rows((await adapter.fetch(fake.valid_key, *window(fake))).rows)
    original = fake.dataset.copy()
    day = max(u.day for u in fake.dataset.usage)
    try:
        key = fake.dataset.revise(day)
        after = summarise_rows((await adapter.fetch(fake.valid_key, *window(fake))).rows)
    finally:
        fake.dataset.usage[:], fake.dataset.costs[:] = original.usage, original.costs
    assert {k for k in after if after[k] != before.get(k)} == {key}
    assert after[key] == before[key] + Totals(output_tokens=1000, cost=Decimal("0.25"))


@pytest.mark.parametrize("kind", KINDS)
async def test_validate_key_is_one_cheap_call(
    fakes: Fakes, client: httpx.AsyncClient, retry: RetryPolicy, kind: ProviderKind
) -> None:
    fake = fakes.by_kind(kind)
    await adapter_for(fake, client, retry).validate_key(fake.valid_key)
    assert len(fake.hits) == 1 and fake.hits[0].status == 200
