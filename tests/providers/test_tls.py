"""Over TLS: the adapters verify certificates; trusting the fakes' CA makes them work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meterwise.config import ProviderKind
from meterwise.fakeproviders import Fakes, start_fakes, summarise_rows
from meterwise.providers import ProviderUnavailable, RetryPolicy, create_client
from tests.providers.support import adapter_for, window


@pytest.fixture(scope="module")
def tls_fakes() -> Iterator[Fakes]:
    with start_fakes(seed=3, days=4, tls=True) as running:
        yield running


@pytest.mark.parametrize("kind", list(ProviderKind))
async def test_fetch_over_tls_with_the_fakes_ca(
    tls_fakes: Fakes, retry: RetryPolicy, kind: ProviderKind
) -> None:
    fake = tls_fakes.by_kind(kind)
    assert fake.base_url.startswith("https://") and tls_fakes.ca_path
    async with create_client(verify=tls_fakes.ca_path) as client:
        result = await adapter_for(fake, client, retry).fetch(fake.valid_key, *window(fake))
    assert summarise_rows(result.rows) == fake.dataset.expected()


async def test_an_untrusted_certificate_is_refused_without_retrying(
    tls_fakes: Fakes, retry: RetryPolicy
) -> None:
    fake = tls_fakes.openai
    fake.reset()
    async with create_client() as client:  # system trust store: the fake CA is unknown
        with pytest.raises(ProviderUnavailable, match="TLS certificate verification failed"):
            await adapter_for(fake, client, retry).validate_key(fake.valid_key)
    assert fake.hits == []
