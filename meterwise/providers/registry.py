"""Picking an adapter for a provider kind (its base URL checked by ``config.check_base_url``)."""

from __future__ import annotations

import httpx

from meterwise.config import ProviderKind, check_base_url
from meterwise.providers.anthropic import AnthropicAdapter
from meterwise.providers.base import ProviderAdapter
from meterwise.providers.common import Clock, utc_now
from meterwise.providers.http import RetryPolicy
from meterwise.providers.openai import OpenAIAdapter
from meterwise.providers.openrouter import OpenRouterAdapter


def get_adapter(
    kind: ProviderKind,
    *,
    base_url: str,
    client: httpx.AsyncClient,
    production: bool = False,
    retry: RetryPolicy | None = None,
    clock: Clock = utc_now,
) -> ProviderAdapter:
    """The adapter for `kind` talking to `base_url` (checked) over the shared `client`;
    `clock` is its "today" (services pass ``clock.now``)."""
    url = check_base_url(base_url, production=production)
    if kind is ProviderKind.OPENAI:
        return OpenAIAdapter(base_url=url, client=client, retry=retry, clock=clock)
    if kind is ProviderKind.ANTHROPIC:
        return AnthropicAdapter(base_url=url, client=client, retry=retry, clock=clock)
    if kind is ProviderKind.OPENROUTER:
        return OpenRouterAdapter(base_url=url, client=client, retry=retry, clock=clock)
    raise ValueError(f"no adapter for {kind}")
