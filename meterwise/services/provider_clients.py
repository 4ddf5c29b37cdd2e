"""The way services reach provider adapters: one shared HTTP client, operator base URLs.

Base URLs come only from settings (``METERWISE_PROVIDER_<KIND>_BASE_URL``), never from user
input, so users cannot point the server at internal addresses; ``http://`` is refused in
production. The process shares one ``httpx.AsyncClient`` (connection pooling, TLS
verification, no redirects), created lazily on first use and closed by the runtime.
"""

from __future__ import annotations

import httpx

from meterwise import clock
from meterwise.config import ProviderKind, Settings
from meterwise.providers import (
    ProviderAdapter,
    RetryPolicy,
    close_shared_client,
    get_adapter,
    shared_client,
)

__all__ = ["INTERACTIVE_RETRY", "adapter_for", "close_client", "http_client"]

# A person is waiting (connect/replace): two quick tries, not a sync's patient backoff.
INTERACTIVE_RETRY = RetryPolicy(max_attempts=2, base_delay=0.2, max_delay=1.0, max_retry_after=2.0)


def http_client() -> httpx.AsyncClient:
    """The process-wide provider client (created on first use, on the running loop)."""
    return shared_client()


async def close_client() -> None:
    """Close the shared client; called once from the runtime's teardown."""
    await close_shared_client()


def adapter_for(kind: ProviderKind, settings: Settings, *,
                retry: RetryPolicy | None = None) -> ProviderAdapter:
    """The adapter for ``kind`` at the operator's base URL; raises ``UnsafeBaseUrl``."""
    return get_adapter(
        kind,
        base_url=settings.provider_base_url(kind),
        client=http_client(),
        production=settings.is_production,
        retry=retry,
        clock=clock.now,
    )
