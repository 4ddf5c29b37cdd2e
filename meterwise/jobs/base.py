"""The job interface shared by the queue backends."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

JobArg = str | int | float | bool | None


@dataclass(frozen=True)
class JobSpec:
    """A job: an async function plus the retry policy it declares.

    Arguments are JSON scalars (ids, not objects): messages are JSON-encoded, never pickled.
    """

    name: str
    fn: Callable[..., Awaitable[Any]]
    max_retries: int = 3
    min_backoff_ms: int = 1_000
    max_backoff_ms: int = 60_000
    time_limit_ms: int = 10 * 60_000


class JobQueue(Protocol):
    async def enqueue(self, name: str, /, **kwargs: JobArg) -> None:
        """Schedule job ``name``; it runs after the caller's transaction has committed."""
        ...
