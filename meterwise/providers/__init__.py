"""Provider adapters: HTTP and parsing only, no database, no settings (all passed in)."""

from meterwise.providers.base import (
    Credits,
    FetchResult,
    ProviderAdapter,
    ProviderKind,
    RowKey,
    SourceResult,
    UsageRow,
    merge_rows,
    read_source,
)
from meterwise.providers.errors import (
    InvalidCredentials,
    ProviderError,
    ProviderResponseError,
    ProviderUnavailable,
)
from meterwise.providers.http import (
    RetryPolicy,
    close_shared_client,
    create_client,
    shared_client,
)
from meterwise.providers.registry import (
    DEFAULT_BASE_URLS,
    UnsafeBaseUrl,
    check_base_url,
    get_adapter,
)

__all__ = [
    "DEFAULT_BASE_URLS",
    "Credits",
    "FetchResult",
    "InvalidCredentials",
    "ProviderAdapter",
    "ProviderError",
    "ProviderKind",
    "ProviderResponseError",
    "ProviderUnavailable",
    "RetryPolicy",
    "RowKey",
    "SourceResult",
    "UnsafeBaseUrl",
    "UsageRow",
    "check_base_url",
    "close_shared_client",
    "create_client",
    "get_adapter",
    "merge_rows",
    "read_source",
    "shared_client",
]
