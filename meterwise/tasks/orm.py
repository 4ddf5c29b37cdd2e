"""Dramatiq middleware: the ORM lives on the worker's asyncio event loop."""

from __future__ import annotations

from typing import Any

from dramatiq import Middleware
from dramatiq.asyncio import get_event_loop_thread
from tortoise import Tortoise

from meterwise.db.config import tortoise_config


class TortoiseMiddleware(Middleware):
    """Initialise Tortoise on the AsyncIO middleware's loop at boot; close it at shutdown.

    Add it after ``dramatiq.middleware.AsyncIO``, whose loop thread must already run.
    """

    def __init__(self, database_url: str, *, pool_max: int = 5) -> None:
        self._config = tortoise_config(database_url, pool_max=pool_max)

    def after_worker_boot(self, broker: Any, worker: Any) -> None:
        loop = get_event_loop_thread()
        if loop is None:
            raise RuntimeError("TortoiseMiddleware needs the AsyncIO middleware before it")
        loop.run_coroutine(Tortoise.init(config=self._config, _enable_global_fallback=True))

    def before_worker_shutdown(self, broker: Any, worker: Any) -> None:
        loop = get_event_loop_thread()
        if loop is not None:
            loop.run_coroutine(Tortoise.close_connections())
