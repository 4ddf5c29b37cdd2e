"""Apply Tortoise migrations (``meterwise migrate``, and ``serve`` in embedded mode)."""

from __future__ import annotations

from collections.abc import Callable

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from meterwise.db.config import tortoise_config


async def apply_migrations(url: str, *, progress: Callable[[str], None] | None = None) -> None:
    """Bring the schema up to date; applying twice is a no-op."""

    def report(event: str, app_label: str, name: str) -> None:
        if progress is not None:
            progress(f"{event} {app_label}.{name}")

    try:
        await migrate(config=tortoise_config(url, pool_max=2), progress=report)
    finally:
        await Tortoise.close_connections()
