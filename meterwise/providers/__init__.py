"""Provider adapters: HTTP and parsing only, no database, no settings (all passed in).

The kinds (``config.ProviderKind``) and the base-URL check (``config.check_base_url``) live
in ``config``, beneath every layer that needs them.
"""

from meterwise.providers.base import (
    Credits,
    FetchResult,
    ProviderAdapter,
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
from meterwise.providers.registry import get_adapter

__all__ = [
    "Credits",
    "FetchResult",
    "InvalidCredentials",
    "ProviderAdapter",
    "ProviderError",
    "ProviderResponseError",
    "ProviderUnavailable",
    "RetryPolicy",
    "RowKey",
    "SourceResult",
    "UsageRow",
    "close_shared_client",
    "create_client",
    "get_adapter",
    "merge_rows",
    "read_source",
    "shared_client",
]
