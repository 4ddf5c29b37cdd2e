"""Provider errors: what a sync needs to decide (stop, retry later, report), and never a key.

Messages are built by the HTTP layer from the status, the request path and the provider's
own message after redaction, so `str()`, `repr()` and tracebacks are safe to log.
"""

from __future__ import annotations


class ProviderError(Exception):
    """Base class: anything a provider fetch can fail with."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class InvalidCredentials(ProviderError):
    """401/403: the key is wrong, revoked or lacks the scope. Never retried; mark the connection."""


class ProviderUnavailable(ProviderError):
    """429/5xx/timeouts/network errors persisted through every retry: try again later."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class ProviderResponseError(ProviderError):
    """The provider answered something we cannot use: malformed body or an unexpected status."""
