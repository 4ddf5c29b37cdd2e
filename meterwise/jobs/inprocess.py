"""Embedded default: jobs run as tasks on the server's own event loop."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable

from meterwise.jobs.base import JobArg, JobSpec

log = logging.getLogger(__name__)


class InProcessJobQueue:
    """Runs each enqueued job as an asyncio task, retrying per its spec.

    There is no persistence: a job in flight when the process stops is lost, and the
    scheduler re-enqueues periodic work on the next start. Production uses Redis.
    """

    def __init__(self, lookup: Callable[[str], JobSpec]) -> None:
        self._lookup = lookup
        self._tasks: set[asyncio.Task[None]] = set()

    async def enqueue(self, name: str, /, **kwargs: JobArg) -> None:
        spec = self._lookup(name)  # unknown names fail at the caller, like Dramatiq
        task = asyncio.get_running_loop().create_task(self._run(spec, kwargs), name=f"job:{name}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, spec: JobSpec, kwargs: dict[str, JobArg]) -> None:
        for attempt in range(spec.max_retries + 1):
            try:
                async with asyncio.timeout(spec.time_limit_ms / 1000):
                    await spec.fn(**kwargs)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if attempt >= spec.max_retries:
                    log.error("job %s failed for good after %d attempts: %s",
                              spec.name, attempt + 1, type(exc).__name__, exc_info=exc)
                    return
                backoff = min(spec.max_backoff_ms, spec.min_backoff_ms * 2**attempt) / 1000
                delay = backoff * random.uniform(0.5, 1.0)  # noqa: S311 - jitter, not crypto
                log.warning("job %s failed (%s); retry %d in %.1fs",
                            spec.name, type(exc).__name__, attempt + 1, delay)
                await asyncio.sleep(delay)

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def drain(self, limit_seconds: float = 30.0) -> None:
        """Wait for every job enqueued so far (tests, and a graceful shutdown)."""
        async with asyncio.timeout(limit_seconds):
            while self._tasks:
                await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
