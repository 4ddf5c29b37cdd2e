"""A worker process's life around its jobs: ready before the first, drained after the last.

Dramatiq starts the worker threads and consumers between ``before_worker_boot`` and
``after_worker_boot``, so anything a job needs must be up *before* boot, or a job taken in
that gap fails (``ConfigurationError: default_connection … cannot be None``). This
middleware opens Tortoise on the AsyncIO middleware's loop, proves the database and Redis
answer, and only then lets Dramatiq start consuming; when they do not come up within
``worker_ready_timeout_seconds`` the process exits with ``EXIT_NOT_READY`` after one log
line. On shutdown it marks the process draining (long jobs hand their work back) and
closes the database only after the last job returned.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from dramatiq import Middleware
from dramatiq.asyncio import get_event_loop_thread
from tortoise import Tortoise

from meterwise import wiring
from meterwise.db.config import tortoise_config
from meterwise.security.redaction import redact

log = logging.getLogger(__name__)

EXIT_NOT_READY = 3  # Dramatiq's own "could not connect" code


class WorkerLifecycle(Middleware):
    """Add it after ``dramatiq.middleware.AsyncIO``, whose loop must already run at boot."""

    def __init__(self, database_url: str, *, pool_max: int = 5,
                 ready_timeout_seconds: float = 30.0) -> None:
        self._config = tortoise_config(database_url, pool_max=pool_max)
        self._ready_timeout = ready_timeout_seconds

    def before_worker_boot(self, broker: Any, worker: Any) -> None:
        loop = get_event_loop_thread()
        if loop is None:
            raise RuntimeError("WorkerLifecycle needs the AsyncIO middleware before it")
        deadline = time.monotonic() + self._ready_timeout
        for name, check in (("database", lambda: loop.run_coroutine(self._database())),
                            ("Redis", lambda: broker.client.ping())):
            if not _wait_until_up(name, check, deadline):
                loop.stop()  # a running loop thread would keep the process from exiting
                loop.join()
                raise SystemExit(EXIT_NOT_READY)
        log.info("worker ready: database and Redis answer; consuming jobs")

    async def _database(self) -> None:
        if not Tortoise.is_inited():
            await Tortoise.init(config=self._config, _enable_global_fallback=True)
        await Tortoise.get_connection("default").execute_query("SELECT 1")

    def before_worker_shutdown(self, broker: Any, worker: Any) -> None:
        wiring.begin_drain()

    def after_worker_shutdown(self, broker: Any, worker: Any) -> None:
        loop = get_event_loop_thread()
        if loop is not None and Tortoise.is_inited():
            loop.run_coroutine(Tortoise.close_connections())


def _wait_until_up(name: str, check: Callable[[], object], deadline: float) -> bool:
    """Retry ``check`` until it passes (True); past ``deadline``, one log line and False."""
    while True:
        try:
            check()
            return True
        except Exception as exc:  # unreachable, refused, bad credentials: all "not ready"
            if time.monotonic() >= deadline:
                reason = " ".join(redact(str(exc)).split())[:200]  # no DSN secret in logs
                log.critical("worker not ready: the %s did not answer (%s: %s); exiting",
                             name, type(exc).__name__, reason)
                return False
            time.sleep(0.5)


def drain_on_first_sigterm() -> None:
    """Make this worker process act on the first SIGTERM only.

    A SIGTERM to the process group (systemd, container runtimes) reaches the worker twice:
    from the group, then forwarded by Dramatiq's main process; Dramatiq's handler takes the
    second as "kill now" and abandons the job in flight. Called while Dramatiq's handler is
    installed (the worker process imports this module's broker), it wraps that handler.
    """
    previous = signal.getsignal(signal.SIGTERM)
    if not callable(previous):
        return
    handler: Callable[[int, FrameType | None], Any] = previous
    seen = False

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        nonlocal seen
        wiring.begin_drain()
        if not seen:
            seen = True
            handler(signum, frame)

    signal.signal(signal.SIGTERM, on_sigterm)
