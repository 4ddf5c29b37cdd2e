"""Picking an adapter for a provider kind, and refusing unsafe base URLs."""

from __future__ import annotations

import httpx

from meterwise.providers.anthropic import AnthropicAdapter
from meterwise.providers.base import ProviderAdapter, ProviderKind
from meterwise.providers.http import RetryPolicy
from meterwise.providers.openai import OpenAIAdapter
from meterwise.providers.openrouter import OpenRouterAdapter

DEFAULT_BASE_URLS: dict[ProviderKind, str] = {
    ProviderKind.OPENAI: "https://api.openai.com/v1",
    ProviderKind.ANTHROPIC: "https://api.anthropic.com",
    ProviderKind.OPENROUTER: "https://openrouter.ai/api/v1",
}


class UnsafeBaseUrl(ValueError):
    """An operator-configured base URL we will not send keys to."""


def check_base_url(url: str, *, production: bool) -> str:
    """The URL without a trailing slash; http:// only outside production, no userinfo/query."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise UnsafeBaseUrl("provider base URL is not a valid URL") from None
    if parsed.scheme not in ("https", "http"):
        raise UnsafeBaseUrl("provider base URL must use https://")
    if parsed.scheme == "http" and production:
        raise UnsafeBaseUrl("plain http:// provider base URLs are refused in production")
    if not parsed.host:
        raise UnsafeBaseUrl("provider base URL has no host")
    if parsed.userinfo or parsed.query or parsed.fragment:
        raise UnsafeBaseUrl("provider base URL must not carry credentials, a query or a fragment")
    return url.rstrip("/")


def get_adapter(
    kind: ProviderKind,
    *,
    base_url: str,
    client: httpx.AsyncClient,
    production: bool = False,
    retry: RetryPolicy | None = None,
) -> ProviderAdapter:
    """The adapter for `kind` talking to `base_url` (checked) over the shared `client`."""
    url = check_base_url(base_url, production=production)
    if kind is ProviderKind.OPENAI:
        return OpenAIAdapter(base_url=url, client=client, retry=retry)
    if kind is ProviderKind.ANTHROPIC:
        return AnthropicAdapter(base_url=url, client=client, retry=retry)
    if kind is ProviderKind.OPENROUTER:
        return OpenRouterAdapter(base_url=url, client=client, retry=retry)
    raise ValueError(f"no adapter for {kind}")
